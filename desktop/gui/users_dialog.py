"""Accounts of the archive, for administrators: add, reset a password, (de)activate, role.

The account service holds the rules (docs/domain.md, Accounts and login) and is asked every time;
this dialog only
explains them: the second account makes the archive multi-user, so an administrator without
a password chooses one in the same step; the last administrator cannot be deactivated or
demoted; accounts are never deleted.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem, QWidget
from shiboken6 import isValid

from .. import errors
from ..domain import permissions
from ..domain.permissions import Action, Role, role_label
from ..services.accounts import MIN_PASSWORD_LENGTH, AccountService, User
from ..services.customers import CustomerService
from .customer_model import current_language
from .forms.ui_user_edit_dialog import Ui_UserEditDialog
from .forms.ui_users_dialog import Ui_UsersDialog
from .messages import error_text
from .worker import DbWorker, Op

COL_USER, COL_DISPLAY, COL_ROLE, COL_REGION, COL_ACTIVE, COL_PASSWORD = range(6)
MODE_ADD, MODE_PASSWORD, MODE_ROLE = "add", "password", "role"


# ---------------------------------------------------------------------- jobs (worker thread)
@dataclass(frozen=True)
class Accounts:
    users: list[User]
    me: str  # the acting administrator's user name
    regions: list[str]  # regions in use by customers (suggestions)

    def get(self, user_name: str) -> User | None:
        return next((u for u in self.users if u.user_name == user_name), None)


def _require_admin(svc) -> None:
    if svc.actor is None or not permissions.allowed(svc.actor, Action.MANAGE_USERS):
        raise errors.PermissionDenied("Only an administrator can manage accounts.")


def accounts(svc) -> Accounts:
    _require_admin(svc)
    regions = CustomerService(svc.archive, svc.actor).value_lists().get("region", [])
    return Accounts(AccountService(svc.archive).users(), svc.actor.user_name, regions)


def add_user(values: dict):
    def job(svc) -> User:
        return AccountService(svc.archive).add_user(svc.actor, **values)

    return job


def reset_password(user_name: str, password: str):
    return lambda svc: AccountService(svc.archive).reset_password(svc.actor, user_name, password)


def set_active(user_name: str, active: bool):
    return lambda svc: AccountService(svc.archive).set_active(svc.actor, user_name, active)


def set_role(user_name: str, role: str, region: str | None):
    return lambda svc: AccountService(svc.archive).set_role(svc.actor, user_name, role, region)


# ---------------------------------------------------------------------- messages
def account_problem(exc: BaseException, user_name: str = "") -> str:
    """An account service error in the user's language, by its field code where it has one."""
    if isinstance(exc, errors.ValidationError):
        fields = exc.details.get("fields") or {}
        codes = {
            ("user_name", "required"): QCoreApplication.translate(
                "UsersDialog", "Enter a user name."
            ),
            ("user_name", "invalid"): QCoreApplication.translate(
                "UsersDialog", "A user name has at most 64 characters and no control characters."
            ),
            ("user_name", "exists"): QCoreApplication.translate(
                "UsersDialog", "There is already a user {user}."
            ).format(user=user_name),
            ("display_name", "invalid"): QCoreApplication.translate(
                "UsersDialog", "A display name has at most 100 characters."
            ),
            ("region", "required"): QCoreApplication.translate(
                "UsersDialog", "A regional manager needs a region."
            ),
            ("region", "invalid"): QCoreApplication.translate(
                "UsersDialog", "A region has at most 64 characters."
            ),
            ("password", "too_short"): QCoreApplication.translate(
                "UsersDialog", "A password needs at least {n} characters."
            ).format(n=MIN_PASSWORD_LENGTH),
            ("password", "invalid"): QCoreApplication.translate(
                "UsersDialog", "That password cannot be used; choose another."
            ),
            ("admin_password", "required"): QCoreApplication.translate(
                "UsersDialog",
                "With a second account everybody logs in with a password, and "
                "you have none yet: choose yours below.",
            ),
            ("admin_password", "too_short"): QCoreApplication.translate(
                "UsersDialog", "Your own password needs at least {n} characters."
            ).format(n=MIN_PASSWORD_LENGTH),
        }
        codes[("admin_password", "invalid")] = codes[("password", "invalid")]
        texts = [codes[(k, v)] for k, v in fields.items() if (k, v) in codes]
        if texts:
            return " ".join(texts)
    # The account service gives these two without a code (see the report): known by their text.
    if isinstance(exc, errors.PermissionDenied) and "last active administrator" in exc.message:
        return QCoreApplication.translate(
            "UsersDialog",
            "{user} is the last active administrator: make someone else "
            "administrator first, then try again.",
        ).format(user=user_name)
    if isinstance(exc, errors.PermissionDenied) and "Only an administrator" in exc.message:
        return QCoreApplication.translate(
            "UsersDialog", "Only an administrator can manage accounts."
        )
    return error_text(exc)


def role_choices(language: str) -> list[tuple[str, str]]:
    return [(r.value, role_label(r, language)) for r in Role]


# ---------------------------------------------------------------------- add / password / role
class UserEditDialog(QDialog):
    """One form for three tasks: add an account, reset a password, change role and region."""

    def __init__(
        self,
        parent: QWidget | None,
        worker: DbWorker,
        mode: str,
        data: Accounts,
        user: User | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_UserEditDialog()
        self.ui.setupUi(self)
        self.worker = worker
        self.mode = mode
        self.user = user
        self.language = current_language()
        self.result_value: object = None
        self._busy = False
        for value, label in role_choices(self.language):
            self.ui.roleCombo.addItem(label, value)
        self.ui.regionCombo.addItem("")
        self.ui.regionCombo.addItems(data.regions)
        self.ui.roleCombo.currentIndexChanged.connect(lambda _: self._role_changed())
        me = data.get(data.me)
        ok = self.ui.buttonBox.button(QDialogButtonBox.Ok)

        if mode == MODE_ADD:
            self.setWindowTitle(self.tr("Add a User"))
            self.ui.introLabel.setText(
                self.tr(
                    "The new person logs in with this user name and password. Tell them the "
                    "password in person; they choose their own at the first login."
                )
            )
            self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(Role.SALESPERSON.value))
            self.ui.adminBox.setVisible(me is not None and not me.has_password)
            ok.setText(self.tr("&Add"))
            self.ui.userNameEdit.setFocus()
        else:
            assert user is not None
            self.ui.userNameEdit.setText(user.user_name)
            self.ui.userNameEdit.setReadOnly(True)
            self.ui.displayNameEdit.setText(user.display_name)
            self._hide_row(self.ui.displayNameEdit)
            self.ui.adminBox.hide()
            self.ui.mustChangeCheck.hide()
            if mode == MODE_PASSWORD:
                self.setWindowTitle(self.tr("Reset Password"))
                self.ui.introLabel.setText(
                    self.tr(
                        "Choose a new password for {user}. They must choose their own at their next "
                        "login; a failed-login delay on the account ends."
                    ).format(user=user.display_name)
                )
                self._hide_row(self.ui.roleCombo)
                self._hide_row(self.ui.regionCombo)
                ok.setText(self.tr("&Reset Password"))
                self.ui.passwordEdit.setFocus()
            else:
                self.setWindowTitle(self.tr("Change Role or Region"))
                self.ui.introLabel.setText(
                    self.tr(
                        "What {user} may see and do follows from the role; a regional manager sees "
                        "the customers of their region."
                    ).format(user=user.display_name)
                )
                self.ui.roleCombo.setCurrentIndex(self.ui.roleCombo.findData(user.role.value))
                self.ui.regionCombo.setCurrentText(user.region or "")
                self._hide_row(self.ui.passwordEdit)
                self._hide_row(self.ui.repeatEdit)
                ok.setText(self.tr("&Change"))
                self.ui.roleCombo.setFocus()
        self._role_changed()
        self.ui.errorLabel.hide()
        self.ui.buttonBox.accepted.connect(self._submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.adjustSize()

    def _hide_row(self, field: QWidget, hide: bool = True) -> None:
        self.ui.form.setRowVisible(field, not hide)

    def _role_changed(self) -> None:
        regional = self.ui.roleCombo.currentData() == Role.REGIONAL_MANAGER.value
        self.ui.regionCombo.lineEdit().setPlaceholderText(
            self.tr("required for a regional manager") if regional else self.tr("optional")
        )

    def _problem(self) -> str | None:
        if self.mode in (MODE_ADD, MODE_PASSWORD):
            pw, again = self.ui.passwordEdit.text(), self.ui.repeatEdit.text()
            if len(pw) < MIN_PASSWORD_LENGTH:
                return self.tr("A password needs at least {n} characters.").format(
                    n=MIN_PASSWORD_LENGTH
                )
            if pw != again:
                return self.tr("The two passwords differ.")
        if self.mode == MODE_ADD and self.ui.adminBox.isVisible():
            pw, again = self.ui.adminPasswordEdit.text(), self.ui.adminRepeatEdit.text()
            if len(pw) < MIN_PASSWORD_LENGTH:
                return self.tr("Your own password needs at least {n} characters.").format(
                    n=MIN_PASSWORD_LENGTH
                )
            if pw != again:
                return self.tr("The two entries of your own password differ.")
        return None

    def _submit(self) -> None:
        if self._busy:
            return
        problem = self._problem()
        if problem:
            self._show_error(problem)
            return
        name = self.ui.userNameEdit.text().strip()
        region = self.ui.regionCombo.currentText().strip() or None
        if self.mode == MODE_ADD:
            values = {
                "user_name": name,
                "display_name": self.ui.displayNameEdit.text().strip() or None,
                "role": self.ui.roleCombo.currentData(),
                "region": region,
                "password": self.ui.passwordEdit.text(),
                "must_change_password": self.ui.mustChangeCheck.isChecked(),
            }
            if self.ui.adminBox.isVisible():
                values["admin_password"] = self.ui.adminPasswordEdit.text()
            job = add_user(values)
        elif self.mode == MODE_PASSWORD:
            job = reset_password(name, self.ui.passwordEdit.text())
        else:
            job = set_role(name, self.ui.roleCombo.currentData(), region)
        self._busy = True
        self.ui.buttonBox.setEnabled(False)
        Op(self.worker, self, job).success(self._done).failure(
            lambda exc: self._failed(exc, name)
        ).run()

    def _done(self, value: object) -> None:
        self._busy = False
        self.result_value = value
        for edit in (
            self.ui.passwordEdit,
            self.ui.repeatEdit,
            self.ui.adminPasswordEdit,
            self.ui.adminRepeatEdit,
        ):
            edit.clear()
        self.accept()

    def _failed(self, exc: BaseException, name: str) -> None:
        self._busy = False
        self.ui.buttonBox.setEnabled(True)
        self._show_error(account_problem(exc, name))

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()


# ---------------------------------------------------------------------- the list
class UsersDialog(QDialog):
    changed = Signal()  # an account was added or changed (the window re-reads who is who)

    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_UsersDialog()
        self.ui.setupUi(self)
        self.worker = worker
        self.language = current_language()
        self.data: Accounts | None = None
        self.editor: UserEditDialog | None = None  # the open sub-dialog (tests drive it)
        table = self.ui.usersTable
        titles = [
            self.tr("User name"),
            self.tr("Display name"),
            self.tr("Role"),
            self.tr("Region"),
            self.tr("Active"),
            self.tr("Password"),
        ]
        table.setColumnCount(len(titles))
        table.setHorizontalHeaderLabels(titles)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.doubleClicked.connect(lambda _: self.change_role())
        self.ui.addButton.clicked.connect(self.add)
        self.ui.resetButton.clicked.connect(self.reset_password)
        self.ui.roleButton.clicked.connect(self.change_role)
        self.ui.activeButton.clicked.connect(self.toggle_active)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.errorLabel.hide()
        self._update_buttons()
        self.reload()

    def reload(self, select: str | None = None) -> None:
        Op(self.worker, self, accounts).success(lambda data: self._fill(data, select)).failure(
            lambda exc: self._show_error(account_problem(exc))
        ).run()

    def _fill(self, data: Accounts, select: str | None) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        select = select or self.current_name()
        self.data = data
        table = self.ui.usersTable
        table.setRowCount(len(data.users))
        yes, no = self.tr("yes"), self.tr("no")
        for r, u in enumerate(data.users):
            password = (
                self.tr("must change")
                if u.must_change_password
                else (self.tr("set") if u.has_password else self.tr("none"))
            )
            values = (
                u.user_name,
                u.display_name,
                role_label(u.role, self.language),
                u.region or "",
                yes if u.active else no,
                password,
            )
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == COL_USER:
                    item.setData(Qt.UserRole, u.user_name)
                if not u.active:
                    item.setForeground(Qt.gray)
                table.setItem(r, c, item)
        if select:
            for r, u in enumerate(data.users):
                if u.user_name == select:
                    table.selectRow(r)
        self._update_buttons()

    def current_name(self) -> str | None:
        items = self.ui.usersTable.selectedItems()
        if not items:
            return None
        item = self.ui.usersTable.item(items[0].row(), COL_USER)
        return item.data(Qt.UserRole) if item else None

    def current_user(self) -> User | None:
        name = self.current_name()
        return self.data.get(name) if self.data and name else None

    def _update_buttons(self) -> None:
        user = self.current_user()
        for b in (self.ui.resetButton, self.ui.roleButton, self.ui.activeButton):
            b.setEnabled(user is not None)
        self.ui.addButton.setEnabled(self.data is not None)
        self.ui.activeButton.setText(
            self.tr("Ac&tivate") if user is not None and not user.active else self.tr("&Deactivate")
        )

    # ------------------------------------------------------------------ actions
    def _edit(self, mode: str, user: User | None = None) -> None:
        if self.data is None:
            return
        self.ui.errorLabel.hide()
        dialog = UserEditDialog(self, self.worker, mode, self.data, user)
        self.editor = dialog

        def finished(result: int) -> None:
            self.editor = None
            if result == QDialog.Accepted:
                name = dialog.ui.userNameEdit.text().strip()
                self._notice(
                    {
                        MODE_ADD: self.tr("{user} was added."),
                        MODE_PASSWORD: self.tr("The password of {user} was reset."),
                        MODE_ROLE: self.tr("The role of {user} was changed."),
                    }[mode].format(user=name)
                )
                self.changed.emit()
                self.reload(select=name)
            dialog.deleteLater()

        dialog.finished.connect(finished)
        dialog.open()

    def add(self) -> None:
        self._edit(MODE_ADD)

    def reset_password(self) -> None:
        user = self.current_user()
        if user is not None:
            self._edit(MODE_PASSWORD, user)

    def change_role(self) -> None:
        user = self.current_user()
        if user is not None:
            self._edit(MODE_ROLE, user)

    def toggle_active(self) -> None:
        user = self.current_user()
        if user is None:
            return
        self.ui.errorLabel.hide()
        active = not user.active
        Op(self.worker, self, set_active(user.user_name, active)).success(
            lambda _: self._toggled(user.user_name, active)
        ).failure(lambda exc: self._show_error(account_problem(exc, user.user_name))).run()

    def _toggled(self, name: str, active: bool) -> None:
        text = (
            self.tr("{user} was activated.")
            if active
            else self.tr(
                "{user} was deactivated; their customers stay assigned to them until they are "
                "handed over (Office > Handover)."
            )
        )
        self._notice(text.format(user=name))
        self.changed.emit()
        self.reload(select=name)

    def _notice(self, text: str) -> None:
        self.ui.noticeLabel.setText(text)

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
