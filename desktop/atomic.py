"""Atomic file writes: temporary file in the same folder, fsync, rename (docs/architecture.md, The
archive file).

What the target may be, decided here once for every export, PDF and saved copy:

- a new path, or an existing regular file, which is replaced whole. The replacement keeps
  the existing file's permission bits (a ``600`` file stays ``600``); a new file gets the
  usual mode (0666 less the umask);
- a symbolic link is written through, as editors do: the file it points to is replaced (in
  its own folder) and the link stays a link. A link to a device or folder is refused like
  the device or folder itself;
- anything else (a folder, a device such as /dev/null, a FIFO, a socket) is refused with
  ``ValidationError`` before anything is written: a rename would put a plain file in its
  place.

A write that fails leaves nothing behind: the temporary file is removed, a full disk is
``DiskFull`` (one message, nothing written), and the file object handed out ignores what a
writer's leftovers do with it afterwards (a zip writer closing itself when it is collected
would otherwise print a traceback after the message).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO, Iterator

from . import errors
from .file_kind import kind_of

# The errors that mean "no room": a full disk, a full quota.
_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def resolve_target(target: str | os.PathLike) -> tuple[Path, int | None]:
    """The file a write to ``target`` replaces (a symbolic link followed), and the permission
    bits to give it (None for a new file). Raises ``ValidationError`` when the target is
    there but not a regular file."""
    path = Path(target)
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return path, None
    except OSError:
        return path, None  # the write itself says what is wrong (permission, a lost drive)
    if not stat.S_ISREG(st.st_mode):
        shown = Path(target)
        via = "" if shown == path else f" (a link to {path})"
        raise errors.ValidationError(
            "{path}{via} is {kind}, not a file: choose a file name to write to.",
            path=str(shown),
            via=via,
            kind=kind_of(st.st_mode),
        )
    return path, stat.S_IMODE(st.st_mode)


class _Output:
    """The temporary file as handed to a writer. Once the write has failed or was given up,
    whatever the writer's leftovers still do with it (a zip file closing itself when it is
    collected) goes nowhere, instead of raising on a closed file."""

    def __init__(self, f: BinaryIO) -> None:
        self._f = f
        self._abandoned = False
        self._pos = 0  # where writes go once abandoned (a zip writer reads it back)

    def abandon(self) -> None:
        if not self._abandoned:
            with contextlib.suppress(Exception):
                self._pos = self._f.tell()
        self._abandoned = True

    def write(self, data) -> int:
        if self._abandoned:
            self._pos += len(data)
            return len(data)
        try:
            return self._f.write(data)
        except OSError:
            self.abandon()
            raise

    def seek(self, offset: int, whence: int = 0) -> int:
        if not self._abandoned:
            return self._f.seek(offset, whence)
        self._pos = offset if whence == 0 else self._pos + offset
        return self._pos

    def tell(self) -> int:
        return self._pos if self._abandoned else self._f.tell()

    def flush(self) -> None:
        if not self._abandoned:
            self._f.flush()

    def close(self) -> None:
        """The writer may close it; the atomic writer still syncs and renames what it holds."""

    @property
    def closed(self) -> bool:
        return self._abandoned or self._f.closed

    def __getattr__(self, name: str):
        return getattr(self._f, name)


def _no_space(exc: OSError, target: Path) -> errors.DiskFull:
    return errors.DiskFull(
        "The disk is full: {target} was not written.", target=target, path=str(target)
    )


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike) -> Iterator[BinaryIO]:
    """Yield a binary file; on success it replaces ``target`` whole, on error nothing changes.
    What ``target`` may be: see the module docstring."""
    shown = Path(target)
    path, mode = resolve_target(shown)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    out: _Output | None = None
    try:
        with open(tmp, "wb") as f:
            out = _Output(f)
            yield out  # type: ignore[misc]
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        if exc.errno in _NO_SPACE:
            raise _no_space(exc, shown) from None
        raise
    finally:
        if out is not None and tmp.exists():
            out.abandon()
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    fsync_dir(path.parent)


def fsync_file(path: str | os.PathLike) -> None:
    """Flush a closed file's data to the disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(folder: str | os.PathLike) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op elsewhere)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:
        pass  # some network filesystems refuse fsync on folders
    finally:
        os.close(fd)


def write_atomic(target: str | os.PathLike, data: bytes) -> None:
    with atomic_output(target) as f:
        f.write(data)
