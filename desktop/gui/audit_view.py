"""The audit log for the people who review it (docs/architecture.md, The audit chain; roles allowed
VIEW_AUDIT).

Entries newest first, filtered by who, what, when and which customer, a page at a time;
"Verify chain" walks the whole hash chain and names the first broken entry; the filtered
entries export to an Excel workbook, and that export is itself an audit entry.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Iterator

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidgetItem,
    QWidget,
)
from shiboken6 import isValid

from .. import errors
from ..domain import permissions
from ..domain.permissions import Action
from ..reports.audit_export import write_audit_xlsx
from ..services.accounts import AccountService
from ..services.audit import AuditEntry, AuditService, VerifyResult, local_time
from ..services.customers import CustomerService
from .customer_model import current_language
from .forms.ui_audit_view import Ui_AuditView
from .messages import error_text
from .people_names import person_label
from .worker import DbWorker, Op

PAGE = 500
EXPORT_CHUNK = 2000
COL_ID, COL_WHEN, COL_WHO, COL_COMPUTER, COL_WHAT, COL_TARGET, COL_DETAILS = range(7)


def action_labels() -> dict[str, str]:
    """The actions the program writes, in the user's language (others show their code)."""
    return {
        "login": QCoreApplication.translate("AuditView", "Logged in"),
        "login_failed": QCoreApplication.translate("AuditView", "Failed login"),
        "logout": QCoreApplication.translate("AuditView", "Logged out"),
        "user_add": QCoreApplication.translate("AuditView", "Account added"),
        "user_password_change": QCoreApplication.translate("AuditView", "Own password changed"),
        "user_password_reset": QCoreApplication.translate("AuditView", "Password reset"),
        "user_activate": QCoreApplication.translate("AuditView", "Account activated"),
        "user_deactivate": QCoreApplication.translate("AuditView", "Account deactivated"),
        "user_role": QCoreApplication.translate("AuditView", "Role changed"),
        "user_update": QCoreApplication.translate("AuditView", "Account changed"),
        "create": QCoreApplication.translate("AuditView", "Customer added"),
        "change": QCoreApplication.translate("AuditView", "Customer changed"),
        "delete": QCoreApplication.translate("AuditView", "Customer deleted"),
        "merge": QCoreApplication.translate("AuditView", "Customers merged"),
        "view_sensitive": QCoreApplication.translate("AuditView", "Sensitive data viewed"),
        "handover": QCoreApplication.translate("AuditView", "Handover"),
        "approval_request": QCoreApplication.translate("AuditView", "Request made"),
        "approval_approve": QCoreApplication.translate("AuditView", "Request approved"),
        "approval_reject": QCoreApplication.translate("AuditView", "Request rejected"),
        "approval_cancel": QCoreApplication.translate("AuditView", "Request withdrawn"),
        "approval_failed": QCoreApplication.translate("AuditView", "Approved request failed"),
        "export": QCoreApplication.translate("AuditView", "Export"),
        "print": QCoreApplication.translate("AuditView", "Printed"),
        "settings": QCoreApplication.translate("AuditView", "Settings changed"),
    }


# ---------------------------------------------------------------------- jobs (worker thread)
@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    customer: str = ""  # archive number or id, as typed


@dataclass(frozen=True)
class Page:
    entries: list[AuditEntry]
    more: bool
    offset: int
    customers: dict[str, str]  # target id → archive number, for the customers on this page


def _service(svc) -> AuditService:
    if svc.actor is None or not permissions.allowed(svc.actor, Action.VIEW_AUDIT):
        raise errors.PermissionDenied("Your role may not read the audit log.")
    return AuditService(svc.archive, svc.actor.user_name)


def _customer_id(svc, text: str) -> str | None:
    text = text.strip()
    if not text:
        return None
    try:
        return str(CustomerService(svc.archive, svc.actor).resolve(text))
    except errors.NotFound:
        if text.isdigit():
            return text  # the id of a customer deleted since: its entries stay in the log
        raise


def _query(svc, flt: AuditFilter) -> dict:
    target = _customer_id(svc, flt.customer)
    return {
        "user": flt.user,
        "action": flt.action,
        "since": flt.since,
        "until": flt.until,
        "target_type": "customer" if target else None,
        "target_id": target,
    }


def users(svc) -> list[tuple[str, str]]:
    _service(svc)
    return [(u.user_name, u.display_name) for u in AccountService(svc.archive).users()]


def page(flt: AuditFilter, offset: int, limit: int = PAGE):
    def job(svc) -> Page:
        audit = _service(svc)
        found = audit.list(**_query(svc, flt), limit=limit + 1, offset=offset)
        entries = found[:limit]
        ids = sorted(
            {
                int(e.target_id)
                for e in entries
                if e.target_type == "customer" and (e.target_id or "").isdigit()
            }
        )
        rows = CustomerService(svc.archive, svc.actor).list_rows(ids) if ids else {}
        return Page(entries, len(found) > limit, offset, {str(i): r[0] for i, r in rows.items()})

    return job


def verify(svc) -> VerifyResult:
    return _service(svc).verify()


def export(
    flt: AuditFilter, target: str, headers: dict[str, str], labels: dict[str, str], sheet_title: str
):
    def job(svc) -> int:
        audit = _service(svc)
        query = _query(svc, flt)

        def entries() -> Iterator[AuditEntry]:
            # Newest first, a chunk at a time. Entries written meanwhile land on top and push
            # the later chunks down: skipping ids at or above the last one given keeps every
            # entry exactly once.
            offset, last = 0, None
            while True:
                chunk = audit.list(**query, limit=EXPORT_CHUNK, offset=offset)
                for e in chunk:
                    if last is None or e.id < last:
                        last = e.id
                        yield e
                if len(chunk) < EXPORT_CHUNK:
                    return
                offset += EXPORT_CHUNK

        rows = write_audit_xlsx(
            target, entries(), headers=headers, action_labels=labels, sheet_title=sheet_title
        )
        filters = {
            k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in asdict(flt).items() if v
        }
        audit.log(
            "export",
            target_type="audit_log",
            details={"format": "xlsx", "rows": rows, "file": Path(target).name, "filters": filters},
        )
        return rows

    return job


# ---------------------------------------------------------------------- texts
def details_text(details: dict) -> str:
    parts = []
    for key, value in details.items():
        if value is None or value == "" or value == {}:
            continue
        if isinstance(value, (dict, list)):
            value = json.dumps(value, ensure_ascii=False)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


def verify_text(result: VerifyResult) -> str:
    """What a verification proves, in the user's words; when the chain is intact also the
    newest entry's id:hash, for the administrator to note down (``audit verify --anchor``)."""
    if result.ok:
        translate = QCoreApplication.translate
        n = result.entries_checked
        if result.tail_checked == "remembered":
            text = translate(
                "AuditView",
                "The audit chain is intact: {n} entries checked. Entry {id}, the "
                "newest this computer had seen, is still in it, so nothing it saw was cut off "
                "the end.",
            ).format(n=n, id=result.tail_id)
        elif result.tail_checked == "anchor":
            text = translate(
                "AuditView",
                "The audit chain is intact: {n} entries checked. The noted entry "
                "{id} is still in it with its hash, so nothing up to it was cut off the end.",
            ).format(n=n, id=result.tail_id)
        else:
            text = translate(
                "AuditView",
                "The audit chain is intact: {n} entries checked; but truncation at "
                "the end cannot be ruled out without an anchor (an entry noted down earlier, "
                "or one this computer has seen).",
            ).format(n=n)
        if result.last_id is not None and result.last_hash:
            text += "\n" + translate(
                "AuditView",
                "Newest entry: {anchor} (note it down to check later, on any "
                "computer, that nothing was cut off the end).",
            ).format(anchor=f"{result.last_id}:{result.last_hash}")
        return text
    e = result.broken_entry
    problem = result.problem or ""  # the storage layer's English sentence
    if e is not None:
        return QCoreApplication.translate(
            "AuditView",
            "The audit chain is broken at entry {id} ({when}, {user}, {action}): {problem}.",
        ).format(
            id=result.first_broken_id,
            when=e.local_time,
            user=e.user_name,
            action=action_labels().get(e.action, e.action),
            problem=problem,
        )
    return QCoreApplication.translate(
        "AuditView", "The audit chain is broken at entry {id}: {problem}."
    ).format(id=result.first_broken_id, problem=problem)


# ---------------------------------------------------------------------- the view
class AuditView(QDialog):
    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_AuditView()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.worker = worker
        self.language = current_language()
        self.labels = action_labels()
        self.entries: list[AuditEntry] = []
        self._who: dict[str, str] = {}  # casefolded login → "display (login)"
        self.customers: dict[str, str] = {}
        self.last_verify: VerifyResult | None = None
        self._filter = AuditFilter()

        table = self.ui.table
        titles = [
            self.tr("#"),
            self.tr("When"),
            self.tr("Who"),
            self.tr("Computer"),
            self.tr("What"),
            self.tr("Concerning"),
            self.tr("Details"),
        ]
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)

        self.ui.userCombo.addItem(self.tr("(anyone)"), None)
        self.ui.actionCombo.addItem(self.tr("(anything)"), None)
        for code, label in sorted(self.labels.items(), key=lambda kv: kv[1]):
            self.ui.actionCombo.addItem(label, code)
        today = QDate.currentDate()
        self.ui.fromDate.setDate(today.addDays(-30))
        self.ui.toDate.setDate(today)
        self.ui.fromDate.setEnabled(False)
        self.ui.toDate.setEnabled(False)
        self.ui.fromCheck.toggled.connect(self.ui.fromDate.setEnabled)
        self.ui.toCheck.toggled.connect(self.ui.toDate.setEnabled)
        for signal in (
            self.ui.userCombo.activated,
            self.ui.actionCombo.activated,
            self.ui.fromCheck.toggled,
            self.ui.toCheck.toggled,
        ):
            signal.connect(lambda *_: self.search())
        self.ui.fromDate.dateChanged.connect(
            lambda _: self.search() if self.ui.fromCheck.isChecked() else None
        )
        self.ui.toDate.dateChanged.connect(
            lambda _: self.search() if self.ui.toCheck.isChecked() else None
        )
        self.ui.customerEdit.returnPressed.connect(self.search)
        self.ui.searchButton.clicked.connect(self.search)
        self.ui.clearButton.clicked.connect(self.clear_filters)
        self.ui.moreButton.clicked.connect(self.show_more)
        self.ui.verifyButton.clicked.connect(self.verify)
        self.ui.exportButton.clicked.connect(self.export)
        self.ui.buttonBox.rejected.connect(self.close)
        self.ui.moreButton.hide()
        self.ui.verifyLabel.hide()

        Op(self.worker, self, users).success(self._fill_users).failure(lambda exc: None).run()
        self.search()

    # ------------------------------------------------------------------ filters
    def current_filter(self) -> AuditFilter:
        return AuditFilter(
            user=self.ui.userCombo.currentData(),
            action=self.ui.actionCombo.currentData(),
            since=self.ui.fromDate.date().toPython() if self.ui.fromCheck.isChecked() else None,
            until=self.ui.toDate.date().toPython() if self.ui.toCheck.isChecked() else None,
            customer=self.ui.customerEdit.text().strip(),
        )

    def set_user(self, user_name: str | None) -> None:
        index = self.ui.userCombo.findData(user_name)
        self.ui.userCombo.setCurrentIndex(max(index, 0))
        self.search()

    def clear_filters(self) -> None:
        for w in (
            self.ui.userCombo,
            self.ui.actionCombo,
            self.ui.fromCheck,
            self.ui.toCheck,
            self.ui.customerEdit,
        ):
            w.blockSignals(True)
        self.ui.userCombo.setCurrentIndex(0)
        self.ui.actionCombo.setCurrentIndex(0)
        self.ui.fromCheck.setChecked(False)
        self.ui.toCheck.setChecked(False)
        self.ui.fromDate.setEnabled(False)
        self.ui.toDate.setEnabled(False)
        self.ui.customerEdit.clear()
        for w in (
            self.ui.userCombo,
            self.ui.actionCombo,
            self.ui.fromCheck,
            self.ui.toCheck,
            self.ui.customerEdit,
        ):
            w.blockSignals(False)
        self.search()

    def _who_text(self, user_name: str) -> str:
        """Who, as the audit names them: the display name with the login name, which is the
        identity the log records (display names need not be unique)."""
        return self._who.get((user_name or "").casefold(), user_name)

    def _fill_users(self, people: list[tuple[str, str]]) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        current = self.ui.userCombo.currentData()
        self.ui.userCombo.blockSignals(True)
        while self.ui.userCombo.count() > 1:
            self.ui.userCombo.removeItem(1)
        self._who = {}
        for name, display in people:
            label = person_label(name, display)
            self.ui.userCombo.addItem(label, name)
            self._who[name.casefold()] = label
        for r, e in enumerate(self.entries):  # the rows shown before the accounts arrived
            item = self.ui.table.item(r, COL_WHO)
            if item is not None:
                item.setText(self._who_text(e.user_name))
        self.ui.userCombo.setCurrentIndex(max(self.ui.userCombo.findData(current), 0))
        self.ui.userCombo.blockSignals(False)

    # ------------------------------------------------------------------ loading
    def search(self) -> None:
        self._filter = self.current_filter()
        self._load(0)

    def show_more(self) -> None:
        self._load(len(self.entries))

    def _load(self, offset: int) -> None:
        Op(self.worker, self, page(self._filter, offset)).key(f"audit-{id(self)}").success(
            self._show_page
        ).failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.NotFound):
            text = self.tr("No customer with the archive number or id “{ref}”.").format(
                ref=self._filter.customer
            )
        else:
            text = error_text(exc)
        self.entries = []
        self.ui.table.setRowCount(0)
        self.ui.countLabel.setText(text)
        self.ui.moreButton.hide()

    def _show_page(self, found: Page) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        if found.offset == 0:
            self.entries = []
            self.customers = {}
            self.ui.table.setRowCount(0)
        self.entries.extend(found.entries)
        self.customers.update(found.customers)
        table = self.ui.table
        start = table.rowCount()
        table.setRowCount(start + len(found.entries))
        for r, e in enumerate(found.entries, start=start):
            values = {
                COL_ID: str(e.id),
                COL_WHEN: local_time(e.at),
                COL_WHO: self._who_text(e.user_name),
                COL_COMPUTER: e.computer,
                COL_WHAT: self.labels.get(e.action, e.action),
                COL_TARGET: self._target_text(e),
                COL_DETAILS: details_text(e.details),
            }
            for c, text in values.items():
                item = QTableWidgetItem(text)
                if c == COL_ID:
                    item.setData(Qt.UserRole, e.id)
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                elif c == COL_DETAILS:
                    item.setToolTip(text)
                table.setItem(r, c, item)
        if found.offset == 0:
            table.resizeColumnsToContents()
            for c, most in ((COL_TARGET, 220), (COL_WHAT, 200), (COL_COMPUTER, 160)):
                table.setColumnWidth(c, min(table.columnWidth(c) + 12, most))
        n = len(self.entries)
        self.ui.countLabel.setText(
            self.tr("The newest {n} matching entries are shown.").format(n=n)
            if found.more
            else self.tr("{n} matching entries.").format(n=n)
        )
        self.ui.moreButton.setVisible(found.more)
        self.ui.exportButton.setEnabled(bool(n))

    def _target_text(self, e: AuditEntry) -> str:
        if e.target_type == "customer" and e.target_id:
            number = self.customers.get(e.target_id)
            return (
                self.tr("customer {number}").format(number=number)
                if number
                else self.tr("customer #{id}").format(id=e.target_id)
            )
        if e.target_type == "user" and e.target_id:
            return self.tr("account {user}").format(user=e.target_id)
        if e.target_type == "audit_log":
            return self.tr("audit log")
        return " ".join(x for x in (e.target_type, e.target_id) if x)

    # ------------------------------------------------------------------ verifying
    def verify(self) -> None:
        self.ui.verifyButton.setEnabled(False)
        Op(self.worker, self, verify).success(self._verified).failure(self._verify_failed).progress(
            self.tr("Verifying the audit chain…")
        ).run()

    def _verified(self, result: VerifyResult) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        self.ui.verifyButton.setEnabled(True)
        self.last_verify = result
        self.ui.verifyLabel.setText(verify_text(result))
        self.ui.verifyLabel.setStyleSheet(
            "color: #1b5e20;" if result.ok else "color: #b00020; font-weight: 600;"
        )
        self.ui.verifyLabel.show()
        if not result.ok and result.first_broken_id is not None:
            for r, e in enumerate(self.entries):
                if e.id == result.first_broken_id:
                    self.ui.table.selectRow(r)
                    break

    def _verify_failed(self, exc: BaseException) -> None:
        self.ui.verifyButton.setEnabled(True)
        QMessageBox.warning(self, self.tr("Verify Chain"), error_text(exc))

    # ------------------------------------------------------------------ export
    def export_headers(self) -> dict[str, str]:
        return {
            "id": self.tr("Entry"),
            "at": self.tr("Time (local)"),
            "user_name": self.tr("User"),
            "computer": self.tr("Computer"),
            "action_label": self.tr("What"),
            "action": self.tr("Action code"),
            "target_type": self.tr("Target type"),
            "target_id": self.tr("Target"),
            "details": self.tr("Details"),
            "hash": self.tr("Hash (SHA-256)"),
        }

    def export(self) -> None:
        name = self.tr("audit-log-{date}.xlsx").format(date=dt.date.today().strftime("%Y%m%d"))
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the Audit Log"),
            str(Path.home() / name),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not target:
            return
        if not target.lower().endswith(".xlsx"):
            target += ".xlsx"
        self.export_to(target)

    def export_to(self, target: str) -> None:
        self.ui.exportButton.setEnabled(False)
        Op(
            self.worker,
            self,
            export(self._filter, target, self.export_headers(), self.labels, self.tr("Audit log")),
        ).success(lambda rows: self._exported(target, rows)).failure(self._export_failed).progress(
            self.tr("Exporting the audit log…")
        ).run()

    def _exported(self, target: str, rows: int) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        self.ui.exportButton.setEnabled(True)
        self.ui.noticeLabel.setText(
            self.tr("{n} entries exported to {path}.").format(n=rows, path=target)
        )
        self.search()  # the export is an entry of its own

    def _export_failed(self, exc: BaseException) -> None:
        self.ui.exportButton.setEnabled(True)
        if isinstance(exc, OSError):
            text = self.tr("The workbook could not be written: {problem}").format(
                problem=exc.strerror or str(exc)
            )
        else:
            text = error_text(exc)
        QMessageBox.warning(self, self.tr("Export the Audit Log"), text)
