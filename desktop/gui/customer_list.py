"""The customer list: instant search, filters, saved filters and the sortable table.

Every query runs on the database worker. Typing restarts a short debounce timer; when it
fires, the query goes to the worker as an Op keyed "search", so a newer query supersedes an
older one still waiting and only the newest result is shown (docs/architecture.md, The search
index). Sorting by a column header asks SQL for a new order (``CustomerTableModel.sort``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QMenu,
    QToolButton,
    QWidget,
)

from ..domain.customer import Status, Tier, enum_label
from ..services.customers import Filter
from . import customer_jobs as jobs
from .customer_dialog import CustomerDialog
from .customer_model import (
    COL_ARCHIVE_NO,
    COL_INDUSTRY,
    COL_NAME,
    COL_PHONE,
    COL_REGION,
    COL_MATCH,
    COL_RESPONSIBLE,
    COL_STATUS,
    COL_TIER,
    COL_UPDATED,
    PAGE_SIZE,
    CustomerTableModel,
    current_language,
)
from .forms.ui_customer_list import Ui_CustomerList
from .worker import DbWorker, Op

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
PAGE_TABLE, PAGE_EMPTY = 0, 1


class _StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while several are ticked."""

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt API
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class CheckMenu(QObject):
    """A filter button: a menu of values to tick; none ticked means "any"."""

    changed = Signal()

    def __init__(self, button: QToolButton, title: str) -> None:
        super().__init__(button)
        self.button = button
        self.title = title
        self.menu = _StayOpenMenu(button)
        button.setMenu(self.menu)
        self._actions: dict[str, QAction] = {}
        self._update_text()

    def set_items(self, items: list[tuple[str, str]]) -> None:
        """(value, label) pairs; ticks on values that are still offered are kept."""
        keep = set(self.selected())
        self.menu.clear()
        self._actions.clear()
        for value, label in items:
            action = self.menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value in keep)
            action.setData(value)
            action.toggled.connect(self._toggled)
            self._actions[value] = action
        if not items:
            self.menu.addAction(self.tr("(none yet)")).setEnabled(False)
        self._update_text()

    def selected(self) -> list[str]:
        return [v for v, a in self._actions.items() if a.isChecked()]

    def set_selected(self, values, notify: bool = False) -> None:
        wanted = set(values)
        for value, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(value in wanted)
            action.blockSignals(False)
        self._update_text()
        if notify:
            self.changed.emit()

    def action(self, value: str) -> QAction:
        return self._actions[value]

    def _toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = [a.text() for a in self._actions.values() if a.isChecked()]
        if not chosen:
            self.button.setText(self.title)
        elif len(chosen) == 1:
            self.button.setText(
                self.tr("{title}: {value}").format(title=self.title, value=chosen[0])
            )
        else:
            self.button.setText(
                self.tr("{title}: {n} chosen").format(title=self.title, n=len(chosen))
            )
        font = self.button.font()
        font.setBold(bool(chosen))
        self.button.setFont(font)


class CustomerListPage(QWidget):
    """The page shown while an archive is open."""

    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_CustomerList()
        self.ui.setupUi(self)
        self.worker = worker
        self.active = False
        self.cards: dict[int | None, list[CustomerDialog]] = {}
        self._hidden_cards: list[CustomerDialog] = []
        self._sort: tuple[str, bool] | None = None  # None: by relevance, or by name without a query
        self._select_after: int | None = None
        self.read_only = False  # the archive was opened read-only: look, change nothing
        self._keep_scroll: int | None = None  # a refresh for another's save keeps the view still
        self.last_found: jobs.Found | None = None
        self.printing = None  # set by the main window: gui.card_printing.CardPrinting
        self.query_count = 0  # queries sent to the worker (tests)
        self._people: list[tuple[str, str, bool]] = []  # the accounts: (login, display, active)
        self._shown_query = ""  # the search the list shows (its "Found in" column)

        lang = current_language()
        self.model = CustomerTableModel(self._fetch_rows, self)
        self.model.sort_requested.connect(self._sort_requested)
        view = self.ui.tableView
        view.setModel(self.model)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
        header = view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.AscendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.Stretch)
        widths = {
            COL_ARCHIVE_NO: 110,
            COL_STATUS: 210 if lang == "en" else 125,
            COL_TIER: 170 if lang == "en" else 105,
            COL_INDUSTRY: 90,
            COL_REGION: 70,
            COL_RESPONSIBLE: 95,
            COL_PHONE: 115,
            COL_UPDATED: 95,
            COL_MATCH: 120,
        }
        for column, width in widths.items():
            view.setColumnWidth(column, width)
        view.setColumnHidden(COL_MATCH, True)  # shown while a search is typed
        # Several rows can be selected for printing (Ctrl/Shift+click); Enter opens the current one.
        view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        view.setSelectionBehavior(QAbstractItemView.SelectRows)
        view.activated.connect(lambda index: self.open_card(self.model.id_at(index.row())))

        self.filters = {
            "statuses": CheckMenu(self.ui.statusButton, self.ui.statusButton.text()),
            "tiers": CheckMenu(self.ui.tierButton, self.ui.tierButton.text()),
            "industries": CheckMenu(self.ui.industryButton, self.ui.industryButton.text()),
            "regions": CheckMenu(self.ui.regionButton, self.ui.regionButton.text()),
            "responsible": CheckMenu(self.ui.responsibleButton, self.ui.responsibleButton.text()),
            "tags": CheckMenu(self.ui.tagsButton, self.ui.tagsButton.text()),
        }
        self.filters["statuses"].set_items([(s.value, enum_label(s, lang)) for s in Status])
        self.filters["tiers"].set_items(
            [(t.value, f"{t.value} · {enum_label(t, lang)}") for t in Tier]
        )
        for menu in self.filters.values():
            menu.changed.connect(self.run_query)
        self.saved_menu = QMenu(self.ui.savedButton)
        self.ui.savedButton.setMenu(self.saved_menu)
        self._saved_filters: dict[str, dict] = {}
        self._fill_saved_menu()
        self.ui.clearFiltersButton.clicked.connect(self.clear_filters)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.run_query)
        self.ui.searchEdit.textChanged.connect(lambda _: self._debounce.start())
        self.ui.searchEdit.returnPressed.connect(self.run_query)
        self.ui.searchEdit.installEventFilter(self)

        self.find_action = QAction(self.tr("Find"), self)
        self.find_action.setShortcut(QKeySequence.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.new_action = QAction(self.tr("New Customer"), self)
        self.new_action.setShortcut(QKeySequence.New)
        self.new_action.triggered.connect(self.new_card)
        self.addActions([self.find_action, self.new_action])
        self.ui.newButton.clicked.connect(self.new_card)
        self.ui.newButton.setToolTip(
            QKeySequence(QKeySequence.New).toString(QKeySequence.NativeText)
        )
        self.ui.emptyNewButton.clicked.connect(self.new_card)
        self.ui.sampleButton.clicked.connect(self.add_sample_data)
        self.ui.listStack.setCurrentIndex(PAGE_TABLE)

    # ------------------------------------------------------------------ archive open/close
    def activate(self) -> None:
        """An archive was opened: load the value lists and show every customer."""
        self.active = True
        self._reload_value_lists()
        self.run_query()

    def suspend(self) -> None:
        """The archive was locked: forget the rows and hide the open cards until unlocked."""
        self.active = False
        self._debounce.stop()
        self.model.set_ids([])
        for card in self.open_cards():
            if card.isVisible():
                card.hide()
                self._hidden_cards.append(card)

    def resume(self) -> None:
        """The same archive was unlocked again."""
        self.activate()
        for card in self._hidden_cards:
            card.show()
        self._hidden_cards.clear()

    def deactivate(self) -> None:
        """The archive was closed (or another opened): close every card without asking."""
        self.active = False
        self._debounce.stop()
        self._hidden_cards.clear()
        for card in self.open_cards():
            card.force_close()
        self.model.set_ids([])
        self.ui.searchEdit.blockSignals(True)
        self.ui.searchEdit.clear()
        self.ui.searchEdit.blockSignals(False)
        for menu in self.filters.values():
            menu.set_selected([])

    def close_cards(self) -> bool:
        """Close every card, asking about unsaved changes; False if one stayed open."""
        for card in self.open_cards():
            if card.isHidden():
                card.show()
            if not card.close():
                return False
        return True

    # ------------------------------------------------------------------ querying
    def current_filter(self) -> Filter:
        f = self.filters
        return Filter(
            statuses=f["statuses"].selected(),
            tiers=f["tiers"].selected(),
            industries=f["industries"].selected(),
            regions=f["regions"].selected(),
            responsible=f["responsible"].selected(),
            tags=f["tags"].selected(),
        )

    def filtering(self) -> bool:
        return any(menu.selected() for menu in self.filters.values())

    def run_query(self) -> None:
        if not self.active:
            return
        self._debounce.stop()
        query = self.ui.searchEdit.text()
        sort, descending = self._sort if self._sort else (None, False)
        self.query_count += 1
        Op(
            self.worker, self, jobs.find(query, self.current_filter(), sort, descending, PAGE_SIZE)
        ).key("search").success(lambda found: self._show(found, query)).run()

    def _show(self, found: jobs.Found, query: str) -> None:
        if not self.active:
            return
        self.last_found = found
        keep, self._keep_scroll = self._keep_scroll, None
        if keep is not None and found.ids == self.model.ids():
            return  # the same customers in the same order: the rows were refetched in place
        current = self._select_after if self._select_after is not None else self.current_id()
        self._select_after = None
        self.model.set_ids(found.ids, first_rows=found.first_rows)
        self._shown_query = query.strip()
        self.model.add_matches(found.matches)
        self.ui.tableView.setColumnHidden(COL_MATCH, not self._shown_query)
        empty_archive = found.total == 0 and not query.strip() and not self.filtering()
        self.ui.listStack.setCurrentIndex(PAGE_EMPTY if empty_archive else PAGE_TABLE)
        self.ui.countLabel.setText(self._count_text(found, query))
        if current is not None:
            self.select_id(current, scroll=keep is None)
        if keep is not None:
            self.ui.tableView.verticalScrollBar().setValue(keep)

    def refresh_elsewhere(self, card_versions: dict[int, int]) -> None:
        """Someone else changed the archive: fetch the list again, keeping the selected
        customer and the scroll position, and bring the open cards up to date (a card with
        unsaved edits is told, not reloaded: its save will show both versions)."""
        if not self.active:
            return
        self._keep_scroll = self.ui.tableView.verticalScrollBar().value()
        self.model.refresh_rows()
        self.run_query()
        for cid, cards in self.cards.items():
            for card in cards:
                if (
                    cid is not None
                    and card.version is not None
                    and card_versions.get(cid, card.version) != card.version
                ):
                    card.changed_elsewhere()

    def _count_text(self, found: jobs.Found, query: str) -> str:
        n = QLocale().toString(len(found.ids))
        if found.capped:
            return self.tr("The best {n} matches; type more to narrow down").format(n=n)
        if not found.ids and query.strip():
            return self.tr("Nothing matches “{query}”.").format(query=query.strip())
        if not found.ids and self.filtering():
            return self.tr("No customer matches these filters.")
        if query.strip() or self.filtering():
            return self.tr("{n} found").format(n=n)
        return self.tr("{n} customers").format(n=n)

    def _fetch_rows(self, ids: list[int], deliver) -> None:
        Op(self.worker, self, jobs.list_rows(ids)).success(deliver).failure(
            lambda exc: log.warning("fetching list rows failed: %s", type(exc).__name__)
        ).run()
        if self._shown_query:  # … and where the search found them
            Op(self.worker, self, jobs.matched_fields(self._shown_query, ids)).success(
                self.model.add_matches
            ).failure(
                lambda exc: log.warning("explaining matches failed: %s", type(exc).__name__)
            ).run()

    def _sort_requested(self, column: str, descending: bool) -> None:
        self._sort = (column, descending)
        self.run_query()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        # Down in the search box goes on to the results, as in a browser's address bar.
        if (
            obj is self.ui.searchEdit
            and event.type() == QEvent.KeyPress
            and event.key() in (Qt.Key_Down, Qt.Key_PageDown)
            and self.model.rowCount()
        ):
            self.ui.tableView.setFocus()
            if not self.ui.tableView.currentIndex().isValid():
                self.ui.tableView.selectRow(0)
            return True
        return False

    def focus_search(self) -> None:
        self.ui.searchEdit.setFocus(Qt.ShortcutFocusReason)
        self.ui.searchEdit.selectAll()

    def current_id(self) -> int | None:
        index = self.ui.tableView.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        """The selected customers, in list order."""
        rows = sorted({i.row() for i in self.ui.tableView.selectionModel().selectedRows()})
        return [cid for cid in (self.model.id_at(r) for r in rows) if cid is not None]

    def current_name(self) -> str:
        index = self.ui.tableView.currentIndex()
        return (
            str(self.model.data(self.model.index(index.row(), COL_NAME)) or "")
            if index.isValid()
            else ""
        )

    def select_id(self, customer_id: int, scroll: bool = True) -> bool:
        row = self.model.row_of_id(customer_id)
        if row is None:
            return False
        self.ui.tableView.selectRow(row)
        if scroll:
            self.ui.tableView.scrollTo(self.model.index(row, COL_NAME))
        return True

    # ------------------------------------------------------------------ filters
    def clear_filters(self) -> None:
        for menu in self.filters.values():
            menu.set_selected([])
        self.run_query()

    def _reload_value_lists(self) -> None:
        Op(self.worker, self, jobs.value_lists).success(self._show_value_lists).run()

    def _show_value_lists(self, lists: jobs.ValueLists) -> None:
        self.filters["industries"].set_items([(v, v) for v in lists.industries])
        self.filters["regions"].set_items([(v, v) for v in lists.regions])
        self._people = lists.people
        names = {login.casefold(): display for login, display, _ in lists.people}
        self.filters["responsible"].set_items(
            [(v, names.get(v.casefold(), v)) for v in lists.responsible]
        )
        self.model.set_people(names)
        for cards in self.cards.values():
            for card in cards:
                card.set_people(lists.people)
        self.filters["tags"].set_items([(v, v) for v in lists.tags])
        self._saved_filters = lists.saved_filters
        self._fill_saved_menu()

    def _fill_saved_menu(self) -> None:
        self.saved_menu.clear()
        for name in self._saved_filters:
            action = self.saved_menu.addAction(name)
            action.triggered.connect(lambda _=False, n=name: self.apply_saved_filter(n))
        if self._saved_filters:
            self.saved_menu.addSeparator()
        self.save_filter_action = self.saved_menu.addAction(self.tr("&Save Current Filter…"))
        self.save_filter_action.triggered.connect(self.save_current_filter)

    def filter_definition(self) -> dict:
        definition = {key: menu.selected() for key, menu in self.filters.items()}
        definition["query"] = self.ui.searchEdit.text().strip()
        return definition

    def save_current_filter(self) -> None:
        name, ok = QInputDialog.getText(
            self, self.tr("Save Filter"), self.tr("Name for the current search and filters:")
        )
        name = name.strip()
        if not ok or not name:
            return
        definition = self.filter_definition()

        def saved(filters: dict[str, dict]) -> None:
            self._saved_filters = filters
            self._fill_saved_menu()
            self.window().statusBar().showMessage(
                self.tr("Filter “{name}” saved.").format(name=name), 5000
            )

        Op(self.worker, self, jobs.save_filter(name, definition)).success(saved).run()

    def apply_saved_filter(self, name: str) -> None:
        definition = self._saved_filters.get(name, {})
        for key, menu in self.filters.items():
            menu.set_selected(definition.get(key, []))
        self.ui.searchEdit.blockSignals(True)
        self.ui.searchEdit.setText(definition.get("query", ""))
        self.ui.searchEdit.blockSignals(False)
        self.run_query()

    # ------------------------------------------------------------------ sample data
    def add_sample_data(self) -> None:
        self.ui.sampleButton.setEnabled(False)

        def done(_count: int) -> None:
            self.ui.sampleButton.setEnabled(True)
            self._reload_value_lists()
            self.run_query()

        def failed(exc: BaseException) -> None:
            from .messages import show_error

            self.ui.sampleButton.setEnabled(True)
            show_error(self, exc)

        Op(self.worker, self, jobs.add_sample_data()).success(done).failure(failed).progress(
            self.tr("Adding {n} sample customers…").format(n=jobs.SAMPLE_SIZE)
        ).run()

    # ------------------------------------------------------------------ cards
    def open_cards(self) -> list[CustomerDialog]:
        return [card for cards in self.cards.values() for card in cards]

    def open_card(self, customer_id: int | None) -> CustomerDialog | None:
        if customer_id is None or not self.active:
            return None
        for card in self.cards.get(customer_id, []):
            card.show()
            card.raise_()
            card.activateWindow()
            return card
        return self._start_card(CustomerDialog(self.window(), self.worker, customer_id))

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (self.ui.newButton, self.ui.emptyNewButton, self.ui.sampleButton):
            widget.setEnabled(not read_only)
        self.new_action.setEnabled(not read_only)
        for card in self.open_cards():
            card.set_read_only(read_only)

    def new_card(self) -> CustomerDialog | None:
        if not self.active or self.read_only:
            return None
        return self._start_card(CustomerDialog(self.window(), self.worker, None))

    def _start_card(self, card: CustomerDialog) -> CustomerDialog:
        card.set_people(self._people)
        if self.read_only:
            card.set_read_only(True)
        self.cards.setdefault(card.customer_id, []).append(card)
        if self.printing is not None:  # Print… on the card (gui/card_printing.py)
            self.printing.attach(card)
        card.saved.connect(lambda cid, c=card: self._card_saved(c, cid))
        card.open_customer.connect(self.open_card)
        card.finished.connect(lambda _=0, c=card: self._card_closed(c))
        card.show()
        return card

    def _card_saved(self, card: CustomerDialog, customer_id: int) -> None:
        for key, cards in list(self.cards.items()):  # a new card now has its id
            if card in cards and key != customer_id:
                cards.remove(card)
                if not cards:
                    del self.cards[key]
                self.cards.setdefault(customer_id, []).append(card)
        self._select_after = customer_id
        self.model.refresh_rows()
        self._reload_value_lists()
        self.run_query()

    def reload_list(self, select: int | None = None) -> None:
        """Fetch the list again after cards were deleted or merged (``select``: then select it)."""
        self._select_after = select
        self.model.refresh_rows()
        self._reload_value_lists()
        self.run_query()

    def _card_closed(self, card: CustomerDialog) -> None:
        for key, cards in list(self.cards.items()):
            if card in cards:
                cards.remove(card)
                if not cards:
                    del self.cards[key]
        if card in self._hidden_cards:
            self._hidden_cards.remove(card)
        card.deleteLater()
