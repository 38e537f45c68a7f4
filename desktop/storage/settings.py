"""The archive's settings table: the office's choices kept in the file (approval rules, the
credit rule, backup settings…), as key and text value."""

from __future__ import annotations


def get(conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    return None if row is None else row[0]


def put(conn, key: str, value: str) -> None:
    """Set ``key`` (inside the caller's write transaction)."""
    conn.execute(
        "INSERT INTO settings(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value, version = version + 1",
        (key, value),
    )
