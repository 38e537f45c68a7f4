"""Backups and restore: made with the backup API, verified before a restore, rotated by name."""

from __future__ import annotations

import random
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import errors
from desktop.services import backups
from desktop.services.accounts import AccountService
from desktop.services.archive_service import ArchiveService
from desktop.services.demo import fill_demo
from desktop.storage import audit as audit_store
from desktop.storage import migrations
from desktop.storage.archive import Archive, _connect

ADMIN_PW = "admin password 管理员"
ZHANG_PW = "zhang password 张三"


def counts(path: Path, passphrase: str) -> tuple[int, int]:
    with Archive.open(path, passphrase, readonly=True) as a:
        return (
            a.query_one("SELECT count(*) FROM customers")[0],
            a.query_one("SELECT count(*) FROM contacts")[0],
        )


@pytest.fixture
def filled(made_archive: Path, passphrase: str) -> Path:
    with Archive.open(made_archive, passphrase) as a:
        AccountService(a).ensure_first_admin("boss")
        fill_demo(a, 40)
    return made_archive


@pytest.fixture
def service(filled: Path, passphrase: str):
    svc = ArchiveService(Archive.open(filled, passphrase), passphrase)
    svc.identify()
    yield svc
    svc.close()


def add_customers(path: Path, passphrase: str, n: int, seed: int) -> None:
    with Archive.open(path, passphrase) as a:
        fill_demo(a, n, seed=seed)


def flip_middle(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    for i in range(middle, middle + 64):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


# ------------------------------------------------------------------------------ backup_now


def test_backup_now_default_target_is_audited_and_verifies(service, filled, passphrase):
    target = backups.backup_now(service)
    assert target.parent == filled.parent / "backups"
    assert target.name.startswith("office-") and target.suffix == ".carc"
    assert backups.automatic_backups(target.parent, "office")[0][1] == target
    # A real, encrypted archive of its own (new salt, so a new id), with the same key.
    assert not target.read_bytes().startswith(b"SQLite format 3")
    report = backups.verify_backup(target, passphrase)
    assert report.ok, report.reason()
    assert report.archive_id != service.archive_id
    assert (report.customers, report.contacts) == counts(filled, passphrase)
    assert report.schema_version == migrations.LATEST_VERSION
    # The live archive records the backup, after the fact (the backup lacks its own entry).
    last = audit_store.get(service.archive.conn, audit_store.last_entry(service.archive.conn)[0])
    assert last.action == "backup"
    assert last.details == {"path": str(target), "size": target.stat().st_size}
    assert report.audit_entries == last.id - 1
    # No temporary file is left beside it.
    assert [p.name for p in target.parent.iterdir()] == [target.name]


def test_backup_folder_setting_and_same_second_names(service, tmp_path):
    service.archive.set_setting(backups.SETTING_FOLDER, str(tmp_path / "office backups"))
    first = backups.backup_now(service)
    second = backups.backup_now(service)
    assert first.parent == second.parent == tmp_path / "office backups"
    assert first != second and first.exists() and second.exists()
    assert [p for _, p in backups.automatic_backups(first.parent, "office")][:2] in (
        [second, first],
        [first, second],
    )
    with pytest.raises(errors.ValidationError):
        backups.backup_now(service, service.path)


def test_daily_due(service):
    assert backups.daily_due(service)  # no backup yet
    made = backups.backup_now(service)
    assert not backups.daily_due(service)
    assert backups.daily_due(service, now=datetime.now() + timedelta(hours=25))
    assert made.exists()


# ------------------------------------------------------------------------------ rotation


def test_rotation_keeps_daily_weekly_monthly_and_never_foreign_files(tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir()
    start = datetime(2026, 11, 25, 18, 0, 0)
    made = []
    for day in range(0, 400, 1):  # one backup a day for 400 days, two on the newest day
        when = start - timedelta(days=day)
        made.append(when)
    made.append(start - timedelta(hours=3))
    for when in made:
        (folder / f"office-{when.strftime('%Y%m%d-%H%M%S')}.carc").write_bytes(b"x")
    foreign = [
        "office.carc",
        "other-20200101-000000.carc",
        "office-20200101-000000.carc.txt",
        "office-2020-01-01.carc",
        "notes.txt",
        "office-20200101-000000-x.carc",
    ]
    for name in foreign:
        (folder / name).write_bytes(b"keep me")
    deleted = backups.rotate(folder, "office", keep_daily=7, keep_weekly=4, keep_monthly=6)
    left = sorted(w for w, _ in backups.automatic_backups(folder, "office"))
    for name in foreign:
        assert (folder / name).read_bytes() == b"keep me"
    assert all(p.name not in foreign for p in deleted)
    assert len(deleted) + len(left) == len(made)
    days = {w.date() for w in left}
    # the newest 7 days, each by its newest backup
    for d in range(7):
        assert (start - timedelta(days=d)).date() in days
    assert start in left and start - timedelta(hours=3) not in left
    # at most one per ISO week beyond the daily ones, six months covered, nothing older
    months = {(w.year, w.month) for w in left}
    assert len(months) == 6
    assert min(left) >= datetime(2026, 6, 1)
    assert len(left) <= 7 + 4 + 6


def test_rotation_in_a_missing_folder_deletes_nothing(tmp_path):
    assert backups.rotate(tmp_path / "nowhere", "office") == []


# ------------------------------------------------------------------------------ restore


@pytest.mark.real_kdf
def test_backup_modify_restore_brings_the_old_content_back(service, filled, passphrase):
    target = backups.backup_now(service)
    service.close()
    before = counts(filled, passphrase)
    old_id = Archive.open(filled, passphrase, readonly=True).id
    add_customers(filled, passphrase, 5, seed=9)
    changed = counts(filled, passphrase)
    assert changed != before

    aside = backups.restore(target, filled, passphrase, user_name="boss")
    assert counts(filled, passphrase) == before
    # The file that was there is kept aside, whole, and still opens.
    assert aside.name.startswith("office.before-restore-") and aside.suffix == ".carc"
    assert counts(aside, passphrase) == changed
    with Archive.open(aside, passphrase, readonly=True) as a:
        assert a.id == old_id
    with Archive.open(filled, passphrase, readonly=True) as a:
        assert a.id != old_id  # the restored file has a new salt
        assert a.integrity_check() == [] and a.cipher_integrity_check() == []
        result = audit_store.verify(a.conn)
        assert result.ok, result.message()
        last = audit_store.get(a.conn, result.last_id)
    assert last.action == "restore" and last.user_name == "boss"
    assert last.details["from"] == str(target) and last.details["previous"] == str(aside)
    leftovers = [p.name for p in filled.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_restore_where_no_archive_is(service, filled, passphrase, tmp_path):
    target = backups.backup_now(service)
    elsewhere = tmp_path / "new place" / "office.carc"
    elsewhere.parent.mkdir()
    assert backups.restore(target, elsewhere, passphrase) is None
    assert counts(elsewhere, passphrase) == counts(filled, passphrase)


def test_corrupted_backup_is_refused_and_nothing_changes(service, filled, passphrase):
    target = backups.backup_now(service)
    service.close()
    flip_middle(target)
    report = backups.verify_backup(target, passphrase)
    assert not report.ok
    assert report.cipher_problems or report.sqlite_problems or report.problem
    before = filled.read_bytes()
    with pytest.raises(errors.NotAnArchive, match="refused.*Nothing was changed"):
        backups.restore(target, filled, passphrase)
    assert filled.read_bytes() == before
    assert sorted(p.name for p in filled.parent.iterdir()) == ["backups", "office.carc"]


# Pages of the backup damaged one at a time: the first and last after the header page, and
# this many more from a fixed-seed sample (every page was tried once; this keeps the spread).
DAMAGE_SAMPLE = 12
DAMAGE_SEED = 20261203


def test_damage_anywhere_in_a_backup_is_a_finding_and_restore_refuses_it(
    service, filled, passphrase
):
    # Wherever the damage falls (the schema's pages too, which opening reads), verifying
    # reports it instead of failing, and the restore refuses the backup untouched.
    target = backups.backup_now(service)
    service.close()
    pristine = target.read_bytes()
    before = filled.read_bytes()
    page = 4096
    pages = len(pristine) // page
    inner = range(2, pages - 1)
    sample = random.Random(DAMAGE_SEED).sample(inner, min(DAMAGE_SAMPLE, len(inner)))
    for n in [1, *sorted(sample), pages - 1]:
        data = bytearray(pristine)
        start = n * page + page // 2
        for i in range(start, start + 64):
            data[i] ^= 0xFF
        target.write_bytes(bytes(data))
        report = backups.verify_backup(target, passphrase)
        assert not report.ok, f"damage on page {n + 1} went unnoticed"
        with pytest.raises(errors.NotAnArchive, match="refused"):
            backups.restore(target, filled, passphrase, report=report)
        assert filled.read_bytes() == before


def test_backup_of_a_newer_schema_is_refused(service, filled, passphrase):
    target = backups.backup_now(service)
    service.close()
    conn = _connect(target, passphrase, readonly=False, create=False)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 1}")
    conn.close()
    report = backups.verify_backup(target, passphrase)
    assert not report.ok and "newer version" in report.reason()
    before = filled.read_bytes()
    with pytest.raises(errors.ArchiveTooNew):
        backups.restore(target, filled, passphrase)
    assert filled.read_bytes() == before


def test_backup_with_a_broken_audit_chain_is_refused(service, filled, passphrase):
    target = backups.backup_now(service)
    service.close()
    conn = _connect(target, passphrase, readonly=False, create=False)
    triggers = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'"
        )
    ]
    for name in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE audit_log SET user_name = 'mallory' WHERE id = 1")
    conn.close()
    with pytest.raises(errors.AuditBroken, match="Audit chain broken"):
        backups.restore(target, filled, passphrase)


@pytest.mark.real_kdf
def test_wrong_passphrase_for_the_backup(service, filled):
    target = backups.backup_now(service)
    with pytest.raises(errors.WrongPassphrase):
        backups.verify_backup(target, "not the passphrase at all")


# ------------------------------------------------------------------------------ CLI


def _run(cli, path, passphrase, *args, stdin_extra=""):
    return cli.run(
        ["-a", path, "--passphrase-stdin", "--no-keyring", *args],
        stdin=passphrase + "\n" + stdin_extra,
    )


@pytest.mark.real_kdf
def test_cli_backup_and_restore(cli, filled, passphrase, tmp_path):
    out = tmp_path / "copy.carc"
    result = _run(cli, filled, passphrase, "backup", out, "--json")
    assert result.code == 0, result.err
    assert result.json() == {"path": str(out), "size": out.stat().st_size}
    text = _run(cli, filled, passphrase, "backup")
    assert text.code == 0 and text.out.startswith("Backup written to ")
    before = counts(filled, passphrase)
    add_customers(filled, passphrase, 3, seed=5)

    refused = _run(cli, filled, passphrase, "restore", out)
    assert "would replace the archive" in refused.assert_one_line_error()
    assert counts(filled, passphrase) != before

    done = _run(cli, filled, passphrase, "restore", out, "--yes", "--json")
    assert done.code == 0, done.err
    data = done.json()
    assert data["check"]["ok"] and data["check"]["customers"] == before[0]
    assert data["audit"]["ok"]
    assert Path(data["previous"]).exists()
    assert counts(filled, passphrase) == before
    text = _run(cli, filled, passphrase, "restore", out, "--yes")
    assert text.code == 0, text.err
    assert "The previous file was kept as" in text.out and "Checked" in text.out


def test_cli_restore_errors_are_one_line(cli, filled, passphrase, tmp_path):
    missing = _run(cli, filled, passphrase, "restore", tmp_path / "none.carc", "--yes")
    assert missing.code == errors.ArchiveMissing.exit_status
    missing.assert_one_line_error()
    out = tmp_path / "copy.carc"
    assert _run(cli, filled, passphrase, "backup", out).code == 0
    flip_middle(out)
    before = filled.read_bytes()
    bad = _run(cli, filled, passphrase, "restore", out, "--yes")
    assert bad.code == errors.NotAnArchive.exit_status
    assert "was refused" in bad.assert_one_line_error()
    assert filled.read_bytes() == before


def test_cli_restore_needs_a_manager_or_administrator(cli, filled, passphrase, tmp_path):
    with Archive.open(filled, passphrase) as a:
        accounts = AccountService(a)
        admin = accounts.ensure_first_admin("boss")
        accounts.add_user(
            admin,
            "zhang",
            "张三",
            "salesperson",
            "华东",
            ZHANG_PW,
            admin_password=ADMIN_PW,
            must_change_password=False,
        )
    out = tmp_path / "copy.carc"
    backup = cli.run(
        [
            "-a",
            filled,
            "--passphrase-stdin",
            "--no-keyring",
            "--password-stdin",
            "--user",
            "boss",
            "backup",
            out,
        ],
        stdin=f"{passphrase}\n{ADMIN_PW}\n",
    )
    assert backup.code == 0, backup.err  # a salesperson may not (test_backup_roles.py)
    with Archive.open(filled, passphrase, readonly=True) as a:
        before = a.id
    denied = cli.run(
        [
            "-a",
            filled,
            "--passphrase-stdin",
            "--no-keyring",
            "--password-stdin",
            "--user",
            "zhang",
            "restore",
            out,
            "--yes",
        ],
        stdin=f"{passphrase}\n{ZHANG_PW}\n",
    )
    assert denied.code == errors.PermissionDenied.exit_status
    assert "manager or an administrator" in denied.assert_one_line_error()
    with Archive.open(filled, passphrase, readonly=True) as a:
        assert a.id == before  # not replaced
    assert not list(filled.parent.glob("*before-restore*"))
    ok = cli.run(
        [
            "-a",
            filled,
            "--passphrase-stdin",
            "--no-keyring",
            "--password-stdin",
            "--user",
            "boss",
            "restore",
            out,
            "--yes",
        ],
        stdin=f"{passphrase}\n{ADMIN_PW}\n",
    )
    assert ok.code == 0, ok.err


def test_cli_restore_stores_the_key_again_under_the_new_id(
    cli, filled, passphrase, tmp_path, monkeypatch
):
    import keyring.backend

    from desktop.cli import passphrase as pp
    from desktop.secrets.keystore import KeyStore

    class Memory(keyring.backend.KeyringBackend):
        priority = -1

        def __init__(self):
            super().__init__()
            self.entries = {}

        def get_password(self, service, username):
            return self.entries.get((service, username))

        def set_password(self, service, username, password):
            self.entries[(service, username)] = password

        def delete_password(self, service, username):
            self.entries.pop((service, username), None)

    memory = Memory()
    store = KeyStore(memory)
    monkeypatch.setattr(pp, "keystore", lambda args: store)
    with Archive.open(filled, passphrase, readonly=True) as a:
        old_id = a.id
    store.set(old_id, passphrase)
    out = tmp_path / "copy.carc"
    assert cli.run(["-a", filled, "backup", out]).code == 0  # the key comes from the keyring
    done = cli.run(["-a", filled, "restore", out, "--yes", "--json"])
    assert done.code == 0, done.err
    new_id = done.json()["archive_id"]
    assert new_id != old_id and done.json()["keyring"] == "found"
    assert store.get(new_id).secret == passphrase
    assert store.get(old_id).secret == passphrase  # the file kept aside still opens with it
