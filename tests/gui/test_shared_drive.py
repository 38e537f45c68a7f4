"""The shared drive in the window: a busy file is waited for and said so, and an archive
opened read-only cannot be changed."""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import Qt

from desktop import paths
from desktop.gui.main_window import PAGE_ARCHIVE
from gui_support import ASCII_PASS, add_sample_data, db, settle

HOLD = r"""
import sys, sqlcipher3
from desktop.storage.archive import apply_key  # the passphrase, and the tests' KDF setting
conn = sqlcipher3.connect(sys.argv[1], isolation_level=None)
apply_key(conn, sys.stdin.readline().rstrip("\n"))
conn.execute("BEGIN IMMEDIATE")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
print("released", flush=True)
"""


def open_first_card(qtbot, window):
    page = window.customer_list
    card = page.open_card(page.model.ids()[0])
    qtbot.waitUntil(lambda: card.card is not None)
    return card


def test_a_save_while_another_computer_holds_the_file_waits_and_says_so(
    qtbot, open_window, messages
):
    window = open_window
    add_sample_data(qtbot, window)
    card = open_first_card(qtbot, window)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(paths.default_archive())],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        holder.stdin.write(ASCII_PASS + "\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "holding"
        card.editors["postcode"].line.setText("300000")
        card.save()
        qtbot.waitUntil(window.waiting_label.isVisible, timeout=5000)
        assert "waiting for the shared archive" in window.waiting_label.text().lower()
        assert not card.ui.errorLabel.isVisible()
        holder.stdin.write("go\n")
        holder.stdin.flush()
        assert holder.stdout.readline().strip() == "released"
    finally:
        holder.kill()
        holder.wait()
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: not card._busy, timeout=10000)
    assert db(window, lambda cs: cs.get(card.customer_id).values["postcode"]) == "300000"
    assert not messages and not card.ui.errorLabel.isVisible()


def test_an_archive_opened_read_only_shows_everything_and_changes_nothing(qtbot, open_window):
    window = open_window
    add_sample_data(qtbot, window)
    path = paths.default_archive()
    window.close_archive()
    qtbot.waitUntil(lambda: not window.worker.busy)  # the session ended, the file closed
    assert window.action_open_readonly.isEnabled()  # File › Open Read-Only…
    before = path.read_bytes()
    window.open_archive(path, readonly=True)
    qtbot.waitUntil(
        lambda: window.info is not None and window.ui.pages.currentIndex() == PAGE_ARCHIVE,
        timeout=10000,
    )
    settle(qtbot, window)
    assert window.info.readonly
    assert window.readonly_label.isVisible() and "read-only" in window.readonly_label.text().lower()
    assert "read-only" in window.windowTitle()
    page = window.customer_list
    assert page.model.rowCount() > 0
    assert not page.ui.newButton.isEnabled() and page.new_card() is None
    card = open_first_card(qtbot, window)
    assert card.editors["name"].value()  # the card is shown …
    assert not card.save_button.isEnabled()  # … and cannot be saved
    assert card.editors["name"].editor.isReadOnly()  # readable and copyable, not greyed
    assert not card.editors["status"].editor.isEnabled()
    assert not card.ui.addFollowUpButton.isEnabled()
    assert "read-only" in card.ui.savedLabel.text()
    qtbot.keyClick(card, Qt.Key_Escape)
    window.close_archive()
    qtbot.waitUntil(lambda: not window.worker.busy)
    assert path.read_bytes() == before  # not a byte changed


def test_a_drive_that_vanishes_mid_edit_keeps_the_card_and_saves_when_back(
    qtbot, open_window, messages
):
    window = open_window
    add_sample_data(qtbot, window)
    window.watcher.set_interval_ms(200)
    card = open_first_card(qtbot, window)
    cid = card.customer_id
    card.editors["postcode"].line.setText("610000")
    card.editors["website"].line.setText("http://cd.example.cn")
    folder = paths.default_archive().parent
    away = folder.with_name(folder.name + " (unplugged)")
    folder.rename(away)  # the share is gone
    try:
        card.save()
        qtbot.waitUntil(card.ui.errorLabel.isVisible, timeout=10000)
        assert "cannot be reached" in card.ui.errorLabel.text()
        assert card.isVisible() and card.waiting_to_save
        assert card.editors["postcode"].value() == "610000"  # the edit is still on screen
        qtbot.waitUntil(window.unreachable_label.isVisible, timeout=5000)
        qtbot.wait(int(card._retry.interval() * 1.5))  # a retry while still gone
        assert card.is_dirty() and card.waiting_to_save
    finally:
        away.rename(folder)  # … and back
    qtbot.waitUntil(lambda: not card.is_dirty(), timeout=15000)
    assert not card.waiting_to_save and not card.ui.errorLabel.isVisible()
    qtbot.waitUntil(lambda: not window.unreachable_label.isVisible(), timeout=5000)
    values = db(window, lambda cs: cs.get(cid).values)
    assert (values["postcode"], values["website"]) == ("610000", "http://cd.example.cn")
    assert not messages  # no error box, no crash
    # the archive file is whole
    assert window.worker.run_sync(lambda ctx: ctx.service.check().ok)


def test_a_passphrase_changed_on_another_computer_locks_the_window_and_keeps_the_cards(
    qtbot, open_window
):
    from desktop.gui.main_window import PAGE_LOCKED
    from desktop.storage.archive import Archive

    window = open_window
    add_sample_data(qtbot, window)
    window.watcher.set_interval_ms(200)
    card = open_first_card(qtbot, window)
    card.editors["postcode"].line.setText("450000")
    with Archive.open(paths.default_archive(), ASCII_PASS) as other:
        other.rekey("a brand new office passphrase")
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_LOCKED, timeout=10000)
    assert "changed on another computer" in window.ui.lockedLabel.text()
    assert not card.isVisible() and card.editors["postcode"].value() == "450000"  # kept, hidden
    from desktop.gui.unlock_dialog import UnlockDialog

    qtbot.mouseClick(window.ui.unlockButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.dialog, UnlockDialog))
    qtbot.keyClicks(window.dialog.ui.passphraseEdit, "a brand new office passphrase")
    qtbot.keyClick(window.dialog.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    qtbot.waitUntil(card.isVisible)
    assert card.editors["postcode"].value() == "450000"
