"""Tools › Backups…: the office's backup folder and rotation, the backups there, Back Up Now.

The settings live in the archive (the same for every computer on the share) and only an
administrator changes them; everyone sees them. Back Up Now is for those allowed a direct
full export (a backup is a full copy); the automatic backups are taken for everyone. Restoring one is the
main window's Tools › Restore from Backup… (verified first, the current file kept aside);
the Restore button here hands the selected file to it.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QTableWidgetItem,
    QWidget,
)
from shiboken6 import isValid

from .. import errors
from . import backup_jobs as jobs
from .forms.ui_backup_dialog import Ui_BackupDialog
from .messages import error_text
from .worker import DbWorker, Op


class BackupDialog(QDialog):
    restore_requested = Signal(str)  # the backup file the user chose to restore

    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_BackupDialog()
        self.ui.setupUi(self)
        self.worker = worker
        self.state: jobs.BackupState | None = None
        table = self.ui.backupsTable
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("File")])
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        self.save_button = self.ui.buttonBox.button(QDialogButtonBox.Save)
        self.ui.buttonBox.button(QDialogButtonBox.Close).clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self.ui.browseButton.clicked.connect(self.browse)
        self.ui.backupNowButton.clicked.connect(self.backup_now)
        self.ui.restoreButton.clicked.connect(self._restore_selected)
        self.ui.backupsTable.itemSelectionChanged.connect(self._selection_changed)
        self.ui.statusLabel.clear()
        self._set_editable(False)
        self.reload()

    def reload(self) -> None:
        Op(self.worker, self, jobs.state).success(self._show).failure(self._failed).run()

    def _show(self, state: jobs.BackupState) -> None:
        if not isValid(self):
            return
        self.state = state
        s = state.settings
        self.ui.folderEdit.setText(s.folder)
        self.ui.folderEdit.setPlaceholderText(s.resolved)
        self.ui.folderEdit.setToolTip(self.tr("Backups go to {folder}").format(folder=s.resolved))
        self.ui.autoCheck.setChecked(s.automatic)
        self.ui.dailySpin.setValue(s.keep[0])
        self.ui.weeklySpin.setValue(s.keep[1])
        self.ui.monthlySpin.setValue(s.keep[2])
        self._set_editable(state.may_manage)
        notes = (
            []
            if state.may_manage
            else [self.tr("Only an administrator changes where backups go and how many are kept.")]
        )
        if not state.may_back_up:
            notes.append(
                self.tr(
                    "A backup is a full copy of the archive: only a manager or an administrator "
                    "takes one by hand. The automatic backups are still taken."
                )
            )
        self.ui.roleLabel.setText(" ".join(notes))
        self.ui.roleLabel.setVisible(not state.may_manage or not state.may_back_up)
        self.ui.backupNowButton.setEnabled(state.may_back_up)
        table = self.ui.backupsTable
        table.setRowCount(len(state.found))
        locale = QLocale()
        for row, (when, path, size) in enumerate(state.found):
            for column, text in enumerate((when, locale.formattedDataSize(size), path)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, path)
                table.setItem(row, column, item)
        if not state.found:
            self.ui.statusLabel.setText(
                self.tr("No automatic backup in {folder} yet.").format(folder=s.resolved)
            )
        self._selection_changed()

    def _set_editable(self, editable: bool) -> None:
        for widget in (
            self.ui.folderEdit,
            self.ui.browseButton,
            self.ui.autoCheck,
            self.ui.dailySpin,
            self.ui.weeklySpin,
            self.ui.monthlySpin,
            self.save_button,
        ):
            widget.setEnabled(editable)

    def _selection_changed(self) -> None:
        may = self.state is not None and self.state.may_restore
        self.ui.restoreButton.setEnabled(may and bool(self.ui.backupsTable.selectedItems()))
        self.ui.restoreButton.setVisible(may)

    def browse(self) -> None:
        start = self.ui.folderEdit.text() or (self.state.settings.resolved if self.state else "")
        folder = QFileDialog.getExistingDirectory(self, self.tr("Backup Folder"), start)
        if folder:
            self.ui.folderEdit.setText(folder)

    def save(self) -> None:
        keep = (self.ui.dailySpin.value(), self.ui.weeklySpin.value(), self.ui.monthlySpin.value())
        Op(
            self.worker,
            self,
            jobs.save_settings(self.ui.folderEdit.text(), self.ui.autoCheck.isChecked(), keep),
        ).success(
            lambda state: (
                self._show(state),
                self.ui.statusLabel.setText(
                    self.tr("Saved: backups go to {folder}.").format(folder=state.settings.resolved)
                ),
            )
        ).failure(self._failed).run()

    def backup_now(self) -> None:
        self.ui.backupNowButton.setEnabled(False)

        def done(path: str) -> None:
            if not isValid(self):
                return
            self.ui.backupNowButton.setEnabled(bool(self.state and self.state.may_back_up))
            self.ui.statusLabel.setText(self.tr("Backup written to {path}.").format(path=path))
            self.reload()

        def failed(exc: BaseException) -> None:
            if isValid(self):
                self.ui.backupNowButton.setEnabled(True)
                if isinstance(exc, errors.Cancelled):
                    self.ui.statusLabel.setText(
                        self.tr("The backup was cancelled; nothing was written.")
                    )
                else:
                    self._failed(exc)

        Op(self.worker, self, jobs.backup_now).success(done).failure(failed).progress(
            self.tr("Writing the backup…"), cancellable=True
        ).run()

    def _restore_selected(self) -> None:
        items = self.ui.backupsTable.selectedItems()
        if items:
            self.restore_requested.emit(items[0].data(Qt.UserRole))

    def _failed(self, exc: BaseException) -> None:
        if isValid(self):
            self.ui.statusLabel.setText(error_text(exc))
