"""Tools › Backups… for a salesperson: Back Up Now is off (a backup is a full copy of the
archive), with the reason shown; the automatic backups are not affected."""

from __future__ import annotations

from desktop.domain.permissions import Actor, Role
from desktop.gui.backup_dialog import BackupDialog
from desktop.services.accounts import AccountService

PW = "a good password 1"


def as_salesperson(ctx) -> None:
    accounts = AccountService(ctx.service.archive)
    admin = ctx.service.actor
    accounts.add_user(
        admin,
        "li",
        "李销售",
        "salesperson",
        "华东",
        PW,
        admin_password=PW,
        must_change_password=False,
    )
    ctx.service.actor = Actor("li", "李销售", Role.SALESPERSON, "华东")


def test_a_salesperson_cannot_back_up_now(qtbot, open_window):
    window = open_window
    window.worker.run_sync(as_salesperson)
    window.action_backups.trigger()
    dialog = window.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: dialog.state is not None)
    assert not dialog.ui.backupNowButton.isEnabled()
    assert "full copy" in dialog.ui.roleLabel.text()


def test_the_single_user_still_backs_up_now(qtbot, open_window):
    window = open_window
    window.action_backups.trigger()
    dialog = window.dialog
    qtbot.waitUntil(lambda: dialog.state is not None)
    assert dialog.ui.backupNowButton.isEnabled()
