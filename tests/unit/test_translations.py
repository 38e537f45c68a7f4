"""The Chinese translation is complete and keeps every placeholder and shortcut letter."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

TS_DIR = Path(__file__).resolve().parents[2] / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
MNEMONIC = re.compile(r"&(?!amp;)(\w)")


def _messages(lang: str):
    tree = ET.parse(TS_DIR / f"customer_archive_{lang}.ts")
    for context in tree.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            yield name, message.findtext("source"), message.find("translation")


def test_every_chinese_string_is_translated():
    missing = [
        (ctx, src)
        for ctx, src, tr in _messages("zh_CN")
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not tr.text
    ]
    assert missing == []


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_translations_keep_placeholders(lang):
    for ctx, src, tr in _messages(lang):
        if tr is None or not tr.text:
            continue
        assert sorted(PLACEHOLDER.findall(src)) == sorted(PLACEHOLDER.findall(tr.text)), (ctx, src)


def test_shortcut_letters_survive_in_chinese():
    for ctx, src, tr in _messages("zh_CN"):
        if MNEMONIC.search(src):
            assert MNEMONIC.search(tr.text), f"{ctx}: {src!r} lost its &-shortcut: {tr.text!r}"


def test_sources_use_no_printf_style_formatting():
    # docs/architecture.md, Translations: named {placeholders} filled after translation, never %
    # inside tr().
    for ctx, src, _ in _messages("zh_CN"):
        assert not re.search(r"%[sd]|%\d", src), (ctx, src)
