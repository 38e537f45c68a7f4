"""The register's tables (items, loans, reservations, renewals): SQL in, dicts out.

Rules live in desktop/domain/loans.py and the service; this module only reads and writes
rows, and every update of an item or a loan names the version it started from (DESIGN §3).
"""

from __future__ import annotations


def free_item_no(conn, wanted: str) -> str:
    """``wanted``, or ``wanted-D``, ``wanted-D2``… if an item already carries it."""
    candidate, n = wanted, 1
    while conn.execute("SELECT 1 FROM items WHERE item_no = ?", (candidate,)).fetchone():
        candidate = f"{wanted}-D" if n == 1 else f"{wanted}-D{n}"
        n += 1
    return candidate


def add_dossier(conn, customer_id: int, archive_no: str, name: str, *, by: str, now: str) -> int:
    """The paper file of a new customer card, in store, numbered like the card."""
    cur = conn.execute(
        "INSERT INTO items(item_no, kind, description, customer_id, state, created_at, created_by, "
        "updated_at) VALUES (?, 'dossier', ?, ?, 'available', ?, ?, ?)",
        (free_item_no(conn, archive_no), name, customer_id, now, by, now))
    return int(cur.lastrowid)
