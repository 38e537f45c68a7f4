"""The window in Chinese: Qt's own dialogs and the services' errors speak it too."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop import errors
from desktop.gui import i18n
from desktop.gui.messages import error_text


@pytest.fixture
def chinese(qapp):
    app = qapp  # the application exists even when this is the worker's first test
    assert i18n.install(app, "zh_CN") == "zh_CN"
    yield
    i18n.install(app, "en")


def latin_words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z]{2,}", text.replace("&", ""))


@pytest.mark.parametrize("mode", [QFileDialog.AcceptOpen, QFileDialog.AcceptSave])
def test_the_file_dialog_labels_are_chinese(qtbot, chinese, tmp_path, mode):
    """Qt's own translation lacks 'Look in:' and 'Files of type:' (Qt 6 gave them an
    accelerator): the open and save dialogs showed them in English."""
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = [
        label.text() for label in dialog.findChildren(QLabel) if label.isVisible() and label.text()
    ]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels
    assert not [text for text in labels if latin_words(text)]


@pytest.mark.parametrize(
    "exc, words",
    [
        (errors.PermissionDenied("Only an administrator can manage accounts."), ["系统管理员"]),
        (errors.NotFound("No request #{approval_id}.", approval_id=7), ["没有申请", "7"]),
        (
            errors.ConflictError(
                "Item {item_no} was changed by someone else meanwhile.", item_no="A-1"
            ),
            ["物品", "A-1", "其他人修改"],
        ),
    ],
)
def test_a_service_error_is_said_in_chinese(chinese, exc, words):
    """The services raise them with an English template: the window says its Chinese
    translation, filled with the error's details, and no English."""
    text = error_text(exc)
    assert all(word in text for word in words), text
    assert latin_words(text) == [], text


@pytest.mark.parametrize(
    "exc, headline",
    [
        (
            errors.ConflictError("Item A-1 was changed by someone else meanwhile."),
            "其他人已在此期间修改",
        ),
        (
            errors.ValidationError("An access request lasts 1 to 720 hours.", fields={}),
            "输入内容无法使用",
        ),
    ],
)
def test_a_service_error_without_a_translation_is_named_in_chinese(chinese, exc, headline):
    """A message that is no listed template (built elsewhere, wrapped): the window names its
    kind in Chinese (by the error's code) and keeps the English line as the detail."""
    text = error_text(exc)
    assert text.startswith(headline) and exc.message in text


def refusal_kinds() -> set[str]:
    """Every kind of file the import reader refuses, as its source names them."""
    import inspect

    from desktop.reports import xlsx_import

    return set(re.findall(r'kind="([a-z_]+)"', inspect.getsource(xlsx_import)))


def test_every_refused_workbook_is_said_in_chinese(chinese):
    """A zip bomb, a sheet past Excel's limits, a damaged .ods: the window said these in
    English, because it had Chinese texts only for the kinds of file it knew before."""
    from desktop.gui.excel_transfer import import_error_text
    from desktop.reports.xlsx_import import ImportFileError

    kinds = refusal_kinds()
    assert {"bomb", "too_big", "too_many_rows", "damaged"} <= kinds
    for kind in sorted(kinds):
        exc = ImportFileError("English text", kind=kind, name="客户.xlsx", detail="XmlError")
        text = import_error_text(exc)
        assert "客户.xlsx" in text and "English text" not in text, kind
        assert not [
            w
            for w in latin_words(text)
            if w
            not in (
                "xlsx",
                "xls",
                "ods",
                "XmlError",
                "Excel",
                "WPS",
                "LibreOffice",
                "MB",
                "CSV",
                "PDF",
                "ZIP",
            )
        ], kind
