"""The command line, as a user or a script meets it: output, exit statuses, one-line errors.

Most runs call ``desktop.cli.main.main([...])`` in this process; a few start
``python -m desktop.cli.main`` as a real process to see exactly what a shell sees.
There is no keyring here (see the root conftest): the keyring paths are in tests/integration.
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
import sqlcipher3

from desktop import errors
from desktop.storage import migrations
from desktop.storage.archive import Archive, apply_key, archive_id

NEW = "a second, longer passphrase 第二"


def init(cli, path, passphrase, *extra):
    result = cli.run(
        ["-a", path, "--json", "--passphrase-stdin", "--no-keyring", "init", *extra],
        stdin=passphrase + "\n",
    )
    assert result.code == 0, result.err
    return result.json()


# --------------------------------------------------------------------------- init / check


def test_init_creates_an_archive_that_opens_with_the_passphrase(
    cli, archive_path, passphrase, user_dirs
):
    data = init(cli, archive_path, passphrase)
    assert data["path"] == str(archive_path)
    assert data["archive_id"] == archive_id(archive_path)
    assert data["schema_version"] == migrations.LATEST_VERSION
    assert data["keyring"] == "no_backend"
    with Archive.open(archive_path, passphrase) as a:
        assert a.id == data["archive_id"]
    # Remembered as the last archive, and nothing else about it in the settings.
    settings = json.loads(
        (user_dirs.config / "customer-archive" / "settings.json").read_text("utf-8")
    )
    assert settings["recent_archives"] == [str(archive_path)]


def test_init_text_output_says_where_and_why_no_keyring(cli, archive_path, passphrase):
    result = cli.run(["init", "-a", archive_path, "--passphrase-stdin"], stdin=passphrase + "\n")
    assert result.code == 0, result.err
    assert f"Created {archive_path}" in result.out
    assert "No system keyring is used: the passphrase will be asked each time." in result.out
    assert result.err == ""


def test_check_json(cli, archive_path, passphrase):
    aid = init(cli, archive_path, passphrase)["archive_id"]
    result = cli.run(
        ["check", "-a", archive_path, "--json", "--passphrase-stdin"], stdin=passphrase + "\n"
    )
    assert result.code == 0, result.err
    report = result.json()
    assert report["ok"] is True
    assert report["archive_id"] == aid
    assert report["path"] == str(archive_path)
    assert report["schema_version"] == report["program_schema"] == migrations.LATEST_VERSION
    assert report["sqlite_problems"] == [] and report["cipher_problems"] == []
    assert report["cipher_version"].startswith("4.")


def test_check_does_not_modify_the_archive(cli, archive_path, passphrase):
    init(cli, archive_path, passphrase)
    os.utime(archive_path, (1_600_000_000, 1_600_000_000))
    before = (archive_path.read_bytes(), archive_path.stat().st_mtime_ns)
    assert cli.run(["check", "-a", archive_path, "--passphrase-stdin"], stdin=passphrase).code == 0
    assert (archive_path.read_bytes(), archive_path.stat().st_mtime_ns) == before


def test_check_without_archive_option_uses_the_last_one(cli, archive_path, passphrase):
    aid = init(cli, archive_path, passphrase)["archive_id"]
    result = cli.run(["check", "--json", "--passphrase-stdin"], stdin=passphrase + "\n")
    assert result.code == 0, result.err
    assert result.json()["archive_id"] == aid


@pytest.mark.parametrize(
    "argv",
    [
        ["-a", "{p}", "--json", "--passphrase-stdin", "check"],
        ["check", "-a", "{p}", "--json", "--passphrase-stdin"],
        ["--json", "check", "--passphrase-stdin", "-a", "{p}"],
        ["--passphrase-stdin", "-a", "{p}", "check", "--json"],
    ],
    ids=["all-before", "all-after", "mixed-1", "mixed-2"],
)
def test_common_options_before_or_after_the_subcommand(cli, made_archive, passphrase, argv):
    result = cli.run([a.format(p=made_archive) for a in argv], stdin=passphrase + "\n")
    assert result.code == 0, result.err
    assert result.json()["archive_id"] == archive_id(made_archive)


def test_check_reports_a_damaged_archive_with_status_20(cli, made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        a.set_setting("filler", "填充" * 3000)
    data = bytearray(made_archive.read_bytes())
    data[3 * 4096 + 200] ^= 0xFF  # a flipped bit on a shared drive
    made_archive.write_bytes(bytes(data))
    result = cli.run(["check", "-a", made_archive, "--passphrase-stdin"], stdin=passphrase + "\n")
    assert result.code == 20, result.err
    assert "SQLCipher integrity check: FAILED" in result.out
    assert "page 4" in result.out
    assert "Traceback" not in result.err


# --------------------------------------------------------------------------- passwd


@pytest.mark.real_kdf
def test_passwd_then_only_the_new_passphrase_opens(cli, archive_path, passphrase):
    aid = init(cli, archive_path, passphrase)["archive_id"]
    result = cli.run(
        ["passwd", "-a", archive_path, "--passphrase-stdin", "--no-keyring", "--json"],
        stdin=f"{passphrase}\n{NEW}\n",
    )
    assert result.code == 0, result.err
    assert result.json() == {"path": str(archive_path), "changed": True, "keyring": "no_backend"}

    old = cli.run(["check", "-a", archive_path, "--passphrase-stdin"], stdin=passphrase + "\n")
    assert old.code == errors.WrongPassphrase.exit_status
    old.assert_one_line_error()
    new = cli.run(["check", "-a", archive_path, "--passphrase-stdin", "--json"], stdin=NEW + "\n")
    assert new.code == 0, new.err
    assert new.json()["archive_id"] == aid  # same archive, same keyring account


@pytest.mark.real_kdf
def test_passwd_with_the_wrong_current_passphrase_changes_nothing(cli, made_archive, passphrase):
    before = made_archive.read_bytes()
    result = cli.run(
        ["passwd", "-a", made_archive, "--passphrase-stdin"], stdin=f"wrong guess here\n{NEW}\n"
    )
    assert result.code == errors.WrongPassphrase.exit_status
    result.assert_one_line_error()
    assert made_archive.read_bytes() == before


def test_passwd_without_a_second_line_changes_nothing(cli, made_archive, passphrase):
    before = made_archive.read_bytes()
    result = cli.run(["passwd", "-a", made_archive, "--passphrase-stdin"], stdin=passphrase + "\n")
    assert result.code == errors.NoPassphrase.exit_status
    assert "new passphrase" in result.assert_one_line_error()
    assert made_archive.read_bytes() == before


def test_passwd_refuses_a_short_new_passphrase(cli, made_archive, passphrase):
    result = cli.run(
        ["passwd", "-a", made_archive, "--passphrase-stdin"], stdin=f"{passphrase}\nshort\n"
    )
    assert result.code == errors.ValidationError.exit_status
    result.assert_one_line_error()
    Archive.open(made_archive, passphrase).close()


# --------------------------------------------------------------------------- forget-key


def test_forget_key_without_a_keyring_says_so(cli, made_archive):
    for extra in ([], ["--no-keyring"]):
        result = cli.run(["forget-key", "-a", made_archive, *extra])
        assert result.code == errors.NoPassphrase.exit_status
        assert "No system keyring" in result.assert_one_line_error()


# --------------------------------------------------------------------------- every error


def _plain_sqlite(path, passphrase):
    sqlite3.connect(path).execute("CREATE TABLE t(x)").connection.commit()


def _too_new(path, passphrase):
    Archive.create(path, passphrase).close()
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    apply_key(conn, passphrase)
    conn.execute("PRAGMA user_version = 999")
    conn.close()


def _made(path, passphrase):
    Archive.create(path, passphrase).close()


CASES = {
    # name: (set-up, argv with {p} for the archive, stdin, expected error)
    "wrong-passphrase": (
        _made,
        ["check", "-a", "{p}", "--passphrase-stdin"],
        "not it at all\n",
        errors.WrongPassphrase,
    ),
    "not-an-archive": (
        _plain_sqlite,
        ["check", "-a", "{p}", "--passphrase-stdin"],
        "{pw}\n",
        errors.NotAnArchive,
    ),
    "too-new": (
        _too_new,
        ["check", "-a", "{p}", "--passphrase-stdin"],
        "{pw}\n",
        errors.ArchiveTooNew,
    ),
    "missing": (
        None,
        ["check", "-a", "{p}", "--passphrase-stdin"],
        "{pw}\n",
        errors.ArchiveMissing,
    ),
    "missing-via-keyring-path": (None, ["check", "-a", "{p}"], "", errors.ArchiveMissing),
    "not-writable": (
        None,
        ["init", "-a", "/sys/customer-archive-test.carc", "--passphrase-stdin"],
        "{pw}\n",
        errors.FolderNotWritable,
    ),
    "no-passphrase": (_made, ["check", "-a", "{p}"], "", errors.NoPassphrase),
    "empty-stdin": (_made, ["check", "-a", "{p}", "--passphrase-stdin"], "", errors.NoPassphrase),
    "exists": (_made, ["init", "-a", "{p}", "--passphrase-stdin"], "{pw}\n", errors.ArchiveExists),
    "too-short": (
        None,
        ["init", "-a", "{p}", "--passphrase-stdin"],
        "short\n",
        errors.ValidationError,
    ),
}


def _case(name, archive_path, passphrase):
    setup, argv, stdin, error = CASES[name]
    if setup:
        setup(archive_path, passphrase)
    argv = [a.format(p=archive_path) for a in argv]
    return argv, stdin.format(pw=passphrase), error


@pytest.mark.parametrize("name", list(CASES))
def test_each_error_has_its_status_and_one_line(cli, archive_path, passphrase, name, user_dirs):
    if name == "not-writable" and not Path("/sys").is_dir():
        pytest.skip("uses /sys, where the OS refuses new files even to root")
    argv, stdin, error = _case(name, archive_path, passphrase)
    result = cli.run(argv, stdin=stdin)
    assert result.code == error.exit_status, (result.code, result.err)
    line = result.assert_one_line_error()
    assert passphrase not in line
    assert result.out == ""
    if name == "too-short":
        assert not archive_path.exists()
    log = (user_dirs.state / "customer-archive" / "log" / "customer-archive.log").read_text("utf-8")
    assert error.code in log and "Traceback" not in log
    assert passphrase not in log


@pytest.mark.parametrize(
    "name",
    [
        pytest.param("wrong-passphrase", marks=pytest.mark.real_kdf),
        "not-an-archive",
        "no-passphrase",
        "missing-via-keyring-path",
    ],
)
def test_errors_seen_from_a_real_process(archive_path, passphrase, name):
    from unit_support import spawn_cli

    argv, stdin, error = _case(name, archive_path, passphrase)
    result = spawn_cli(argv, stdin)
    assert result.code == error.exit_status, (result.code, result.err)
    result.assert_one_line_error()


def test_exit_statuses_are_distinct_and_stable():
    """Scripts depend on these numbers; changing one is a breaking change."""
    table = {
        cls.__name__: cls.exit_status
        for cls in (
            errors.WrongPassphrase,
            errors.ArchiveBusy,
            errors.NotAnArchive,
            errors.ArchiveTooNew,
            errors.ArchiveMissing,
            errors.FolderNotWritable,
            errors.KeyringLocked,
            errors.NoPassphrase,
            errors.ArchiveExists,
            errors.DiskFull,
            errors.ArchiveUnreachable,
            errors.ValidationError,
            errors.NotFound,
            errors.PermissionDenied,
            errors.ConflictError,
        )
    }
    assert table == {
        "WrongPassphrase": 3,
        "ArchiveBusy": 4,
        "NotAnArchive": 5,
        "ArchiveTooNew": 6,
        "ArchiveMissing": 7,
        "FolderNotWritable": 8,
        "KeyringLocked": 9,
        "NoPassphrase": 10,
        "ArchiveExists": 11,
        "DiskFull": 12,
        "ArchiveUnreachable": 13,
        "ValidationError": 14,
        "NotFound": 15,
        "PermissionDenied": 16,
        "ConflictError": 17,
    }
    assert len(set(table.values())) == len(table)
    codes = [cls.code for cls in errors.ArchiveError.__subclasses__()]
    assert len(set(codes)) == len(codes)


def test_unexpected_errors_are_one_line_too(cli, made_archive, passphrase, monkeypatch):
    from desktop.services import archive_service

    def boom(self):
        raise RuntimeError(f"internal detail with {passphrase}")

    monkeypatch.setattr(archive_service.ArchiveService, "check", boom)
    result = cli.run(["check", "-a", made_archive, "--passphrase-stdin"], stdin=passphrase + "\n")
    assert result.code == 1
    line = result.assert_one_line_error()
    assert "RuntimeError" in line and passphrase not in line


# --------------------------------------------------------------------------- real processes


def test_full_round_trip_in_real_processes(archive_path, passphrase, user_dirs):
    from unit_support import spawn_cli

    made = spawn_cli(
        ["init", "-a", archive_path, "--passphrase-stdin", "--json"], passphrase + "\n"
    )
    assert made.code == 0, made.err
    aid = made.json()["archive_id"]

    checked = spawn_cli(
        ["--json", "check", "--passphrase-stdin"], passphrase + "\n"
    )  # last archive
    assert checked.code == 0, checked.err
    assert checked.json()["archive_id"] == aid and checked.json()["ok"] is True

    changed = spawn_cli(
        ["passwd", "--passphrase-stdin", "-a", archive_path], f"{passphrase}\n{NEW}\n"
    )
    assert changed.code == 0, changed.err
    assert "Passphrase changed" in changed.out

    assert spawn_cli(["check", "-a", archive_path, "--passphrase-stdin"], passphrase).code == 3
    assert spawn_cli(["check", "-a", archive_path, "--passphrase-stdin"], NEW).code == 0

    forgot = spawn_cli(["forget-key", "-a", archive_path])
    assert forgot.code == errors.NoPassphrase.exit_status
    forgot.assert_one_line_error()

    # Nothing secret anywhere in the user's folders (settings, log).
    files = [p for d in user_dirs.all() for p in d.rglob("*") if p.is_file()]
    assert any(p.name == "customer-archive.log" for p in files)
    for p in files:
        raw = p.read_bytes()
        for secret in (passphrase, NEW):
            assert secret.encode("utf-8") not in raw, p


def test_version_and_help_exit_cleanly(archive_path):
    from unit_support import spawn_cli

    version = spawn_cli(["--version"])
    assert version.code == 0 and version.out.startswith("customer-archive ")
    helped = spawn_cli(["check", "--help"])
    assert helped.code == 0 and "--passphrase-stdin" in helped.out
