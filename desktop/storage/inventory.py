"""How much an archive file holds, and a mark that moves when anything in it changes (for the
backup checks and the automatic backups, services/backups.py)."""

from __future__ import annotations

_TABLES = frozenset({"customers", "contacts", "audit_log"})


def rows_in(conn, table: str) -> int:
    """The rows of one of the counted tables; 0 where the file (an old backup) has no such table."""
    if table not in _TABLES:
        raise ValueError(f"not a counted table: {table!r}")
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] if exists else 0


def change_mark(conn) -> tuple:
    """(newest audit entry, customers, sum of their versions): every action appends an audit
    entry, and sample data (not audited) changes the customers' count and versions."""
    newest = conn.execute("SELECT coalesce(max(id), 0) FROM audit_log").fetchone()[0]
    count, versions = conn.execute(
        "SELECT count(*), coalesce(sum(version), 0) FROM customers"
    ).fetchone()
    return newest, count, versions
