"""Is the archive on a network drive? (docs/architecture.md, The archive file; Sharing a file)

The program never uses WAL anywhere (WAL needs shared memory that only works on one host),
so this answer does not change the journal mode: it is what the program tells the user
(Archive Information, ``check``), writes in the log, and uses to keep write transactions
short and to expect a drive that goes away.

Linux: the file system type of the mount that holds the path, read from
``/proc/self/mountinfo`` (the longest mount point that is a prefix of the real path). That
gives the type as the kernel names it, with FUSE's subtype ("fuse.sshfs"), which
``statfs``'s ``f_type`` magic number cannot tell apart from any other FUSE file system, and
``os.statvfs`` has no type at all. Windows: ``GetDriveTypeW`` of the path's root
(``DRIVE_REMOTE``), and every UNC path (``\\\\server\\share``). Elsewhere (macOS) the answer
is "unknown", treated as local.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

# Kernel file system types of network and cluster file systems (and FUSE ones over a network).
NETWORK_TYPES = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "gpfs",
        "beegfs",
        "ocfs2",
        "gfs2",
        "davfs",
        "coda",
        "fuse.sshfs",
        "fuse.glusterfs",
        "fuse.davfs2",
        "fuse.rclone",
        "fuse.s3fs",
        "fuse.smbnetfs",
        "fuse.cephfs",
        "fuse.gvfsd-fuse",
    }
)
DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class Location:
    fs_type: str  # "ext4", "nfs4", "cifs", "fuse.sshfs", "remote" (Windows), "unknown"
    mount_point: str  # where that file system is mounted ("" when unknown)
    network: bool

    def to_json(self) -> dict[str, object]:
        return {
            "filesystem": self.fs_type,
            "mount_point": self.mount_point,
            "network": self.network,
        }


def _unescape(field: str) -> str:
    # mountinfo escapes space, tab, newline and backslash as octal (\040 …)
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 4 <= len(field) and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def parse_mountinfo(text: str, path: str) -> tuple[str, str]:
    """(fs type, mount point) of the mount holding ``path`` (an absolute, real path)."""
    best_point, best_type = "", "unknown"
    for line in text.splitlines():
        left, sep, right = line.partition(" - ")
        if not sep:
            continue
        fields, tail = left.split(), right.split()
        if len(fields) < 5 or not tail:
            continue
        point = _unescape(fields[4])
        inside = path == point or path.startswith(point.rstrip("/") + "/") or point == "/"
        # the later of two mounts on one point hides the earlier: take the last longest
        if inside and len(point) >= len(best_point):
            best_point, best_type = point, tail[0]
    return best_type, best_point


def locate(path: str | os.PathLike) -> Location:
    """Where ``path`` (a file or folder, existing or not) lives."""
    p = Path(path).absolute()
    while not p.exists() and p != p.parent:  # a new archive: ask about its folder
        p = p.parent
    real = os.path.realpath(p)
    if sys.platform.startswith("linux"):
        try:
            text = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return Location("unknown", "", False)
        fs_type, point = parse_mountinfo(text, real)
        return Location(fs_type, point, fs_type in NETWORK_TYPES)
    if sys.platform == "win32":
        return _windows(real)
    return Location("unknown", "", False)


def _windows(real: str) -> Location:  # pragma: no cover - Windows only
    if real.startswith("\\\\"):
        return Location("remote", real, True)
    import ctypes

    root = os.path.splitdrive(real)[0] + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root))  # type: ignore[attr-defined,unused-ignore]  # windll exists on Windows only; mypy checks as Linux
    return Location("remote" if kind == DRIVE_REMOTE else "local", root, kind == DRIVE_REMOTE)


def is_network_path(path: str | os.PathLike) -> bool:
    return locate(path).network
