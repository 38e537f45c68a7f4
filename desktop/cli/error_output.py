"""The command line's error line in the user's language: the window's texts for errors
(``error_messages``), read from the JSON that ``packaging/build_resources.py`` writes from the
same translation file, so both say the same in Chinese without the command line loading Qt;
English stays the services' own sentence."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from .. import error_messages, errors
from .language import is_zh


def error_line(exc: errors.ArchiveError, lang: str) -> str:
    if not is_zh(lang):
        return exc.message
    texts = _error_texts("zh_CN")
    if not texts:  # a checkout without built resources: the English sentence
        return exc.message
    return error_messages.error_text(
        exc, lambda _context, text: texts.get(text, text), english=False
    )


def _error_texts(lang: str) -> dict[str, str]:
    path = (
        Path(str(resources.files("desktop") / "resources" / "translations"))
        / f"customer_archive_{lang}.errors.json"
    )
    try:
        return json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return {}
