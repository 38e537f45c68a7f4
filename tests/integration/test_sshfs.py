"""A real network drive: the archive on an sshfs mount of a folder served by a real sshd.

sshfs keeps, on the client, the inode number a path had when the file behind it is replaced on
the server (a restore, a colleague copying a file in its place): a program that trusts the
inode keeps saving into the moved-away file, and nobody sees those saves (37 of 37 did, before
the salt check). The file's salt is read before every write on a network drive
(``storage/archive.py``); these tests replace the file on the server side of a real mount.

Needs the packages ``sshfs`` and ``openssh-server`` (packaging/debian-packages.txt) and a
machine that lets this user mount FUSE file systems (root, /dev/fuse): where the kernel does
not, the tests skip and say why.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import pytest

from desktop import errors
from desktop.storage.archive import Archive
from tests.system_tools import need

SSHD = "/usr/sbin/sshd"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sshfs_share(tmp_path):
    """(server folder, client folder): the client folder is an sshfs mount of the server's."""
    need("sshfs", SSHD, "ssh-keygen")
    if os.geteuid() != 0 or not Path("/dev/fuse").exists():
        pytest.skip("mounting a FUSE file system needs root and /dev/fuse on this machine")
    server, client, keys = tmp_path / "server", tmp_path / "client", tmp_path / "keys"
    for folder in (server, client, keys):
        folder.mkdir()
    keys.chmod(0o700)
    for name in ("host", "user"):
        subprocess.run(
            ["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys / name], check=True
        )
    (keys / "authorized_keys").write_text((keys / "user.pub").read_text())
    (keys / "authorized_keys").chmod(0o600)
    port = _free_port()
    Path("/run/sshd").mkdir(exist_ok=True)  # its privilege separation folder
    sshd = subprocess.Popen(
        [
            SSHD,
            "-D",
            "-e",
            "-f",
            "/dev/null",
            "-p",
            str(port),
            "-h",
            keys / "host",
            "-o",
            "ListenAddress=127.0.0.1",
            "-o",
            f"AuthorizedKeysFile={keys / 'authorized_keys'}",
            "-o",
            "PermitRootLogin=prohibit-password",
            "-o",
            "StrictModes=no",
            "-o",
            "Subsystem=sftp internal-sftp",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        mounted = None
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            mounted = subprocess.run(
                [
                    "sshfs",
                    "-p",
                    str(port),
                    "-o",
                    f"IdentityFile={keys / 'user'}",
                    "-o",
                    "StrictHostKeyChecking=no",
                    "-o",
                    f"UserKnownHostsFile={keys / 'known_hosts'}",
                    "-o",
                    "BatchMode=yes",
                    f"root@127.0.0.1:{server}",
                    str(client),
                ],
                capture_output=True,
                text=True,
            )
            if mounted.returncode == 0 or "fuse" in mounted.stderr.lower():
                break
            time.sleep(0.2)  # sshd not listening yet
        assert mounted is not None
        if mounted.returncode != 0 and "fuse" in mounted.stderr.lower():
            pytest.skip(f"this machine does not let the tests mount FUSE: {mounted.stderr.strip()}")
        assert mounted.returncode == 0, mounted.stderr
        try:
            yield server, client
        finally:
            subprocess.run(["fusermount3", "-u", "-z", str(client)], capture_output=True)
            subprocess.run(["umount", "-l", str(client)], capture_output=True)
    finally:
        sshd.terminate()
        sshd.wait(timeout=10)


def test_the_archive_on_an_sshfs_mount_is_seen_as_a_network_drive(sshfs_share, passphrase):
    _, client = sshfs_share
    with Archive.create(client / "office.carc", passphrase) as a:
        assert (a.location.fs_type, a.location.network) == ("fuse.sshfs", True)
        a.set_setting("k", "1")
        assert a.get_setting("k") == "1"


def test_saves_after_the_file_is_replaced_on_the_server_are_refused_not_lost(
    sshfs_share, passphrase
):
    server, client = sshfs_share
    path = client / "office.carc"
    a = Archive.create(path, passphrase)
    a.set_setting("k", "1")
    inode_before = os.stat(path).st_ino
    # on the server: the file moved away, another archive (a restore) put in its place
    Archive.create(server / "restored.carc", passphrase).close()
    (server / "office.carc").rename(server / "old.carc")
    (server / "restored.carc").rename(server / "office.carc")
    same_inode = os.stat(path).st_ino == inode_before  # sshfs often keeps it: the case here
    for attempt in range(37):
        with pytest.raises(errors.ArchiveUnreachable, match="replaced by another file"):
            a.set_setting("k", f"lost {attempt}")
    a.close()
    with Archive.open(server / "old.carc", passphrase) as moved_away:
        assert moved_away.get_setting("k") == "1", same_inode  # nothing went into the old file
    with Archive.open(path, passphrase) as now:
        assert now.get_setting("k") is None
        now.set_setting("k", "2")  # the new file, opened again, takes saves
    with Archive.open(server / "office.carc", passphrase) as on_server:
        assert on_server.get_setting("k") == "2"
