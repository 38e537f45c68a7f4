"""Sample data: realistic Chinese and English companies with contacts, follow-ups,
transactions, statuses and tiers. Used by ``demo``, the benchmarks, and "try with sample
data" in the GUI. Deterministic for a given seed.

Rows are written in large batches straight through the repository tables (one
transaction per batch) and indexed in bulk, so 100 000 customers take seconds, not hours.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Callable

import phonenumbers

from ..domain.archive_number import format_archive_no
from ..domain.customer import Status
from ..storage import customers as repo
from ..storage import loans as loan_repo
from ..storage import search
from ..storage.archive import Archive
from .customers import DEFAULT_PATTERN, CustomerService, now_iso, sort_key

CITIES = [
    "北京",
    "上海",
    "广州",
    "深圳",
    "杭州",
    "南京",
    "苏州",
    "成都",
    "重庆",
    "武汉",
    "西安",
    "天津",
    "厦门",
    "青岛",
    "宁波",
    "长沙",
    "郑州",
    "合肥",
    "福州",
    "昆明",
    "沈阳",
    "大连",
]
REGION_OF = {
    "北京": "华北",
    "天津": "华北",
    "上海": "华东",
    "杭州": "华东",
    "南京": "华东",
    "苏州": "华东",
    "宁波": "华东",
    "合肥": "华东",
    "福州": "华南",
    "厦门": "华南",
    "青岛": "华东",
    "广州": "华南",
    "深圳": "华南",
    "成都": "西南",
    "重庆": "西南",
    "昆明": "西南",
    "武汉": "华中",
    "长沙": "华中",
    "郑州": "华中",
    "西安": "西北",
    "沈阳": "东北",
    "大连": "东北",
}
AREA_CODES = {
    "北京": "10",
    "上海": "21",
    "广州": "20",
    "深圳": "755",
    "杭州": "571",
    "南京": "25",
    "苏州": "512",
    "成都": "28",
    "重庆": "23",
    "武汉": "27",
    "西安": "29",
    "天津": "22",
    "厦门": "592",
    "青岛": "532",
    "宁波": "574",
    "长沙": "731",
    "郑州": "371",
    "合肥": "551",
    "福州": "591",
    "昆明": "871",
    "沈阳": "24",
    "大连": "411",
}
# The first three digits of the city's postcodes (China Post), so a sample address and its
# postcode agree: 北京 100xxx, 上海 200xxx …
POSTCODE_PREFIX = {
    "北京": "100",
    "上海": "200",
    "广州": "510",
    "深圳": "518",
    "杭州": "310",
    "南京": "210",
    "苏州": "215",
    "成都": "610",
    "重庆": "400",
    "武汉": "430",
    "西安": "710",
    "天津": "300",
    "厦门": "361",
    "青岛": "266",
    "宁波": "315",
    "长沙": "410",
    "郑州": "450",
    "合肥": "230",
    "福州": "350",
    "昆明": "650",
    "沈阳": "110",
    "大连": "116",
}
WORDS = [
    "华信",
    "中科",
    "东方",
    "恒通",
    "金桥",
    "瑞丰",
    "长城",
    "天成",
    "宏达",
    "鑫源",
    "博远",
    "海创",
    "正泰",
    "永盛",
    "联合",
    "新锐",
    "卓越",
    "智联",
    "环球",
    "远航",
    "明德",
    "信达",
    "安泰",
    "国泰",
    "汇丰",
    "德信",
    "嘉禾",
    "万通",
    "盛世",
    "启明",
    "晨光",
    "九州",
    "星河",
]
TRADES = [
    ("科技", "信息技术"),
    ("贸易", "批发零售"),
    ("机械", "制造业"),
    ("电子", "制造业"),
    ("物流", "交通运输"),
    ("建设", "建筑业"),
    ("医药", "医药卫生"),
    ("食品", "食品饮料"),
    ("纺织", "制造业"),
    ("咨询", "商务服务"),
    ("软件", "信息技术"),
    ("化工", "化工"),
    ("能源", "能源"),
    ("印务", "文化传媒"),
    ("餐饮管理", "住宿餐饮"),
]
SUFFIXES = ["有限公司", "有限责任公司", "股份有限公司", "集团有限公司"]
EN_WORDS = [
    "Acme",
    "Pacific",
    "Golden Bridge",
    "Bluewater",
    "Northstar",
    "Evergreen",
    "Summit",
    "Harbor",
    "Silverline",
    "Redwood",
    "Lotus",
    "Crescent",
    "Orient",
    "Meridian",
]
EN_TRADES = [
    ("Trading", "批发零售"),
    ("Logistics", "交通运输"),
    ("Software", "信息技术"),
    ("Engineering", "建筑业"),
    ("Foods", "食品饮料"),
    ("Consulting", "商务服务"),
]
EN_SUFFIXES = ["Ltd.", "Co., Ltd.", "Inc.", "Limited", "GmbH"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁"
TITLES = [
    "总经理",
    "采购经理",
    "财务总监",
    "董事长",
    "销售主管",
    "行政主管",
    "技术总监",
    "办公室主任",
]
STREETS = [
    "中山路",
    "人民路",
    "建设大道",
    "解放路",
    "长江路",
    "和平街",
    "新华路",
    "科技园路",
    "滨江大道",
]
SALES = ["wangfang", "lijun", "zhangwei", "liuyang", "chenjing", "zhaolei", "sunli", "zhouqiang"]
MODES = ["经销", "直销", "代理", "项目合作", "OEM"]
PAYMENTS = ["银行转账", "承兑汇票", "月结30天", "预付款", "货到付款"]
FOLLOW = [
    "电话沟通新季度采购计划",
    "上门拜访，介绍新产品",
    "邮件发送报价单",
    "客户反馈交货期问题，已协调",
    "参加客户年会",
    "回访满意度，客户评价良好",
    "跟进合同续签事宜",
]
TAGS = ["重点", "老客户", "展会", "需回访", "政府项目", "出口", "VIP"]
STATUS_WEIGHTS = [
    (Status.PROSPECT, 30),
    (Status.FOLLOWED_UP, 25),
    (Status.COOPERATING, 35),
    (Status.LOST, 10),
]


def _phone(rng: random.Random) -> str:
    return f"+86{rng.choice(['13', '15', '18', '17'])}{rng.randrange(10**8, 10**9)}"


def _landline(rng: random.Random, city: str) -> str:
    """A number phonenumbers accepts for the city (lengths and leading digits vary by city)."""
    area = AREA_CODES[city]
    while True:
        digits = rng.choice((8, 8, 7))
        number = f"+86{area}{rng.randrange(2 * 10 ** (digits - 1), 9 * 10 ** (digits - 1))}"
        if phonenumbers.is_valid_number(phonenumbers.parse(number)):
            return number


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def generate(rng: random.Random, n: int, today: dt.date):
    """Yield (card values, contacts, follow-ups, transactions) for ``n`` customers."""
    statuses = [s for s, w in STATUS_WEIGHTS for _ in range(w)]
    for i in range(n):
        city = rng.choice(CITIES)
        if rng.random() < 0.12:
            word, (trade, industry) = rng.choice(EN_WORDS), rng.choice(EN_TRADES)
            name = f"{word} {trade} {rng.choice(EN_SUFFIXES)}"
            if rng.random() < 0.5:
                name = f"{word} {trade} ({city}) {rng.choice(EN_SUFFIXES)}"
        else:
            trade, industry = rng.choice(TRADES)
            name = f"{city}{rng.choice(WORDS)}{rng.choice(WORDS)[0]}{trade}{rng.choice(SUFFIXES)}"
        status = rng.choice(statuses)
        values = {
            "name": name,
            "address": f"{city}市{rng.choice(STREETS)}{rng.randrange(1, 999)}号",
            # one draw as before, so the rest of a seeded sample stays the same
            "postcode": f"{POSTCODE_PREFIX[city]}{rng.randrange(100000, 999999) % 100:03d}",
            "industry": industry,
            "legal_rep": _person(rng),
            "phone": _landline(rng, city),
            "email": f"info{i}@example.com",
            "region": REGION_OF[city],
            "responsible": rng.choice(SALES),
            "source": rng.choice(["field_visit", "media", "trade_show", "referral", "other"]),
            "customer_type": rng.choice(
                ["ordinary_company"] * 6 + ["government", "partner", "individual"]
            ),
            "status": status.value,
            "employees": rng.choice([8, 20, 45, 120, 300, 800, 2000]),
            "tags": ",".join(rng.sample(TAGS, rng.choice((0, 0, 1, 2)))),
            "churn_reason": "价格因素，转向竞争对手" if status is Status.LOST else None,
            "founded": dt.date(
                rng.randrange(1985, 2024), rng.randrange(1, 13), rng.randrange(1, 29)
            ).isoformat(),
        }
        contacts = [
            {
                "name": _person(rng),
                "title": rng.choice(TITLES),
                "mobile": _phone(rng),
                "email": f"c{i}_{k}@example.com",
                "is_primary": int(k == 0),
            }
            for k in range(rng.choice((1, 1, 2, 3)))
        ]
        follow_ups = [
            (
                (today - dt.timedelta(days=rng.randrange(1, 720))).isoformat(),
                rng.choice(["visit", "call", "mail", "note"]),
                rng.choice(FOLLOW),
            )
            for _ in range(rng.choice((0, 1, 2, 3)))
        ]
        transactions = []
        if status in (Status.COOPERATING, Status.LOST):
            scale = rng.choice([5_000, 20_000, 80_000, 300_000, 1_500_000])
            for _ in range(rng.choice((1, 2, 3, 5))):
                fen = int(rng.paretovariate(1.5) * scale * 100)
                transactions.append(
                    (
                        (today - dt.timedelta(days=rng.randrange(1, 700))).isoformat(),
                        rng.choice(MODES),
                        fen,
                        rng.choice(PAYMENTS),
                        f"HT-{rng.randrange(2023, 2027)}-{rng.randrange(1, 99999):05}",
                    )
                )
        transactions = _payment_habits(i, name, values, transactions)
        yield values, contacts, follow_ups, transactions


def _payment_habits(i: int, name: str, values: dict, transactions: list) -> list:
    """How each sample customer pays, for the credit analysis: most on time, some late now
    and then, a few often. Drawn from a generator of its own, so every other sample value
    stays what it was for the same seed."""
    pay = random.Random(f"payments:{i}:{name}")
    habit = pay.random()
    late_share = 0.6 if habit < 0.04 else 0.25 if habit < 0.15 else 0.0
    if transactions:
        values["credit_status"] = (
            "多次逾期，需关注" if habit < 0.04 else "偶有逾期" if habit < 0.15 else "良好"
        )
    return [
        (*t, "逾期付款" if late_share and pay.random() < late_share else None) for t in transactions
    ]


def fill_demo(
    archive: Archive,
    count: int,
    *,
    seed: int = 1,
    user: str = "demo",
    progress: Callable[[int, int], None] | None = None,
    batch: int = 5000,
) -> int:
    """Add ``count`` sample customers; returns how many were added."""
    rng = random.Random(seed)
    today = dt.date.today()
    pattern = archive.get_setting("archive_no_pattern", DEFAULT_PATTERN)
    rows = generate(rng, count, today)
    done = 0
    while done < count:
        size = min(batch, count - done)
        now = now_iso()
        with archive.write() as conn:
            ids = []
            for values, contacts, follow_ups, transactions in (next(rows) for _ in range(size)):
                seq = repo.next_sequence(conn, str(today.year))
                values["archive_no"] = format_archive_no(
                    pattern, today.year, seq, month=today.month
                )
                cid = repo.insert(conn, values, sort_key=sort_key(values["name"]), by=user, now=now)
                ids.append(cid)
                loan_repo.add_dossier(
                    conn, cid, values["archive_no"], values["name"], by=user, now=now
                )
                conn.executemany(
                    "INSERT INTO contacts(customer_id, position, name, title, mobile, email, is_primary) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    [
                        (cid, k, c["name"], c["title"], c["mobile"], c["email"], c["is_primary"])
                        for k, c in enumerate(contacts)
                    ],
                )
                conn.executemany(
                    "INSERT INTO follow_ups(customer_id, date, kind, summary, by_user, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [(cid, d, k, s, values["responsible"], now) for d, k, s in follow_ups],
                )
                conn.executemany(
                    "INSERT INTO transactions(customer_id, date, mode, amount, amount_fen, "
                    "payment_method, contract_no, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [
                        (cid, d, m, f"{fen / 100:.2f}", fen, p, c, note)
                        for d, m, fen, p, c, note in transactions
                    ],
                )
                conn.execute(
                    "INSERT INTO status_history(customer_id, old, new, reason, by_user, at) "
                    "VALUES (?, NULL, ?, 'sample data', ?, ?)",
                    (cid, values["status"], user, now),
                )
            search.index_many(conn, ids)
        done += size
        if progress:
            progress(done, count)
    with archive.write() as conn:
        search.optimize(conn)
    # Tiers by ABC analysis over the sample transactions, as an office would compute them.
    CustomerService(archive, user).compute_tiers(today)
    # Small fills (the tests' few dozen cards) stay without a register: their files are laid
    # out as the backup tests expect them.
    _demo_loans(archive, user, rng, today, min(30, count // 10) if count >= 100 else 0)
    return count


def _demo_loans(archive: Archive, user: str, rng: random.Random, today: dt.date, n: int) -> None:
    """A register with something in every list: dossiers out (some overdue, some due soon),
    handed out and returned, approved and waiting to be handed out, a sample and a customer's
    material, and salespeople's requests waiting for approval."""
    if n <= 0:
        return
    from ..domain.permissions import Actor, Role
    from .loans import LoanService

    loans = LoanService(archive, user)
    sample = loans.add_item(
        f"YP-{today.year}-{rng.randrange(1000, 9999)}",
        "sample",
        "不锈钢阀门样品（展会用）",
        shelf_location="样品柜 A-3",
    )
    loans.add_item(
        f"CL-{today.year}-{rng.randrange(1000, 9999)}",
        "customer_material",
        "客户提供的原版购销合同",
        value_class="valuable",
        shelf_location="保险柜 1",
        state="available",
    )
    rows = archive.query(
        "SELECT i.id, c.responsible FROM items i JOIN customers c ON c.id = i.customer_id "
        "WHERE i.kind = 'dossier' ORDER BY i.id DESC LIMIT ?",
        (n,),
    )
    purposes = [
        "合同续签谈判",
        "年度审计抽查",
        "客户回访前查阅",
        "投标资料准备",
        "信用评估",
        "交接核对",
    ]
    for k, (item, responsible) in enumerate(rows):
        borrower = responsible or rng.choice(SALES)
        until = today + dt.timedelta(days=rng.choice((1, 2, 5, 7, 14)))
        if k % 6 == 5:  # a salesperson's request, waiting for the custodian or a manager
            LoanService(archive, Actor(borrower, borrower, Role.SALESPERSON)).request(
                item, purpose=rng.choice(purposes), wanted_until=until
            )
            continue
        loan = loans.request(
            item, borrower=borrower, purpose=rng.choice(purposes), wanted_until=until
        )
        if k % 6 == 4:  # approved, to hand out
            continue
        loans.checkout(loan["id"], rng.choice(["完好", "完好，共 30 页", "封皮略有磨损"]))
        if k % 6 == 3:
            loans.return_(loan["id"], "完好")
        elif k % 6 in (0, 1):  # out for a while already: some of these are overdue now
            due = today - dt.timedelta(days=rng.randrange(1, 20))
            with archive.write() as conn:
                conn.execute(
                    "UPDATE loans SET wanted_from = ?, wanted_until = ?, due = ? WHERE id = ?",
                    (
                        (due - dt.timedelta(days=7)).isoformat(),
                        due.isoformat(),
                        due.isoformat(),
                        loan["id"],
                    ),
                )
    loan = loans.request(
        sample,
        borrower="市场部",
        borrower_kind="department",
        purpose="上海展会",
        wanted_until=today + dt.timedelta(days=3),
    )
    loans.checkout(loan["id"], "完好，含包装盒")
