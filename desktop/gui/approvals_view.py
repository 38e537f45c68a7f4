"""Approvals: the requests waiting for my decision, and the ones I made (docs/domain.md, Approvals).

Every request holds exactly what would change; the detail pane shows it field by field
(before → after) in the card's own words, so the person deciding sees what they approve.
Approving applies the change in the same transaction (the approvals service); rejecting
needs a note that the requester will read; a requester may withdraw a request still pending.
The window is not modal: it can stay open beside the list and the cards.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHeaderView,
    QInputDialog,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)
from shiboken6 import isValid

from .. import errors
from ..services.accounts import AccountService
from ..services.approvals import KIND_LABELS, Approval, ApprovalService

# Imported for its side effect too: it registers the appliers of the customer requests
# (edit, status, tier, reassign, delete, access, handover) that approve() runs.
from ..services.customers import CustomerService
from .customer_dialog import when_text, field_label, value_text
from .customer_model import current_language
from .forms.ui_approvals_view import Ui_ApprovalsView
from .messages import error_text
from .worker import DbWorker, Op

COL_ID, COL_KIND, COL_TARGET, COL_BY, COL_WHEN, COL_REASON, COL_STATE = range(7)


# ---------------------------------------------------------------------- jobs (worker thread)
@dataclass(frozen=True)
class Row:
    approval: Approval
    target: str  # "KH-2026-0001 上海东方贸易有限公司", "zhao → li", …
    requester: str  # display name


@dataclass(frozen=True)
class Lists:
    waiting: list[Row]
    mine: list[Row]


@dataclass(frozen=True)
class Summary:
    waiting: int  # requests this user may decide
    mine_pending: int  # this user's own requests still waiting
    multi_user: bool


def _names(svc) -> dict[str, str]:
    return {login.casefold(): display for login, display, _ in AccountService(svc.archive).people()}


def _target(a: Approval, known: dict[int, tuple]) -> str:
    p = a.payload
    if a.kind == "handover":
        return f"{p.get('from_user', '')} → {p.get('to_user', '')}"
    if a.kind in ("loan", "loan_renewal"):
        return " ".join(str(x) for x in (p.get("item_no"), p.get("item")) if x)
    if p.get("archive_no") or p.get("name"):
        return " ".join(str(x) for x in (p.get("archive_no"), p.get("name")) if x)
    if a.target_type == "customer" and a.target_id is not None:
        row = known.get(int(a.target_id))
        return f"{row[0]} {row[1]}" if row else f"#{a.target_id}"
    return ""


def lists(svc) -> Lists:
    service = ApprovalService(svc.archive, svc.actor)
    waiting, mine = service.waiting_for_me(), service.asked_by_me()
    # Requests that name no customer by itself (access): the decider may see every customer
    # they decide about, so the list gives its number and name. Not for one's own requests:
    # an access request is about a customer one does not see yet.
    missing = [
        int(a.target_id)
        for a in waiting
        if a.target_type == "customer"
        and a.target_id is not None
        and not a.payload.get("archive_no")
    ]
    known = CustomerService(svc.archive, svc.actor).list_rows(missing) if missing else {}
    names = _names(svc)

    def row(a: Approval, known_rows: dict) -> Row:
        return Row(a, _target(a, known_rows), names.get(a.requested_by.casefold(), a.requested_by))

    return Lists([row(a, known) for a in waiting], [row(a, {}) for a in mine])


def summary(svc) -> Summary:
    service = ApprovalService(svc.archive, svc.actor)
    mine = sum(1 for a in service.asked_by_me() if a.state == "pending")
    return Summary(len(service.waiting_for_me()), mine, AccountService(svc.archive).multi_user())


def approve(approval_id: int, note: str | None = None):
    return lambda svc: ApprovalService(svc.archive, svc.actor).approve(approval_id, note)


def reject(approval_id: int, note: str):
    return lambda svc: ApprovalService(svc.archive, svc.actor).reject(approval_id, note)


def cancel(approval_id: int):
    def job(svc) -> Approval:
        service = ApprovalService(svc.archive, svc.actor)
        service.cancel(approval_id)
        return service.get(approval_id)

    return job


# ---------------------------------------------------------------------- texts
def kind_label(kind: str, language: str) -> str:
    en, zh = KIND_LABELS.get(kind, (kind, kind))
    return zh if language == "zh" else en


def state_label(state: str) -> str:
    return {
        "pending": QCoreApplication.translate("ApprovalsView", "waiting"),
        "approved": QCoreApplication.translate("ApprovalsView", "approved"),
        "applied": QCoreApplication.translate("ApprovalsView", "approved and applied"),
        "rejected": QCoreApplication.translate("ApprovalsView", "rejected"),
        "cancelled": QCoreApplication.translate("ApprovalsView", "withdrawn"),
        "failed": QCoreApplication.translate("ApprovalsView", "approved, could not be applied"),
    }.get(state, state)


def change_rows(a: Approval, language: str) -> list[tuple[str, str, str]]:
    """What the request would change, as (what, before, after) rows."""
    p = a.payload
    if a.kind in ("edit", "status", "tier", "reassign"):
        changes = p.get("changes") or {}
        before = p.get("before")
        names = list(before) if before is not None else list(changes)
        rows = [
            (
                field_label(n, language),
                value_text(n, before.get(n) if before else None, language),
                value_text(n, changes.get(n), language),
            )
            for n in names
        ]
        if p.get("contacts") is not None:
            people = "; ".join(
                " ".join(str(c.get(k)) for k in ("name", "title", "phone", "mobile") if c.get(k))
                for c in p["contacts"]
            )
            rows.append(
                (
                    field_label("contacts", language),
                    "",
                    people or QCoreApplication.translate("ApprovalsView", "(no contacts)"),
                )
            )
        return rows
    if a.kind == "delete":
        card = " ".join(str(x) for x in (p.get("archive_no"), p.get("name")) if x)
        return [
            (
                QCoreApplication.translate("ApprovalsView", "Customer card"),
                card,
                QCoreApplication.translate("ApprovalsView", "deleted"),
            )
        ]
    if a.kind == "handover":
        return [
            (
                QCoreApplication.translate("ApprovalsView", "Responsible for all customers of"),
                str(p.get("from_user", "")),
                str(p.get("to_user", "")),
            )
        ]
    if a.kind == "access":
        card = " ".join(str(x) for x in (p.get("archive_no"), p.get("name")) if x)
        return [
            (
                QCoreApplication.translate("ApprovalsView", "Access to the card"),
                card,
                QCoreApplication.translate("ApprovalsView", "for {n} hours").format(
                    n=p.get("hours", 24)
                ),
            )
        ]
    if a.kind == "loan":
        return [
            (
                QCoreApplication.translate("ApprovalsView", "Borrower"),
                "",
                str(p.get("borrower", "")),
            ),
            (
                QCoreApplication.translate("ApprovalsView", "Loan period"),
                "",
                "{start} — {end}".format(
                    start=p.get("wanted_from", ""), end=p.get("wanted_until", "")
                ),
            ),
            (
                QCoreApplication.translate("ApprovalsView", "Value class"),
                "",
                QCoreApplication.translate("ApprovalsView", "valuable: a manager decides")
                if p.get("value_class") == "valuable"
                else QCoreApplication.translate("ApprovalsView", "ordinary"),
            ),
        ]
    if a.kind == "loan_renewal":
        return [
            (
                QCoreApplication.translate("ApprovalsView", "Due back"),
                str(p.get("due", "")),
                str(p.get("new_due", "")),
            )
        ]
    return [(str(k), "", str(v)) for k, v in p.items()]


# ---------------------------------------------------------------------- the view
class ApprovalsView(QDialog):
    decided = Signal(object)  # the Approval after a decision or withdrawal

    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_ApprovalsView()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.worker = worker
        self.language = current_language()
        self.lists: Lists | None = None
        titles = [
            self.tr("#"),
            self.tr("Request"),
            self.tr("Customer / subject"),
            self.tr("Asked by"),
            self.tr("When"),
            self.tr("Reason"),
            self.tr("State"),
        ]
        for table in (self.ui.waitingTable, self.ui.mineTable):
            table.setColumnCount(len(titles))
            table.setHorizontalHeaderLabels(titles)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.Interactive)
            header.setStretchLastSection(False)
            header.setSectionResizeMode(COL_REASON, QHeaderView.Stretch)
            table.itemSelectionChanged.connect(self._show_detail)
        self.ui.mineTable.setColumnHidden(COL_BY, True)  # that is me
        self.ui.changesTable.setColumnCount(3)
        self.ui.changesTable.setHorizontalHeaderLabels(
            [self.tr("What"), self.tr("Before"), self.tr("After")]
        )
        self.ui.changesTable.verticalHeader().hide()
        header = self.ui.changesTable.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)  # before and after side by side,
        header.setSectionResizeMode(2, QHeaderView.Stretch)  # as wide as each other
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.tabs.currentChanged.connect(lambda _: self._show_detail())
        self.ui.approveButton.clicked.connect(self.approve)
        self.ui.rejectButton.clicked.connect(self.reject_request)
        self.ui.cancelRequestButton.clicked.connect(self.cancel_request)
        self.ui.refreshButton.clicked.connect(self.reload)
        self.ui.buttonBox.rejected.connect(self.close)
        self._show_detail()
        self.reload()

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        Op(self.worker, self, lists).key(f"approvals-{id(self)}").success(self._fill).run()

    def _fill(self, data: Lists) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        selected = self.current()
        self.lists = data
        self._fill_table(self.ui.waitingTable, data.waiting)
        self._fill_table(self.ui.mineTable, data.mine)
        self.ui.waitingEmpty.setVisible(not data.waiting)
        self.ui.mineEmpty.setVisible(not data.mine)
        self.ui.tabs.setTabText(0, self.tr("Waiting for Me ({n})").format(n=len(data.waiting)))
        pending = sum(1 for r in data.mine if r.approval.state == "pending")
        self.ui.tabs.setTabText(1, self.tr("My Requests ({n} waiting)").format(n=pending))
        if selected is not None:
            self.select(selected.id)
        self._show_detail()

    def _fill_table(self, table: QTableWidget, rows: list[Row]) -> None:
        table.setSortingEnabled(False)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            a = row.approval
            values = {
                COL_ID: str(a.id),
                COL_KIND: kind_label(a.kind, self.language),
                COL_TARGET: row.target,
                COL_BY: row.requester,
                COL_WHEN: when_text(a.requested_at),
                COL_REASON: a.reason,
                COL_STATE: state_label(a.state),
            }
            for c, text in values.items():
                item = QTableWidgetItem(text)
                if c == COL_ID:
                    item.setData(Qt.UserRole, a.id)
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if c == COL_REASON:
                    item.setToolTip(a.reason)
                table.setItem(r, c, item)
        table.resizeColumnsToContents()
        for c, most in ((COL_TARGET, 260), (COL_KIND, 200), (COL_BY, 120)):
            table.setColumnWidth(c, min(table.columnWidth(c) + 12, most))

    # ------------------------------------------------------------------ selection
    def _table(self) -> QTableWidget:
        return self.ui.waitingTable if self.ui.tabs.currentIndex() == 0 else self.ui.mineTable

    def _rows(self) -> list[Row]:
        if self.lists is None:
            return []
        return self.lists.waiting if self.ui.tabs.currentIndex() == 0 else self.lists.mine

    def current_row(self) -> Row | None:
        table = self._table()
        r = table.currentRow()
        rows = self._rows()
        if r < 0 or r >= len(rows) or not table.selectionModel().hasSelection():
            return None
        return rows[r]

    def current(self) -> Approval | None:
        row = self.current_row()
        return row.approval if row else None

    def select(self, approval_id: int) -> bool:
        table = self._table()
        for r, row in enumerate(self._rows()):
            if row.approval.id == approval_id:
                table.selectRow(r)
                return True
        return False

    def _show_detail(self) -> None:
        row = self.current_row()
        waiting_tab = self.ui.tabs.currentIndex() == 0
        pending = row is not None and row.approval.state == "pending"
        self.ui.approveButton.setVisible(waiting_tab)
        self.ui.rejectButton.setVisible(waiting_tab)
        self.ui.cancelRequestButton.setVisible(not waiting_tab)
        self.ui.approveButton.setEnabled(pending and waiting_tab)
        self.ui.rejectButton.setEnabled(pending and waiting_tab)
        self.ui.cancelRequestButton.setEnabled(pending and not waiting_tab)
        table = self.ui.changesTable
        if row is None:
            self.ui.detailTitle.setText(self.tr("Choose a request to see what it would change."))
            self.ui.detailInfo.clear()
            table.setRowCount(0)
            return
        a = row.approval
        self.ui.detailTitle.setText(
            self.tr("#{id} · {kind} · {target}").format(
                id=a.id, kind=kind_label(a.kind, self.language), target=row.target
            )
        )
        lines = [
            self.tr("Asked by {user} on {when}. Reason: {reason}").format(
                user=row.requester, when=when_text(a.requested_at), reason=a.reason
            )
        ]
        if a.state == "pending":
            lines.append(self.tr("Waiting for a decision."))
        elif a.state == "cancelled":
            lines.append(self.tr("Withdrawn on {when}.").format(when=when_text(a.decided_at)))
        else:
            lines.append(
                self.tr("Decided by {user} on {when}: {state}.").format(
                    user=a.decided_by or "",
                    when=when_text(a.decided_at),
                    state=state_label(a.state),
                )
            )
            if a.decision_note:
                lines.append(self.tr("Note: {note}").format(note=a.decision_note))
        self.ui.detailInfo.setText("\n".join(lines))
        rows = change_rows(a, self.language)
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, text in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(text))

    # ------------------------------------------------------------------ deciding
    def approve(self) -> None:
        a = self.current()
        if a is None or a.state != "pending":
            return
        note = None
        if a.kind == "delete":
            note = self._confirm_deletion(a)
            if note is None:
                return
        self._decide(approve(a.id, note), a)

    def _confirm_deletion(self, a: Approval) -> str | None:
        """Approving a deletion deletes the card at once: ask first (default No), then for
        the note kept with the decision. None: not approved."""
        name = str(a.payload.get("name") or "")
        number = str(a.payload.get("archive_no") or "")
        title = self.tr("Approve Request #{id}").format(id=a.id)
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "Approving deletes the card of {name} ({number}) at once, with "
                "its contacts, logs and attachments. Delete it?"
            ).format(name=name, number=number),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        if answer != QMessageBox.Yes:
            return None
        note, ok = QInputDialog.getText(
            self,
            title,
            self.tr("A note for the decision (kept with it; the person who asked will read it):"),
        )
        if not ok:
            return None
        if not note.strip():
            QMessageBox.information(
                self, title, self.tr("Not approved: approving a deletion needs a note.")
            )
            return None
        return note.strip()

    def reject_request(self) -> None:
        a = self.current()
        if a is None or a.state != "pending":
            return
        note, ok = QInputDialog.getText(
            self,
            self.tr("Reject Request #{id}").format(id=a.id),
            self.tr("Why is the request rejected? The person who asked will read this."),
        )
        if not ok:
            return
        if not note.strip():
            QMessageBox.information(
                self,
                self.tr("Reject Request"),
                self.tr("Not rejected: a rejection needs a note saying why."),
            )
            return
        self._decide(reject(a.id, note.strip()), a)

    def cancel_request(self) -> None:
        a = self.current()
        if a is None or a.state != "pending":
            return
        self._decide(cancel(a.id), a)

    def _decide(self, job, a: Approval) -> None:
        self._set_buttons_enabled(False)
        Op(self.worker, self, job).success(self._decided).failure(
            lambda exc: self._decision_failed(exc, a)
        ).progress(self.tr("Saving the decision…")).run()

    def _decided(self, approval: Approval) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        self.decided.emit(approval)
        self.reload()

    def _decision_failed(self, exc: BaseException, a: Approval) -> None:
        if isinstance(exc, errors.ConflictError) and "current_version" in exc.details:
            text = self.tr(
                "Request #{id} could not be applied: the card was changed after the "
                "request was made. It is marked as failed; the person who asked can "
                "make it again."
            ).format(id=a.id)
        elif isinstance(exc, errors.ConflictError):
            text = self.tr("Request #{id} was decided or withdrawn meanwhile.").format(id=a.id)
        elif isinstance(exc, errors.PermissionDenied):
            text = self.tr(
                "You may not decide request #{id}: your own requests and some kinds "
                "of request are decided by another person."
            ).format(id=a.id)
        else:
            text = error_text(exc)
        QMessageBox.warning(self, self.tr("Approvals"), text)
        self.decided.emit(a)  # it may have changed state (failed) all the same
        self.reload()

    def _set_buttons_enabled(self, enabled: bool) -> None:
        for b in (self.ui.approveButton, self.ui.rejectButton, self.ui.cancelRequestButton):
            b.setEnabled(enabled)
