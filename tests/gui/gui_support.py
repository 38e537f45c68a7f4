"""Helpers shared by the GUI tests (imported by name: tests/gui is on sys.path)."""

from __future__ import annotations

from pathlib import Path

# QTest types ASCII only (a Chinese passphrase arrives through the input method, see
# test_main_window.test_change_passphrase_through_the_dialog).
ASCII_PASS = "correct horse battery staple"
PW = "a good password 1"  # the log-in password of the people of the office fixture (conftest.py)


def create_first_run(qtbot, window):
    """Start the window as on a first run and create the default archive through the dialog."""
    from PySide6.QtCore import Qt

    from desktop import paths
    from desktop.gui.main_window import PAGE_ARCHIVE
    from desktop.gui.passphrase_dialog import NewArchiveDialog

    window.start()
    qtbot.waitUntil(lambda: isinstance(window.dialog, NewArchiveDialog))
    d = window.dialog
    assert Path(d.ui.pathEdit.text()) == paths.default_archive()
    assert d.ui.pathEdit.isReadOnly()
    qtbot.keyClicks(d.ui.passphraseEdit, ASCII_PASS)
    qtbot.keyClicks(d.ui.repeatEdit, ASCII_PASS)
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.ui.pages.currentIndex() == PAGE_ARCHIVE, timeout=10000)
    return paths.default_archive()


def settle(qtbot, window, timeout: int = 10000) -> None:
    """Wait until the list's debounce timer has fired and the worker has answered every job."""
    page = window.customer_list
    qtbot.waitUntil(
        lambda: not page._debounce.isActive() and not window.worker.busy, timeout=timeout
    )


def add_sample_data(qtbot, window) -> None:
    """Fill the empty archive through the empty page's "Try with sample data" button."""
    from PySide6.QtCore import Qt

    from desktop.gui.customer_list import PAGE_EMPTY, PAGE_TABLE

    page = window.customer_list
    settle(qtbot, window)
    assert page.ui.listStack.currentIndex() == PAGE_EMPTY
    qtbot.mouseClick(page.ui.sampleButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.ui.listStack.currentIndex() == PAGE_TABLE, timeout=20000)
    settle(qtbot, window)


def shown(page, column=None) -> list[str]:
    """The texts of a column of the customer list, as the view shows them (first page)."""
    from desktop.gui.customer_model import COL_NAME

    model = page.model
    column = COL_NAME if column is None else column
    return [model.data(model.index(r, column)) for r in range(min(model.rowCount(), 200))]


def db(window, fn):
    """Run ``fn(customer_service)`` on the worker and return its result (test set-up/checks)."""
    from desktop.gui.customer_jobs import customers

    return window.worker.run_sync(lambda ctx: fn(customers(ctx.service)))
