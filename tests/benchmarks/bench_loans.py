"""The archive register at office scale: 100 000 customers with their dossiers and 30 000 loans
in an encrypted archive.

Each measurement has a floor in the same run, on the same open connection: the Today view and
the overdue list against the bare SELECTs of the same rows (the difference is the joins, the
visibility rule and building dicts), a salesperson's register (visibility through the
customers they are responsible for) against the custodian's, a scan against a bare lookup of
the item number, and a hand-out plus return (version checks, item state, audit entries, two
BEGIN IMMEDIATE transactions with synchronous=FULL) against two bare UPDATE transactions.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from pathlib import Path

from desktop.domain.permissions import Actor, Role
from desktop.services.loans import LoanService
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
CUSTOMERS = 100_000
LOANS = 30_000
RUNS = 7
SALES = [f"sales{i:02d}" for i in range(40)]


def _median_ms(fn, runs: int = RUNS) -> float:
    fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def _fill(archive: Archive, today: dt.date) -> None:
    rng = random.Random(5)
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    with archive.write() as c:
        c.executemany(
            "INSERT INTO customers(id, archive_no, name, responsible, region, created_at, created_by, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'bench', ?, 'bench')",
            [
                (
                    i,
                    f"KH-2026-{i:06d}",
                    f"北京测试科技有限公司{i}",
                    rng.choice(SALES),
                    "华北",
                    now,
                    now,
                )
                for i in range(1, CUSTOMERS + 1)
            ],
        )
        c.execute(
            "INSERT INTO items(item_no, kind, description, customer_id, created_at, created_by, "
            "updated_at) SELECT archive_no, 'dossier', name, id, created_at, 'bench', created_at "
            "FROM customers"
        )
        states = ["returned"] * 20 + ["out"] * 6 + ["approved"] * 2 + ["requested"] * 2
        rows, out_items = [], set()
        for lid in range(1, LOANS + 1):
            state = rng.choice(states)
            item = rng.randrange(1, CUSTOMERS + 1)
            if state == "out":
                if item in out_items:
                    state = "returned"
                out_items.add(item)
            due = today + dt.timedelta(days=rng.randrange(-20, 20))
            rows.append(
                (
                    lid,
                    item,
                    rng.choice(SALES),
                    "审计抽查",
                    (due - dt.timedelta(days=7)).isoformat(),
                    due.isoformat(),
                    due.isoformat(),
                    state,
                    rng.choice(SALES),
                    now,
                    now,
                )
            )
        c.executemany(
            "INSERT INTO loans(id, item_id, borrower, purpose, wanted_from, wanted_until, due, state, "
            "requested_by, requested_at, updated_at, handed_out_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "CASE WHEN ? IN ('out', 'returned') THEN ? END)",
            [(*r, r[7], r[9]) for r in rows],
        )
        c.executemany("UPDATE items SET state = 'out' WHERE id = ?", [(i,) for i in out_items])


def run(tmpdir: Path) -> list[dict]:
    path = tmpdir / "loans.carc"
    today = dt.date.today()
    results = []
    with Archive.create(path, PASSPHRASE) as archive:
        started = time.perf_counter()
        _fill(archive, today)
        fill_s = time.perf_counter() - started
        custodian = LoanService(archive, Actor("zhou", "周档案", Role.CUSTODIAN))
        sales = LoanService(archive, Actor("sales07", "业务员", Role.SALESPERSON))
        conn = archive.conn
        iso = today.isoformat()

        def floor_today():
            conn.execute(
                "SELECT * FROM loans WHERE state IN ('approved', 'requested') "
                "OR state = 'out' AND due <= ?",
                (iso,),
            ).fetchall()

        results.append(
            dict(
                name="today view (custodian)",
                ms=_median_ms(custodian.today_view),
                baseline="bare SELECT of the same loans",
                baseline_ms=_median_ms(floor_today),
                notes=f"{CUSTOMERS} dossiers, {LOANS} loans; filled in {fill_s:.1f} s",
            )
        )

        def floor_overdue():
            conn.execute(
                "SELECT * FROM loans WHERE state = 'out' AND due < ? ORDER BY due", (iso,)
            ).fetchall()

        n = len(custodian.list(overdue=True, limit=LOANS))
        results.append(
            dict(
                name="overdue list (all of them)",
                ms=_median_ms(lambda: custodian.list(overdue=True, limit=LOANS)),
                baseline="bare SELECT ... WHERE state='out' AND due<today",
                baseline_ms=_median_ms(floor_overdue),
                notes=f"{n} overdue",
            )
        )

        all_ms = _median_ms(lambda: custodian.list(limit=1000))
        mine = len(sales.list(limit=1000))
        results.append(
            dict(
                name="register, salesperson (visibility)",
                ms=_median_ms(lambda: sales.list(limit=1000)),
                baseline="register, custodian (sees all), newest 1000",
                baseline_ms=all_ms,
                notes=f"{mine} rows visible to one of {len(SALES)} salespeople",
            )
        )

        numbers = [f"KH-2026-{random.Random(i).randrange(1, CUSTOMERS):06d}" for i in range(50)]

        def scans():
            for no in numbers:
                custodian.scan(no)

        def lookups():
            for no in numbers:
                conn.execute("SELECT * FROM items WHERE item_no = ?", (no,)).fetchall()

        results.append(
            dict(
                name="scan ×50 (find item, open loans, next action)",
                ms=_median_ms(scans, 3),
                baseline="bare lookup by item number ×50",
                baseline_ms=_median_ms(lookups, 3),
                notes="per scan: ms / 50",
            )
        )

        boss = LoanService(archive, "bench")
        item = custodian.add_item("BENCH-1", "sample", "样品")

        def cycle():
            loan = boss.request(item, purpose="bench", wanted_until=today)
            custodian.checkout(loan["id"], "完好")
            custodian.return_(loan["id"], "完好")

        def bare_cycle():
            for state in ("out", "returned"):
                with archive.write() as c:
                    c.execute(
                        "UPDATE items SET state = ?, version = version + 1 WHERE id = ?",
                        ("out" if state == "out" else "available", item),
                    )

        results.append(
            dict(
                name="request + hand-out + return",
                ms=_median_ms(cycle, 5),
                baseline="two bare UPDATE transactions",
                baseline_ms=_median_ms(bare_cycle, 5),
                notes="three transactions with version checks and audit entries vs two",
            )
        )
    for r in results:
        r["ratio"] = r["ms"] / r["baseline_ms"] if r["baseline_ms"] else None
    return results
