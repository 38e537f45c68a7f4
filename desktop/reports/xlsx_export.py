"""Customer data as an Excel workbook: the current list, or the full workbook (customers,
contacts, transactions, follow-ups, status and tier history, loans, audit log).

This module knows the sheets, their columns and how values are shown; which customers and
which fields a user may take out is decided in ``desktop.services.exporting``. No Qt and
no database here (docs/architecture.md, Layers): rows come in as iterables of tuples.

Headers are in the user's language, from the domain's field registry (the Chinese labels
are the terms of docs/domain.md, The customer card). Values are for people and for importing again:
statuses and kinds
as their labels (the importer reads labels back), tiers as A/B/C, phones in the national
form people dial (010 6234 5678), amounts as numbers with two decimals, dates as dates.

The workbook streams (write-only) with a progress callback and a cancel check every
``TICK`` rows, and replaces the target atomically; ``before_commit`` runs after the file is
complete and before it takes the target's name (the export's audit entry goes there, so a
file that exists was logged).
"""

from __future__ import annotations

import errno
import os
import re
from dataclasses import dataclass
from pathlib import Path
from enum import Enum
from typing import Callable, Iterable, Literal, Sequence

import phonenumbers
from openpyxl import Workbook

from .. import errors
from ..domain.customer import (
    CONTACT_FIELDS,
    FIELDS,
    FOLLOW_UP_FIELDS,
    TRANSACTION_FIELDS,
    FieldSpec,
    Tier,
    enum_label,
)
from ..domain.validation import format_phone
from .xlsx_sheet import Column, SheetWriter, discard, save_workbook

TICK = 500  # rows between progress reports and cancel checks

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]

SHEET_LABELS: dict[str, tuple[str, str]] = {
    "customers": ("Customers", "客户"),
    "contacts": ("Contacts", "联系人"),
    "transactions": ("Transactions", "交易记录"),
    "follow_ups": ("Follow-ups", "回访记录"),
    "status_history": ("Status history", "状态变更记录"),
    "tier_history": ("Tier history", "等级变更记录"),
    "loans": ("Loans", "借阅登记"),
    "audit": ("Audit log", "审计日志"),
}

# Columns that are not card fields (the bookkeeping the program adds).
EXTRA_LABELS: dict[str, tuple[str, str]] = {
    "created_at": ("Created", "创建时间"),
    "updated_at": ("Last changed", "最后修改时间"),
    "at": ("When", "时间"),
    "old": ("Before", "变更前"),
    "new": ("After", "变更后"),
    "reason": ("Reason", "原因"),
    "by_user": ("By", "操作人"),
    "manual": ("Set by hand", "手动设定"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
}

WIDTHS = {
    "name": 32,
    "archive_no": 15,
    "address": 32,
    "longtext": 40,
    "date": 12,
    "datetime": 19,
    "phone": 16,
    "email": 24,
    "url": 24,
    "money": 14,
    "enum": 16,
}


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def label(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if is_zh(lang) else pair[0]


def sheet_label(key: str, lang: str) -> str:
    return label(SHEET_LABELS[key], lang)


# ---------------------------------------------------------------------- values
class PhoneFormatter:
    """Stored (E.164) numbers in the national form, fast.

    ``format_phone`` (libphonenumber) costs ~20 µs a number, which alone would make a
    100 000-customer export a third slower than writing the cells. Numbers that share a
    country, their first national digits and their length share one layout (that is how
    libphonenumber chooses it), so the layout is worked out once per such group from
    ``format_phone``'s own output and reused. Anything unusual (extensions, text that is
    not E.164) goes to ``format_phone`` directly.
    """

    def __init__(self) -> None:
        self._layouts: dict[tuple[str, int], tuple | None] = {}

    def __call__(self, stored: object) -> object:
        if not isinstance(stored, str) or not stored:
            return stored
        digits = stored[1:]
        if stored[0] != "+" or not digits.isdigit() or not 7 <= len(digits) <= 15:
            return format_phone(stored)  # an extension, or not E.164 at all
        key = (digits[:6], len(digits))
        layout: tuple | Literal[False] | None = self._layouts.get(key, False)
        if layout is False:
            layout = self._layouts[key] = self._compiled(self._layout(stored, digits))
        if layout is None:
            return format_phone(stored)
        skip, prefix, groups = layout
        national = digits[skip:]
        return prefix + "".join([sep + national[a:b] for sep, a, b in groups])

    @staticmethod
    def _compiled(layout: tuple[str, ...] | None) -> tuple | None:
        """(digits to skip, prefix, ((separator, start, end), …)) for slicing."""
        if layout is None:
            return None
        country, prefix, *pieces = layout
        groups, sep, pos = [], "", 0
        for piece in pieces:
            if piece.isdigit():
                groups.append((sep, pos, pos + int(piece)))
                pos, sep = pos + int(piece), ""
            else:
                sep += piece
        if sep:
            groups.append((sep, pos, pos))
        return len(country), prefix, tuple(groups)

    @staticmethod
    def _layout(stored: str, digits: str) -> tuple[str, ...] | None:
        """(country code, literal prefix, group lengths and separators…) or None."""
        try:
            number = phonenumbers.parse(stored, None)
        except phonenumbers.NumberParseException:
            return None
        country = str(number.country_code)
        national = digits[len(country) :]
        shown = format_phone(stored)
        shown_digits = "".join(ch for ch in shown if ch.isdigit())
        if not digits.startswith(country) or not shown_digits.endswith(national):
            return None
        # the literal part before the national digits (a trunk "0", or "+1 ")
        skip = len(shown_digits) - len(national)
        i, seen = 0, 0
        while seen < skip:
            seen += shown[i].isdigit()
            i += 1
        prefix, rest = shown[:i], shown[i:]
        pieces: list[str] = []
        for run in re.findall(r"\d+|\D+", rest):
            pieces.append(str(len(run)) if run.isdigit() else run)
        return (country, prefix, *pieces)


def enum_text(value: object, lang: str) -> object:
    if isinstance(value, Tier):
        return value.value
    if isinstance(value, Enum):
        return enum_label(value, lang)
    return value


def enum_texts(enum_cls: type[Enum], lang: str) -> dict[str | None, str | None]:
    """Stored code → label, for columns read straight from the database."""
    out: dict[str | None, str | None] = {None: None}
    for member in enum_cls:
        out[member.value] = member.value if enum_cls is Tier else enum_label(member, lang)
    return out


def _kind(spec: FieldSpec) -> str:
    if spec.kind in ("date", "money", "int"):
        return spec.kind
    return "text"


def _width(spec: FieldSpec) -> float:
    return WIDTHS.get(spec.name) or WIDTHS.get(spec.kind, 14)


def field_column(spec: FieldSpec, lang: str) -> Column:
    return Column(spec.name, spec.label(lang), _width(spec), _kind(spec))


def extra_column(key: str, lang: str, kind: str = "text", width: float = 14) -> Column:
    return Column(key, label(EXTRA_LABELS[key], lang), width, kind)


# ---------------------------------------------------------------------- columns
def customer_columns(lang: str, *, leave_out: Iterable[str] = ()) -> list[Column]:
    """Every card field in card order (``leave_out``: fields not exported), then created and
    last changed."""
    skip = set(leave_out)
    cols = [field_column(s, lang) for s in FIELDS if s.name not in skip]
    if "tier_manual" not in skip:
        cols = [c if c.key != "tier_manual" else Column(c.key, c.title, 10) for c in cols]
    return cols + [
        extra_column("created_at", lang, "datetime", 19),
        extra_column("updated_at", lang, "datetime", 19),
    ]


def _customer_ref(lang: str) -> list[Column]:
    by = {s.name: s for s in FIELDS}
    return [field_column(by["archive_no"], lang), field_column(by["name"], lang)]


def contact_columns(lang: str) -> list[Column]:
    return _customer_ref(lang) + [
        Column("contact." + s.name, s.label(lang), _width(s) if s.kind != "bool" else 10, _kind(s))
        for s in CONTACT_FIELDS
    ]


def transaction_columns(lang: str) -> list[Column]:
    return _customer_ref(lang) + [field_column(s, lang) for s in TRANSACTION_FIELDS]


def follow_up_columns(lang: str) -> list[Column]:
    return _customer_ref(lang) + [field_column(s, lang) for s in FOLLOW_UP_FIELDS]


def history_columns(lang: str, *, tier: bool) -> list[Column]:
    cols = _customer_ref(lang) + [
        extra_column("at", lang, "datetime", 19),
        extra_column("old", lang, width=16),
        extra_column("new", lang, width=16),
    ]
    if tier:
        cols.append(extra_column("manual", lang, width=10))
    return cols + [extra_column("reason", lang, width=32), extra_column("by_user", lang)]


# ---------------------------------------------------------------------- writing
@dataclass
class SheetData:
    """One sheet to write: its key (``SHEET_LABELS``), columns, rows and their count (for
    progress; None when unknown)."""

    key: str
    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    total: int | None = None


def _write_error(exc: OSError, target) -> errors.ArchiveError:
    """A failed write as the error the user can act on (nothing was written)."""
    path = str(target)
    if exc.errno == errno.ENOSPC:
        return errors.DiskFull("The disk is full: {path} was not written.", path=path)
    if isinstance(exc, (PermissionError, IsADirectoryError)) or exc.errno in (
        errno.EROFS,
        errno.EACCES,
    ):
        return errors.FolderNotWritable(
            "{path} cannot be written: {strerror}.", strerror=exc.strerror, path=path
        )
    return errors.ArchiveError(
        "{path} could not be written: {reason}.", path=path, reason=exc.strerror or exc
    )


def _check_target(target) -> None:
    """Refuse before the work a target that cannot take the file: the audit entry is written
    just before the file takes its name, so a late failure would log an export that did not
    happen."""
    path = Path(target)
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise errors.FolderNotWritable("{path} is a folder: choose a file name.", path=str(path))
    if not folder.is_dir():
        raise errors.NotFound("There is no folder {folder}.", folder=folder, path=str(folder))
    if not os.access(folder, os.W_OK):
        raise errors.FolderNotWritable(
            "{folder} cannot be written.", folder=folder, path=str(folder)
        )


def write_workbook(
    target: str | os.PathLike,
    sheets: Sequence[SheetData],
    *,
    progress: Progress | None = None,
    cancelled: CancelCheck | None = None,
    before_commit: Callable[[dict[str, int]], None] | None = None,
) -> dict[str, int]:
    """Write ``sheets`` into the workbook ``target`` (replaced atomically). Returns the rows
    written per sheet key. Raises ``errors.Cancelled`` when ``cancelled()`` turns true; then
    nothing is written and the old file (if any) stays."""
    _check_target(target)
    total = sum(s.total or 0 for s in sheets)
    done = 0
    wb = Workbook(write_only=True)
    counts: dict[str, int] = {}

    def tick() -> None:
        nonlocal done
        done += 1
        if done % TICK == 0:
            if cancelled is not None and cancelled():
                raise errors.Cancelled("The export was cancelled; no file was written.")
            if progress is not None:
                progress(done, max(total, done))

    try:
        if progress is not None:
            progress(0, total)
        for sheet in sheets:
            writer = SheetWriter(wb, sheet.title, sheet.columns)
            counts[sheet.key] = writer.extend(sheet.rows, tick=tick)
            writer.finish()
    except BaseException:
        discard(wb)
        raise
    try:
        save_workbook(wb, target, None if before_commit is None else lambda: before_commit(counts))
    except OSError as exc:
        raise _write_error(exc, target) from None
    if progress is not None:
        progress(done, max(total, done))
    return counts


LOAN_LABELS: dict[str, tuple[str, str]] = {
    "item_no": ("Item number", "物品编号"),
    "description": ("Item", "物品"),
    "direction": ("Direction", "方向"),
    "borrower": ("Borrower", "借阅人"),
    "purpose": ("Purpose", "用途"),
    "state": ("State", "状态"),
    "wanted_from": ("From", "借出日期"),
    "due": ("Due", "应还日期"),
    "handed_out_at": ("Handed out", "交付时间"),
    "returned_at": ("Returned", "归还时间"),
    "requested_by": ("Requested by", "申请人"),
    "decided_by": ("Approved by", "审批人"),
    "note": ("Note", "备注"),
}


DIRECTION_LABELS: dict[str, tuple[str, str]] = {
    "lent_out": ("Lent out", "借出"),
    "taken_in": ("Taken into custody", "代为保管"),
}


def loan_columns(lang: str) -> list[Column]:
    """The loans register's columns (issue 5's ``loans`` and ``items`` tables)."""
    kinds = {
        "wanted_from": ("date", 12),
        "due": ("date", 12),
        "handed_out_at": ("datetime", 19),
        "returned_at": ("datetime", 19),
        "description": ("text", 28),
        "purpose": ("text", 28),
    }
    cols = [
        Column("item_no", label(LOAN_LABELS["item_no"], lang), 15),
        Column("description", label(LOAN_LABELS["description"], lang), 28),
    ]
    cols += _customer_ref(lang)
    for key in (
        "direction",
        "borrower",
        "purpose",
        "state",
        "wanted_from",
        "due",
        "handed_out_at",
        "returned_at",
        "requested_by",
        "decided_by",
        "note",
    ):
        kind, width = kinds.get(key, ("text", 14))
        cols.append(Column(key, label(LOAN_LABELS[key], lang), width, kind))
    return cols
