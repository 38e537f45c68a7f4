"""One write-only sheet of an Excel workbook, as every export of the program writes it.

openpyxl's write-only mode streams rows to a temporary file, so a sheet of any length needs
little memory. What each of our sheets has in common lives here once: a bold header row in
the user's language that stays in view (frozen) and carries an autofilter, column widths
set before the first row (write-only sheets take them only then), and cells whose type is
the column's: real dates and date-times, numbers as numbers (amounts with two decimals),
and text that stays text. A value such as ``=HYPERLINK("…")`` typed into a card must never
run as a formula in the office's Excel, characters XML cannot hold are replaced, and text
is cut at Excel's cell limit.

No Qt, no database here (docs/architecture.md, Layers): callers give the titles and the rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Iterable, Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from ..atomic import atomic_output

MAX_CELL_TEXT = 32_767  # Excel's limit for one cell
MAX_SHEET_TITLE = 31  # Excel's limit for a sheet name
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
MONEY_FORMAT = "#,##0.00"
_BAD_TITLE = str.maketrans({ch: "_" for ch in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    """One column: ``kind`` is text, date, datetime, int, number or money."""

    key: str
    title: str
    width: float = 14
    kind: str = "text"


def sheet_title(text: str, fallback: str = "Sheet") -> str:
    """A name Excel accepts for a sheet: no []:*?/\\, at most 31 characters."""
    return (str(text).translate(_BAD_TITLE).strip("' ") or fallback)[:MAX_SHEET_TITLE]


def local_datetime(at: object) -> dt.datetime | str | None:
    """A stored (ISO 8601, usually with an offset) time as a naive local datetime, which is
    what Excel holds (it has no time zones); the text itself when it cannot be read (a
    hand-edited file), so the row is still exported."""
    if at is None or at == "":
        return None
    if isinstance(at, dt.datetime):
        moment = at
    else:
        try:
            moment = dt.datetime.fromisoformat(str(at))
        except ValueError:
            return str(at)
    if moment.tzinfo is not None:
        moment = moment.astimezone().replace(tzinfo=None)
    return moment.replace(microsecond=0)


class SheetWriter:
    """Rows into one write-only sheet of ``wb``; call ``finish()`` after the last row."""

    def __init__(self, wb: Workbook, title: str, columns: Sequence[Column]) -> None:
        self.columns = tuple(columns)
        self.ws = ws = wb.create_sheet(title=sheet_title(title))
        self.rows = 0
        ws.freeze_panes = "A2"  # the header stays in view
        for index, column in enumerate(self.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        bold = Font(bold=True)
        header = []
        for column in self.columns:
            cell = self.text_cell(column.title)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        self._convert: tuple[Callable[[object], object], ...] = tuple(
            self._converter(c.kind) for c in self.columns
        )

    # ------------------------------------------------------------------ cells
    def text_cell(self, value: object) -> Cell:
        """A cell that stays text whatever it holds (see the module docstring)."""
        text = ILLEGAL_CHARACTERS_RE.sub("\N{REPLACEMENT CHARACTER}", str(value))[:MAX_CELL_TEXT]
        cell = WriteOnlyCell(self.ws, value=text)
        cell.data_type = "s"
        return cell

    def _text(self, value: object) -> object:
        if value is None or value == "":
            return None
        if not isinstance(value, str):
            value = getattr(value, "value", value)  # an enum stored as its code
            if isinstance(value, (list, tuple)):
                value = ", ".join(str(v) for v in value)
            value = str(value)
        # Plain text goes as it is (the fast path: openpyxl makes the cell); only text that
        # openpyxl would read as a formula, or could not write, gets a cell of its own.
        if value[0] == "=" or len(value) > MAX_CELL_TEXT or ILLEGAL_CHARACTERS_RE.search(value):
            return self.text_cell(value)
        return value

    def _date(self, value: object) -> object:
        if value is None or value == "":
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value  # openpyxl gives a date its yyyy-mm-dd format
        try:
            return dt.date.fromisoformat(str(value)[:10])
        except ValueError:
            return self._text(value)

    def _styled_cell(self, number_format: str) -> Callable[[dt.datetime | float | Decimal], Cell]:
        """A setter for one column's styled cell: the cell is made (and its style looked up)
        once and given each row's value. openpyxl writes a row's cells during ``append``, so
        the same cell object can carry the next row's value: per cell this costs what
        openpyxl's own reused cell costs, instead of a new cell and a style lookup each time."""
        cell = WriteOnlyCell(self.ws, value=None)
        cell.number_format = number_format

        def put(value: dt.datetime | float | Decimal) -> Cell:
            cell.value = value
            return cell

        return put

    def _datetime_converter(self) -> Callable[[object], object]:
        put = self._styled_cell(DATETIME_FORMAT)
        seen: dict[object, object] = {}  # cards saved together share their time

        def convert(value: object) -> object:
            moment = seen.get(value)
            if moment is None:
                moment = local_datetime(value)
                if len(seen) < 10_000:
                    seen[value] = moment
            if isinstance(moment, dt.datetime):
                return put(moment)
            return self._text(moment)

        return convert

    def _number(self, value: object) -> object:
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, (int, float, Decimal)):
            return value
        try:
            return Decimal(str(value))
        except ArithmeticError:
            return self._text(value)

    def _money_converter(self) -> Callable[[object], object]:
        put = self._styled_cell(MONEY_FORMAT)

        def convert(value: object) -> object:
            number = self._number(value)
            if isinstance(number, (int, float, Decimal)):
                return put(number)
            return number

        return convert

    def _converter(self, kind: str) -> Callable[[object], object]:
        """The column's converter (a new one per column: styled kinds hold their cell)."""
        if kind == "datetime":
            return self._datetime_converter()
        if kind == "money":
            return self._money_converter()
        return {
            "text": self._text,
            "date": self._date,
            "int": self._number,
            "number": self._number,
        }[kind]

    # ------------------------------------------------------------------ rows
    def append(self, values: Sequence[object]) -> None:
        """One row, a value per column in column order."""
        self.ws.append(
            [None if v is None else conv(v) for conv, v in zip(self._convert, values, strict=True)]
        )
        self.rows += 1

    def extend(
        self, rows: Iterable[Sequence[object]], *, tick: Callable[[], None] | None = None
    ) -> int:
        """Every row of ``rows``; ``tick`` after each (progress, cancelling). Returns the count."""
        convert, append = self._convert, self.ws.append
        n = 0
        for values in rows:
            append(
                [None if v is None else conv(v) for conv, v in zip(convert, values, strict=True)]
            )
            n += 1
            if tick is not None:
                tick()
        self.rows += n
        return n

    def finish(self) -> None:
        """The autofilter over the header and every row written."""
        last = get_column_letter(max(len(self.columns), 1))
        self.ws.auto_filter.ref = f"A1:{last}{self.rows + 1}"


def discard(wb: Workbook) -> None:
    """Close the half-written sheets of a failed or cancelled export and remove openpyxl's
    temporary files: left open, their writers fail later, at some garbage collection, far
    from here."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()
        out = getattr(getattr(ws, "_writer", None), "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)


def save_workbook(wb: Workbook, target, before_commit: Callable[[], None] | None = None) -> None:
    """Save ``wb`` atomically to ``target`` (``desktop.atomic``); ``before_commit`` runs when
    the file is complete, just before it takes its name. A save that fails (a full disk, a
    target that is a device) discards the sheets as a failed build does, so that no
    half-written sheet prints a traceback later."""
    try:
        with atomic_output(target) as f:
            wb.save(f)
            if before_commit is not None:
                before_commit()
    except BaseException:
        discard(wb)
        raise
