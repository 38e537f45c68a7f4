"""The language of the command line's text: ``--lang``, else the program's setting, else the
locale's (LC_ALL, LC_MESSAGES, LANG). JSON output is the same in every language."""

from __future__ import annotations

import locale
import os

from .. import config


def cli_lang(args: object = None) -> str:
    """ "zh_CN" or "en"."""
    chosen = (
        getattr(args, "lang", None)
        or config.load().language
        or os.environ.get("LC_ALL")
        or os.environ.get("LC_MESSAGES")
        or os.environ.get("LANG")
        or (locale.getlocale()[0] or "")
    )
    return "zh_CN" if chosen.lower().startswith("zh") else "en"


def is_zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def pick(lang: str, en: str, zh: str) -> str:
    """``zh`` for a Chinese ``lang``, else ``en``."""
    return zh if is_zh(lang) else en


def yes_no(value: object, lang: str) -> str:
    return pick(lang, "yes", "是") if value else pick(lang, "no", "否")
