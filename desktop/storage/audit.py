r"""The tamper-evident audit log: an append-only chain of entries, each carrying the
SHA-256 of the one before it (docs/architecture.md, The audit chain).

Writing
-------
``append(conn, …)`` adds one entry. It must run inside the caller's write transaction
(``with archive.write() as conn:``), so the entry commits or rolls back together with the
change it records: a failed change leaves no entry, a recorded change always has one.
Several computers write the same file from a shared drive; the ``BEGIN IMMEDIATE`` of
``Archive.write()`` already holds the file's write lock from the first statement on, so
reading the newest entry and inserting the next one cannot interleave with another
computer's append: the chain never forks. (The id's PRIMARY KEY and the UNIQUE hash
would refuse a fork anyway.)

The canonical form (for an outside auditor)
-------------------------------------------
Entry ids run 1, 2, 3, … without gaps. Entry 1's ``prev_hash`` is 64 zeros ("0" * 64);
every later entry's ``prev_hash`` is the ``hash`` of the entry with the next lower id.
An entry's ``hash`` is the lower-case hex SHA-256 of the UTF-8 bytes of one line of JSON
text, for example (wrapped here to fit, and ``0000…0000`` stands for 64 zeros; the real
text has no line breaks and no spaces outside the values)::

    {"action":"export","at":"2026-11-25T10:00:15.123+00:00","computer":"前台-PC",
    "details":"{\"format\":\"xlsx\",\"rows\":3}","id":1,"prev_hash":"0000…0000",
    "target_id":"7","target_type":"customer","user_name":"李娜"}

- the nine columns of ``audit_log`` other than ``hash``, keys being the column names, keys
  sorted, no whitespace at all (separators ``,`` and ``:``);
- ``id`` is a JSON integer; ``target_type`` and ``target_id`` are strings or ``null``;
  every other value is a string, exactly as stored in the column. ``details`` too is the
  column's text as stored (itself JSON), embedded as a JSON *string*, not re-parsed;
- strings are written with JSON's minimal escaping: ``\"``, ``\\``, ``\b \f \n \r
  \t``, other characters below U+0020 as ``\u00xx`` (lower-case hex); everything else,
  Chinese included, as itself in UTF-8 (no ``\uXXXX`` escapes).

In Python: ``json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"))``.
Because the object holds only ASCII keys, strings, one integer and nulls, this is also
exactly its RFC 8785 (JSON Canonicalization Scheme) form, so any JCS library gives the same
bytes. ``at`` is UTC, ISO 8601 with milliseconds: ``2026-11-25T10:00:15.123+00:00``.

What ``verify`` can and cannot see
----------------------------------
Walking the chain finds a changed field in any entry (its hash no longer matches), an
entry deleted from the middle (an id gap, or a broken link), a re-ordered chain (the id is
part of the hash) and an entry rewritten together with its own hash (the next entry's
``prev_hash`` no longer matches). The triggers of migration 3 refuse UPDATE and DELETE
through the program, but anyone with the passphrase can drop them. Cutting entries off the
end, or rewriting the whole tail with fresh hashes, leaves a chain that is consistent in
itself: that only shows against outside knowledge of an entry that existed, which is why
every computer remembers the newest entry it has seen (``desktop.services.audit``).
"""

from __future__ import annotations

import json
import socket
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from hashlib import sha256
from typing import Any, Iterator, Mapping

from .. import errors
from .ids import row_count

GENESIS_HASH = "0" * 64
CHUNK = 5000  # rows per read while walking: a reader never holds the file's lock for long

COLUMNS = (
    "id",
    "at",
    "user_name",
    "computer",
    "action",
    "target_type",
    "target_id",
    "details",
    "prev_hash",
    "hash",
)
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM audit_log"

# One encoder, built once: json.dumps() with non-default options builds a new one per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))
_DETAILS = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str  # UTC, ISO 8601 with milliseconds
    user_name: str
    computer: str
    action: str
    target_type: str | None
    target_id: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str

    @property
    def local_time(self) -> str:
        return local_time(self.at)

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in COLUMNS}


@dataclass(frozen=True)
class VerifyResult:
    ok: bool
    entries_checked: int  # entries found intact (before the break, if any)
    first_broken_id: int | None = None
    problem: str | None = None  # English, one sentence, no trailing full stop
    broken_entry: AuditEntry | None = None  # the entry named, when it is still in the log
    last_id: int | None = None  # the newest entry walked (when ok)
    last_hash: str | None = None
    # The outside knowledge the tail was checked against (services.audit): "remembered" (the
    # newest entry this computer had seen), "anchor" (an id:hash noted down and given), or
    # None: none known, so entries cut off the end cannot be ruled out.
    tail_checked: str | None = None
    tail_id: int | None = None  # the entry of that knowledge

    def message(self) -> str:
        """One line for a user: what is intact, or which entry is broken and how; and what
        the check can say about entries cut off the end."""
        if self.ok:
            n = self.entries_checked
            head = f"Audit chain intact: {n} {'entry' if n == 1 else 'entries'}"
            if self.tail_checked == "remembered":
                return (
                    f"{head}; entry {self.tail_id}, the newest this computer had seen, is "
                    "still in it, so nothing it saw was cut off the end"
                )
            if self.tail_checked == "anchor":
                return (
                    f"{head}; the noted entry {self.tail_id} is still in it with its hash, "
                    "so nothing up to it was cut off the end"
                )
            return (
                f"{head}; this computer has no earlier record of this log and no noted "
                "entry was given (--anchor ID:HASH), so entries cut off the end cannot be "
                "ruled out"
            )
        e = self.broken_entry
        where = (
            f"entry {self.first_broken_id} ({e.local_time}, {e.user_name}, {e.action})"
            if e is not None
            else f"entry {self.first_broken_id}"
        )
        return f"Audit chain broken at {where}: {self.problem}."

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries_checked": self.entries_checked,
            "first_broken_id": self.first_broken_id,
            "problem": self.problem,
            "broken_entry": self.broken_entry.to_json() if self.broken_entry else None,
            "last_id": self.last_id,
            "last_hash": self.last_hash,
            "message": self.message(),
            "tail_checked": self.tail_checked,
            "tail_id": self.tail_id,
            "truncation_ruled_out": self.ok and self.tail_checked is not None,
        }


# ---------------------------------------------------------------------------- hashing
def canonical(
    id: int,
    at: str,
    user_name: str,
    computer: str,
    action: str,
    target_type: str | None,
    target_id: str | None,
    details: str,
    prev_hash: str,
) -> str:
    """The text whose SHA-256 is an entry's hash (see the module docstring)."""
    return _CANONICAL.encode(
        {
            "action": action,
            "at": at,
            "computer": computer,
            "details": details,
            "id": id,
            "prev_hash": prev_hash,
            "target_id": target_id,
            "target_type": target_type,
            "user_name": user_name,
        }
    )


def entry_hash(
    id: int,
    at: str,
    user_name: str,
    computer: str,
    action: str,
    target_type: str | None,
    target_id: str | None,
    details: str,
    prev_hash: str,
) -> str:
    return sha256(
        canonical(
            id, at, user_name, computer, action, target_type, target_id, details, prev_hash
        ).encode("utf-8")
    ).hexdigest()


def _row_hash(row: tuple) -> str:
    return sha256(
        _CANONICAL.encode(
            {
                "action": row[4],
                "at": row[1],
                "computer": row[3],
                "details": row[7],
                "id": row[0],
                "prev_hash": row[8],
                "target_id": row[6],
                "target_type": row[5],
                "user_name": row[2],
            }
        ).encode("utf-8")
    ).hexdigest()


# ---------------------------------------------------------------------------- times
def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def _as_utc(value: datetime) -> datetime:
    if value.tzinfo is None:  # a naive time is the computer's local time
        value = value.astimezone()
    return value.astimezone(timezone.utc)


def normalise_at(value: str | datetime | None) -> str:
    if value is None:
        return utc_now()
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise errors.ValidationError("Not a time: {value!r}.", value=value) from None
    return _as_utc(value).isoformat(timespec="milliseconds")


def local_time(at: str) -> str:
    """A stored UTC time as this computer's local time, to the second, for people."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return str(at)


def _bound(value: str | date | datetime, *, end: bool) -> tuple[str, str]:
    """A ``since``/``until`` bound as (operator, UTC text). A bare date means the whole day
    in local time: ``until 2026-11-25`` includes all of the 25th."""
    if isinstance(value, str):
        text = value.strip()
        try:
            value = date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
        except ValueError:
            raise errors.ValidationError(
                "Not a date or time: {text!r} (use YYYY-MM-DD or YYYY-MM-DDTHH:MM).", text=text
            ) from None
    if isinstance(value, datetime):
        return ("<=" if end else ">="), _as_utc(value).isoformat(timespec="milliseconds")
    day = value + timedelta(days=1) if end else value
    start = datetime.combine(day, time()).astimezone()  # local midnight
    return ("<" if end else ">="), _as_utc(start).isoformat(timespec="milliseconds")


# ---------------------------------------------------------------------------- writing
def last_entry(conn) -> tuple[int, str] | None:
    """(id, hash) of the newest entry, or None for an empty log."""
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else None


def append(
    conn,
    *,
    user_name: str,
    action: str,
    target_type: str | None = None,
    target_id: str | int | None = None,
    details: Mapping[str, Any] | None = None,
    computer: str | None = None,
    at: str | datetime | None = None,
) -> AuditEntry:
    """Add one entry to the chain, inside the caller's write transaction.

    ``conn`` is the connection ``Archive.write()`` yields; the write lock it holds
    serialises appends from every computer (see the module docstring). ``target_id`` is
    stored as text. ``details`` is stored as canonical JSON (sorted keys, UTF-8, values
    that JSON lacks, such as dates, as their text).
    """
    if not getattr(conn, "in_transaction", True):
        raise RuntimeError("audit.append() must run inside the caller's write transaction")
    if not (user_name or "").strip():
        raise errors.ValidationError("An audit entry needs a user name.")
    if not (action or "").strip():
        raise errors.ValidationError("An audit entry needs an action.")
    last = last_entry(conn)
    entry_id, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    row = (
        entry_id,
        normalise_at(at),
        user_name,
        computer or socket.gethostname() or "unknown",
        action,
        None if target_type is None else str(target_type),
        None if target_id is None else str(target_id),
        _DETAILS.encode(dict(details or {})),
        prev_hash,
    )
    digest = entry_hash(*row)
    conn.execute(
        "INSERT INTO audit_log(id, at, user_name, computer, action, target_type, target_id, "
        "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (*row, digest),
    )
    return _entry((*row, digest))


# ---------------------------------------------------------------------------- reading
def _entry(row: tuple) -> AuditEntry:
    try:
        details = json.loads(row[7])
        if not isinstance(details, dict):
            details = {"value": details}
    except (TypeError, ValueError):  # only a hand-edited file has this; show it, don't crash
        details = {"unreadable": row[7]}
    return AuditEntry(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], details, row[8], row[9]
    )


def newest_id(conn) -> int:
    """The newest entry's id, 0 for an empty log (what the change watcher compares)."""
    return conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]


def get(conn, entry_id: int) -> AuditEntry | None:
    row = conn.execute(f"{_SELECT} WHERE id = ?", (entry_id,)).fetchone()
    return _entry(row) if row else None


def count(conn) -> int:
    return conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]


def query(
    conn,
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
    """Entries matching every filter given, newest first. ``user`` ignores case;
    ``since``/``until`` take dates (whole local days) or times."""
    where: list[str] = []
    params: list[object] = []
    if user:
        where.append("user_name = ? COLLATE NOCASE")
        params.append(user)
    if action:
        where.append("action = ?")
        params.append(action)
    if target_type:
        where.append("target_type = ?")
        params.append(target_type)
    if target_id is not None:
        where.append("target_id = ?")
        params.append(str(target_id))
    if since is not None:
        op, value = _bound(since, end=False)
        where.append(f"at {op} ?")
        params.append(value)
    if until is not None:
        op, value = _bound(until, end=True)
        where.append(f"at {op} ?")
        params.append(value)
    sql = _SELECT + (f" WHERE {' AND '.join(where)}" if where else "")
    sql += " ORDER BY id DESC LIMIT ? OFFSET ?"
    params += [row_count(limit), row_count(offset)]
    return [_entry(r) for r in conn.execute(sql, params)]


def _rows_after(conn, after_id: int, chunk: int) -> Iterator[tuple]:
    """Every row with a larger id, in id order, read in short statements (keyset paging):
    a long walk never holds the shared lock that would keep other computers from saving."""
    while True:
        rows = conn.execute(
            f"{_SELECT} WHERE id > ? ORDER BY id LIMIT ?", (after_id, chunk)
        ).fetchall()
        yield from rows
        if len(rows) < chunk:
            return
        after_id = rows[-1][0]


# ---------------------------------------------------------------------------- verifying
def verify(conn, *, after: tuple[int, str] | None = None, chunk: int = CHUNK) -> VerifyResult:
    """Walk the chain in id order and name the first entry it no longer vouches for.

    Without ``after`` the walk starts at entry 1 (whose ``prev_hash`` is all zeros). With
    ``after=(id, hash)``, an entry known from outside to be in the chain (the caller has
    checked that it still is), only the entries after it are walked and the first of them
    must link to it. Memory use is constant: rows are read ``chunk`` at a time.
    """
    prev_id, prev_hash = after if after is not None else (0, GENESIS_HASH)
    anchored = True  # is the previous entry vouched for from outside (genesis or ``after``)?
    prev_row: tuple | None = None
    checked = 0

    def broken(row: tuple, problem: str, good: int) -> VerifyResult:
        return VerifyResult(False, good, row[0], problem, _entry(row))

    for row in _rows_after(conn, prev_id, chunk):
        rid = row[0]
        if rid != prev_id + 1:
            first, last = prev_id + 1, rid - 1
            missing = (
                f"entry {first} before it is"
                if first == last
                else f"entries {first}-{last} before it are"
            )
            return broken(row, f"{missing} missing: deleted from the log", checked)
        if _row_hash(row) != row[9]:
            return broken(
                row,
                "its contents no longer match its hash: it was changed after it was written",
                checked,
            )
        if row[8] != prev_hash:
            if anchored and prev_row is None and after is None:
                return broken(
                    row,
                    "it does not start the chain: the previous-entry hash of "
                    "entry 1 must be all zeros",
                    checked,
                )
            if anchored:
                return broken(
                    row,
                    f"it does not follow entry {prev_id} as this computer saw "
                    "it: it was rewritten, or entries were removed and replaced",
                    checked,
                )
            # The previous entry is consistent in itself, but not the one this entry recorded:
            # it was rewritten together with its own hash (or this entry's link was forged).
            assert prev_row is not None  # not anchored: a previous row was read
            return broken(
                prev_row,
                f"its hash is not the one entry {rid} recorded for it: it "
                f"was rewritten after it was written (or entry {rid} was)",
                checked - 1,
            )
        prev_id, prev_hash, prev_row, anchored = rid, row[9], row, False
        checked += 1
    if prev_row is None:
        return VerifyResult(
            True, 0, last_id=after[0] if after else None, last_hash=after[1] if after else None
        )
    return VerifyResult(True, checked, last_id=prev_id, last_hash=prev_hash)
