"""Row ids and versions as SQLite stores them: signed 64-bit integers.

A number typed or pasted beyond that range (``customers show 99999999999999999999999``)
names no row. Python would refuse to bind it (``OverflowError``); the lookups here say
"no such row" instead, as for any other id that does not exist.
"""

from __future__ import annotations

INTEGER_MIN = -(2**63)
INTEGER_MAX = 2**63 - 1


def storable(value: object) -> bool:
    """Whether ``value`` is an integer SQLite can hold, so that a row may carry it."""
    return isinstance(value, int) and INTEGER_MIN <= value <= INTEGER_MAX


def row_count(value: int) -> int:
    """A LIMIT or OFFSET as SQLite takes it: a count beyond its integers means "all"."""
    return max(0, min(int(value), INTEGER_MAX))
