"""The command line's error line in the user's language: the window's texts, read from the
same translation file (``error_messages``), so both say the same in Chinese; English stays the
services' own sentence."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from .. import error_messages, errors
from .language import is_zh


def error_line(exc: errors.ArchiveError, lang: str) -> str:
    if not is_zh(lang):
        return exc.message
    translate = _qm_translate(lang)
    if translate is None:  # a checkout without built resources: the English sentence
        return exc.message
    return error_messages.error_text(exc, translate, english=False)


def _qm_translate(lang: str) -> error_messages.Translate | None:
    from PySide6.QtCore import QTranslator  # only when there is an error to say in Chinese

    qm = Path(str(resources.files("desktop") / "resources" / "translations")) / "customer_archive_zh_CN.qm"
    translator = QTranslator()
    if not translator.load(str(qm)):
        return None
    return lambda context, text: translator.translate(context, text) or text
