"""New archive and change-passphrase dialogs: a passphrase twice, with a strength hint."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget

from ..domain import passphrase as policy
from ..secrets.keystore import KeyState, KeyStore
from ..services.opening import FILE_SUFFIX
from . import archive_jobs
from .forms.ui_passphrase_dialog import Ui_PassphraseDialog
from .messages import error_text
from .worker import DbWorker, Op


WEAK_SCORE = 1  # zxcvbn's scores up to this one ask before they are used


class _PassphraseForm(QDialog):
    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ui = Ui_PassphraseDialog()
        self.ui.setupUi(self)
        self.ui.errorLabel.hide()
        self.ui.passphraseEdit.textChanged.connect(self._update_strength)
        self.ui.repeatEdit.textChanged.connect(lambda _: self.ui.errorLabel.hide())
        self.ui.buttonBox.accepted.connect(self._accept)
        self.ui.buttonBox.rejected.connect(self.reject)
        self._update_strength("")

    def strength_words(self, label: str) -> str:
        return {
            "very_weak": self.tr("Very weak"),
            "weak": self.tr("Weak"),
            "fair": self.tr("Fair"),
            "good": self.tr("Good"),
            "strong": self.tr("Strong"),
        }[label]

    def _update_strength(self, text: str) -> None:
        hint = policy.strength(text)
        self.ui.strengthBar.setValue(hint.score)
        if not text:
            self.ui.strengthLabel.setText(
                self.tr(
                    "Use at least {n} characters; a few unrelated words are strong and easy "
                    "to remember."
                ).format(n=policy.MIN_LENGTH)
            )
        elif not hint.acceptable:
            self.ui.strengthLabel.setText(
                self.tr("Too short: at least {n} characters.").format(n=policy.MIN_LENGTH)
            )
        else:
            self.ui.strengthLabel.setText(self.strength_words(hint.label))

    def _problem(self) -> str | None:
        reason = policy.problem(self.ui.passphraseEdit.text(), self.ui.repeatEdit.text())
        if reason == "too_short":
            return self.tr("The passphrase must have at least {n} characters.").format(
                n=policy.MIN_LENGTH
            )
        if reason == "mismatch":
            return self.tr("The two passphrases differ.")
        return None

    def weak_accepted(self) -> bool:
        """A very weak passphrase (zxcvbn's score 0 or 1) is used only if the user says so."""
        hint = policy.strength(self.ui.passphraseEdit.text())
        if hint.score > WEAK_SCORE:
            return True
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "This passphrase is {strength}: it can be guessed quickly by anyone who gets "
                "a copy of the archive file. Use it anyway?"
            ).format(strength=self.strength_words(hint.label).lower()),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        if answer != QMessageBox.Yes:
            self.show_error(
                self.tr(
                    "Choose a stronger passphrase: a few unrelated words are strong "
                    "and easy to remember."
                )
            )
            self.ui.passphraseEdit.setFocus()
            return False
        return True

    def show_error(self, text: str) -> None:
        self.ui.errorLabel.setText(text)
        self.ui.errorLabel.show()

    def set_busy(self, busy: bool) -> None:
        self.ui.buttonBox.setEnabled(not busy)

    def _accept(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class NewArchiveDialog(_PassphraseForm):
    """Makes a new archive. With ``fixed_path`` (first run) the location is not asked."""

    def __init__(
        self,
        parent: QWidget | None,
        worker: DbWorker,
        keystore: KeyStore,
        path: Path,
        *,
        fixed_path: bool = False,
        keyring_usable: bool = True,
        first_run: bool = False,
    ) -> None:
        super().__init__(parent)
        self._worker, self._keystore = worker, keystore
        self.info: archive_jobs.ArchiveInfo | None = None
        self.setWindowTitle(self.tr("New Archive"))
        if first_run:
            self.ui.introLabel.setText(
                self.tr(
                    "Welcome to Customer Archive. Your customer files are kept in one encrypted "
                    "archive file. Choose its passphrase: without it nobody, not even you, can open "
                    "the file, so keep it safe."
                )
            )
        self.ui.pathEdit.setText(str(path))
        self.ui.pathEdit.setReadOnly(fixed_path)
        self.ui.browseButton.setVisible(not fixed_path)
        self.ui.browseButton.clicked.connect(self._browse)
        self.ui.currentCaption.hide()
        self.ui.currentEdit.hide()
        self.ui.rememberCheck.setEnabled(keyring_usable)
        self.ui.rememberCheck.setChecked(keyring_usable)
        self.ui.keyringLabel.setText(
            self.tr("The keyring of your computer account opens the archive without asking.")
            if keyring_usable
            else self.tr(
                "No system keyring is available here: the passphrase will be asked each time."
            )
        )
        self.ui.buttonBox.button(QDialogButtonBox.Ok).setText(self.tr("&Create"))
        self.ui.passphraseEdit.setFocus()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New Archive"),
            self.ui.pathEdit.text(),
            self.tr("Customer archives (*{suffix})").format(suffix=FILE_SUFFIX),
        )
        if name:
            if not name.endswith(FILE_SUFFIX):
                name += FILE_SUFFIX
            self.ui.pathEdit.setText(name)

    def _accept(self) -> None:
        problem = self._problem()
        if problem:
            self.show_error(problem)
            return
        if not self.weak_accepted():
            return
        path = Path(self.ui.pathEdit.text().strip()).expanduser()
        if not path.name:
            self.show_error(self.tr("Choose where to keep the archive."))
            return
        self.set_busy(True)
        Op(
            self._worker,
            self,
            archive_jobs.create(
                path,
                self.ui.passphraseEdit.text(),
                self._keystore,
                self.ui.rememberCheck.isChecked(),
            ),
            with_context=True,
        ).success(self._created).failure(self._failed).progress(
            self.tr("Creating the archive…")
        ).run()

    def _created(self, info: archive_jobs.ArchiveInfo) -> None:
        self.info = info
        self.ui.passphraseEdit.clear()
        self.ui.repeatEdit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.show_error(error_text(exc))


class ChangePassphraseDialog(_PassphraseForm):
    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self._worker = worker
        self.keyring_state: KeyState | None = None
        self.setWindowTitle(self.tr("Change Passphrase"))
        self.ui.introLabel.setText(
            self.tr(
                "The archive is re-encrypted with the new passphrase. Everyone who opens it must "
                "use the new one; a key remembered in this computer's keyring is updated."
            )
        )
        for w in (
            self.ui.pathCaption,
            self.ui.pathEdit,
            self.ui.browseButton,
            self.ui.rememberCheck,
            self.ui.keyringLabel,
        ):
            w.hide()
        self.ui.passphraseCaption.setText(self.tr("&New passphrase:"))
        self.ui.currentEdit.setFocus()

    def _accept(self) -> None:
        problem = self._problem()
        if problem:
            self.show_error(problem)
            return
        if not self.weak_accepted():
            return
        current, new = self.ui.currentEdit.text(), self.ui.passphraseEdit.text()
        self.set_busy(True)
        Op(self._worker, self, lambda svc: svc.change_passphrase(current, new)).success(
            self._changed
        ).failure(self._failed).progress(self.tr("Re-encrypting the archive…")).run()

    def _changed(self, state: KeyState) -> None:
        self.keyring_state = state
        for edit in (self.ui.currentEdit, self.ui.passphraseEdit, self.ui.repeatEdit):
            edit.clear()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.set_busy(False)
        self.show_error(error_text(exc))
