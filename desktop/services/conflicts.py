"""A save that lost the race: the two versions of a record, field by field (docs/architecture.md,
Sharing a file).

An editor starts from one version of a record (``base``). When its save is refused because
someone else saved first, three sets of values exist: what the editor started from, what is
saved now (``theirs``) and what the editor shows (``mine``). ``field_diff`` lists the fields
where ``theirs`` and ``mine`` differ, and says who changed each one:

- only they changed it: their value is the sensible default (the user did not touch it);
- only I changed it: mine is the default (they did not touch it);
- both changed it, to different values: a real conflict, and nobody's value is chosen for
  the user. The user must pick one before saving.

``merge`` turns the user's choices into the values to save against the new version. Both
work on plain values (whatever the editor compares: text, ISO dates, enum values), so the
GUI and the CLI share them and they are tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Mapping


class Changed(str, Enum):
    THEIRS = "theirs"  # only the other person changed the field
    MINE = "mine"  # only I did
    BOTH = "both"  # both did, to different values: the user must choose


@dataclass(frozen=True)
class FieldDiff:
    name: str
    base: object
    theirs: object
    mine: object
    changed: Changed

    @property
    def default(self) -> str | None:
        """The side preselected for the user; None for a real conflict."""
        return {Changed.THEIRS: "theirs", Changed.MINE: "mine"}.get(self.changed)


def _blank(value: object) -> object:
    # an empty line and a missing value are the same thing on a card
    return None if value in ("", None) else value


def _same(a: object, b: object) -> bool:
    return _blank(a) == _blank(b)


def field_diff(
    base: Mapping[str, object], theirs: Mapping[str, object], mine: Mapping[str, object]
) -> list[FieldDiff]:
    """The fields where the saved version and mine differ, in the order of ``mine``
    (then any field only ``theirs`` has)."""
    names = list(mine) + [n for n in theirs if n not in mine]
    out = []
    for name in names:
        b, t, m = base.get(name), theirs.get(name), mine.get(name)
        if _same(t, m):
            continue
        they_changed, i_changed = not _same(t, b), not _same(m, b)
        if they_changed and i_changed:
            changed = Changed.BOTH
        elif i_changed:
            changed = Changed.MINE
        else:
            changed = Changed.THEIRS
        out.append(FieldDiff(name, b, t, m, changed))
    return out


def undecided(diffs: list[FieldDiff], choices: Mapping[str, str]) -> list[str]:
    """The fields changed on both sides that have no choice yet."""
    return [d.name for d in diffs if d.changed is Changed.BOTH and choices.get(d.name) is None]


def merge(diffs: list[FieldDiff], choices: Mapping[str, str]) -> dict[str, object]:
    """The values to save on top of ``theirs``: every field where the user keeps theirs
    is left out (it is saved already); a field where they keep mine is in the result.

    ``choices`` maps field names to "theirs" or "mine"; fields without a choice take their
    default, and a real conflict without a choice is refused (``ValueError``): a silent
    pick would lose one person's change.
    """
    missing = undecided(diffs, choices)
    if missing:
        raise ValueError(f"choose a version for: {', '.join(missing)}")
    out = {}
    for d in diffs:
        side = choices.get(d.name) or d.default
        if side not in ("theirs", "mine"):
            raise ValueError(f"{d.name}: choose 'theirs' or 'mine', not {side!r}")
        if side == "mine":
            out[d.name] = d.mine
    return out
