"""Excel from the window: File › Export to Excel… (the current list, the full workbook, and the
progress dialog's Cancel), File › Import from Excel… (file, sheet, mapping, check, per-row
duplicate choice, import) and File › Undo Last Import, driven through the widgets."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QMessageBox, QProgressDialog, QPushButton

from desktop.gui import excel_transfer, worker
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from gui_support import add_sample_data, db, settle, shown
from test_people import PW, log_in, on_worker, open_office

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_xlsx_import import messy_workbook  # noqa: E402


@pytest.fixture
def sample_window(qtbot, open_window):
    add_sample_data(qtbot, open_window)
    return open_window


def _save_as(monkeypatch, path):
    monkeypatch.setattr(excel_transfer, "save_path", lambda parent, name: str(path))


def test_export_the_current_list_and_the_full_workbook(qtbot, sample_window, monkeypatch, tmp_path):
    window = sample_window
    page = window.customer_list
    qtbot.keyClicks(page.ui.searchEdit, "beijing")
    settle(qtbot, window)
    listed = page.model.rowCount()
    assert 0 < listed
    monkeypatch.setattr(excel_transfer, "ask_export_kind", lambda parent, n: "list")
    out = tmp_path / "list.xlsx"
    _save_as(monkeypatch, out)
    window.excel.export_action.trigger()
    qtbot.waitUntil(lambda: window.excel.last_export is not None, timeout=30000)
    ws = load_workbook(out).active
    assert ws.max_row == listed + 1
    names = {r[0] for r in ws.iter_rows(min_row=2, values_only=True)}
    assert set(shown(page)[:50]) <= names
    assert str(out) in window.statusBar().currentMessage()

    monkeypatch.setattr(excel_transfer, "ask_export_kind", lambda parent, n: "full")
    full = tmp_path / "full.xlsx"
    _save_as(monkeypatch, full)
    window.excel.last_export = None
    window.excel.export_action.trigger()
    qtbot.waitUntil(lambda: window.excel.last_export is not None, timeout=60000)
    wb = load_workbook(full, read_only=True)
    assert len(wb.sheetnames) >= 7 and window.excel.last_export.kind == "full"


def test_cancel_in_the_progress_dialog_writes_no_file(qtbot, sample_window, monkeypatch, tmp_path):
    import desktop.reports.xlsx_export as xe

    monkeypatch.setattr(worker, "PROGRESS_DELAY_MS", 0)
    monkeypatch.setattr(xe, "TICK", 1)
    original = xe.SheetWriter.extend

    def slow_extend(self, rows, *, tick=None):  # a big archive, in a test's time
        import time

        def slow_tick():
            time.sleep(0.01)
            tick()

        return original(self, rows, tick=slow_tick)

    monkeypatch.setattr(xe.SheetWriter, "extend", slow_extend)
    monkeypatch.setattr(excel_transfer, "ask_export_kind", lambda parent, n: "list")
    out = tmp_path / "never.xlsx"
    _save_as(monkeypatch, out)
    sample_window.excel.export_action.trigger()
    found = []
    qtbot.waitUntil(
        lambda: (
            found.append(
                next(
                    (
                        w
                        for w in QApplication.topLevelWidgets()
                        if isinstance(w, QProgressDialog) and w.isVisible()
                    ),
                    None,
                )
            )
            or found[-1] is not None
        ),
        timeout=10000,
    )
    qtbot.mouseClick(found[-1].findChild(QPushButton), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: "Cancelled" in sample_window.statusBar().currentMessage(), timeout=30000
    )
    assert not out.exists()


def _open_dialog(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(excel_transfer, "open_path", lambda parent: str(path))
    window.excel.import_action.trigger()
    dialog = window.excel.dialog
    qtbot.mouseClick(dialog.ui.browseButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.mappingTable.rowCount() > 0, timeout=10000)
    return dialog


def test_import_check_choose_import_and_undo(qtbot, open_window, monkeypatch, tmp_path, questions):
    window = open_window
    book = tmp_path / "客户名单.xlsx"
    messy_workbook(book)
    dialog = _open_dialog(qtbot, window, monkeypatch, book)
    ui = dialog.ui
    assert [ui.sheetCombo.itemText(i) for i in range(ui.sheetCombo.count())] == [
        "客户名单",
        "旧名单 (hidden)",
    ]
    assert ui.headerLabel.text() == "Header in row 4"
    table = ui.mappingTable
    assert [table.item(r, 1).text() for r in range(table.rowCount())][:4] == [
        "公司名称",
        "联系电话",
        "联系人 姓名",
        "联系人 手机",
    ]
    assert table.cellWidget(3, 2).currentData() == "contact.mobile"

    qtbot.mouseClick(ui.checkButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: ui.summaryLabel.text().startswith("Check:"), timeout=10000)
    assert (
        "4 new cards" in ui.summaryLabel.text() and "3 rows with problems" in ui.summaryLabel.text()
    )
    preview = ui.previewTable
    problems = [preview.item(r, 4).text() for r in range(preview.rowCount())]
    assert any("客户名单!9 B (联系电话): Not a valid phone number: 12345" in p for p in problems)
    # row 12 repeats row 5: its own choice, made in the table
    decision = preview.findChild(QComboBox, "decisionCombo12")
    assert decision.currentData() == "skip"
    decision.setFocus()
    qtbot.keyClicks(decision, "C")  # "Create a new card anyway"
    assert decision.currentData() == "create"
    assert "check again" in ui.summaryLabel.text()

    qtbot.mouseClick(ui.importButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: ui.summaryLabel.text().startswith("Imported:"), timeout=10000)
    assert "5 new cards" in ui.summaryLabel.text()
    settle(qtbot, window)
    names = shown(window.customer_list)
    assert names.count("上海东方贸易有限公司") == 2 and "杭州瑞丰食品有限公司" in names
    dialog.close()

    questions.answer = QMessageBox.Yes
    window.excel.undo_action.trigger()
    qtbot.waitUntil(lambda: "undone" in window.statusBar().currentMessage(), timeout=10000)
    assert "Take back import #1 of 客户名单.xlsx" in questions[-1][1]
    settle(qtbot, window)
    assert db(window, lambda svc: svc.find()) == []


def test_a_column_left_out_by_keyboard_and_a_bad_file(qtbot, open_window, monkeypatch, tmp_path):
    window = open_window
    book = tmp_path / "客户名单.xlsx"
    messy_workbook(book)
    dialog = _open_dialog(qtbot, window, monkeypatch, book)
    phone = dialog.ui.mappingTable.cellWidget(1, 2)
    phone.setFocus()
    qtbot.keyClicks(phone, "(")  # "(not imported)"
    assert phone.currentData() is None
    qtbot.mouseClick(dialog.ui.checkButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.ui.summaryLabel.text().startswith("Check:"), timeout=10000)
    assert "联系电话" not in "".join(
        dialog.ui.previewTable.item(r, 4).text() for r in range(dialog.ui.previewTable.rowCount())
    )

    fake = tmp_path / "fake.xlsx"
    fake.write_bytes(b"%PDF-1.5\n")
    monkeypatch.setattr(excel_transfer, "open_path", lambda parent: str(fake))
    qtbot.mouseClick(dialog.ui.browseButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: "PDF" in dialog.ui.summaryLabel.text(), timeout=10000)
    assert dialog.ui.mappingTable.rowCount() == 0 and not dialog.ui.importButton.isEnabled()


def test_a_regional_managers_full_export_is_asked_for_then_written(
    qtbot, window, office, tmp_path, monkeypatch, messages
):  # noqa: F811
    open_office(qtbot, window, office)
    log_in(qtbot, window, "sun")
    assert not window.excel.import_action.isVisible()  # a salesperson never imports
    window.ui.actionSwitchUser.trigger()
    qtbot.waitUntil(lambda: window.dialog is not None, timeout=10000)
    log_in(qtbot, window, "qian")
    assert window.excel.import_action.isVisible()

    monkeypatch.setattr(excel_transfer, "ask_export_kind", lambda parent, n: "full")
    monkeypatch.setattr(excel_transfer, "ask_reason", lambda parent: "季度盘点")
    out = tmp_path / "full.xlsx"
    _save_as(monkeypatch, out)
    window.excel.export_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages[-1][0] == "information" and "Filed as request #2" in messages[-1][1]
    assert not out.exists()
    window.excel.export_action.trigger()
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=10000)
    assert "still waiting" in messages[-1][1]

    on_worker(
        window,
        lambda svc: ApprovalService(
            svc.archive, AccountService(svc.archive).login("zhao", PW)
        ).approve(2, note="同意"),
    )
    window.excel.export_action.trigger()
    qtbot.waitUntil(lambda: window.excel.last_export is not None, timeout=30000)
    assert window.excel.last_export.approval_id == 2
    names = [r[0] for r in load_workbook(out).worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert sorted(names) == sorted(
        ["上海东方贸易有限公司", "杭州瑞丰食品有限公司", "王小明"]
    )  # 华东's
