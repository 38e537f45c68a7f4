"""The register's tables (items, loans, reservations, renewals): SQL in, dicts out.

Rules live in desktop/domain/loans.py and the service; this module only reads and writes
rows, and every update of an item or a loan names the version it started from (docs/architecture.md,
Sharing a file).
"""

from __future__ import annotations

import sqlcipher3

from .. import errors
from ..domain.loans import OPEN
from .ids import row_count, storable


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
        (free_item_no(conn, archive_no), name, customer_id, now, by, now),
    )
    return int(cur.lastrowid)


# ------------------------------------------------------------------------- reading
ITEM_COLUMNS = (
    "id",
    "item_no",
    "kind",
    "description",
    "value_class",
    "customer_id",
    "shelf_location",
    "custodian",
    "state",
    "note",
    "created_at",
    "created_by",
    "updated_at",
    "version",
)
_ITEM_SELECT = (
    "SELECT "
    + ", ".join(f"i.{c}" for c in ITEM_COLUMNS)
    + ", c.archive_no AS customer_archive_no, c.name AS customer_name, "
    "c.responsible AS customer_responsible, c.region AS customer_region, "
    # who waits for it, first in line first
    "(SELECT group_concat(borrower, ', ') FROM (SELECT borrower FROM reservations r "
    " WHERE r.item_id = i.id AND r.state IN ('waiting', 'ready') ORDER BY r.id)) AS queue "
    "FROM items i LEFT JOIN customers c ON c.id = i.customer_id"
)

LOAN_COLUMNS = (
    "id",
    "item_id",
    "direction",
    "borrower",
    "borrower_kind",
    "purpose",
    "wanted_from",
    "wanted_until",
    "due",
    "state",
    "approval_id",
    "requested_by",
    "requested_at",
    "decided_by",
    "decided_at",
    "decision_note",
    "handed_out_by",
    "handed_out_at",
    "condition_out",
    "returned_at",
    "received_by",
    "condition_in",
    "reservation_id",
    "note",
    "updated_at",
    "version",
)
_LOAN_SELECT = (
    "SELECT "
    + ", ".join(f"l.{c}" for c in LOAN_COLUMNS)
    + ", i.item_no, i.kind AS item_kind, i.description AS item_description, "
    "i.value_class, i.custodian, i.state AS item_state, i.shelf_location, i.customer_id, "
    "c.archive_no AS customer_archive_no, c.name AS customer_name, c.region AS customer_region "
    "FROM loans l JOIN items i ON i.id = l.item_id LEFT JOIN customers c ON c.id = i.customer_id"
)

RESERVATION_COLUMNS = (
    "id",
    "item_id",
    "borrower",
    "borrower_kind",
    "purpose",
    "wanted_until",
    "created_by",
    "created_at",
    "state",
    "ready_at",
    "loan_id",
    "version",
)


def _dicts(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def get_item(conn, item_id: int) -> dict | None:
    rows = _dicts(conn.execute(_ITEM_SELECT + " WHERE i.id = ?", (item_id,)))
    return rows[0] if rows else None


def find_item(conn, item_no: str) -> dict | None:
    rows = _dicts(conn.execute(_ITEM_SELECT + " WHERE i.item_no = ?", (item_no.strip(),)))
    return rows[0] if rows else None


def items(
    conn, where: str = "1", params: tuple = (), *, limit: int = 1000, offset: int = 0
) -> list[dict]:
    return _dicts(
        conn.execute(
            _ITEM_SELECT + f" WHERE {where} ORDER BY i.item_no LIMIT ? OFFSET ?",
            (*params, row_count(limit), row_count(offset)),
        )
    )


def get_loan(conn, loan_id: int) -> dict | None:
    if not storable(loan_id):
        return None
    rows = _dicts(conn.execute(_LOAN_SELECT + " WHERE l.id = ?", (loan_id,)))
    return rows[0] if rows else None


def loans(
    conn,
    where: str = "1",
    params: tuple = (),
    *,
    order: str = "l.requested_at DESC, l.id DESC",
    limit: int = 1000,
) -> list[dict]:
    return _dicts(
        conn.execute(
            _LOAN_SELECT + f" WHERE {where} ORDER BY {order} LIMIT ?", (*params, row_count(limit))
        )
    )


def count_loans(conn, where: str = "1", params: tuple = ()) -> int:
    return conn.execute(
        "SELECT count(*) FROM loans l JOIN items i ON i.id = l.item_id "
        f"LEFT JOIN customers c ON c.id = i.customer_id WHERE {where}",
        params,
    ).fetchone()[0]


def get_reservation(conn, reservation_id: int) -> dict | None:
    if not storable(reservation_id):
        return None
    rows = _dicts(
        conn.execute(
            f"SELECT {', '.join(RESERVATION_COLUMNS)} FROM reservations WHERE id = ?",
            (reservation_id,),
        )
    )
    return rows[0] if rows else None


def queue(conn, item_id: int, *, active_only: bool = True) -> list[dict]:
    """The item's reservations in queue order (first come, first served)."""
    where = "item_id = ?" + (" AND state IN ('waiting', 'ready')" if active_only else "")
    return _dicts(
        conn.execute(
            f"SELECT {', '.join(RESERVATION_COLUMNS)} FROM reservations WHERE {where} ORDER BY id",
            (item_id,),
        )
    )


def ready_reservation(conn, item_id: int) -> dict | None:
    rows = _dicts(
        conn.execute(
            f"SELECT {', '.join(RESERVATION_COLUMNS)} FROM reservations "
            "WHERE item_id = ? AND state = 'ready' ORDER BY id LIMIT 1",
            (item_id,),
        )
    )
    return rows[0] if rows else None


def renewals(conn, loan_id: int) -> list[dict]:
    return _dicts(
        conn.execute(
            "SELECT id, old_due, new_due, approval_id, by_user, at FROM loan_renewals "
            "WHERE loan_id = ? ORDER BY id",
            (loan_id,),
        )
    )


def pending_approval(conn, loan_id: int) -> tuple[int, str] | None:
    """(approval id, kind) of the request about this loan that waits for a decision."""
    row = conn.execute(
        "SELECT id, kind FROM approvals WHERE target_type = 'loan' AND target_id = ? "
        "AND state = 'pending' ORDER BY id LIMIT 1",
        (loan_id,),
    ).fetchone()
    return (row[0], row[1]) if row else None


# ------------------------------------------------------------------------- writing
def insert_item(conn, values: dict, *, by: str, now: str) -> int:
    names = [
        c
        for c in (
            "item_no",
            "kind",
            "description",
            "value_class",
            "customer_id",
            "shelf_location",
            "custodian",
            "state",
            "note",
        )
        if values.get(c) is not None
    ]
    cur = conn.execute(
        f"INSERT INTO items({', '.join(names)}, created_at, created_by, updated_at) "
        f"VALUES ({', '.join('?' * len(names))}, ?, ?, ?)",
        (*[values[c] for c in names], now, by, now),
    )
    return int(cur.lastrowid)


def update_item(conn, item_id: int, version: int, changes: dict, *, now: str) -> bool:
    """Apply ``changes`` if the item still has ``version``; False when someone was first."""
    sets = ", ".join(f"{k} = ?" for k in changes)
    try:
        cur = conn.execute(
            f"UPDATE items SET {sets}{', ' if sets else ''}updated_at = ?, version = version + 1 "
            "WHERE id = ? AND version = ?",
            (*changes.values(), now, item_id, version),
        )
    except sqlcipher3.IntegrityError:
        return False  # the archive's own rule: another save was first
    return cur.rowcount == 1


def insert_loan(conn, values: dict, *, now: str) -> int:
    names = [c for c in LOAN_COLUMNS if c not in ("id", "updated_at", "version") and c in values]
    cur = conn.execute(
        f"INSERT INTO loans({', '.join(names)}, updated_at) VALUES ({', '.join('?' * len(names))}, ?)",
        (*[values[c] for c in names], now),
    )
    return int(cur.lastrowid)


def update_loan(
    conn, loan_id: int, version: int, from_state: str, changes: dict, *, now: str
) -> bool:
    """Move a loan on if it is still in ``from_state`` at ``version`` (nobody was first).
    ``errors.RuleRefused`` when the archive's own rule refuses it (``loans_one_out``: another
    hand-out of the item got there first)."""
    sets = ", ".join(f"{k} = ?" for k in changes)
    try:
        cur = conn.execute(
            f"UPDATE loans SET {sets}, updated_at = ?, version = version + 1 "
            "WHERE id = ? AND version = ? AND state = ?",
            (*changes.values(), now, loan_id, version, from_state),
        )
    except sqlcipher3.IntegrityError:
        raise errors.RuleRefused(
            "Loan #{id} cannot move on: another save of its item was first.", id=loan_id
        ) from None
    return cur.rowcount == 1


def insert_reservation(conn, values: dict, *, by: str, now: str) -> int:
    cur = conn.execute(
        "INSERT INTO reservations(item_id, borrower, borrower_kind, purpose, wanted_until, "
        "created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            values["item_id"],
            values["borrower"],
            values["borrower_kind"],
            values["purpose"],
            values.get("wanted_until"),
            by,
            now,
        ),
    )
    return int(cur.lastrowid)


def set_reservation(conn, reservation_id: int, **changes) -> None:
    sets = ", ".join(f"{k} = ?" for k in changes)
    conn.execute(
        f"UPDATE reservations SET {sets}, version = version + 1 WHERE id = ?",
        (*changes.values(), reservation_id),
    )


def hand_over(conn, from_user: str, to_user: str, *, now: str) -> list[dict]:
    """The departing colleague's open loans (asked for, approved, or out with them) and their
    places in the queues become the successor's: the files they hold are handed over with
    the customers (docs/domain.md, Changes and handover). Closed loans stay in the register under
    the name they had."""
    moved = [
        {"id": lid, "item_no": no, "item": description, "state": state, "due": due}
        for lid, no, description, state, due in conn.execute(
            "SELECT l.id, i.item_no, i.description, l.state, l.due FROM loans l "
            "JOIN items i ON i.id = l.item_id WHERE l.borrower = ? COLLATE NOCASE "
            f"AND l.borrower_kind = 'colleague' AND l.state IN ({','.join('?' * len(OPEN))}) "
            "ORDER BY l.id",
            (from_user, *sorted(s.value for s in OPEN)),
        ).fetchall()
    ]
    conn.executemany(
        "UPDATE loans SET borrower = ?, version = version + 1, updated_at = ? WHERE id = ?",
        [(to_user, now, loan["id"]) for loan in moved],
    )
    conn.execute(
        "UPDATE reservations SET borrower = ? WHERE borrower = ? COLLATE NOCASE "
        "AND borrower_kind = 'colleague' AND state IN ('waiting', 'ready')",
        (to_user, from_user),
    )
    return moved


def add_renewal(
    conn, loan_id: int, old_due: str, new_due: str, approval_id: int | None, by: str, now: str
) -> None:
    conn.execute(
        "INSERT INTO loan_renewals(loan_id, old_due, new_due, approval_id, by_user, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (loan_id, old_due, new_due, approval_id, by, now),
    )


def drop_unused_dossier(conn, customer_id: int) -> None:
    """The dossier item of a card, unless it was lent out or reserved (the register's records
    stay: docs/domain.md, The archive register). An archive from before the register has
    no items table: nothing to drop."""
    if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'items'"
    ).fetchone():
        conn.execute(
            "DELETE FROM items WHERE customer_id = ? AND kind = 'dossier' AND NOT EXISTS "
            "(SELECT 1 FROM loans WHERE loans.item_id = items.id) AND NOT EXISTS "
            "(SELECT 1 FROM reservations WHERE reservations.item_id = items.id)",
            (customer_id,),
        )
