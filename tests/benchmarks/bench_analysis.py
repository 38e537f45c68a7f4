"""The composition analysis at realistic size: ``BENCH_CUSTOMERS`` (default 100 000) demo
customers, a twelfth of whose transactions are marked late (the demo data has none), so the
credit rule has something to rate.

- analysis, all customers (a manager): ``AnalysisService.analyse`` over the tier period,
  against two baselines in the same run: the same aggregate queries on a plain (unencrypted)
  SQLite copy of the same rows (what SQLCipher costs), and a plain Python full scan of the
  same rows (fetch every customer and every transaction of the period, add up in dicts: what
  doing it without SQL aggregates would cost).
- analysis, one salesperson's customers (about an eighth): against the manager's analysis.
- PDF report and Excel workbook (every rated customer on the ratings sheet): the PDF against
  the same report without its charts, the workbook against openpyxl's own write-only floor
  for the ratings sheet's cells.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections import defaultdict
from pathlib import Path

from openpyxl import Workbook

from desktop.domain.permissions import Actor, Role
from desktop.reports import analysis_pdf, pdf_layout
from desktop.storage import analysis_queries as queries
from desktop.reports.analysis_xlsx import write_analysis_xlsx
from desktop.services import analysis as service_module
from desktop.services.analysis import AnalysisService
from desktop.services.demo import fill_demo
from desktop.storage.archive import Archive

PASSPHRASE = "benchmark passphrase 基准"
N = int(os.environ.get("BENCH_CUSTOMERS", "100000"))


def _median(fn, runs: int = 3) -> float:
    fn()  # warm the page cache
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def _plain_copy(path: Path, plain: Path) -> None:
    archive = Archive.open(path, PASSPHRASE)
    archive.conn.execute(f"ATTACH DATABASE '{plain}' AS plaintext KEY ''")
    archive.conn.execute("SELECT sqlcipher_export('plaintext')").fetchall()
    archive.conn.execute("DETACH DATABASE plaintext")
    archive.close()


def _plain_sql(conn: sqlite3.Connection, start: str, end: str) -> None:
    """The service's statements as they run for a manager (visibility "1")."""
    rules = service_module.calc.CreditRules()
    queries.aggregate(
        conn, lambda m, n: service_module.calc.is_late(m, n, rules), (start, end), "1", ()
    )


def _python_scan(archive: Archive, start: str, end: str) -> dict:
    """The same compositions without SQL aggregates: every row into Python."""
    rules = service_module.calc.CreditRules()
    customers = archive.query(
        "SELECT id, tier, status, region, industry, credit_status FROM customers"
    )
    revenue: dict[int, int] = defaultdict(int)
    late: dict[int, int] = defaultdict(int)
    lines: dict[str, int] = defaultdict(int)
    for cid, fen, mode, method, note in archive.query(
        "SELECT customer_id, amount_fen, mode, payment_method, note FROM transactions "
        "WHERE date >= ? AND date <= ?",
        (start, end),
    ):
        revenue[cid] += fen
        lines[mode or ""] += fen
        if service_module.calc.is_late(method, note, rules):
            late[cid] += fen
    out: dict = {d: defaultdict(lambda: [0, 0]) for d in ("tier", "status", "region", "industry")}
    for cid, tier, status, region, industry, _ in customers:
        for d, key in (
            ("tier", tier),
            ("status", status),
            ("region", region or ""),
            ("industry", industry or ""),
        ):
            acc = out[d][key]
            acc[0] += 1
            acc[1] += revenue.get(cid, 0)
    out["ranked"] = sorted((v for v in revenue.values() if v > 0), reverse=True)
    out["lines"] = lines
    return out


def run(tmpdir: Path) -> list[dict]:
    rows: list[dict] = []
    path = tmpdir / "analysis.carc"
    archive = Archive.create(path, PASSPHRASE)
    t = time.perf_counter()
    fill_demo(archive, N, seed=1, user="bench")
    with archive.write() as conn:
        conn.execute("UPDATE transactions SET note = '逾期未付' WHERE id % 12 = 0")
    made_s = time.perf_counter() - t
    manager = AnalysisService(archive, Actor("boss", "boss", Role.MANAGER))
    start, end = manager.default_period()
    s, e = start.isoformat(), end.isoformat()
    result = manager.analyse(start, end)
    tx = result.transactions

    ms = _median(lambda: manager.analyse(start, end))
    plain = tmpdir / "plain.db"
    _plain_copy(path, plain)
    plain_conn = sqlite3.connect(plain, isolation_level=None)
    plain_conn.execute("PRAGMA temp_store = MEMORY")
    plain_conn.execute("PRAGMA cache_size = -32768")
    sql_ms = _median(lambda: _plain_sql(plain_conn, s, e))
    plain_conn.close()
    scan_ms = _median(lambda: _python_scan(archive, s, e))
    notes = (
        f"{N} customers, {tx} transactions in {s}..{e}, {len(result.credit.ratings)} rated "
        f"(archive made in {made_s:.0f} s)"
    )
    rows.append(
        {
            "name": f"analysis, all {N} customers",
            "ms": ms,
            "baseline": "same aggregate SQL, plain SQLite copy",
            "baseline_ms": sql_ms,
            "ratio": ms / sql_ms,
            "notes": notes,
        }
    )
    rows.append(
        {
            "name": f"analysis, all {N} customers",
            "ms": ms,
            "baseline": "plain Python full scan of the same rows",
            "baseline_ms": scan_ms,
            "ratio": ms / scan_ms,
            "notes": "the scan computes less (no ratings, no top list)",
        }
    )

    sales = AnalysisService(archive, Actor("wangfang", "wangfang", Role.SALESPERSON))
    own = sales.analyse(start, end).customers
    sales_ms = _median(lambda: sales.analyse(start, end))
    rows.append(
        {
            "name": "analysis, one salesperson",
            "ms": sales_ms,
            "baseline": "analysis, all customers",
            "baseline_ms": ms,
            "ratio": sales_ms / ms,
            "notes": f"{own} of {N} customers visible",
        }
    )

    pdf = tmpdir / "analysis.pdf"
    pdf_ms = _median(lambda: analysis_pdf.write_analysis_pdf(pdf, result, lang="zh"), runs=3)
    setup = pdf_layout.PageSetup(title="客户资料分析", printed_by="boss", lang="zh")

    def without_charts() -> None:
        from reportlab.graphics.shapes import Drawing

        story = [f for f in analysis_pdf.story(result, "zh") if not isinstance(f, Drawing)]
        pdf_layout.write_pdf(tmpdir / "plain.pdf", story, setup)

    plain_pdf_ms = _median(without_charts, runs=3)
    rows.append(
        {
            "name": "PDF report",
            "ms": pdf_ms,
            "baseline": "same report without charts",
            "baseline_ms": plain_pdf_ms,
            "ratio": pdf_ms / plain_pdf_ms,
            "notes": f"{pdf.stat().st_size / 1024:.0f} KB",
        }
    )

    xlsx = tmpdir / "analysis.xlsx"
    xlsx_ms = _median(lambda: write_analysis_xlsx(xlsx, result, lang="zh"), runs=3)
    values = [
        (
            r.archive_no,
            r.name,
            r.grade,
            r.transactions,
            r.revenue_fen / 100,
            r.late_share,
            r.credit_status,
            r.terms("zh"),
            r.limit_fen / 100,
        )
        for r in result.credit.ratings
    ]

    def floor() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("ratings")
        for row in values:
            ws.append(row)
        wb.save(tmpdir / "floor.xlsx")

    floor_ms = _median(floor, runs=3)
    rows.append(
        {
            "name": "Excel workbook with charts",
            "ms": xlsx_ms,
            "baseline": "openpyxl write-only floor, ratings cells",
            "baseline_ms": floor_ms,
            "ratio": xlsx_ms / floor_ms,
            "notes": f"{len(values)} rating rows + 8 sheets with 15 charts",
        }
    )
    archive.close()
    return rows
