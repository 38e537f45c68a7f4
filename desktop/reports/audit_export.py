"""The audit log as an Excel workbook (openpyxl, write-only: any number of entries in little
memory). No Qt here (docs/architecture.md, Layers): the GUI passes the column titles and action
names in the user's language.

The sheet is for people reviewing the log: one row per entry, newest first as given, the
header row frozen and filtered, times as real Excel date-times in this computer's local
time (Excel has no time zones), and each entry's hash, so a printed or archived export can
later be compared with the chain. The sheet itself is written by ``xlsx_sheet`` (shared with
the customer exports); the full customer workbook adds this sheet too.
"""

from __future__ import annotations

import json
import os
from typing import Iterable, Iterator, Mapping

from openpyxl import Workbook

from ..storage.audit import AuditEntry
from .xlsx_sheet import (
    DATETIME_FORMAT,
    MAX_CELL_TEXT,
    Column,
    SheetWriter,
    discard,
    save_workbook,
    local_datetime,
)

#: Columns, in order: (key, English title, width in characters).
COLUMNS: tuple[tuple[str, str, int], ...] = (
    ("id", "Entry", 9),
    ("at", "Time (local)", 20),
    ("user_name", "User", 14),
    ("computer", "Computer", 16),
    ("action_label", "What", 22),
    ("action", "Action code", 18),
    ("target_type", "Target type", 12),
    ("target_id", "Target", 12),
    ("details", "Details", 60),
    ("hash", "Hash (SHA-256)", 20),
)
_KINDS = {"id": "int", "at": "datetime"}
DATE_FORMAT = DATETIME_FORMAT
__all__ = [
    "COLUMNS",
    "DATE_FORMAT",
    "MAX_CELL_TEXT",
    "audit_columns",
    "audit_rows",
    "details_text",
    "local_datetime",
    "write_audit_xlsx",
]


def details_text(details: Mapping[str, object]) -> str:
    return (
        json.dumps(dict(details), ensure_ascii=False, sort_keys=True, default=str)
        if details
        else ""
    )


def audit_columns(headers: Mapping[str, str] | None = None) -> list[Column]:
    """The sheet's columns; ``headers``: titles by column key, English by default."""
    headers = headers or {}
    return [
        Column(key, headers.get(key, title), width, _KINDS.get(key, "text"))
        for key, title, width in COLUMNS
    ]


def audit_rows(
    entries: Iterable[AuditEntry], action_labels: Mapping[str, str] | None = None
) -> Iterator[tuple]:
    """One tuple per entry, in ``COLUMNS`` order."""
    labels = action_labels or {}
    for e in entries:
        yield (
            int(e.id),
            e.at,
            e.user_name,
            e.computer,
            labels.get(e.action, e.action),
            e.action,
            e.target_type,
            e.target_id,
            details_text(e.details),
            e.hash,
        )


def write_audit_xlsx(
    target: str | os.PathLike,
    entries: Iterable[AuditEntry],
    *,
    headers: Mapping[str, str] | None = None,
    action_labels: Mapping[str, str] | None = None,
    sheet_title: str = "Audit log",
) -> int:
    """Write ``entries`` to the workbook ``target`` (replaced atomically, docs/architecture.md, The
    archive file).

    ``headers``: column titles by column key (see ``COLUMNS``), defaults in English;
    ``action_labels``: the "What" column's text by action code (default: the code).
    Returns the number of entries written.
    """
    wb = Workbook(write_only=True)
    sheet = SheetWriter(wb, sheet_title or "Audit log", audit_columns(headers))
    try:
        sheet.extend(audit_rows(entries, action_labels))
    except BaseException:
        discard(wb)
        raise
    sheet.finish()
    save_workbook(wb, target)
    return sheet.rows
