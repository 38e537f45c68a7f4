"""The archive key in a real Secret Service keyring (gnome-keyring on a private D-Bus bus).

In-process code uses ``KeyStore(backend=SecretService.Keyring())``; the CLI runs as separate
processes with the private bus in its environment, exactly as on a user's desktop.
Every test ends by searching the user's folders for the passphrases: nothing secret may be
written anywhere but the (encrypted) keyring.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from integration_support import REPO, run_cli
from desktop import errors
from desktop.secrets.keystore import SERVICE, KeyState, KeyStore
from desktop.services.opening import open_with_keyring
from desktop.storage.archive import Archive, archive_id

pytestmark = [pytest.mark.keyring, pytest.mark.real_kdf]

NEW = "the new passphrase 新的口令 after passwd"


def assert_nothing_secret_on_disk(user_dirs, secrets: list[str], *extra: Path) -> list[Path]:
    """No passphrase, in UTF-8 or UTF-16, in any file under the user's folders (and ``extra``)."""
    files = sorted(
        {p for d in [*user_dirs.all(), *extra] for p in Path(d).rglob("*") if p.is_file()}
    )
    assert files, "nothing was written at all: the search would prove nothing"
    for path in files:
        raw = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in raw, (
                    f"{secret!r} ({encoding}) found in {path}"
                )
    return files


def init(path, passphrase, *extra) -> dict:
    result = run_cli(
        ["init", "-a", path, "--passphrase-stdin", "--json", *extra], passphrase + "\n"
    )
    assert result.code == 0, result.err
    return result.json()


def ours(service) -> list[dict]:
    return [i for i in service.items() if i.get("service") == SERVICE]


# --------------------------------------------------------------------------- in-process


def test_store_and_read_back(secret_service, user_dirs):
    store = KeyStore(backend=secret_service.backend())
    assert store.backend_name() == "keyring.backends.SecretService.Keyring"
    assert store.state() is KeyState.FOUND
    aid = "00112233445566778899aabbccddeeff"
    assert store.get(aid).state is KeyState.MISSING
    assert store.set(aid, "秘密 secret ' \" \\") is KeyState.FOUND
    assert store.get(aid).secret == "秘密 secret ' \" \\"
    assert [(i["service"], i["username"]) for i in ours(secret_service)] == [(SERVICE, aid)]
    assert store.delete(aid) is KeyState.FOUND
    assert store.get(aid).state is KeyState.MISSING
    assert ours(secret_service) == []


def test_keyring_picked_automatically_is_the_secret_service(secret_service):
    """What a user's desktop session gives: the program finds the Secret Service by itself."""
    import subprocess
    import sys

    code = "from desktop.secrets.keystore import KeyStore; s = KeyStore(); print(s.backend_name(), s.state().value)"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["keyring.backends.SecretService.Keyring", "found"]


# --------------------------------------------------------------------------- CLI + keyring


def test_init_stores_the_key_and_check_needs_no_passphrase(
    secret_service, archive_path, passphrase, user_dirs
):
    made = init(archive_path, passphrase)
    assert made["keyring"] == "found"
    aid = archive_id(archive_path)
    assert made["archive_id"] == aid
    assert KeyStore(secret_service.backend()).get(aid).secret == passphrase
    assert [i["username"] for i in ours(secret_service)] == [aid]

    checked = run_cli(["check", "-a", archive_path, "--json"])  # no --passphrase-stdin
    assert checked.code == 0, checked.err
    assert checked.json()["ok"] is True and checked.json()["archive_id"] == aid

    service = open_with_keyring(archive_path, KeyStore(secret_service.backend()))
    service.close()
    assert_nothing_secret_on_disk(user_dirs, [passphrase], archive_path.parent)


def test_init_with_no_keyring_option_stores_nothing(
    secret_service, archive_path, passphrase, user_dirs
):
    made = init(archive_path, passphrase, "--no-keyring")
    assert made["keyring"] == "no_backend"
    assert ours(secret_service) == []
    result = run_cli(["check", "-a", archive_path])
    assert result.code == errors.NoPassphrase.exit_status
    assert "holds no key" in result.error_line()


def test_passwd_updates_the_keyring_entry(secret_service, archive_path, passphrase, user_dirs):
    init(archive_path, passphrase)
    aid = archive_id(archive_path)
    changed = run_cli(
        ["passwd", "-a", archive_path, "--passphrase-stdin", "--json"], f"{passphrase}\n{NEW}\n"
    )
    assert changed.code == 0, changed.err
    assert changed.json()["keyring"] == "found"

    lookup = KeyStore(secret_service.backend()).get(aid)
    assert lookup.secret == NEW  # the old key is no longer there
    assert len(ours(secret_service)) == 1
    assert run_cli(["check", "-a", archive_path]).code == 0  # via the keyring, new key
    with pytest.raises(errors.WrongPassphrase):
        Archive.open(archive_path, passphrase)
    assert_nothing_secret_on_disk(user_dirs, [passphrase, NEW], archive_path.parent)


def test_forget_key_removes_the_entry(secret_service, archive_path, passphrase, user_dirs):
    init(archive_path, passphrase)
    forgot = run_cli(["forget-key", "-a", archive_path, "--json"])
    assert forgot.code == 0, forgot.err
    assert forgot.json()["removed"] is True
    assert ours(secret_service) == []
    assert (
        KeyStore(secret_service.backend()).get(archive_id(archive_path)).state is KeyState.MISSING
    )

    again = run_cli(["forget-key", "-a", archive_path])
    assert again.code == 0 and "held no key" in again.out
    check = run_cli(["check", "-a", archive_path])
    assert check.code == errors.NoPassphrase.exit_status
    line = check.error_line()
    assert "holds no key" in line and "--passphrase-stdin" in line
    # The passphrase still opens it: forgetting the key touched only the keyring.
    assert run_cli(["check", "-a", archive_path, "--passphrase-stdin"], passphrase).code == 0
    assert_nothing_secret_on_disk(user_dirs, [passphrase], archive_path.parent)


def test_stale_entry_after_a_change_elsewhere(secret_service, archive_path, passphrase, user_dirs):
    init(archive_path, passphrase)
    # Someone changes the passphrase on a PC that does not use this keyring.
    changed = run_cli(
        ["passwd", "-a", archive_path, "--passphrase-stdin", "--no-keyring"],
        f"{passphrase}\n{NEW}\n",
    )
    assert changed.code == 0, changed.err
    assert KeyStore(secret_service.backend()).get(archive_id(archive_path)).secret == passphrase

    with pytest.raises(errors.NoPassphrase) as info:
        open_with_keyring(archive_path, KeyStore(secret_service.backend()))
    assert info.value.details["reason"] == "stale"
    result = run_cli(["check", "-a", archive_path])
    assert result.code == errors.NoPassphrase.exit_status
    assert "no longer opens this archive" in result.error_line()
    assert run_cli(["check", "-a", archive_path, "--passphrase-stdin"], NEW).code == 0
    assert_nothing_secret_on_disk(user_dirs, [passphrase, NEW], archive_path.parent)


def test_locked_keyring_is_reported_and_creates_nothing(
    secret_service, archive_path, passphrase, user_dirs, tmp_path
):
    init(archive_path, passphrase)
    aid = archive_id(archive_path)
    items_before, collections_before = ours(secret_service), secret_service.collections()
    secret_service.lock()

    started = time.monotonic()
    lookup = KeyStore(secret_service.backend()).get(aid)
    assert lookup.state is KeyState.LOCKED and lookup.secret is None
    assert time.monotonic() - started < 5  # no hanging on an unlock prompt nobody can see
    with pytest.raises(errors.KeyringLocked):
        open_with_keyring(archive_path, KeyStore(secret_service.backend()))

    before = archive_path.read_bytes()
    data_before = sorted(p for p in user_dirs.data.rglob("*"))
    result = run_cli(["check", "-a", archive_path])
    assert result.code == errors.KeyringLocked.exit_status == 9
    assert "locked" in result.error_line()
    forgot = run_cli(["forget-key", "-a", archive_path])
    assert forgot.code == errors.KeyringLocked.exit_status
    assert "locked" in forgot.error_line()

    # Locked is not "no key": nothing new was made, nothing was removed.
    assert archive_path.read_bytes() == before
    assert sorted(p for p in user_dirs.data.rglob("*")) == data_before
    assert ours(secret_service) == items_before
    assert secret_service.collections() == collections_before

    # A new archive made while the keyring is locked says the key was not stored.
    other = tmp_path / "second.carc"
    made = init(other, passphrase)
    assert made["keyring"] == "locked"
    assert ours(secret_service) == items_before
    assert secret_service.collections() == collections_before
    assert_nothing_secret_on_disk(user_dirs, [passphrase], archive_path.parent)


def test_keyring_files_hold_no_plaintext(secret_service, archive_path, passphrase):
    init(archive_path, passphrase)
    files = secret_service.keyring_files()
    assert any(p.suffix == ".keyring" for p in files), files  # the entry went to disk, encrypted
    for path in files:
        raw = path.read_bytes()
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            assert passphrase.encode(encoding) not in raw, path


# --------------------------------------------------------------------------- no keyring at all


@pytest.mark.parametrize("how", ["bus-nowhere", "no-bus-variable"])
def test_no_backend_falls_back_to_asking(no_bus_env, archive_path, passphrase, user_dirs, how):
    env = dict(no_bus_env)
    if how == "no-bus-variable":
        env.pop("DBUS_SESSION_BUS_ADDRESS")
    started = time.monotonic()
    made = run_cli(
        ["init", "-a", archive_path, "--passphrase-stdin", "--json"], passphrase + "\n", env=env
    )
    assert made.code == 0, made.err
    assert made.json()["keyring"] == "no_backend"

    checked = run_cli(["check", "-a", archive_path], env=env)  # stdin is a pipe, not a terminal
    assert checked.code == errors.NoPassphrase.exit_status
    line = checked.error_line()
    assert "No system keyring" in line and "--passphrase-stdin" in line

    asked = run_cli(["check", "-a", archive_path, "--passphrase-stdin"], passphrase, env=env)
    assert asked.code == 0, asked.err
    forgot = run_cli(["forget-key", "-a", archive_path], env=env)
    assert forgot.code == errors.NoPassphrase.exit_status
    assert time.monotonic() - started < 20

    # No plaintext fallback: the passphrase is in none of the user's files.
    files = assert_nothing_secret_on_disk(user_dirs, [passphrase], archive_path.parent)
    assert any(p.name == "customer-archive.log" for p in files)
    assert any(p.name == "settings.json" for p in files)
    assert not any("keyring" in p.name.lower() or p.suffix in (".cfg", ".ini") for p in files), (
        files
    )
