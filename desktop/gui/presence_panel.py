"""Who has the archive open (docs/architecture.md, Sharing a file): a dock beside the customer list.

It shows the sessions the archive keeps (user, computer, since, last heartbeat). Sessions of
programs that stopped beating age out by themselves (``SESSION_STALE_AFTER_S``); the window
updates the panel at every heartbeat and as soon as the change watcher sees someone come or go.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QHeaderView, QTableWidgetItem, QWidget

from ..services.archive_service import SESSION_STALE_AFTER_S, SessionInfo
from .forms.ui_presence_panel import Ui_PresencePanel

COL_USER, COL_COMPUTER, COL_SINCE, COL_SEEN = range(4)


def _local(iso: str, today: dt.date) -> str:
    try:
        when = dt.datetime.fromisoformat(iso).astimezone()
    except ValueError:
        return iso
    return when.strftime("%H:%M") if when.date() == today else when.strftime("%Y-%m-%d %H:%M")


class PresencePanel(QDockWidget):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("presenceDock")
        self.setWindowTitle(self.tr("Who Is Working"))
        self.setAllowedAreas(
            Qt.LeftDockWidgetArea | Qt.RightDockWidgetArea | Qt.BottomDockWidgetArea
        )
        body = QWidget(self)
        self.ui = Ui_PresencePanel()
        self.ui.setupUi(body)
        self.setWidget(body)
        table = self.ui.sessionsTable
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels(
            [self.tr("Who"), self.tr("Computer"), self.tr("Since"), self.tr("Last seen")]
        )
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.setMaximumHeight(table.verticalHeader().defaultSectionSize() * 5)
        self.ui.noteLabel.setText(
            self.tr(
                "Each program checks in every 30 seconds; one that has not for {n} minutes "
                "(closed without saying so, or cut off) is no longer listed."
            ).format(n=SESSION_STALE_AFTER_S // 60)
        )
        self.sessions: tuple[SessionInfo, ...] = ()
        self.show_sessions(())

    def show_sessions(self, sessions) -> None:
        self.sessions = tuple(sessions)
        others = [s for s in self.sessions if not s.is_me]
        if not self.sessions:
            self.ui.summaryLabel.setText(self.tr("No archive is open."))
        elif not others:
            self.ui.summaryLabel.setText(self.tr("Only you have the archive open."))
        else:
            self.ui.summaryLabel.setText(
                self.tr("{n} other people have the archive open.").format(n=len(others))
                if len(others) > 1
                else self.tr("One other person has the archive open.")
            )
        table = self.ui.sessionsTable
        table.setRowCount(len(self.sessions))
        today = dt.date.today()
        for row, s in enumerate(self.sessions):
            who = s.who + (" " + self.tr("(you)") if s.is_me else "")
            for column, text in (
                (COL_USER, who),
                (COL_COMPUTER, s.computer),
                (COL_SINCE, _local(s.started_at, today)),
                (COL_SEEN, _local(s.heartbeat_at, today)),
            ):
                item = QTableWidgetItem(text)
                if s.is_me:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(row, column, item)

    def rows(self) -> list[tuple[str, ...]]:
        """What the table shows (tests)."""
        table = self.ui.sessionsTable
        return [
            tuple(table.item(r, c).text() for c in range(table.columnCount()))
            for r in range(table.rowCount())
        ]
