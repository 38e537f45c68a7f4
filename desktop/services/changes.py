"""Noticing other people's saves (docs/architecture.md, Sharing a file): one poll of the open
archive, for the window's change watcher (``desktop.gui.change_watch``).

``PRAGMA data_version`` changes when another connection (another person's program, or the
command line) commits; reading it costs no I/O beyond the lock check SQLite makes anyway. Not
every commit is a change people see: the other programs' heartbeats (every 30 s) commit too.
Every change a view shows is recorded in the audit log inside its own transaction, so when
``data_version`` moves the poll also reads the newest audit entry's id; the watcher reports a
change only when that moved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import errors
from ..storage import audit
from ..storage import customers as customer_repo
from ..storage import sessions
from .archive_service import ArchiveService


@dataclass(frozen=True)
class Poll:
    data_version: int
    newest_entry: int | None  # None: data_version did not move, nothing read
    card_versions: dict[int, int] = field(default_factory=dict)
    sessions: tuple[int, int] | None = None  # (count, newest id): someone came or went
    foreign: bool = True  # some entry since the last poll is another program's


def poll(
    svc: ArchiveService,
    last_version: int | None,
    card_ids: tuple[int, ...],
    known_newest: int | None = None,
) -> Poll:
    """Cheap when nothing changed (a stat of the file and one pragma). Opens the archive again
    when another file took its place or the handle went stale."""
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
    conn = archive.conn
    newest = audit.newest_id(conn)
    # Entries since the last poll may all be this program's own (the archive keeps their
    # ranges): another program's heartbeat right after our save is no change to show.
    foreign = known_newest is None or archive.foreign_entries_after(known_newest) is not None
    versions = customer_repo.versions(conn, card_ids)
    return Poll(version, newest, versions, sessions.presence(conn), foreign=foreign)
