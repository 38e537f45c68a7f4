"""Lifecycle status transitions (docs/domain.md, Tiers and lifecycle): prospect → followed up →
cooperating → lost.

Pure Python. The rules, and why:

* Forward along the relationship: prospect → followed_up → cooperating. A prospect may also
  become cooperating directly (a walk-in customer who buys at once), skipping the follow-up.
* Lost (流失) is reached from followed_up (a lead that went to a competitor) or cooperating
  (a customer who stopped buying). A prospect that nobody has followed up cannot be "lost":
  there was no relationship to lose.
* A lost customer may come back (docs/domain.md, Tiers and lifecycle): lost → prospect, followed_up
  or cooperating.
* No other step backwards (cooperating → prospect, followed_up → prospect): the history would
  then claim a relationship went back to never having been contacted. A status entered by
  mistake is fixed with ``correction=True``, which allows any change but, like every mark as
  lost, requires a reason; the change record keeps that reason (docs/domain.md, Changes and
  handover).
* "Changing" a status to itself is refused (code ``unchanged``): callers record only changes.
* A new customer (``old is None``) may start in any status (importing existing customers);
  starting as lost needs a reason, like any mark as lost.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from desktop.domain.customer import STATUS_LABELS, Status

ALLOWED: dict[Status, frozenset[Status]] = {
    Status.PROSPECT: frozenset({Status.FOLLOWED_UP, Status.COOPERATING}),
    Status.FOLLOWED_UP: frozenset({Status.COOPERATING, Status.LOST}),
    Status.COOPERATING: frozenset({Status.LOST}),
    Status.LOST: frozenset({Status.PROSPECT, Status.FOLLOWED_UP, Status.COOPERATING}),
}

MAX_REASON_LENGTH = 2000


class TransitionError(ValueError):
    """A status change that the rules refuse. ``code`` is one of ``unchanged``, ``not_allowed``,
    ``reason_required``, ``reason_too_long``; ``message`` is plain English."""

    def __init__(self, code: str, message: str, old: Status | None, new: Status) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.old = old
        self.new = new


def _label(status: Status) -> str:
    return STATUS_LABELS[status][0].lower()


def allowed_next(old: Status) -> frozenset[Status]:
    """The statuses a customer in ``old`` may move to without a correction."""
    return ALLOWED[Status(old)]


def why_not(old: Status, new: Status) -> str | None:
    """Why a customer in ``old`` cannot move to ``new`` (without a correction), as a code the
    window words for the user: ``no_relationship`` (a prospect nobody followed up cannot be
    lost), ``backwards`` (no step back towards never having been contacted); None if it may
    (or ``new`` is ``old`` itself)."""
    old, new = Status(old), Status(new)
    if new is old or new in ALLOWED[old]:
        return None
    if new is Status.LOST:
        return "no_relationship"
    return "backwards"


def reason_required(old: Status | None, new: Status, *, correction: bool = False) -> bool:
    """True if the change needs a reason: marking lost, and every correction."""
    return correction or Status(new) is Status.LOST


def check_transition(
    old: Status | None, new: Status, reason: str | None, *, correction: bool = False
) -> None:
    """Raise ``TransitionError`` unless a customer may go from ``old`` to ``new``.

    ``old`` None is a new customer. ``reason`` (why) is required when marking lost and for a
    ``correction`` (which allows any change, to put right a status entered by mistake).
    """
    new = Status(new)
    old = Status(old) if old is not None else None
    text = (reason or "").strip()
    if old == new:
        raise TransitionError("unchanged", f"The customer is already {_label(new)}", old, new)
    if old is not None and not correction and new not in ALLOWED[old]:
        allowed = ", ".join(_label(s) for s in sorted(ALLOWED[old], key=list(Status).index))
        raise TransitionError(
            "not_allowed",
            f"A customer cannot go from {_label(old)} to {_label(new)} "
            f"(possible: {allowed}; to put right a mistake, make a correction with a reason)",
            old,
            new,
        )
    if reason_required(old, new, correction=correction) and not text:
        why = "a correction" if correction else "marking a customer as lost"
        raise TransitionError("reason_required", f"Give a reason for {why}", old, new)
    if len(text) > MAX_REASON_LENGTH:
        raise TransitionError(
            "reason_too_long", f"The reason has at most {MAX_REASON_LENGTH} characters", old, new
        )


@dataclass(frozen=True)
class StatusChange:
    """One entry of a customer's status history: when, who, from what to what, and why."""

    customer_id: int
    old: Status | None
    new: Status
    reason: str | None
    by_user: str
    at: _dt.datetime
    correction: bool = False

    def check(self) -> None:
        """Raise ``TransitionError`` if this change breaks the rules."""
        check_transition(self.old, self.new, self.reason, correction=self.correction)
