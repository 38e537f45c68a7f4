"""The application shell as a user meets it: first run, unlock, lock, errors, language."""

from __future__ import annotations

import sqlite3

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop import config, paths
from desktop.gui.main_window import PAGE_ARCHIVE, PAGE_EMPTY, PAGE_LOCKED
from desktop.gui.passphrase_dialog import NewArchiveDialog
from desktop.gui.unlock_dialog import UnlockDialog
from desktop.storage.archive import Archive, archive_id
from gui_support import ASCII_PASS as PASS, create_first_run as _create_first_run


def test_first_run_creates_the_default_archive_and_remembers_the_key(qtbot, window, keystore):
    path = _create_first_run(qtbot, window)
    assert path.exists()
    aid = archive_id(path)
    assert keystore.entries[aid] == PASS
    assert aid in window.archive_info_text()
    assert "archive.carc" in window.windowTitle()
    assert config.load().last_archive == str(path)
    with Archive.open(path, PASS) as a:  # a real SQLCipher archive with that passphrase
        assert a.schema_version >= 1


def test_second_start_opens_from_keyring_without_asking(qtbot, window, keystore):
    _create_first_run(qtbot, window)
    window.close_archive()
    assert window.ui.pages.currentIndex() == PAGE_EMPTY
    window.start()
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    assert window.dialog is None
    assert "keyring" in window.archive_info_text()


def test_short_or_mismatched_passphrase_is_refused_in_the_dialog(qtbot, window):
    window.start()
    qtbot.waitUntil(lambda: isinstance(window.dialog, NewArchiveDialog))
    d = window.dialog
    qtbot.keyClicks(d.ui.passphraseEdit, "short")
    qtbot.keyClicks(d.ui.repeatEdit, "short")
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    assert d.isVisible() and "8" in d.ui.errorLabel.text()
    d.ui.passphraseEdit.setText(PASS)
    d.ui.repeatEdit.setText(PASS + "x")
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    assert d.isVisible() and d.ui.errorLabel.text()
    assert not paths.default_archive().exists()


def test_a_very_weak_passphrase_is_used_only_when_the_user_says_so(qtbot, window, questions):
    from PySide6.QtWidgets import QMessageBox

    window.start()
    qtbot.waitUntil(lambda: isinstance(window.dialog, NewArchiveDialog))
    d = window.dialog
    qtbot.keyClicks(d.ui.passphraseEdit, "password123")
    qtbot.keyClicks(d.ui.repeatEdit, "password123")
    questions.answer = QMessageBox.No
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    assert len(questions) == 1 and "anyway" in questions[0][1] and "very weak" in questions[0][1]
    assert d.isVisible() and "stronger" in d.ui.errorLabel.text()
    assert not paths.default_archive().exists()
    questions.answer = QMessageBox.Yes
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    assert paths.default_archive().exists()


def test_wrong_passphrase_keeps_the_dialog_open_and_the_file_unchanged(
    qtbot, window, keystore, tmp_path
):
    path = tmp_path / "office.carc"
    Archive.create(path, PASS).close()
    before = path.read_bytes()
    window.start(str(path))
    qtbot.waitUntil(lambda: isinstance(window.dialog, UnlockDialog))
    d = window.dialog
    qtbot.keyClicks(d.ui.passphraseEdit, "not the passphrase")
    qtbot.keyClick(d.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: d.ui.errorLabel.isVisible(), timeout=10000)
    assert "Wrong passphrase" in d.ui.errorLabel.text()
    assert d.isVisible()
    assert path.read_bytes() == before
    d.ui.passphraseEdit.setText(PASS)
    d.ui.rememberCheck.setChecked(False)
    qtbot.keyClick(d.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    assert keystore.entries == {}  # not remembered when unticked


def test_lock_hides_the_data_and_asks_for_the_passphrase(qtbot, window):
    _create_first_run(qtbot, window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_L, Qt.ControlModifier)
    assert window.ui.pages.currentIndex() == PAGE_LOCKED
    assert not window.ui.actionCheck.isEnabled()
    qtbot.mouseClick(window.ui.unlockButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(window.dialog, UnlockDialog))
    qtbot.keyClicks(window.dialog.ui.passphraseEdit, PASS)
    qtbot.keyClick(window.dialog.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)


def _lock_and_wait_for_unlock(qtbot, window) -> UnlockDialog:
    window.lock()
    window.unlock()
    qtbot.waitUntil(lambda: isinstance(window.dialog, UnlockDialog))
    return window.dialog


def test_the_remember_box_tells_whether_the_keyring_holds_the_key(
    qtbot, window, keystore, tmp_path
):
    path = _create_first_run(qtbot, window)
    aid = archive_id(path)
    assert keystore.entries[aid] == PASS
    d = _lock_and_wait_for_unlock(qtbot, window)
    assert d.ui.rememberCheck.isChecked()  # the key is remembered: the box says so
    d.ui.rememberCheck.setChecked(False)  # … and unticking it takes the key out
    qtbot.keyClicks(d.ui.passphraseEdit, PASS)
    qtbot.keyClick(d.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    assert aid not in keystore.entries
    assert config.load().remember_key is False  # kept for the next start
    d = _lock_and_wait_for_unlock(qtbot, window)
    assert not d.ui.rememberCheck.isChecked()
    d.reject()

    # The next start, with no key in the keyring: the box as the user last left it.
    second = tmp_path / "second.carc"
    Archive.create(second, PASS).close()
    window.close_archive()
    window.start(str(second))
    qtbot.waitUntil(lambda: isinstance(window.dialog, UnlockDialog))
    d = window.dialog
    assert not d.ui.rememberCheck.isChecked()
    d.ui.rememberCheck.setChecked(True)
    qtbot.keyClicks(d.ui.passphraseEdit, PASS)
    qtbot.keyClick(d.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    assert keystore.entries[archive_id(second)] == PASS
    assert config.load().remember_key is True


def test_a_stale_key_shows_the_box_ticked_and_unlocking_replaces_it(
    qtbot, window, keystore, tmp_path
):
    path = tmp_path / "office.carc"
    Archive.create(path, PASS).close()
    keystore.entries[archive_id(path)] = "an old passphrase"
    window.start(str(path))
    qtbot.waitUntil(lambda: isinstance(window.dialog, UnlockDialog))
    d = window.dialog
    assert d.ui.rememberCheck.isChecked() and "no longer opens" in d.ui.reasonLabel.text()
    qtbot.keyClicks(d.ui.passphraseEdit, PASS)
    qtbot.keyClick(d.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    assert keystore.entries[archive_id(path)] == PASS


def test_auto_lock_after_idle(qtbot, window):
    _create_first_run(qtbot, window)
    window.idle.set_interval_ms(200)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_LOCKED, timeout=5000)
    assert "without use" in window.ui.lockedLabel.text()


def test_not_an_archive_gets_a_clear_message(qtbot, window, messages, tmp_path):
    plain = tmp_path / "customers.db"
    sqlite3.connect(plain).execute("create table t(a)").connection.close()
    window.start(str(plain))
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    kind, text = messages[-1]
    assert kind == "warning" and "not a Customer Archive" in text and str(plain) in text
    assert window.ui.pages.currentIndex() == PAGE_EMPTY


def test_missing_recent_archive_is_reported_and_forgotten(qtbot, window, messages, tmp_path):
    gone = tmp_path / "gone.carc"
    window.config.remember_archive(gone)
    window.start()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "no archive" in messages[-1][1].lower()
    assert str(gone) not in config.load().recent_archives


def test_change_passphrase_through_the_dialog(qtbot, window, keystore):
    path = _create_first_run(qtbot, window)
    window.ui.actionPassphrase.trigger()
    d = window.dialog
    new = "a brand new passphrase 新的"
    qtbot.keyClicks(d.ui.currentEdit, PASS)
    d.ui.passphraseEdit.insert(new)  # as an input method commits it
    d.ui.repeatEdit.insert(new)
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.dialog is None, timeout=10000)
    assert keystore.entries[archive_id(path)] == new
    window.close_archive()
    with Archive.open(path, new) as a:
        assert a.id == archive_id(path)


def test_chinese_translation_covers_the_menus(qtbot, keystore):
    from desktop.gui import i18n
    from desktop.gui.main_window import MainWindow

    app = QApplication.instance()
    try:
        assert i18n.install(app, "zh_CN") == "zh_CN"
        w = MainWindow(config.load(), keystore=keystore)
        qtbot.addWidget(w)
        assert w.ui.menuFile.title() == "文件(&F)"
        assert w.windowTitle() == "客户档案"
        assert w.ui.emptyLabel.text() == "未打开任何档案库。"
        w.close()
    finally:
        i18n.install(app, "en")


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_menu_entry_has_its_own_access_key(qtbot, keystore, language):
    """Alt+letter reaches one entry: two entries of a menu (or two menus of the bar) on the
    same letter make the keyboard user press it twice and guess."""
    import re

    from PySide6.QtWidgets import QMenu

    from desktop.gui import i18n
    from desktop.gui.main_window import MainWindow

    app = QApplication.instance()
    try:
        assert i18n.install(app, language) == language
        w = MainWindow(config.load(), keystore=keystore)
        qtbot.addWidget(w)
        groups = {"menu bar": [a.text() for a in w.menuBar().actions()]}
        for menu in w.findChildren(QMenu):
            if menu.title():
                groups[menu.title()] = [a.text() for a in menu.actions() if not a.isSeparator()]
        clashes, missing = [], []
        for where, texts in groups.items():
            seen: dict[str, str] = {}
            for text in texts:
                key = re.search(r"&([^&])", text)
                if key is None:
                    missing.append(f"{where}: {text}")
                    continue
                letter = key.group(1).lower()
                if letter in seen:
                    clashes.append(f"{where}: {seen[letter]!r} and {text!r} both on {letter}")
                seen[letter] = text
        assert not clashes
        assert not missing
        w.close()
    finally:
        i18n.install(app, "en")


def test_about_shows_the_versions_the_archive_format_and_the_licences(qtbot, window):
    from desktop import __version__
    from desktop.storage.archive import Archive

    _create_first_run(qtbot, window)
    text = window.about_text()
    assert f"Customer Archive {__version__}" in text
    with Archive.open(paths.default_archive(), PASS) as a:
        assert f"Archive format version {a.schema_version}" in text
    assert "LGPL-3.0" in text and "code.qt.io" in text  # where Qt's source is
    import PySide6

    assert PySide6.__version__ in text and "SQLCipher 4." in text


def test_about_is_in_chinese_under_zh_cn(qtbot, window):
    from desktop import __version__
    from desktop.gui import i18n

    app = QApplication.instance()
    i18n.install(app, "zh_CN")
    try:
        text = window.about_text()
        assert f"客户档案 {__version__}" in text and "加密文件" in text and "许可证" in text
        assert "Customer files" not in text
    finally:
        i18n.install(app, "en")
