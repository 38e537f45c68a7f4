"""Automatic backups and Tools › Backups… / Restore from Backup… in the window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from desktop import paths
from desktop.gui.backup_dialog import BackupDialog
from desktop.gui.main_window import PAGE_ARCHIVE
from desktop.services import backups
from gui_support import ASCII_PASS, add_sample_data, db, settle


def automatic(folder: Path) -> list[Path]:
    return [p for _, p in backups.automatic_backups(folder, paths.default_archive().stem)]


def test_the_first_open_of_the_day_and_closing_after_changes_take_backups(
    qtbot, window, open_window
):
    folder = paths.default_archive().parent / "backups"
    qtbot.waitUntil(lambda: len(automatic(folder)) == 1, timeout=10000)  # the daily one
    daily = automatic(folder)[0]
    assert backups.verify_backup(daily, ASCII_PASS).customers == 0
    add_sample_data(qtbot, window)
    window.close_archive()
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=20000)
    found = automatic(folder)
    # on close, after changes; rotation keeps the newest of the day
    assert found and found[0] != daily and len(found) == 1
    assert backups.verify_backup(found[0], ASCII_PASS).customers > 0


def test_backups_dialog_sets_the_folder_and_backs_up_now(qtbot, open_window, tmp_path):
    window = open_window
    assert window.action_backups.isEnabled()
    window.action_backups.trigger()
    dialog = window.dialog
    assert isinstance(dialog, BackupDialog)
    qtbot.waitUntil(lambda: dialog.state is not None)
    assert dialog.ui.folderEdit.isEnabled()  # the single user is the administrator
    chosen = tmp_path / "office-nas"
    dialog.ui.folderEdit.setText(str(chosen))
    dialog.ui.dailySpin.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Saved" in dialog.ui.statusLabel.text(), timeout=10000)
    qtbot.mouseClick(dialog.ui.backupNowButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.backupsTable.rowCount() == 1, timeout=10000)
    assert len(automatic(chosen)) == 1
    assert str(chosen) in dialog.ui.backupsTable.item(0, 2).text()
    assert window.worker.run_sync(lambda ctx: backups.settings(ctx.service)).keep[0] == 3


def test_restore_from_backup_verifies_keeps_the_current_file_and_opens_the_restored(
    qtbot, open_window, questions, messages
):
    window = open_window
    add_sample_data(qtbot, window)
    count = db(window, lambda cs: len(cs.list_ids()))
    backup = window.worker.run_sync(lambda ctx: backups.backup_now(ctx.service))
    db(window, lambda cs: cs.add({"name": "恢复后不应存在的客户"}))
    assert db(window, lambda cs: len(cs.list_ids())) == count + 1

    questions.answer = QMessageBox.Yes
    window.restore_backup(str(backup))
    qtbot.waitUntil(lambda: any("passed every check" in q[1] for q in questions), timeout=10000)
    qtbot.waitUntil(lambda: bool(messages) and "restored" in messages[-1][1], timeout=20000)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    settle(qtbot, window)
    assert db(window, lambda cs: len(cs.list_ids())) == count
    kept = list(paths.default_archive().parent.glob("*.before-restore-*.carc"))
    assert len(kept) == 1 and str(kept[0]) in messages[-1][1]
    assert window.customer_list.model.rowCount() == count


def test_a_damaged_backup_is_refused_and_nothing_changes(qtbot, open_window, messages, tmp_path):
    window = open_window
    add_sample_data(qtbot, window)
    bad = tmp_path / "damaged.carc"
    good = window.worker.run_sync(lambda ctx: backups.backup_now(ctx.service, bad))
    data = bytearray(Path(good).read_bytes())
    for i in range(len(data) // 2, len(data) // 2 + 64):
        data[i] ^= 0xFF
    bad.write_bytes(bytes(data))
    before = paths.default_archive().stat().st_mtime_ns
    window.restore_backup(str(bad))
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[-1][0] == "warning" and "not restored" in messages[-1][1]
    assert not list(paths.default_archive().parent.glob("*.before-restore-*"))
    assert window.info is not None and paths.default_archive().stat().st_mtime_ns == before
