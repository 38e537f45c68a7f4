"""Every text the window translates is one lupdate can see: pyside6-lupdate does not look
inside f-strings, so a ``self.tr("…")`` written in one never reaches the translation files and
stays English under zh_CN (the About dialog's title did)."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = [p for p in sorted((REPO / "desktop" / "gui").rglob("*.py")) if "forms" not in p.parts]
SOURCES.append(REPO / "desktop" / "error_messages.py")


def _translating_calls_in_fstrings(source: str) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.JoinedStr):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.Call):
                func = inner.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in ("tr", "translate"):
                    lines.append(inner.lineno)
    return lines


def test_no_translated_text_is_written_inside_an_f_string():
    found = {}
    for path in SOURCES:
        lines = _translating_calls_in_fstrings(path.read_text("utf-8"))
        if lines:
            found[str(path.relative_to(REPO))] = lines
    assert found == {}


def test_the_check_sees_one():
    assert _translating_calls_in_fstrings("x = f\"<h3>{self.tr('Title')}</h3>\"") == [1]
    assert _translating_calls_in_fstrings('x = "<h3>" + self.tr("Title")') == []
