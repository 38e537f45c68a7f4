"""The composition analysis (客户资料分析, docs/domain.md, Analysis) as plain computations: no SQL, no Qt.

``desktop.services.analysis`` has ``storage/analysis_queries.py`` run the aggregate queries and hands the grouped figures to the
functions here; the PDF report, the Excel workbook, the CLI and the window all show the same
``Analysis`` object. Amounts are whole fen (integers), as ``transactions.amount_fen`` holds
them, so sums are exact; shares are floats between 0 and 1 (None when there is nothing to
share: no revenue in the period).

What each part means
--------------------
* **收入构成 / composition** by tier, lifecycle status, region and industry: every visible
  customer is counted once, with the revenue of its transactions in the period. Tier and
  status are the customer's *current* ones. Customers without a region or industry are one
  row of their own ("not filled in").
* **业务构成 / business line**: the transaction's cooperation mode (``transactions.mode``,
  合作方式: 经销, 直销, 代理, OEM …) is the business line; it is what the archive records per
  sale. Here "customers" counts the customers who bought in that line, so one customer can be
  in several lines and the customer shares add up to more than 100 %.
* **利润贡献 / profit contribution**: the archive holds no costs or margins (the transactions
  table has an amount, no cost price), so profit cannot be computed honestly. What is shown
  is each customer's **contribution to revenue**: customers ranked by revenue, the cumulative
  share of revenue of the top 10 %, 20 % … of buying customers (the Pareto curve), how many
  customers make 80 % of the revenue, and the largest customers. With a cost column this would
  become a margin analysis; none is added here.
* **客户信用分析 / credit rating**: see ``rate`` and ``CreditRules``.
"""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import asdict, dataclass, fields, replace
from typing import Any, Iterable, Mapping, Sequence

from ..domain.customer import Status, Tier, enum_label

DIMENSIONS = ("tier", "status", "region", "industry", "business_line")

#: (English, Chinese) texts shared by the PDF report, the workbook and the CLI. The window
#: has its own translated texts (Qt Linguist); these are for files and terminals.
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Customer analysis", "客户资料分析"),
    "period": ("Period", "统计期间"),
    "scope": ("Customers covered", "分析范围"),
    "scope_all": ("all customers", "全部客户"),
    "scope_region": (
        "the customers of region {region} and one's own",
        "本区域（{region}）及本人负责的客户",
    ),
    "scope_own": ("the customers {user} is responsible for", "{user} 负责的客户"),
    "generated": ("Made by {user} on {at}", "{user} 制作于 {at}"),
    "summary": ("Overview", "概览"),
    "tier": ("Composition by tier", "收入构成（按客户等级）"),
    "status": ("Composition by lifecycle status", "客户状态构成"),
    "region": ("Composition by region", "地区构成"),
    "industry": ("Composition by industry", "行业构成"),
    "business_line": ("Composition by business line (cooperation mode)", "业务构成（按合作方式）"),
    "profit": ("Profit contribution (revenue contribution)", "利润贡献（按收入贡献）"),
    "credit": ("Credit analysis", "客户信用分析"),
    "key": ("Group", "类别"),
    "customers": ("Customers", "客户数"),
    "customer_share": ("Share of customers", "客户占比"),
    "buying": ("Buying customers", "有交易客户"),
    "transactions": ("Transactions", "交易笔数"),
    "revenue": ("Revenue (yuan)", "交易额（元）"),
    "revenue_share": ("Share of revenue", "收入占比"),
    "total": ("Total", "合计"),
    "not_set": ("(not filled in)", "（未填写）"),
    "top_share": ("Top share of customers", "客户排名前"),
    "cumulative": ("Cumulative share", "累计收入占比"),
    "rank": ("Rank", "排名"),
    "archive_no": ("Archive number", "档案编号"),
    "name": ("Customer", "客户名称"),
    "customers_for_80": (
        "{n} customers ({share}) make 80 % of the revenue.",
        "{n} 个客户（占 {share}）贡献了 80% 的收入。",
    ),
    "no_profit_data": (
        "The archive records no costs or margins: profit contribution is shown "
        "as each customer's share of revenue.",
        "档案中没有成本或毛利数据：利润贡献按各客户的收入贡献显示。",
    ),
    "grade": ("Credit grade", "信用等级"),
    "late_share": ("Late or open (share)", "逾期/未付占比"),
    "terms": ("Suggested terms", "建议结算条件"),
    "credit_limit": ("Suggested credit limit (yuan)", "建议信用额度（元）"),
    "credit_status": ("Credit status (card)", "信用状况（档案）"),
    "watch": (
        "Customers to watch (grades C and D, largest first)",
        "需关注客户（C、D 级，按交易额排序）",
    ),
    "largest": ("Largest customers", "主要客户"),
    "credit_rule": ("Rule: {rule}", "规则：{rule}"),
    "revenue_total": ("Revenue in the period (yuan)", "期间交易额（元）"),
}

GRADES = ("A", "B", "C", "D", "-")
GRADE_LABELS: dict[str, tuple[str, str]] = {
    "A": ("A · excellent", "A · 优良"),
    "B": ("B · good", "B · 良好"),
    "C": ("C · watch", "C · 关注"),
    "D": ("D · poor", "D · 较差"),
    "-": ("unrated (no transactions)", "未评级（无交易）"),
}


def text(key: str, lang: str = "en", **values: object) -> str:
    en, zh = TEXTS[key]
    return (zh if lang.lower().startswith("zh") else en).format(**values)


def yuan(fen: int) -> str:
    """Fen as yuan with two decimals and thousands separators: 1234567 → "12,345.67"."""
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(int(fen)), 100)
    return f"{sign}{whole:,}.{cents:02}"


def percent(share: float | None, digits: int = 1) -> str:
    return "–" if share is None else f"{share * 100:.{digits}f}%"


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole > 0 else None


# --------------------------------------------------------------------------------------------
# Compositions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Slice:
    """One row of a composition table: a group and its figures in the period."""

    key: str  # the stored value; "" for "not filled in"
    customers: int  # customers in the group (business line: who bought in it)
    buying: int  # of them, customers with transactions in the period
    transactions: int
    revenue_fen: int
    customer_share: float | None
    revenue_share: float | None

    def label(self, dimension: str, lang: str = "en") -> str:
        return key_label(dimension, self.key, lang)


@dataclass(frozen=True)
class Composition:
    dimension: str
    rows: tuple[Slice, ...]
    customers: int  # the base of customer_share
    revenue_fen: int  # the base of revenue_share
    transactions: int

    def to_json(self) -> dict:
        return {
            "dimension": self.dimension,
            "customers": self.customers,
            "revenue": yuan_plain(self.revenue_fen),
            "revenue_fen": self.revenue_fen,
            "transactions": self.transactions,
            "rows": [
                {
                    "key": r.key,
                    "label_en": r.label(self.dimension, "en"),
                    "label_zh": r.label(self.dimension, "zh"),
                    "customers": r.customers,
                    "buying": r.buying,
                    "transactions": r.transactions,
                    "revenue": yuan_plain(r.revenue_fen),
                    "revenue_fen": r.revenue_fen,
                    "customer_share": r.customer_share,
                    "revenue_share": r.revenue_share,
                }
                for r in self.rows
            ],
        }


def yuan_plain(fen: int) -> str:
    """Fen as an exact decimal yuan text without separators (for JSON): 1234567 → "12345.67"."""
    return yuan(fen).replace(",", "")


def key_label(dimension: str, key: str, lang: str = "en") -> str:
    zh = lang.lower().startswith("zh")
    if key == "":
        return text("not_set", lang)
    if dimension == "tier" and key in Tier.__members__.values():
        return f"{key} · {enum_label(Tier(key), lang)}"
    if dimension == "status" and key in Status.__members__.values():
        return enum_label(Status(key), lang)
    if dimension == "grade" and key in GRADE_LABELS:
        return GRADE_LABELS[key][1 if zh else 0]
    return key


#: Groups that always appear, in this order, even when empty (a tier nobody has is news).
FIXED_ORDER: dict[str, tuple[str, ...]] = {
    "tier": tuple(t.value for t in Tier),
    "status": tuple(s.value for s in Status),
    "grade": GRADES,
}


def composition(
    dimension: str,
    groups: Iterable[tuple[str, int, int, int, int]],
    *,
    customers_base: int | None = None,
) -> Composition:
    """A composition table from grouped figures ``(key, customers, buying, transactions,
    revenue_fen)``; several tuples with the same key are added up (the service sends a cube
    and each dimension sums its margin).

    Shares are of the totals of the rows, except the customer share's base when
    ``customers_base`` is given (business lines: the buying customers, each counted once).
    Rows: the fixed order for tiers, statuses and grades; otherwise by revenue, largest
    first, then by number of customers, with "not filled in" last.
    """
    sums: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in FIXED_ORDER.get(dimension, ())}
    for key, customers, buying, transactions, revenue in groups:
        acc = sums.setdefault(key or "", [0, 0, 0, 0])
        acc[0] += customers
        acc[1] += buying
        acc[2] += transactions
        acc[3] += revenue
    total_customers = sum(v[0] for v in sums.values())
    total_revenue = sum(v[3] for v in sums.values())
    total_tx = sum(v[2] for v in sums.values())
    base = total_customers if customers_base is None else customers_base
    if dimension in FIXED_ORDER:
        order = list(FIXED_ORDER[dimension]) + sorted(set(sums) - set(FIXED_ORDER[dimension]))
    else:
        order = sorted(sums, key=lambda k: (k == "", -sums[k][3], -sums[k][0], k))
    rows = tuple(
        Slice(
            k,
            sums[k][0],
            sums[k][1],
            sums[k][2],
            sums[k][3],
            _share(sums[k][0], base),
            _share(sums[k][3], total_revenue),
        )
        for k in order
    )
    return Composition(dimension, rows, base, total_revenue, total_tx)


def margin(cube: Iterable[Sequence], index: int) -> list[tuple[str, int, int, int, int]]:
    """The groups of one dimension from cube rows ``(dim0, dim1, …, customers, buying,
    transactions, revenue_fen)``: the dimension at ``index`` with the four figures."""
    return [(row[index], *row[-4:]) for row in cube]


# --------------------------------------------------------------------------------------------
# Profit contribution (revenue contribution, Pareto)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TopCustomer:
    id: int
    archive_no: str
    name: str
    revenue_fen: int
    share: float | None
    cumulative: float | None


@dataclass(frozen=True)
class Contribution:
    """Customers with positive revenue, ranked: the Pareto curve and the largest customers.

    ``curve``: (share of buying customers, cumulative share of revenue) at 10 %, 20 % … 100 %
    of the customers (the top ``ceil(p × n)`` customers). ``customers_for_80``: the fewest
    customers whose revenue reaches 80 % of the total.
    """

    customers: int
    revenue_fen: int
    curve: tuple[tuple[float, float], ...]
    customers_for_80: int
    top: tuple[TopCustomer, ...]

    def to_json(self) -> dict:
        return {
            "customers": self.customers,
            "revenue": yuan_plain(self.revenue_fen),
            "revenue_fen": self.revenue_fen,
            "curve": [{"customer_share": c, "revenue_share": r} for c, r in self.curve],
            "customers_for_80": self.customers_for_80,
            "top": [{**asdict(t), "revenue": yuan_plain(t.revenue_fen)} for t in self.top],
        }


CURVE_STEPS = tuple(i / 10 for i in range(1, 11))


def contribution(
    revenues_desc: Sequence[int], top: Sequence[tuple[int, str, str, int]] = ()
) -> Contribution:
    """``revenues_desc``: every buying customer's positive revenue in fen, largest first;
    ``top``: (id, archive_no, name, revenue_fen) of the largest customers, in the same order."""
    values = [int(v) for v in revenues_desc if v > 0]
    if any(a < b for a, b in zip(values, values[1:], strict=False)):
        raise ValueError("revenues must be sorted largest first")
    n, total = len(values), sum(values)
    cumulative, running = [], 0
    for v in values:
        running += v
        cumulative.append(running)
    curve = []
    for p in CURVE_STEPS:
        k = math.ceil(p * n - 1e-9)
        curve.append((p, cumulative[k - 1] / total if k and total else 0.0))
    for_80 = next((i + 1 for i, c in enumerate(cumulative) if c * 5 >= total * 4), 0)
    rows, running = [], 0
    for cid, no, name, fen in top:
        running += fen
        rows.append(TopCustomer(cid, no, name, fen, _share(fen, total), _share(running, total)))
    return Contribution(n, total, tuple(curve), for_80, tuple(rows))


# --------------------------------------------------------------------------------------------
# Credit rating (客户信用分析)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CreditRules:
    """The office's credit rule; stored as JSON in the archive setting ``credit_rules``.

    The archive records, per transaction, a payment method and a note, and per card a free
    "credit status" (信用状况); it records no due dates and no receipts. So lateness is what the
    office writes down: a transaction is **late or open** when its payment method or note
    contains one of ``late_words`` (逾期, 拖欠, 未付 …, case-insensitive).

    For each customer, over the period: revenue R (sum of its transactions), the number of
    transactions N, and the late share L = amount of late-or-open transactions / R (amounts of
    refunds count as they are; L is 0 when R ≤ 0). Then, first match wins:

    * **D** (poor): L ≥ ``d_late_share``, or the card's credit status contains one of
      ``bad_words`` (失信, 黑名单, 坏账 …). Terms: full prepayment (预付全款), no credit.
    * **C** (watch): L ≥ ``c_late_share``, or the credit status contains one of
      ``watch_words`` (逾期, 拖欠, 关注 …). Terms: payment before delivery (款到发货), no credit.
    * **unrated**: no transactions in the period (and no such credit status): nothing to judge
      by. Terms: payment before delivery, no credit.
    * **A** (excellent): L = 0, R ≥ ``a_min_revenue_yuan`` and N ≥ ``a_min_transactions``.
      Terms: ``a_term_days`` days net (月结), credit limit ``a_limit_months`` months of the
      customer's average monthly purchases in the period.
    * **B** (good): the rest (some business, little or no lateness). Terms: ``b_term_days`` days
      net, limit ``b_limit_months`` months of average purchases.

    Average monthly purchases = R / (days in the period / 30.4375); limits are rounded down to
    ``limit_step_yuan`` and never negative.
    """

    c_late_share: float = 0.10
    d_late_share: float = 0.30
    a_min_revenue_yuan: int = 100_000
    a_min_transactions: int = 3
    a_term_days: int = 60
    b_term_days: int = 30
    a_limit_months: float = 3.0
    b_limit_months: float = 1.0
    limit_step_yuan: int = 1000
    late_words: tuple[str, ...] = (
        "逾期",
        "拖欠",
        "欠款",
        "未付",
        "未结清",
        "延期付款",
        "坏账",
        "overdue",
        "late",
        "unpaid",
        "outstanding",
    )
    bad_words: tuple[str, ...] = (
        "失信",
        "黑名单",
        "坏账",
        "较差",
        "严重逾期",
        "poor",
        "bad",
        "blacklist",
    )
    watch_words: tuple[str, ...] = (
        "逾期",
        "拖欠",
        "欠款",
        "关注",
        "一般",
        "late",
        "overdue",
        "watch",
    )

    def __post_init__(self) -> None:
        if not 0 < self.c_late_share <= self.d_late_share <= 1:
            raise ValueError(
                "The late shares must satisfy 0 < C share <= D share <= 1 "
                f"(got C {self.c_late_share}, D {self.d_late_share})"
            )
        for name in (
            "a_min_revenue_yuan",
            "a_min_transactions",
            "a_term_days",
            "b_term_days",
            "limit_step_yuan",
        ):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{name} must be a whole number of at least 0 (got {value!r})")
        if self.limit_step_yuan < 1:
            raise ValueError("limit_step_yuan must be at least 1")
        for name in ("a_limit_months", "b_limit_months"):
            value = getattr(self, name)
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0 <= value <= 24
            ):
                raise ValueError(
                    f"{name} must be a number of months between 0 and 24 (got {value!r})"
                )
        for name in ("late_words", "bad_words", "watch_words"):
            words = getattr(self, name)
            if isinstance(words, str) or not all(isinstance(w, str) and w.strip() for w in words):
                raise ValueError(f"{name} must be a list of non-empty words")

    def to_json(self) -> dict:
        return {
            f.name: (list(v) if isinstance(v := getattr(self, f.name), tuple) else v)
            for f in fields(self)
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> "CreditRules":
        known = {f.name: f for f in fields(cls)}
        unknown = set(data) - set(known)
        if unknown:
            raise ValueError(f"Unknown credit rule setting(s): {', '.join(sorted(unknown))}")
        values = {}
        for name, value in data.items():
            if name.endswith("_words"):
                if isinstance(value, str):
                    value = [w.strip() for w in value.split(",") if w.strip()]
                value = tuple(value)  # type: ignore[arg-type]
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]

    def with_text(self, name: str, raw: str) -> "CreditRules":
        """A copy with one setting given as text (the CLI's ``--set NAME=VALUE``)."""
        known = {f.name: f for f in fields(self)}
        if name not in known:
            raise ValueError(f"Unknown credit rule setting: {name} (known: {', '.join(known)})")
        current = getattr(self, name)
        try:
            if name.endswith("_words"):
                value: Any = tuple(w.strip() for w in raw.split(",") if w.strip())
            elif isinstance(current, float):
                value = float(raw)
            else:
                value = int(raw)
        except ValueError:
            raise ValueError(f"{name}: {raw!r} is not a number") from None
        return replace(self, **{name: value})

    def summary(self, lang: str = "en") -> str:
        """The rule in one paragraph, for the report and the workbook."""
        c, d = percent(self.c_late_share, 0), percent(self.d_late_share, 0)
        if lang.lower().startswith("zh"):
            return (
                f"逾期/未付占比 ≥ {d} 或信用状况为“{'、'.join(self.bad_words[:3])}”等：D 级，预付全款；"
                f"≥ {c} 或信用状况为“{'、'.join(self.watch_words[:3])}”等：C 级，款到发货；"
                f"期间无交易：未评级，款到发货；无逾期、交易额 ≥ {self.a_min_revenue_yuan:,} 元且"
                f" ≥ {self.a_min_transactions} 笔：A 级，月结 {self.a_term_days} 天，额度为"
                f" {self.a_limit_months:g} 个月平均采购额；其余：B 级，月结 {self.b_term_days} 天，"
                f"额度为 {self.b_limit_months:g} 个月平均采购额。逾期/未付指付款方式或备注中写有"
                f"“{'、'.join(self.late_words[:4])}”等字样的交易。"
            )
        return (
            f"late or open payments ≥ {d} of revenue, or a credit status such as "
            f"'{', '.join(self.bad_words[:3])}': D, full prepayment; ≥ {c}, or a credit status "
            f"such as '{', '.join(self.watch_words[:3])}': C, payment before delivery; no "
            f"transactions in the period: unrated, payment before delivery; no late payment, "
            f"revenue ≥ {self.a_min_revenue_yuan:,} yuan and ≥ {self.a_min_transactions} "
            f"transactions: A, {self.a_term_days} days net, limit {self.a_limit_months:g} "
            f"months of average purchases; otherwise B, {self.b_term_days} days net, limit "
            f"{self.b_limit_months:g} months. Late or open: a transaction whose payment method "
            f"or note says '{', '.join(self.late_words[:4])}' or the like."
        )


def _has_word(value: str | None, words: Iterable[str]) -> bool:
    if not value:
        return False
    folded = value.casefold()
    return any(w.casefold() in folded for w in words)


def is_late(payment_method: str | None, note: str | None, rules: CreditRules) -> bool:
    """Whether a transaction counts as late or open (the words of ``rules.late_words``)."""
    return _has_word(payment_method, rules.late_words) or _has_word(note, rules.late_words)


@dataclass(frozen=True)
class Rating:
    id: int
    archive_no: str
    name: str
    credit_status: str | None
    transactions: int
    revenue_fen: int
    late_fen: int
    late_share: float
    grade: str  # A B C D or "-" (unrated)
    term_days: int  # days net; 0: no credit (see ``terms``)
    limit_fen: int

    def terms(self, lang: str = "en") -> str:
        return terms_label(self.grade, self.term_days, lang)

    def to_json(self) -> dict:
        return {
            **asdict(self),
            "revenue": yuan_plain(self.revenue_fen),
            "credit_limit": yuan_plain(self.limit_fen),
            "terms_en": self.terms("en"),
            "terms_zh": self.terms("zh"),
        }


def terms_label(grade: str, days: int, lang: str = "en") -> str:
    zh = lang.lower().startswith("zh")
    if grade == "D":
        return "预付全款" if zh else "full prepayment"
    if grade in ("C", "-") or days <= 0:
        return "款到发货" if zh else "payment before delivery"
    return f"月结{days}天" if zh else f"{days} days net"


def period_days(start: _dt.date, end: _dt.date) -> int:
    return (end - start).days + 1


def rate(
    cid: int,
    archive_no: str,
    name: str,
    credit_status: str | None,
    transactions: int,
    revenue_fen: int,
    late_fen: int,
    rules: CreditRules,
    days: int,
) -> Rating:
    """One customer's grade, terms and limit by the rule in ``CreditRules``' docstring;
    ``days``: the length of the period (for the average monthly purchases)."""
    late_share = late_fen / revenue_fen if revenue_fen > 0 else 0.0
    late_share = max(0.0, min(1.0, late_share))
    if late_share >= rules.d_late_share or _has_word(credit_status, rules.bad_words):
        grade = "D"
    elif late_share >= rules.c_late_share or _has_word(credit_status, rules.watch_words):
        grade = "C"
    elif transactions == 0:
        grade = "-"
    elif (
        late_fen <= 0
        and revenue_fen >= rules.a_min_revenue_yuan * 100
        and transactions >= rules.a_min_transactions
    ):
        grade = "A"
    else:
        grade = "B"
    term_days, months = {
        "A": (rules.a_term_days, rules.a_limit_months),
        "B": (rules.b_term_days, rules.b_limit_months),
    }.get(grade, (0, 0.0))
    monthly = revenue_fen / (max(days, 1) / 30.4375)
    step = rules.limit_step_yuan * 100
    limit = int(max(0.0, monthly * months) // step) * step if months and term_days else 0
    return Rating(
        cid,
        archive_no,
        name,
        credit_status,
        transactions,
        revenue_fen,
        late_fen,
        late_share,
        grade,
        term_days if grade in ("A", "B") else 0,
        limit,
    )


@dataclass(frozen=True)
class Credit:
    grades: Composition  # customers and revenue by grade
    limits_fen: dict[str, int]  # total suggested credit limit by grade
    ratings: tuple[Rating, ...]  # every rated customer, largest revenue first
    rules: CreditRules

    def watch(self, limit: int = 30) -> list[Rating]:
        return [r for r in self.ratings if r.grade in ("C", "D")][:limit]

    def to_json(self, *, all_ratings: bool = False) -> dict:
        out = {
            "grades": self.grades.to_json(),
            "limits": {g: yuan_plain(v) for g, v in self.limits_fen.items()},
            "rules": self.rules.to_json(),
            "watch": [r.to_json() for r in self.watch()],
        }
        if all_ratings:
            out["ratings"] = [r.to_json() for r in self.ratings]
        return out


def credit(ratings: Iterable[Rating], rules: CreditRules, unrated_customers: int = 0) -> Credit:
    """The grade table from ``ratings`` (customers with transactions or a credit status);
    ``unrated_customers``: the other visible customers, counted as unrated."""
    ordered = sorted(ratings, key=lambda r: (-r.revenue_fen, r.id))
    groups = [(r.grade, 1, int(r.transactions > 0), r.transactions, r.revenue_fen) for r in ordered]
    groups.append(("-", unrated_customers, 0, 0, 0))
    limits = {g: 0 for g in GRADES}
    for r in ordered:
        limits[r.grade] += r.limit_fen
    return Credit(composition("grade", groups), limits, tuple(ordered), rules)


# --------------------------------------------------------------------------------------------
# The whole analysis
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Analysis:
    period_from: _dt.date
    period_to: _dt.date
    scope: str  # "all", "region", "own" (permissions.scope of the actor)
    user: str
    region: str | None
    generated_at: str
    tier: Composition
    status: Composition
    region_mix: Composition
    industry: Composition
    business_line: Composition
    contribution: Contribution
    credit: Credit

    @property
    def customers(self) -> int:
        return self.tier.customers

    @property
    def revenue_fen(self) -> int:
        return self.tier.revenue_fen

    @property
    def buying(self) -> int:
        return sum(r.buying for r in self.tier.rows)

    @property
    def transactions(self) -> int:
        return self.tier.transactions

    def compositions(self) -> list[Composition]:
        return [self.tier, self.status, self.region_mix, self.industry, self.business_line]

    def scope_text(self, lang: str = "en") -> str:
        return text(f"scope_{self.scope}", lang, user=self.user, region=self.region or "—")

    def to_json(self, *, all_ratings: bool = False) -> dict:
        return {
            "period": {"from": self.period_from.isoformat(), "to": self.period_to.isoformat()},
            "scope": self.scope,
            "user": self.user,
            "generated_at": self.generated_at,
            "customers": self.customers,
            "buying_customers": self.buying,
            "transactions": self.transactions,
            "revenue": yuan_plain(self.revenue_fen),
            "revenue_fen": self.revenue_fen,
            "compositions": {c.dimension: c.to_json() for c in self.compositions()},
            "profit_contribution": self.contribution.to_json(),
            "credit": self.credit.to_json(all_ratings=all_ratings),
        }
