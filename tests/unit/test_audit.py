"""The tamper-evident audit log (docs/architecture.md, The audit chain): appending inside the
change's transaction, the
hash chain an outside auditor can recompute, and verify naming exactly the first broken entry
when the table is edited behind the program's back with a raw SQLCipher connection, as an
attacker holding the passphrase would (dropping the append-only triggers first). A cut tail
is only visible against the newest entry this computer remembers."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlcipher3

from desktop import errors
from desktop.services import audit as audit_service
from desktop.services.audit import AuditService, KnownEntry
from desktop.storage import audit
from desktop.storage.archive import Archive, apply_key

from unit_support import REPO

GENESIS = "0" * 64
HASHED = (
    "id",
    "at",
    "user_name",
    "computer",
    "action",
    "target_type",
    "target_id",
    "details",
    "prev_hash",
)


# --------------------------------------------------------------------------- helpers
def auditor_hash(row: dict) -> str:
    """An entry's hash as an outside auditor recomputes it from the module docstring alone."""
    obj = {k: row[k] for k in HASHED}
    text = json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def raw(path: Path, passphrase: str) -> sqlcipher3.Connection:
    """A plain SQLCipher connection, not the program's: what any SQLCipher 4 tool gives
    (keyed with the tests' KDF setting, as the archive was made)."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    apply_key(conn, passphrase)
    conn.row_factory = sqlcipher3.Row
    return conn


def tamper(path: Path, passphrase: str, *statements: tuple[str, tuple] | str) -> None:
    """Edit the audit table behind the program's back: drop the triggers, then write."""
    conn = raw(path, passphrase)
    try:
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
        for st in statements:
            sql, params = (st, ()) if isinstance(st, str) else st
            conn.execute(sql, params)
    finally:
        conn.close()


def rows(path: Path, passphrase: str) -> list[dict]:
    conn = raw(path, passphrase)
    try:
        return [dict(r) for r in conn.execute("SELECT * FROM audit_log ORDER BY id")]
    finally:
        conn.close()


def fill(archive: Archive, n: int, *, start: int = 0, user: str = "李娜") -> list[audit.AuditEntry]:
    out = []
    for i in range(start, start + n):
        with archive.write() as c:
            out.append(
                audit.append(
                    c,
                    user_name=user,
                    action="view_sensitive" if i % 2 else "change",
                    target_type="customer",
                    target_id=100 + i,
                    computer="前台-PC",
                    details={
                        "field": "id_number",
                        "reason": f"核对身份证号 第{i}次",
                        "n": i,
                        'quote"and\\slash': "换行\n制表\t",
                    },
                )
            )
    return out


@pytest.fixture
def archive(made_archive, passphrase):
    a = Archive.open(made_archive, passphrase)
    yield a
    a.close()


@pytest.fixture
def ten(archive, made_archive, passphrase):
    """An archive with 10 entries, closed (so a raw connection can edit it), then reopened."""
    fill(archive, 10)
    return made_archive


def verify_file(path: Path, passphrase: str) -> audit.VerifyResult:
    with Archive.open(path, passphrase) as a:
        return audit.verify(a.conn)


# --------------------------------------------------------------------------- appending
def test_appended_entries_form_a_chain_an_outside_auditor_can_recompute(
    archive, made_archive, passphrase
):
    entries = fill(archive, 5)
    assert [e.id for e in entries] == [1, 2, 3, 4, 5]
    assert entries[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    assert entries[3].details["reason"] == "核对身份证号 第3次"
    assert entries[3].target_id == "103"  # stored as text, the column's type

    stored = rows(made_archive, passphrase)
    for row, entry in zip(stored, entries, strict=True):
        assert auditor_hash(row) == row["hash"] == entry.hash
        assert "核对身份证号" in row["details"]  # UTF-8 as itself, not \\u escapes
        assert json.loads(row["details"]) == entry.details
        assert row["at"].endswith("+00:00")
    # The documented canonical text, byte for byte.
    first = stored[0]
    assert audit.canonical(*(first[k] for k in HASHED)) == (
        '{"action":"change","at":"%s","computer":"前台-PC","details":%s,"id":1,"prev_hash":"%s",'
        '"target_id":"100","target_type":"customer","user_name":"李娜"}'
        % (first["at"], json.dumps(first["details"], ensure_ascii=False), GENESIS)
    )

    result = audit.verify(archive.conn)
    assert result.ok and result.entries_checked == 5
    assert (result.last_id, result.last_hash) == (5, entries[-1].hash)
    assert result.message().startswith("Audit chain intact: 5 entries")


def test_an_empty_log_verifies(archive):
    result = audit.verify(archive.conn)
    assert result.ok and result.entries_checked == 0 and result.last_id is None


def test_append_normalises_time_to_utc_and_refuses_blank_user_or_action(archive):
    with archive.write() as c:
        e = audit.append(
            c,
            user_name="zhang",
            action="export",
            at=datetime(2026, 3, 1, 9, 30, tzinfo=timezone(timedelta(hours=8))),
        )
        assert e.at == "2026-03-01T01:30:00.000+00:00"
        with pytest.raises(errors.ValidationError):
            audit.append(c, user_name=" ", action="export")
        with pytest.raises(errors.ValidationError):
            audit.append(c, user_name="zhang", action="")
    assert audit.verify(archive.conn).ok


def test_append_outside_a_write_transaction_is_refused(archive):
    with pytest.raises(RuntimeError, match="inside"):
        audit.append(archive.conn, user_name="li", action="login")
    assert audit.count(archive.conn) == 0


def test_an_entry_appended_in_a_transaction_that_fails_is_gone_with_it(archive):
    fill(archive, 2)

    class Boom(Exception):
        pass

    with pytest.raises(Boom):
        with archive.write() as c:
            c.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
            audit.append(c, user_name="li", action="change", details={"key": "x"})
            raise Boom()
    # A failing statement after the entry: the change and its entry roll back together.
    with pytest.raises(errors.ArchiveError):
        with archive.write() as c:
            audit.append(c, user_name="li", action="change")
            c.execute("INSERT INTO no_such_table VALUES (1)")
    assert audit.count(archive.conn) == 2
    assert archive.get_setting("x") is None
    with archive.write() as c:
        e = audit.append(c, user_name="li", action="change")
    assert e.id == 3
    assert audit.verify(archive.conn).ok


def test_the_triggers_refuse_update_and_delete_through_the_program(archive):
    fill(archive, 3)
    for sql in (
        "UPDATE audit_log SET details = '{}' WHERE id = 2",
        "DELETE FROM audit_log WHERE id = 3",
        "DELETE FROM audit_log",
    ):
        with pytest.raises(errors.ArchiveError, match="append-only"):
            with archive.write() as c:
                c.execute(sql)
        with pytest.raises(sqlcipher3.DatabaseError, match="append-only"):
            archive.conn.execute(sql)
    assert audit.count(archive.conn) == 3
    assert audit.verify(archive.conn).ok


def test_appends_from_several_processes_keep_one_chain(made_archive, passphrase):
    """Several computers on one file: BEGIN IMMEDIATE serialises the appends."""
    script = (
        "import sys\n"
        "from desktop.storage.archive import Archive\n"
        "from desktop.storage import audit\n"
        "a = Archive.open(sys.argv[1], sys.stdin.readline().rstrip('\\n'))\n"
        "for i in range(40):\n"
        "    with a.write() as c:\n"
        "        audit.append(c, user_name=sys.argv[2], action='change', details={'i': i})\n"
        "a.close()\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(made_archive), f"pc{n}"],
            stdin=subprocess.PIPE,
            env=env,
        )
        for n in range(3)
    ]
    for p in procs:
        p.stdin.write((passphrase + "\n").encode("utf-8"))
        p.stdin.close()
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    result = verify_file(made_archive, passphrase)
    assert result.ok and result.entries_checked == 120


# --------------------------------------------------------------------------- tampering
@pytest.mark.parametrize(
    "column, value",
    [
        ("details", '{"field":"id_number","reason":"无"}'),
        ("at", "2020-01-01T00:00:00.000+00:00"),
        ("user_name", "王五"),
        ("computer", "other-pc"),
        ("action", "login"),
        ("target_type", None),
        ("target_id", "999"),
        ("prev_hash", "f" * 64),
        ("hash", "e" * 64),
    ],
)
def test_a_changed_field_names_that_entry(ten, passphrase, column, value):
    tamper(ten, passphrase, (f"UPDATE audit_log SET {column} = ? WHERE id = 5", (value,)))
    result = verify_file(ten, passphrase)
    assert not result.ok
    assert result.first_broken_id == 5
    assert result.entries_checked == 4
    if column != "hash":
        assert "changed after it was written" in result.problem


def test_a_changed_entry_is_named_with_its_time_user_and_action(ten, passphrase):
    tamper(ten, passphrase, 'UPDATE audit_log SET details = \'{"note":"改过"}\' WHERE id = 8')
    result = verify_file(ten, passphrase)
    e = result.broken_entry
    assert (result.first_broken_id, e.id) == (8, 8)
    assert (e.user_name, e.action) == ("李娜", "view_sensitive")
    assert result.message().startswith(
        f"Audit chain broken at entry 8 ({e.local_time}, 李娜, view_sensitive): "
    )


def test_a_deleted_middle_entry_names_the_entry_after_the_gap(ten, passphrase):
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id = 5")
    result = verify_file(ten, passphrase)
    assert (result.ok, result.first_broken_id, result.entries_checked) == (False, 6, 4)
    assert "entry 5 before it is missing" in result.problem


def test_several_deleted_entries(ten, passphrase):
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id BETWEEN 3 AND 6")
    result = verify_file(ten, passphrase)
    assert (result.first_broken_id, result.entries_checked) == (7, 2)
    assert "entries 3-6 before it are missing" in result.problem


def test_a_deleted_first_entry(ten, passphrase):
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id = 1")
    result = verify_file(ten, passphrase)
    assert (result.first_broken_id, result.entries_checked) == (2, 0)
    assert "entry 1 before it is missing" in result.problem


def test_a_first_entry_that_does_not_start_the_chain(ten, passphrase):
    """Entry 1 rewritten with a forged hash over a non-zero previous hash."""
    row = rows(ten, passphrase)[0]
    row["prev_hash"] = "a" * 64
    tamper(
        ten,
        passphrase,
        (
            "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = 1",
            (row["prev_hash"], auditor_hash(row)),
        ),
    )
    result = verify_file(ten, passphrase)
    assert (result.first_broken_id, result.entries_checked) == (1, 0)
    assert "all zeros" in result.problem


def test_a_reordered_chain(ten, passphrase):
    tamper(
        ten,
        passphrase,
        "UPDATE audit_log SET id = -5 WHERE id = 5",
        "UPDATE audit_log SET id = 5 WHERE id = 4",
        "UPDATE audit_log SET id = 4 WHERE id = -5",
    )
    result = verify_file(ten, passphrase)
    assert (result.first_broken_id, result.entries_checked) == (4, 3)


def test_a_forged_hash_for_a_changed_entry_is_caught_by_its_successor(ten, passphrase):
    """The attacker knows the canonical form: entry 5 is changed and its own hash recomputed,
    but entry 6 still records the old one. Entry 5 is the one named."""
    row = rows(ten, passphrase)[4]
    row["details"] = json.dumps({"field": "id_number", "reason": "无"}, ensure_ascii=False)
    tamper(
        ten,
        passphrase,
        (
            "UPDATE audit_log SET details = ?, hash = ? WHERE id = 5",
            (row["details"], auditor_hash(row)),
        ),
    )
    result = verify_file(ten, passphrase)
    assert (result.ok, result.first_broken_id, result.entries_checked) == (False, 5, 4)
    assert result.broken_entry.details["reason"] == "无"
    assert "not the one entry 6 recorded" in result.problem


def test_a_break_is_found_across_read_chunks(ten, passphrase):
    tamper(ten, passphrase, "UPDATE audit_log SET action = 'x' WHERE id = 7")
    with Archive.open(ten, passphrase) as a:
        result = audit.verify(a.conn, chunk=3)
        assert (result.first_broken_id, result.entries_checked) == (7, 6)
        tamper_free = audit.verify(
            a.conn, after=(3, a.query_one("SELECT hash FROM audit_log WHERE id = 3")[0]), chunk=2
        )
        assert tamper_free.first_broken_id == 7 and tamper_free.entries_checked == 3


def test_a_truncated_tail_is_invisible_to_the_chain_alone(ten, passphrase):
    """Cutting entries off the end leaves a chain consistent in itself: the honest limit."""
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id > 7")
    result = verify_file(ten, passphrase)
    assert result.ok and result.entries_checked == 7


# --------------------------------------------------------------------------- remembered entry
def test_the_service_remembers_the_newest_entry_without_secrets(archive, passphrase, user_dirs):
    fill(archive, 3)
    svc = AuditService(archive, "li")
    result = svc.verify()
    assert result.ok and result.entries_checked == 3
    known = svc.known_entry()
    assert (known.id, known.hash) == (3, result.last_hash)
    file = audit_service.known_file()
    assert file.is_relative_to(user_dirs.data)
    text = file.read_text("utf-8")
    assert passphrase not in text and "核对" not in text and "李娜" not in text
    assert set(json.loads(text)["archives"]) == {archive.id}


def test_the_remembered_entry_only_moves_forward(archive):
    audit_service.save_known(archive.id, KnownEntry(9, "b" * 64, "", ""))
    audit_service.save_known(archive.id, KnownEntry(4, "a" * 64, "", ""))
    assert audit_service.load_known(archive.id).id == 9
    audit_service.save_known(archive.id, KnownEntry(4, "a" * 64, "", ""), force=True)
    assert audit_service.load_known(archive.id).id == 4


def test_the_remembered_entry_catches_a_truncated_tail(ten, passphrase):
    with Archive.open(ten, passphrase) as a:
        assert AuditService(a, "li").verify().ok  # remembers entry 10
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id > 7")
    with Archive.open(ten, passphrase) as a:
        svc = AuditService(a, "li")
        result = svc.verify()
        assert (result.ok, result.first_broken_id, result.broken_entry) == (False, 10, None)
        assert "gone" in result.problem and "the log now ends at entry 7" in result.problem
        assert result.message().startswith("Audit chain broken at entry 10: ")
        assert not svc.check_known_entry().ok
        # It stays broken: a failed verify does not accept the cut tail.
        assert svc.verify().first_broken_id == 10
        assert svc.known_entry().id == 10
        # After putting an older copy back on purpose, forgetting accepts the log as it is.
        svc.forget_known_entry()
        again = svc.verify()
        assert again.ok and svc.known_entry().id == 7


def test_the_remembered_entry_catches_a_tail_cut_and_written_anew(ten, passphrase):
    with Archive.open(ten, passphrase) as a:
        assert AuditService(a, "li").verify().ok
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id > 6")
    with Archive.open(ten, passphrase) as a:
        fill(a, 4, start=50)  # entries 7-10 again, all hashes fresh and consistent
        assert audit.verify(a.conn).ok
        result = AuditService(a, "li").verify()
        assert (result.ok, result.first_broken_id) == (False, 10)
        assert result.broken_entry.details["n"] == 53
        assert "another hash" in result.problem


def test_check_known_entry_trusts_first_then_walks_only_new_entries(
    archive, made_archive, passphrase
):
    fill(archive, 4)
    svc = AuditService(archive, "li")
    first = svc.check_known_entry()
    assert first.ok and svc.known_entry().id == 4  # trust on first use
    fill(archive, 3, start=10)
    walked = svc.check_known_entry()
    assert walked.ok and walked.entries_checked == 3 and svc.known_entry().id == 7
    fill(archive, 2, start=20)
    archive.close()
    tamper(made_archive, passphrase, "UPDATE audit_log SET details = '{}' WHERE id = 8")
    with Archive.open(made_archive, passphrase) as a:
        result = AuditService(a, "li").check_known_entry()
        assert (result.ok, result.first_broken_id) == (False, 8)
        assert AuditService(a, "li").known_entry().id == 7


def test_service_log_and_list(archive):
    svc = AuditService(archive, "zhang", computer="财务室")
    svc.log("login")
    svc.log("export", target_type="customer", target_id=7, details={"format": "xlsx"})
    with archive.write() as c:
        c.execute("INSERT INTO settings(key, value) VALUES ('y', '2')")
        svc.log("change", details={"setting": "y"}, conn=c)
    AuditService(archive, "Li").log("view_sensitive", target_type="customer", target_id=7)
    assert [e.action for e in svc.list()] == ["view_sensitive", "change", "export", "login"]
    assert [e.action for e in svc.list(user="ZHANG", limit=2)] == ["change", "export"]
    assert [e.action for e in svc.list(user="zhang", offset=2)] == ["login"]
    assert [e.user_name for e in svc.list(target_type="customer", target_id="7")] == ["Li", "zhang"]
    assert [e.id for e in svc.list(action="export")] == [2]
    assert svc.list(user="zhang")[0].computer == "财务室"
    today = datetime.now().date()
    assert len(svc.list(since=today, until=today)) == 4
    assert svc.list(until=today - timedelta(days=1)) == []
    assert svc.list(since=today + timedelta(days=1)) == []
    assert len(svc.list(since=(datetime.now() - timedelta(minutes=5)).isoformat())) == 4
    with pytest.raises(errors.ValidationError):
        svc.list(since="yesterday")
    assert svc.verify().ok


# --------------------------------------------------------------------------- CLI
def _cli(cli, path, passphrase, *args):
    return cli.run(
        ["-a", path, "--passphrase-stdin", "--no-keyring", "audit", *args], stdin=passphrase + "\n"
    )


def test_cli_verify_intact(cli, ten, passphrase):
    result = _cli(cli, ten, passphrase, "verify")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("Audit chain intact: 10 entries")
    assert lines[1].startswith("Newest entry: 10, hash ")
    data = _cli(cli, ten, passphrase, "verify", "--json").json()
    assert data["ok"] and data["entries_checked"] == 10 and data["last_id"] == 10


def test_cli_verify_broken_exits_21_naming_the_entry(cli, ten, passphrase):
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id = 4")
    result = _cli(cli, ten, passphrase, "verify")
    assert result.code == 21 == errors.AuditBroken.exit_status
    line = result.assert_one_line_error()
    assert line.startswith("customer-archive: Audit chain broken at entry 5 (")
    assert "李娜, change" in line and "entry 4 before it is missing" in line
    assert result.out == ""
    as_json = _cli(cli, ten, passphrase, "verify", "--json")
    assert as_json.code == 21
    assert as_json.json()["first_broken_id"] == 5
    as_json.assert_one_line_error()


def test_cli_verify_catches_a_cut_tail_through_the_remembered_entry(cli, ten, passphrase):
    assert _cli(cli, ten, passphrase, "verify").code == 0
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id > 8")
    result = _cli(cli, ten, passphrase, "verify")
    assert result.code == 21
    assert "entry 10" in result.assert_one_line_error()
    forgot = _cli(cli, ten, passphrase, "verify", "--forget-remembered")
    assert forgot.code == 0 and forgot.out.startswith("Audit chain intact: 8 entries")


def test_cli_verify_as_a_separate_process(cli, ten, passphrase):
    tamper(ten, passphrase, "UPDATE audit_log SET user_name = 'x' WHERE id = 2")
    result = cli.spawn(
        ["audit", "verify", "-a", ten, "--passphrase-stdin", "--no-keyring"],
        stdin=passphrase + "\n",
    )
    assert result.code == 21, result.err
    assert "entry 2" in result.assert_one_line_error()


def test_cli_list(cli, made_archive, passphrase):
    from desktop.services.customers import CustomerService

    from desktop.services.accounts import AccountService
    from desktop.services.archive_service import os_user

    with Archive.open(made_archive, passphrase) as a:
        AccountService(a).ensure_first_admin(os_user())  # the CLI's login would make it later
        cid = CustomerService(a, "li").add({"name": "北京科技有限公司"}, [])
        archive_no = CustomerService(a, "li").get(cid).values["archive_no"]
        AuditService(a, "li").log(
            "view_sensitive", target_type="customer", target_id=cid, details={"field": "证件号码"}
        )
        AuditService(a, "wang").log("export", details={"rows": 3})
        AuditService(a, "wang").log("login")
    result = _cli(cli, made_archive, passphrase, "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert [ln.split()[4] for ln in lines[:3]] == ["login", "export", "view_sensitive"]
    assert "证件号码" in result.out
    data = _cli(cli, made_archive, passphrase, "list", "--user", "WANG", "--json").json()
    assert [e["action"] for e in data] == ["login", "export"]
    data = _cli(cli, made_archive, passphrase, "list", "--action", "export", "--json").json()
    assert [e["details"] for e in data] == [{"rows": 3}]
    for ref in (str(cid), archive_no):
        data = _cli(cli, made_archive, passphrase, "list", "--customer", ref, "--json").json()
        assert [e["action"] for e in data if e["action"] == "view_sensitive"] == ["view_sensitive"]
        assert all(e["target_id"] == str(cid) for e in data)
    today = datetime.now().date().isoformat()
    data = _cli(
        cli,
        made_archive,
        passphrase,
        "list",
        "--since",
        today,
        "--until",
        today,
        "--limit",
        "2",
        "--json",
    ).json()
    assert len(data) == 2
    assert (
        _cli(cli, made_archive, passphrase, "list", "--until", "2000-01-01").out.strip()
        == "(no audit entries)"
    )
    bad = _cli(cli, made_archive, passphrase, "list", "--since", "soon")
    assert bad.code == errors.ValidationError.exit_status
    bad.assert_one_line_error()
    # The common --user before "list" is the acting user, not a filter.
    acting = cli.run(
        [
            "-a",
            made_archive,
            "--passphrase-stdin",
            "--no-keyring",
            "--user",
            os_user(),
            "audit",
            "list",
            "--json",
        ],
        stdin=passphrase + "\n",
    )
    assert acting.json() == _cli(cli, made_archive, passphrase, "list", "--json").json()


# --------------------------------------------------------------------------- what verify proves
def test_a_fresh_computer_cannot_rule_out_a_cut_tail(cli, ten, passphrase):
    """An emptied or cut log reads intact as a chain; without outside knowledge of its tail
    the result must say a cut cannot be ruled out, not plainly "intact"."""
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id > 6")
    result = _cli(cli, ten, passphrase, "verify", "--forget-remembered")
    assert result.code == 0, result.err
    assert "cannot be ruled out" in result.out.splitlines()[0]
    data = _cli(cli, ten, passphrase, "--json", "verify").json()
    assert data["truncation_ruled_out"] is True and data["tail_checked"] == "remembered"


def test_a_noted_anchor_catches_a_cut_tail_on_a_fresh_computer(cli, ten, passphrase):
    first = _cli(cli, ten, passphrase, "verify")
    noted = first.out.splitlines()[1].removeprefix("Newest entry: ")  # "10, hash abc…"
    entry, digest = noted.split(", hash ")
    anchor = f"{entry}:{digest}"
    good = _cli(cli, ten, passphrase, "verify", "--forget-remembered", "--anchor", anchor)
    assert good.code == 0, good.err
    assert "the noted entry 10 is still in it" in good.out
    tamper(ten, passphrase, "DELETE FROM audit_log WHERE id > 8")
    cut = _cli(cli, ten, passphrase, "verify", "--forget-remembered", "--anchor", anchor)
    assert cut.code == 21
    assert "entry 10" in cut.assert_one_line_error()
    bad = _cli(cli, ten, passphrase, "verify", "--anchor", "10:nothex")
    assert bad.code == 14 and "ID:HASH" in bad.assert_one_line_error()
