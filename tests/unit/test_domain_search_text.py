"""Search keys: pinyin, normalised text, phone digits, duplicate detection."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.search_text import (
    DUPLICATE_THRESHOLD,
    has_chinese,
    name_key,
    normalise_for_search,
    phone_digits,
    pinyin_keys,
    similar_names,
)


@pytest.mark.parametrize(
    "text,full,initials",
    [
        ("北京科技", "beijingkeji", "bjkj"),
        ("北京星辰科技有限公司", "beijingxingchenkejiyouxiangongsi", "bjxckjyxgs"),
        ("重庆银行", "chongqingyinhang", "cqyh"),  # 重 and 行 read as in the words
        ("长沙", "changsha", "cs"),
        ("绿地", "lvdi", "ld"),  # ü written v, as input methods do
        ("ABC 科技 2号", "abckeji2hao", "abckj2h"),
        ("华为技术（深圳）", "huaweijishushenzhen", "hwjssz"),
        ("ＴＣＬ集团", "tcljituan", "tcljt"),
        ("Acme Ltd.", "acmeltd", "acmeltd"),
        ("", "", ""),
    ],
)
def test_pinyin_keys(text, full, initials):
    assert pinyin_keys(text) == (full, initials)


@given(st.text())
def test_pinyin_keys_are_lowercase_ascii_alnum(text):
    full, initials = pinyin_keys(text)
    for key in (full, initials):
        assert key == key.lower() and (key.isalnum() and key.isascii() or key == "")
    assert len(initials) <= len(full)


def test_queries_find_chinese_names_by_pinyin():
    full, initials = pinyin_keys("北京星辰科技有限公司")
    assert "beijing" in full and "xingchen" in full
    assert initials.startswith("bjxc")


def test_normalise_for_search():
    assert normalise_for_search(" 北京 ＡＢＣ　科技（中国） ") == "北京abc科技(中国)"
    assert normalise_for_search("Straße") == "strasse"
    assert normalise_for_search("") == ""


def test_phone_digits():
    assert phone_digits("+86 (010) 1234-5678") == "8601012345678"
    assert phone_digits("１３８ １２３４ ５６７８") == "13812345678"
    assert phone_digits(None) == ""


@pytest.mark.parametrize(
    "name,key",
    [
        ("北京星辰科技有限公司", "北京星辰科技"),
        ("北京星辰科技有限责任公司", "北京星辰科技"),
        ("北京星辰科技股份有限公司", "北京星辰科技"),
        ("星辰集团", "星辰"),
        ("星辰（集团）股份有限公司", "星辰"),
        ("华为技术（深圳）有限公司", "华为技术深圳"),  # the region in brackets stays
        ("上海星辰科技公司", "上海星辰科技"),  # the region prefix stays
        ("Acme Co., Ltd.", "acme"),
        ("ACME Trading Company Limited", "acmetrading"),
        ("Foo Inc", "foo"),
        ("Bar LLC", "bar"),
        ("Tesco", "tesco"),  # "co" is only a suffix as a separate word
        ("公司", "公司"),  # never reduced to nothing
        (
            "北京星辰科技有限公司上海分公司",
            "北京星辰科技有限公司上海分公司",
        ),  # a branch is its own record
    ],
)
def test_name_key(name, key):
    assert name_key(name) == key


def test_name_key_ignores_width_case_and_bracket_style():
    assert name_key("北京(中国)星辰有限公司") == name_key("北京（中国）星辰有限公司")
    assert name_key("ＡＣＭＥ Co.,Ltd") == name_key("acme co. ltd.")


@pytest.mark.parametrize(
    "a,b",
    [
        ("北京星辰科技有限公司", "北京星辰科技公司"),
        ("北京星辰科技有限公司", "北京星辰科技股份有限公司"),
        ("北京星辰科技", "北京星晨科技"),  # homophone typo from a pinyin input method
        ("Acme Trading Co., Ltd.", "ACME TRADING LTD"),
        ("Acme Trading", "Acne Trading"),
    ],
)
def test_likely_duplicates_score_high(a, b):
    assert similar_names(a, b) >= DUPLICATE_THRESHOLD
    assert similar_names(a, b) == similar_names(b, a)


@pytest.mark.parametrize(
    "a,b",
    [
        ("北京星辰科技有限公司", "上海星辰科技有限公司"),  # same trade name, other city
        ("深圳腾讯科技", "深圳华为技术"),
        ("Acme Trading", "Globex Corporation"),
        ("星辰", ""),
    ],
)
def test_different_companies_score_low(a, b):
    assert similar_names(a, b) < DUPLICATE_THRESHOLD


def test_same_key_is_100():
    assert similar_names("北京星辰科技有限公司", "北京星辰科技 有限公司") == 100.0


def test_has_chinese():
    assert has_chinese("ABC科技") and not has_chinese("ABC") and not has_chinese("")
