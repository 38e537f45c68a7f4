"""Numbered schema steps, applied in order, each in its own transaction.

The files ``migrations/NNNN_name.sql`` are the steps. A new archive starts at version 0
and runs every step, so new and upgraded archives follow one code path. The version
lives in ``PRAGMA user_version``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources

from .. import __version__

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def load_migrations() -> list[Migration]:
    folder = resources.files("desktop.storage") / "migrations"
    steps = []
    for entry in folder.iterdir():
        match = _NAME.match(entry.name)
        if match:
            steps.append(Migration(int(match.group(1)), entry.name, entry.read_text("utf-8")))
    steps.sort(key=lambda m: m.version)
    expected = list(range(1, len(steps) + 1))
    if [m.version for m in steps] != expected:  # a gap would silently skip a step
        raise RuntimeError(f"migration numbers are not 1..N: {[m.name for m in steps]}")
    return steps


MIGRATIONS = load_migrations()
LATEST_VERSION = MIGRATIONS[-1].version


def pending(current: int) -> list[Migration]:
    return [m for m in MIGRATIONS if m.version > current]


def apply(conn, migration: Migration) -> None:
    """Run one step inside one transaction; on any error nothing of it remains."""
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    script = (
        "BEGIN IMMEDIATE;\n"
        f"{migration.sql}\n;"
        f"INSERT INTO schema_migrations(version, applied_at, program) "
        f"VALUES ({migration.version}, '{now}', 'customer-archive {__version__}');\n"
        f"PRAGMA user_version = {migration.version};\n"
        "COMMIT;"
    )
    try:
        conn.executescript(script)
    except Exception:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
