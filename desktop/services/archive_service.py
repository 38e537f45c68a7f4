"""Use cases on an open archive: info, checks, passphrase change, sessions.

One ``ArchiveService`` per open archive. It is used from exactly one thread (the GUI's
database worker, or the CLI's main thread), like the connection it holds.
"""

from __future__ import annotations

import getpass
import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .. import __version__, errors
from ..domain.permissions import Actor
from ..secrets.keystore import KeyState, KeyStore
from ..storage import sessions as sessions_store
from ..storage import migrations
from ..storage.archive import Archive

log = logging.getLogger(__name__)

# A program beats every 30 s. A session that missed four beats (crashed, killed, the laptop
# asleep, the network gone) is no longer shown, and the next program to open the archive
# deletes it; a program that wakes up again simply starts a new one at its next beat.
SESSION_STALE_AFTER_S = 120


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _ago(seconds: float) -> str:
    return datetime.fromtimestamp(
        datetime.now(timezone.utc).timestamp() - seconds, timezone.utc
    ).isoformat(timespec="seconds")


def os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name on some systems
        return "user"


@dataclass(frozen=True)
class CheckReport:
    path: str
    archive_id: str
    schema_version: int
    program_schema: int
    cipher_version: str
    sqlite_problems: list[str]
    cipher_problems: list[str]
    filesystem: str = ""  # the file system the file is on (desktop.storage.filesystem)
    network: bool = False  # … and whether that is a network drive
    journal_mode: str = ""  # always "delete" (docs/architecture.md, The archive file: never WAL)

    @property
    def ok(self) -> bool:
        return not self.sqlite_problems and not self.cipher_problems


@dataclass(frozen=True)
class SessionInfo:
    user_name: str
    computer: str
    started_at: str
    heartbeat_at: str
    is_me: bool
    pid: int = 0
    program: str = ""
    display_name: str = ""

    @property
    def who(self) -> str:
        """The person as colleagues know them: "孙业务 (sun)", or the login name alone."""
        if self.display_name and self.display_name != self.user_name:
            return f"{self.display_name} ({self.user_name})"
        return self.user_name

    def to_json(self) -> dict[str, object]:
        return {
            "user": self.user_name,
            "display_name": self.display_name or self.user_name,
            "computer": self.computer,
            "since": self.started_at,
            "last_seen": self.heartbeat_at,
            "pid": self.pid,
            "program": self.program,
            "is_me": self.is_me,
        }


class ArchiveService:
    def __init__(self, archive: Archive, passphrase: str, keystore: KeyStore | None = None) -> None:
        self.archive = archive
        self._passphrase = passphrase  # needed for backups with the same key; never logged
        self.keystore = keystore
        self._session_id: int | None = None
        self._session_user: str | None = None
        self.actor: Actor | None = None  # the logged-in account
        self.backup_mark: tuple | None = (
            None  # the newest change at the last backup (services.backups)
        )

    def __repr__(self) -> str:
        return f"ArchiveService({self.archive.path})"

    @property
    def path(self) -> Path:
        return self.archive.path

    @property
    def archive_id(self) -> str:
        return self.archive.id

    def close(self) -> None:
        if self.archive.closed:
            return
        try:
            self.end_session()
        except errors.ArchiveError as exc:
            log.warning("could not end session: %s", exc)
        self.archive.close()

    def reopen(self) -> None:
        """Open the file at the same path again with the same key (after a network cut left
        the handle stale, or someone put another file, a restored backup, in its place)."""
        old = self.archive
        new = Archive.open(old.path, self._passphrase, readonly=old.readonly)
        new.on_wait = old.on_wait
        old.close()
        self.archive = new
        log.info("reopened %s", new.path)

    # ------------------------------------------------------------------ who
    def identify(self) -> bool:
        """Set ``actor`` when no login is needed (single-user mode: the sole account, made on
        first open). Returns False when the archive has several users and one must log in."""
        from .accounts import AccountService

        accounts = AccountService(self.archive)
        accounts.ensure_first_admin(os_user())
        if accounts.multi_user():
            self.actor = None
            return False
        self.actor = accounts.actor_for(None)
        return True

    def login(self, user_name: str, password: str):
        from .accounts import AccountService

        self.actor = AccountService(self.archive).login(user_name, password)
        return self.actor

    def audit_warning(self) -> str | None:
        """Whether this computer's remembered newest audit entry is still in the chain."""
        from .audit import AuditService

        result = AuditService(
            self.archive, self.actor.user_name if self.actor else os_user()
        ).check_known_entry()
        return None if result.ok else result.message()

    # ------------------------------------------------------------------ checks
    def check(self) -> CheckReport:
        a = self.archive
        return CheckReport(
            path=str(a.path),
            archive_id=a.id,
            schema_version=a.schema_version,
            program_schema=migrations.LATEST_VERSION,
            cipher_version=a.cipher_version(),
            sqlite_problems=a.integrity_check(),
            cipher_problems=a.cipher_integrity_check(),
            filesystem=a.location.fs_type,
            network=a.location.network,
            journal_mode=a.journal_mode(),
        )

    # ------------------------------------------------------------------ passphrase
    def change_passphrase(self, current: str, new: str) -> KeyState:
        """Re-key the file; update the keyring entry where there was one or ``keystore`` is set.

        Returns the keyring's state afterwards (FOUND: the keyring holds the new key).
        """
        if current != self._passphrase:
            raise errors.WrongPassphrase("Wrong passphrase for {path}.", path=str(self.path))
        self.archive.rekey(new)
        self._passphrase = new
        log.info("passphrase of archive %s changed", self.archive_id)
        if self.keystore is None:
            return KeyState.NO_BACKEND
        had = self.keystore.get(self.archive_id)
        if had.state in (KeyState.FOUND,):
            return self.keystore.set(self.archive_id, new)
        return had.state

    def remember_key(self) -> KeyState:
        if self.keystore is None:
            return KeyState.NO_BACKEND
        return self.keystore.set(self.archive_id, self._passphrase)

    def forget_key(self) -> KeyState:
        """Take this archive's key out of the keyring: ``MISSING`` once it is not there
        (whether it was removed or never stored), else the state that prevented it."""
        if self.keystore is None:
            return KeyState.NO_BACKEND
        state = self.keystore.delete(self.archive_id)
        return KeyState.MISSING if state in (KeyState.FOUND, KeyState.MISSING) else state

    def backup(self, target: str | os.PathLike, **steps) -> Path:
        """``steps``: ``progress`` and ``cancelled`` of ``Archive.backup_to``."""
        return self.archive.backup_to(target, self._passphrase, **steps)

    # ------------------------------------------------------------------ sessions
    def start_session(self, user_name: str | None = None) -> None:
        if self.archive.readonly:
            return
        now = _now()
        stale = _ago(SESSION_STALE_AFTER_S)
        with self.archive.write() as c:
            self._session_id = sessions_store.begin(
                c,
                user_name or (self.actor.user_name if self.actor else os_user()),
                socket.gethostname(),
                os.getpid(),
                f"customer-archive {__version__}",
                now,
                stale,
            )
        self._session_user = user_name

    def heartbeat(self) -> None:
        if self._session_id is None:
            return
        with self.archive.write() as c:
            alive = sessions_store.beat(c, self._session_id, _now())
        if not alive:  # aged out while this program slept or was cut off: begin again
            log.info("session %s had aged out; starting a new one", self._session_id)
            self._session_id = None
            self.start_session(self._session_user)

    def end_session(self) -> None:
        if self._session_id is None:
            return
        with self.archive.write() as c:
            sessions_store.end(c, self._session_id)
        self._session_id = None

    def sessions(self) -> list[SessionInfo]:
        """Who has the archive open now (sessions that beat within SESSION_STALE_AFTER_S)."""
        cutoff = datetime.now(timezone.utc).timestamp() - SESSION_STALE_AFTER_S
        out = []
        with self.archive.driver_errors():
            rows = sessions_store.listing(self.archive.conn)
        for sid, user, computer, started, beat, pid, program, display in rows:
            if datetime.fromisoformat(beat).timestamp() < cutoff:
                continue
            out.append(
                SessionInfo(
                    user, computer, started, beat, sid == self._session_id, pid, program, display
                )
            )
        return out
