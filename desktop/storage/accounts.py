"""The accounts table (``users``): reading and changing accounts for services/accounts.py,
which holds the rules (who may, passwords, the login delay). Plain values in and out; a user
row is the tuple of ``USER_COLUMNS``."""

from __future__ import annotations

USER_COLUMNS = (
    "id, user_name, display_name, role, region, password_hash IS NOT NULL, active, "
    "must_change_password, failed_logins, last_failed_at, created_at, version"
)


def users(conn, *, include_inactive: bool = True) -> list[tuple]:
    sql = f"SELECT {USER_COLUMNS} FROM users"
    if not include_inactive:
        sql += " WHERE active = 1"
    return conn.execute(sql + " ORDER BY user_name COLLATE NOCASE").fetchall()


def user(conn, user_name: str) -> tuple | None:
    return conn.execute(
        f"SELECT {USER_COLUMNS} FROM users WHERE user_name = ?", (user_name,)
    ).fetchone()


def first_active_admin(conn) -> tuple | None:
    return conn.execute(
        f"SELECT {USER_COLUMNS} FROM users WHERE role = 'administrator' AND active = 1 "
        "ORDER BY id LIMIT 1"
    ).fetchone()


def active_count(conn) -> int:
    return conn.execute("SELECT count(*) FROM users WHERE active = 1").fetchone()[0]


def any_account(conn) -> bool:
    return conn.execute("SELECT 1 FROM users LIMIT 1").fetchone() is not None


def exists(conn, user_name: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM users WHERE user_name = ?", (user_name,)).fetchone() is not None
    )


def add_first_admin(conn, user_name: str, now: str) -> None:
    conn.execute(
        "INSERT INTO users(user_name, display_name, role, created_at) "
        "VALUES (?, ?, 'administrator', ?)",
        (user_name, user_name, now),
    )


def add(
    conn,
    user_name: str,
    display_name: str,
    role: str,
    region: str | None,
    password_hash: str,
    must_change_password: bool,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO users(user_name, display_name, role, region, password_hash, "
        "must_change_password, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (user_name, display_name, role, region, password_hash, int(must_change_password), now),
    )


def login_row(conn, user_name: str) -> tuple | None:
    """(id, user_name, password_hash, active, failed_logins, last_failed_at)"""
    return conn.execute(
        "SELECT id, user_name, password_hash, active, failed_logins, last_failed_at "
        "FROM users WHERE user_name = ?",
        (user_name,),
    ).fetchone()


def password_row(conn, uid: int) -> tuple | None:
    """(password_hash, failed_logins, last_failed_at)"""
    return conn.execute(
        "SELECT password_hash, failed_logins, last_failed_at FROM users WHERE id = ?", (uid,)
    ).fetchone()


def failures(conn, user_name: str) -> tuple | None:
    """(failed_logins, last_failed_at)"""
    return conn.execute(
        "SELECT failed_logins, last_failed_at FROM users WHERE user_name = ?", (user_name,)
    ).fetchone()


def clear_failures(conn, uid: int) -> None:
    conn.execute("UPDATE users SET failed_logins = 0, last_failed_at = NULL WHERE id = ?", (uid,))


def count_failure(conn, uid: int, now: str) -> int:
    """One more failed login; the count now."""
    conn.execute(
        "UPDATE users SET failed_logins = failed_logins + 1, last_failed_at = ? WHERE id = ?",
        (now, uid),
    )
    return conn.execute("SELECT failed_logins FROM users WHERE id = ?", (uid,)).fetchone()[0]


def set_password(
    conn, uid: int, password_hash: str, *, must_change: bool, clear_failures: bool
) -> None:
    conn.execute(
        "UPDATE users SET password_hash = ?, must_change_password = ?, "
        + ("failed_logins = 0, last_failed_at = NULL, " if clear_failures else "")
        + "version = version + 1 WHERE id = ?",
        (password_hash, int(must_change), uid),
    )


def set_active(conn, uid: int, active: bool) -> None:
    conn.execute(
        "UPDATE users SET active = ?, version = version + 1 WHERE id = ?", (int(active), uid)
    )


def set_role(conn, uid: int, role: str, region: str | None) -> None:
    conn.execute(
        "UPDATE users SET role = ?, region = ?, version = version + 1 WHERE id = ?",
        (role, region, uid),
    )


def set_profile(conn, uid: int, display_name: str, region: str | None) -> None:
    conn.execute(
        "UPDATE users SET display_name = ?, region = ?, version = version + 1 WHERE id = ?",
        (display_name, region, uid),
    )


def other_active_admins(conn, uid: int) -> int:
    return conn.execute(
        "SELECT count(*) FROM users WHERE role = 'administrator' AND active = 1 AND id != ?",
        (uid,),
    ).fetchone()[0]


def passwordless_active(conn) -> list[tuple[int, str]]:
    """(id, user_name) of the active accounts without a password."""
    return conn.execute(
        "SELECT id, user_name FROM users WHERE active = 1 AND password_hash IS NULL"
    ).fetchall()


def display_name(conn, user_name: str) -> str | None:
    row = conn.execute(
        "SELECT display_name FROM users WHERE user_name = ? COLLATE NOCASE", (user_name,)
    ).fetchone()
    return row[0] if row else None
