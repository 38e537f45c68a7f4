"""The handovers table: a departing employee's cards and loans moved to a colleague, kept
with what moved (JSON) for the printed handover list (services/printing.py)."""

from __future__ import annotations

from .ids import storable

_COLUMNS = "id, from_user, to_user, approval_id, at, items"


def all_newest_first(conn) -> list[tuple]:
    """(id, from_user, to_user, approval_id, at, items JSON) of every handover."""
    return conn.execute(f"SELECT {_COLUMNS} FROM handovers ORDER BY at DESC, id DESC").fetchall()


def get(conn, handover_id: int) -> tuple | None:
    if not storable(handover_id):
        return None
    return conn.execute(f"SELECT {_COLUMNS} FROM handovers WHERE id = ?", (handover_id,)).fetchone()


def reason(conn, approval_id: int | None, from_user: str, to_user: str, at: str) -> str | None:
    """Why it was done: the request's reason, or, for a direct handover, the change log's."""
    if approval_id is not None:
        row = conn.execute("SELECT reason FROM approvals WHERE id = ?", (approval_id,)).fetchone()
        if row and row[0] is not None:
            return row[0]
    row = conn.execute(
        "SELECT reason FROM change_log WHERE field = 'responsible' AND old = ? AND new = ? "
        "AND at = ? LIMIT 1",
        (from_user, to_user, at),
    ).fetchone()
    return row[0] if row else None
