"""Archive numbers from a configurable pattern, parsed safely."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.archive_number import (
    ArchivePattern,
    PatternError,
    check_pattern,
    format_archive_no,
    next_archive_no,
    next_seq,
)


@pytest.mark.parametrize(
    "pattern,year,seq,month,expected",
    [
        ("KH-{year}-{seq:04}", 2026, 1, None, "KH-2026-0001"),
        ("KH-{year}-{seq:04}", 2026, 12345, None, "KH-2026-12345"),  # grows, never cut
        ("KH{yy}{month:02}{seq:03}", 2026, 7, 3, "KH2603007"),
        ("客户档案-{year}年-{seq:05}号", 2026, 42, None, "客户档案-2026年-00042号"),
        ("{seq}", 2026, 9, None, "9"),
        ("A{{{year}}}-{seq:02}", 2026, 5, None, "A{2026}-05"),
        ("{yy}-{seq}", 2005, 1, None, "05-1"),
    ],
)
def test_format(pattern, year, seq, month, expected):
    assert format_archive_no(pattern, year, seq, month) == expected


@pytest.mark.parametrize(
    "pattern,fragment",
    [
        ("{0.__class__}", "Unknown field"),
        ("{seq.__class__.__mro__}", "Unknown field"),
        ("{seq[0]}", "Unknown field"),
        ("{seq!r}", "Unknown field"),
        ("{year}-{customer}", "Unknown field"),
        ("{}{seq}", "Unknown field"),
        ("KH-{year}", "exactly one {seq}"),
        ("{seq}-{seq}", "exactly one {seq}"),
        ("{seq:4}", "Bad width"),
        ("{seq:04d}", "Bad width"),
        ("{seq", "Unmatched {"),
        ("KH}-{seq}", "Unmatched }"),
        ("", "empty"),
        (" KH-{seq}", "space"),
        ("KH\t{seq}", "space"),
        ("K" * 61 + "{seq}", "at most"),
    ],
)
def test_bad_patterns_are_refused_clearly(pattern, fragment):
    with pytest.raises(PatternError) as info:
        check_pattern(pattern)
    assert fragment in info.value.message
    assert isinstance(info.value, ValueError)


def test_format_arguments_are_checked():
    with pytest.raises(ValueError, match="month"):
        format_archive_no("{yy}{month:02}-{seq}", 2026, 1)
    with pytest.raises(ValueError):
        format_archive_no("KH-{seq}", 2026, 0)
    with pytest.raises(ValueError):
        format_archive_no("KH-{year}-{seq}", 2026, 1, month=13)


@given(st.text(min_size=1, max_size=40))
def test_arbitrary_patterns_never_evaluate_anything(pattern):
    # any text either parses or is refused with PatternError: never another exception,
    # never str.format semantics
    try:
        parsed = ArchivePattern.parse(pattern)
    except PatternError:
        return
    out = parsed.format(2026, 7, 3)
    assert "7" in out


def test_match_reads_back_the_fields():
    p = ArchivePattern.parse("KH-{year}-{seq:04}")
    assert p.match("KH-2026-0012") == {"year": 2026, "seq": 12}
    assert p.match("KH-2026-12345") == {"year": 2026, "seq": 12345}
    assert p.match("KH-2026-12") is None
    assert p.match("kh-2026-0012") is None
    assert p.match("KH-26-0012") is None
    p = ArchivePattern.parse("KH.{yy}{month:02}.{seq:03}")
    assert p.match("KH.2603.007") == {"yy": 26, "month": 3, "seq": 7}
    assert p.match("KHx2603x007") is None  # literal dots are not regex wildcards


@given(st.integers(1, 9999), st.integers(1, 12), st.integers(1, 10**6))
def test_format_then_match_round_trips(year, month, seq):
    for pattern in (
        "KH-{year}-{seq:04}",
        "{yy}{month:02}/{seq:05}",
        "档案{year}{month:02}{seq:03}",
    ):
        p = ArchivePattern.parse(pattern)
        fields = p.match(p.format(year, seq, month))
        assert fields is not None and fields["seq"] == seq


def test_next_seq_counts_per_year():
    existing = ["KH-2026-0001", "KH-2026-0007", "KH-2025-0099", "手工编号-3", "KH-2026-abc"]
    assert next_seq("KH-{year}-{seq:04}", existing, 2026) == 8
    assert next_seq("KH-{year}-{seq:04}", existing, 2025) == 100
    assert next_seq("KH-{year}-{seq:04}", existing, 2027) == 1
    assert next_archive_no("KH-{year}-{seq:04}", existing, 2026) == "KH-2026-0008"
    assert next_archive_no("KH-{year}-{seq:04}", [], 2026) == "KH-2026-0001"


def test_next_seq_per_month_and_global():
    existing = ["2603-001", "2603-002", "2602-009"]
    assert next_seq("{yy}{month:02}-{seq:03}", existing, 2026, 3) == 3
    assert next_seq("{yy}{month:02}-{seq:03}", existing, 2026, 4) == 1
    # no year in the pattern: one running number for the whole archive
    assert next_seq("C{seq:05}", ["C00041", "C00007"], 2030) == 42
