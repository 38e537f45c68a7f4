"""Texts of Qt's own dialogs that Qt's qtbase_zh_CN.qm lacks (Qt 6 added an accelerator to
them, the translation still has the old source text): "&Look in:" and "Files of &type:" of
the file dialog stayed English under 简体中文.

They are listed here under Qt's own context so that lupdate keeps them in our .ts files; our
translator is asked after Qt's, so it only fills these gaps.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
