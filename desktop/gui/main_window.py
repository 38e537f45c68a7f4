"""The main window: opens, creates, locks and closes archives; hosts the archive's views."""

from __future__ import annotations

import dataclasses
import html
import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox

from .. import __version__, about, config as config_mod, errors, paths
from ..domain import permissions
from ..domain.permissions import Action, Actor, role_label
from ..secrets.keystore import KeyState, KeyStore
from ..services.opening import FILE_SUFFIX
from . import approvals_view, archive_jobs, backup_jobs
from .approvals_view import ApprovalsView
from .backup_dialog import BackupDialog
from .change_watch import ChangeWatcher
from .analysis_view import AnalysisView
from .audit_view import AuditView
from .card_printing import CardPrinting
from .customer_actions import CustomerActions
from .customer_list import CustomerListPage
from .customer_model import current_language
from .excel_transfer import ExcelTransfer
from .forms.ui_main_window import Ui_MainWindow
from .handover_dialog import HandoverDialog
from .loan_register import LoanRegister
from .login_dialog import LoginDialog, logout
from .messages import error_text, show_error
from .passphrase_dialog import ChangePassphraseDialog, NewArchiveDialog
from .preferences_dialog import PreferencesDialog
from .presence_panel import PresencePanel
from .resources import app_icon
from .unlock_dialog import UnlockDialog
from .users_dialog import UsersDialog
from .worker import DbWorker, Op

log = logging.getLogger(__name__)

PAGE_ARCHIVE, PAGE_LOCKED, PAGE_EMPTY = 0, 1, 2
HEARTBEAT_MS = 30_000
_INPUT_EVENTS = {
    QEvent.KeyPress,
    QEvent.MouseButtonPress,
    QEvent.MouseMove,
    QEvent.Wheel,
    QEvent.TouchBegin,
}


class IdleWatcher(QObject):
    """Restarts a timer on every keyboard or mouse input anywhere in the application."""

    idle = Signal()

    def __init__(self, parent: QObject, minutes: int) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        self.set_minutes(minutes)
        QApplication.instance().installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self._ms = max(0, minutes) * 60_000
        self.restart()

    def set_interval_ms(self, ms: int) -> None:  # for tests
        self._ms = ms
        self.restart()

    def restart(self) -> None:
        if self._ms:
            self._timer.start(self._ms)
        else:
            self._timer.stop()

    def pause(self) -> None:
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start(self._ms)
        return False


class MainWindow(QMainWindow):
    archive_opened = Signal(object)  # ArchiveInfo
    archive_closed = Signal()

    def __init__(
        self,
        config: config_mod.Config,
        keystore: KeyStore | None = None,
        worker: DbWorker | None = None,
    ) -> None:
        super().__init__()
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.setWindowIcon(app_icon())
        self.config = config
        self.keystore = keystore or KeyStore()
        self.worker = worker or DbWorker(self)
        self.info: archive_jobs.ArchiveInfo | None = None
        self.locked_path: Path | None = None
        self._locked_key_remembered: bool | None = None  # the keyring held its key when locked
        self.dialog = None  # the open modal dialog, if any (tests drive it)
        self._keyring_usable = True
        self._suspended_archive: str | None = None  # locked archive whose cards wait, hidden
        self._suspended_user: str | None = None  # … and whose they are
        self._sessions: tuple = ()
        self._multi_user = False
        self.summary: approvals_view.Summary | None = None
        self.approvals_view: ApprovalsView | None = None
        self.audit_view: AuditView | None = None
        self.analysis_view: AnalysisView | None = None
        self.register_view: LoanRegister | None = None

        self.customer_list = CustomerListPage(self.ui.archivePage, self.worker)
        self.ui.archiveLayout.addWidget(self.customer_list)
        # File › Print Cards… (Ctrl+P), Print Preview…, Export Cards as PDF… (gui/card_printing.py)
        self.card_printing = CardPrinting(self, self.worker, self.customer_list)
        self.customer_list.printing = self.card_printing
        self.ui.menuFile.insertActions(self.ui.actionQuit, self.card_printing.actions)
        self.ui.menuFile.insertSeparator(self.ui.actionQuit)
        # File › Export to Excel…, Import from Excel…, Undo Last Import (gui/excel_transfer.py)
        self.excel = ExcelTransfer(self, self.worker, self.customer_list)
        self.excel.imported.connect(self._cards_imported)
        self.ui.menuFile.insertActions(self.ui.actionQuit, self.excel.actions)
        self.ui.menuFile.insertSeparator(self.ui.actionQuit)
        # Edit › Delete Customer… (Del in the list), Merge Customers… (gui/customer_actions.py)
        self.customer_actions = CustomerActions(self, self.worker, self.customer_list)
        self.ui.menuEdit.addActions(self.customer_actions.actions)
        self.ui.menuEdit.aboutToShow.connect(self.customer_actions.update_enabled)
        self.pending_label = QLabel(self)
        self.pending_label.setObjectName("pendingLabel")
        self.pending_label.linkActivated.connect(lambda _: self.show_approvals())
        self.pending_label.hide()
        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.presence_label = QLabel(self)
        # A write waiting for another computer's lock says so, briefly (never "database is locked").
        self.waiting_label = QLabel(self.tr("Waiting for the shared archive…"), self)
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.hide()
        self.unreachable_label = QLabel(
            self.tr(
                "The archive cannot be reached: waiting for it to come back (your work stays on "
                "screen)…"
            ),
            self,
        )
        self.unreachable_label.setObjectName("unreachableLabel")
        self.unreachable_label.setStyleSheet("color: #b00020;")
        self.unreachable_label.hide()
        self.statusBar().addPermanentWidget(self.unreachable_label)
        self.readonly_label = QLabel(self)
        self.readonly_label.setObjectName("readonlyLabel")
        self.readonly_label.hide()
        self.statusBar().addPermanentWidget(self.waiting_label)
        self.statusBar().addPermanentWidget(self.readonly_label)
        self.worker.waiting.connect(self._show_waiting)
        self._open_readonly = False  # File › Open Read-Only (kept across lock and unlock)
        self.statusBar().addPermanentWidget(self.pending_label)
        self.statusBar().addPermanentWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.presence_label)

        self.recent_menu = QMenu(self)
        self.ui.actionRecent.setMenu(self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.ui.actionNew.triggered.connect(lambda: self.new_archive())
        self.ui.actionOpen.triggered.connect(self.choose_archive)
        self.action_open_readonly = QAction(self.tr("Open Read-Onl&y…"), self)
        self.action_open_readonly.setObjectName("actionOpenReadOnly")
        self.action_open_readonly.triggered.connect(lambda: self.choose_archive(readonly=True))
        self.ui.menuFile.insertAction(self.ui.actionRecent, self.action_open_readonly)
        self.ui.actionLock.triggered.connect(self.lock)
        self.ui.actionSwitchUser.triggered.connect(self.switch_user)
        self.ui.actionApprovals.triggered.connect(self.show_approvals)
        self.ui.actionHandover.triggered.connect(self.handover)
        self.ui.actionAudit.triggered.connect(self.show_audit)
        self.ui.actionUsers.triggered.connect(self.manage_users)
        self.ui.actionClose.triggered.connect(self.close_archive)
        self.ui.actionQuit.triggered.connect(self.close)
        self.ui.actionInfo.triggered.connect(self.show_info)
        self.ui.actionCheck.triggered.connect(self.check_archive)
        self.ui.actionPassphrase.triggered.connect(self.change_passphrase)
        self.ui.actionForgetKey.triggered.connect(self.forget_key)
        self.ui.actionPreferences.triggered.connect(self.preferences)
        self.ui.actionAbout.triggered.connect(self.about)
        self.ui.unlockButton.clicked.connect(self.unlock)
        self.ui.newButton.clicked.connect(lambda: self.new_archive())
        self.ui.openButton.clicked.connect(self.choose_archive)

        self.idle = IdleWatcher(self, config.auto_lock_minutes)
        self.idle.idle.connect(self._auto_lock)
        self._heartbeat = QTimer(self)
        self._heartbeat.timeout.connect(self._beat)
        # Other people's saves show up by themselves (docs/architecture.md, Sharing a file):
        # data_version is polled.
        self.watcher = ChangeWatcher(
            self, self.worker, card_ids=lambda: list(self.customer_list.cards)
        )
        self.watcher.changed.connect(self._changed_elsewhere)
        self.watcher.sessions_changed.connect(self._refresh_sessions)
        self.watcher.reachable.connect(self._show_reachable)
        self.watcher.key_changed.connect(
            lambda: self.lock(
                self.tr(
                    "The passphrase of this archive was changed on another computer. Enter the new "
                    "passphrase to go on; your open cards come back as they were."
                )
            )
        )
        self.presence = PresencePanel(self)
        # below the list: at the side it would squeeze the customers' names
        self.addDockWidget(Qt.BottomDockWidgetArea, self.presence)
        self.presence.hide()
        presence_action = self.presence.toggleViewAction()
        presence_action.setObjectName("actionPresence")
        presence_action.setText(self.tr("&Who Is Working"))
        self.ui.menuTools.insertAction(self.ui.actionInfo, presence_action)
        self.action_backups = QAction(self.tr("&Backups…"), self)
        self.action_backups.setObjectName("actionBackups")
        self.action_backups.triggered.connect(self.show_backups)
        self.action_restore = QAction(self.tr("&Restore from Backup…"), self)
        self.action_restore.setObjectName("actionRestore")
        self.action_restore.triggered.connect(lambda: self.restore_backup())
        self.ui.menuTools.insertAction(self.ui.actionPassphrase, self.action_backups)
        self.ui.menuTools.insertAction(self.ui.actionPassphrase, self.action_restore)
        self.analysis_action = QAction(self.tr("&Analysis…"), self)
        self.analysis_action.setObjectName("actionAnalysis")
        self.analysis_action.triggered.connect(self.show_analysis)
        self.ui.menuTools.insertAction(presence_action, self.analysis_action)
        # Office › Archive Register… (Ctrl+Shift+R): who has which dossier or item (gui/loan_register.py)
        self.register_action = QAction(self.tr("Archive &Register…"), self)
        self.register_action.setObjectName("actionRegister")
        self.register_action.setShortcut("Ctrl+Shift+R")
        self.register_action.triggered.connect(self.show_register)
        self.ui.menuOffice.insertAction(self.ui.actionHandover, self.register_action)
        self._show_page(PAGE_EMPTY)

    # ------------------------------------------------------------------ startup
    def start(self, archive: str | None = None, readonly: bool = False) -> None:
        """Open the given archive, else the last one, else make the default one (first run)."""
        Op(self.worker, self, archive_jobs.keyring_state(self.keystore), with_context=True).success(
            lambda state: self._start(archive, state, readonly)
        ).run()

    def _start(self, archive: str | None, state: KeyState, readonly: bool = False) -> None:
        self._keyring_usable = state is not KeyState.NO_BACKEND
        if archive:
            self.open_archive(Path(archive), readonly=readonly)
            return
        last = self.config.last_archive
        if last:
            self.open_archive(Path(last))
            return
        default = paths.default_archive()
        if default.exists():
            self.open_archive(default)
        else:
            self.new_archive(default, first_run=True)

    # ------------------------------------------------------------------ opening
    def open_archive(self, path: Path, readonly: bool = False) -> None:
        """Try the keyring first; otherwise ask for the passphrase, saying why."""
        path = Path(path).expanduser().absolute()
        self._open_readonly = readonly
        self.statusBar().showMessage(self.tr("Opening {path}…").format(path=path))
        Op(
            self.worker,
            self,
            archive_jobs.open_with_keyring(path, self.keystore, readonly),
            with_context=True,
        ).success(self._opened).failure(lambda exc: self._keyring_open_failed(path, exc)).progress(
            self.tr("Opening the archive…")
        ).run()

    def _keyring_open_failed(self, path: Path, exc: BaseException) -> None:
        self.statusBar().clearMessage()
        if isinstance(exc, errors.KeyringLocked):
            reason = self.tr(
                "The system keyring is locked, so the passphrase could not be read "
                "from it. Enter the passphrase of this archive."
            )
        elif isinstance(exc, errors.NoPassphrase):
            reason = {
                "missing": self.tr("Enter the passphrase of this archive."),
                "no_backend": self.tr(
                    "No system keyring is available on this computer, so the "
                    "passphrase is asked each time. Enter it to open the archive."
                ),
                "stale": self.tr(
                    "The passphrase remembered in the keyring no longer opens this "
                    "archive; it may have been changed on another computer."
                ),
            }.get(
                exc.details.get("reason"),
                self.tr("The system keyring did not answer. Enter the passphrase of this archive."),
            )
        else:
            if isinstance(exc, errors.ArchiveMissing):
                self.config.forget_archive(path)
                self._save_config()
            show_error(self, exc, self.tr("Cannot open the archive"))
            self._show_page(PAGE_EMPTY)
            return
        remembered = (
            {"missing": False, "stale": True}.get(exc.details.get("reason"))
            if isinstance(exc, errors.NoPassphrase)
            else None
        )
        self._ask_passphrase(path, reason, remembered)

    def _ask_passphrase(self, path: Path, reason: str, remembered: bool | None = None) -> None:
        dialog = UnlockDialog(
            self,
            self.worker,
            self.keystore,
            path,
            reason,
            self._keyring_usable,
            remembered=remembered,
            remember_default=self.config.remember_key,
        )
        dialog.readonly = self._open_readonly
        dialog.accepted.connect(lambda: self._unlocked(dialog))
        dialog.rejected.connect(self._unlock_cancelled)
        self._open_dialog(dialog)

    def _unlocked(self, dialog: UnlockDialog) -> None:
        if self._keyring_usable and self.config.remember_key != dialog.remember_choice():
            self.config.remember_key = dialog.remember_choice()  # _opened saves the settings
        self._opened(dialog.info)

    def _unlock_cancelled(self) -> None:
        self._show_page(PAGE_LOCKED if self.locked_path else PAGE_EMPTY)

    def _opened(self, info: archive_jobs.ArchiveInfo) -> None:
        self._close_people_windows()  # they showed the archive (or person) before this one
        self.info = info
        self.locked_path = None
        self.statusBar().clearMessage()
        self.config.remember_archive(info.path)
        self._save_config()
        self.idle.restart()
        self._heartbeat.start(HEARTBEAT_MS)
        if info.keyring_state in (KeyState.LOCKED.value, KeyState.ERROR.value):
            self.statusBar().showMessage(
                self.tr("The passphrase could not be stored in the system keyring."), 10_000
            )
        if info.backup_problem:
            self.statusBar().showMessage(
                self.tr("The daily backup could not be written: {problem}").format(
                    problem=info.backup_problem
                ),
                20_000,
            )
        elif info.backup_path:
            self.statusBar().showMessage(
                self.tr("Daily backup written to {path}.").format(path=info.backup_path), 10_000
            )
        if info.audit_warning:
            self._warn_audit(info.audit_warning)
        # Several active accounts: nothing of the archive is shown until someone logs in.
        self._multi_user = info.needs_login
        if info.needs_login:
            self._await_login()
        else:
            self._start_work(info)
        self.archive_opened.emit(info)

    def _warn_audit(self, problem: str) -> None:
        QMessageBox.warning(
            self,
            self.tr("Audit Log"),
            self.tr(
                "The audit log of this archive is not what this computer saw before: {problem}.\n\n"
                "Someone may have removed or rewritten entries, or an older copy of the archive was "
                "put back. Tell your administrator; the audit log view can verify the whole chain."
            ).format(problem=problem),
        )

    def _start_work(self, info: archive_jobs.ArchiveInfo) -> None:
        """Someone is known to be working (logged in, or the single user): show the archive."""
        self.info = info
        self._show_archive(info)
        if self._suspended_archive == info.archive_id and self._suspended_user == info.user_name:
            self.customer_list.resume()  # the same archive and person: the cards come back
        else:
            self.customer_list.deactivate()
            self.customer_list.activate()
        self._suspended_archive = self._suspended_user = None
        self.refresh_summary()
        self.watcher.start()

    def _changed_elsewhere(self, card_versions: dict) -> None:
        """Someone else saved: the list, the open cards and the approvals catch up."""
        if self.actor is None:
            return
        self.customer_list.refresh_elsewhere(card_versions)
        if self.approvals_view is not None:
            self.approvals_view.reload()
        if self.analysis_view is not None:
            self.analysis_view.changed_elsewhere()
        if self.register_view is not None:
            self.register_view.reload()
        self.refresh_summary()

    # ------------------------------------------------------------------ who is working
    @property
    def actor(self) -> Actor | None:
        """The person working, as far as the window needs it (menus); the services check again."""
        info = self.info
        if info is None or info.needs_login or not info.user_name or not info.role:
            return None
        return Actor(info.user_name, info.display_name or info.user_name, info.role)

    def may(self, action: Action) -> bool:
        actor = self.actor
        return actor is not None and permissions.allowed(actor, action)

    def _await_login(self) -> None:
        """The archive is open but nobody is logged in: no data, and the login dialog."""
        if self._suspended_archive != (self.info.archive_id if self.info else None):
            self.customer_list.deactivate()
            self._suspended_archive = self._suspended_user = None
        self.summary = None
        self.ui.lockedLabel.setText(
            self.tr("Several people work with this archive. Log in to see its customers.")
        )
        self.ui.unlockButton.setText(self.tr("&Log In…"))
        self._show_page(PAGE_LOCKED)
        self.setWindowTitle(
            self.tr("{name} – Customer Archive").format(name=Path(self.info.path).name)
        )
        self.ask_login()

    def ask_login(self, user_name: str = "") -> None:
        if self.info is None or not self.info.needs_login:
            return
        dialog = LoginDialog(self, self.worker, self.info.path, user_name)
        dialog.accepted.connect(lambda: self._logged_in(dialog.info))
        self._open_dialog(dialog)

    def _logged_in(self, login_info: archive_jobs.ArchiveInfo | None) -> None:
        if self.info is None or login_info is None:
            return
        # keep what was learnt at open (key source, keyring, warning); take who and sessions
        self._start_work(
            dataclasses.replace(
                self.info,
                needs_login=False,
                user_name=login_info.user_name,
                display_name=login_info.display_name,
                role=login_info.role,
                sessions=login_info.sessions,
            )
        )

    def switch_user(self) -> None:
        """Log out (the archive stays open) and ask who works next."""
        if self.actor is None or not self._multi_user:
            return
        if not self.customer_list.close_cards():
            return  # a card with unsaved changes stayed open
        self._close_people_windows()
        self.customer_list.deactivate()
        self._suspended_archive = self._suspended_user = None

        def logged_out(info: archive_jobs.ArchiveInfo | None) -> None:
            if self.info is None or info is None:
                return
            self.info = dataclasses.replace(
                self.info,
                needs_login=True,
                user_name=None,
                display_name=None,
                role=None,
                sessions=info.sessions,
            )
            self._await_login()

        Op(self.worker, self, logout, with_context=True).success(logged_out).run()

    def refresh_summary(self) -> None:
        """Pending requests in the status bar, and whether there are several users now."""
        if self.actor is None:
            return
        Op(self.worker, self, approvals_view.summary).key("summary").success(
            self._show_summary
        ).failure(lambda exc: None).run()

    def _show_summary(self, summary: approvals_view.Summary) -> None:
        if self.actor is None:
            return
        self.summary = summary
        if summary.multi_user != self._multi_user:
            self._multi_user = summary.multi_user
            self._show_archive(self.info)
        if summary.waiting:
            text = self.tr("Requests waiting for your decision: {n}").format(n=summary.waiting)
        elif summary.mine_pending:
            text = self.tr("Your requests still waiting: {n}").format(n=summary.mine_pending)
        else:
            text = ""
        self.pending_label.setText(f'<a href="approvals">{text}</a>' if text else "")
        self.pending_label.setToolTip(self.tr("Open the approvals (Ctrl+Shift+A)"))
        self.pending_label.setVisible(bool(text))

    # ------------------------------------------------------------------ office
    def show_approvals(self) -> ApprovalsView | None:
        if self.actor is None:
            return None
        if self.approvals_view is None:
            view = ApprovalsView(self, self.worker)
            view.decided.connect(self._approval_decided)
            view.finished.connect(lambda _: self._view_closed("approvals_view", view))
            self.approvals_view = view
        else:
            self.approvals_view.reload()
        self.approvals_view.show()
        self.approvals_view.raise_()
        self.approvals_view.activateWindow()
        return self.approvals_view

    def _approval_decided(self, approval) -> None:
        self.refresh_summary()
        page = self.customer_list
        if not page.active:
            return
        page.model.refresh_rows()
        page.run_query()
        if approval.target_type == "customer" and approval.target_id is not None:
            for card in page.cards.get(int(approval.target_id), []):
                if not card.is_dirty():
                    card.reload()

    def show_audit(self) -> AuditView | None:
        if not self.may(Action.VIEW_AUDIT):
            return None
        if self.audit_view is None:
            view = AuditView(self, self.worker)
            view.finished.connect(lambda _: self._view_closed("audit_view", view))
            self.audit_view = view
        else:
            self.audit_view.search()
        self.audit_view.show()
        self.audit_view.raise_()
        self.audit_view.activateWindow()
        return self.audit_view

    def _view_closed(self, name: str, view) -> None:
        if getattr(self, name) is view:
            setattr(self, name, None)
        view.deleteLater()

    def _close_people_windows(self) -> None:
        for view in (self.approvals_view, self.audit_view, self.analysis_view, self.register_view):
            if view is not None:
                view.close()
        self.approvals_view = self.audit_view = self.analysis_view = self.register_view = None

    def show_register(self) -> LoanRegister | None:
        """The archive register: Today, the loans, the items, the scan field (docs/domain.md, The
        archive register)."""
        if self.actor is None:
            return None
        if self.register_view is None:
            view = LoanRegister(self, self.worker)
            view.changed.connect(self.refresh_summary)  # loans are approvals too
            view.finished.connect(lambda _: self._view_closed("register_view", view))
            self.register_view = view
        else:
            self.register_view.reload()
        self.register_view.show()
        self.register_view.raise_()
        self.register_view.activateWindow()
        return self.register_view

    def show_analysis(self) -> AnalysisView | None:
        """The composition analysis of the customers this user may see (docs/domain.md,
        Analysis)."""
        if self.actor is None:
            return None
        if self.analysis_view is None:
            view = AnalysisView(self, self.worker)
            view.finished.connect(lambda _: self._view_closed("analysis_view", view))
            self.analysis_view = view
        else:
            self.analysis_view.refresh()
        self.analysis_view.show()
        self.analysis_view.raise_()
        self.analysis_view.activateWindow()
        return self.analysis_view

    def manage_users(self) -> None:
        if not self.may(Action.MANAGE_USERS):
            return
        dialog = UsersDialog(self, self.worker)
        dialog.changed.connect(self.refresh_summary)
        self._open_dialog(dialog)

    def handover(self) -> None:
        if not self.may(Action.HANDOVER):
            return
        dialog = HandoverDialog(self, self.worker)
        self.card_printing.attach_handover(dialog)  # Print Handover List… once done

        def done(_result) -> None:
            if self.customer_list.active:
                self.customer_list.model.refresh_rows()
                self.customer_list.run_query()

        dialog.handed_over.connect(done)
        dialog.finished.connect(lambda _: self.refresh_summary())
        self._open_dialog(dialog)

    def choose_archive(self, readonly: bool = False) -> None:
        start = str(Path(self.info.path).parent) if self.info else str(paths.data_dir())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Archive Read-Only") if readonly else self.tr("Open Archive"),
            start,
            self.tr("Customer archives (*{suffix});;All files (*)").format(suffix=FILE_SUFFIX),
        )
        if name:
            self.open_archive(Path(name), readonly=readonly)

    def new_archive(self, path: Path | None = None, first_run: bool = False) -> None:
        if path is None:
            folder = Path(self.info.path).parent if self.info else paths.data_dir()
            path = folder / self.tr("New archive{suffix}").format(suffix=FILE_SUFFIX)
        dialog = NewArchiveDialog(
            self,
            self.worker,
            self.keystore,
            path,
            fixed_path=first_run,
            keyring_usable=self._keyring_usable,
            first_run=first_run,
        )
        dialog.accepted.connect(lambda: self._opened(dialog.info))
        dialog.rejected.connect(
            lambda: self._show_page(
                PAGE_LOCKED if self.locked_path else (PAGE_ARCHIVE if self.info else PAGE_EMPTY)
            )
        )
        self._open_dialog(dialog)

    def _cards_imported(self) -> None:
        if self.customer_list.active:
            self.customer_list.model.refresh_rows()
            self.customer_list.run_query()

    def _open_dialog(self, dialog) -> None:
        self.dialog = dialog
        # Qt emits accepted() before finished(): a dialog opened from the first one's accepted
        # handler (unlock, then log in) is already the current one when the first finishes.
        dialog.finished.connect(lambda _: self.dialog is dialog and setattr(self, "dialog", None))
        dialog.open()

    # ------------------------------------------------------------------ locking
    def lock(self, reason: str | None = None) -> None:
        """Hide the archive's data and close the connection until the passphrase is given."""
        if self.info is None:
            return
        self.locked_path = Path(self.info.path)
        self._locked_key_remembered = self.info.key_remembered
        if not self.info.needs_login:  # (else any hidden cards stay as they were)
            self._suspended_archive = self.info.archive_id
            self._suspended_user = self.info.user_name
        self._close_people_windows()
        self.customer_list.suspend()
        self.info = None
        self._heartbeat.stop()
        self.watcher.stop()
        self.unreachable_label.hide()
        self.idle.pause()
        self.ui.lockedLabel.setText(reason or self.tr("The archive is locked."))
        self._show_page(PAGE_LOCKED)
        Op(self.worker, self, archive_jobs.close, with_context=True).failure(
            lambda exc: log.warning("closing on lock failed: %s", type(exc).__name__)
        ).run()
        self.archive_closed.emit()

    def _auto_lock(self) -> None:
        if self.info is not None and self.dialog is None:
            self.lock(
                self.tr("The archive was locked after {n} minutes without use.").format(
                    n=self.config.auto_lock_minutes
                )
            )

    def unlock(self) -> None:
        if self.info is not None and self.info.needs_login:
            self.ask_login()
            return
        if self.locked_path is not None:
            self._ask_passphrase(
                self.locked_path,
                self.tr("The archive is locked. Enter its passphrase to go on."),
                self._locked_key_remembered,
            )

    def close_archive(self) -> None:
        if self.info is None:
            return
        if not self.customer_list.close_cards():
            return  # a card with unsaved changes stayed open
        self._close_people_windows()
        self.customer_list.deactivate()
        self.info = None
        self.locked_path = None
        self._multi_user = False
        self._heartbeat.stop()
        self.watcher.stop()
        self.unreachable_label.hide()
        Op(self.worker, self, archive_jobs.close, with_context=True).run()
        self._show_page(PAGE_EMPTY)
        self.archive_closed.emit()

    # ------------------------------------------------------------------ tools
    def archive_info_text(self) -> str:
        info = self.info
        if info is None:
            return ""
        key = (
            self.tr("Opened with the key from the system keyring.")
            if info.key_source == "keyring"
            else self.tr("Opened with the passphrase.")
        )
        return self.tr(
            "File: {path}\nArchive id: {id}\nSchema version: {schema}\nKey: {key}\n"
            "Open by: {sessions}"
        ).format(
            path=info.path,
            id=info.archive_id,
            schema=info.schema_version,
            key=key,
            sessions=", ".join(self._session_lines(self._sessions)),
        )

    def show_info(self) -> None:
        if self.info is not None:
            text = self.archive_info_text()
            if self.info.network:
                text += "\n" + self.tr(
                    "Drive: a network drive ({fs}); the program keeps its "
                    "writes short and waits for other computers."
                ).format(fs=self.info.filesystem)
            else:
                text += "\n" + self.tr("Drive: {fs}").format(fs=self.info.filesystem)
            if self.info.readonly:
                text += "\n" + self.tr("Opened read-only: nothing can be changed.")
            QMessageBox.information(self, self.tr("Archive Information"), text)

    def show_backups(self) -> BackupDialog | None:
        if self.actor is None:
            return None
        dialog = BackupDialog(self, self.worker)
        dialog.restore_requested.connect(lambda path: (dialog.accept(), self.restore_backup(path)))
        self._open_dialog(dialog)
        return dialog

    def restore_backup(self, path: str | None = None) -> None:
        """Tools › Restore from Backup…: choose, verify, confirm, restore, open again."""
        if self.actor is None:
            return
        if not backup_jobs.may_restore(self.actor):
            QMessageBox.information(
                self,
                self.tr("Restore from Backup"),
                self.tr(
                    "Restoring a backup replaces everyone's data: ask a manager or an administrator."
                ),
            )
            return
        if path is None:
            Op(self.worker, self, backup_jobs.state).success(
                lambda state: self._choose_backup(state.settings.resolved)
            ).run()
            return
        Op(self.worker, self, backup_jobs.verify(path)).success(
            lambda report: self._confirm_restore(path, report)
        ).progress(self.tr("Checking the backup…")).run()

    def _choose_backup(self, folder: str) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from Backup"),
            folder,
            self.tr("Customer archives (*{suffix});;All files (*)").format(suffix=FILE_SUFFIX),
        )
        if name:
            self.restore_backup(name)

    def _confirm_restore(self, path: str, report) -> None:
        title = self.tr("Restore from Backup")
        if not report.ok:
            QMessageBox.warning(
                self,
                title,
                self.tr("This backup is not restored: {reason}. Nothing was changed.").format(
                    reason=report.reason()
                ),
            )
            return
        others = [s for s in self._sessions if not s.is_me]
        if others:
            QMessageBox.warning(
                self,
                title,
                self.tr(
                    "Others have the archive open ({users}). Ask them to close it first: a restore "
                    "replaces the file under them."
                ).format(users=", ".join(self._session_lines(others))),
            )
            return
        answer = QMessageBox.question(
            self,
            title,
            self.tr(
                "The backup {path} passed every check: {customers} customers, {contacts} contacts, "
                "{entries} audit entries, the audit chain intact.\n\nRestoring replaces the archive "
                "with it. The current file is kept beside it, renamed. Restore now?"
            ).format(
                path=path,
                customers=report.customers,
                contacts=report.contacts,
                entries=report.audit_entries,
            ),
            QMessageBox.Yes | QMessageBox.No,
            QMessageBox.No,
        )
        if answer != QMessageBox.Yes:
            return
        if not self.customer_list.close_cards():
            return
        self._close_people_windows()
        self.customer_list.deactivate()

        def done(result) -> None:
            self._opened(result.info)
            QMessageBox.information(
                self,
                title,
                self.tr(
                    "The archive was restored from {path}. The file before the restore was kept as "
                    "{previous}."
                ).format(path=path, previous=result.previous or "—"),
            )

        def failed(exc: BaseException) -> None:
            show_error(self, exc, title)
            if self.worker.ctx.service is not None and self.info is not None:
                self.customer_list.activate()

        Op(
            self.worker, self, backup_jobs.restore(path, report, self.keystore), with_context=True
        ).success(done).failure(failed).progress(self.tr("Restoring the backup…")).run()

    def check_archive(self) -> None:
        def report(r) -> None:
            if r.ok:
                QMessageBox.information(
                    self,
                    self.tr("Check Archive"),
                    self.tr(
                        "The archive is sound: SQLite's and SQLCipher's integrity checks found no "
                        "problem (schema version {v})."
                    ).format(v=r.schema_version),
                )
            else:
                QMessageBox.critical(
                    self,
                    self.tr("Check Archive"),
                    self.tr(
                        "The integrity checks found problems:\n{problems}\nRestore a backup, or ask "
                        "your administrator."
                    ).format(problems="\n".join(r.sqlite_problems + r.cipher_problems)),
                )

        Op(self.worker, self, lambda svc: svc.check()).success(report).progress(
            self.tr("Checking the archive…")
        ).run()

    def change_passphrase(self) -> None:
        if self.info is None:
            return
        dialog = ChangePassphraseDialog(self, self.worker)

        def done() -> None:
            text = self.tr("The passphrase was changed.")
            if dialog.keyring_state is KeyState.FOUND:
                text += " " + self.tr("The keyring now holds the new passphrase.")
            self.statusBar().showMessage(text, 10_000)

        dialog.accepted.connect(done)
        self._open_dialog(dialog)

    def forget_key(self) -> None:
        if self.info is None:
            return
        aid = self.info.archive_id

        def done(state: KeyState) -> None:
            text = {
                KeyState.FOUND: self.tr(
                    "The passphrase was removed from the system keyring; it "
                    "will be asked next time."
                ),
                KeyState.MISSING: self.tr(
                    "The system keyring held no passphrase for this archive."
                ),
                KeyState.LOCKED: self.tr("The system keyring is locked; nothing was removed."),
            }.get(state, self.tr("No system keyring is available here."))
            if state in (KeyState.FOUND, KeyState.MISSING) and self.info is not None:
                self.info = dataclasses.replace(self.info, key_remembered=False)
            QMessageBox.information(self, self.tr("Forget Remembered Key"), text)

        Op(self.worker, self, lambda ctx: self.keystore.delete(aid), with_context=True).success(
            done
        ).run()

    def preferences(self) -> None:
        dialog = PreferencesDialog(self, self.config)

        def done() -> None:
            changed = dialog.apply()
            self._save_config()
            self.idle.set_minutes(self.config.auto_lock_minutes)
            if changed:
                QMessageBox.information(
                    self,
                    self.tr("Preferences"),
                    self.tr("The new language takes effect when Customer Archive is restarted."),
                )

        dialog.accepted.connect(done)
        self._open_dialog(dialog)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About Customer Archive"), self.about_text())

    def about_text(self) -> str:
        """The version, the open archive's format, and what the program is built from with
        the licences (Qt is LGPL: where its source is)."""
        esc = html.escape
        # (not inside f-strings: lupdate does not look into them)
        title = self.tr("Customer Archive {version}").format(version=__version__)
        blurb = self.tr("Customer files for small offices, kept in one encrypted file.")
        parts = ["<h3>" + esc(title) + "</h3>", "<p>" + esc(blurb) + "</p>"]
        if self.info is not None:
            parts.append(
                "<p>"
                + esc(
                    self.tr("Archive format version {n} ({path})").format(
                        n=self.info.schema_version, path=self.info.path
                    )
                )
                + "</p>"
            )
        parts.append(
            "<p>"
            + esc(self.tr("SQLCipher {version}").format(version=about.sqlcipher_version()))
            + "</p>"
        )
        parts.append(
            "<p>"
            + esc(self.tr("Built with these libraries, under their licences:"))
            + "</p><table cellspacing='4'>"
        )
        for c in about.COMPONENTS:
            parts.append(
                f"<tr><td>{esc(c.name)}</td><td>{esc(about.version_of(c.dist))}</td>"
                f"<td>{esc(c.licence)}</td><td>{esc(c.source)}</td></tr>"
            )
        parts.append(
            "</table><p>"
            + esc(
                self.tr(
                    "Qt and Qt for Python are used under the GNU LGPL version 3: you may replace them "
                    "with your own build; their source is at the addresses above."
                )
            )
            + "</p>"
        )
        return "".join(parts)

    # ------------------------------------------------------------------ pages
    def _show_archive(self, info: archive_jobs.ArchiveInfo) -> None:
        name = Path(info.path).name
        self._show_sessions(info.sessions)
        self._show_page(PAGE_ARCHIVE)
        who = self.working_text()
        if self._multi_user and who:
            self.setWindowTitle(
                self.tr("{name} – {user} – Customer Archive").format(
                    name=name, user=info.display_name or info.user_name
                )
            )
        else:
            self.setWindowTitle(self.tr("{name} – Customer Archive").format(name=name))
        if info.readonly:
            self.setWindowTitle(self.tr("{title} (read-only)").format(title=self.windowTitle()))
            self.readonly_label.setText(self.tr("Read-only: nothing can be changed"))
        self.readonly_label.setVisible(info.readonly)
        self.customer_list.set_read_only(info.readonly)
        self.user_label.setText(who)

    def _show_waiting(self, waiting: bool) -> None:
        self.waiting_label.setVisible(waiting)

    def _show_reachable(self, reachable: bool) -> None:
        self.unreachable_label.setVisible(not reachable)
        if reachable:
            self.statusBar().showMessage(self.tr("The archive can be reached again."), 10_000)

    def working_text(self) -> str:
        """Who is working, for the status bar: display name and role."""
        info = self.info
        if self.actor is None:
            return ""
        return self.tr("{user} · {role}").format(
            user=info.display_name or info.user_name, role=role_label(info.role, current_language())
        )

    def _session_lines(self, sessions) -> list[str]:
        lines = []
        for s in sessions:
            who = self.tr("{user} on {computer}").format(user=s.who, computer=s.computer)
            if s.is_me:
                who += " " + self.tr("(you)")
            lines.append(who)
        return lines

    def _refresh_sessions(self) -> None:
        Op(self.worker, self, lambda svc: tuple(svc.sessions())).key("sessions").success(
            self._show_sessions
        ).failure(lambda exc: None).run()

    def _show_sessions(self, sessions) -> None:
        self._sessions = tuple(sessions)
        self.presence.show_sessions(self._sessions if self.info is not None else ())
        others = [s for s in self._sessions if not s.is_me]
        if others:
            self.presence_label.setText(
                self.tr("Also open by: {users}").format(
                    users=", ".join(self._session_lines(others))
                )
            )
        else:
            self.presence_label.setText(Path(self.info.path).name if self.info else "")
        self.presence_label.setToolTip("\n".join(self._session_lines(self._sessions)))

    def _show_page(self, page: int) -> None:
        self.ui.pages.setCurrentIndex(page)
        has_archive = page == PAGE_ARCHIVE
        working = has_archive and self.actor is not None
        if not has_archive:
            self.presence_label.clear()
            self.presence.show_sessions(())
            self.user_label.clear()
            self.pending_label.hide()
        if page == PAGE_LOCKED and (self.info is None or not self.info.needs_login):
            self.ui.unlockButton.setText(self.tr("&Unlock…"))
        is_open = self.info is not None
        for action in (
            self.ui.actionLock,
            self.ui.actionClose,
            self.ui.actionInfo,
            self.ui.actionCheck,
            self.ui.actionForgetKey,
        ):
            action.setEnabled(is_open)
        self.ui.actionPassphrase.setEnabled(working)
        self.ui.actionSwitchUser.setEnabled(working and self._multi_user)
        self.ui.actionSwitchUser.setVisible(self._multi_user or not is_open)
        self.ui.actionApprovals.setEnabled(working)
        self.action_backups.setEnabled(working)
        self.action_restore.setEnabled(working and backup_jobs.may_restore(self.actor))
        self.analysis_action.setEnabled(working)
        self.register_action.setEnabled(working)
        # Entries a role can never use are not shown at all (not merely greyed out).
        for action, what in (
            (self.ui.actionHandover, Action.HANDOVER),
            (self.ui.actionAudit, Action.VIEW_AUDIT),
            (self.ui.actionUsers, Action.MANAGE_USERS),
        ):
            action.setVisible(working and self.may(what))
            action.setEnabled(working and self.may(what))
        writable = working and not (self.info is not None and self.info.readonly)
        self.excel.export_action.setEnabled(writable and self.may(Action.EXPORT_LIST))  # audited
        for action in (self.excel.import_action, self.excel.undo_action):
            action.setVisible(working and self.may(Action.IMPORT))
            action.setEnabled(writable and self.may(Action.IMPORT))
        if page != PAGE_ARCHIVE:
            self.setWindowTitle(self.tr("Customer Archive"))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for p in self.config.recent_archives:
            action = QAction(p, self.recent_menu)
            action.triggered.connect(lambda _=False, p=p: self.open_archive(Path(p)))
            self.recent_menu.addAction(action)
        if not self.config.recent_archives:
            empty = self.recent_menu.addAction(self.tr("(none)"))
            empty.setEnabled(False)

    def _beat(self) -> None:
        Op(self.worker, self, lambda svc: (svc.heartbeat(), tuple(svc.sessions()))[1]).success(
            self._show_sessions
        ).failure(lambda exc: self.statusBar().showMessage(error_text(exc), 10_000)).run()
        self.refresh_summary()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        # Back from a card (where a change may just have become a request): recount.
        if event.type() == QEvent.ActivationChange and self.isActiveWindow():
            self.refresh_summary()
        super().changeEvent(event)

    def _save_config(self) -> None:
        try:
            config_mod.save(self.config)
        except OSError as exc:
            log.warning("could not save settings: %s", exc)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if self.info is not None and not self.customer_list.close_cards():
            event.ignore()  # a card with unsaved changes stayed open
            return
        self._heartbeat.stop()
        self.watcher.stop()
        self.unreachable_label.hide()
        if self.worker.stopped:
            super().closeEvent(event)
            return
        try:
            self.worker.run_sync(archive_jobs.close)
        except Exception as exc:  # noqa: BLE001 - closing must not stop the quit
            log.warning("closing the archive failed: %s", type(exc).__name__)
        self.worker.stop()
        super().closeEvent(event)
