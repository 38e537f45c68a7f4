"""The customer card (客户基本资料卡): every field (docs/domain.md, The customer card), contacts, logs and
history.

The field editors of the four card blocks are built from the domain's field registry
(``customer_fields``); the Designer form holds the tabs, the tables and the buttons. The
dialog is not modal: several cards and the list can be open side by side.

Saving sends only the fields that changed, with the version the card was loaded at, so a
card that someone else saved meanwhile is refused (``ConflictError``) instead of silently
overwritten; the user then sees both versions field by field (``ConflictDialog``), chooses,
and the choice is saved against the new version (docs/architecture.md, Sharing a file). Follow-ups,
transactions and attachments are separate records,
added at once, and do not wait for the card's Save.
"""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from .. import errors
from ..domain.customer import (
    BLOCK_LABELS,
    CONTACT_FIELDS,
    FIELD_BY_NAME,
    FIELDS,
    FOLLOW_UP_FIELDS,
    TRANSACTION_FIELDS,
    FollowUpKind,
    Status,
    Tier,
    enum_label,
)
from ..domain import lifecycle
from ..domain.validation import format_phone
from ..services.conflicts import Changed, field_diff, merge
from ..services.customers import Card, Duplicate
from . import customer_jobs as jobs
from .conflict_dialog import ConflictDialog
from .customer_fields import EnumEditor, FieldEditor, PersonEditor, make_editor, problem_text
from .customer_model import current_language
from .forms.ui_customer_dialog import Ui_CustomerDialog
from .messages import error_text
from .table_fit import fit_columns
from .worker import DbWorker, Op

DUPLICATE_CHECK_MS = 300
SAVE_RETRY_MS = 3000  # a save that could not reach the archive is tried again this often
DUPLICATE_FIELDS = ("name", "phone", "fax", "credit_code")
MAX_DUPLICATES_SHOWN = 5
# The archive number is the office's bookkeeping, whatever block the registry files it under.
BOOKKEEPING_EXTRA = ("archive_no",)


class CustomerDialog(QDialog):
    saved = Signal(int)  # customer id, after every successful save
    open_customer = Signal(int)  # the user followed a link to another card (a duplicate)

    def __init__(self, parent: QWidget | None, worker: DbWorker, customer_id: int | None) -> None:
        super().__init__(parent)
        self.ui = Ui_CustomerDialog()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.worker = worker
        self.customer_id = customer_id
        self.version: int | None = None
        self.card: Card | None = None
        self._names: dict[str, str] = {}  # casefolded login → display name (set_people)
        self.language = current_language()
        self._busy = False
        self._force = False
        self._snapshot: dict[str, object] = {}
        self._contacts_snapshot: list[dict[str, object]] = []
        self.change_log: list[dict[str, object]] = []
        self._sending: tuple = ({}, None, False)  # the last save sent: changes, contacts, close
        self._masked_rows: dict[str, tuple[QWidget, QLineEdit, QToolButton]] = {}
        self._masked_contacts: set[tuple[int, str]] = set()
        self.conflict_dialog: ConflictDialog | None = None
        self.read_only = False  # the archive is open read-only
        self._reason: str | None = None  # the reason sent with the last save (for a retry)
        self.waiting_to_save = False  # a save waits for the archive to be reachable again
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(SAVE_RETRY_MS)
        self._retry.timeout.connect(self._save_again)

        self.editors: dict[str, FieldEditor] = {}
        self._tab_of: dict[str, QWidget] = {}
        self._build_field_tabs()
        self._setup_contacts()
        self._setup_logs()

        self.ui.dupLabel.hide()
        self.ui.dupLabel.linkActivated.connect(lambda href: self.open_customer.emit(int(href)))
        self._dup_timer = QTimer(self)
        self._dup_timer.setSingleShot(True)
        self._dup_timer.setInterval(DUPLICATE_CHECK_MS)
        self._dup_timer.timeout.connect(self.check_duplicates)
        for name in DUPLICATE_FIELDS:
            self.editors[name].changed.connect(self._dup_timer.start)
        self.editors["tier"].changed.connect(lambda: self.editors["tier_manual"].set_value(True))
        self._unsaved_shown = False  # the saved line says "unsaved changes" (over _clean_text)
        self._clean_text = ""
        for editor in self.editors.values():
            editor.changed.connect(self._show_dirty)
        self.ui.contactsTable.itemChanged.connect(self._show_dirty)

        self.ui.errorLabel.hide()
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.Save)
        self.close_button = self.ui.buttonBox.button(QDialogButtonBox.Close)
        for button in (self.save_button, self.close_button):
            button.setAutoDefault(False)
            button.setDefault(False)
        self.save_button.setToolTip(
            QKeySequence(QKeySequence.Save).toString(QKeySequence.NativeText)
        )
        self.save_button.clicked.connect(lambda: self.save())
        self.close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence.Save, self, activated=lambda: self.save())

        if customer_id is None:
            self._start_new()
        else:
            self.setWindowTitle(self.tr("Customer Card") + "[*]")
            self.ui.titleLabel.setText(self.tr("Loading…"))
            self.ui.tabs.setEnabled(False)
            self.save_button.setEnabled(False)
            self.reload()

    # ------------------------------------------------------------------ building the form
    def _build_field_tabs(self) -> None:
        forms = {
            "basic": (self.ui.basicForm, self.ui.basicTab),
            "characteristics": (self.ui.characteristicsForm, self.ui.characteristicsTab),
            "transactions": (self.ui.tradeForm, self.ui.tradeTab),
            "bookkeeping": (self.ui.bookkeepingForm, self.ui.bookkeepingTab),
        }
        specs = [FIELD_BY_NAME[n] for n in BOOKKEEPING_EXTRA] + [
            s for s in FIELDS if s.name not in BOOKKEEPING_EXTRA
        ]
        for spec in specs:
            block = "bookkeeping" if spec.name in BOOKKEEPING_EXTRA else spec.block
            form, tab = forms[block]
            editor = make_editor(spec, self.language)
            label = editor.label + ("：" if self.language == "zh" else ":")
            if spec.required:
                label = "* " + label
            form.addRow(label, editor.container)
            form.labelForField(editor.container).setBuddy(editor.editor)
            self.editors[spec.name] = editor
            self._tab_of[spec.name] = tab
        for block, (_, tab) in forms.items():
            en, zh = BLOCK_LABELS[block]
            self.ui.tabs.setTabText(self.ui.tabs.indexOf(tab), zh if self.language == "zh" else en)
        self.editors["archive_no"].line.setPlaceholderText(self.tr("given when the card is saved"))

    def _setup_contacts(self) -> None:
        table = self.ui.contactsTable
        table.setColumnCount(len(CONTACT_FIELDS))
        table.setHorizontalHeaderLabels([s.label(self.language) for s in CONTACT_FIELDS])
        table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        self.ui.contactsError.hide()
        self.ui.addContactButton.clicked.connect(self.add_contact_row)
        self.ui.removeContactButton.clicked.connect(self.remove_contact_row)

    def _setup_logs(self) -> None:
        lang = self.language
        f = {s.name: s.label(lang) for s in FOLLOW_UP_FIELDS}
        t = {s.name: s.label(lang) for s in TRANSACTION_FIELDS}
        _columns(
            self.ui.followUpsTable, [f["date"], f["kind"], f["summary"], f["by_user"]], stretch=2
        )
        _columns(
            self.ui.transactionsTable,
            [t["date"], t["amount"], t["mode"], t["payment_method"], t["contract_no"], t["note"]],
            stretch=5,
        )
        _columns(
            self.ui.attachmentsTable,
            [self.tr("File"), self.tr("Size"), self.tr("Added"), self.tr("By")],
            stretch=0,
        )
        _columns(
            self.ui.changesTable,
            [
                self.tr("When"),
                self.tr("By"),
                self.tr("Field"),
                self.tr("Before"),
                self.tr("After"),
                self.tr("Reason"),
                self.tr("Approved by"),
            ],
            stretch=5,
        )
        for table, stretch in (
            (self.ui.changesTable, 3),
            (self.ui.statusHistoryTable, 1),
            (self.ui.tierHistoryTable, 1),
        ):
            self.ui.historyLayout.setStretchFactor(table, stretch)
        _columns(
            self.ui.statusHistoryTable,
            [self.tr("When"), self.tr("From"), self.tr("To"), self.tr("By"), self.tr("Reason")],
            stretch=4,
        )
        _columns(
            self.ui.tierHistoryTable,
            [
                self.tr("When"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Set by hand"),
                self.tr("By"),
                self.tr("Reason"),
            ],
            stretch=5,
        )
        for kind in FollowUpKind:
            self.ui.followUpKind.addItem(enum_label(kind, lang), kind.value)
        today = dt.date.today()
        for edit in (self.ui.followUpDate, self.ui.txDate):
            edit.setDate(today)
        for label in (self.ui.followUpError, self.ui.transactionError, self.ui.attachmentError):
            label.hide()
        self.ui.addFollowUpButton.clicked.connect(self.add_follow_up)
        self.ui.followUpSummary.returnPressed.connect(self.add_follow_up)
        self.ui.addTransactionButton.clicked.connect(self.add_transaction)
        self.ui.addAttachmentButton.clicked.connect(self.add_attachment)
        self.ui.saveAttachmentButton.clicked.connect(self.save_attachment)
        self.ui.attachmentsTable.doubleClicked.connect(lambda _: self.save_attachment())
        self.ui.contactsTable.cellDoubleClicked.connect(self._contact_double_clicked)

    # ------------------------------------------------------------------ loading
    def _start_new(self) -> None:
        self.setWindowTitle(self.tr("New Customer Card") + "[*]")
        self.ui.titleLabel.setText(self.tr("New customer"))
        self.ui.subtitleLabel.clear()
        # A new customer may start in any status but lost (that needs a history to lose).
        status = self.editors["status"]
        assert isinstance(status, EnumEditor)
        status.set_choices([s for s in Status if s is not Status.LOST])
        status.set_value(Status.PROSPECT)
        self.editors["tier"].set_value(Tier.C)
        self._fill_contacts([])
        self.add_contact_row(focus=False)
        for tab in (
            self.ui.followUpsTab,
            self.ui.transactionsTab,
            self.ui.attachmentsTab,
            self.ui.historyTab,
        ):
            index = self.ui.tabs.indexOf(tab)
            self.ui.tabs.setTabEnabled(index, False)
            self.ui.tabs.setTabToolTip(index, self.tr("Save the new card first."))
        self._take_snapshot()
        self._contacts_snapshot = []  # an empty first contact row is not a change
        self._show_dirty()
        self.editors["name"].focus()

    def reload(self) -> None:
        if self.customer_id is None:
            return
        Op(self.worker, self, jobs.get(self.customer_id)).success(self._load).failure(
            self._load_failed
        ).run()

    def _load_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Customer Card"), error_text(exc))
        self.force_close()

    def _load(self, card: Card) -> None:
        self.card = card
        self.customer_id = card.id
        self.version = card.version
        values = card.values
        status = self.editors["status"]
        assert isinstance(status, EnumEditor)
        current = Status(values["status"])
        unavailable = {
            s: self._status_blocked_text(current, s)
            for s in Status
            if lifecycle.why_not(current, s)
        }
        status.set_choices(list(Status), unavailable)
        masked = set(card.masked)
        for name, editor in self.editors.items():
            if name in masked:
                # The editor would take the mask for a value (and a date editor cannot show
                # one): it stays empty and hidden, and a read-only line shows the mask.
                editor.set_value(None)
                self._show_masked(name, values.get(name))
            else:
                editor.set_value(values.get(name))
                self._hide_masked(name)
            editor.show_error(None)
        self._fill_contacts(card.contacts)
        self._protect_masked_contacts(card)
        self._fill_logs(card)
        self._load_changes()
        for index in range(self.ui.tabs.count()):
            self.ui.tabs.setTabEnabled(index, True)
            self.ui.tabs.setTabToolTip(index, "")
        self.ui.tabs.setEnabled(True)
        self.save_button.setEnabled(not self.read_only)
        self._show_title()
        if self.read_only:
            self.set_read_only(True)
        self._take_snapshot()

    def set_people(self, people: list[tuple[str, str, bool]]) -> None:
        """The accounts the responsible person is picked from: (login, display name, active);
        the logs and the change history name people by their display names."""
        names = {login.casefold(): display for login, display, _ in people}
        if names != self._names:
            self._names = names
            if self.card is not None:
                self._fill_logs(self.card)
            if self.change_log:
                self._fill_changes(self.change_log)
        editor = self.editors["responsible"]
        if isinstance(editor, PersonEditor):
            dirty = self.is_dirty()
            editor.set_people(people)
            if not dirty and self.card is not None:
                self._take_snapshot()  # the same value, now shown by display name

    def _person(self, login: object) -> str:
        """A login name as people know it (the display name of its account)."""
        if not login:
            return ""
        return self._names.get(str(login).casefold(), str(login))

    def _change_value(self, row: dict[str, object], which: str) -> str:
        if row["field"] == "responsible":
            return self._person(row[which])
        return value_text(str(row["field"]), row[which], self.language)

    def _status_blocked_text(self, old: Status, new: Status) -> str:
        code = lifecycle.why_not(old, new)
        old_label = enum_label(old, self.language)
        new_label = enum_label(new, self.language)
        if code == "no_relationship":
            return self.tr(
                "A customer who is still a prospect cannot be marked {new}: nobody "
                "has followed them up yet, so there is no relationship to lose. Mark "
                "them {followed} first."
            ).format(new=new_label, followed=enum_label(Status.FOLLOWED_UP, self.language))
        return self.tr(
            "A customer cannot go back from {old} to {new}: the history would say "
            "the relationship went back to before it began."
        ).format(old=old_label, new=new_label)

    def _show_title(self) -> None:
        values = self.card.values if self.card else {}
        name = str(values.get("name") or "")
        self.setWindowTitle(self.tr("{name} – Customer Card").format(name=name) + "[*]")
        self.ui.titleLabel.setText(name)
        parts = [str(values.get("archive_no") or "")]
        if values.get("status"):
            parts.append(enum_label(Status(values["status"]), self.language))
        if values.get("tier"):
            tier = Tier(values["tier"])
            parts.append(f"{tier.value} · {enum_label(tier, self.language)}")
        self.ui.subtitleLabel.setText("   ·   ".join(p for p in parts if p))

    def _take_snapshot(self) -> None:
        self._snapshot = self.field_values()
        self._contacts_snapshot = self.contact_values()
        self._show_dirty()

    def _show_dirty(self) -> None:
        """An edited card says so (the saved line, and the title's modified mark) until it is
        saved or the edits are taken back."""
        dirty = self.is_dirty()
        self.setWindowModified(dirty)
        if dirty and not self._unsaved_shown:
            self._clean_text = self.ui.savedLabel.text()
            self.ui.savedLabel.setText(self.tr("Unsaved changes."))
        elif not dirty and self._unsaved_shown:
            self.ui.savedLabel.setText(self._clean_text)
        self._unsaved_shown = dirty

    # ------------------------------------------------------------------ values
    def field_values(self) -> dict[str, object]:
        return {name: editor.value() for name, editor in self.editors.items()}

    def changes(self) -> dict[str, object]:
        """The fields that differ from the card as loaded (for a new card: from the blank
        card, so an untouched tier stays for the ABC analysis to set)."""
        return {k: v for k, v in self.field_values().items() if v != self._snapshot.get(k)}

    def contacts_changed(self) -> bool:
        return self.contact_values() != self._contacts_snapshot

    def is_dirty(self) -> bool:
        return bool(self.changes()) or self.contacts_changed()

    # ------------------------------------------------------------------ contacts
    def _fill_contacts(self, contacts: list[dict[str, object]]) -> None:
        table = self.ui.contactsTable
        table.setRowCount(0)
        for contact in contacts:
            self._append_contact(contact)
        table.resizeColumnsToContents()
        for column, spec in enumerate(CONTACT_FIELDS):  # room to type in an empty table too
            minimum = {"phone": 130, "mobile": 130, "fax": 130, "email": 180, "name": 100}.get(
                spec.name, 80
            )
            table.setColumnWidth(column, max(table.columnWidth(column) + 12, minimum))
        self.ui.contactsError.hide()

    def _append_contact(self, contact: dict[str, object]) -> int:
        table = self.ui.contactsTable
        row = table.rowCount()
        table.insertRow(row)
        for column, spec in enumerate(CONTACT_FIELDS):
            value = contact.get(spec.name)
            if spec.kind == "bool":
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemIsUserCheckable | Qt.ItemIsEnabled | Qt.ItemIsSelectable)
                item.setCheckState(Qt.Checked if value else Qt.Unchecked)
            else:
                if spec.kind == "phone" and value:
                    value = format_phone(str(value))
                item = QTableWidgetItem("" if value is None else str(value))
            table.setItem(row, column, item)
        return row

    def add_contact_row(self, focus: bool = True) -> None:
        row = self._append_contact({"is_primary": self.ui.contactsTable.rowCount() == 0})
        if focus:
            self.ui.contactsTable.setCurrentCell(row, 0)
            self.ui.contactsTable.editItem(self.ui.contactsTable.item(row, 0))

    def remove_contact_row(self) -> None:
        row = self.ui.contactsTable.currentRow()
        if row >= 0:
            self.ui.contactsTable.removeRow(row)
            self._show_dirty()

    def contact_values(self) -> list[dict[str, object]]:
        """The contacts as typed; rows left completely empty are ignored."""
        table = self.ui.contactsTable
        out = []
        for row in range(table.rowCount()):
            contact: dict[str, object] = {}
            for column, spec in enumerate(CONTACT_FIELDS):
                item = table.item(row, column)
                if spec.kind == "bool":
                    contact[spec.name] = item is not None and item.checkState() == Qt.Checked
                else:
                    contact[spec.name] = item.text() if item is not None else ""
            if any(v for k, v in contact.items() if k != "is_primary"):
                out.append(contact)
        return out

    # ------------------------------------------------------------------ saving
    def save(self, then_close: bool = False) -> None:
        if self._busy or not self.ui.tabs.isEnabled():
            return
        changes = self.changes()
        contacts = self.contact_values() if self.contacts_changed() else None
        if self.customer_id is not None and not changes and contacts is None:
            self.ui.savedLabel.setText(self.tr("No changes to save."))
            if then_close:
                self.done(QDialog.Accepted)
            return
        reason = None
        if self.customer_id is not None and changes.get("status") == Status.LOST.value:
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Mark as Lost"),
                self.tr("Why was this customer lost? The reason is kept in the card's history."),
            )
            if not ok or not reason.strip():
                self.ui.savedLabel.setText(
                    self.tr("Not saved: marking a customer as lost needs a reason.")
                )
                return
            if not self.editors["churn_reason"].value():
                changes.setdefault("churn_reason", reason)
        if self.customer_id is None:
            contacts = self.contact_values()
            self._check_before_adding(changes, contacts, then_close)
            return
        self._send(changes, reason, contacts, then_close)

    def _check_before_adding(
        self, changes: dict[str, object], contacts: list[dict[str, object]], then_close: bool
    ) -> None:
        """A new card is checked for likely duplicates first (the command line refuses them):
        the user is asked before it is saved anyway."""
        values = {n: self.editors[n].value() for n in DUPLICATE_FIELDS}
        values = {k: v for k, v in values.items() if v and str(v).strip()}
        if not values:
            self._send(changes, None, contacts, then_close)
            return

        def checked(found: list[Duplicate]) -> None:
            self._set_busy(False)
            if found:
                self.show_duplicates(found)
                if not ask_save_duplicate(self, self.duplicate_items(found, links=False)):
                    self.ui.savedLabel.setText(
                        self.tr("Not saved: the customer may already be in the archive.")
                    )
                    return
            self._send(changes, None, contacts, then_close)

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._save_failed(exc)

        self._set_busy(True)
        Op(self.worker, self, jobs.duplicates(values, None)).success(checked).failure(failed).run()

    def _send(
        self,
        changes: dict[str, object],
        reason: str | None,
        contacts: list[dict[str, object]] | None,
        then_close: bool,
    ) -> None:
        self._sending = (changes, contacts, then_close)
        self._reason = reason
        self._retry.stop()
        self._set_busy(True)
        self._clear_errors()
        Op(
            self.worker, self, jobs.save(self.customer_id, changes, self.version, reason, contacts)
        ).success(lambda card: self._saved(card, then_close)).failure(self._save_failed).progress(
            self.tr("Saving…")
        ).run()

    def _save_again(self) -> None:
        if not self.isVisible() or self._busy or not self.waiting_to_save:
            return
        changes = self.changes()
        contacts = (
            self.contact_values() if self.contacts_changed() or self.customer_id is None else None
        )
        self._send(changes, self._reason, contacts, self._sending[2])

    def _saved(self, card: Card, then_close: bool) -> None:
        self.waiting_to_save = False
        self._set_busy(False)
        self._load(card)
        self.ui.dupLabel.hide()
        self.ui.savedLabel.setText(
            self.tr("Saved at {time}.").format(time=dt.datetime.now().strftime("%H:%M"))
        )
        self.saved.emit(card.id)
        if then_close:
            self.done(QDialog.Accepted)

    def _save_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.waiting_to_save = False
        fields = exc.details.get("fields") if isinstance(exc, errors.ValidationError) else None
        if fields and set(fields) == {"reason"} and self.customer_id is not None:
            # The office's rules send this change to a manager, and a request needs a reason:
            # ask for it, then send the same change again.
            changes, contacts, then_close = self._sending
            reason, ok = QInputDialog.getText(
                self,
                self.tr("Reason for the Change"),
                self.tr(
                    "This change needs a manager's approval. Why is it needed? The manager reads "
                    "your reason, and it is kept in the card's history."
                ),
            )
            if ok and reason.strip():
                self._send(changes, reason.strip(), contacts, then_close)
            else:
                self.ui.savedLabel.setText(
                    self.tr("Not sent: a change that needs approval needs a reason.")
                )
        elif fields:
            self.show_problems(fields)
        elif isinstance(exc, errors.ApprovalRequested):
            # The change was filed as a request (the roles' rules); the card stays as it was.
            QMessageBox.information(
                self,
                self.tr("Sent for Approval"),
                self.tr(
                    "This change needs a manager's approval. It was filed as request #{n}; the card "
                    "shows it once it is approved."
                ).format(n=exc.details.get("approval_id", "")),
            )
            if self._sending[2]:  # it was saved on the way out: the card closes as asked
                self._force = True
                self.done(QDialog.Accepted)
                return
            self.reload()
        elif isinstance(exc, errors.ConflictError):
            # Someone saved this card since it was loaded: show both versions field by field.
            self.resolve_conflict(then_close=self._sending[2])
        elif isinstance(exc, (errors.ArchiveUnreachable, errors.ArchiveBusy)):
            # The drive went away (network cut, laptop asleep) or another computer kept the
            # file locked: nothing was written. The edit stays here and is sent again.
            self._show_error(
                self.tr(
                    "{problem}\nYour changes stay on screen and are saved as "
                    "soon as the archive can be reached again."
                ).format(problem=error_text(exc))
            )
            self.waiting_to_save = True
            self._retry.start()
        else:
            self._show_error(error_text(exc))

    # ------------------------------------------------------------------ others' saves
    def changed_elsewhere(self) -> None:
        """Someone else saved this card (the main window noticed): reload it if nothing here
        is unsaved; otherwise keep the edits and say what the save will do."""
        if self._busy or self.conflict_dialog is not None:
            return
        if not self.is_dirty():
            self.reload()
            self.ui.savedLabel.setText(self.tr("Updated with changes saved by someone else."))
            return
        self._show_error(
            self.tr(
                "Someone else saved this card meanwhile. Your changes are "
                "still here; when you save, you choose field by field."
            )
        )

    # ------------------------------------------------------------------ conflicts
    def resolve_conflict(self, then_close: bool = False) -> None:
        """Load the version saved meanwhile and let the user choose, field by field, between
        it and the values on screen; then save the choice against the new version."""
        base = dict(self._snapshot, contacts=self._contacts_snapshot)
        mine = dict(self.field_values(), contacts=self.contact_values())
        self._show_error(self.tr("Not saved yet: someone else saved this card meanwhile."))
        Op(self.worker, self, jobs.get(self.customer_id)).success(
            lambda card: self._show_conflict(card, base, mine, then_close)
        ).failure(lambda exc: self._show_error(error_text(exc))).run()

    def _show_conflict(self, card: Card, base: dict, mine: dict, then_close: bool) -> None:
        if not isValid(self):
            return
        self._load(card)  # the editors show the saved version, and its number is the base now
        theirs = dict(self.field_values(), contacts=self.contact_values())
        diffs = field_diff(base, theirs, mine)
        if not diffs:  # they saved what we had typed: nothing to choose
            self.ui.errorLabel.hide()
            return
        if all(d.changed is Changed.MINE for d in diffs):
            # They changed none of these fields (a follow-up, another field of no concern
            # here): nothing of theirs can be lost, so the edit is saved on top without asking.
            self._apply_values({d.name: d.mine for d in diffs})
            self.ui.errorLabel.hide()
            self.save(then_close=then_close)
            return
        who = str(card.values.get("updated_by") or self.tr("Someone else"))
        dialog = ConflictDialog(
            self,
            diffs,
            who=who,
            label=lambda n: field_label(n, self.language),
            text=self._conflict_text,
        )
        self.conflict_dialog = dialog

        def chosen() -> None:
            self._apply_values(merge(diffs, dialog.choices()))
            self.ui.errorLabel.hide()
            self.save(then_close=then_close)

        def kept_editing() -> None:
            # Nothing is decided: the user's values go back on screen, over the new version.
            self._apply_values({d.name: d.mine for d in diffs if d.changed is not Changed.THEIRS})
            self._show_error(
                self.tr(
                    "Not saved yet: your values are on screen over the version "
                    "saved meanwhile; save again when ready."
                )
            )

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(kept_editing)
        dialog.finished.connect(lambda _: setattr(self, "conflict_dialog", None))
        dialog.open()

    def _apply_values(self, values: dict[str, object]) -> None:
        for name, value in values.items():
            if name == "contacts":
                self._fill_contacts(list(value))
                continue
            editor = self.editors[name]
            if name == "status" and isinstance(editor, EnumEditor):
                editor.set_choices(list(Status))  # the service checks the transition
            editor.set_value(value)

    def _conflict_text(self, name: str, value: object) -> str:
        if name == "contacts":
            return "; ".join(
                " ".join(
                    str(c.get(k)) for k in ("name", "title", "phone", "mobile", "email") if c.get(k)
                )
                for c in (value or [])
            )
        return value_text(name, value, self.language)

    def show_problems(self, problems: dict[str, object]) -> None:
        """Each problem next to its field; the first one's tab is shown and its field focused."""
        first: FieldEditor | None = None
        contact_lines, other = [], []
        for key, problem in problems.items():
            editor = self.editors.get(key)
            if editor is not None:
                editor.show_error(problem_text(problem))
                first = first or editor
            elif key.startswith("contacts"):
                contact_lines.append(self._contact_problem(key, problem))
            else:
                other.append(problem_text(problem))
        if contact_lines:
            self.ui.contactsError.setText("\n".join(contact_lines))
            self.ui.contactsError.show()
        if first is not None:
            self.ui.tabs.setCurrentWidget(self._tab_of[first.spec.name])
            first.focus()
        elif contact_lines:
            self.ui.tabs.setCurrentWidget(self.ui.contactsTab)
        self._show_error(" ".join(other) or self.tr("Not saved: please correct the marked fields."))

    def _contact_problem(self, key: str, problem: object) -> str:
        # keys look like "contacts[0].phone"
        try:
            index = int(key.split("[", 1)[1].split("]", 1)[0])
            field = key.split(".", 1)[1]
        except (IndexError, ValueError):
            return problem_text(problem)
        spec = next((s for s in CONTACT_FIELDS if s.name == field), None)
        label = spec.label(self.language) if spec else field
        rows = [r for r in range(self.ui.contactsTable.rowCount())]
        if spec is not None and index < len(rows):
            item = self.ui.contactsTable.item(index, CONTACT_FIELDS.index(spec))
            if item is not None:
                item.setBackground(Qt.yellow)
        return self.tr("Contact {n}, {field}: {problem}").format(
            n=index + 1, field=label, problem=problem_text(problem)
        )

    def _clear_errors(self) -> None:
        for editor in self.editors.values():
            editor.show_error(None)
        self.ui.contactsError.hide()
        self.ui.errorLabel.hide()
        table = self.ui.contactsTable
        for row in range(table.rowCount()):
            for column in range(table.columnCount()):
                item = table.item(row, column)
                if item is not None:
                    item.setData(Qt.BackgroundRole, None)

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.save_button.setEnabled(not busy and not self.read_only)

    def set_read_only(self, read_only: bool) -> None:
        """The archive is open read-only: every value can be read, nothing changed."""
        if not read_only and not self.read_only:
            return
        self.read_only = read_only
        for editor in self.editors.values():
            widget = editor.editor
            if hasattr(widget, "setReadOnly"):  # text, numbers, dates: readable and copyable
                widget.setReadOnly(read_only)
            else:  # choices and check boxes
                editor.set_read_only(read_only)
        if read_only:
            self.ui.contactsTable.setEditTriggers(QAbstractItemView.NoEditTriggers)
        elif self.card is not None:
            self._protect_masked_contacts(self.card)
        for button in (
            self.save_button,
            self.ui.addContactButton,
            self.ui.removeContactButton,
            self.ui.addFollowUpButton,
            self.ui.addTransactionButton,
            self.ui.addAttachmentButton,
        ):
            button.setEnabled(not read_only)
        if read_only:
            self.ui.savedLabel.setText(
                self.tr("The archive is open read-only: this card cannot be changed.")
            )

    # ------------------------------------------------------------------ duplicates
    def check_duplicates(self) -> None:
        values = {n: self.editors[n].value() for n in DUPLICATE_FIELDS}
        values = {k: v for k, v in values.items() if v and str(v).strip()}
        if not values:
            self.ui.dupLabel.hide()
            return
        Op(self.worker, self, jobs.duplicates(values, self.customer_id)).key(
            f"dups-{id(self)}"
        ).success(self.show_duplicates).failure(lambda exc: None).run()

    def show_duplicates(self, found: list[Duplicate]) -> None:
        if not isValid(self.ui.dupLabel) or not isValid(self.editors["name"].editor):
            return  # the card was closed while the archive was searched
        if not found:
            self.ui.dupLabel.hide()
            return
        self.ui.dupLabel.setText(
            self.tr("Possibly already in the archive: {items}").format(
                items=self.duplicate_items(found)
            )
        )
        self.ui.dupLabel.show()

    def duplicate_items(self, found: list[Duplicate], links: bool = True) -> str:
        """The likely duplicates as one line: name (archive number, why)."""
        typed = " ".join(str(self.editors["name"].value() or "").split())
        why = {
            "credit_code": self.tr("same credit code"),
            "phone": self.tr("same phone number"),
            "name": self.tr("similar name"),
        }
        items = []
        for d in found[:MAX_DUPLICATES_SHOWN]:
            reason = why.get(d.reason, d.reason)
            if d.reason == "name" and typed and " ".join(d.name.split()) == typed:
                reason = self.tr("same name")
            name = f'<a href="{d.id}">{html.escape(d.name)}</a>' if links else d.name
            number = html.escape(d.archive_no) if links else d.archive_no
            items.append(
                self.tr("{link} ({number}, {why})").format(link=name, number=number, why=reason)
            )
        return "; ".join(items)

    # ------------------------------------------------------------------ sensitive fields
    def _show_masked(self, name: str, masked_text: object) -> None:
        """A masked sensitive field: the mask, read-only, and a Reveal… button."""
        editor = self.editors[name]
        if name not in self._masked_rows:
            row = QWidget(editor.container)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            line = QLineEdit(row)
            line.setReadOnly(True)
            line.setObjectName(f"masked_{name}")
            button = QToolButton(row)
            button.setObjectName(f"reveal_{name}")
            button.setText(self.tr("Reveal…"))
            button.clicked.connect(lambda _=False, n=name: self.reveal(n))
            layout.addWidget(line, 1)
            layout.addWidget(button)
            editor.container.layout().insertWidget(0, row)
            self._masked_rows[name] = (row, line, button)
        row, line, button = self._masked_rows[name]
        line.setText("" if masked_text is None else str(masked_text))
        line.setToolTip(
            self.tr(
                "Sensitive personal information, hidden from your role. "
                "Revealing it is recorded in the audit log."
            )
        )
        button.show()
        button.setEnabled(True)
        row.show()
        editor.editor.hide()

    def _hide_masked(self, name: str) -> None:
        if name in self._masked_rows:
            self._masked_rows[name][0].hide()
            self.editors[name].editor.show()

    def _protect_masked_contacts(self, card: Card) -> None:
        """Contacts are saved as a whole list: with a masked phone in it, saving would write
        the mask over the number. So a card with masked contacts keeps its contacts read-only."""
        self._masked_contacts = set()
        names = [s.name for s in CONTACT_FIELDS]
        for item in card.masked:
            if item.startswith("contacts["):
                index, field = item[len("contacts[") :].split("].", 1)
                if field in names:
                    self._masked_contacts.add((int(index), field))
        table = self.ui.contactsTable
        locked = bool(self._masked_contacts)
        table.setEditTriggers(
            QAbstractItemView.NoEditTriggers
            if locked
            else QAbstractItemView.DoubleClicked
            | QAbstractItemView.EditKeyPressed
            | QAbstractItemView.AnyKeyPressed
        )
        for button in (self.ui.addContactButton, self.ui.removeContactButton):
            button.setEnabled(not locked)
        tip = self.tr(
            "Some contact details are sensitive and hidden from your role, so the "
            "contacts cannot be changed here. Double-click a hidden value to reveal it."
        )
        table.setToolTip(tip if locked else "")
        for row, field in self._masked_contacts:
            item = table.item(row, names.index(field))
            if item is not None:
                item.setFlags(item.flags() & ~Qt.ItemIsEditable)
                item.setToolTip(
                    self.tr("Hidden: double-click to reveal (recorded in the audit log).")
                )

    def _contact_double_clicked(self, row: int, column: int) -> None:
        field = CONTACT_FIELDS[column].name
        if (row, field) in self._masked_contacts:
            self.reveal(f"contacts[{row}].{field}")

    def reveal(self, name: str) -> None:
        """Show one hidden field, for a stated purpose; the service records the view."""
        if self.customer_id is None:
            return
        if name.startswith("contacts["):
            index, field = name[len("contacts[") :].split("].", 1)
            spec = next(s for s in CONTACT_FIELDS if s.name == field)
            label = self.tr("Contact {n}, {field}").format(
                n=int(index) + 1, field=spec.label(self.language)
            )
        else:
            label = field_label(name, self.language)
        purpose, ok = QInputDialog.getText(
            self,
            self.tr("Reveal {field}").format(field=label),
            self.tr(
                "What do you need “{field}” for? Your answer is kept in the audit log with this "
                "view."
            ).format(field=label),
        )
        if not ok:
            return
        if not purpose.strip():
            self._show_error(self.tr("Not revealed: say what you need it for."))
            return
        Op(self.worker, self, jobs.reveal(self.customer_id, name, purpose.strip())).success(
            lambda value: self._revealed(name, value)
        ).failure(self._reveal_failed).run()

    def _revealed(self, name: str, value: object) -> None:
        self.ui.errorLabel.hide()
        if name.startswith("contacts["):
            index, field = name[len("contacts[") :].split("].", 1)
            column = [s.name for s in CONTACT_FIELDS].index(field)
            item = self.ui.contactsTable.item(int(index), column)
            if item is not None:
                text = "" if value is None else str(value)
                item.setText(
                    format_phone(text) if CONTACT_FIELDS[column].kind == "phone" and text else text
                )
                item.setToolTip(self.tr("Revealed; the view is recorded in the audit log."))
            self._masked_contacts.discard((int(index), field))
            return
        if name in self._masked_rows:
            _, line, button = self._masked_rows[name]
            line.setText(value_text(name, value, self.language))
            line.setToolTip(self.tr("Revealed; the view is recorded in the audit log."))
            button.hide()

    def _reveal_failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.PermissionDenied):
            text = self.tr(
                "Your role may not see this customer's sensitive information. Ask a "
                "manager if you need it."
            )
        else:
            text = error_text(exc)
        QMessageBox.warning(self, self.tr("Reveal"), text)

    # ------------------------------------------------------------------ change history
    def _load_changes(self) -> None:
        if self.customer_id is None:
            return
        Op(self.worker, self, jobs.changes(self.customer_id)).key(f"changes-{id(self)}").success(
            self._fill_changes
        ).failure(lambda exc: None).run()

    def _fill_changes(self, rows: list[dict[str, object]]) -> None:
        """Newest first: the change a user looks for is usually the latest."""
        if not isValid(self.ui.changesTable):  # the card was closed while the log was read
            return
        self.change_log = rows
        lang = self.language
        _fill(
            self.ui.changesTable,
            [
                (
                    when_text(r["at"]),
                    self._person(r["by_user"]),
                    field_label(str(r["field"]), lang),
                    self._change_value(r, "old"),
                    self._change_value(r, "new"),
                    r["reason"],
                    self._person(r["approved_by"]),
                )
                for r in reversed(rows)
            ],
        )

    # ------------------------------------------------------------------ logs
    def _fill_logs(self, card: Card) -> None:
        lang = self.language
        _fill(
            self.ui.followUpsTable,
            [
                (
                    f["date"],
                    _enum(FollowUpKind, f["kind"], lang),
                    f["summary"],
                    self._person(f["by_user"]),
                )
                for f in card.follow_ups
            ],
        )
        locale = QLocale()
        _fill(
            self.ui.transactionsTable,
            [
                (
                    t["date"],
                    locale.toString(float(t["amount"]), "f", 2),
                    t["mode"],
                    t["payment_method"],
                    t["contract_no"],
                    t["note"],
                )
                for t in card.transactions
            ],
            right=(1,),
        )
        _fill(
            self.ui.attachmentsTable,
            [
                (
                    a["file_name"],
                    locale.formattedDataSize(int(a["size"])),
                    when_text(a["added_at"]),
                    self._person(a["added_by"]),
                )
                for a in card.attachments
            ],
            data=[a["id"] for a in card.attachments],
        )
        _fill(
            self.ui.statusHistoryTable,
            [
                (
                    when_text(h["at"]),
                    _enum(Status, h["old"], lang),
                    _enum(Status, h["new"], lang),
                    self._person(h["by_user"]),
                    h["reason"],
                )
                for h in card.status_history
            ],
        )
        yes, no = self.tr("yes"), self.tr("no")
        _fill(
            self.ui.tierHistoryTable,
            [
                (
                    when_text(h["at"]),
                    h["old"],
                    h["new"],
                    yes if h["manual"] else no,
                    self._person(h["by_user"]),
                    h["reason"],
                )
                for h in card.tier_history
            ],
        )

    def _log_added(self, card: Card, clear=()) -> None:
        """A follow-up, transaction or attachment was added: that bumped the card's version.
        Take the new version only if it is ours (one more), so edits someone else saved
        meanwhile are still detected when the card is saved."""
        if self.version is not None and card.version == self.version + 1:
            self.version = card.version
        self.card = card
        self._fill_logs(card)
        for edit in clear:
            edit.clear()

    def _log_failed(self, label, exc: BaseException) -> None:
        if isinstance(exc, errors.ValidationError) and exc.details.get("fields"):
            text = " ".join(
                self.tr("{field}: {problem}").format(
                    field=_log_label(k, self.language), problem=problem_text(v)
                )
                for k, v in exc.details["fields"].items()
            )
        else:
            text = error_text(exc)
        label.setText(text)
        label.show()

    def add_follow_up(self) -> None:
        if self.customer_id is None:
            return
        self.ui.followUpError.hide()
        Op(
            self.worker,
            self,
            jobs.add_follow_up(
                self.customer_id,
                self.ui.followUpDate.date().toPython().isoformat(),
                self.ui.followUpKind.currentData(),
                self.ui.followUpSummary.text(),
            ),
        ).success(lambda card: self._log_added(card, clear=(self.ui.followUpSummary,))).failure(
            lambda exc: self._log_failed(self.ui.followUpError, exc)
        ).run()

    def add_transaction(self) -> None:
        if self.customer_id is None:
            return
        self.ui.transactionError.hide()
        values = {
            "date": self.ui.txDate.date().toPython().isoformat(),
            "amount": self.ui.txAmount.text(),
            "mode": self.ui.txMode.text() or None,
            "payment_method": self.ui.txPayment.text() or None,
            "contract_no": self.ui.txContract.text() or None,
        }
        Op(self.worker, self, jobs.add_transaction(self.customer_id, values)).success(
            lambda card: self._log_added(
                card,
                clear=(self.ui.txAmount, self.ui.txMode, self.ui.txPayment, self.ui.txContract),
            )
        ).failure(lambda exc: self._log_failed(self.ui.transactionError, exc)).run()

    def add_attachment(self) -> None:
        if self.customer_id is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Add Attachment"), str(Path.home()), self.tr("All files (*)")
        )
        if not path:
            return
        self.ui.attachmentError.hide()
        Op(self.worker, self, jobs.add_attachment(self.customer_id, path)).success(
            self._log_added
        ).failure(self._attachment_failed).progress(self.tr("Adding the attachment…")).run()

    def _attachment_failed(self, exc: BaseException) -> None:
        if isinstance(exc, errors.ValidationError) and "limit" in exc.details:
            mb = 1024 * 1024
            text = self.tr("The file is {size} MB; attachments may be at most {limit} MB.").format(
                size=QLocale().toString(exc.details["size"] / mb, "f", 1),
                limit=QLocale().toString(exc.details["limit"] / mb, "f", 0),
            )
        else:
            text = error_text(exc)
        self.ui.attachmentError.setText(text)
        self.ui.attachmentError.show()

    def save_attachment(self) -> None:
        table = self.ui.attachmentsTable
        row = table.currentRow()
        if row < 0:
            return
        item = table.item(row, 0)
        attachment_id = item.data(Qt.UserRole)
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save a Copy"), str(Path.home() / item.text())
        )
        if not target:
            return
        Op(self.worker, self, jobs.save_attachment(attachment_id, target)).success(
            lambda path: self.ui.savedLabel.setText(
                self.tr("Saved a copy as {path}.").format(path=path)
            )
        ).failure(lambda exc: self._log_failed(self.ui.attachmentError, exc)).run()

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Esc, Close and the window's close button: ask about unsaved changes first."""
        if self._force:
            super().reject()
            return
        if self._busy:  # a save is under way; it closes the card if it was asked to
            return
        if not self.is_dirty():
            super().reject()
            return
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved Changes"),
            self.tr("This card has changes that are not saved yet. Save them?"),
            QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel,
            QMessageBox.Save,
        )
        if answer == QMessageBox.Save:
            self.save(then_close=True)
        elif answer == QMessageBox.Discard:
            super().reject()

    def force_close(self) -> None:
        """Close without asking (the archive was closed)."""
        self._retry.stop()
        self._force = True
        self.reject()


def ask_save_duplicate(parent: QWidget, items: str) -> bool:
    """Save a card that looks like one already in the archive? (default: Cancel)"""
    translate = QCoreApplication.translate
    box = QMessageBox(
        QMessageBox.Warning,
        translate("CustomerDialog", "Possible Duplicate"),
        translate(
            "CustomerDialog",
            "This customer may already be in the archive: {items}. Save the new card anyway?",
        ).format(items=items),
        QMessageBox.Cancel,
        parent,
    )
    box.setTextFormat(Qt.PlainText)
    anyway = box.addButton(translate("CustomerDialog", "Save Anyway"), QMessageBox.AcceptRole)
    box.setDefaultButton(QMessageBox.Cancel)
    box.setEscapeButton(QMessageBox.Cancel)
    box.exec()
    return box.clickedButton() is anyway


# ---------------------------------------------------------------------- field texts
def field_label(name: str, language: str) -> str:
    """A field's label as the card shows it (also for the change log and approvals)."""
    spec = FIELD_BY_NAME.get(name)
    if spec is not None:
        return spec.label(language)
    translate = QCoreApplication.translate
    return {
        "contacts": translate("CustomerDialog", "Contacts"),
        "(deleted)": translate("CustomerDialog", "Card deleted"),
    }.get(name, name)


def value_text(name: str, raw: object, language: str) -> str:
    """A stored value (as kept in the change log or a request) as the card shows it."""
    if raw is None or raw == "":
        return ""
    spec = FIELD_BY_NAME.get(name)
    if spec is None:
        return str(raw)
    if spec.kind == "enum" and spec.enum is not None:
        text = _enum(spec.enum, getattr(raw, "value", raw), language)
        return f"{getattr(raw, 'value', raw)} · {text}" if spec.enum is Tier else text
    if spec.kind == "bool":
        yes = str(raw).strip().lower() in ("1", "true", "yes")
        return (
            QCoreApplication.translate("CustomerDialog", "yes")
            if yes
            else QCoreApplication.translate("CustomerDialog", "no")
        )
    if spec.kind == "phone":
        return format_phone(str(raw))
    if spec.kind == "tags" and isinstance(raw, (list, tuple)):
        return ", ".join(str(t) for t in raw)
    return str(raw)


# ---------------------------------------------------------------------- table helpers
def _columns(table: QTableWidget, titles: list[str], stretch: int) -> None:
    table.setColumnCount(len(titles))
    table.setHorizontalHeaderLabels(titles)
    table.verticalHeader().hide()
    fit_columns(table, stretch)


def _fill(table: QTableWidget, rows: list[tuple], data: list | None = None, right=()) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem("" if value is None else str(value))
            if c in right:
                item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
            if data is not None and c == 0:
                item.setData(Qt.UserRole, data[r])
            table.setItem(r, c, item)


def _enum(enum_type, raw, language: str) -> str:
    if raw in (None, ""):
        return ""
    try:
        return enum_label(enum_type(raw), language)
    except ValueError:
        return str(raw)


def when_text(iso: object) -> str:
    try:
        return dt.datetime.fromisoformat(str(iso)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(iso or "")


def _log_label(name: str, language: str) -> str:
    for spec in FOLLOW_UP_FIELDS + TRANSACTION_FIELDS:
        if spec.name == name:
            return spec.label(language)
    return name
