"""Handover (离职交接, docs/domain.md, Changes and handover): all of a departing employee's customers to
one successor.

Managers and administrators hand over at once; a regional manager's handover becomes a
request that a manager approves. Either way the dialog says what happened: the customers
moved, or the number of the request.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget
from shiboken6 import isValid

from .. import errors
from ..services.accounts import AccountService
from . import customer_jobs as jobs
from .forms.ui_handover_dialog import Ui_HandoverDialog
from .messages import error_text
from .worker import DbWorker, Op
from .people_names import person_label


def people(svc) -> list[tuple[str, str, bool]]:
    """(user name, display name, active) of every account."""
    return AccountService(svc.archive).people()


class HandoverDialog(QDialog):
    handed_over = Signal(dict)  # the service's result: {"moved": [...], …}

    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_HandoverDialog()
        self.ui.setupUi(self)
        self.worker = worker
        self.result_value: dict | None = None
        self.request_id: int | None = None
        self._busy = False
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("&Hand Over"))
        self.ok_button.setEnabled(False)
        self.ui.buttonBox.accepted.connect(self.hand_over)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self.ui.resultLabel.hide()
        self.ui.movedList.hide()
        self.ui.reasonEdit.setPlaceholderText(self.tr("e.g. left the company on 2026-11-30"))
        Op(self.worker, self, people).success(self._fill).run()

    def _fill(self, accounts: list[tuple[str, str, bool]]) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        for name, display, active in accounts:
            label = person_label(name, display)
            if not active:
                label = self.tr("{user} – deactivated").format(user=label)
            self.ui.fromCombo.addItem(label, name)
            if active:
                self.ui.toCombo.addItem(label, name)
        # Nobody is preselected: handing over the wrong person's customers is costly to undo.
        for combo in (self.ui.fromCombo, self.ui.toCombo):
            combo.setPlaceholderText(self.tr("(choose)"))
            combo.setCurrentIndex(-1)
        self.ok_button.setEnabled(bool(accounts))

    def hand_over(self) -> None:
        if self._busy:
            return
        source, target = self.ui.fromCombo.currentData(), self.ui.toCombo.currentData()
        reason = self.ui.reasonEdit.text().strip()
        if not source or not target:
            self._show_error(self.tr("Choose who leaves and who takes over."))
            return
        if source == target:
            self._show_error(self.tr("Choose two different people."))
            return
        if not reason:
            self._show_error(
                self.tr("Give the reason for the handover; it is kept in every card's history.")
            )
            self.ui.reasonEdit.setFocus()
            return
        self._busy = True
        self.ok_button.setEnabled(False)
        self.ui.errorLabel.hide()
        Op(self.worker, self, jobs.handover(source, target, reason)).success(self._done).failure(
            self._failed
        ).progress(self.tr("Handing over…")).run()

    def _done(self, result: dict) -> None:
        self._busy = False
        self.result_value = result
        moved = result.get("moved", [])
        if moved:
            self.ui.resultLabel.setText(
                self.tr("{n} customers now belong to {user}:").format(
                    n=len(moved), user=result.get("to_user", "")
                )
            )
        else:
            self.ui.resultLabel.setText(
                self.tr("{user} was responsible for no customer; nothing was moved.").format(
                    user=result.get("from_user", "")
                )
            )
        self.ui.movedList.clear()
        for m in moved:
            self.ui.movedList.addItem(f"{m['archive_no']}  {m['name']}")
        self.ui.resultLabel.show()
        self.ui.movedList.setVisible(bool(moved))
        self.handed_over.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._busy = False
        if isinstance(exc, errors.ApprovalRequested):
            self.request_id = exc.details.get("approval_id")
            self.ui.resultLabel.setText(
                self.tr(
                    "The handover needs a manager's approval: it was sent as request #{n}. The "
                    "customers move when it is approved."
                ).format(n=self.request_id)
            )
            self.ui.resultLabel.show()
            return
        self.ok_button.setEnabled(True)
        self._show_error(error_text(exc))

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
