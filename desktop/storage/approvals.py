"""The approvals table: requests that need a second person, for services/approvals.py (which
holds the rules: who decides, what applying a kind does). A request row is the tuple of
``APPROVAL_COLUMNS``."""

from __future__ import annotations

import contextlib
from typing import Iterator

from .. import errors
from .ids import storable

APPROVAL_COLUMNS = (
    "id, kind, target_type, target_id, payload, reason, requested_by, requested_at, state, "
    "decided_by, decided_at, decision_note"
)


def insert(
    conn,
    kind: str,
    target_type: str | None,
    target_id: int | None,
    payload_json: str,
    reason: str,
    by: str,
    now: str,
) -> int:
    cur = conn.execute(
        "INSERT INTO approvals(kind, target_type, target_id, payload, reason, requested_by, "
        "requested_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (kind, target_type, target_id, payload_json, reason, by, now),
    )
    return int(cur.lastrowid)


def get(conn, approval_id: int) -> tuple | None:
    if not storable(approval_id):
        return None
    return conn.execute(
        f"SELECT {APPROVAL_COLUMNS} FROM approvals WHERE id = ?", (approval_id,)
    ).fetchone()


def pending(conn) -> list[tuple]:
    return conn.execute(
        f"SELECT {APPROVAL_COLUMNS} FROM approvals WHERE state = 'pending' "
        "ORDER BY requested_at, id"
    ).fetchall()


def asked_by(conn, user_name: str, limit: int) -> list[tuple]:
    return conn.execute(
        f"SELECT {APPROVAL_COLUMNS} FROM approvals WHERE requested_by = ? COLLATE NOCASE "
        "ORDER BY id DESC LIMIT ?",
        (user_name, limit),
    ).fetchall()


def listing(conn, state: str | None, limit: int) -> list[tuple]:
    sql = f"SELECT {APPROVAL_COLUMNS} FROM approvals"
    params: tuple = ()
    if state:
        sql += " WHERE state = ?"
        params = (state,)
    return conn.execute(sql + " ORDER BY id DESC LIMIT ?", (*params, limit)).fetchall()


def decide(
    conn,
    approval_id: int,
    state: str,
    *,
    at: str,
    by: str | None = None,
    note: str | None = None,
    applied_at: str | None = None,
) -> None:
    """Close a request: cancelled (by its asker: ``by`` None), rejected, failed, approved or
    applied (``applied_at``)."""
    if by is None:
        conn.execute(
            "UPDATE approvals SET state = ?, decided_at = ?, version = version + 1 WHERE id = ?",
            (state, at, approval_id),
        )
        return
    conn.execute(
        "UPDATE approvals SET state = ?, decided_by = ?, decided_at = ?, decision_note = ?, "
        "applied_at = ?, version = version + 1 WHERE id = ?",
        (state, by, at, note, applied_at, approval_id),
    )


@contextlib.contextmanager
def all_or_nothing(conn) -> Iterator[None]:
    """What runs inside (applying an approved request) is kept whole or not at all, while the
    write transaction around it goes on: a savepoint, rolled back on an ``ArchiveError``
    (which is raised on)."""
    conn.execute("SAVEPOINT apply")
    try:
        yield
    except errors.ArchiveError:
        conn.execute("ROLLBACK TO apply")
        conn.execute("RELEASE apply")
        raise
    conn.execute("RELEASE apply")
