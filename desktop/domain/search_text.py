"""Text keys for search and duplicate detection. Pure Python (pypinyin, rapidfuzz).

* ``pinyin_keys`` gives the full pinyin and the initials of a text so that ``beijing`` and
  ``bjkj`` find 北京科技 (docs/architecture.md, The search index). Tones are dropped, ü is written ``v``
  (lv, nv: what
  pinyin input methods use); letters and digits that are not Chinese are kept, lower-cased, in
  both keys; everything else (spaces, punctuation) is dropped. For a character with several
  readings pypinyin's default is used: the reading from its phrase dictionary when the
  character is part of a known word (重庆 → chongqing, 银行 → yinhang, 长沙 → changsha), else
  the most common reading. A search for the other reading therefore does not match; that is
  accepted (rare in company names, and the name itself is always searchable).
* ``normalise_for_search``: NFKC (full-width → ASCII, （） → ()), casefold, no whitespace.
* ``name_key`` for duplicate detection: the normalised name without common company suffixes
  (有限公司, 股份有限公司, 集团, Co., Ltd., Inc., …). Region words stay (北京星辰 and 上海星辰
  are different companies); a branch (分公司) keeps its suffix, it is a separate record.
* ``similar_names``: 0–100, the better of the character similarity of the two keys and the
  similarity of their pinyin, so a homophone typo from a pinyin input method (星辰 / 星晨)
  still scores high. It proposes duplicates for a person to confirm; it never merges.
"""

from __future__ import annotations

from typing import Any

import re
import unicodedata

from rapidfuzz import fuzz

# pypinyin is imported on first use: its phrase dictionary costs about 40 MB of memory,
# and a window that only lists and searches customers never needs it (the pinyin of every
# card is already in the index; queries are matched as typed).

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def _alnum(text: str) -> str:
    return _NON_ALNUM.sub("", text)


_OTHER = "\x00"  # marks a run of non-Chinese text handed back by pypinyin


def _mark_non_chinese(chunk: str) -> list[str]:
    # pypinyin hands over runs of non-Chinese text; keep their letters and digits, marked so
    # that the initials keep the whole run rather than its first letter.
    return [_OTHER + _alnum(unicodedata.normalize("NFKC", chunk).casefold())]


def pinyin_keys(text: str) -> tuple[str, str]:
    """(full pinyin, initials) of ``text``: 北京科技 → ("beijingkeji", "bjkj");
    "ABC 科技 2号" → ("abckeji2hao", "abckj2h").

    One pass of pypinyin's NORMAL style; the initials are the first letters of its syllables
    (what its FIRST_LETTER style gives, without a second pass and without its failure on
    characters it knows no reading for)."""
    if not text:
        return "", ""
    from pypinyin import Style, lazy_pinyin

    # pypinyin takes a list back from errors= too (its stubs say str)
    mark: Any = _mark_non_chinese
    items = lazy_pinyin(unicodedata.normalize("NFKC", text), style=Style.NORMAL, errors=mark)
    full: list[str] = []
    initials: list[str] = []
    for item in items:
        if item.startswith(_OTHER):
            full.append(item[1:])
            initials.append(item[1:])
        else:
            syllable = _alnum(item.casefold())
            full.append(syllable)
            initials.append(syllable[:1])
    return "".join(full), "".join(initials)


def has_chinese(text: str) -> bool:
    """True if ``text`` holds at least one Chinese character."""
    return bool(_HAN.search(text or ""))


def normalise_for_search(text: str) -> str:
    """NFKC + casefold, all whitespace removed: the form both the index and a query take."""
    if not text:
        return ""
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def phone_digits(text: str) -> str:
    """Only the digits of ``text`` (full-width digits included): "+86 (010) 1234-5678" →
    "8601012345678"."""
    if not text:
        return ""
    return "".join(ch for ch in unicodedata.normalize("NFKC", str(text)) if "0" <= ch <= "9")


# Longest first: the first that matches at the end is removed, then again, until none does.
_ZH_SUFFIXES = (
    "集团股份有限公司",
    "股份有限公司",
    "有限责任公司",
    "责任有限公司",
    "集团有限公司",
    "有限公司",
    "集团公司",
    "股份公司",
    "总公司",
    "集团",
    "公司",
)
_EN_SUFFIXES = frozenset(
    {
        "co",
        "company",
        "ltd",
        "limited",
        "inc",
        "incorporated",
        "llc",
        "corp",
        "corporation",
        "plc",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "pte",
        "pty",
        "group",
        "holdings",
    }
)
_SEPARATORS = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    """A company name reduced for duplicate detection (see module docstring):
    "北京星辰科技有限公司" → "北京星辰科技", "Acme Co., Ltd." → "acme",
    "华为技术（深圳）有限公司" → "华为技术深圳". Never reduced to nothing: "公司" stays "公司"."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = [w for w in _SEPARATORS.split(text) if w]
    changed = True
    while changed and words:
        changed = False
        last = words[-1]
        if len(words) > 1 and last in _EN_SUFFIXES:
            words.pop()
            changed = True
            continue
        if last.endswith("分公司"):
            break
        for suffix in _ZH_SUFFIXES:
            if last.endswith(suffix) and (len(last) > len(suffix) or len(words) > 1):
                rest = last[: -len(suffix)]
                if rest:
                    words[-1] = rest
                else:
                    words.pop()
                changed = True
                break
    return "".join(words) or normalise_for_search(name)


# A score from ``similar_names`` at or above this suggests a possible duplicate: the same name
# with a different suffix or a one-character typo in a four-to-six-character name scores
# higher; the same trade name in another city (北京星辰科技 / 上海星辰科技) scores lower.
DUPLICATE_THRESHOLD = 85.0


def similar_names(a: str, b: str) -> float:
    """0–100: how alike two company names are once reduced by ``name_key`` (100 = same key).
    The better of the character and the pinyin similarity (see module docstring)."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return 0.0
    if ka == kb:
        return 100.0
    score = fuzz.ratio(ka, kb)
    if has_chinese(ka) or has_chinese(kb):
        pa, pb = pinyin_keys(ka)[0], pinyin_keys(kb)[0]
        if pa and pb:
            score = max(score, fuzz.ratio(pa, pb))
    return float(score)
