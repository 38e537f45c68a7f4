"""Opening, creating and re-keying the encrypted archive file.

One ``Archive`` wraps one sqlcipher3 connection. The file is a standard SQLCipher 4
database with the library's default KDF and cipher settings, so any SQLCipher 4 tool
opens it with the passphrase. (Only under pytest may the tests ask for a cheaper KDF:
``TEST_KDF_ITER_ENV`` below.)

The passphrase is passed to SQLCipher and kept nowhere else on disk. It never appears in
an exception or a log line: errors are mapped to the typed errors of ``desktop.errors``
whose messages carry only the path.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import logging
import os
import random
import time
from datetime import datetime
from pathlib import Path
from typing import Callable, Iterator, overload
from urllib.parse import quote

import sqlcipher3

from .. import errors
from ..atomic import fsync_dir, fsync_file
from . import filesystem, migrations, search, settings

log = logging.getLogger(__name__)

SQLITE_MAGIC = b"SQLite format 3\x00"
PAGE_SIZE = 4096  # SQLCipher 4 default
SALT_SIZE = 16
APPLICATION_ID = 0x43415243  # "CARC"
FILE_SUFFIX = ".carc"

# How long a write waits for another process's lock before the user is told the archive
# is busy. The SQLite busy handler waits first; our retry loop adds backoff on top.
BUSY_TIMEOUT_S = 5.0
WRITE_RETRY_S = 15.0
# Inside a write transaction, a statement that needs more of the lock than the transaction
# holds (a cache spill) lets SQLite's own busy handler wait this long; BEGIN and COMMIT are
# retried by write() itself (WRITE_POLL_S).
WRITE_BUSY_SLICE_MS = 250
# While another program holds the write lock, write() tries again after this pause (first,
# longest) with jitter: saves hold the lock for milliseconds. On a network drive each try is
# a round trip to the server, so the pauses there are longer.
WRITE_POLL_S = (0.001, 0.01)
WRITE_POLL_NETWORK_S = (0.005, 0.05)
# A wait longer than this is shown (``on_wait``): the window says it waits for another program.
WAIT_SHOWN_AFTER_S = 0.25
# A backup that reports progress copies this many pages (4 MB) per step.
BACKUP_STEP_PAGES = 1024


# Tests only. The suite makes and opens thousands of archives, and SQLCipher's key derivation
# (PBKDF2-HMAC-SHA512 with 256 000 iterations) is deliberately slow at every create and open.
# Under pytest, and only there, this variable names a cheaper iteration count for the archives
# the tests make (tests/conftest.py sets it; tests marked ``real_kdf`` keep the default). It is
# read only while PYTEST_CURRENT_TEST is set, which pytest does during a test and CLI processes
# a test starts inherit: a real user's archive always gets SQLCipher's default KDF.
TEST_KDF_ITER_ENV = "CUSTOMER_ARCHIVE_TEST_KDF_ITER"


def kdf_iter_for_tests() -> int | None:
    """The KDF iteration count a running test asked for, or None: SQLCipher's default."""
    if not os.environ.get("PYTEST_CURRENT_TEST"):
        return None
    value = os.environ.get(TEST_KDF_ITER_ENV, "").strip()
    if not value.isdigit() or int(value) < 1:
        return None
    return int(value)


def apply_key(conn: sqlcipher3.Connection, passphrase: str) -> None:
    """Key a fresh connection: the passphrase, and under pytest the tests' KDF setting
    (the same at every create and open of one file, so the tests' archives open again)."""
    conn.execute(f"PRAGMA key = {quote_key(passphrase)}")
    iterations = kdf_iter_for_tests()
    if iterations is not None:
        conn.execute(f"PRAGMA kdf_iter = {iterations}")


def quote_key(passphrase: str) -> str:
    """The passphrase as an SQL string literal for PRAGMA key (no binding exists for it)."""
    if "\x00" in passphrase:
        raise errors.ValidationError("The passphrase cannot contain a NUL character.")
    return "'" + passphrase.replace("'", "''") + "'"


def archive_id(path: str | os.PathLike) -> str:
    """The archive's id: the hex of the file's 16-byte SQLCipher salt.

    The salt is random, written when the file is made, and does not change when the file
    is moved, renamed, re-keyed or reached by another drive letter.
    """
    head = _read_head(Path(path))
    return head[:SALT_SIZE].hex()


def _read_head(path: Path) -> bytes:
    """The file's first bytes, once it is clear it may be an archive: refused at once are a
    folder, a plain SQLite database, a text file and anything shorter than one page. A size
    that is not a whole number of pages is left to the passphrase to judge (``_connect``,
    ``_check_is_ours``): an archive that decrypts is one cut short (damaged); one that does
    not is not an archive at all."""
    try:
        with open(path, "rb") as f:
            head = f.read(PAGE_SIZE)
            size = os.fstat(f.fileno()).st_size
    except FileNotFoundError:
        raise errors.ArchiveMissing("No archive at {path}.", path=str(path)) from None
    except IsADirectoryError:
        raise errors.NotAnArchive("{path} is a folder, not an archive.", path=str(path)) from None
    except PermissionError:
        raise errors.FolderNotWritable(
            "{path} cannot be read: permission denied.", path=str(path)
        ) from None
    except OSError as exc:
        raise _os_error(exc, path) from None
    if head.startswith(SQLITE_MAGIC[:15]):
        raise errors.NotAnArchive(
            "{path} is a plain, unencrypted SQLite database, not a Customer Archive.",
            path=str(path),
            kind="sqlite",
        )
    if size < PAGE_SIZE or _looks_like_text(head):
        raise errors.NotAnArchive("{path} is not a Customer Archive file.", path=str(path))
    return head[:SALT_SIZE]


def _looks_like_text(head: bytes) -> bool:
    """Encrypted pages are random bytes; a page of them is never valid UTF-8 without NULs."""
    if b"\0" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def _cut_short(path: Path) -> int | None:
    """The file's size when it is not a whole number of pages (an archive cut short)."""
    try:
        size = os.stat(path).st_size
    except OSError:
        return None
    return size if size % PAGE_SIZE else None


def _cut_reason(path: Path) -> str | None:
    size = _cut_short(path)
    if size is None:
        return None
    return f"it was cut short ({size} bytes, not a whole number of {PAGE_SIZE}-byte pages)"


def damaged(path: Path | str, why: str) -> errors.ArchiveDamaged:
    return errors.ArchiveDamaged(
        "{path} is a Customer Archive, but damaged: {why}. Nothing was changed; restore the newest backup.",
        why=why,
        path=str(path),
    )


def _os_error(exc: OSError, path: Path) -> errors.ArchiveError:
    if exc.errno == errno.ENOSPC:
        return errors.DiskFull("The disk holding {path} is full.", path=str(path))
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return errors.FolderNotWritable("{path}: permission denied.", path=str(path))
    return errors.ArchiveUnreachable(
        "{path} cannot be reached ({reason}).",
        path=str(path),
        reason=exc.strerror or exc.__class__.__name__,
    )


def map_sqlite_error(exc: Exception, path: Path | str) -> errors.ArchiveError:
    """Turn a sqlcipher3 error into the typed error a user understands."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return errors.ArchiveBusy(
            "The archive {path} is in use by another program and stayed locked; try again.",
            path=str(path),
        )
    if "disk is full" in text or "database or disk is full" in text:
        return errors.DiskFull("The disk holding {path} is full.", path=str(path))
    if "readonly" in text or "read-only" in text:
        return errors.FolderNotWritable(
            "The archive {path} or its folder is read-only.", path=str(path)
        )
    if "disk i/o" in text or "unable to open" in text:
        return errors.ArchiveUnreachable("The archive {path} cannot be reached.", path=str(path))
    if "not a database" in text:
        return errors.NotAnArchive("{path} is not a Customer Archive file.", path=str(path))
    if "malformed" in text or "corrupt" in text:
        return damaged(
            path,
            _cut_reason(Path(path))
            or "some of its pages fail SQLite's checks (missing or changed)",
        )
    return errors.ArchiveError(
        "The archive {path} reported an error: {exc}", exc=exc, path=str(path)
    )


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


class Archive:
    """An open archive: one connection, owned by the thread that opened it."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path, *, readonly: bool) -> None:
        self._conn = conn
        self.path = path
        self.readonly = readonly
        self.id = archive_id(path)
        self.location = filesystem.locate(path)
        self._inode = _inode(path)
        self._salt = bytes.fromhex(self.id)
        # Told True when a write starts waiting for another program's lock, False when the
        # wait is over (either way). Called on the connection's thread; must not block.
        self.on_wait: "Callable[[bool], None] | None" = None
        self._busy_timeout_ms = int(BUSY_TIMEOUT_S * 1000)
        # The audit entries this connection wrote, as (first, last) id ranges, so that a
        # view watching for other people's changes can tell its own entries from theirs
        # (the log is one chain: their entries and ours interleave). Pruned by the reader.
        self.own_entries: list[tuple[int, int]] = []

    def _newest_entry(self) -> int | None:
        try:
            return self._conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
        except sqlcipher3.OperationalError:
            return None  # no audit log yet: a new archive being made

    def foreign_entries_after(self, entry_id: int) -> int | None:
        """The newest audit entry after ``entry_id`` that another connection wrote, or None.
        Forgets the own ranges up to ``entry_id``."""
        self.own_entries = [r for r in self.own_entries if r[1] > entry_id]
        sql, args = "SELECT max(id) FROM audit_log WHERE id > ?", [entry_id]
        for first, last in self.own_entries:
            sql += " AND id NOT BETWEEN ? AND ?"
            args += [first, last]
        return self._conn.execute(sql, args).fetchone()[0]

    # ----------------------------------------------------------------- opening
    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        passphrase: str,
        *,
        readonly: bool = False,
        migrate: bool = True,
        busy_timeout: float = BUSY_TIMEOUT_S,
    ) -> "Archive":
        """Open an existing archive. A wrong passphrase or any failure writes nothing."""
        path = Path(path).absolute()
        _read_head(path)
        conn = _connect(
            path, passphrase, readonly=readonly, create=False, busy_timeout=busy_timeout
        )
        try:
            version = _check_is_ours(conn, path)
            if version > migrations.LATEST_VERSION:
                raise errors.ArchiveTooNew(
                    "{path} was made by a newer version of Customer Archive (schema {version}; this program knows up to {LATEST_VERSION}). Install the newer version to open it.",
                    LATEST_VERSION=migrations.LATEST_VERSION,
                    path=str(path),
                    version=version,
                    supported=migrations.LATEST_VERSION,
                )
            archive = cls(conn, path, readonly=readonly)
            archive._busy_timeout_ms = int(busy_timeout * 1000)
            log.info(
                "opened %s (%s%s, %s)",
                path,
                archive.location.fs_type,
                ", a network drive" if archive.location.network else "",
                "read-only" if readonly else "read-write",
            )
            if not readonly:
                archive._set_pragmas()
            if version < migrations.LATEST_VERSION:
                if readonly or not migrate:
                    raise errors.ArchiveError(
                        "{path} needs an upgrade (schema {version} to {LATEST_VERSION}); open it read-write once to upgrade.",
                        version=version,
                        LATEST_VERSION=migrations.LATEST_VERSION,
                        path=str(path),
                    )
                archive._backup_before_migrating(passphrase, version)
                archive._migrate(version)
            return archive
        except BaseException:
            conn.close()
            raise

    @classmethod
    def inspect(cls, path: str | os.PathLike, passphrase: str) -> "Archive":
        """Open read-only for checking, whatever its schema version (backups, restore):
        it must be ours and the passphrase right; nothing is migrated or written."""
        path = Path(path).absolute()
        _read_head(path)
        conn = _connect(path, passphrase, readonly=True, create=False)
        try:
            _check_is_ours(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path, readonly=True)

    @classmethod
    def create(
        cls, path: str | os.PathLike, passphrase: str, *, busy_timeout: float = BUSY_TIMEOUT_S
    ) -> "Archive":
        """Make a new archive at ``path`` and open it.

        The file is built under a temporary name in the same folder and renamed into place
        when complete, so a half-made archive never sits at ``path``.
        """
        path = Path(path).absolute()
        if path.exists():
            raise errors.ArchiveExists("{path} already exists.", path=str(path))
        if not passphrase:
            raise errors.ValidationError("The passphrase cannot be empty.")
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _os_error(exc, folder) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise errors.FolderNotWritable(
                "The folder {folder} is not writable.", folder=folder, path=str(folder)
            )
        tmp = folder / f".{path.name}.{os.getpid()}.creating"
        # os.access() can say yes where making a file is then refused (Windows ACLs, network
        # shares, root on a read-only mount): try it, so a refusal names the folder.
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644))
        except OSError as exc:
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise errors.FolderNotWritable(
                    "The folder {folder} is not writable.", folder=folder, path=str(folder)
                ) from None
            raise _os_error(exc, folder) from None
        try:
            conn = _connect(tmp, passphrase, readonly=False, create=True, busy_timeout=busy_timeout)
            try:
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                archive = cls.__new__(cls)
                archive._conn, archive.path, archive.readonly = conn, tmp, False
                archive._set_pragmas()
                archive._migrate(0)
            finally:
                conn.close()
            fsync_file(tmp)
            if path.exists():  # someone made it meanwhile: never overwrite
                raise errors.ArchiveExists("{path} already exists.", path=str(path))
            os.replace(tmp, path)
            fsync_dir(folder)
        except OSError as exc:
            raise _os_error(exc, path) from None
        except sqlcipher3.Error as exc:
            raise map_sqlite_error(exc, path) from None
        finally:
            for leftover in (tmp, Path(str(tmp) + "-journal")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
        log.info("created archive %s", path)
        return cls.open(path, passphrase, busy_timeout=busy_timeout)

    # ----------------------------------------------------------------- basics
    @property
    def conn(self) -> sqlcipher3.Connection:
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    @property
    def closed(self) -> bool:
        return self._conn is None

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.query("PRAGMA user_version")[0][0]

    def data_version(self) -> int:
        """Changes when another connection commits (docs/architecture.md, Sharing a file: polled to
        refresh views)."""
        return self.query("PRAGMA data_version")[0][0]

    def query(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        try:
            return self._conn.execute(sql, params).fetchall()
        except sqlcipher3.DatabaseError as exc:
            raise map_sqlite_error(exc, self.path) from None

    def query_one(self, sql: str, params: tuple | dict = ()) -> tuple | None:
        try:
            return self._conn.execute(sql, params).fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise map_sqlite_error(exc, self.path) from None

    @contextlib.contextmanager
    def write(self, retry_for: float = WRITE_RETRY_S) -> Iterator[sqlcipher3.Connection]:
        """A short write transaction (BEGIN IMMEDIATE), retried with backoff while busy."""
        if self.readonly:
            raise errors.FolderNotWritable("{path} is open read-only.", path=str(self.path))
        # The full check (salt included) before BEGIN: no lock is held yet (see _salt_at).
        self._check_there()
        start = time.monotonic()
        deadline = start + retry_for
        self._waited = False
        # Our own short polls instead of SQLite's busy handler, whose sleeps grow to 100 ms:
        # another program's save holds the lock a few milliseconds, and a waiter asleep for
        # 50 ms misses the moments it is free while others take it (see WRITE_POLL_S).
        self._set_busy_timeout(0)
        delay, cap = self._poll
        try:
            while True:
                try:
                    self._conn.execute("BEGIN IMMEDIATE")
                    break
                except sqlcipher3.OperationalError as exc:
                    now = time.monotonic()
                    if not _is_busy(exc) or now >= deadline:
                        raise map_sqlite_error(exc, self.path) from None
                    if now - start >= WAIT_SHOWN_AFTER_S:
                        self._waiting()
                    time.sleep(delay * (0.5 + random.random()))
                    delay = min(delay * 1.25, cap)
            self._set_busy_timeout(WRITE_BUSY_SLICE_MS)  # the body's statements (see there)
            try:
                self._check_there(salt=False)  # moved while we waited for the lock?
                before = self._newest_entry()
                yield self._conn
                after = self._newest_entry() if before is not None else None
                self._commit(deadline)
                if before is not None and after is not None and after > before:
                    if self.own_entries and self.own_entries[-1][1] == before:
                        self.own_entries[-1] = (self.own_entries[-1][0], after)
                    else:
                        self.own_entries.append((before + 1, after))
            except BaseException as exc:
                if self._conn is not None and self._conn.in_transaction:
                    with contextlib.suppress(sqlcipher3.Error):
                        self._conn.execute("ROLLBACK")
                if isinstance(exc, sqlcipher3.Error):
                    raise map_sqlite_error(exc, self.path) from None
                raise
        finally:
            if self._conn is not None:
                with contextlib.suppress(sqlcipher3.Error):
                    self._set_busy_timeout(self._busy_timeout_ms)
            if self._waited and self.on_wait is not None:
                self.on_wait(False)

    def still_there(self) -> bool:
        """Whether the path still leads to the file this connection has open. A folder
        renamed away, a drive cut off, a file deleted or replaced (restored elsewhere): no.
        Called between transactions (it may read the file's salt: see ``_salt_at``)."""
        return self._where_now() is None

    def _salt_counts(self) -> bool:
        # The inode tells where it is kept. sshfs keeps, on the client, the inode number a
        # path had when the file is replaced on the server (37 of 37 saves went into the
        # moved-away file), other network drives have none: there the salt tells.
        return self.location.network or self._inode == ("no inode",)

    def _where_now(self, *, salt: bool = True) -> str | None:
        """None when the path leads to our file; else "gone" or "replaced"."""
        now = _inode(self.path)
        if now is None:
            return "gone"
        if now != self._inode:
            return "replaced"
        if salt and self._salt_counts():
            found = _salt_at(self.path)
            if found is None:
                return "gone"
            if found != self._salt:
                return "replaced"
        return None

    def _check_there(self, *, salt: bool = True) -> None:
        # An open handle keeps working on a deleted or moved file: a write there would be
        # lost without a word. So every write first checks that the path still leads to it.
        where = self._where_now(salt=salt)
        if where == "replaced":
            raise errors.ArchiveUnreachable(
                "The archive {path} was replaced by another file (a restore or a copy put in its place): open it again to go on.",
                path=str(self.path),
                replaced=True,
            )
        if where == "gone":
            raise errors.ArchiveUnreachable(
                "The archive {path} cannot be reached (moved, deleted, or its drive is gone).",
                path=str(self.path),
            )

    @property
    def _poll(self) -> tuple[float, float]:
        """(first, longest) pause between tries for the lock on this archive's drive."""
        return WRITE_POLL_NETWORK_S if self.location.network else WRITE_POLL_S

    def _set_busy_timeout(self, ms: int) -> None:
        self._conn.execute(f"PRAGMA busy_timeout = {int(ms)}")

    def _waiting(self) -> None:
        if not self._waited:
            self._waited = True
            log.info("waiting for another program's lock on %s", self.path)
            if self.on_wait is not None:
                self.on_wait(True)

    @contextlib.contextmanager
    def driver_errors(self) -> Iterator[None]:
        """The database driver's errors of what runs inside (a service's reads through this
        archive's connection) as the program's own: busy, damaged, unreachable, disk full…
        (``map_sqlite_error``), so that no service needs to know the driver."""
        try:
            yield
        except sqlcipher3.DatabaseError as exc:
            raise map_sqlite_error(exc, self.path) from None

    def let_waiting_writers_in(self, since: float) -> None:
        """Between the transactions of a long job (an import): wait until the lock has been
        free long enough since ``since`` (``time.monotonic()`` at the last commit) for a
        writer that polls (``write``: its longest pause, with jitter) to have taken it;
        SQLite's locks are not fair, and the job would otherwise take it again first."""
        cap = self._poll[1]
        left = since + 2 * cap - time.monotonic()
        if left > 0:
            time.sleep(left)

    def _commit(self, deadline: float) -> None:
        # Readers holding a shared lock delay the commit (for a fraction of a millisecond
        # each): keep the transaction and try again soon, as write() does for the lock,
        # rather than in SQLite's busy handler's growing steps while everyone else waits.
        self._set_busy_timeout(0)
        delay, cap = self._poll
        delay /= 2
        start = time.monotonic()
        while True:
            try:
                self._conn.execute("COMMIT")
                return
            except sqlcipher3.OperationalError as exc:
                now = time.monotonic()
                if not _is_busy(exc) or now >= deadline:
                    raise
                if now - start >= WAIT_SHOWN_AFTER_S:
                    self._waiting()
                time.sleep(delay)
                delay = min(delay * 1.5, cap)

    # ----------------------------------------------------------------- settings
    @overload
    def get_setting(self, key: str, default: str) -> str: ...
    @overload
    def get_setting(self, key: str, default: None = None) -> str | None: ...

    def get_setting(self, key: str, default: str | None = None) -> str | None:
        with self.driver_errors():
            value = settings.get(self._conn, key)
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.write() as c:
            settings.put(c, key, value)

    # ----------------------------------------------------------------- checks
    def integrity_check(self) -> list[str]:
        """SQLite's integrity check; an empty list means the file is sound."""
        try:
            rows = self._conn.execute("PRAGMA integrity_check").fetchall()
        except sqlcipher3.DatabaseError as exc:
            if _is_busy(exc):
                raise map_sqlite_error(exc, self.path) from None
            # A page that fails SQLCipher's HMAC stops the walk: that is a finding, not a crash.
            return [f"SQLite could not read the whole file: {exc}"]
        return [r[0] for r in rows if r[0] != "ok"]

    def cipher_integrity_check(self) -> list[str]:
        """SQLCipher's HMAC check of every page; an empty list means no page was tampered."""
        return [r[0] for r in self.query("PRAGMA cipher_integrity_check")]

    def journal_mode(self) -> str:
        return self.query("PRAGMA journal_mode")[0][0]

    def cipher_version(self) -> str:
        return self.query("PRAGMA cipher_version")[0][0]

    # ----------------------------------------------------------------- rekey
    def rekey(self, new_passphrase: str) -> None:
        """Change the passphrase; the salt, and so the archive id, stay the same."""
        if not new_passphrase:
            raise errors.ValidationError("The new passphrase cannot be empty.")
        if self.readonly:
            raise errors.FolderNotWritable("{path} is open read-only.", path=str(self.path))
        try:
            self._conn.execute(f"PRAGMA rekey = {quote_key(new_passphrase)}")
        except sqlcipher3.Error as exc:
            raise map_sqlite_error(exc, self.path) from None

    # ----------------------------------------------------------------- backups
    def backup_to(
        self,
        target: str | os.PathLike,
        passphrase: str,
        *,
        progress: Callable[[int, int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> Path:
        """A consistent, encrypted copy through SQLite's backup mechanism, written atomically.

        With ``progress`` or ``cancelled`` the copy goes BACKUP_STEP_PAGES pages at a time,
        telling ``progress(done, total)`` pages after each step; ``cancelled()`` true stops
        it (``errors.Cancelled``) and nothing is left behind."""
        target = Path(target).absolute()
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        stepped = progress is not None or cancelled is not None

        def step(_status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)
            if cancelled is not None and cancelled():
                raise errors.Cancelled(
                    "The backup to {target} was cancelled.", target=target, path=str(target)
                )

        try:
            dest = _connect(tmp, passphrase, readonly=False, create=True)
            # The copy's pages are written once and never read back: caching them would only
            # leave the program 32 MB larger after every automatic backup.
            dest.execute("PRAGMA cache_size = -1024")
            try:
                if stepped:
                    self._conn.backup(dest, pages=BACKUP_STEP_PAGES, progress=step)
                else:
                    self._conn.backup(dest)
            finally:
                dest.close()
            fsync_file(tmp)
            os.replace(tmp, target)
            fsync_dir(target.parent)
        except OSError as exc:
            raise _os_error(exc, target) from None
        except sqlcipher3.Error as exc:
            raise map_sqlite_error(exc, target) from None
        finally:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        return target

    # ----------------------------------------------------------------- internals
    def _set_pragmas(self) -> None:
        c = self._conn
        # docs/architecture.md, The archive file: rollback journal (WAL needs shared memory on one
        # host), full sync.
        # A file another tool switched to WAL is switched back here (that needs nobody else
        # to have it open); one that stays in WAL is refused: WAL on a share corrupts files.
        mode = c.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if mode.lower() != "delete":
            raise errors.ArchiveBusy(
                "The archive {path} is in {mode} journal mode and could not be switched back to the rollback journal while another program has it open.",
                mode=mode,
                path=str(self.path),
            )
        c.execute("PRAGMA synchronous = FULL")

    def _migrate(self, current: int) -> None:
        for step in migrations.pending(current):
            log.info("applying migration %s to %s", step.name, self.path)
            try:
                migrations.apply(self._conn, step)
            except sqlcipher3.Error as exc:
                raise map_sqlite_error(exc, self.path) from None
        self._rebuild_stale_search_index()

    def _rebuild_stale_search_index(self) -> None:
        """A migration that changed the search index's columns leaves it empty and says so in
        the setting ``search_index_stale``; the index is rebuilt from the cards here, in one
        transaction with clearing the setting (an interrupted rebuild runs again next time)."""
        conn = self._conn
        row = conn.execute("SELECT value FROM settings WHERE key = 'search_index_stale'").fetchone()
        if row is None:
            return
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                count = search.rebuild(conn)
                conn.execute("DELETE FROM settings WHERE key = 'search_index_stale'")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            raise map_sqlite_error(exc, self.path) from None
        log.info("rebuilt the search index of %s (%d customers)", self.path, count)

    def _backup_before_migrating(self, passphrase: str, version: int) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(
            f"{self.path.stem}.before-v{version + 1}-{stamp}{self.path.suffix}"
        )
        self.backup_to(target, passphrase)
        log.info("copied %s to %s before migrating", self.path, target)


def _inode(path: Path) -> tuple | None:
    """The device and inode the path leads to now (a stat, no open): None when it leads
    nowhere; ("no inode",) on a file system without inode numbers (st_ino 0)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino) if st.st_ino else ("no inode",)


def _salt_at(path: Path) -> bytes | None:
    """The salt of the file at ``path`` now. Opening and closing a file drops every POSIX
    lock this process holds on it (SQLite's among them), so this is only called while the
    connection holds none: between transactions, in rollback-journal mode."""
    try:
        with open(path, "rb") as f:
            return f.read(SALT_SIZE)
    except OSError:
        return None


def _connect(
    path: Path,
    passphrase: str,
    *,
    readonly: bool,
    create: bool,
    busy_timeout: float = BUSY_TIMEOUT_S,
) -> sqlcipher3.Connection:
    mode = "ro" if readonly else ("rwc" if create else "rw")
    uri = f"file:{quote(str(path))}?mode={mode}"
    try:
        conn = sqlcipher3.connect(
            uri, uri=True, isolation_level=None, timeout=busy_timeout, check_same_thread=True
        )
    except sqlcipher3.Error as exc:
        raise map_sqlite_error(exc, path) from None
    try:
        # SQLCipher logs failed decryptions to stderr by default; keep it quiet.
        conn.execute("PRAGMA cipher_log_level = NONE")
        apply_key(conn, passphrase)
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # Decrypting a page costs more than reading it: keep up to 32 MB of decrypted pages.
        conn.execute("PRAGMA cache_size = -32768")
        # The first read decrypts page 1: this is where a wrong key shows.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        text = str(exc).lower()
        if ("not a database" in text or "encrypted" in text) and _cut_short(path):
            # not a whole number of pages, and page 1 does not decrypt: not an archive at all
            raise errors.NotAnArchive(
                "{path} is not a Customer Archive file.", path=str(path)
            ) from None
        if "not a database" in text or "encrypted" in text:
            raise errors.WrongPassphrase(
                "Wrong passphrase for {path}, or the file is damaged.", path=str(path)
            ) from None
        raise map_sqlite_error(exc, path) from None
    return conn


def _check_is_ours(conn: sqlcipher3.Connection, path: Path) -> int:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if app_id != APPLICATION_ID:
        raise errors.NotAnArchive(
            "{path} is an SQLCipher database but not a Customer Archive.", path=str(path)
        )
    reason = _cut_reason(path)
    if reason is not None:
        raise damaged(path, reason)
    return version
