"""How long unlocking the archive takes, and where the time goes.

Open-to-first-query of the encrypted archive (``Archive.open`` + a SELECT) against the same
10 000 rows in a plain SQLite file, in the same run; then SQLCipher's key derivation alone
(connect + PRAGMA key + first read of a 1-page database), which should be nearly all of it:
PBKDF2-HMAC-SHA512 with SQLCipher 4's default 256 000 iterations is deliberately slow, and
everything after it costs about what plain SQLite costs.
"""

from __future__ import annotations

import sqlite3
import statistics
import time
from pathlib import Path

import sqlcipher3

from desktop.storage.archive import Archive, quote_key

PASSPHRASE = "correct horse battery staple 电池"
ROWS = 10_000
RUNS = 7

SCHEMA = (
    "CREATE TABLE bench_rows(id INTEGER PRIMARY KEY, name TEXT NOT NULL, phone TEXT, "
    "address TEXT, note TEXT)"
)
FIRST_QUERY = "SELECT count(*), max(name) FROM bench_rows WHERE id BETWEEN 4000 AND 4100"
FULL_SCAN = "SELECT id, name, phone, address, note FROM bench_rows"


def _rows():
    for i in range(ROWS):
        yield (
            i + 1,
            f"北京科技有限公司 {i:05d}",
            f"1380000{i:04d}",
            f"上海市浦东新区世纪大道 {i} 号",
            "备注 " * 10,
        )


def _median_ms(fn, runs: int = RUNS) -> tuple[float, list[float]]:
    fn()  # warm-up: page cache, imports
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), samples


def _spread(samples: list[float]) -> str:
    return f"min {min(samples):.1f} / max {max(samples):.1f} ms over {len(samples)} runs"


def run(tmpdir: Path) -> list[dict]:
    encrypted = tmpdir / "bench.carc"
    plain = tmpdir / "bench.sqlite"
    one_page = tmpdir / "one-page.db"

    with Archive.create(encrypted, PASSPHRASE) as archive:
        with archive.write() as c:
            c.execute(SCHEMA)
            c.executemany("INSERT INTO bench_rows VALUES (?, ?, ?, ?, ?)", _rows())
        kdf_settings = [r[0] for r in archive.query("PRAGMA cipher_settings")]
    conn = sqlite3.connect(plain, isolation_level=None)
    conn.execute("PRAGMA page_size = 4096")
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("BEGIN")
    conn.execute(SCHEMA)
    conn.executemany("INSERT INTO bench_rows VALUES (?, ?, ?, ?, ?)", _rows())
    conn.execute("COMMIT")
    conn.close()
    conn = sqlcipher3.connect(str(one_page), isolation_level=None)
    conn.execute(f"PRAGMA key = {quote_key(PASSPHRASE)}")
    conn.execute("PRAGMA user_version = 1")  # writes page 1 only
    conn.close()
    assert one_page.stat().st_size == 4096, one_page.stat().st_size

    def open_archive():
        with Archive.open(encrypted, PASSPHRASE, readonly=True) as a:
            a.query(FIRST_QUERY)

    def open_plain():
        c = sqlite3.connect(f"file:{plain}?mode=ro", uri=True, isolation_level=None)
        c.execute("PRAGMA foreign_keys = ON")
        c.execute(FIRST_QUERY).fetchall()
        c.close()

    def open_raw_sqlcipher():
        c = sqlcipher3.connect(str(encrypted), isolation_level=None)
        c.execute(f"PRAGMA key = {quote_key(PASSPHRASE)}")
        c.execute(FIRST_QUERY).fetchall()
        c.close()

    def kdf_only():
        c = sqlcipher3.connect(str(one_page), isolation_level=None)
        c.execute(f"PRAGMA key = {quote_key(PASSPHRASE)}")
        c.execute("SELECT count(*) FROM sqlite_master").fetchone()
        c.close()

    archive_ms, archive_s = _median_ms(open_archive)
    plain_ms, plain_s = _median_ms(open_plain)
    raw_ms, raw_s = _median_ms(open_raw_sqlcipher)
    kdf_ms, kdf_s = _median_ms(kdf_only)

    enc = sqlcipher3.connect(str(encrypted), isolation_level=None)
    enc.execute(f"PRAGMA key = {quote_key(PASSPHRASE)}")
    enc.execute("SELECT 1 FROM sqlite_master").fetchall()
    enc.execute("PRAGMA cache_size = 0")  # measure decryption, not SQLite's page cache
    pln = sqlite3.connect(plain, isolation_level=None)
    pln.execute("PRAGMA cache_size = 0")
    scan_ms, scan_s = _median_ms(lambda: enc.execute(FULL_SCAN).fetchall())
    plain_scan_ms, plain_scan_s = _median_ms(lambda: pln.execute(FULL_SCAN).fetchall())
    pages = enc.execute("PRAGMA page_count").fetchone()[0]
    enc.close()
    pln.close()

    iterations = next((s for s in kdf_settings if "kdf_iter" in s), "kdf_iter ?")
    return [
        {
            "name": "archive open-to-first-query",
            "ms": archive_ms,
            "baseline": "plain sqlite3 open-to-first-query",
            "baseline_ms": plain_ms,
            "ratio": archive_ms / plain_ms,
            "notes": f"{ROWS} rows, {pages} pages; Archive.open (read-only) + SELECT; "
            + _spread(archive_s),
        },
        {
            "name": "raw sqlcipher3 open-to-first-query",
            "ms": raw_ms,
            "baseline": "archive open-to-first-query",
            "baseline_ms": archive_ms,
            "ratio": raw_ms / archive_ms,
            "notes": "connect + PRAGMA key + SELECT: what Archive adds on top is the rest",
        },
        {
            "name": "KDF alone (1-page db)",
            "ms": kdf_ms,
            "baseline": "archive open-to-first-query",
            "baseline_ms": archive_ms,
            "ratio": kdf_ms / archive_ms,
            "notes": f"connect + PRAGMA key + first read; {iterations.strip(' ;').replace('PRAGMA ', '')}; "
            f"the KDF is {100 * kdf_ms / archive_ms:.0f}% of opening; " + _spread(kdf_s),
        },
        {
            "name": "read all rows, open connection",
            "ms": scan_ms,
            "baseline": "same on plain sqlite3",
            "baseline_ms": plain_scan_ms,
            "ratio": scan_ms / plain_scan_ms,
            "notes": f"{ROWS} rows, page cache off: the per-page decryption cost once unlocked",
        },
    ]
