"""The archive register's rules (档案借阅登记簿, docs/domain.md, The archive register): the loan state
machine, who may
approve, and when a loan is due soon or overdue. Pure Python: no SQL, no Qt, no I/O.

A loan
------
::

    request ──► requested ──approve──► approved ──checkout──► out ──return──► returned
                   │  └──reject──► rejected   │                 │──lost────► lost
                   └──cancel──► cancelled ◄───┘                 │──damaged─► damaged
                                                                └──renew───► out (later due)

* A request goes straight to ``approved`` when nobody has to approve it (a manager's own
  request, a single-user archive); otherwise it waits for an approval of kind ``loan``.
* ``damaged`` means "came back damaged": the loan ends, the item is back but is not lent
  again until it is repaired. ``lost`` ends the loan and marks the item lost until found.
* A renewal moves the due date of a loan that is out; it is an approval too (kind
  ``loan_renewal``), decided like the loan itself.

Two directions. ``lent_out``: the item leaves the custodian. ``taken_in``: a customer's
material is received into custody ("checkout" = received, "return" = given back to its
owner). The item's own state follows (``item_state_after``); the storage layer keeps the
one rule every writer must obey: an item is never out twice in one direction.

Who approves (``may_approve``)
------------------------------
* Never the person who asked, while the archive has more than one user.
* Valuable items (贵重, docs/domain.md, The archive register "valuable customer materials leave only
  with approval"):
  a manager: managers and administrators, or the regional manager of the item's customer.
* Ordinary items: the same managers, or the custodian: the item's named custodian, or,
  when it names none, anyone with the custodian role.
"""

from __future__ import annotations

import datetime as _dt
from enum import StrEnum

from desktop.domain.permissions import Actor, Role, nocase

DUE_SOON_DAYS = 3  # "due soon" means due within this many days (today included)
MAX_LOAN_DAYS = 366  # a longer wish is more likely a typo in the year


class LoanState(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    OUT = "out"
    RETURNED = "returned"
    LOST = "lost"
    DAMAGED = "damaged"


class LoanAction(StrEnum):
    APPROVE = "approve"
    REJECT = "reject"
    CANCEL = "cancel"
    CHECKOUT = "checkout"
    RETURN = "return"
    RENEW = "renew"
    LOST = "lost"
    DAMAGED = "damaged"


class ItemState(StrEnum):
    AVAILABLE = "available"  # in store, with the custodian
    OUT = "out"  # lent out
    LOST = "lost"
    DAMAGED = "damaged"  # in store, not lent until repaired
    WITH_OWNER = "with_owner"  # a customer's material that is not (or no longer) in custody


class ItemKind(StrEnum):
    DOSSIER = "dossier"
    SAMPLE = "sample"
    EQUIPMENT = "equipment"
    DOCUMENT = "document"
    CUSTOMER_MATERIAL = "customer_material"


class ValueClass(StrEnum):
    ORDINARY = "ordinary"
    VALUABLE = "valuable"


class Direction(StrEnum):
    LENT_OUT = "lent_out"
    TAKEN_IN = "taken_in"


class BorrowerKind(StrEnum):
    COLLEAGUE = "colleague"
    DEPARTMENT = "department"
    OUTSIDE = "outside"


#: (state, action) → next state. Anything not here is refused.
TRANSITIONS: dict[tuple[LoanState, LoanAction], LoanState] = {
    (LoanState.REQUESTED, LoanAction.APPROVE): LoanState.APPROVED,
    (LoanState.REQUESTED, LoanAction.REJECT): LoanState.REJECTED,
    (LoanState.REQUESTED, LoanAction.CANCEL): LoanState.CANCELLED,
    (LoanState.APPROVED, LoanAction.CANCEL): LoanState.CANCELLED,
    (LoanState.APPROVED, LoanAction.CHECKOUT): LoanState.OUT,
    (LoanState.OUT, LoanAction.RETURN): LoanState.RETURNED,
    (LoanState.OUT, LoanAction.RENEW): LoanState.OUT,
    (LoanState.OUT, LoanAction.LOST): LoanState.LOST,
    (LoanState.OUT, LoanAction.DAMAGED): LoanState.DAMAGED,
}

#: The states a loan never leaves.
FINAL: frozenset[LoanState] = frozenset(
    {LoanState.REJECTED, LoanState.CANCELLED, LoanState.RETURNED, LoanState.LOST, LoanState.DAMAGED}
)
#: Loans still in play: waiting for a decision, for the hand-out, or out.
OPEN: frozenset[LoanState] = frozenset({LoanState.REQUESTED, LoanState.APPROVED, LoanState.OUT})

#: Where the item must be for a hand-out ("checkout") in each direction, and where it is after
#: each action that moves it.
CHECKOUT_FROM: dict[Direction, ItemState] = {
    Direction.LENT_OUT: ItemState.AVAILABLE,
    Direction.TAKEN_IN: ItemState.WITH_OWNER,
}
_ITEM_AFTER: dict[tuple[Direction, LoanAction], ItemState] = {
    (Direction.LENT_OUT, LoanAction.CHECKOUT): ItemState.OUT,
    (Direction.LENT_OUT, LoanAction.RETURN): ItemState.AVAILABLE,
    (Direction.LENT_OUT, LoanAction.LOST): ItemState.LOST,
    (Direction.LENT_OUT, LoanAction.DAMAGED): ItemState.DAMAGED,
    (Direction.TAKEN_IN, LoanAction.CHECKOUT): ItemState.AVAILABLE,
    (Direction.TAKEN_IN, LoanAction.RETURN): ItemState.WITH_OWNER,
    (Direction.TAKEN_IN, LoanAction.LOST): ItemState.LOST,
    (Direction.TAKEN_IN, LoanAction.DAMAGED): ItemState.WITH_OWNER,  # given back damaged
}
#: While a taken-in material is held, giving it back needs it in store (not lent inside).
RETURN_NEEDS: dict[Direction, ItemState] = {
    Direction.LENT_OUT: ItemState.OUT,
    Direction.TAKEN_IN: ItemState.AVAILABLE,
}

STATE_LABELS: dict[LoanState, tuple[str, str]] = {
    LoanState.REQUESTED: ("Requested", "已申请"),
    LoanState.APPROVED: ("Approved", "已批准"),
    LoanState.REJECTED: ("Rejected", "已驳回"),
    LoanState.CANCELLED: ("Cancelled", "已取消"),
    LoanState.OUT: ("Out", "借出中"),
    LoanState.RETURNED: ("Returned", "已归还"),
    LoanState.LOST: ("Lost", "遗失"),
    LoanState.DAMAGED: ("Returned damaged", "损坏"),
}


class LoanRuleError(ValueError):
    """An action the rules refuse; ``code`` is ``not_allowed``, ``item_state``, ``dates``."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def next_state(state: LoanState | str, action: LoanAction | str) -> LoanState:
    """The state after ``action``, or LoanRuleError when the action is not allowed now."""
    state, action = LoanState(state), LoanAction(action)
    try:
        return TRANSITIONS[(state, action)]
    except KeyError:
        raise LoanRuleError(
            "not_allowed",
            f"A loan that is {STATE_LABELS[state][0].lower()} "
            f"cannot be given the action {action.value}.",
        ) from None


def allowed_actions(state: LoanState | str) -> frozenset[LoanAction]:
    state = LoanState(state)
    return frozenset(a for (s, a) in TRANSITIONS if s is state)


def item_state_after(direction: Direction | str, action: LoanAction | str) -> ItemState | None:
    """The item's state after ``action`` on a loan in ``direction``; None: unchanged."""
    return _ITEM_AFTER.get((Direction(direction), LoanAction(action)))


def check_checkout(direction: Direction | str, item_state: ItemState | str) -> None:
    need = CHECKOUT_FROM[Direction(direction)]
    if ItemState(item_state) is not need:
        raise LoanRuleError(
            "item_state",
            _item_message(
                item_state,
                "handed out"
                if Direction(direction) is Direction.LENT_OUT
                else "received into custody",
            ),
        )


def check_return(direction: Direction | str, item_state: ItemState | str) -> None:
    if ItemState(item_state) is not RETURN_NEEDS[Direction(direction)]:
        raise LoanRuleError("item_state", _item_message(item_state, "given back"))


def _item_message(item_state: ItemState | str, what: str) -> str:
    where = {
        ItemState.AVAILABLE: "in store",
        ItemState.OUT: "already out",
        ItemState.LOST: "marked lost",
        ItemState.DAMAGED: "damaged (not lent until repaired)",
        ItemState.WITH_OWNER: "not in our custody",
    }[ItemState(item_state)]
    return f"The item is {where}; it cannot be {what} now."


def check_dates(wanted_from: _dt.date, wanted_until: _dt.date, today: _dt.date) -> None:
    """A wish for the future (or today), ending after it starts, not longer than a year."""
    if wanted_until < today:
        raise LoanRuleError("dates", "The wanted return date has already passed.")
    if wanted_until < wanted_from:
        raise LoanRuleError("dates", "The loan must end on or after the day it starts.")
    if (wanted_until - wanted_from).days > MAX_LOAN_DAYS:
        raise LoanRuleError("dates", f"A loan can last at most {MAX_LOAN_DAYS} days.")


def check_renewal(due: _dt.date, new_due: _dt.date, wanted_from: _dt.date) -> None:
    if new_due <= due:
        raise LoanRuleError("dates", "A renewal must move the due date later.")
    if (new_due - wanted_from).days > MAX_LOAN_DAYS:
        raise LoanRuleError("dates", f"A loan can last at most {MAX_LOAN_DAYS} days.")


# --------------------------------------------------------------------------------- timing
def is_overdue(state: LoanState | str, due: _dt.date, today: _dt.date) -> bool:
    """Out and its due day has passed (due today is not yet overdue)."""
    return LoanState(state) is LoanState.OUT and due < today


def is_due_soon(
    state: LoanState | str, due: _dt.date, today: _dt.date, days: int = DUE_SOON_DAYS
) -> bool:
    """Out and due from today to ``days`` days ahead (not counting overdue ones)."""
    return LoanState(state) is LoanState.OUT and today <= due < today + _dt.timedelta(days=days)


def due_soon_until(today: _dt.date, days: int = DUE_SOON_DAYS) -> _dt.date:
    """The last due date that still counts as due soon."""
    return today + _dt.timedelta(days=days - 1)


# --------------------------------------------------------------------------------- approval
_MANAGERS = frozenset({Role.MANAGER, Role.ADMINISTRATOR})


def may_approve(
    approver: Actor,
    *,
    requester: str,
    value_class: ValueClass | str,
    item_custodian: str | None,
    customer_region: str | None,
    user_count: int,
) -> bool:
    """Whether ``approver`` may decide a loan (or renewal) of an item (module docstring)."""
    if user_count > 1 and approver.is_(requester):
        return False
    if approver.role in _MANAGERS:
        return True
    if (
        approver.role is Role.REGIONAL_MANAGER
        and approver.region
        and customer_region
        and nocase(approver.region) == nocase(customer_region)
    ):
        return True
    if ValueClass(value_class) is ValueClass.VALUABLE:
        return False
    if item_custodian:
        return approver.is_(item_custodian)
    return approver.role is Role.CUSTODIAN


def approver_hint(value_class: ValueClass | str) -> str:
    if ValueClass(value_class) is ValueClass.VALUABLE:
        return "a manager"
    return "the custodian or a manager"
