"""A hand-made office for the analysis tests: people, customers and transactions whose
expected figures the tests derive from these lists (imported by name: pytest puts
tests/unit on sys.path)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

PW = "a good password 1"
START, END = dt.date(2026, 1, 1), dt.date(2026, 6, 30)

# name, tier, status, region, industry, responsible, credit status,
# transactions: (date, amount in yuan, mode, payment method, note)
CUSTOMERS = [
    (
        "上海东方贸易有限公司",
        "A",
        "cooperating",
        "华东",
        "批发零售",
        "sun",
        None,
        [
            ("2026-01-10", "150000.00", "经销", "月结30天", None),
            ("2026-03-05", "80000.50", "经销", "银行转账", None),
            ("2026-05-20", "20000.00", "直销", "银行转账", None),
            ("2025-12-31", "999999.00", "经销", "银行转账", None),
        ],
    ),  # before the period
    (
        "杭州瑞丰食品有限公司",
        "A",
        "cooperating",
        "华东",
        "食品饮料",
        "sun",
        None,
        [
            ("2026-02-01", "60000.00", "直销", "承兑汇票", None),
            ("2026-04-01", "40000.00", "直销", "承兑汇票", "逾期两个月才付"),
        ],
    ),
    (
        "北京长城科技有限公司",
        "B",
        "cooperating",
        "华北",
        "信息技术",
        "li",
        None,
        [
            ("2026-06-30", "30000.00", "代理", "月结30天", None),
            ("2026-06-01", "30000.00", "代理", "Overdue 45 days", None),
            ("2026-07-01", "5000.00", "代理", "银行转账", None),
        ],
    ),  # after the period
    (
        "广州恒通物流有限公司",
        "B",
        "lost",
        "华南",
        "交通运输",
        "li",
        "良好",
        [
            ("2026-01-15", "12000.00", None, "货到付款", None),
            ("2026-02-15", "-2000.00", None, "银行转账", "退货"),
        ],
    ),
    ("深圳新锐电子有限公司", "C", "followed_up", "华南", None, "sun", "已列入黑名单", []),
    ("成都天成咨询有限公司", "C", "prospect", None, "商务服务", "li", "需关注", []),
    ("Acme Trading Ltd.", "C", "prospect", None, None, "li", None, []),
]


def make_office(archive_path, passphrase):
    """An administrator, a manager, two salespeople and the regional manager of 华南; the
    customers above. Returns
    (archive, {name: Actor}, {customer name: id})."""
    archive = Archive.create(archive_path, passphrase)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    people = {"admin": admin}
    for i, (name, role, region) in enumerate(
        (
            ("zhao", "manager", None),
            ("sun", "salesperson", None),
            ("li", "salesperson", None),
            ("qian", "regional_manager", "华南"),
        )
    ):
        accounts.add_user(
            admin,
            name,
            None,
            role,
            region,
            PW,
            admin_password=PW if i == 0 else None,
            must_change_password=False,
        )
        people[name] = accounts.login(name, PW)
    cards = CustomerService(archive, people["zhao"])
    ids = {}
    for name, tier, status, region, industry, owner, credit, txs in CUSTOMERS:
        values = {"name": name, "tier": tier, "status": status, "responsible": owner}
        if region:
            values["region"] = region
        if industry:
            values["industry"] = industry
        if credit:
            values["credit_status"] = credit
        if status == "lost":
            values["churn_reason"] = "价格因素"
        cid = ids[name] = cards.add(values)
        for date, amount, mode, method, note in txs:
            cards.add_transaction(cid, date, amount, mode=mode, payment_method=method, note=note)
    return archive, people, ids


def fen(amount: str) -> int:
    return int(Decimal(amount) * 100)


def in_period(rows, start=START, end=END):
    return [t for t in rows if start.isoformat() <= t[0] <= end.isoformat()]


def expected_by(key_index: int, customers=CUSTOMERS):
    """{group: (customers, buying, transactions, revenue in fen)} for one card field."""
    out = defaultdict(lambda: [0, 0, 0, 0])
    for c in customers:
        txs = in_period(c[7])
        acc = out[c[key_index] or ""]
        acc[0] += 1
        acc[1] += bool(txs)
        acc[2] += len(txs)
        acc[3] += sum(fen(t[1]) for t in txs)
    return {k: tuple(v) for k, v in out.items()}
