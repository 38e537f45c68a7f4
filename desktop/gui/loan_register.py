"""The archive register window (档案借阅登记簿, docs/domain.md, The archive register): the custodian's
Today view, the
register with its filters (an item's, a customer's, a borrower's), the items, and one scan
field.

Scanning: a handheld scanner types the item number and Enter into the scan field. The
register finds the item and says what comes next (hand out the approved loan, or take back
the one that is out); the matching button becomes the default, so a second Enter opens its
dialog and a third confirms it. The field is cleared and keeps the focus for the next item.

Every action runs on the database worker (``Op``) through ``LoanService``; the window only
shows what comes back. The window is not modal: it can stay open beside the customer list.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from .. import errors
from ..domain.loans import STATE_LABELS, LoanState
from ..services.loans import LoanService
from .customer_model import current_language
from .forms.ui_item_dialog import Ui_ItemDialog
from .forms.ui_loan_action_dialog import Ui_LoanActionDialog
from .forms.ui_loan_register import Ui_LoanRegister
from .forms.ui_loan_request_dialog import Ui_LoanRequestDialog
from .messages import error_text
from .table_fit import fit_columns
from .worker import DbWorker, Op

LOAN_COLUMNS = ("id", "item", "subject", "borrower", "from", "due", "state")
ITEM_COLUMNS = ("item_no", "kind", "description", "customer", "shelf", "state")


# ---------------------------------------------------------------------- jobs (worker thread)
def _svc(svc) -> LoanService:
    return LoanService(svc.archive, svc.actor)


def load(filters: dict, item_text: str):
    """Today, the filtered register and the items, in one trip to the worker."""

    def job(svc):
        loans = _svc(svc)
        f = dict(filters)
        if f.pop("item_no", None):
            f["item_id"] = loans.find_item(filters["item_no"])["id"]
        customer = f.pop("customer_no", None)
        if customer:
            row = svc.archive.query_one(
                "SELECT id FROM customers WHERE archive_no = ?", (customer,)
            )
            f["customer_id"] = row[0] if row else -1
        return (
            loans.today_view(),
            loans.list(**f, limit=2000),
            loans.list_items(text=item_text, limit=2000),
        )

    return job


def _state_text(state: str) -> str:
    en, zh = STATE_LABELS[LoanState(state)]
    return zh if current_language() == "zh" else en


def item_state_text(state: str) -> str:
    return {
        "available": QCoreApplication.translate("LoanRegister", "in store"),
        "out": QCoreApplication.translate("LoanRegister", "lent out"),
        "lost": QCoreApplication.translate("LoanRegister", "lost"),
        "damaged": QCoreApplication.translate("LoanRegister", "damaged"),
        "with_owner": QCoreApplication.translate("LoanRegister", "with its owner"),
    }.get(state, state)


def kind_text(kind: str) -> str:
    return {
        "dossier": QCoreApplication.translate("LoanRegister", "dossier"),
        "sample": QCoreApplication.translate("LoanRegister", "sample"),
        "equipment": QCoreApplication.translate("LoanRegister", "equipment"),
        "document": QCoreApplication.translate("LoanRegister", "document"),
        "customer_material": QCoreApplication.translate("LoanRegister", "customer's material"),
    }.get(kind, kind)


def loan_state_text(loan: dict) -> str:
    text = _state_text(loan["state"])
    if loan.get("overdue"):
        return QCoreApplication.translate("LoanRegister", "{state}, overdue {days} d").format(
            state=text, days=loan["days_overdue"]
        )
    if loan.get("due_soon"):
        return QCoreApplication.translate("LoanRegister", "{state}, due soon").format(state=text)
    if loan["direction"] == "taken_in":
        return QCoreApplication.translate("LoanRegister", "{state} (taken in)").format(state=text)
    return text


# ---------------------------------------------------------------------- dialogs
class LoanRequestDialog(QDialog):
    """Who wants which item, what for, from and until when."""

    def __init__(self, parent: QWidget | None, item_no: str = "") -> None:
        super().__init__(parent)
        self.ui = Ui_LoanRequestDialog()
        self.ui.setupUi(self)
        for code, label in (
            ("colleague", self.tr("colleague")),
            ("department", self.tr("department")),
            ("outside", self.tr("outside party")),
        ):
            self.ui.kindCombo.addItem(label, code)
        for code, label in (
            ("lent_out", self.tr("lent out (the item leaves the archive)")),
            ("taken_in", self.tr("taken in (a customer's material into custody)")),
        ):
            self.ui.directionCombo.addItem(label, code)
        today = QDate.currentDate()
        self.ui.fromEdit.setDate(today)
        self.ui.untilEdit.setDate(today.addDays(7))
        self.ui.itemEdit.setText(item_no)
        self.ui.buttonBox.accepted.connect(self._check)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _check(self) -> None:
        if not self.ui.itemEdit.text().strip() or not self.ui.purposeEdit.text().strip():
            self.ui.problemLabel.setText(self.tr("Give the item number and the purpose."))
            return
        self.accept()

    def values(self) -> dict:
        return {
            "item_no": self.ui.itemEdit.text().strip(),
            "borrower": self.ui.borrowerEdit.text().strip() or None,
            "borrower_kind": self.ui.kindCombo.currentData(),
            "direction": self.ui.directionCombo.currentData(),
            "purpose": self.ui.purposeEdit.text().strip(),
            "wanted_from": self.ui.fromEdit.date().toPython(),
            "wanted_until": self.ui.untilEdit.date().toPython(),
        }


class LoanActionDialog(QDialog):
    """One dialog for the actions on a loan: a note (condition, reason), and for a return
    who received it and whether it came back damaged, for a renewal the new due date."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        subject: str,
        *,
        note_label: str,
        note_required: bool = False,
        note_hint: str | None = None,
        returning: bool = False,
        renewing: bool = False,
        due: dt.date | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoanActionDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.ui.subjectLabel.setText(subject)
        self.ui.noteEditLabel.setText(note_label)
        self.note_required = note_required
        self.note_hint = note_hint or self.tr("This needs a note.")
        for w in (self.ui.receivedEditLabel, self.ui.receivedEdit, self.ui.damagedCheck):
            w.setVisible(returning)
        for w in (self.ui.dateEditLabel, self.ui.dateEdit):
            w.setVisible(renewing)
        if renewing:
            start = due or dt.date.today()
            self.ui.dateEdit.setDate(QDate(start.year, start.month, start.day).addDays(7))
        self.ui.buttonBox.accepted.connect(self._check)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.noteEdit.textChanged.connect(self._update_ok)
        self.ui.damagedCheck.toggled.connect(self._update_ok)
        self._update_ok()

    def _missing_note(self) -> bool:
        return (self.note_required or self.ui.damagedCheck.isChecked()) and not self.note()

    def _update_ok(self) -> None:
        """OK stays off, saying why in its tooltip, while a required note is missing."""
        missing = self._missing_note()
        button = self.ui.buttonBox.button(QDialogButtonBox.Ok)
        button.setEnabled(not missing)
        button.setToolTip(self.note_hint if missing else "")
        if not missing:
            self.ui.problemLabel.clear()

    def _check(self) -> None:
        if self._missing_note():
            self.ui.problemLabel.setText(self.note_hint)
            return
        self.accept()

    def note(self) -> str | None:
        return self.ui.noteEdit.text().strip() or None

    def received_by(self) -> str | None:
        return self.ui.receivedEdit.text().strip() or None

    def damaged(self) -> bool:
        return self.ui.damagedCheck.isChecked()

    def new_due(self) -> dt.date:
        return self.ui.dateEdit.date().toPython()


class ItemDialog(QDialog):
    """Register an item: a sample, equipment, a document, a customer's material."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_ItemDialog()
        self.ui.setupUi(self)
        for code in ("sample", "equipment", "document", "customer_material", "dossier"):
            self.ui.kindCombo.addItem(kind_text(code), code)
        self.ui.valueCombo.addItem(self.tr("ordinary"), "ordinary")
        self.ui.valueCombo.addItem(self.tr("valuable (a manager approves its loans)"), "valuable")
        self.ui.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.ui.buttonBox.accepted.connect(self._check)
        self.ui.buttonBox.rejected.connect(self.reject)

    def _kind_changed(self) -> None:
        self.ui.inStoreCheck.setVisible(self.ui.kindCombo.currentData() == "customer_material")

    def _check(self) -> None:
        if not self.ui.numberEdit.text().strip() or not self.ui.descriptionEdit.text().strip():
            self.ui.problemLabel.setText(self.tr("Give the item number and a description."))
            return
        self.accept()

    def values(self) -> dict:
        kind = self.ui.kindCombo.currentData()
        return {
            "item_no": self.ui.numberEdit.text().strip(),
            "kind": kind,
            "description": self.ui.descriptionEdit.text().strip(),
            "value_class": self.ui.valueCombo.currentData(),
            "customer_no": self.ui.customerEdit.text().strip() or None,
            "shelf_location": self.ui.shelfEdit.text().strip() or None,
            "custodian": self.ui.custodianEdit.text().strip() or None,
            "state": "available"
            if kind == "customer_material" and self.ui.inStoreCheck.isChecked()
            else None,
        }


# ---------------------------------------------------------------------- the window
class LoanRegister(QDialog):
    changed = Signal()  # something in the register changed (the main window may refresh)

    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_LoanRegister()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.worker = worker
        self.dialog: QDialog | None = None  # the action dialog open now (tests find it)
        self.current: dict | None = None  # the loan the buttons act on
        self.scan = None  # the last scan's result
        self.today = None
        self.rows: dict[QTableWidget, list] = {}
        self.loan_tables = (
            self.ui.handOutTable,
            self.ui.collectTable,
            self.ui.overdueTable,
            self.ui.waitingTable,
            self.ui.registerTable,
        )
        titles = [
            self.tr("#"),
            self.tr("Item"),
            self.tr("Description / customer"),
            self.tr("Borrower"),
            self.tr("From"),
            self.tr("Due"),
            self.tr("State"),
        ]
        for table in self.loan_tables:
            self._setup_table(table, titles, stretch=2)
            table.itemSelectionChanged.connect(lambda t=table: self._selected(t))
        self._setup_table(
            self.ui.readyTable,
            [
                self.tr("Item"),
                self.tr("Description"),
                self.tr("Tell"),
                self.tr("Purpose"),
                self.tr("Back since"),
            ],
            stretch=1,
        )
        self._setup_table(
            self.ui.itemsTable,
            [
                self.tr("Item"),
                self.tr("Kind"),
                self.tr("Description"),
                self.tr("Customer"),
                self.tr("Shelf"),
                self.tr("State"),
                self.tr("Queue"),
            ],
            stretch=2,
        )
        self.ui.readyBox.setMaximumHeight(170)
        for code, label in (
            (None, self.tr("All loans")),
            ("open", self.tr("Open (requested, approved, out)")),
            ("overdue", self.tr("Overdue")),
            ("due_soon", self.tr("Due soon")),
            ("returned", self.tr("Returned")),
            ("lost", self.tr("Lost")),
        ):
            self.ui.viewCombo.addItem(label, code)
        self.ui.scanEdit.returnPressed.connect(self.scan_entered)
        self.ui.handOutButton.clicked.connect(self.hand_out)
        self.ui.takeBackButton.clicked.connect(self.take_back)
        self.ui.requestButton.clicked.connect(self.request)
        self.ui.approveButton.clicked.connect(self.approve)
        self.ui.rejectButton.clicked.connect(self.reject_loan)
        self.ui.renewButton.clicked.connect(self.renew)
        self.ui.reserveButton.clicked.connect(self.reserve)
        self.ui.cancelLoanButton.clicked.connect(self.cancel_loan)
        self.ui.lostButton.clicked.connect(self.mark_lost)
        self.ui.slipButton.clicked.connect(self.save_slip)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.labelsButton.clicked.connect(self.save_labels)
        self.ui.restoreButton.clicked.connect(self.restore_item)
        self.ui.addItemButton.clicked.connect(self.add_item)
        self.ui.refreshButton.clicked.connect(self.reload)
        self.ui.buttonBox.rejected.connect(self.close)
        for edit in (
            self.ui.searchEdit,
            self.ui.itemFilter,
            self.ui.customerFilter,
            self.ui.borrowerFilter,
            self.ui.itemSearchEdit,
        ):
            edit.returnPressed.connect(self.reload)
            edit.textChanged.connect(lambda _=None, e=edit: e.text() == "" and self.reload())
        self.ui.viewCombo.currentIndexChanged.connect(lambda _: self.reload())
        self._update_buttons()
        self.ui.scanEdit.setFocus()
        self.reload()

    @staticmethod
    def _setup_table(table: QTableWidget, titles: list[str], *, stretch: int) -> None:
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.verticalHeader().hide()
        fit_columns(table, stretch)

    # ------------------------------------------------------------------ loading
    def filters(self) -> dict:
        view = self.ui.viewCombo.currentData()
        f = {
            "text": self.ui.searchEdit.text().strip() or None,
            "item_no": self.ui.itemFilter.text().strip() or None,
            "customer_no": self.ui.customerFilter.text().strip() or None,
            "borrower": self.ui.borrowerFilter.text().strip() or None,
        }
        if view == "open":
            f["open_only"] = True
        elif view in ("overdue", "due_soon"):
            f[view] = True
        elif view == "returned":
            f["state"] = "returned"
        elif view == "lost":
            f["state"] = "lost"
        return f

    _service_filters = filters

    def reload(self) -> None:
        Op(
            self.worker, self, load(self._service_filters(), self.ui.itemSearchEdit.text().strip())
        ).key(f"register-{id(self)}").success(self._fill).failure(self._failed).run()

    def _fill(self, result) -> None:
        today, register, items = result
        self.today = today
        keep = self.current["id"] if self.current else None
        self._fill_loans(self.ui.handOutTable, today.to_hand_out)
        self._fill_loans(self.ui.collectTable, today.to_collect)
        self._fill_loans(self.ui.overdueTable, today.overdue)
        self._fill_loans(self.ui.waitingTable, today.waiting)
        self._fill_loans(self.ui.registerTable, register)
        t = self.ui.tabs
        t.setTabText(
            0,
            self.tr("Today ({n})").format(
                n=len(today.to_hand_out)
                + len(today.to_collect)
                + len(today.overdue)
                + len(today.waiting)
            ),
        )
        for box, title, rows in (
            (self.ui.handOutBox, self.tr("To hand out"), today.to_hand_out),
            (self.ui.collectBox, self.tr("To collect (due soon)"), today.to_collect),
            (self.ui.overdueBox, self.tr("Overdue"), today.overdue),
            (self.ui.waitingBox, self.tr("Waiting for approval"), today.waiting),
        ):
            box.setTitle(self.tr("{title} ({n})").format(title=title, n=len(rows)))
        self.ui.readyBox.setVisible(bool(today.ready))  # room for the four lists otherwise
        self.ui.readyTable.setRowCount(len(today.ready))
        for r, res in enumerate(today.ready):
            for c, text in enumerate(
                (
                    res["item_no"],
                    res["item_description"],
                    res["borrower"],
                    res["purpose"],
                    (res["ready_at"] or "")[:16].replace("T", " "),
                )
            ):
                self.ui.readyTable.setItem(r, c, QTableWidgetItem(text))
        self.rows[self.ui.itemsTable] = items
        self.ui.itemsTable.setRowCount(len(items))
        for r, i in enumerate(items):
            customer = " ".join(
                x for x in (i.get("customer_archive_no"), i.get("customer_name")) if x
            )
            for c, text in enumerate(
                (
                    i["item_no"],
                    kind_text(i["kind"]),
                    i["description"],
                    customer,
                    i.get("shelf_location") or "",
                    item_state_text(i["state"]),
                    i.get("queue") or "",
                )
            ):
                self.ui.itemsTable.setItem(r, c, QTableWidgetItem(text))
        if keep is not None:
            self.current = next(
                (
                    loan
                    for rows in (
                        register,
                        today.to_hand_out,
                        today.to_collect,
                        today.overdue,
                        today.waiting,
                    )
                    for loan in rows
                    if loan["id"] == keep
                ),
                None,
            )
        self._update_buttons()

    def _fill_loans(self, table: QTableWidget, loans: list[dict]) -> None:
        self.rows[table] = loans
        table.blockSignals(True)
        table.setRowCount(len(loans))
        for r, loan in enumerate(loans):
            subject = loan["item_description"]
            if (
                loan.get("customer_name") and loan["customer_name"] != subject
            ):  # a dossier is named after its customer
                subject = f"{subject} · {loan['customer_name']}"
            texts = (
                str(loan["id"]),
                loan["item_no"],
                subject,
                loan["borrower"],
                loan["wanted_from"],
                loan["due"],
                loan_state_text(loan),
            )
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text)
                if loan.get("overdue"):
                    cell.setForeground(Qt.red)
                table.setItem(r, c, cell)
        table.blockSignals(False)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Archive Register"), error_text(exc))
        self.reload()

    def _selected(self, table: QTableWidget) -> None:
        rows = table.selectionModel().selectedRows()
        if rows:
            self.current = self.rows[table][rows[0].row()]
            for other in self.loan_tables:
                if other is not table:
                    other.blockSignals(True)
                    other.clearSelection()
                    other.blockSignals(False)
        self._update_buttons()

    def _update_buttons(self) -> None:
        loan = self.current
        state = loan["state"] if loan else None
        self.ui.approveButton.setEnabled(
            bool(loan and loan.get("pending_approval") or state == "requested")
        )
        self.ui.rejectButton.setEnabled(self.ui.approveButton.isEnabled())
        self.ui.renewButton.setEnabled(state == "out")
        self.ui.lostButton.setEnabled(state == "out")
        self.ui.cancelLoanButton.setEnabled(state in ("requested", "approved"))
        self.ui.slipButton.setEnabled(loan is not None)
        scan_action = self.scan.action if self.scan else None
        self.ui.handOutButton.setEnabled(state == "approved" or scan_action == "checkout")
        self.ui.takeBackButton.setEnabled(state == "out" or scan_action == "return")

    # ------------------------------------------------------------------ scanning
    def scan_entered(self) -> None:
        number = self.ui.scanEdit.text().strip()
        if not number:
            return
        self.ui.scanEdit.clear()

        def found(scan) -> None:
            self.scan = scan
            item = scan.item
            owner = (
                f" · {item['customer_name']}"
                if item.get("customer_name") and item["customer_name"] != item["description"]
                else ""
            )
            text = self.tr("{no} {description}{owner}: {state}.").format(
                no=item["item_no"],
                description=item["description"],
                owner=owner,
                state=item_state_text(item["state"]),
            )
            if scan.action == "checkout":
                text += " " + self.tr("Approved for {who} until {due}: hand it out?").format(
                    who=scan.loan["borrower"], due=scan.loan["due"]
                )
            elif scan.action == "return":
                text += " " + self.tr("Out to {who}, due {due}: take it back?").format(
                    who=scan.loan["borrower"], due=scan.loan["due"]
                )
            else:
                text += " " + self.tr("Nothing to hand out or take back.")
            self.ui.scanResult.setText(text)
            if scan.loan is not None:
                self.current = scan.loan
            self._update_buttons()
            button = {"checkout": self.ui.handOutButton, "return": self.ui.takeBackButton}.get(
                scan.action
            )
            for b in (self.ui.handOutButton, self.ui.takeBackButton):
                b.setDefault(b is button)
                b.setAutoDefault(b is button)
            if button is not None:
                button.setFocus()
            else:
                self.ui.scanEdit.setFocus()

        def missing(exc: BaseException) -> None:
            self.scan = None
            if isinstance(
                exc, errors.NotFound
            ):  # the usual case at the desk: say it in the user's words
                self.ui.scanResult.setText(self.tr("No item is numbered {no}.").format(no=number))
            else:
                self.ui.scanResult.setText(error_text(exc))
            self._update_buttons()
            self.ui.scanEdit.setFocus()

        Op(self.worker, self, lambda svc: _svc(svc).scan(number)).success(found).failure(
            missing
        ).run()

    def _after_scan_action(self) -> None:
        self.scan = None
        for b in (self.ui.handOutButton, self.ui.takeBackButton):
            b.setDefault(False)
            b.setAutoDefault(False)
        self.ui.scanEdit.setFocus()

    # ------------------------------------------------------------------ actions
    def _subject(self, loan: dict) -> str:
        return self.tr("Loan #{id}: {no} {description} — {who}").format(
            id=loan["id"],
            no=loan["item_no"],
            description=loan["item_description"],
            who=loan["borrower"],
        )

    def _run(self, fn, done_text=None) -> None:
        def ok(result) -> None:
            self.ui.scanResult.setText(done_text(result) if done_text else "")
            self.ui.scanEdit.setFocus()  # ready for the next item the scanner reads
            self.changed.emit()
            self.reload()

        Op(self.worker, self, fn).success(ok).failure(self._failed).run()

    def _open(self, dialog: QDialog, on_accept) -> None:
        self.dialog = dialog
        dialog.accepted.connect(lambda: on_accept(dialog))
        dialog.finished.connect(lambda _: setattr(self, "dialog", None))
        dialog.open()

    def _loan_for(self, action: str) -> dict | None:
        if self.scan is not None and self.scan.action == action:
            return self.scan.loan
        return self.current

    def hand_out(self) -> None:
        chosen = self._loan_for("checkout")
        if chosen is None:
            return
        lid, version = chosen["id"], chosen["version"]

        def go(d: LoanActionDialog) -> None:
            self._after_scan_action()
            self._run(
                lambda svc: _svc(svc).checkout(lid, d.note(), version=version),
                lambda loan: self.tr("Handed out {no} to {who}, due back {due}.").format(
                    no=loan["item_no"], who=loan["borrower"], due=loan["due"]
                ),
            )

        self._open(
            LoanActionDialog(
                self,
                self.tr("Hand Out"),
                self._subject(chosen),
                note_label=self.tr("&Condition:"),
                note_required=True,
                note_hint=self.tr("Say what condition the item leaves in."),
            ),
            go,
        )

    def take_back(self) -> None:
        loan = self._loan_for("return")
        if loan is None:
            return
        lid = loan["id"]

        def go(d: LoanActionDialog) -> None:
            self._after_scan_action()

            def text(result) -> str:
                out = self.tr("{no} is back.").format(no=result["loan"]["item_no"])
                nxt = result["next_in_queue"]
                if nxt:
                    out += " " + self.tr("{who} is first in the queue: tell them.").format(
                        who=nxt["borrower"]
                    )
                return out

            self._run(
                lambda svc: _svc(svc).return_(
                    lid, d.note(), received_by=d.received_by(), damaged=d.damaged()
                ),
                text,
            )

        self._open(
            LoanActionDialog(
                self,
                self.tr("Take Back"),
                self._subject(loan),
                note_label=self.tr("&Condition:"),
                returning=True,
            ),
            go,
        )

    def request(self) -> None:
        item_no = (
            self.scan.item["item_no"] if self.scan else (self.current or {}).get("item_no", "")
        )

        def go(d: LoanRequestDialog) -> None:
            v = d.values()

            def job(svc):
                loans = _svc(svc)
                item = loans.find_item(v.pop("item_no"))
                return loans.request(item["id"], **v)

            def text(loan) -> str:
                if loan["state"] == "requested":
                    return self.tr("Loan #{id} requested; it waits for approval.").format(
                        id=loan["id"]
                    )
                return self.tr("Loan #{id} approved; the custodian can hand it out.").format(
                    id=loan["id"]
                )

            self._run(job, text)

        self._open(LoanRequestDialog(self, item_no), go)

    def approve(self) -> None:
        if self.current is None:
            return
        lid = self.current["id"]
        self._run(
            lambda svc: _svc(svc).approve(lid),
            lambda loan: self.tr("Loan #{id} approved.").format(id=loan["id"]),
        )

    def reject_loan(self) -> None:
        if self.current is None:
            return
        lid = self.current["id"]
        self._open(
            LoanActionDialog(
                self,
                self.tr("Reject"),
                self._subject(self.current),
                note_label=self.tr("&Why:"),
                note_required=True,
            ),
            lambda d: self._run(
                lambda svc: _svc(svc).reject(lid, d.note()),
                lambda loan: self.tr("Loan #{id} rejected.").format(id=loan["id"]),
            ),
        )

    def cancel_loan(self) -> None:
        if self.current is None:
            return
        lid = self.current["id"]
        self._open(
            LoanActionDialog(
                self,
                self.tr("Cancel Loan"),
                self._subject(self.current),
                note_label=self.tr("&Why:"),
            ),
            lambda d: self._run(
                lambda svc: _svc(svc).cancel(lid, d.note()),
                lambda loan: self.tr("Loan #{id} cancelled.").format(id=loan["id"]),
            ),
        )

    def mark_lost(self) -> None:
        if self.current is None:
            return
        lid = self.current["id"]
        self._open(
            LoanActionDialog(
                self,
                self.tr("Mark Lost"),
                self._subject(self.current),
                note_label=self.tr("&What happened:"),
                note_required=True,
            ),
            lambda d: self._run(
                lambda svc: _svc(svc).mark_lost(lid, d.note()),
                lambda r: self.tr("{no} marked lost.").format(no=r["loan"]["item_no"]),
            ),
        )

    def renew(self) -> None:
        if self.current is None:
            return
        lid = self.current["id"]

        def text(result) -> str:
            if result["applied"]:
                return self.tr("Loan #{id} renewed until {due}.").format(
                    id=lid, due=result["loan"]["due"]
                )
            return self.tr("Renewal of loan #{id} requested; it waits for approval.").format(id=lid)

        self._open(
            LoanActionDialog(
                self,
                self.tr("Renew"),
                self._subject(self.current),
                note_label=self.tr("&Why:"),
                note_required=True,
                renewing=True,
                due=dt.date.fromisoformat(self.current["due"]),
            ),
            lambda d: self._run(lambda svc: _svc(svc).renew(lid, d.new_due(), d.note()), text),
        )

    def reserve(self) -> None:
        item_no = self.scan.item["item_no"] if self.scan else (self.current or {}).get("item_no")
        if not item_no:
            return

        def go(d: LoanActionDialog) -> None:
            def job(svc):
                loans = _svc(svc)
                return loans.reserve(loans.find_item(item_no)["id"], purpose=d.note())

            self._run(job, lambda r: self.tr("You are in the queue for {no}.").format(no=item_no))

        self._open(
            LoanActionDialog(
                self,
                self.tr("Reserve"),
                item_no,
                note_label=self.tr("&Purpose:"),
                note_required=True,
            ),
            go,
        )

    def add_item(self) -> None:
        def go(d: ItemDialog) -> None:
            v = d.values()

            def job(svc):
                customer = v.pop("customer_no")
                if customer:
                    row = svc.archive.query_one(
                        "SELECT id FROM customers WHERE archive_no = ?", (customer,)
                    )
                    if row is None:
                        raise errors.NotFound("No customer {customer}.", customer=customer)
                    v["customer_id"] = row[0]
                loans = _svc(svc)
                return loans.get_item(
                    loans.add_item(v.pop("item_no"), v.pop("kind"), v.pop("description"), **v)
                )

            self._run(job, lambda item: self.tr("Item {no} registered.").format(no=item["item_no"]))

        self._open(ItemDialog(self), go)

    def restore_item(self) -> None:
        rows = self.ui.itemsTable.selectionModel().selectedRows()
        if not rows:
            return
        item = self.rows[self.ui.itemsTable][rows[0].row()]
        self._run(
            lambda svc: _svc(svc).restore_item(item["id"]),
            lambda r: self.tr("{no} is back in store.").format(no=r["item"]["item_no"]),
        )

    # ------------------------------------------------------------------ outputs
    def _save_as(self, title: str, name: str, pattern: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(path) if path else None

    def save_slip(self) -> None:
        if self.current is None:
            return
        lid = self.current["id"]
        target = self._save_as(self.tr("Save Loan Slip"), f"loan-{lid}.pdf", self.tr("PDF (*.pdf)"))
        if target is None:
            return

        def job(svc):
            from ..reports.loan_slip import write_slip

            loans = _svc(svc)
            loan = loans.get(lid)
            path = write_slip(target, loan, lang=current_language(), printed_by=svc.actor.user_name)
            loans.audit_print("slip", [loan["item_no"]], str(path), loan_id=lid)
            return path

        self._run(job, lambda path: self.tr("Loan slip saved to {path}.").format(path=path))

    def save_labels(self) -> None:
        rows = self.ui.itemsTable.selectionModel().selectedRows()
        items = self.rows.get(self.ui.itemsTable, [])
        chosen = [items[r.row()] for r in rows] or items
        if not chosen:
            return
        target = self._save_as(self.tr("Save Labels"), "labels.pdf", self.tr("PDF (*.pdf)"))
        if target is None:
            return

        def job(svc):
            from ..reports.loan_slip import write_labels

            path = write_labels(
                target, chosen, lang=current_language(), printed_by=svc.actor.user_name
            )
            _svc(svc).audit_print("labels", [i["item_no"] for i in chosen], str(path))
            return path

        self._run(
            job,
            lambda path: self.tr("{n} label(s) saved to {path}.").format(n=len(chosen), path=path),
        )

    def export(self) -> None:
        target = self._save_as(
            self.tr("Export the Register"), "register.xlsx", self.tr("Excel (*.xlsx)")
        )
        if target is None:
            return
        filters = self._service_filters()

        def job(svc):
            from ..reports.loans_export import write_loans_xlsx

            loans = _svc(svc)
            f = dict(filters)
            if f.pop("item_no", None):
                f["item_id"] = loans.find_item(filters["item_no"])["id"]
            customer = f.pop("customer_no", None)
            if customer:
                row = svc.archive.query_one(
                    "SELECT id FROM customers WHERE archive_no = ?", (customer,)
                )
                f["customer_id"] = row[0] if row else -1
            rows = loans.list(**f, limit=10_000_000)
            path = write_loans_xlsx(target, rows, lang=current_language())
            loans.audit_export(str(path), len(rows), {k: v for k, v in filters.items() if v})
            return path, len(rows)

        self._run(
            job, lambda r: self.tr("{n} loan(s) exported to {path}.").format(n=r[1], path=r[0])
        )
