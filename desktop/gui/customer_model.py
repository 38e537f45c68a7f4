"""The customer list's table model: ordered ids, rows fetched lazily in pages (docs/architecture.md,
Table models).

The model holds only the ids of the customers shown, in display order. A row's columns are
fetched a page at a time (``PAGE_SIZE`` ids) through an injected *fetcher* and kept in a small
least-recently-used cache, so a list of 100 000 customers costs 100 000 ints, not 100 000
rows. The fetcher is ``fetch(ids, deliver)``: it must eventually call ``deliver({id: row})``
with the storage layer's ``LIST_COLUMNS`` tuple per id. In the application it runs the query
on the database worker and delivers on the GUI thread; in unit tests it may deliver at once.

Sorting is never done here: ``sort()`` emits ``sort_requested`` with the column's name and
direction, and the owner asks the service for a new id list ordered in SQL (pinyin order
for names, see ``services.customers.sort_key``) and hands it back with ``set_ids``.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ..domain.customer import Status, Tier, enum_label
from ..domain.validation import format_phone
from ..services.customers import LIST_COLUMNS
from .people_names import person_label

(
    COL_ARCHIVE_NO,
    COL_NAME,
    COL_STATUS,
    COL_TIER,
    COL_INDUSTRY,
    COL_REGION,
    COL_RESPONSIBLE,
    COL_PHONE,
    COL_UPDATED,
    COL_MATCH,
) = range(10)
COLUMN_COUNT = 10
# The model's columns are the storage layer's list columns, by name and in order, and then
# "Found in": where a search found the row (shown while searching, not a stored value).
COLUMN_NAMES: tuple[str, ...] = (
    "archive_no",
    "name",
    "status",
    "tier",
    "industry",
    "region",
    "responsible",
    "phone",
    "updated_at",
    "match",
)
assert COLUMN_NAMES[:COL_MATCH] == LIST_COLUMNS, (
    "customer_model columns must follow storage.LIST_COLUMNS"
)

PAGE_SIZE = 200
CACHE_PAGES = 16  # 3 200 rows: a few screens up and down

ID_ROLE = Qt.UserRole  # the customer id of a row
SORT_ROLE = Qt.UserRole + 1  # the column name the service sorts by (SQL, never Python)
RAW_ROLE = Qt.UserRole + 2  # the stored value (enum value, E.164 phone, ISO time)

Row = tuple
Deliver = Callable[[dict[int, Row]], None]
Fetcher = Callable[[list[int], Deliver], None]


def current_language() -> str:
    """ "zh" or "en": the language the program runs in (``i18n.install`` sets the locale)."""
    return "zh" if QLocale().name().startswith("zh") else "en"


class CustomerTableModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # column name, descending

    def __init__(self, fetch: Fetcher, parent=None, language: str | None = None) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self._language = language or current_language()
        self._ids: list[int] = []
        self._people: dict[str, str] = {}  # casefolded login name → display name
        self._matches: dict[int, list[str]] = {}  # customer id → where the search found it
        self._row_of: dict[int, int] | None = None  # built on demand (row_of_id)
        self._pages: OrderedDict[int, dict[int, Row]] = OrderedDict()
        self._pending: set[int] = set()
        self._generation = 0  # results for an older id list are dropped
        self.fetch_count = 0  # pages asked for (tests, diagnostics)
        self.sort_column: int | None = None
        self.sort_order = Qt.AscendingOrder

    # ------------------------------------------------------------------ ids
    def set_ids(self, ids: Sequence[int], first_rows: dict[int, Row] | None = None) -> None:
        """Show these customers in this order; the row cache starts afresh.

        ``first_rows``, the rows of the first page when the caller fetched them together
        with the ids, saves a second trip to the database for the rows shown first.
        """
        self.beginResetModel()
        self._ids = list(ids)
        self._row_of = None
        self._matches.clear()
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if first_rows and all(cid in first_rows for cid in self._ids[:PAGE_SIZE]):
            self._pages[0] = dict(first_rows)
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of_id(self, customer_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {cid: r for r, cid in enumerate(self._ids)}
        return self._row_of.get(customer_id)

    def refresh_rows(self) -> None:
        """Forget the cached rows (a card was saved); the same ids are fetched again."""
        self._pages.clear()
        self._pending.clear()
        self._generation += 1
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, COLUMN_COUNT - 1)
            )

    # ------------------------------------------------------------------ Qt model API
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's own signature; an invalid index is never changed
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's own signature; an invalid index is never changed
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):  # noqa: N802
        if orientation != Qt.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.DisplayRole:
            return self.column_title(section)
        if role == SORT_ROLE:
            return COLUMN_NAMES[section]
        return None

    def column_title(self, column: int) -> str:
        return (
            self.tr("Archive No."),
            self.tr("Name"),
            self.tr("Status"),
            self.tr("Tier"),
            self.tr("Industry"),
            self.tr("Region"),
            self.tr("Responsible"),
            self.tr("Phone"),
            self.tr("Updated"),
            self.tr("Found in"),
        )[column]

    def add_matches(self, matches: dict[int, list[str]]) -> None:
        """Where a search found these customers (``CustomerService.matched_fields``)."""
        self._matches.update(matches)
        rows = [r for r in (self.row_of_id(cid) for cid in matches) if r is not None]
        if rows:
            self.dataChanged.emit(
                self.index(min(rows), COL_MATCH), self.index(max(rows), COL_MATCH)
            )

    def match_text(self, places: Sequence[str]) -> str:
        names = {
            "name": self.tr("name"),
            "archive_no": self.tr("archive number"),
            "pinyin": self.tr("pinyin"),
            "initials": self.tr("pinyin initials"),
            "contacts": self.tr("contact"),
            "phones": self.tr("phone"),
            "tags": self.tr("tag"),
            "address": self.tr("address"),
        }
        return self.tr(", ").join(names.get(p, p) for p in places)

    def set_people(self, names: dict[str, str]) -> None:
        """Show the responsible person by display name (``names``: casefolded login → display)."""
        if names != self._people:
            self._people = dict(names)
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, COL_RESPONSIBLE), self.index(len(self._ids) - 1, COL_RESPONSIBLE)
                )

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        row, column = index.row(), index.column()
        cid = self._ids[row]
        if role == ID_ROLE:
            return cid
        if role == SORT_ROLE:
            return COLUMN_NAMES[column]
        if role not in (Qt.DisplayRole, Qt.ToolTipRole, RAW_ROLE):
            return None
        if column == COL_MATCH:
            places = self._matches.get(cid)
            if role == RAW_ROLE:
                return places
            return self.match_text(places) if places else None
        values = self._row(row, cid)
        if values is None:
            return "…" if role == Qt.DisplayRole and column == COL_NAME else None
        raw = values[column]
        if role == RAW_ROLE:
            return raw
        if role == Qt.ToolTipRole:
            if column == COL_UPDATED and raw:  # the list shows the day, the tip the time
                return str(raw).replace("T", " ")[:16]
            if column == COL_RESPONSIBLE and raw:  # the login name behind the display name
                shown = self.display(column, raw)
                return person_label(str(raw), shown)
            return self.display(column, raw) if column == COL_NAME else None
        return self.display(column, raw)

    def display(self, column: int, raw: object) -> str:
        """A stored value as the list shows it: labels in the current language, phones in the
        national form, times without seconds."""
        if raw is None or raw == "":
            return ""
        if column == COL_STATUS:
            return _label(Status, raw, self._language)
        if column == COL_TIER:
            try:
                return f"{raw} · {enum_label(Tier(raw), self._language)}"
            except ValueError:
                return str(raw)
        if column == COL_PHONE:
            if "*" in str(raw):  # masked (138 **** **78): formatting would drop the stars
                return str(raw)
            return format_phone(str(raw))
        if column == COL_RESPONSIBLE:
            return self._people.get(str(raw).casefold(), str(raw))
        if column == COL_UPDATED:
            try:
                return dt.datetime.fromisoformat(str(raw)).strftime("%Y-%m-%d")
            except ValueError:
                return str(raw)
        return str(raw)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Ask for the ids in a new order (the owner queries SQL and calls ``set_ids``)."""
        if not 0 <= column < COL_MATCH:  # "Found in" follows the relevance order
            return
        self.sort_column, self.sort_order = column, order
        self.sort_requested.emit(COLUMN_NAMES[column], order == Qt.DescendingOrder)

    # ------------------------------------------------------------------ the row cache
    def _row(self, row: int, cid: int) -> Row | None:
        page = row // PAGE_SIZE
        cached = self._pages.get(page)
        if cached is None:
            self._request(page)
            cached = self._pages.get(page)  # a synchronous fetcher has delivered already
            if cached is None:
                return None
        self._pages.move_to_end(page)
        return cached.get(cid)

    def _request(self, page: int) -> None:
        if page in self._pending:
            return
        self._pending.add(page)
        ids = self._ids[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
        generation = self._generation
        self.fetch_count += 1

        def deliver(rows: dict[int, Row]) -> None:
            if generation != self._generation:
                return  # the list changed meanwhile
            self._pending.discard(page)
            self._pages[page] = rows
            self._pages.move_to_end(page)
            while len(self._pages) > CACHE_PAGES:
                self._pages.popitem(last=False)
            first = page * PAGE_SIZE
            last = min(len(self._ids), first + PAGE_SIZE) - 1
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1))

        self._fetch(ids, deliver)

    def cached_pages(self) -> list[int]:
        return list(self._pages)


def _label(enum_type, raw: object, language: str) -> str:
    try:
        return enum_label(enum_type(raw), language)
    except ValueError:
        return str(raw)
