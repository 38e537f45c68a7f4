"""The login dialog of a multi-user archive: who is working, and their own password.

An archive with several active accounts is opened (the passphrase unlocks the file) and
then waits for a login before it shows any customer (docs/domain.md, Accounts and login). A wrong
password keeps
the dialog open with a clear message; after repeated failures the account service makes
the next attempt wait, and the dialog counts the seconds down. An account whose password
was set by an administrator ("must change password") chooses its own before going on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from .. import errors
from ..services.accounts import MIN_PASSWORD_LENGTH, AccountService
from ..services.audit import AuditService
from . import archive_jobs
from .forms.ui_login_dialog import Ui_LoginDialog
from .messages import error_text
from .worker import DbWorker, Op, WorkerContext

PAGE_LOGIN, PAGE_CHANGE = 0, 1


# ---------------------------------------------------------------------- jobs (worker thread)
@dataclass(frozen=True)
class LoginResult:
    info: archive_jobs.ArchiveInfo
    must_change_password: bool


def login(user_name: str, password: str):
    inner = archive_jobs.login(user_name, password)

    def job(ctx: WorkerContext) -> LoginResult:
        info = inner(ctx)
        must = AccountService(ctx.service.archive).get(info.user_name).must_change_password
        return LoginResult(info, must)

    return job


def change_password(old: str, new: str):
    def job(svc) -> None:
        AccountService(svc.archive).set_password(svc.actor, svc.actor.user_name, old, new)

    return job


def logout(ctx: WorkerContext) -> archive_jobs.ArchiveInfo | None:
    """The person at the keyboard leaves; the archive stays open, waiting for the next login."""
    svc = ctx.service
    if svc is None:
        return None
    actor = svc.actor
    if actor is not None:
        svc.end_session()
        if not svc.archive.readonly:
            AuditService(svc.archive, actor.user_name).log(
                "logout", target_type="user", target_id=actor.user_name
            )
        svc.actor = None
    return archive_jobs.info_of(svc)


# ---------------------------------------------------------------------- the dialog
class LoginDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, worker: DbWorker, path: str | Path, user_name: str = ""
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.worker = worker
        self.info: archive_jobs.ArchiveInfo | None = None
        self._password = ""  # kept only while the new password is being chosen
        self._busy = False
        self._wait_until = 0.0
        self._wait_user = ""
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        self.ui.archiveLabel.setText(Path(path).name)
        self.ui.archiveLabel.setToolTip(str(path))
        self.ui.errorLabel.hide()
        self.ok_button = self.ui.buttonBox.button(QDialogButtonBox.Ok)
        self.ok_button.setText(self.tr("&Log In"))
        self.ui.buttonBox.accepted.connect(self._submit)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.userEdit.textEdited.connect(self._user_edited)
        self.ui.pages.setCurrentIndex(PAGE_LOGIN)
        if user_name:
            self.ui.userEdit.setText(user_name)
            self.ui.passwordEdit.setFocus()
        else:
            self.ui.userEdit.setFocus()

    # ------------------------------------------------------------------ logging in
    def _submit(self) -> None:
        if self._busy:
            return
        if self.ui.pages.currentIndex() == PAGE_CHANGE:
            self._change()
            return
        user = self.ui.userEdit.text().strip()
        password = self.ui.passwordEdit.text()
        if not user:
            self._show_error(self.tr("Enter your user name."))
            self.ui.userEdit.setFocus()
            return
        if not password:
            self._show_error(self.tr("Enter your password."))
            self.ui.passwordEdit.setFocus()
            return
        self._set_busy(True)
        Op(self.worker, self, login(user, password), with_context=True).success(
            lambda result: self._logged_in(result, password)
        ).failure(self._login_failed).progress(self.tr("Logging in…")).run()

    def _logged_in(self, result: LoginResult, password: str) -> None:
        self._set_busy(False)
        self.info = result.info
        self.ui.passwordEdit.clear()
        if result.must_change_password:
            self._password = password
            self.ui.errorLabel.hide()
            self.ui.pages.setCurrentIndex(PAGE_CHANGE)
            self.setWindowTitle(self.tr("Choose Your Password"))
            self.ok_button.setText(self.tr("&Change Password"))
            self.ui.newEdit.setFocus()
            return
        self.accept()

    def _login_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        wait = exc.details.get("wait_seconds") if isinstance(exc, errors.PermissionDenied) else None
        if wait:
            self._start_countdown(self.ui.userEdit.text().strip(), int(wait))
        else:
            self._show_error(self.login_problem(exc))
        self.ui.passwordEdit.selectAll()
        self.ui.passwordEdit.setFocus()

    def login_problem(self, exc: BaseException) -> str:
        if not isinstance(exc, errors.PermissionDenied):
            return error_text(exc)
        user = self.ui.userEdit.text().strip()
        # The account service says these in English only (no code); see the report.
        if "deactivated" in exc.message:
            return self.tr("The account {user} is deactivated. Ask your administrator.").format(
                user=user
            )
        if "no password yet" in exc.message:
            return self.tr(
                "The account {user} has no password yet: an administrator must set one first."
            ).format(user=user)
        return self.tr(
            "Unknown user name or wrong password. Check Caps Lock and the keyboard "
            "layout, and try again."
        )

    # ------------------------------------------------------------------ the delay
    def _start_countdown(self, user: str, seconds: int) -> None:
        self._wait_user = user
        self._wait_until = time.monotonic() + seconds
        self._countdown.start()
        self._tick()

    def _tick(self) -> None:
        left = int(self._wait_until - time.monotonic() + 0.999)
        if left <= 0:
            self._stop_countdown()
            self._show_error(self.tr("You can try again now."))
            return
        self.ok_button.setEnabled(False)
        self._show_error(
            self.tr("Too many failed logins for {user}. Try again in {n} seconds.").format(
                user=self._wait_user, n=left
            )
        )

    def _stop_countdown(self) -> None:
        self._countdown.stop()
        self._wait_until = 0.0
        self.ok_button.setEnabled(not self._busy)

    def _user_edited(self, text: str) -> None:
        # the delay belongs to one account: another name may try at once
        if self._countdown.isActive() and text.strip() != self._wait_user:
            self._stop_countdown()
            self.ui.errorLabel.hide()

    @property
    def waiting(self) -> bool:
        return self._countdown.isActive()

    # ------------------------------------------------------------------ own password
    def _change(self) -> None:
        new, repeat = self.ui.newEdit.text(), self.ui.repeatEdit.text()
        if len(new) < MIN_PASSWORD_LENGTH:
            self._show_error(
                self.tr("A password needs at least {n} characters.").format(n=MIN_PASSWORD_LENGTH)
            )
            return
        if new != repeat:
            self._show_error(self.tr("The two passwords differ."))
            self.ui.repeatEdit.selectAll()
            self.ui.repeatEdit.setFocus()
            return
        if new == self._password:
            self._show_error(
                self.tr("Choose a password other than the one your administrator gave you.")
            )
            return
        self._set_busy(True)
        Op(self.worker, self, change_password(self._password, new)).success(
            lambda _: self._changed()
        ).failure(self._change_failed).progress(self.tr("Saving the password…")).run()

    def _changed(self) -> None:
        self._set_busy(False)
        self._password = ""
        self.ui.newEdit.clear()
        self.ui.repeatEdit.clear()
        self.accept()

    def _change_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        fields = exc.details.get("fields", {}) if isinstance(exc, errors.ValidationError) else {}
        if fields.get("password") == "too_short":
            text = self.tr("A password needs at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH
            )
        elif fields.get("password") == "invalid":
            text = self.tr("That password cannot be used; choose another.")
        else:
            text = error_text(exc)
        self._show_error(text)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self._busy:
            return
        if self.ui.pages.currentIndex() == PAGE_CHANGE and self.info is not None:
            # Logged in but the password was not changed: log out again, so the account is
            # never used with the administrator's password.
            self._password = ""
            self.info = None
            Op(self.worker, None, logout, with_context=True).failure(lambda exc: None).run()
        self._countdown.stop()
        super().reject()

    # ------------------------------------------------------------------ helpers
    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ok_button.setEnabled(not busy and not self._countdown.isActive())
        self.ui.pages.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
