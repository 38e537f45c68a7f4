"""Printing from the window: Export Cards as PDF for the selection or the whole filtered list,
the print preview with the right page count, the pages painted on a QPrinter, Print… on a
card, and the progress dialog's Cancel."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

from desktop.gui import card_printing, worker
from desktop.gui.customer_model import COL_NAME
from gui_support import add_sample_data, settle
from test_people import log_in, open_office


def pdf_pages(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("Pages:")))


def pdf_text(path) -> str:
    return "".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )


@pytest.fixture
def sample_window(qtbot, open_window):
    add_sample_data(qtbot, open_window)
    return open_window


def _select_rows(qtbot, page, rows):
    view = page.ui.tableView
    for i, row in enumerate(rows):
        rect = view.visualRect(page.model.index(row, COL_NAME))
        qtbot.mouseClick(
            view.viewport(),
            Qt.LeftButton,
            Qt.ControlModifier if i else Qt.NoModifier,
            rect.center(),
        )
    return [page.model.id_at(r) for r in rows]


def _save_as(monkeypatch, path):
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def _wait_result(qtbot, printing, before):
    qtbot.waitUntil(lambda: printing.last_result is not before, timeout=30000)
    return printing.last_result


def test_export_selected_cards_writes_a_pdf_with_their_pages(
    qtbot, sample_window, monkeypatch, tmp_path
):
    page = sample_window.customer_list
    printing = sample_window.card_printing
    ids = _select_rows(qtbot, page, [0, 2, 4])
    names = [page.model.data(page.model.index(r, COL_NAME)) for r in (0, 2, 4)]
    assert page.selected_ids() == ids
    out = tmp_path / "cards.pdf"
    _save_as(monkeypatch, out)
    menu_texts = [a.text() for a in sample_window.ui.menuFile.actions()]
    assert "&Export Cards as PDF…" in menu_texts and "&Print Cards…" in menu_texts
    printing.export_action.trigger()
    result = _wait_result(qtbot, printing, None)
    assert result.customers == 3 and pdf_pages(out) == result.pages >= 3
    text = pdf_text(out)
    for name in names:
        assert "".join(name.split()) in text
    assert "statusbar" not in text
    assert "3 cards written" in sample_window.statusBar().currentMessage()


def test_one_selected_customer_or_the_whole_filtered_list(
    qtbot, sample_window, monkeypatch, tmp_path
):
    page = sample_window.customer_list
    printing = sample_window.card_printing
    page.filters["tiers"].set_selected(["A"], notify=True)
    settle(qtbot, sample_window)
    listed = page.model.rowCount()
    assert 1 < listed < 200
    _select_rows(qtbot, page, [0])
    asked = []
    monkeypatch.setattr(
        card_printing, "ask_scope", lambda parent, n, name, task="print": asked.append(n) or "list"
    )
    out = tmp_path / "tier-a.pdf"
    _save_as(monkeypatch, out)
    printing.export_action.trigger()
    result = _wait_result(qtbot, printing, None)
    assert asked == [listed] and result.customers == listed
    assert pdf_pages(out) >= listed
    monkeypatch.setattr(card_printing, "ask_scope", lambda parent, n, name, task="print": "one")
    one = tmp_path / "one.pdf"
    _save_as(monkeypatch, one)
    printing.export_action.trigger()
    result = _wait_result(qtbot, printing, result)
    assert result.customers == 1
    assert "".join(page.current_name().split()) in pdf_text(one)


def test_preview_opens_with_the_right_page_count(qtbot, sample_window):
    page = sample_window.customer_list
    printing = sample_window.card_printing
    _select_rows(qtbot, page, [1, 3])
    printing.preview_action.trigger()
    result = _wait_result(qtbot, printing, None)
    qtbot.waitUntil(lambda: bool(printing.previews), timeout=10000)
    dialog = printing.previews[-1]
    preview = dialog.findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == result.pages, timeout=20000)
    assert result.pages >= 2
    dialog.close()


def test_pages_painted_on_a_printer_are_the_pdf_pages(qtbot, tmp_path):
    from desktop.reports import pdf_layout as L
    from reportlab.platypus import PageBreak

    data, pages = L.build_pdf_bytes(
        [
            L.para("第一页", L.styles().body),
            PageBreak(),
            L.para("第二页", L.styles().body),
            PageBreak(),
            L.para("第三页", L.styles().body),
        ],
        L.PageSetup("测试", "张伟", lang="zh"),
    )
    printer = card_printing.a4_printer()
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert card_printing.paint_pdf(printer, data, dpi=72) == pages == 3
    assert pdf_pages(out) == 3


def test_print_from_a_card(qtbot, sample_window, tmp_path):
    page = sample_window.customer_list
    printing = sample_window.card_printing
    cid = page.model.id_at(0)
    card = page.open_card(cid)
    qtbot.waitUntil(lambda: card.print_button.isEnabled(), timeout=10000)
    printer = card_printing.a4_printer()
    printer.setOutputFormat(QPrinter.PdfFormat)
    out = tmp_path / "card.pdf"
    printer.setOutputFileName(str(out))
    printing._parent_for_job = card
    printing.print_cards([cid], printer=printer)  # the print dialog chose a PDF printer
    result = _wait_result(qtbot, printing, None)
    assert result.customers == 1
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=10000)
    assert pdf_pages(out) == result.pages
    menu = [a.text() for a in card.print_button.menu().actions()]
    assert menu == ["&Print…", "Print Pre&view…", "&Export as PDF…"]


def test_cancel_in_the_progress_dialog_writes_nothing(qtbot, sample_window, monkeypatch, tmp_path):
    page = sample_window.customer_list
    printing = sample_window.card_printing
    monkeypatch.setattr(worker, "PROGRESS_DELAY_MS", 0)
    page.clear_filters()
    settle(qtbot, sample_window)
    monkeypatch.setattr(card_printing, "ask_scope", lambda parent, n, name, task="print": "list")
    out = tmp_path / "all.pdf"
    _save_as(monkeypatch, out)
    printing.export_action.trigger()
    dialog = []
    qtbot.waitUntil(
        lambda: (
            dialog.append(
                next(
                    (
                        w
                        for w in QApplication.topLevelWidgets()
                        if isinstance(w, QProgressDialog) and w.isVisible()
                    ),
                    None,
                )
            )
            or dialog[-1] is not None
        ),
        timeout=10000,
    )
    qtbot.mouseClick(dialog[-1].findChild(QPushButton), Qt.LeftButton)
    qtbot.waitUntil(
        lambda: "cancelled" in sample_window.statusBar().currentMessage(), timeout=30000
    )
    assert not out.exists()


def test_handover_list_preview_after_a_handover(qtbot, window, office, tmp_path):
    from desktop.gui.handover_dialog import HandoverDialog

    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    window.ui.actionHandover.trigger()
    d = window.dialog
    assert isinstance(d, HandoverDialog) and not d.print_button.isEnabled()
    qtbot.waitUntil(lambda: d.ui.fromCombo.count() == 4, timeout=10000)
    d.ui.fromCombo.setCurrentIndex(d.ui.fromCombo.findData("sun"))
    d.ui.toCombo.setCurrentIndex(d.ui.toCombo.findData("qian"))
    d.ui.reasonEdit.insert("孙业务离职")
    qtbot.mouseClick(d.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: d.print_button.isEnabled(), timeout=10000)
    printing = window.card_printing
    qtbot.mouseClick(d.print_button, Qt.LeftButton)
    result = _wait_result(qtbot, printing, None)
    assert result.customers == 3
    pdf = tmp_path / "handover.pdf"
    pdf.write_bytes(result.data)
    text = pdf_text(pdf)
    assert "孙业务离职" in text and "王小明" in text
    qtbot.waitUntil(lambda: bool(printing.previews), timeout=10000)
    preview = printing.previews[-1].findChild(QPrintPreviewWidget)
    qtbot.waitUntil(lambda: preview.pageCount() == result.pages, timeout=20000)
    printing.previews[-1].close()


def test_ctrl_p_in_the_list_opens_the_print_dialog_for_the_selection(
    qtbot, sample_window, monkeypatch
):
    page = sample_window.customer_list
    _select_rows(qtbot, page, [0, 1])
    shown = []

    class FakePrintDialog:
        def __init__(self, printer, parent):
            shown.append(printer.pageLayout().pageSize().id())

        def setWindowTitle(self, title):  # noqa: N802 - Qt's name
            shown.append(title)

        def exec(self):
            return 0  # the user cancels: nothing is printed

    monkeypatch.setattr(card_printing, "QPrintDialog", FakePrintDialog)
    sample_window.activateWindow()
    qtbot.waitUntil(sample_window.isActiveWindow)
    page.ui.tableView.setFocus()
    qtbot.keyClick(sample_window, Qt.Key_P, Qt.ControlModifier)
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=5000)
    from PySide6.QtGui import QPageSize

    assert shown == [QPageSize.A4, "Print 2 Cards"]
    # Cancelled: nothing is printed, even once the worker is done with whatever else it had
    # (a loaded machine can still be filling the list when the keys arrive).
    qtbot.waitUntil(lambda: not sample_window.worker.busy, timeout=10000)
    assert sample_window.card_printing.last_result is None


def test_a_preview_of_too_many_cards_says_how_to_look_instead(
    qtbot, sample_window, messages, monkeypatch
):
    page = sample_window.customer_list
    printing = sample_window.card_printing
    monkeypatch.setattr(card_printing, "ask_scope", lambda parent, n, name, task="print": "list")
    printing.preview_action.trigger()  # the whole list: 200 cards
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "up to 50 cards" in messages[-1][1] and "200" in messages[-1][1]
    assert not printing.previews and printing.last_result is None
    assert page.model.rowCount() == 200


def test_export_of_one_card_asks_about_exporting_and_never_suggests_the_last_file(
    qtbot, sample_window, monkeypatch, tmp_path
):
    from PySide6.QtCore import QStandardPaths, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    page = sample_window.customer_list
    printing = sample_window.card_printing
    _select_rows(qtbot, page, [1])
    name = page.current_name()
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", staticmethod(lambda kind: str(tmp_path))
    )
    (tmp_path / "Customer cards.pdf").write_bytes(b"%PDF- the last export")
    suggested = []

    def save_as(parent, title, path, *a, **k):
        suggested.append(path)
        return path, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    asked = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        asked.append((box.windowTitle(), box.text()))
        next(b for b in box.buttons() if b.text() == "Only This Customer").click()

    QTimer.singleShot(0, answer)
    printing.export_action.trigger()
    result = _wait_result(qtbot, printing, None)
    assert asked[0][0] == "Export Cards as PDF"
    assert asked[0][1].startswith(f"Export only {name} as PDF") and "Print" not in asked[0][1]
    assert suggested == [str(tmp_path / "Customer cards (2).pdf")]
    assert (tmp_path / "Customer cards.pdf").read_bytes() == b"%PDF- the last export"
    message = sample_window.statusBar().currentMessage()
    assert result.customers == 1 and message.startswith("1 card written to")
    pages = "1 page)" if result.pages == 1 else f"{result.pages} pages)"
    assert pages in message and "1 pages" not in message
