"""ABC tiers by revenue share."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.customer import Tier
from desktop.domain.tiering import (
    TierSettings,
    abc_tiers,
    abc_tiers_for,
    period_start,
    tier_updates,
)

A, B, C = Tier.A, Tier.B, Tier.C


def D(x) -> Decimal:
    return Decimal(str(x))


def test_textbook_example():
    # 10 customers, total 1000: 500 + 300 = 80 % → A; +100 + 50 = 95 % → B; rest C
    revenue = {
        1: D(500),
        2: D(300),
        3: D(100),
        4: D(50),
        5: D(20),
        6: D(10),
        7: D(10),
        8: D(5),
        9: D(5),
        10: D(0),
    }
    tiers = abc_tiers(revenue)
    assert [tiers[i] for i in range(1, 11)] == [A, A, B, B, C, C, C, C, C, C]


def test_the_customer_crossing_a_threshold_is_in_the_higher_tier():
    # 700 is 70 %, below 80 %: the next customer (200) crosses to 90 % and is still A
    tiers = abc_tiers({1: D(700), 2: D(200), 3: D(60), 4: D(40)})
    assert tiers == {1: A, 2: A, 3: B, 4: C}


def test_exactly_reaching_a_threshold_closes_the_tier():
    # 800 is exactly 80 %: A is full, the next customer is B
    tiers = abc_tiers({1: D(800), 2: D(150), 3: D(50)})
    assert tiers == {1: A, 2: B, 3: C}


def test_one_big_customer():
    # customer 1 alone is over 95 %: nobody is left for B
    assert abc_tiers({1: D(1_000_000), 2: D(1), 3: D(1)}) == {1: A, 2: C, 3: C}
    assert abc_tiers({42: D("99.50")}) == {42: A}


def test_zero_negative_and_empty():
    assert abc_tiers({}) == {}
    assert abc_tiers({1: D(0), 2: D(0)}) == {1: C, 2: C}
    tiers = abc_tiers({1: D(100), 2: D(-50), 3: D(0)})
    assert tiers == {1: A, 2: C, 3: C}


def test_ties_are_broken_by_id_whatever_the_dict_order():
    forward = abc_tiers({1: D(50), 2: D(50)}, a_share=0.5, b_share=1)
    backward = abc_tiers({2: D(50), 1: D(50)}, a_share=0.5, b_share=1)
    assert forward == backward == {1: A, 2: B}


def test_custom_thresholds():
    revenue = {i: D(10) for i in range(1, 11)}  # ten equal customers
    tiers = abc_tiers(revenue, a_share=0.2, b_share=0.5)
    assert [tiers[i] for i in range(1, 11)] == [A, A, B, B, B, C, C, C, C, C]
    assert abc_tiers_for(TierSettings(12, 0.2, 0.5), revenue) == tiers


@pytest.mark.parametrize(
    "a,b", [(0, 0.5), (0.5, 0.5), (0.9, 0.8), (0.8, 1.01), (-0.1, 0.5), ("x", 0.9)]
)
def test_bad_shares_are_refused(a, b):
    with pytest.raises(ValueError):
        abc_tiers({1: D(1)}, a, b)
    with pytest.raises(ValueError):
        TierSettings(12, a, b)


def test_settings_defaults_and_period():
    s = TierSettings()
    assert (s.period_months, s.a_share, s.b_share) == (12, 0.8, 0.95)
    TierSettings(a_share=0.7, b_share=1)
    for months in (0, -1, 121, 1.5, True):
        with pytest.raises(ValueError):
            TierSettings(period_months=months)


revenues = st.dictionaries(
    st.integers(1, 10_000),
    st.decimals(min_value=-100, max_value=10**7, places=2),
    max_size=60,
)


@given(revenues, st.sampled_from([(0.8, 0.95), (0.5, 0.9), (0.7, 1.0), (0.2, 0.3)]))
def test_properties(revenue, shares):
    a_share, b_share = shares
    tiers = abc_tiers(revenue, a_share, b_share)
    assert set(tiers) == set(revenue)
    total = sum(v for v in revenue.values() if v > 0)
    rank = {A: 0, B: 1, C: 2}
    ordered = sorted(revenue, key=lambda c: (-revenue[c], c))
    # tiers never improve going down the list
    assert all(rank[tiers[x]] <= rank[tiers[y]] for x, y in zip(ordered, ordered[1:], strict=False))
    # no revenue, no A or B
    assert all(tiers[c] is C for c, v in revenue.items() if v <= 0)
    if total > 0:
        a_sum = sum(revenue[c] for c in revenue if tiers[c] is A)
        ab_sum = a_sum + sum(revenue[c] for c in revenue if tiers[c] is B)
        # the A customers together reach the A share (the crossing customer is A) ...
        assert a_sum >= D(a_share) * total
        # ... and without the smallest A customer they would not have reached it
        smallest_a = min(revenue[c] for c in revenue if tiers[c] is A)
        assert a_sum - smallest_a < D(a_share) * total
        assert ab_sum >= D(b_share) * total


def test_manual_tiers_are_kept():
    computed = {1: A, 2: B, 3: C}
    current = [(1, C, False), (2, A, True), (3, C, False), (4, B, False)]
    assert tier_updates(current, computed) == {1: A}


@pytest.mark.parametrize(
    "today,months,start",
    [
        (dt.date(2026, 3, 5), 12, dt.date(2025, 3, 6)),
        (dt.date(2026, 5, 31), 12, dt.date(2025, 6, 1)),
        (dt.date(2026, 3, 31), 1, dt.date(2026, 3, 1)),  # 31 February does not exist
        (dt.date(2024, 3, 31), 1, dt.date(2024, 3, 1)),  # leap year: 29 Feb + 1
        (dt.date(2026, 1, 15), 3, dt.date(2025, 10, 16)),
        (dt.date(2026, 12, 31), 24, dt.date(2025, 1, 1)),
    ],
)
def test_period_start(today, months, start):
    assert period_start(today, months) == start
