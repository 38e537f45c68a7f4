"""The composition analysis (docs/domain.md, Analysis) over hand-made archives: every expected
figure is derived here from the rows the test inserted, not written down as a number."""

from __future__ import annotations

import datetime as dt
import json
import math
from collections import defaultdict
import pytest
from hypothesis import given, strategies as st

from desktop import errors
from desktop.reports import analysis as calc
from desktop.services.analysis import AnalysisService
from desktop.storage.archive import Archive

from analysis_support import CUSTOMERS, END, START, expected_by, fen, in_period, make_office


@pytest.fixture
def office(archive_path, passphrase):
    archive, people, ids = make_office(archive_path, passphrase)
    yield archive, people, ids
    archive.close()


def rows_of(comp: calc.Composition) -> dict[str, tuple]:
    return {r.key: (r.customers, r.buying, r.transactions, r.revenue_fen) for r in comp.rows}


@pytest.mark.parametrize(
    "dimension, index", [("tier", 1), ("status", 2), ("region", 3), ("industry", 4)]
)
def test_compositions_count_every_customer_once_with_the_period_revenue(office, dimension, index):
    archive, people, _ = office
    result = AnalysisService(archive, people["zhao"]).analyse(START, END)
    comp = {c.dimension: c for c in result.compositions()}[dimension]
    expected = expected_by(index)
    got = {k: v for k, v in rows_of(comp).items() if v != (0, 0, 0, 0) or k in expected}
    assert got == expected
    total_revenue = sum(v[3] for v in expected.values())
    assert comp.revenue_fen == total_revenue and comp.customers == len(CUSTOMERS)
    for row in comp.rows:
        assert row.customer_share == pytest.approx(row.customers / len(CUSTOMERS))
        assert row.revenue_share == pytest.approx(row.revenue_fen / total_revenue)


def test_empty_tiers_and_statuses_still_have_their_row_in_fixed_order(office):
    archive, people, _ = office
    result = AnalysisService(archive, people["zhao"]).analyse("2030-01-01", "2030-12-31")
    assert [r.key for r in result.tier.rows] == ["A", "B", "C"]
    assert [r.key for r in result.status.rows] == ["prospect", "followed_up", "cooperating", "lost"]
    assert result.revenue_fen == 0 and all(r.revenue_share is None for r in result.tier.rows)
    assert result.contribution.customers == 0 and result.contribution.customers_for_80 == 0
    # Missing region is its own group, shown last as "not filled in".
    assert (
        result.region_mix.rows[-1].key == ""
        and result.region_mix.rows[-1].label("region", "zh") == "（未填写）"
    )


def test_business_line_is_the_transactions_cooperation_mode(office):
    archive, people, _ = office
    result = AnalysisService(archive, people["zhao"]).analyse(START, END)
    lines = defaultdict(lambda: [set(), 0, 0])
    for c in CUSTOMERS:
        for t in in_period(c[7]):
            acc = lines[t[2] or ""]
            acc[0].add(c[0])
            acc[1] += 1
            acc[2] += fen(t[1])
    expected = {k: (len(v[0]), len(v[0]), v[1], v[2]) for k, v in lines.items()}
    assert rows_of(result.business_line) == expected
    buying = sum(1 for c in CUSTOMERS if in_period(c[7]))
    row = {r.key: r for r in result.business_line.rows}["直销"]
    # A customer who bought in two lines counts in both: shares of the buying customers.
    assert row.customer_share == pytest.approx(len(lines["直销"][0]) / buying)
    assert sum(r.customer_share for r in result.business_line.rows) > 1


def test_a_salesperson_analyses_only_their_own_customers(office):
    archive, people, _ = office
    mine = [c for c in CUSTOMERS if c[5] == "sun"]
    result = AnalysisService(archive, people["sun"]).analyse(START, END)
    assert result.scope == "own" and result.customers == len(mine)
    assert rows_of(result.region_mix) == expected_by(3, mine)
    assert result.revenue_fen == sum(fen(t[1]) for c in mine for t in in_period(c[7]))
    seen = {r.name for r in result.credit.ratings} | {t.name for t in result.contribution.top}
    assert seen <= {c[0] for c in mine}
    assert "北京长城科技有限公司" not in seen


def test_a_regional_manager_analyses_the_customers_of_the_region(office):
    archive, people, _ = office
    region = [c for c in CUSTOMERS if c[3] == "华南"]
    result = AnalysisService(archive, people["qian"]).analyse(START, END)
    assert result.scope == "region" and result.customers == len(region) > 0
    assert rows_of(result.region_mix) == expected_by(3, region)
    assert {r.name for r in result.credit.ratings} == {c[0] for c in region}


def test_profit_contribution_is_the_revenue_pareto_curve(office):
    archive, people, _ = office
    result = AnalysisService(archive, people["zhao"]).analyse(START, END)
    revenue = sorted((sum(fen(t[1]) for t in in_period(c[7])) for c in CUSTOMERS), reverse=True)
    revenue = [r for r in revenue if r > 0]
    total = sum(revenue)
    pc = result.contribution
    assert pc.customers == len(revenue) and pc.revenue_fen == total
    for share, cumulative in pc.curve:
        k = math.ceil(share * len(revenue) - 1e-9)
        assert cumulative == pytest.approx(sum(revenue[:k]) / total)
    assert pc.curve[-1] == (1.0, 1.0)
    need = next(i for i in range(1, len(revenue) + 1) if sum(revenue[:i]) >= 0.8 * total)
    assert pc.customers_for_80 == need
    assert [t.revenue_fen for t in pc.top] == revenue
    assert pc.top[0].name == "上海东方贸易有限公司"
    assert pc.top[-1].cumulative == pytest.approx(1.0)


def expected_rating(c, rules: calc.CreditRules, days: int):
    """The rule of CreditRules' docstring, applied by hand to one inserted customer."""
    txs = in_period(c[7])
    revenue = sum(fen(t[1]) for t in txs)
    words = [w.lower() for w in rules.late_words]
    late = sum(
        fen(t[1]) for t in txs if any(w in f"{t[3] or ''} {t[4] or ''}".lower() for w in words)
    )
    share = late / revenue if revenue > 0 else 0.0
    status = (c[6] or "").lower()
    if share >= rules.d_late_share or any(w.lower() in status for w in rules.bad_words):
        grade = "D"
    elif share >= rules.c_late_share or any(w.lower() in status for w in rules.watch_words):
        grade = "C"
    elif not txs:
        grade = "-"
    elif (
        late == 0
        and revenue >= rules.a_min_revenue_yuan * 100
        and len(txs) >= rules.a_min_transactions
    ):
        grade = "A"
    else:
        grade = "B"
    months = {"A": rules.a_limit_months, "B": rules.b_limit_months}.get(grade, 0)
    step = rules.limit_step_yuan * 100
    limit = int(revenue / (days / 30.4375) * months // step) * step if months else 0
    return grade, late, limit


def test_credit_grades_terms_and_limits_follow_the_rule(office):
    archive, people, _ = office
    svc = AnalysisService(archive, people["zhao"])
    result = svc.analyse(START, END)
    rules, days = svc.credit_rules(), (END - START).days + 1
    got = {r.name: r for r in result.credit.ratings}
    for c in CUSTOMERS:
        grade, late, limit = expected_rating(c, rules, days)
        if grade == "-":
            assert c[0] not in got  # counted among the unrated, not listed
            continue
        r = got[c[0]]
        assert (r.grade, r.late_fen, r.limit_fen) == (grade, late, limit), c[0]
    # The inserted data covers every grade (the test would prove little otherwise).
    assert {r.grade for r in got.values()} == {"A", "B", "C", "D"}
    assert got["上海东方贸易有限公司"].terms("zh") == f"月结{rules.a_term_days}天"
    assert got["深圳新锐电子有限公司"].terms("zh") == "预付全款"  # blacklisted on the card
    assert got["成都天成咨询有限公司"].grade == "C"  # "需关注" on the card
    assert got["北京长城科技有限公司"].late_share == pytest.approx(0.5)  # "Overdue", any case
    grades = rows_of(result.credit.grades)
    unrated = sum(1 for c in CUSTOMERS if expected_rating(c, rules, days)[0] == "-")
    assert grades["-"][0] == unrated
    assert sum(v[0] for v in grades.values()) == len(CUSTOMERS)
    assert result.credit.limits_fen["A"] == sum(r.limit_fen for r in got.values() if r.grade == "A")
    assert [r.name for r in result.credit.watch()] == [
        r.name for r in sorted(got.values(), key=lambda r: -r.revenue_fen) if r.grade in "CD"
    ]


def test_credit_thresholds_are_archive_settings_only_administrators_change(office):
    archive, people, _ = office
    late_customer = "杭州瑞丰食品有限公司"  # 40 000 of 100 000 late: D by default
    assert {
        r.name: r.grade
        for r in AnalysisService(archive, people["zhao"]).analyse(START, END).credit.ratings
    }[late_customer] == "D"
    with pytest.raises(errors.PermissionDenied):
        AnalysisService(archive, people["zhao"]).set_credit_rules(
            calc.CreditRules(d_late_share=0.5)
        )
    admin = AnalysisService(archive, people["admin"])
    admin.set_credit_rules(admin.credit_rules().with_text("d_late_share", "0.5"))
    assert AnalysisService(archive, people["sun"]).credit_rules().d_late_share == 0.5
    grades = {
        r.name: r.grade
        for r in AnalysisService(archive, people["sun"]).analyse(START, END).credit.ratings
    }
    assert grades[late_customer] == "C"
    # Words are settings too: without "逾期" the note no longer makes the payment late.
    rules = admin.credit_rules()
    admin.set_credit_rules(rules.with_text("late_words", "拖欠, overdue"))
    assert {r.name: r.late_fen for r in admin.analyse(START, END).credit.ratings}[
        late_customer
    ] == 0
    row = archive.query_one(
        "SELECT action, target_type, details FROM audit_log ORDER BY id DESC LIMIT 1"
    )
    assert tuple(row[:2]) == ("settings", "archive")
    assert json.loads(row[2])["credit_rules"]["late_words"] == ["拖欠", "overdue"]


@pytest.mark.parametrize(
    "bad",
    [
        dict(c_late_share=0.5, d_late_share=0.3),
        dict(c_late_share=0),
        dict(a_term_days=-1),
        dict(a_limit_months=99),
        dict(late_words=("",)),
    ],
)
def test_invalid_credit_rules_are_refused(bad):
    with pytest.raises(ValueError):
        calc.CreditRules(**bad)
    with pytest.raises(ValueError):
        calc.CreditRules().with_text("no_such_setting", "1")


def test_the_period_is_checked_and_defaults_to_the_tier_period(office):
    archive, people, _ = office
    svc = AnalysisService(archive, people["zhao"])
    with pytest.raises(errors.ValidationError):
        svc.analyse("2026-06-30", "2026-01-01")
    with pytest.raises(errors.ValidationError):
        svc.analyse("2026-02-30", None)
    result = svc.analyse()
    today = dt.date.today()
    assert result.period_to == today
    assert (
        result.period_from == dt.date(today.year - 1, today.month, today.day) + dt.timedelta(days=1)
        or today.month == 2
        and today.day == 29
    )


def test_sql_lateness_matches_the_python_rule():
    rules = calc.CreditRules()
    assert calc.is_late("月结30天", "客户逾期未付", rules)
    assert calc.is_late("OVERDUE", None, rules)
    assert not calc.is_late("银行转账", "按时付款", rules)


def test_composition_merges_keys_and_orders_by_revenue():
    comp = calc.composition(
        "region",
        [("华东", 2, 1, 1, 500), ("", 1, 0, 0, 0), ("华北", 1, 1, 2, 900), ("华东", 1, 1, 3, 600)],
    )
    assert [r.key for r in comp.rows] == ["华东", "华北", ""]
    assert rows_of(comp)["华东"] == (3, 2, 4, 1100)
    assert comp.rows[0].revenue_share == pytest.approx(1100 / 2000)
    assert calc.yuan(-123456789) == "-1,234,567.89" and calc.yuan_plain(5) == "0.05"


def test_a_read_only_archive_is_analysed_and_keeps_no_temporary_tables(
    office, archive_path, passphrase
):
    archive, people, _ = office
    expected = AnalysisService(archive, people["zhao"]).analyse(START, END)
    archive.close()
    with Archive.open(archive_path, passphrase, readonly=True) as ro:
        result = AnalysisService(ro, "boss").analyse(START, END)
        assert ro.query("SELECT name FROM temp.sqlite_master") == []
        assert not ro.conn.in_transaction
    assert result.to_json()["compositions"] == expected.to_json()["compositions"]
    assert result.credit.ratings == expected.credit.ratings


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=200))
def test_the_pareto_curve_rises_to_one_and_80_percent_needs_the_fewest_customers(values):
    ranked = sorted(values, reverse=True)
    pc = calc.contribution(ranked)
    shares = [r for _, r in pc.curve]
    assert shares == sorted(shares) and shares[-1] == pytest.approx(1.0)
    total, k = sum(ranked), pc.customers_for_80
    assert sum(ranked[:k]) * 5 >= total * 4
    assert k == 1 or sum(ranked[: k - 1]) * 5 < total * 4


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["A", "B", "C", "X"]), st.integers(0, 50), st.integers(-(10**6), 10**8)
        ),
        max_size=40,
    )
)
def test_composition_shares_add_up_and_keep_every_group(groups):
    comp = calc.composition("tier", [(k, n, 0, 0, fen) for k, n, fen in groups])
    assert [r.key for r in comp.rows][:3] == ["A", "B", "C"]
    assert {r.key for r in comp.rows} >= {k for k, _, _ in groups}
    assert comp.customers == sum(n for _, n, _ in groups)
    if comp.customers:
        assert sum(r.customer_share for r in comp.rows) == pytest.approx(1.0)
    if comp.revenue_fen > 0:
        assert sum(r.revenue_share for r in comp.rows) == pytest.approx(1.0)


def test_sample_data_has_payers_of_every_credit_grade(archive_path, passphrase):
    # "Try with sample data" shows the credit analysis at work: some sample customers pay late
    # now and then (C), a few often (D), their cards' credit status says so.
    from desktop.services.accounts import AccountService
    from desktop.services.demo import fill_demo

    with Archive.create(archive_path, passphrase) as archive:
        admin = AccountService(archive).ensure_first_admin("boss")
        fill_demo(archive, 400, seed=7)
        result = AnalysisService(archive, admin).analyse(
            dt.date.today() - dt.timedelta(days=730), dt.date.today()
        )
        grades = {row.key: row.customers for row in result.credit.grades.rows}
        assert all(grades.get(g, 0) > 0 for g in "ABCD"), grades
        late = archive.query_one("SELECT count(*) FROM transactions WHERE note LIKE '%逾期%'")[0]
        total = archive.query_one("SELECT count(*) FROM transactions")[0]
        assert 0 < late < total / 4
        statuses = {s for (s,) in archive.query("SELECT DISTINCT credit_status FROM customers")}
        assert {"良好", "偶有逾期", "多次逾期，需关注"} <= statuses
