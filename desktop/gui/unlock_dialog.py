"""The unlock dialog: asks for an archive's passphrase and opens it on the worker."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from .. import errors
from ..secrets.keystore import KeyStore
from . import archive_jobs
from .forms.ui_unlock_dialog import Ui_UnlockDialog
from .messages import error_text
from .worker import DbWorker, Op


class UnlockDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        worker: DbWorker,
        keystore: KeyStore,
        path: Path,
        reason: str = "",
        keyring_usable: bool = True,
        remembered: bool | None = None,
        remember_default: bool = True,
    ) -> None:
        """``remembered``: whether the keyring holds this archive's key now (None: not known,
        e.g. the keyring is locked); the box then shows that, else the user's last choice
        (``remember_default``). Unticking it over a remembered key takes the key out."""
        super().__init__(parent)
        self.ui = Ui_UnlockDialog()
        self.ui.setupUi(self)
        self._worker, self._keystore, self._path = worker, keystore, Path(path)
        self.info: archive_jobs.ArchiveInfo | None = None
        self.readonly = False  # File › Open Read-Only
        self.ui.pathLabel.setText(str(self._path))
        if reason:
            self.ui.reasonLabel.setText(reason)
        self._remembered = remembered
        self.ui.rememberCheck.setEnabled(keyring_usable)
        if not keyring_usable:
            self.ui.rememberCheck.setChecked(False)
            self.ui.rememberCheck.setToolTip(self.tr("No system keyring is available here."))
        else:
            self.ui.rememberCheck.setChecked(remember_default if remembered is None else remembered)
            if remembered:
                self.ui.rememberCheck.setToolTip(
                    self.tr(
                        "This computer's keyring holds the passphrase of this archive. Untick the box "
                        "to take it out when you unlock."
                    )
                )
        self.ui.errorLabel.hide()
        self.ui.buttonBox.button(QDialogButtonBox.Ok).setText(self.tr("&Unlock"))
        self.ui.buttonBox.accepted.connect(self._unlock)
        self.ui.buttonBox.rejected.connect(self.reject)
        self.ui.passphraseEdit.setFocus()

    def _unlock(self) -> None:
        secret = self.ui.passphraseEdit.text()
        if not secret:
            self._show_error(self.tr("Enter the passphrase."))
            return
        self._set_busy(True)
        remember = self.remember_choice()
        Op(
            self._worker,
            self,
            archive_jobs.open_with_passphrase(
                self._path,
                secret,
                self._keystore,
                remember,
                readonly=self.readonly,
                forget=not remember
                and self._remembered is not False
                and self.ui.rememberCheck.isEnabled(),
            ),
            with_context=True,
        ).success(self._opened).failure(self._failed).progress(
            self.tr("Unlocking the archive…")
        ).run()

    def remember_choice(self) -> bool:
        """The box as the user left it (what the next unlock dialog starts with)."""
        return self.ui.rememberCheck.isEnabled() and self.ui.rememberCheck.isChecked()

    def _opened(self, info: archive_jobs.ArchiveInfo) -> None:
        self.info = info
        self.ui.passphraseEdit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self._show_error(error_text(exc))
        if isinstance(exc, errors.WrongPassphrase):
            self.ui.passphraseEdit.selectAll()
            self.ui.passphraseEdit.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.setEnabled(not busy)
        self.ui.passphraseEdit.setEnabled(not busy)

    def _show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()
