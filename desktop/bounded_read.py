"""Reading a file a user picked (an attachment): a regular file only, and never more than
the limit, however large the file claims to be or grows while it is read.

``stat`` says how large a file is now, not how much reading it yields: ``/dev/zero`` and
``/proc`` files claim 0 bytes and never end, a FIFO blocks until someone writes, a log file
grows as it is read. So the file is opened without blocking, checked to be a regular file
through the open descriptor (no swap between the check and the read), refused when its size
is over the limit before anything is read, and then read in chunks up to limit + 1 bytes:
one byte past the limit is enough to say it is too large.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from . import errors
from .file_kind import kind_of

CHUNK = 1024 * 1024
MB = 1024 * 1024


def too_large(
    name: str, size: int, limit: int, *, at_least: bool = False
) -> errors.ValidationError:
    """The one message for a file over the limit (the window translates it by its details)."""
    more = "more than " if at_least else ""
    return errors.ValidationError(
        "{name} is {more}{size_mb:.1f} MB; attachments may be at most {limit_mb:.0f} MB.",
        fields={"attachment": "too large"},
        name=name,
        more=more,
        size_mb=size / MB,
        limit_mb=limit / MB,
        size=size,
        limit=limit,
    )


def read_regular_file(path: str | os.PathLike, limit: int) -> bytes:
    """The whole content of the regular file at ``path`` if it is at most ``limit`` bytes.

    Raises ``ValidationError`` for a folder, device, FIFO or socket, and for a file over the
    limit (``details``: ``size``, ``limit``); ``ArchiveError`` when it cannot be read.
    """
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise errors.ValidationError(
            "{path} is a folder, not a file.", fields={"attachment": "not a file"}, path=str(path)
        ) from None
    except OSError as exc:
        raise errors.ArchiveError(
            "Cannot read {path}: {strerror}.", strerror=exc.strerror, path=str(path)
        ) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise errors.ValidationError(
                "{path} is {kind}, not a file: only regular files can be attached.",
                fields={"attachment": "not a file"},
                path=str(path),
                kind=kind_of(st.st_mode),
            )
        if st.st_size > limit:
            raise too_large(path.name, st.st_size, limit)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limit:  # it grew while being read
            raise too_large(path.name, total - 1, limit, at_least=True)
        return b"".join(chunks)
    except OSError as exc:
        raise errors.ArchiveError(
            "Cannot read {path}: {strerror}.", strerror=exc.strerror, path=str(path)
        ) from None
    finally:
        os.close(fd)
