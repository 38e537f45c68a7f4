"""Search speed at office scale (docs/architecture.md, The search index): p50/p95 per query class,
against a LIKE scan.

Builds an archive of ``BENCH_CUSTOMERS`` customers (default 100 000) with realistic Chinese
company names (region + trade name + industry + 有限公司 …), some people and English names,
1-3 contacts each with mobile and landline numbers, written with plain SQL in big
transactions; indexes them with ``search.rebuild``; then times ~200 queries per class drawn
from the data. The baseline is a full ``LIKE '%q%'`` scan over the same columns and the same
stored text (the FTS table's own content table: what search would have to read without an
index), timed on a sample of the same queries in the same run.

Run: ``.venv/bin/python -m tests.benchmarks.bench_search`` (or through tests/benchmarks/run.py).
Not collected by pytest (file name bench_*.py, outside the configured testpaths).
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from pathlib import Path

from desktop.domain.search_text import pinyin_keys
from desktop.storage import search
from desktop.storage.archive import Archive

PASSPHRASE = "benchmark passphrase 基准"
QUERIES_PER_CLASS = 200
BASELINE_QUERIES = 25  # a LIKE scan takes ~100 ms a query at 100 000: a sample suffices
SEED = 20260101

REGIONS = (
    "北京 上海 广州 深圳 天津 重庆 杭州 南京 苏州 成都 武汉 西安 长沙 郑州 济南 青岛 沈阳 大连 "
    "哈尔滨 长春 石家庄 太原 合肥 福州 厦门 南昌 南宁 昆明 贵阳 兰州 银川 西宁 乌鲁木齐 呼和浩特 "
    "宁波 无锡 佛山 东莞 珠海 温州 烟台 徐州 常州 泉州 绍兴 嘉兴 台州 金华 潍坊 洛阳"
).split()
TRADE_CHARS = (
    "华信达恒瑞泰宏鑫博远安盛通海天龙凯金新力东方明辉正源祥和兴隆润丰永昌德诚嘉晟启航"
    "晨星光宇锦程智创汇聚联合众邦美佳乐富贵康宁腾飞云峰立诺尚品优立信鼎益丰旭日长青松柏"
    "科瑞思睿银河中成精工伟业万象弘毅臻禾宸卓越"
)
INDUSTRIES = (
    "科技 贸易 电子 机械 建材 物流 食品 医药 服装 化工 文化传媒 网络科技 信息技术 环保科技 "
    "生物科技 建筑工程 房地产开发 汽车销售 教育咨询 餐饮管理 广告 印刷 包装 家具 五金 电气 "
    "新能源 农业发展 投资管理 商贸 实业 纺织 酒店管理 旅游 供应链管理 软件 通信设备 仪器仪表"
).split()
SUFFIXES = ["有限公司"] * 6 + ["有限责任公司", "股份有限公司", "集团有限公司", "商行", "经营部"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国建华志强婷玉兰桂芳斌宇浩凯鹏飞欣怡子涵雨轩梓晨思远嘉怡"
EN_WORDS = (
    "Acme Global Pacific Bright Star Ocean Summit Delta Apex Orient Golden Silver Blue River "
    "Harbor Pioneer Unity Vertex Nova Crest Evergreen Horizon Sunrise Atlas Titan"
).split()
EN_KINDS = "Trading Logistics Electronics Consulting Foods Machinery Software Industries".split()
EN_SUFFIX = ["Ltd", "Co., Ltd.", "Inc.", "Limited", "Group"]
TAGS = "重点 老客户 展会 转介绍 大客户 政府 外贸 潜力 VIP 待回访 年度合同 华东 华南 华北".split()
ROADS = "人民路 中山路 解放路 建设路 和平路 长江路 黄河路 科技路 工业大道 滨江路 世纪大道 新华路".split()
DISTRICTS = "朝阳区 海淀区 浦东新区 天河区 南山区 西湖区 鼓楼区 高新区 经开区 江北区".split()


def _person(rng: random.Random) -> str:
    given = rng.choice(GIVEN)
    if rng.random() < 0.6:
        given += rng.choice(GIVEN)
    return rng.choice(SURNAMES) + given


def _company(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.04:
        return f"{rng.choice(EN_WORDS)} {rng.choice(EN_WORDS)} {rng.choice(EN_KINDS)} {rng.choice(EN_SUFFIX)}"
    if r < 0.10:
        return _person(rng)  # individual customers
    trade = rng.choice(TRADE_CHARS) + rng.choice(TRADE_CHARS)
    name = rng.choice(REGIONS) + trade + rng.choice(INDUSTRIES) + rng.choice(SUFFIXES)
    if rng.random() < 0.05:
        name = trade + rng.choice(INDUSTRIES) + f"（{rng.choice(REGIONS)}）有限公司"
    return name


def _mobile(rng: random.Random) -> str:
    number = f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"
    return number if rng.random() < 0.7 else f"{number[:3]} {number[3:7]} {number[7:]}"


def _landline(rng: random.Random) -> str:
    area = rng.choice(["010", "021", "020", "0755", "022", "023", "0571", "025", "0512", "028"])
    return f"{area}-{rng.randrange(10**7, 10**8)}"


def generate(conn, n: int, rng: random.Random) -> None:
    """``n`` customers with 1-3 contacts each, inserted with plain SQL (caller's transaction)."""
    now = "2026-01-01T09:00:00+00:00"
    seen: set[str] = set()
    customers = []
    contacts = []
    for cid in range(1, n + 1):
        name = _company(rng)
        while name in seen:  # company names are unique in practice
            name = _company(rng)
        seen.add(name)
        year = 2019 + cid * 8 // (n + 1)
        region = rng.choice(REGIONS)
        address = f"{region}市{rng.choice(DISTRICTS)}{rng.choice(ROADS)}{rng.randrange(1, 999)}号"
        tags = ",".join(rng.sample(TAGS, rng.randrange(0, 3)))
        customers.append(
            (
                cid,
                f"KH-{year}-{cid:05d}",
                name,
                address,
                tags,
                _landline(rng),
                _landline(rng) if rng.random() < 0.3 else None,
                f"info{cid}@example.cn" if rng.random() < 0.5 else None,
                region,
                now,
                "bench",
                now,
                "bench",
            )
        )
        for pos in range(rng.choice((1, 1, 2, 2, 3))):
            contacts.append(
                (
                    cid,
                    _person(rng),
                    _landline(rng) if rng.random() < 0.4 else None,
                    _mobile(rng),
                    None,
                    f"c{cid}_{pos}@example.cn" if rng.random() < 0.3 else None,
                    pos,
                )
            )
    conn.executemany(
        "INSERT INTO customers(id, archive_no, name, address, tags, phone, fax, email, region, "
        "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        customers,
    )
    conn.executemany(
        "INSERT INTO contacts(customer_id, name, phone, mobile, fax, email, position) "
        "VALUES (?,?,?,?,?,?,?)",
        contacts,
    )


# ----------------------------------------------------------------------------- queries
def _substring(rng: random.Random, text: str, lo: int, hi: int) -> str | None:
    if len(text) < lo:
        return None
    k = rng.randint(lo, min(hi, len(text)))
    i = rng.randrange(len(text) - k + 1)
    return text[i : i + k]


def draw_queries(conn, rng: random.Random, per_class: int) -> dict[str, list[str]]:
    rows = conn.execute(
        "SELECT c.id, c.name, c.archive_no, c.phone, "
        "(SELECT mobile FROM contacts WHERE customer_id = c.id ORDER BY position LIMIT 1) "
        "FROM customers c"
    ).fetchall()
    sample = rng.sample(rows, min(len(rows), per_class * 6))
    chinese = [r for r in sample if not r[1].isascii()]
    english = [r for r in sample if r[1].isascii()]
    classes: dict[str, list[str]] = {
        k: []
        for k in (
            "chinese_1",
            "chinese_2",
            "chinese_3plus",
            "pinyin",
            "initials_2",
            "initials_3plus",
            "english",
            "phone_digits",
            "phone_typed",
            "archive_no",
            "two_terms",
        )
    }

    def add(cls: str, q: str | None) -> None:
        if q and len(classes[cls]) < per_class:
            classes[cls].append(q)

    for i in range(per_class * 3):
        _, name, archive_no, phone, mobile = chinese[i % len(chinese)]
        add("chinese_1", _substring(rng, name, 1, 1))
        add("chinese_2", _substring(rng, name, 2, 2))
        add("chinese_3plus", _substring(rng, name, 3, 6))
        head = name[: rng.randint(2, 4)]
        full, initials = pinyin_keys(head)
        add("pinyin", full if len(full) >= 3 else None)
        add("initials_2", initials[:2] if len(initials) >= 2 else None)
        add("initials_3plus", initials if len(initials) >= 3 else pinyin_keys(name)[1][:4])
        digits = "".join(ch for ch in (mobile or phone) if ch.isdigit())
        add("phone_digits", _substring(rng, digits, 4, 8))
        if mobile and len(digits) == 11:
            add(
                "phone_typed",
                f"{digits[:3]} {digits[3:7]}" if i % 2 else f"{digits[3:7]}-{digits[7:]}",
            )
        add("archive_no", archive_no if i % 2 else archive_no.lower())
        add("two_terms", f"{name[:2]} {_substring(rng, name[2:], 2, 2)}" if len(name) > 4 else None)
    for i in range(per_class * 3):
        name = english[i % len(english)][1] if english else "Acme Trading Ltd"
        q = _substring(rng, name, 3, 8)
        add("english", q.strip() if q and q.strip() and len(q.strip()) >= 3 else None)
    return classes


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_scan(conn, query: str, limit: int = 500) -> list[int]:
    """The baseline: every term as LIKE '%term%' over every searchable column."""
    terms = search.query_terms(query)
    clauses, params = [], []
    for term in terms:
        pattern = f"%{_like_escape(term)}%"
        clauses.append("(" + " OR ".join(f"c{i} LIKE ? ESCAPE '\\'" for i in range(8)) + ")")
        params += [pattern] * 8
    sql = f"SELECT id FROM customer_fts_content WHERE {' AND '.join(clauses)} LIMIT ?"
    return [r[0] for r in conn.execute(sql, (*params, limit))]


def _table_mb(conn, table: str) -> float:
    """Pages a table (with its shadow tables and indexes) takes: dropped, measured, rolled back."""
    conn.execute("BEGIN")
    try:
        before = conn.execute("PRAGMA freelist_count").fetchone()[0]
        conn.execute(f"DROP TABLE {table}")
        freed = conn.execute("PRAGMA freelist_count").fetchone()[0] - before
    finally:
        conn.execute("ROLLBACK")
    return freed * int(conn.execute("PRAGMA page_size").fetchone()[0]) / 1e6


def _say(text: str) -> None:
    print(f"  bench_search: {text}", file=sys.stderr, flush=True)


def _timed(fn, *args) -> tuple[float, object]:
    t = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - t) * 1000.0, result


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, round(p / 100.0 * len(values) + 0.5) - 1))
    return values[k]


# ----------------------------------------------------------------------------- run
def run(tmpdir) -> list[dict]:
    n = int(os.environ.get("BENCH_CUSTOMERS", "100000"))
    rng = random.Random(SEED)
    path = Path(tmpdir) / "bench_search.carc"
    results: list[dict] = []
    archive = Archive.create(path, PASSPHRASE)
    try:
        conn = archive.conn
        t = time.perf_counter()
        with archive.write() as c:
            generate(c, n, rng)
        gen_ms = (time.perf_counter() - t) * 1000
        _say(f"generated {n} customers in {gen_ms / 1000:.1f} s")
        t = time.perf_counter()
        with archive.write() as c:
            indexed = search.rebuild(c)
        index_ms = (time.perf_counter() - t) * 1000
        size_mb = path.stat().st_size / 1e6
        sizes = {tbl: _table_mb(conn, tbl) for tbl in ("customer_fts", "customer_grams")}
        _say(f"indexed {indexed} customers in {index_ms / 1000:.1f} s; file {size_mb:.0f} MB")
        results.append(
            dict(
                name=f"search: generate {n} customers",
                ms=round(gen_ms, 1),
                baseline=None,
                baseline_ms=None,
                ratio=None,
                notes=f"{n} customers and their contacts inserted with plain SQL",
            )
        )
        results.append(
            dict(
                name=f"search: rebuild index ({n})",
                ms=round(index_ms, 1),
                baseline=None,
                baseline_ms=None,
                ratio=None,
                notes=f"{indexed} customers indexed ({index_ms / max(indexed, 1) * 1000:.0f} µs each); "
                f"file {size_mb:.0f} MB, of it customer_fts {sizes['customer_fts']:.0f} MB, "
                f"customer_grams {sizes['customer_grams']:.0f} MB",
            )
        )
        # one customer re-indexed, as the customer service does on every save
        ids = rng.sample(range(1, n + 1), min(n, 200))
        times = []
        with archive.write() as c:
            for cid in ids:
                times.append(_timed(search.index_customer, c, cid)[0])
        results.append(
            dict(
                name="search: index_customer p95",
                ms=round(_pct(times, 95), 3),
                baseline=None,
                baseline_ms=None,
                ratio=None,
                notes=f"p50 {_pct(times, 50):.2f} ms, p95 {_pct(times, 95):.2f} ms over {len(times)}",
            )
        )

        classes = draw_queries(conn, rng, QUERIES_PER_CLASS)
        for queries in classes.values():  # warm the page cache as a working session would
            for q in queries[:20]:
                search.search(conn, q)
        for cls, queries in classes.items():
            times, empty = [], 0
            for q in queries:
                ms, ids = _timed(search.search, conn, q)
                times.append(ms)
                empty += not ids
            base = [_timed(like_scan, conn, q)[0] for q in queries[:BASELINE_QUERIES]]
            p50, p95 = _pct(times, 50), _pct(times, 95)
            base_p50 = _pct(base, 50)
            # Speed-up on the same queries (the first BASELINE_QUERIES), median against median.
            speedup = base_p50 / max(_pct(times[:BASELINE_QUERIES], 50), 1e-6)
            results.append(
                dict(
                    name=f"search p95: {cls}",
                    ms=round(p95, 3),
                    baseline="LIKE '%q%' scan, same columns (median)",
                    baseline_ms=round(base_p50, 2),
                    ratio=round(p95 / base_p50, 4),
                    notes=f"p50 {p50:.2f} / p95 {p95:.2f} / max {max(times):.2f} ms over "
                    f"{len(queries)} queries ({empty} without result); {speedup:.0f}x faster "
                    f"than LIKE (median/median, {len(base)} queries); e.g. {queries[:3]!r}",
                )
            )
    finally:
        archive.close()
    return results


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        for row in run(tmp):
            ratio = f"  ratio {row['ratio']}" if row.get("ratio") else ""
            base = f"  LIKE {row['baseline_ms']} ms" if row.get("baseline_ms") is not None else ""
            print(f"{row['name']:<28} {row['ms']:>10} ms{base}{ratio}  {row['notes']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
