"""The audit log as an Excel workbook (openpyxl, write-only: any number of entries in little
memory). No Qt here (DESIGN §1): the GUI passes the column titles and action names in the
user's language.

The sheet is for people reviewing the log: one row per entry, newest first as given, the
header row frozen and filtered, times as real Excel date-times in this computer's local
time (Excel has no time zones), and each entry's hash, so a printed or archived export can
later be compared with the chain.
"""

from __future__ import annotations

import contextlib
import json
import os
from datetime import datetime
from typing import Iterable, Mapping

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..atomic import atomic_output
from ..storage.audit import AuditEntry

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
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
MAX_CELL_TEXT = 32_767  # Excel's limit for one cell


def local_datetime(at: str) -> datetime | str:
    """A stored UTC time as a naive local datetime (what Excel can hold); the text when it
    cannot be read (a hand-edited file), so the row is still exported."""
    try:
        return datetime.fromisoformat(at).astimezone().replace(tzinfo=None, microsecond=0)
    except (TypeError, ValueError):
        return str(at)


def _text_cell(ws, value: object) -> WriteOnlyCell | None:
    """A text cell that stays text: no formula (a user name like ``=HYPERLINK(…)`` must not
    run in Excel), no characters XML cannot hold, no more than Excel takes."""
    if value is None:
        return None
    text = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", str(value))[:MAX_CELL_TEXT]
    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    return cell


def details_text(details: Mapping[str, object]) -> str:
    return json.dumps(dict(details), ensure_ascii=False, sort_keys=True, default=str) if details else ""


def write_audit_xlsx(target: str | os.PathLike, entries: Iterable[AuditEntry], *,
                     headers: Mapping[str, str] | None = None,
                     action_labels: Mapping[str, str] | None = None,
                     sheet_title: str = "Audit log") -> int:
    """Write ``entries`` to the workbook ``target`` (replaced atomically, DESIGN §2).

    ``headers``: column titles by column key (see ``COLUMNS``), defaults in English;
    ``action_labels``: the "What" column's text by action code (default: the code).
    Returns the number of entries written.
    """
    headers = headers or {}
    labels = action_labels or {}
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=sheet_title[:31] or "Audit log")
    ws.freeze_panes = "A2"  # the header stays in view
    for index, (_, _, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_row = []
    for key, title, _ in COLUMNS:
        cell = _text_cell(ws, headers.get(key, title))
        cell.font = bold
        header_row.append(cell)
    ws.append(header_row)

    try:
        rows = _append_entries(ws, entries, labels)
    except BaseException:
        _discard(ws)
        raise
    last_column = get_column_letter(len(COLUMNS))
    ws.auto_filter.ref = f"A1:{last_column}{rows + 1}"
    with atomic_output(target) as f:
        wb.save(f)
    return rows


def _append_entries(ws, entries: Iterable[AuditEntry], labels: Mapping[str, str]) -> int:
    rows = 0
    for e in entries:
        when = WriteOnlyCell(ws, value=local_datetime(e.at))
        if isinstance(when.value, datetime):
            when.number_format = DATE_FORMAT
        ws.append([
            WriteOnlyCell(ws, value=int(e.id)), when,
            _text_cell(ws, e.user_name), _text_cell(ws, e.computer),
            _text_cell(ws, labels.get(e.action, e.action)), _text_cell(ws, e.action),
            _text_cell(ws, e.target_type), _text_cell(ws, e.target_id),
            _text_cell(ws, details_text(e.details)), _text_cell(ws, e.hash),
        ])
        rows += 1
    return rows


def _discard(ws) -> None:
    """Close the half-written sheet and remove openpyxl's temporary file: left open, its
    writer fails later, at some garbage collection, far from here."""
    try:
        ws.close()
    except Exception:  # noqa: BLE001 - the first error is the one to report
        pass
    out = getattr(getattr(ws, "_writer", None), "out", None)
    if isinstance(out, str):
        with contextlib.suppress(OSError):
            os.remove(out)
