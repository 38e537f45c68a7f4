"""Network drives: detection from /proc/self/mountinfo, never WAL, waiting for a lock said
so (``on_wait``), read-only opening."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from desktop import errors
from desktop.storage import filesystem
from desktop.storage.archive import Archive, _connect

MOUNTINFO = r"""22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
30 22 0:26 / /proc rw,nosuid - proc proc rw
41 22 0:40 / /mnt/office rw,relatime - nfs4 fs1:/export/office rw,vers=4.2
42 41 0:41 / /mnt/office/local\040copy rw - ext4 /dev/sdb1 rw
43 22 0:42 / /media/share rw - cifs //nas/share rw,vers=3.0
44 22 0:43 / /home/li/remote rw - fuse.sshfs li@server:/data rw
45 22 0:44 / /media/smb2 rw - smb2 //nas/x rw
"""


@pytest.mark.parametrize(
    "path, fs_type, network",
    [
        ("/home/li/archive.carc", "ext4", False),
        ("/mnt/office/客户/office.carc", "nfs4", True),
        ("/mnt/office", "nfs4", True),
        ("/mnt/office/local copy/office.carc", "ext4", False),  # a local disk mounted inside
        ("/mnt/officeX/a.carc", "ext4", False),  # a prefix, not a parent folder
        ("/media/share/archive.carc", "cifs", True),
        ("/home/li/remote/archive.carc", "fuse.sshfs", True),
        ("/media/smb2/a.carc", "smb2", True),
    ],
)
def test_mountinfo_names_the_file_system_of_the_longest_parent_mount(path, fs_type, network):
    found, _ = filesystem.parse_mountinfo(MOUNTINFO, path)
    assert found == fs_type
    assert (found in filesystem.NETWORK_TYPES) is network


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/mountinfo")
def test_this_machine_s_test_folder_is_local_and_proc_is_proc(tmp_path):
    here = filesystem.locate(tmp_path / "not yet" / "made.carc")
    assert here.fs_type not in ("", "unknown") and not here.network
    assert filesystem.locate("/proc/self").fs_type == "proc"


def test_the_journal_is_always_delete_even_for_a_file_another_tool_put_in_wal(
    made_archive, passphrase
):
    with Archive.open(made_archive, passphrase) as a:
        assert a.query_one("PRAGMA journal_mode")[0] == "delete"
    raw = _connect(made_archive, passphrase, readonly=False, create=False)
    assert raw.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    raw.close()
    with Archive.open(made_archive, passphrase) as a:
        assert a.query_one("PRAGMA journal_mode")[0] == "delete"
        assert a.location.fs_type and not a.location.network
    assert not made_archive.with_name(made_archive.name + "-wal").exists()


def test_check_reports_the_drive_and_the_journal_mode(cli, made_archive, passphrase):
    result = cli.run(
        ["-a", made_archive, "--passphrase-stdin", "--no-keyring", "check", "--json"],
        stdin=passphrase + "\n",
    )
    data = result.json()
    assert data["journal_mode"] == "delete" and data["network"] is False and data["filesystem"]


HOLD = r"""
import sys, sqlcipher3
from desktop.storage.archive import apply_key  # the passphrase, and the tests' KDF setting
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
apply_key(conn, sys.stdin.readline().rstrip("\n"))
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""


def test_a_write_that_waits_for_another_computer_says_so_and_then_goes_through(
    made_archive, passphrase
):
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(made_archive)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        holder.stdin.write(passphrase + "\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "holding"
        told: list[tuple[bool, float]] = []
        with Archive.open(made_archive, passphrase) as a:
            a.on_wait = lambda waiting: told.append((waiting, time.monotonic()))

            def release():
                time.sleep(1.0)
                holder.stdin.write("go\n")
                holder.stdin.flush()

            threading.Thread(target=release).start()
            start = time.monotonic()
            a.set_setting("shared", "yes")
            assert a.get_setting("shared") == "yes"
        assert [w for w, _ in told] == [True, False]
        assert told[0][1] - start < 0.8  # said within a fraction of a second, not after 5 s
        assert told[1][1] - start >= 0.9
    finally:
        holder.kill()
        holder.wait()


def test_read_only_open_changes_nothing(made_archive, passphrase):
    before = made_archive.read_bytes()
    with Archive.open(made_archive, passphrase, readonly=True) as a:
        assert a.readonly
        with pytest.raises(errors.FolderNotWritable, match="read-only"):
            a.set_setting("x", "y")
    assert made_archive.read_bytes() == before


def test_a_write_to_a_file_moved_or_deleted_under_the_open_handle_is_refused(
    made_archive, passphrase
):
    from desktop.services.archive_service import ArchiveService

    svc = ArchiveService(Archive.open(made_archive, passphrase), passphrase)
    a = svc.archive
    a.set_setting("k", "1")
    away = made_archive.with_name("moved.carc")
    made_archive.rename(away)
    with pytest.raises(errors.ArchiveUnreachable):
        a.set_setting("k", "2")  # the handle still works, but nobody would see it
    away.rename(made_archive)
    a.set_setting("k", "3")  # back: the same file again
    assert a.get_setting("k") == "3"
    # someone puts another file in its place (a restore): the old handle is refused, reopen works
    other = made_archive.with_name("other.carc")
    a.backup_to(other, passphrase)
    made_archive.rename(made_archive.with_name("old.carc"))
    other.rename(made_archive)
    assert not a.still_there()
    with pytest.raises(errors.ArchiveUnreachable):
        a.set_setting("k", "4")
    svc.reopen()
    svc.archive.set_setting("k", "5")
    assert svc.archive.get_setting("k") == "5"
    svc.close()


def test_a_file_replaced_where_the_inode_number_stays_is_told_by_its_salt(
    made_archive, passphrase, monkeypatch
):
    """sshfs: a file replaced on the server keeps, on the client, the inode number its path
    had. Every save must still notice that the path leads to another file now."""
    import os as real_os

    from desktop.storage import archive as archive_module

    import dataclasses

    a = Archive.open(made_archive, passphrase)
    a.location = dataclasses.replace(a.location, fs_type="fuse.sshfs", network=True)
    a.set_setting("k", "1")
    seen = real_os.stat(made_archive)
    real_stat = real_os.stat

    def sshfs_stat(path, *args, **kwargs):
        st = real_stat(path, *args, **kwargs)
        if str(path) != str(made_archive):
            return st
        fields = list(st)
        fields[1], fields[2] = seen.st_ino, seen.st_dev  # st_ino, st_dev as the client cached
        return real_os.stat_result(fields)

    monkeypatch.setattr(archive_module.os, "stat", sshfs_stat)
    other = made_archive.with_name("restored.carc")
    a.backup_to(other, passphrase)
    old = made_archive.with_name("old.carc")
    made_archive.rename(old)
    other.rename(made_archive)
    assert real_stat(made_archive).st_ino != seen.st_ino == sshfs_stat(made_archive).st_ino
    for attempt in range(37):
        with pytest.raises(errors.ArchiveUnreachable, match="replaced by another file"):
            a.set_setting("k", f"lost {attempt}")
    a.close()
    with Archive.open(old, passphrase) as moved_away:
        assert moved_away.get_setting("k") == "1"  # nothing went into the old file
    with Archive.open(made_archive, passphrase) as now:
        assert now.get_setting("k") == "1"


def test_the_salt_is_read_only_between_transactions(made_archive, passphrase, monkeypatch):
    """Closing any descriptor of the file drops this process's POSIX locks, SQLite's too: on a
    network drive the salt is read before BEGIN, never while a write holds the lock."""
    import dataclasses

    from desktop.storage import archive as archive_module

    a = Archive.open(made_archive, passphrase)
    a.location = dataclasses.replace(a.location, fs_type="cifs", network=True)
    reads = []
    real = archive_module._salt_at

    def spy(path):
        reads.append(a.conn.in_transaction)
        return real(path)

    monkeypatch.setattr(archive_module, "_salt_at", spy)
    for n in range(3):
        a.set_setting("k", str(n))
    a.close()
    assert reads == [False, False, False]
