"""Several people on one file: save latency under concurrent writers, how soon another
process sees a change, and backup / restore of a 100 000-customer archive.

- Save latency (one card edit through ``CustomerService.edit``: version check, change log,
  search index, audit entry, rollback journal, ``synchronous=FULL``), p95 over every save,
  with 1 and with 5 writer processes on disjoint cards of one 2 000-customer archive.
  Baseline: the same one-row UPDATE in its own transaction on a plain SQLite file (same
  journal and sync settings) in this process, and the 1-writer p95 for the 5-writer row.
- Change visible elsewhere: a window in another process (offscreen, the default 2 s poll)
  waits for a card's region; this process saves it; the time until that window's list shows
  it. Baseline: the poll interval.
- Backup (SQLite's backup API, encrypted, synced, renamed) and restore (verify: integrity,
  cipher, counts, audit chain; backup-API copy; the old file aside) of 100 000 customers.
  Baseline: a plain file copy of the same file.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import time
from pathlib import Path

from desktop.services import backups
from desktop.services.accounts import AccountService
from desktop.services.archive_service import ArchiveService
from desktop.services.customers import CustomerService
from desktop.services.demo import fill_demo
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORKER = REPO / "tests" / "integration" / "shared_worker.py"
sys.path.insert(0, str(WORKER.parent))
from processes import read_line, start as start_process  # noqa: E402 - the integration tests' process helpers
GUI = REPO / "tests" / "integration" / "gui_instance.py"
SMALL = 2_000
BIG = int(os.environ.get("BENCH_SHARED_CUSTOMERS", "100000"))
SAVES = 200            # in all, per configuration
VISIBILITY_SAMPLES = 6


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] * 1000


def _writers(path: Path, ids: list[int], n: int) -> list[float]:
    per = SAVES // n
    procs = [start_process([WORKER, "race", path, f"w{k}", per, ",".join(map(str, ids[k::n][:50]))],
                   PASSPHRASE) for k in range(n)]
    for p in procs:
        assert read_line(p) == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    latency: list[float] = []
    for p in procs:
        result = json.loads(read_line(p))
        assert result["conflicts"] == 0          # disjoint cards: only the lock is shared
        latency += result["latency"]
        p.wait(timeout=60)
    return latency


def _plain_updates(tmpdir: Path) -> list[float]:
    db = tmpdir / "plain.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, owner TEXT, version INTEGER)")
    conn.executemany("INSERT INTO customers VALUES (?, '', 1)", [(i,) for i in range(1, SMALL + 1)])
    samples = []
    for i in range(SAVES):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE customers SET owner = ?, version = version + 1 WHERE id = ? AND version = ?",
                     (f"w-{i}", i % SMALL + 1, conn.execute(
                         "SELECT version FROM customers WHERE id = ?", (i % SMALL + 1,)).fetchone()[0]))
        conn.execute("COMMIT")
        samples.append(time.perf_counter() - start)
    conn.close()
    return samples


def _visibility(path: Path, ids: list[int]) -> list[float]:
    window = start_process([GUI, path], PASSPHRASE)
    try:
        assert read_line(window) == "ready"
        with Archive.open(path, PASSPHRASE) as a:
            cs = CustomerService(a, "boss")
            numbers = [cs.get(i).values["archive_no"] for i in ids[:VISIBILITY_SAMPLES]]
            seen = []
            for k, (cid, number) in enumerate(zip(ids, numbers)):
                value = f"区域{k}"
                window.stdin.write(f"wait {number} {value}\n")
                window.stdin.flush()
                time.sleep(0.37 * k % 2.0)              # not in step with the poll
                start = time.perf_counter()
                cs.edit(cid, {"region": value})
                answer = read_line(window)
                assert answer.startswith("seen ")
                seen.append(time.perf_counter() - start)
        window.stdin.write("quit\n")
        window.stdin.flush()
        read_line(window)
        window.wait(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
    return seen


def run(tmpdir: Path) -> list[dict]:
    rows = []
    small = tmpdir / "office.carc"
    with Archive.create(small, PASSPHRASE) as a:
        AccountService(a).ensure_first_admin("boss")
        fill_demo(a, SMALL)
        ids = [r[0] for r in a.query("SELECT id FROM customers ORDER BY id")]

    plain = _plain_updates(tmpdir)
    one = _writers(small, ids, 1)
    five = _writers(small, ids, 5)
    plain_p95, one_p95, five_p95 = _p95(plain), _p95(one), _p95(five)
    rows.append({"name": "save p95, 1 writer process", "ms": one_p95,
                 "baseline": "plain SQLite UPDATE + commit, same settings", "baseline_ms": plain_p95,
                 "notes": f"median {statistics.median(one) * 1000:.1f} ms over {len(one)} saves; "
                          f"{SMALL} customers"})
    rows.append({"name": "save p95, 5 writer processes", "ms": five_p95,
                 "baseline": "1 writer p95", "baseline_ms": one_p95,
                 "notes": f"median {statistics.median(five) * 1000:.1f} ms over {len(five)} saves; "
                          f"vs plain SQLite x{five_p95 / plain_p95:.1f}"})

    seen = _visibility(small, ids)
    rows.append({"name": "change visible in another process", "ms": statistics.median(seen) * 1000,
                 "baseline": "poll interval", "baseline_ms": 2000.0,
                 "notes": f"max {max(seen) * 1000:.0f} ms over {len(seen)} saves (window's list "
                          "refreshed, offscreen)"})

    big = tmpdir / "big.carc"
    started = time.perf_counter()
    with Archive.create(big, PASSPHRASE) as a:
        AccountService(a).ensure_first_admin("boss")
        fill_demo(a, BIG)
    made_s = time.perf_counter() - started
    size = big.stat().st_size
    copy = tmpdir / "copy.carc"
    started = time.perf_counter()
    shutil.copyfile(big, copy)
    with open(copy, "rb+") as f:
        os.fsync(f.fileno())
    copy_ms = (time.perf_counter() - started) * 1000
    service = ArchiveService(Archive.open(big, PASSPHRASE), PASSPHRASE)
    service.identify()
    target = tmpdir / "backups" / "big-backup.carc"
    started = time.perf_counter()
    backups.backup_now(service, target)
    backup_ms = (time.perf_counter() - started) * 1000
    service.close()
    rows.append({"name": f"backup, {BIG} customers", "ms": backup_ms,
                 "baseline": "plain file copy + fsync", "baseline_ms": copy_ms,
                 "notes": f"{size / 2**20:.0f} MiB; demo data took {made_s:.0f} s"})
    started = time.perf_counter()
    report = backups.verify_backup(target, PASSPHRASE)
    verify_ms = (time.perf_counter() - started) * 1000
    assert report.ok and report.customers == BIG
    started = time.perf_counter()
    backups.restore(target, big, PASSPHRASE, user_name="boss", report=report)
    restore_ms = (time.perf_counter() - started) * 1000
    rows.append({"name": f"restore, {BIG} customers", "ms": restore_ms + verify_ms,
                 "baseline": "plain file copy + fsync", "baseline_ms": copy_ms,
                 "notes": f"verify {verify_ms:.0f} ms (integrity, cipher, counts, audit chain) + "
                          f"copy and swap {restore_ms:.0f} ms"})
    return rows
