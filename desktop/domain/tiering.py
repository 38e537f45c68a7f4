"""A / B / C tiers by ABC analysis of revenue (docs/domain.md, Tiers and lifecycle). Pure Python.

Customers are sorted by revenue over the period, largest first (equal revenue: smaller id
first, so the result never depends on dict order). Walking down the list with a running total:

* a customer is **A** while the revenue of the customers *before* it is still below
  ``a_share`` of the total, i.e. the customer whose revenue crosses the A threshold is itself
  A (with the defaults the A customers together make up at least 80 % of the revenue);
* then **B** while the running total before it is below ``b_share`` of the total (the one that
  crosses that threshold is B);
* everyone else is **C**, and so is every customer with zero or negative revenue (refunds
  larger than sales), which also does not count towards the total. With no revenue at all,
  every customer is C.

Pass every customer that should get a tier, with Decimal("0") for those without transactions
in the period. Customers whose tier was set by hand keep it: see ``tier_updates``.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from desktop.domain.customer import Tier


@dataclass(frozen=True)
class TierSettings:
    """The office's ABC thresholds: revenue over the last ``period_months`` months; ``a_share``
    and ``b_share`` are cumulative shares of revenue with 0 < a_share < b_share <= 1."""

    period_months: int = 12
    a_share: float = 0.8
    b_share: float = 0.95

    def __post_init__(self) -> None:
        check_shares(self.a_share, self.b_share)
        if isinstance(self.period_months, bool) or not isinstance(self.period_months, int):
            raise ValueError("The period is a whole number of months")
        if not 1 <= self.period_months <= 120:
            raise ValueError("The period must be between 1 and 120 months")


def check_shares(a_share: float | Decimal, b_share: float | Decimal) -> tuple[Decimal, Decimal]:
    """The shares as Decimals; ValueError unless 0 < a_share < b_share <= 1."""
    try:
        a, b = Decimal(str(a_share)), Decimal(str(b_share))
    except Exception:
        raise ValueError("The tier shares must be numbers between 0 and 1") from None
    if not (a.is_finite() and b.is_finite() and 0 < a < b <= 1):
        raise ValueError(
            f"The tier shares must satisfy 0 < A share < B share <= 1 (got A {a_share}, B {b_share})"
        )
    return a, b


def abc_tiers(
    revenue_by_customer: Mapping[int, Decimal],
    a_share: float | Decimal = 0.8,
    b_share: float | Decimal = 0.95,
) -> dict[int, Tier]:
    """Customer id → tier by ABC analysis (rules in the module docstring)."""
    a, b = check_shares(a_share, b_share)
    revenue = {cid: Decimal(v) for cid, v in revenue_by_customer.items()}
    total = sum((v for v in revenue.values() if v > 0), Decimal(0))
    tiers: dict[int, Tier] = {}
    running = Decimal(0)
    for cid in sorted(revenue, key=lambda c: (-revenue[c], c)):
        value = revenue[cid]
        if value <= 0 or total <= 0:
            tiers[cid] = Tier.C
            continue
        if running < a * total:
            tiers[cid] = Tier.A
        elif running < b * total:
            tiers[cid] = Tier.B
        else:
            tiers[cid] = Tier.C
        running += value
    return tiers


def abc_tiers_for(
    settings: TierSettings, revenue_by_customer: Mapping[int, Decimal]
) -> dict[int, Tier]:
    """``abc_tiers`` with the shares of ``settings``."""
    return abc_tiers(revenue_by_customer, settings.a_share, settings.b_share)


def tier_updates(
    current: Iterable[tuple[int, Tier, bool]], computed: Mapping[int, Tier]
) -> dict[int, Tier]:
    """The tier changes to store: for each (id, current tier, set by hand) whose tier was not set
    by hand and differs from the computed one. Customers missing from ``computed`` are left."""
    return {
        cid: computed[cid]
        for cid, tier, manual in current
        if not manual and cid in computed and computed[cid] != tier
    }


def period_start(today: _dt.date, months: int) -> _dt.date:
    """The first day of the revenue period that ends with ``today``: the same day ``months``
    months earlier, plus one day (31 May → 1 June of the year before for 12 months). A day
    that does not exist in the earlier month (31 → February) is clamped to its last day."""
    if months < 1:
        raise ValueError("months must be at least 1")
    index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    days_in_month = (_dt.date(year + (month == 12), month % 12 + 1, 1) - _dt.timedelta(days=1)).day
    return _dt.date(year, month, min(today.day, days_in_month)) + _dt.timedelta(days=1)
