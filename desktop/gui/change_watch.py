"""Noticing other people's saves (docs/architecture.md, Sharing a file): poll ``PRAGMA
data_version`` on the worker.

``data_version`` changes when another connection (another person's program, or the command
line) commits; reading it costs no I/O beyond the lock check SQLite makes anyway, so it is
polled every ``POLL_MS``. Not every commit is a change people see: the other programs'
heartbeats (every 30 s) commit too. Every change a view shows is recorded in the audit log
inside its own transaction, so when ``data_version`` moves the watcher also reads the newest
audit entry's id, and reports a change only when that moved. The views then refresh.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QTimer, Signal

from .. import errors
from .worker import DbWorker, Op

log = logging.getLogger(__name__)

POLL_MS = 2000


@dataclass(frozen=True)
class Poll:
    data_version: int
    newest_entry: int | None  # None: data_version did not move, nothing read
    card_versions: dict[int, int] = field(default_factory=dict)
    sessions: tuple[int, int] | None = None  # (count, newest id): someone came or went
    foreign: bool = True  # some entry since the last poll is another program's


def poll(last_version: int | None, card_ids: tuple[int, ...], known_newest: int | None = None):
    """The worker job: cheap when nothing changed (a stat of the file and one pragma)."""

    def job(svc) -> Poll:
        archive = svc.archive
        if not archive.still_there():
            if not archive.path.exists():
                raise errors.ArchiveUnreachable(
                    "The archive {path} cannot be reached.", path=str(archive.path)
                )
            svc.reopen()  # another file in its place (a restore elsewhere), or a new handle
            archive = svc.archive
            last = None
        else:
            last = last_version
        try:
            version = archive.data_version()
        except (errors.ArchiveUnreachable, errors.NotAnArchive):
            # The handle went stale (a network cut), or the pages no longer decrypt: the
            # passphrase was changed on another computer. Opening again tells which
            # (WrongPassphrase for the second).
            svc.reopen()
            archive = svc.archive
            version, last = archive.data_version(), None
        if version == last:
            return Poll(version, None)
        newest = archive.query_one("SELECT coalesce(max(id), 0) FROM audit_log")[0]
        # Entries since the last poll may all be this program's own (the archive keeps their
        # ranges): another program's heartbeat right after our save is no change to show.
        foreign = known_newest is None or archive.foreign_entries_after(known_newest) is not None
        versions = {}
        if card_ids:
            marks = ",".join("?" * len(card_ids))
            versions = dict(
                archive.query(f"SELECT id, version FROM customers WHERE id IN ({marks})", card_ids)
            )
        sessions = tuple(archive.query_one("SELECT count(*), coalesce(max(id), 0) FROM sessions"))
        return Poll(version, newest, versions, sessions, foreign=foreign)

    return job


class ChangeWatcher(QObject):
    """Emits ``changed(card_versions)`` when someone else changed the archive."""

    changed = Signal(object)  # {customer id: version} of the cards asked about
    sessions_changed = Signal()  # someone opened or closed the archive
    reachable = Signal(bool)  # the archive went out of reach (False) or came back (True)
    key_changed = Signal()  # another computer changed the passphrase: ours opens no more

    def __init__(self, parent: QObject, worker: DbWorker, card_ids=lambda: ()) -> None:
        super().__init__(parent)
        self._worker = worker
        self._card_ids = card_ids
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        self._data_version: int | None = None
        self._newest: int | None = None
        self._sessions: tuple[int, int] | None = None
        self._waiting = False
        self.unreachable = False
        self.polls = 0  # answered polls (tests, diagnostics)

    def set_interval_ms(self, ms: int) -> None:
        self._timer.setInterval(ms)

    def start(self) -> None:
        self._data_version = self._newest = self._sessions = None
        self._waiting = False
        self._timer.start()
        self.check()  # learn the starting point

    def stop(self) -> None:
        self._timer.stop()
        self._data_version = self._newest = None

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def check(self) -> None:
        if self._waiting or self._worker.stopped:
            return  # the last poll has not come back yet (the worker is busy with real work)
        self._waiting = True
        ids = tuple(i for i in self._card_ids() if i is not None)
        Op(self._worker, None, poll(self._data_version, ids, self._newest)).key(
            "change-watch"
        ).success(self._answered).failure(self._failed).run()

    def _answered(self, result: Poll) -> None:
        self._waiting = False
        self.polls += 1
        if not self._timer.isActive():
            return
        if self.unreachable:
            self.unreachable = False
            log.info("the archive can be reached again")
            self.reachable.emit(True)
            self.changed.emit({})  # whatever happened meanwhile: every view catches up
        first = self._data_version is None
        self._data_version = result.data_version
        if result.newest_entry is None:
            return
        moved = self._newest is not None and result.newest_entry != self._newest and result.foreign
        self._newest = result.newest_entry
        if self._sessions is not None and result.sessions != self._sessions:
            self.sessions_changed.emit()
        self._sessions = result.sessions
        if moved and not first:
            log.info("another program changed the archive; refreshing the views")
            self.changed.emit(result.card_versions)

    def _failed(self, exc: BaseException) -> None:
        self._waiting = False
        log.debug("change poll failed: %s", type(exc).__name__)
        if isinstance(exc, errors.WrongPassphrase) and self._timer.isActive():
            self.stop()
            self.key_changed.emit()
            return
        if (
            isinstance(exc, (errors.ArchiveUnreachable, errors.NotAnArchive, errors.ArchiveMissing))
            and self._timer.isActive()
            and not self.unreachable
        ):
            self.unreachable = True
            log.warning("the archive cannot be reached: %s", exc)
            self.reachable.emit(False)
