"""Tables whose one wide column (a name, a description, a reason) is never cut short.

The other columns fit their contents; the wide one takes the room left, but not less than its
longest text (up to ``cap`` pixels): a narrow table scrolls sideways instead of showing
"北京东方…". A text longer than the cap is elided and shows in full as the cell's tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableWidget
from shiboken6 import isValid

WIDE_COLUMN_CAP = (
    280  # pixels: past this a text is elided (with its tooltip) rather than scrolled to
)


class FitColumns(QObject):
    def __init__(self, table: QTableWidget, column: int, cap: int = WIDE_COLUMN_CAP) -> None:
        super().__init__(table)
        self.table, self.column, self.cap = table, column, cap
        self._pending = False
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(column, QHeaderView.Stretch)
        table.viewport().installEventFilter(self)
        model = table.model()
        for signal in (
            model.rowsInserted,
            model.modelReset,
            model.dataChanged,
            model.layoutChanged,
        ):
            signal.connect(self.later)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Resize:
            self.later()
        return False

    def later(self, *_args) -> None:
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self.fit)

    def wanted(self) -> int:
        """The wide column's width for its longest text and its title, within the cap."""
        header = self.table.horizontalHeader()
        title = header.sectionSizeFromContents(self.column).width()
        return min(max(self.table.sizeHintForColumn(self.column), title), self.cap)

    def fit(self) -> None:
        self._pending = False
        table, column = self.table, self.column
        if not isValid(table):  # closed before the queued fit ran
            return
        header = table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(table.columnCount())
            if c != column and not header.isSectionHidden(c)
        )
        wanted = self.wanted()
        if table.viewport().width() - others >= wanted:
            header.setSectionResizeMode(column, QHeaderView.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.Interactive)
            header.resizeSection(column, wanted)
        self._tooltips()

    def _tooltips(self) -> None:
        """The full text of a cell cut by the cap, as its tooltip."""
        table, column = self.table, self.column
        width = table.columnWidth(column)
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is not None:
                text = item.text()
                cut = table.sizeHintForIndex(table.indexFromItem(item)).width() > width
                if (item.toolTip() == text) != cut:
                    item.setToolTip(text if cut else "")


def fit_columns(table: QTableWidget, column: int, cap: int = WIDE_COLUMN_CAP) -> FitColumns:
    """Columns fit their contents and ``column`` is never cut below its text (see above)."""
    return FitColumns(table, column, cap)
