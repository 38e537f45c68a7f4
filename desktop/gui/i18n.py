"""The program's language: the system locale by default, or the one chosen in Preferences.

Translations are Qt Linguist files: resources/translations/*.ts (sources) built to .qm.
Translated strings use named ``{placeholders}`` filled with ``str.format`` after
translation; never f-strings or ``%`` inside ``tr()``. ``CUSTOMER_ARCHIVE_PSEUDO=1``
lengthens every translated string by half, to find truncated layouts.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from .resources import translations_dir

LANGUAGES = (("", "System default"), ("zh_CN", "简体中文"), ("en", "English"))

_installed: list[QTranslator] = []


class PseudoTranslator(QTranslator):
    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: D401
        if not source:
            return source
        return source + " " + "~" * max(1, len(source) // 2)


def resolve_language(choice: str) -> str:
    if choice:
        return choice
    name = QLocale.system().name()  # e.g. zh_CN, en_US
    return "zh_CN" if name.startswith("zh") else "en"


def install(app: QCoreApplication, choice: str = "") -> str:
    """Install the translators for ``choice`` ("" = system); returns the language used."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    language = resolve_language(choice)
    QLocale.setDefault(QLocale(language))
    if os.environ.get("CUSTOMER_ARCHIVE_PSEUDO") == "1":
        t = PseudoTranslator(app)
        app.installTranslator(t)
        _installed.append(t)
        return language
    ours = QTranslator(app)
    if ours.load(str(translations_dir() / f"customer_archive_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)  # Qt's own dialogs and buttons (OK, Cancel, …)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
