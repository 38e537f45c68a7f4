"""How long verifying the audit chain takes, against the floor of just reading its rows.

100 000 entries with Chinese details in an encrypted archive. ``audit.verify`` (keyset-paged
reads of 5000 rows, canonical JSON and SHA-256 per entry) is compared, in the same run and on
the same open connection, with streaming ``SELECT *`` over the same table and nothing else:
the difference is the hashing. Appending is measured too: 100 000 ``audit.append`` calls in
one write transaction against plain INSERTs of the same rows (the difference is reading the
newest entry and hashing, per entry).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from desktop.storage import audit
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
ENTRIES = 100_000
RUNS = 5


def _details(i: int) -> dict:
    return {
        "field": "id_number",
        "reason": f"核对客户身份证号 第{i}次",
        "customer": f"北京科技有限公司 {i:05d}",
    }


def _median_ms(fn, runs: int = RUNS) -> tuple[float, list[float]]:
    fn()  # warm-up: page cache
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), samples


def _spread(samples: list[float]) -> str:
    return f"min {min(samples):.0f} / max {max(samples):.0f} ms over {len(samples)} runs"


def run(tmpdir: Path) -> list[dict]:
    path = tmpdir / "audit.carc"
    with Archive.create(path, PASSPHRASE) as archive:
        started = time.perf_counter()
        with archive.write() as c:
            for i in range(ENTRIES):
                audit.append(
                    c,
                    user_name="李娜",
                    action="view_sensitive",
                    target_type="customer",
                    target_id=i + 1,
                    computer="前台-PC",
                    details=_details(i),
                )
        append_ms = (time.perf_counter() - started) * 1000
        rows = archive.query(
            "SELECT id, at, user_name, computer, action, target_type, target_id, "
            "details, prev_hash, hash FROM audit_log ORDER BY id"
        )
        started = time.perf_counter()
        with archive.write() as c:
            # The same table, UNIQUE hash and indexes included, in the same file.
            ddl = c.execute(
                "SELECT sql FROM sqlite_master WHERE tbl_name = 'audit_log' "
                "AND type IN ('table', 'index') AND sql IS NOT NULL"
            ).fetchall()
            for (sql,) in ddl:
                c.execute(sql.replace("audit_log", "bench_plain"))
            c.executemany("INSERT INTO bench_plain VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        insert_ms = (time.perf_counter() - started) * 1000
        del rows
        with archive.write() as c:
            c.execute("DROP TABLE bench_plain")
        archive.conn.execute("VACUUM")
        pages = archive.query_one("PRAGMA page_count")[0]

    with Archive.open(path, PASSPHRASE, readonly=True) as archive:
        conn = archive.conn
        result = audit.verify(conn)
        assert result.ok and result.entries_checked == ENTRIES, result

        def verify():
            audit.verify(conn)

        def read_rows():
            for _row in conn.execute("SELECT * FROM audit_log ORDER BY id"):
                pass

        verify_ms, verify_s = _median_ms(verify)
        read_ms, read_s = _median_ms(read_rows)

    return [
        {
            "name": f"audit verify, {ENTRIES} entries",
            "ms": verify_ms,
            "baseline": "SELECT * streamed (no hashing)",
            "baseline_ms": read_ms,
            "ratio": verify_ms / read_ms,
            "notes": f"{pages} pages, encrypted; {ENTRIES / verify_ms:.0f} entries/ms; "
            + _spread(verify_s),
        },
        {
            "name": f"audit append x{ENTRIES}, one transaction",
            "ms": append_ms,
            "baseline": "plain INSERT of the same rows",
            "baseline_ms": insert_ms,
            "ratio": append_ms / insert_ms,
            "notes": f"{append_ms * 1000 / ENTRIES:.1f} µs per append "
            "(newest-entry read + hash + insert)",
        },
    ]
