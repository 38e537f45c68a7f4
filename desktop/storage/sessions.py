"""The sessions table: who has the archive open (docs/architecture.md, Sharing a file)."""

from __future__ import annotations


def presence(conn) -> tuple[int, int]:
    """(count, newest id) of the open sessions: it moves when someone comes or goes."""
    count, newest = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM sessions").fetchone()
    return int(count), int(newest)
