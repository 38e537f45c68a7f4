"""What a path that is not a regular file is, in words for a message: a folder, a pipe, a
device … (exports and attachments accept regular files only)."""

from __future__ import annotations

import stat


def kind_of(mode: int) -> str:
    """``st_mode`` as "a folder", "a pipe (FIFO)", "a socket", "a device", else "not a
    regular file"."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
