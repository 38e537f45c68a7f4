"""The audit log as a use case: write an entry, verify the chain, list entries, and the
outside knowledge that catches a cut or rewritten tail.

A chain of hashes shows any change in the middle, but not entries cut off the end, nor a
tail rewritten with fresh hashes: what remains is consistent in itself (see
``desktop.storage.audit``). So every computer remembers, per archive id, the newest entry
it has seen, (id, hash), in a small JSON file in the user's data folder. When that entry
is later gone from the log, or is there with another hash, the log was cut or rewritten
behind the program's back, and ``verify()`` and ``check_known_entry()`` say so, naming it.

The file holds no secret: archive ids (the public salt of each file), entry ids, entry
hashes and times. It is written atomically and only ever moves forward, so two programs of
the same user (the GUI and the CLI) cannot set it back. Its limits: a person who can write
the user's own files can delete it; and it knows only what this computer has seen, so
entries cut after another computer wrote them and before this one looked go unnoticed
here (that computer notices). An administrator's written note of the newest entry id and
hash after a review is the same outside knowledge, on paper.
"""

from __future__ import annotations

import json
import logging
import socket
from dataclasses import asdict, dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Mapping


from .. import paths
from ..atomic import write_atomic
from ..storage import audit as store
from ..storage.archive import Archive
from ..storage.audit import AuditEntry, VerifyResult
from ..storage.audit import local_time as local_time  # for the audit window's times

log = logging.getLogger(__name__)

FILE_VERSION = 1


@dataclass(frozen=True)
class KnownEntry:
    """The newest entry of one archive's log this computer has seen."""

    id: int
    hash: str
    at: str  # the entry's own time (UTC)
    seen_at: str  # when this computer last confirmed it (UTC)


def known_file() -> Path:
    return paths.data_dir() / "audit-known.json"


def _load_all() -> dict[str, dict[str, Any]]:
    try:
        raw = json.loads(known_file().read_text("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        log.warning("remembered audit entries unreadable, starting afresh: %s", exc)
        return {}
    archives = raw.get("archives") if isinstance(raw, dict) else None
    return archives if isinstance(archives, dict) else {}


def load_known(archive_id: str) -> KnownEntry | None:
    item = _load_all().get(archive_id)
    if not isinstance(item, dict):
        return None
    try:
        return KnownEntry(
            int(item["id"]),
            str(item["hash"]),
            str(item.get("at", "")),
            str(item.get("seen_at", "")),
        )
    except (TypeError, KeyError, ValueError):
        return None


def save_known(archive_id: str, entry: KnownEntry | None, *, force: bool = False) -> None:
    """Remember ``entry`` for the archive (None forgets it). Never moves back to an older
    entry unless ``force``: another program of this user may have seen a newer one."""
    archives = _load_all()
    old = archives.get(archive_id)
    if entry is None:
        if archive_id not in archives:
            return
        archives.pop(archive_id)
    else:
        if (
            not force
            and isinstance(old, dict)
            and isinstance(old.get("id"), int)
            and old["id"] > entry.id
        ):
            return
        archives[archive_id] = asdict(entry)
    data = {"version": FILE_VERSION, "archives": archives}
    try:
        write_atomic(known_file(), json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
    except OSError as exc:  # a warning next time is better than failing the user's work now
        log.warning("could not remember the newest audit entry: %s", exc)


def _utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class AuditService:
    """The audit log of one open archive, used by one thread like the archive itself."""

    def __init__(self, archive: Archive, user_name: str, *, computer: str | None = None) -> None:
        self.archive = archive
        self.user_name = user_name
        self.computer = computer or socket.gethostname() or "unknown"

    # ------------------------------------------------------------------ writing
    def log(
        self,
        action: str,
        *,
        target_type: str | None = None,
        target_id: str | int | None = None,
        details: Mapping[str, Any] | None = None,
        conn=None,
    ) -> AuditEntry:
        """Record ``action`` by this user. In its own short write transaction, unless
        ``conn`` (an open write transaction) is given, so that the entry goes with it."""
        if conn is not None:
            return store.append(
                conn,
                user_name=self.user_name,
                action=action,
                target_type=target_type,
                target_id=target_id,
                details=details,
                computer=self.computer,
            )
        with self.archive.write() as c:
            return store.append(
                c,
                user_name=self.user_name,
                action=action,
                target_type=target_type,
                target_id=target_id,
                details=details,
                computer=self.computer,
            )

    # ------------------------------------------------------------------ reading
    def list(
        self,
        *,
        user: str | None = None,
        action: str | None = None,
        target_type: str | None = None,
        target_id: str | int | None = None,
        since: str | date | datetime | None = None,
        until: str | date | datetime | None = None,
        limit: int = 500,
        offset: int = 0,
    ) -> list[AuditEntry]:
        return store.query(
            self.archive.conn,
            user=user,
            action=action,
            target_type=target_type,
            target_id=target_id,
            since=since,
            until=until,
            limit=limit,
            offset=offset,
        )

    def count(self) -> int:
        return store.count(self.archive.conn)

    # ------------------------------------------------------------------ verifying
    def known_entry(self) -> KnownEntry | None:
        return load_known(self.archive.id)

    def forget_known_entry(self) -> None:
        """After an older copy was put back on purpose: the next verify remembers afresh."""
        save_known(self.archive.id, None)
        log.info("forgot the remembered audit entry of archive %s", self.archive.id)

    def verify(self, anchor: tuple[int, str] | None = None) -> VerifyResult:
        """Walk the whole chain, then check the outside knowledge of its tail: ``anchor``
        (an entry id and hash noted down earlier, e.g. from a backup's report or a printed
        review), else the entry this computer remembers; it must still be in the log with
        the same hash. The result says which was checked, or that none was known (a cut
        tail cannot be ruled out then). When all is well, remember the newest entry."""
        result = self._read(store.verify, self.archive.conn)
        if not result.ok:
            log.warning(
                "audit chain of %s broken at entry %s", self.archive.id, result.first_broken_id
            )
            return result
        if anchor is not None:
            noted = KnownEntry(int(anchor[0]), anchor[1].strip().lower(), "", _utc_now())
            problem = self._known_problem(
                noted, result.last_id, result.entries_checked, seen="the noted entry was given"
            )
            if problem is not None:
                return problem
            result = replace(result, tail_checked="anchor", tail_id=noted.id)
        else:
            known = self.known_entry()
            if known is not None:
                problem = self._known_problem(known, result.last_id, result.entries_checked)
                if problem is not None:
                    return problem
                result = replace(result, tail_checked="remembered", tail_id=known.id)
        self._remember(result)
        return result

    def check_known_entry(self) -> VerifyResult:
        """Quick check for when the archive is opened (warn when not ``ok``).

        Is the remembered entry still in the log with the same hash, and do the entries
        written since link to it? Costs a walk of the new entries only. The first time a
        computer meets an archive it just remembers the newest entry (trust on first use).
        """
        known = self.known_entry()
        conn = self.archive.conn
        if known is None:
            last = store.last_entry(conn)
            if last is not None:
                self._remember(VerifyResult(True, 0, last_id=last[0], last_hash=last[1]))
            return VerifyResult(
                True, 0, last_id=last[0] if last else None, last_hash=last[1] if last else None
            )
        newest = store.last_entry(conn)
        problem = self._known_problem(known, newest[0] if newest else None, None)
        if problem is not None:
            return problem
        result = self._read(store.verify, conn, after=(known.id, known.hash))
        if result.ok:
            self._remember(result)
        return result

    # ------------------------------------------------------------------ internals
    def _read(self, fn, *args, **kwargs):
        with self.archive.driver_errors():
            return fn(*args, **kwargs)

    def _known_problem(
        self,
        known: KnownEntry,
        newest_id: int | None,
        checked: int | None,
        *,
        seen: str | None = None,
    ) -> VerifyResult | None:
        entry = store.get(self.archive.conn, known.id)
        seen = seen or f"this computer saw it on {store.local_time(known.seen_at)}"
        if entry is None:
            ends = f"the log now ends at entry {newest_id}" if newest_id else "the log is now empty"
            problem = (
                f"{seen}, written {store.local_time(known.at)}, but it is gone and {ends}: "
                "entries were cut off the end, or an older copy of the archive was "
                "put in its place"
            )
        elif entry.hash != known.hash:
            problem = (
                f"{seen} with another hash: the end of the log, from this entry on, "
                "was cut off and written anew"
            )
        else:
            return None
        log.warning(
            "audit log of %s: remembered entry %s %s",
            self.archive.id,
            known.id,
            "missing" if entry is None else "rewritten",
        )
        return VerifyResult(False, checked if checked is not None else 0, known.id, problem, entry)

    def _remember(self, result: VerifyResult) -> None:
        if result.last_id is None or result.last_hash is None:
            return
        entry = store.get(self.archive.conn, result.last_id)
        at = entry.at if entry is not None else ""
        save_known(self.archive.id, KnownEntry(result.last_id, result.last_hash, at, _utc_now()))
