"""The sessions table: who has the archive open (docs/architecture.md, Sharing a file)."""

from __future__ import annotations


def presence(conn) -> tuple[int, int]:
    """(count, newest id) of the open sessions: it moves when someone comes or goes."""
    count, newest = conn.execute("SELECT count(*), coalesce(max(id), 0) FROM sessions").fetchone()
    return int(count), int(newest)


def begin(
    conn, user_name: str, computer: str, pid: int, program: str, now: str, stale_before: str
) -> int:
    """A new session (sessions that last beat before ``stale_before`` are cleared first)."""
    conn.execute("DELETE FROM sessions WHERE heartbeat_at < ?", (stale_before,))
    cur = conn.execute(
        "INSERT INTO sessions(user_name, computer, pid, program, started_at, heartbeat_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (user_name, computer, pid, program, now, now),
    )
    return int(cur.lastrowid)


def beat(conn, session_id: int, now: str) -> bool:
    """The session checks in; False when it is gone (aged out and cleared by another)."""
    cur = conn.execute("UPDATE sessions SET heartbeat_at = ? WHERE id = ?", (now, session_id))
    return cur.rowcount == 1


def end(conn, session_id: int) -> None:
    conn.execute("DELETE FROM sessions WHERE id = ?", (session_id,))


def listing(conn) -> list[tuple]:
    """(id, user_name, computer, started_at, heartbeat_at, pid, program, display name) of
    every session, oldest first."""
    return conn.execute(
        "SELECT s.id, s.user_name, s.computer, s.started_at, s.heartbeat_at, s.pid, s.program, "
        "coalesce(u.display_name, '') FROM sessions s "
        "LEFT JOIN users u ON u.user_name = s.user_name ORDER BY s.started_at"
    ).fetchall()
