"""The archive file: create, open, re-key, and every way a wrong file or a wrong key is refused."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
import sqlcipher3

from unit_support import Snapshot
from desktop import errors
from desktop.storage import migrations
from desktop.storage.archive import (
    APPLICATION_ID,
    TEST_KDF_ITER_ENV,
    Archive,
    archive_id,
    quote_key,
)

OLD = 1_600_000_000  # 2020-09-13: an mtime any write would move


def age(path: Path) -> Snapshot:
    """Set the file's mtime into the past and return its bytes and mtime."""
    os.utime(path, (OLD, OLD))
    return Snapshot.of(path)


def raw_sqlcipher(path: Path, key: str) -> sqlcipher3.Connection:
    """A plain SQLCipher 4 connection with default settings, as any SQLCipher tool makes."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    conn.execute(f"PRAGMA key = {quote_key(key)}")
    return conn


# --------------------------------------------------------------------------- create / open


def test_create_makes_an_encrypted_archive_that_opens_again(archive_path, passphrase):
    with Archive.create(archive_path, passphrase) as a:
        assert a.schema_version == migrations.LATEST_VERSION
        a.set_setting("office", "上海办公室")
        made_id = a.id
    # Only the archive is left in the folder: no temp file, no journal.
    assert sorted(p.name for p in archive_path.parent.iterdir()) == ["office.carc"]
    assert archive_path.stat().st_size % 4096 == 0
    with Archive.open(archive_path, passphrase) as a:
        assert a.get_setting("office") == "上海办公室"
        assert a.id == made_id == archive_path.read_bytes()[:16].hex()
        assert a.integrity_check() == []
        assert a.cipher_integrity_check() == []
        assert a.query_one("PRAGMA journal_mode")[0] == "delete"
        assert a.query_one("PRAGMA foreign_keys")[0] == 1


@pytest.mark.real_kdf
def test_archive_opens_in_a_plain_sqlcipher4_tool_with_only_the_passphrase(
    made_archive, passphrase
):
    """docs/architecture.md, The archive file: default KDF and cipher settings, so the office's data
    is never locked in."""
    conn = raw_sqlcipher(made_archive, passphrase)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert {"settings", "sessions", "schema_migrations"} <= tables
        assert conn.execute("PRAGMA cipher_version").fetchone()[0].startswith("4.")
    finally:
        conn.close()


# The program as a user runs it (no pytest around it), with the tests' cheap-KDF variable set.
_OUTSIDE_PYTEST = r"""
import sys
from desktop.storage.archive import Archive
make = Archive.create if sys.argv[1] == "create" else Archive.open
with make(sys.argv[2], sys.stdin.readline().rstrip("\n")) as a:
    print(a.id)
"""


@pytest.mark.real_kdf
def test_outside_a_test_run_the_test_kdf_variable_is_ignored(archive_path, passphrase):
    """Only pytest may make cheap-KDF archives: a user's program with the variable in its
    environment makes an archive any SQLCipher 4 tool opens with its defaults, and opens one."""
    repo = Path(__file__).resolve().parents[2]
    env = {k: v for k, v in os.environ.items() if k != "PYTEST_CURRENT_TEST"}
    env.update({TEST_KDF_ITER_ENV: "1", "PYTHONPATH": str(repo)})

    def program(action: str) -> str:
        proc = subprocess.run(
            [sys.executable, "-c", _OUTSIDE_PYTEST, action, str(archive_path)],
            input=passphrase + "\n",
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            timeout=120,
        )
        assert proc.returncode == 0, proc.stderr
        return proc.stdout.strip()

    made_id = program("create")
    assert made_id == archive_id(archive_path)
    conn = raw_sqlcipher(archive_path, passphrase)  # SQLCipher 4's defaults
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()
    cheap = sqlcipher3.connect(str(archive_path), isolation_level=None)
    try:
        cheap.execute("PRAGMA cipher_log_level = NONE")
        cheap.execute(f"PRAGMA key = {quote_key(passphrase)}")
        cheap.execute("PRAGMA kdf_iter = 1")
        with pytest.raises(sqlcipher3.DatabaseError):
            cheap.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        cheap.close()
    assert program("open") == made_id


def test_two_archives_get_different_ids(tmp_path, passphrase):
    ids = set()
    for name in ("a.carc", "b.carc"):
        with Archive.create(tmp_path / name, passphrase) as a:
            ids.add(a.id)
    assert len(ids) == 2


def test_archive_id_survives_move_and_rename(made_archive, passphrase, tmp_path):
    before = archive_id(made_archive)
    moved = tmp_path / "elsewhere" / "renamed copy.carc"
    moved.parent.mkdir()
    shutil.move(made_archive, moved)
    with Archive.open(moved, passphrase) as a:
        assert a.id == before


def test_create_refuses_an_existing_file_and_leaves_it_alone(made_archive, passphrase):
    before = age(made_archive)
    with pytest.raises(errors.ArchiveExists):
        Archive.create(made_archive, "another passphrase")
    assert Snapshot.of(made_archive) == before


def test_create_refuses_an_empty_passphrase(archive_path):
    with pytest.raises(errors.ValidationError):
        Archive.create(archive_path, "")
    assert not archive_path.exists()


def test_passphrase_with_quotes_and_backslashes(archive_path):
    tricky = "it's a \"test\" \\ ' ; -- 密码"
    Archive.create(archive_path, tricky).close()
    with Archive.open(archive_path, tricky) as a:
        assert a.schema_version == migrations.LATEST_VERSION
    with pytest.raises(errors.WrongPassphrase):
        Archive.open(archive_path, tricky.replace("'", ""))


# --------------------------------------------------------------------------- rekey


@pytest.mark.real_kdf
def test_rekey_keeps_id_and_data_and_only_the_new_passphrase_opens(made_archive, passphrase):
    salt = made_archive.read_bytes()[:16]
    with Archive.open(made_archive, passphrase) as a:
        a.set_setting("customer", "北京科技有限公司")
        old_id = a.id
        a.rekey("a brand new passphrase 新")
    assert made_archive.read_bytes()[:16] == salt
    with pytest.raises(errors.WrongPassphrase):
        Archive.open(made_archive, passphrase)
    with Archive.open(made_archive, "a brand new passphrase 新") as a:
        assert a.id == old_id
        assert a.get_setting("customer") == "北京科技有限公司"
        assert a.cipher_integrity_check() == []


def test_rekey_refuses_an_empty_passphrase(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        with pytest.raises(errors.ValidationError):
            a.rekey("")
    Archive.open(made_archive, passphrase).close()


# --------------------------------------------------------------------------- wrong key


@pytest.mark.real_kdf
def test_wrong_passphrase_is_refused_and_changes_nothing(made_archive, passphrase):
    before = age(made_archive)
    with pytest.raises(errors.WrongPassphrase) as info:
        Archive.open(made_archive, passphrase + "!")
    assert passphrase not in str(info.value)
    assert Snapshot.of(made_archive) == before
    assert sorted(p.name for p in made_archive.parent.iterdir()) == ["office.carc"]


@pytest.mark.real_kdf
def test_wrong_passphrase_read_only_also_refused(made_archive):
    with pytest.raises(errors.WrongPassphrase):
        Archive.open(made_archive, "nope nope nope", readonly=True)


# --------------------------------------------------------------------------- not an archive


def _plain_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers(name TEXT)")
    conn.execute("INSERT INTO customers VALUES ('张三')")
    conn.commit()
    conn.close()


def _xlsx_like(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", "<sheetData>" + "<row/>" * 200 + "</sheetData>")


def _random(path: Path) -> None:
    path.write_bytes(os.urandom(10_000))  # not a whole number of 4096-byte pages


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _text(path: Path) -> None:
    path.write_text("name,phone\n张三,13800000000\n", encoding="utf-8")


@pytest.mark.parametrize(
    "make",
    [_plain_sqlite, _xlsx_like, _random, _empty, _text],
    ids=["plain-sqlite", "xlsx-zip", "random-bytes", "empty", "csv-text"],
)
def test_files_that_are_not_archives_are_refused_untouched(make, archive_path, passphrase):
    make(archive_path)
    before = age(archive_path)
    with pytest.raises(errors.NotAnArchive) as info:
        Archive.open(archive_path, passphrase)
    assert str(archive_path) in info.value.message
    assert Snapshot.of(archive_path) == before
    if make is _random:
        # random bytes may be an archive cut short: only the passphrase tells (see
        # test_damaged_archive.py), so its salt still names the keyring's key
        return
    with pytest.raises(errors.NotAnArchive):
        archive_id(archive_path)


def test_plain_sqlite_is_named_as_such(archive_path, passphrase):
    _plain_sqlite(archive_path)
    with pytest.raises(errors.NotAnArchive) as info:
        Archive.open(archive_path, passphrase)
    assert "unencrypted SQLite" in info.value.message


def test_random_pages_cannot_be_told_from_a_wrong_key(archive_path, passphrase):
    """A whole number of random pages looks exactly like an SQLCipher file: the honest answer
    is "wrong passphrase, or the file is damaged", and the file stays as it was."""
    archive_path.write_bytes(os.urandom(3 * 4096))
    before = age(archive_path)
    with pytest.raises(errors.WrongPassphrase) as info:
        Archive.open(archive_path, passphrase)
    assert "damaged" in info.value.message
    assert Snapshot.of(archive_path) == before


def test_a_folder_is_not_an_archive(tmp_path, passphrase):
    folder = tmp_path / "looks like.carc"
    folder.mkdir()
    with pytest.raises(errors.NotAnArchive):
        Archive.open(folder, passphrase)


@pytest.mark.real_kdf
def test_sqlcipher_database_that_is_not_ours(archive_path, passphrase):
    conn = raw_sqlcipher(archive_path, passphrase)
    conn.execute("CREATE TABLE other_program(x)")
    conn.execute("INSERT INTO other_program VALUES (1)")
    conn.close()
    before = age(archive_path)
    with pytest.raises(errors.NotAnArchive) as info:
        Archive.open(archive_path, passphrase)
    assert "not a Customer Archive" in info.value.message
    assert Snapshot.of(archive_path) == before


@pytest.mark.real_kdf
def test_schema_newer_than_the_program_is_refused_untouched(made_archive, passphrase):
    conn = raw_sqlcipher(made_archive, passphrase)
    conn.execute(f"PRAGMA user_version = {migrations.LATEST_VERSION + 40}")
    conn.close()
    before = age(made_archive)
    for readonly in (False, True):
        with pytest.raises(errors.ArchiveTooNew) as info:
            Archive.open(made_archive, passphrase, readonly=readonly)
        assert info.value.details["version"] == migrations.LATEST_VERSION + 40
        assert "newer version" in info.value.message
    assert Snapshot.of(made_archive) == before
    assert sorted(p.name for p in made_archive.parent.iterdir()) == ["office.carc"]


def test_missing_file(archive_path, passphrase):
    with pytest.raises(errors.ArchiveMissing):
        Archive.open(archive_path, passphrase)
    assert not archive_path.exists()  # opening never creates


# --------------------------------------------------------------------------- not writable


def test_create_where_the_os_refuses_new_files(passphrase):
    """/sys refuses new files even to root while os.access() says yes: the same situation as
    Windows ACLs or a network share whose permissions the client cannot see."""
    target = Path("/sys/customer-archive-test.carc")
    if not Path("/sys").is_dir():
        pytest.skip("no /sys on this system")
    with pytest.raises(errors.FolderNotWritable) as info:
        Archive.create(target, passphrase)
    assert "/sys" in info.value.message
    assert ".creating" not in info.value.message  # the user never sees our temp name
    assert not target.exists()


_CREATE_AS_USER = """
import sys
from desktop import errors
from desktop.storage.archive import Archive
try:
    Archive.create(sys.argv[1], sys.stdin.readline().rstrip("\\n"))
except errors.ArchiveError as exc:
    print(type(exc).__name__)
else:
    print("created")
"""


def test_create_in_a_read_only_folder(passphrase):
    """A real permission check: a 0555 folder, by a user who is not root."""
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    base = Path(tempfile.mkdtemp(prefix="carc-ro-"))
    try:
        base.chmod(0o755)
        folder = base / "read-only"
        folder.mkdir(mode=0o555)
        folder.chmod(0o555)
        target = folder / "office.carc"
        code = [sys.executable, "-c", _CREATE_AS_USER, str(target)]
        if os.geteuid() == 0:
            setpriv = shutil.which("setpriv")
            if setpriv is None:
                pytest.skip("running as root and setpriv is missing: cannot act as a normal user")
            code = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", *code]
        repo = Path(__file__).resolve().parents[2]
        proc = subprocess.run(
            code,
            input=passphrase.encode(),
            capture_output=True,
            timeout=60,
            cwd=base,
            env=dict(os.environ, PYTHONPATH=str(repo), HOME=str(base)),
        )
        assert proc.stdout.decode().strip() == "FolderNotWritable", proc.stderr.decode()
        assert list(folder.iterdir()) == []
    finally:
        shutil.rmtree(base, ignore_errors=True)


# --------------------------------------------------------------------------- no plaintext


def test_file_holds_no_plaintext_of_stored_data(made_archive, passphrase):
    marker = "MARKER-5f1c9a7e"
    chinese = "北京科技有限公司张三的电话"
    with Archive.open(made_archive, passphrase) as a:
        a.set_setting("note", f"{chinese} {marker}")
        a.set_setting(marker, "x" * 100)
        assert a.get_setting("note") == f"{chinese} {marker}"
    raw = made_archive.read_bytes()
    for needle in (
        marker,
        chinese,
        "北京",
        "settings",
        "schema_migrations",
        "SQLite format 3",
        passphrase,
    ):
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert needle.encode(encoding) not in raw, (needle, encoding)
    assert sorted(p.name for p in made_archive.parent.iterdir()) == ["office.carc"]


# --------------------------------------------------------------------------- damage


def test_damaged_page_is_reported_by_the_checks_not_as_a_crash(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        a.set_setting("filler", "填充" * 3000)  # a few more pages
    data = bytearray(made_archive.read_bytes())
    assert len(data) >= 5 * 4096
    data[3 * 4096 + 200] ^= 0xFF  # flip a byte inside page 4
    made_archive.write_bytes(bytes(data))
    with Archive.open(made_archive, passphrase, readonly=True) as a:
        assert any("page 4" in p for p in a.cipher_integrity_check())
        assert a.integrity_check() != []


def test_damaged_first_page_reads_as_wrong_key_or_damage(made_archive, passphrase):
    data = bytearray(made_archive.read_bytes())
    data[100] ^= 0xFF
    made_archive.write_bytes(bytes(data))
    with pytest.raises(errors.WrongPassphrase) as info:
        Archive.open(made_archive, passphrase)
    assert "damaged" in info.value.message
