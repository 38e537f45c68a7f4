"""Delete and merge customers from the list: the Edit menu, the list's context menu and Del.

Both ask first (default: no) and take the reason the command line asks for
(``customers delete --reason``, ``customers merge``). A role whose deletions need a
manager's approval files a request instead (``ApprovalRequested``), as on the command line;
a merge by such a role is refused with the service's message. Neither can be undone: the
question says so (the services offer no undo for a deleted card).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox, QWidget

from .. import errors
from .customer_jobs import customers
from .customer_model import COL_ARCHIVE_NO, COL_NAME
from .messages import error_text
from .worker import DbWorker, Op


@dataclass(frozen=True)
class Deleted:
    deleted: list[int]  # cards deleted at once
    requests: list[int]  # approval requests filed instead


def delete_job(ids: list[int], reason: str):
    def job(svc) -> Deleted:
        cs = customers(svc)
        deleted, requests = [], []
        for cid in ids:
            try:
                cs.delete(cid, reason=reason)
                deleted.append(cid)
            except errors.ApprovalRequested as exc:
                requests.append(exc.details.get("approval_id"))
        return Deleted(deleted, requests)

    return job


def merge_job(keep_id: int, other_id: int, reason: str):
    return lambda svc: customers(svc).merge(keep_id, other_id, reason or None)


def ask_keep(parent: QWidget, first: str, second: str) -> int | None:
    """Which of two customers stays when they are merged: 0, 1 or None (cancelled)."""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Question,
        translate("CustomerActions", "Merge Customers"),
        translate(
            "CustomerActions",
            "Merge these two customers into one card? Everything of the other "
            "one (contacts, follow-ups, transactions, attachments, history) "
            "moves to the card you keep, and the other card is deleted. This "
            "cannot be undone.\n\n1. {first}\n2. {second}",
        ).format(first=first, second=second),
        QMessageBox.Cancel,
        parent,
    )
    box.setTextFormat(Qt.PlainText)
    one = box.addButton(translate("CustomerActions", "Keep 1"), QMessageBox.AcceptRole)
    two = box.addButton(translate("CustomerActions", "Keep 2"), QMessageBox.AcceptRole)
    box.setDefaultButton(QMessageBox.Cancel)
    box.setEscapeButton(QMessageBox.Cancel)
    box.exec()
    clicked = box.clickedButton()
    return 0 if clicked is one else 1 if clicked is two else None


class CustomerActions(QObject):
    """Delete… and Merge… for the customer list (``page``: a ``CustomerListPage``)."""

    def __init__(self, parent: QWidget, worker: DbWorker, page) -> None:
        super().__init__(parent)
        self.window = parent
        self.worker = worker
        self.page = page
        self.delete_action = QAction(self.tr("&Delete Customer…"), parent)
        self.delete_action.setShortcut(QKeySequence.Delete)
        self.delete_action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete)
        self.merge_action = QAction(self.tr("&Merge Customers…"), parent)
        self.merge_action.setStatusTip(self.tr("Merge the two selected customers into one card."))
        self.merge_action.triggered.connect(self.merge)
        self.actions = [self.delete_action, self.merge_action]
        view = page.ui.tableView
        view.addAction(self.delete_action)  # Del works where the list has the focus
        view.setContextMenuPolicy(Qt.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        view.selectionModel().selectionChanged.connect(lambda *_: self.update_enabled())
        page.model.modelReset.connect(self.update_enabled)
        self.update_enabled()

    def update_enabled(self) -> None:
        n = len(self.page.selected_ids()) if self.page.active else 0
        writable = not self.page.read_only
        self.delete_action.setEnabled(writable and n >= 1)
        self.merge_action.setEnabled(writable and n == 2)
        self.merge_action.setToolTip(
            "" if n == 2 else self.tr("Select exactly two customers to merge.")
        )

    def _context_menu(self, pos: QPoint) -> None:
        view = self.page.ui.tableView
        index = view.indexAt(pos)
        if index.isValid() and not view.selectionModel().isRowSelected(index.row(), index.parent()):
            view.selectRow(index.row())
        self.update_enabled()
        menu = QMenu(view)
        open_action = menu.addAction(self.tr("&Open"))
        open_action.setEnabled(index.isValid())
        open_action.triggered.connect(
            lambda: self.page.open_card(self.page.model.id_at(index.row()))
        )
        menu.addSeparator()
        menu.addActions(self.actions)
        self.last_menu = menu
        menu.popup(view.viewport().mapToGlobal(pos))

    def _label(self, cid: int) -> str:
        model = self.page.model
        row = model.row_of_id(cid)
        if row is None:
            return str(cid)
        name = model.data(model.index(row, COL_NAME)) or ""
        number = model.data(model.index(row, COL_ARCHIVE_NO)) or ""
        return f"{name} ({number})" if number else str(name)

    # ------------------------------------------------------------------ delete
    def delete(self) -> None:
        self.update_enabled()
        if not self.delete_action.isEnabled():
            return
        ids = self.page.selected_ids()
        title = self.tr("Delete Customer")
        if len(ids) == 1:
            text = self.tr(
                "Delete the card of {name}, with its contacts, logs and attachments? "
                "This cannot be undone."
            ).format(name=self._label(ids[0]))
        else:
            text = self.tr(
                "Delete the {n} selected cards, with their contacts, logs and "
                "attachments? This cannot be undone."
            ).format(n=len(ids))
        if (
            QMessageBox.question(
                self.window, title, text, QMessageBox.Yes | QMessageBox.No, QMessageBox.No
            )
            != QMessageBox.Yes
        ):
            return
        reason, ok = QInputDialog.getText(
            self.window,
            title,
            self.tr(
                "Why is it deleted? The reason is kept in the audit log (and shown to the manager "
                "if the deletion needs approval)."
            ),
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(
                self.window, title, self.tr("Not deleted: a deletion needs a reason.")
            )
            return
        Op(self.worker, self.window, delete_job(ids, reason.strip())).success(
            self._deleted
        ).failure(lambda exc: self._failed(title, exc)).progress(self.tr("Deleting…")).run()

    def _deleted(self, result: Deleted) -> None:
        for cid in result.deleted:
            for card in list(self.page.cards.get(cid, [])):
                card.force_close()
        if result.requests:
            QMessageBox.information(
                self.window,
                self.tr("Sent for Approval"),
                self.tr(
                    "Deleting needs a manager's approval: it was filed as request {numbers}. The card "
                    "stays until the request is approved."
                ).format(numbers=", ".join(f"#{n}" for n in result.requests)),
            )
        if result.deleted:
            n = len(result.deleted)
            self.window.statusBar().showMessage(
                self.tr("The customer card was deleted.")
                if n == 1
                else self.tr("{n} customer cards were deleted.").format(n=n),
                10000,
            )
        self._refresh()

    # ------------------------------------------------------------------ merge
    def merge(self) -> None:
        self.update_enabled()
        if not self.merge_action.isEnabled():
            return
        ids = self.page.selected_ids()
        choice = ask_keep(self.window, self._label(ids[0]), self._label(ids[1]))
        if choice is None:
            return
        keep, other = ids[choice], ids[1 - choice]
        title = self.tr("Merge Customers")
        reason, ok = QInputDialog.getText(
            self.window, title, self.tr("Why are they merged (optional; kept in the card's note)?")
        )
        if not ok:
            return
        for card in list(self.page.cards.get(other, [])):
            if card.is_dirty():
                QMessageBox.information(
                    self.window,
                    title,
                    self.tr(
                        "Not merged: the card of {name} has unsaved changes. Save or close it first."
                    ).format(name=self._label(other)),
                )
                return
        Op(self.worker, self.window, merge_job(keep, other, reason.strip())).success(
            lambda _version: self._merged(keep, other)
        ).failure(lambda exc: self._failed(title, exc)).progress(self.tr("Merging…")).run()

    def _merged(self, keep: int, other: int) -> None:
        for card in list(self.page.cards.get(other, [])):
            card.force_close()
        for card in self.page.cards.get(keep, []):
            card.reload()
        self.window.statusBar().showMessage(
            self.tr("The two customers were merged into one card."), 10000
        )
        self._refresh(select=keep)

    def _failed(self, title: str, exc: BaseException) -> None:
        QMessageBox.warning(self.window, title, error_text(exc))
        self._refresh()

    def _refresh(self, select: int | None = None) -> None:
        self.page.reload_list(select)
