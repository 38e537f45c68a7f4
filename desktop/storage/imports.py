"""The import batches and the cards each one created or updated (migrations 0005, 0007)."""

from __future__ import annotations

import json

import sqlcipher3

BATCH_COLUMNS = (
    "id",
    "file_name",
    "sheet",
    "by_user",
    "at",
    "created",
    "updated",
    "skipped",
    "undone_at",
    "undone_by",
    "finished_at",
)


def start_batch(
    conn: sqlcipher3.Connection, file_name: str, sheet: str, user: str, at: str, mapping: dict
) -> int:
    cur = conn.execute(
        "INSERT INTO import_batches(file_name, sheet, by_user, at, mapping) VALUES (?, ?, ?, ?, ?)",
        (file_name, sheet, user, at, json.dumps(mapping, ensure_ascii=False)),
    )
    return int(cur.lastrowid)


def record_rows(conn: sqlcipher3.Connection, batch_id: int, touched: dict[int, tuple]) -> None:
    """The cards of ``touched`` (card id → (action, sheet row, version after, before)) as the
    batch's rows now stand: a card touched again in a later part replaces its row."""
    if not touched:
        return
    ids = list(touched)
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        conn.execute(
            f"DELETE FROM import_rows WHERE batch_id = ? AND customer_id IN "
            f"({','.join('?' * len(part))})",
            (batch_id, *part),
        )
    conn.executemany(
        "INSERT INTO import_rows(batch_id, customer_id, action, sheet_row, version_after, before) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                batch_id,
                cid,
                action,
                row,
                version,
                None if before is None else json.dumps(before, ensure_ascii=False, default=str),
            )
            for cid, (action, row, version, before) in touched.items()
        ],
    )


def finish_batch(
    conn: sqlcipher3.Connection, batch_id: int, created: int, updated: int, skipped: int, at: str
) -> None:
    conn.execute(
        "UPDATE import_batches SET created = ?, updated = ?, skipped = ?, finished_at = ? "
        "WHERE id = ?",
        (created, updated, skipped, at, batch_id),
    )


def last_batch(conn: sqlcipher3.Connection) -> dict | None:
    row = conn.execute(
        f"SELECT {', '.join(BATCH_COLUMNS)} FROM import_batches ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return None if row is None else dict(zip(BATCH_COLUMNS, row, strict=True))


def batch(conn: sqlcipher3.Connection, batch_id: int) -> dict | None:
    row = conn.execute(
        f"SELECT {', '.join(BATCH_COLUMNS)} FROM import_batches WHERE id = ?", (batch_id,)
    ).fetchone()
    return None if row is None else dict(zip(BATCH_COLUMNS, row, strict=True))


def batch_rows(conn: sqlcipher3.Connection, batch_id: int) -> list[tuple]:
    """(card id, action, version after, before JSON) of each card the batch touched."""
    return conn.execute(
        "SELECT customer_id, action, version_after, before FROM import_rows "
        "WHERE batch_id = ? ORDER BY id",
        (batch_id,),
    ).fetchall()


def mark_undone(conn: sqlcipher3.Connection, batch_id: int, user: str, at: str) -> None:
    conn.execute(
        "UPDATE import_batches SET undone_at = ?, undone_by = ? WHERE id = ?", (at, user, batch_id)
    )
