"""Errors shown to the user: each typed error as one translated, clear message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import error_messages


def error_text(exc: BaseException) -> str:
    """The message for an error, in the user's language; paths are filled in."""
    return error_messages.error_text(
        exc, QCoreApplication.translate, english=QLocale().language() == QLocale.English
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("Errors", "Customer Archive"), error_text(exc)
    )
