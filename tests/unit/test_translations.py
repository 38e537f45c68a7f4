"""The Chinese translation is complete and keeps every placeholder and shortcut letter."""

from __future__ import annotations

import re
import string
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


def _fields(text: str) -> list[tuple[str, str | None, str]]:
    """The {placeholders} of a template with their !conversion and :format."""
    return sorted(
        (field, conversion, spec)
        for _, field, spec, conversion in string.Formatter().parse(text)
        if field is not None
    )


def test_every_error_template_has_a_chinese_translation_with_its_placeholders():
    from desktop import error_templates

    chinese = {src: tr for ctx, src, tr in _messages("zh_CN") if ctx == "ServiceErrors"}
    assert set(error_templates.TEMPLATES) <= set(chinese), "run build_resources.py --lupdate"
    unfinished = [src for src, tr in chinese.items() if tr is None or tr.get("type") or not tr.text]
    assert unfinished == []
    differ = [src for src, tr in chinese.items() if _fields(src) != _fields(tr.text)]
    assert differ == []
    english_left = [src for src, tr in chinese.items() if tr.text == src and src != "{problem}"]
    assert english_left == []


def _chinese():
    """The window's translate function under zh_CN, read from the .ts (context, source)."""
    texts = {
        (ctx, src): tr.text
        for ctx, src, tr in _messages("zh_CN")
        if tr is not None and tr.text and not tr.get("type")
    }
    return lambda context, text: texts.get((context, text), text)


def test_an_error_reads_as_one_chinese_sentence():
    from desktop import error_messages, errors

    zh = _chinese()
    missing = errors.NotFound("No customer {ref}.", ref="KH-2026-0999")
    text = error_messages.error_text(missing, zh, english=False)
    assert "没有客户" in text and "KH-2026-0999" in text
    assert re.findall(r"[A-Za-z]+", text) == ["KH"]
    assert error_messages.error_text(missing, zh, english=True) == "No customer KH-2026-0999."

    refused = errors.PermissionDenied(
        "{role_label} {user_name} may not {what}.",
        role_label="Salesperson / service clerk",
        user_name="sun",
        what="export full",
    )
    text = error_messages.error_text(refused, zh, english=False)
    assert "业务员" in text and "完整导出" in text and "Salesperson" not in text

    undecidable = errors.PermissionDenied(
        "You may not decide requests of this kind ({kind}).", kind="delete"
    )
    text = error_messages.error_text(undecidable, zh, english=False)
    assert "删除客户" in text and re.findall(r"[A-Za-z]+", text) == []


def test_an_error_without_a_usable_translation_keeps_the_headline_and_the_english_line():
    from desktop import error_messages, errors

    zh = _chinese()
    unlisted = errors.NotFound("Nothing like {ref} here.", ref="KH-1")
    text = error_messages.error_text(unlisted, zh, english=False)
    assert "Nothing like KH-1 here." in text and text != unlisted.message  # the Chinese headline

    def wrong(context, text):  # a translation that asks for a detail the error does not have
        return "没有客户 {number}。" if context == "ServiceErrors" else zh(context, text)

    missing = errors.NotFound("No customer {ref}.", ref="KH-2")
    text = error_messages.error_text(missing, wrong, english=False)
    assert "No customer KH-2." in text and "{number}" not in text
