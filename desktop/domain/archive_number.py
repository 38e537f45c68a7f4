"""Archive numbers (档案编号) from a configurable pattern such as ``KH-{year}-{seq:04}``.

Pure Python. The pattern is parsed here with a small regular expression and never handed to
``str.format`` (which would evaluate attribute and index look-ups such as ``{0.__class__}``).

Pattern language:

* ``{year}`` four-digit year, ``{yy}`` its last two digits, ``{month}`` the month, ``{seq}`` the
  running number; ``{month:02}`` / ``{seq:04}`` pad with zeros to that width (a width is always
  written ``:0N``, N from 1 to 12). A number longer than its width is not cut: seq 12345 with
  ``{seq:04}`` gives 12345.
* ``{{`` and ``}}`` are literal braces; any other brace, an unknown field, a pattern without
  ``{seq}`` or with more than one is refused with ``PatternError``.
* The running number is counted per year if the pattern holds ``{year}`` or ``{yy}``, per month
  if it also holds ``{month}``, otherwise over the whole archive (``next_seq``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

FIELDS = ("year", "yy", "month", "seq")
MAX_PATTERN_LENGTH = 60

_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]|[^{}]+")
_FIELD = re.compile(r"^(?P<name>[a-z]+)(?::0(?P<width>[1-9]|1[0-2]))?$")


class PatternError(ValueError):
    """An archive-number pattern that cannot be used; ``message`` says why in plain English."""

    code = "archive_pattern_invalid"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class _Field:
    name: str
    width: int


@dataclass(frozen=True)
class ArchivePattern:
    """A parsed pattern: literal strings and fields, in order."""

    source: str
    parts: tuple[str | _Field, ...]

    @classmethod
    def parse(cls, pattern: str) -> "ArchivePattern":
        if not isinstance(pattern, str) or not pattern.strip():
            raise PatternError("The archive number pattern is empty")
        if len(pattern) > MAX_PATTERN_LENGTH:
            raise PatternError(
                f"The archive number pattern has at most {MAX_PATTERN_LENGTH} characters"
            )
        if (
            any(ch.isspace() and ch != " " or ord(ch) < 32 for ch in pattern)
            or pattern != pattern.strip()
        ):
            raise PatternError(
                "The archive number pattern cannot start or end with a space or hold tabs or line breaks"
            )
        parts: list[str | _Field] = []
        for m in _TOKEN.finditer(pattern):
            token = m.group(0)
            if token in ("{{", "}}"):
                _append_literal(parts, token[0])
            elif m.group(1) is not None:
                f = _FIELD.match(m.group(1))
                name = m.group(1).partition(":")[0]
                if (not f or f.group("name") not in FIELDS) and name in FIELDS:
                    raise PatternError(
                        f"Bad width in {token} in the archive number pattern: "
                        f"write a zero-padded width as {{{name}:04}} (1 to 12 digits)"
                    )
                if not f or f.group("name") not in FIELDS:
                    raise PatternError(
                        f"Unknown field {token} in the archive number pattern "
                        "(use {year}, {yy}, {month}, {seq}, with an optional width such as {seq:04})"
                    )
                parts.append(_Field(f.group("name"), int(f.group("width") or 0)))
            elif token in ("{", "}"):
                raise PatternError(
                    f"Unmatched {token} in the archive number pattern (write {token}{token} for a brace)"
                )
            else:
                _append_literal(parts, token)
        seqs = sum(1 for p in parts if isinstance(p, _Field) and p.name == "seq")
        if seqs != 1:
            raise PatternError(
                "The archive number pattern needs exactly one {seq} (the running number), e.g. KH-{year}-{seq:04}"
            )
        return cls(pattern, tuple(parts))

    def uses(self, name: str) -> bool:
        return any(isinstance(p, _Field) and p.name == name for p in self.parts)

    def format(self, year: int, seq: int, month: int | None = None) -> str:
        if not 1 <= year <= 9999:
            raise ValueError(f"Year out of range: {year}")
        if seq < 1:
            raise ValueError(f"The running number starts at 1, not {seq}")
        if self.uses("month") and month is None:
            raise ValueError("The pattern uses {month}: give the month")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"Month out of range: {month}")
        values = {"year": year, "yy": year % 100, "month": month, "seq": seq}
        out = []
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            else:
                width = part.width or {"year": 4, "yy": 2}.get(part.name, 0)
                out.append(str(values[part.name]).zfill(width))
        return "".join(out)

    def regex(self) -> re.Pattern[str]:
        """A regular expression matching numbers made with this pattern (groups by field)."""
        rx = []
        for part in self.parts:
            if isinstance(part, str):
                rx.append(re.escape(part))
            elif part.name == "seq":
                rx.append(r"(?P<seq>\d{%d,})" % max(1, part.width))
            else:
                natural = {"year": 4, "yy": 2, "month": 1}[part.name]
                width = max(natural, part.width or (2 if part.name == "yy" else 0))
                digits = r"\d{1,2}" if (part.name == "month" and width < 2) else r"\d{%d}" % width
                rx.append(f"(?P<{part.name}>{digits})")
        return re.compile("^" + "".join(rx) + "$")

    def match(self, number: str) -> dict[str, int] | None:
        """The fields of a number made with this pattern ({"year": 2026, "seq": 7}), or None."""
        m = self.regex().match(number)
        if not m:
            return None
        return {k: int(v) for k, v in m.groupdict().items()}


def _append_literal(parts: list[str | _Field], text: str) -> None:
    if parts and isinstance(parts[-1], str):
        parts[-1] += text
    else:
        parts.append(text)


def check_pattern(pattern: str) -> None:
    """Raise ``PatternError`` if ``pattern`` cannot be used (for the settings dialog)."""
    ArchivePattern.parse(pattern)


def format_archive_no(pattern: str, year: int, seq: int, month: int | None = None) -> str:
    """The archive number for ``year``/``seq`` (and ``month`` if the pattern uses it):
    ``format_archive_no("KH-{year}-{seq:04}", 2026, 1) == "KH-2026-0001"``."""
    return ArchivePattern.parse(pattern).format(year, seq, month)


def next_seq(pattern: str, existing: Iterable[str], year: int, month: int | None = None) -> int:
    """The next running number: one more than the largest among ``existing`` numbers made with
    ``pattern`` in the same counting period (see the module docstring); 1 if there is none.
    Numbers that do not fit the pattern (typed by hand, an older pattern) are ignored."""
    parsed = ArchivePattern.parse(pattern)
    best = 0
    for number in existing:
        fields = parsed.match(number) if isinstance(number, str) else None
        if fields is None:
            continue
        if "year" in fields and fields["year"] != year:
            continue
        if "yy" in fields and fields["yy"] != year % 100:
            continue
        if "month" in fields and fields["month"] != month:
            continue
        best = max(best, fields["seq"])
    return best + 1


def next_archive_no(
    pattern: str, existing: Iterable[str], year: int, month: int | None = None
) -> str:
    """The next free archive number for ``year`` (and ``month``) given the numbers in use."""
    seq = next_seq(pattern, existing, year, month)
    return format_archive_no(pattern, year, seq, month)
