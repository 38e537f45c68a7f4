"""Several people on one file: save latency under concurrent writers, how soon another
process sees a change, and backup / restore of a 100 000-customer archive.

- Save latency (one card edit through ``CustomerService.edit``: version check, change log,
  search index, audit entry, rollback journal, ``synchronous=FULL``), p95 over every save,
  with 1 and with 5 writer processes on disjoint cards of one 2 000-customer archive.
  Baseline: the same one-row UPDATE in its own transaction on a plain SQLite file (same
  journal and sync settings) in this process, and the 1-writer p95 for the 5-writer row.
- Save latency under contention: WRITERS processes make read-modify-write edits of the same
  HOT cards (read the card, add one to its employee count, save through
  ``CustomerService.edit`` with the version read; on a version conflict read again and redo,
  as a user would), after one unmeasured save of a card of its own (a program in use: the
  first save loads the pinyin dictionaries). Baseline: the same edits, as many processes, with the standard
  ``sqlite3`` on an unencrypted file (same journal and sync settings), in the same run. p95
  and max of every save call; lost updates counted in both (the counts added up on the cards
  must equal the saves that succeeded).
- Save latency during an import: another process imports a generated IMPORT_ROWS-row xlsx
  through the command line (the import service) while this one saves a card every 50 ms:
  p95, max, and how many failed. Baseline: a save with nothing else going on.
- Change visible elsewhere: a window in another process (offscreen, the default 2 s poll)
  waits for a card's region; this process saves it; the time until that window's list shows
  it. Baseline: the poll interval.
- Backup (SQLite's backup API, encrypted, synced, renamed) and restore (verify: integrity,
  cipher, counts, audit chain; backup-API copy; the old file aside) of 100 000 customers.
  Baseline: a plain file copy of the same file.

``BENCH_SHARED_PARTS`` picks parts (contention, import, disjoint, visibility, backup);
``BENCH_SHARED_WRITERS`` (10), ``BENCH_SHARED_EDITS`` (30 per writer) and
``BENCH_SHARED_IMPORT_ROWS`` (20 000) set the sizes; ``BENCH_SHARED_DIR`` puts the files
in another folder (a network drive) instead of the local temporary one.

Measured 3 December 2026, local ext4, 2 cores shared with other work (load average 7-15
throughout, so every figure is stretched and noisy; plain SQLite's p95 alone varied from
129 to 337 ms between runs):

- 10 writers x 20 edits of the same 5 cards, warm programs: ours p95 587-997 ms, plain
  sqlite3 129-337 ms, ratio 1.75-5.1 (six runs); max 1.2-3.0 s (plain 0.6-2.1 s); median
  64-102 ms (plain 3.4-15 ms); 110-150 conflicts redone per 200 saves; lost updates 0 in
  both, every run. Before the next change the goal (at most 2x) was not shown to be met.
- Since a save that changes no searched field leaves the search rows alone (the edits here
  change the employee count, so this is the best case; an edit of a name, address, phone,
  tag or contact still rewrites them): p95 304-306 ms against plain 183-331 ms, ratio
  0.93-1.67 (two runs, load ~6); max 650-751 ms (plain 1.3-1.4 s); median 26-33 ms (plain
  10-13 ms); lost updates 0 in both.
- The same later on a quiet machine (load 0.5-3, 10 writers x 30 edits, 2 000 customers),
  which tells the truth the loaded runs hid: ours p95 132-185 ms against plain sqlite3's
  18.6-33 ms, ratio 5.5-10; with the address edited too (``BENCH_SHARED_SEARCHED=1``, so the
  search rows are rewritten) p95 234-267 ms, ratio ~7; median 7.5 ms (plain 1.1 ms); lost
  updates 0 in both. The goal (at most 2x) is NOT met: a save does several times plain
  SQLite's work inside the lock (the card read twice, change log, audit chain, search rows),
  and under contention every writer waits for the others' saves.
- Where a save's time goes (one process, 2 000 customers, load ~13): 40 ms median, of which
  ~29 ms is the commit's fsyncs (synchronous=OFF: 11 ms), ~10 ms the search index (pinyin
  of the changed card, FTS rows), ~4 ms the audit chain; the file identity check before
  BEGIN is a stat (no salt read on a local disk). The busy handler's sleeps are fine-grained
  (a lock held 3 / 20 / 100 ms is waited for 3 / 34 / 106 ms, like plain sqlite3).
- Cold programs (each one's first save): before, the pinyin dictionaries were loaded inside
  the write transaction, 0.7 s idle, 5-15 s per process at this load (cProfile of the ten
  writers): p95 1.7 s, max 9.4 s. They are now loaded before the lock is taken.
- The 50 ms longest retry pause of branch ``shared`` (instead of 0.5 s): no measurable
  difference (contention p95 611-642 ms without, 588-997 with; saves beside a 4 000-row
  import p95 619 vs 624 ms), so not taken.
- Saves every 50 ms during a 20 000-row import: p95 628 ms, max 1 239 ms, 0 of 1 470 failed
  (import 582 s at load 8-12); without the import a save's p95 is 53 ms.

Measured again later on 3 December 2026 (second session), after a save was made to hold the
lock only for its writing (the card read, checked and validated before BEGIN; a version
already left refused before it), waiting writers and commits poll every 1-10 ms instead of
SQLite's busy-handler steps (1, 2, 5 … 100 ms), and the audit log's unused user index went
(10 pages written per save instead of 11):

- One process, the lock held per save (BEGIN to end of COMMIT): median 3.1 → 1.9 ms (plain
  sqlite3's one-row update 0.4-0.6 ms); the commit alone 1.8 → 1.1 ms. SQLCipher's floor for
  seven pages in one commit is 1.1-1.2 ms here (plain SQLite 0.7), so a save that writes a
  card, a change-log row and a chained audit entry with their indexes cannot get near the
  one-row baseline: the third row below measures that work without our program.
- 10 writers x 30 edits of the same 5 cards, local ext4. First run of the day, before:
  p95 237 ms against plain 18.8 (12.6x), median 7.6 ms. After, quiet machine (load 0.1-2):
  p95 69-82 ms against plain 18.5 (3.7-4.4x) and against plain sqlite3 writing the same rows
  (card, change log, audit entry with its SHA-256) on an unencrypted copy of the archive
  22-36 ms (2.3-3.1x); median 10 ms (same rows 1.2-1.3, plain 1.0-1.2); lost updates 0 in
  all three. The goal (at most 2x plain) is still not met; under load the ratios swing
  from 1 to 7 as plain sqlite3's own p95 does.
- The same on a real sshfs mount (``BENCH_SHARED_DIR``, sshd on 127.0.0.1 serving a local
  folder, load 1-4): ours p95 285-365 ms against plain 110-246 ms (1.4-2.6x) and same rows
  185-558 ms; median 43-100 ms (plain 12-18); lost updates 0. The goal there (at most 3x)
  is met in these runs.
- Saves every 50 ms during a 20 000-row import (the import reads and validates its rows
  without the lock, writes for at most 0.5 s, and leaves the lock free 20 ms between
  parts): p95 534 ms, max 557 ms, 0 of 97 failed, import 40 s (load ~1). Before the 20 ms
  gap a run at load 4-7 had one save of 276 waiting 15 s and failing: the import read its
  rows ahead and took the lock straight back.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

from desktop.services import backups
from desktop.services.accounts import AccountService
from desktop.services.archive_service import ArchiveService
from desktop.services.customers import CustomerService
from desktop.services.demo import fill_demo
from desktop.services.importing import ImportService
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORKER = REPO / "tests" / "integration" / "shared_worker.py"
sys.path.insert(0, str(WORKER.parent))
from processes import read_line, saves_beside_import, start as start_process  # noqa: E402 - the integration tests' process helpers

GUI = REPO / "tests" / "integration" / "gui_instance.py"
SMALL = 2_000
BIG = int(os.environ.get("BENCH_SHARED_CUSTOMERS", "100000"))
SAVES = 200  # in all, per configuration
VISIBILITY_SAMPLES = 6
WRITERS = int(os.environ.get("BENCH_SHARED_WRITERS", "10"))
#: BENCH_SHARED_DIR: a folder for the files (a network drive, e.g. an sshfs mount); default
#: the benchmark's own temporary folder
SHARED_DIR = os.environ.get("BENCH_SHARED_DIR")
EDITS = int(os.environ.get("BENCH_SHARED_EDITS", "30"))  # per writer process
HOT = 5  # cards every writer edits
IMPORT_ROWS = int(os.environ.get("BENCH_SHARED_IMPORT_ROWS", "20000"))
SAVE_EVERY_S = 0.05
# Which parts run (comma-separated): contention, import, disjoint, visibility, backup.
PARTS = set(
    os.environ.get("BENCH_SHARED_PARTS", "contention,import,disjoint,visibility,backup").split(",")
)


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))] * 1000


def _writers(path: Path, ids: list[int], n: int) -> list[float]:
    per = SAVES // n
    procs = [
        start_process(
            [WORKER, "race", path, f"w{k}", per, ",".join(map(str, ids[k::n][:50]))], PASSPHRASE
        )
        for k in range(n)
    ]
    for p in procs:
        assert read_line(p) == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    latency: list[float] = []
    for p in procs:
        result = json.loads(read_line(p))
        assert result["conflicts"] == 0  # disjoint cards: only the lock is shared
        latency += result["latency"]
        p.wait(timeout=60)
    return latency


def _max_ms(samples: list[float]) -> float:
    return max(samples) * 1000


def _go(procs: list) -> list[dict]:
    for p in procs:
        assert read_line(p) == "ready"
    for p in procs:
        p.stdin.write("go\n")
        p.stdin.flush()
    results = [json.loads(read_line(p)) for p in procs]
    for p in procs:
        p.wait(timeout=60)
    return results


def _summed(results: list[dict]) -> dict:
    per_card: dict[int, int] = {}
    for r in results:
        for cid, n in r["per_card"].items():
            per_card[int(cid)] = per_card.get(int(cid), 0) + n
    return {
        "saved": sum(r["saved"] for r in results),
        "conflicts": sum(r["conflicts"] for r in results),
        "latency": [t for r in results for t in r["latency"]],
        "edit": [t for r in results for t in r["edit"]],
        "per_card": per_card,
    }


def _editing_race(mode: str, path: Path, secret: str, hot: list[int], warm: list[int], counts):
    """WRITERS worker processes of ``mode`` editing the HOT cards of ``path``; ``counts()``
    reads the cards' employee counts, before and after, to count lost updates."""
    before = counts()
    arg = ",".join(map(str, hot))
    result = _summed(
        _go(
            [
                start_process([WORKER, mode, path, f"w{k}", EDITS, arg, warm[k]], secret)
                for k in range(WRITERS)
            ]
        )
    )
    after = counts()
    result["counted"] = sum(after[c] - before[c] for c in hot)
    result["lost"] = result["saved"] - result["counted"]
    result["lost_cards"] = sum(after[c] - before[c] != result["per_card"].get(c, 0) for c in hot)
    return result


def _plain_counts(db: Path, table: str, hot: list[int]):
    def counts() -> dict[int, int]:
        conn = sqlite3.connect(db)
        try:
            marks = ",".join("?" * len(hot))
            sql = f"SELECT id, coalesce(employees, 0) FROM {table} WHERE id IN ({marks})"
            return dict(conn.execute(sql, hot).fetchall())
        finally:
            conn.close()

    return counts


def _contention(path: Path, hot: list[int], warm: list[int]) -> dict:
    """WRITERS processes, read-modify-write edits of the same HOT cards, through the service."""

    def counts() -> dict[int, int]:
        with Archive.open(path, PASSPHRASE) as a:
            cs = CustomerService(a, "boss")
            return {cid: cs.get(cid).values.get("employees") or 0 for cid in hot}

    return _editing_race("rmw", path, PASSPHRASE, hot, warm, counts)


def _plain_contention(tmpdir: Path, hot: list[int], warm: list[int]) -> dict:
    """The same edits with the standard sqlite3 on an unencrypted file."""
    db = tmpdir / "plain-contention.sqlite"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE cards(id INTEGER PRIMARY KEY, version INTEGER, employees INTEGER)")
    conn.executemany("INSERT INTO cards VALUES (?, 1, 0)", [(i,) for i in range(1, SMALL + 1)])
    conn.close()
    return _editing_race("plain-rmw", db, "-", hot, warm, _plain_counts(db, "cards", hot))


def _plain_rows_contention(tmpdir: Path, archive: Path, hot: list[int], warm: list[int]) -> dict:
    """The same edits writing the same rows as ours, with the standard sqlite3 on an
    unencrypted copy of the archive (schema, indexes and data): SQLite's own cost of the work."""
    db = tmpdir / "plain-rows.sqlite"
    with Archive.open(archive, PASSPHRASE) as a:
        a.conn.execute(f"ATTACH DATABASE '{db}' AS plain KEY ''")
        a.conn.execute("SELECT sqlcipher_export('plain')")
        a.conn.execute("DETACH DATABASE plain")
    counts = _plain_counts(db, "customers", hot)
    return _editing_race("plain-rows-rmw", db, "-", hot, warm, counts)


def _sheet(path: Path, rows: int) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(["企业名称", "电话", "地址", "所属行业"])
    for i in range(rows):
        ws.append(
            [
                f"导入测试{i:05d}号贸易有限公司",
                f"0571{88000000 + i}",
                f"杭州市文一路{i}号",
                "批发零售",
            ]
        )
    wb.save(path)
    return path


def _saves_beside_import(tmpdir: Path) -> dict:
    """tests/integration/test_import_beside_saves.py's way, with IMPORT_ROWS rows."""
    path = tmpdir / "importing.carc"
    with Archive.create(path, PASSPHRASE) as a:
        AccountService(a).ensure_first_admin("boss")
        cid = CustomerService(a, "boss").add({"name": "北京华信科技有限公司", "industry": "软件"})
    book = _sheet(tmpdir / "客户资料.xlsx", IMPORT_ROWS)
    with Archive.open(path, PASSPHRASE) as a:
        svc = CustomerService(a, "boss")
        quiet = []
        for k in range(20):
            started = time.perf_counter()
            svc.edit(cid, {"industry": f"软件{k % 7}"})
            quiet.append(time.perf_counter() - started)
    report = tmpdir / "import.json"
    with Archive.open(path, PASSPHRASE) as a:
        beside = saves_beside_import(
            a, PASSPHRASE, book, report, cid, every_s=SAVE_EVERY_S, timeout=60
        )
        assert beside.returncode == 0, beside.stderr[-2000:]
        created = json.loads(report.read_text("utf-8"))["counts"]["create"]
        assert created == IMPORT_ROWS, created
        undo = ImportService(a, "boss").undo_last()
        assert undo.deleted == IMPORT_ROWS
    return {
        "waits": beside.waits,
        "failures": beside.failures,
        "quiet": quiet,
        "import_s": beside.import_s,
    }


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
        conn.execute(
            "UPDATE customers SET owner = ?, version = version + 1 WHERE id = ? AND version = ?",
            (
                f"w-{i}",
                i % SMALL + 1,
                conn.execute(
                    "SELECT version FROM customers WHERE id = ?", (i % SMALL + 1,)
                ).fetchone()[0],
            ),
        )
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
            for k, (cid, number) in enumerate(zip(ids, numbers, strict=True)):
                value = f"区域{k}"
                window.stdin.write(f"wait {number} {value}\n")
                window.stdin.flush()
                time.sleep(0.37 * k % 2.0)  # not in step with the poll
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
    if SHARED_DIR:  # e.g. an sshfs mount: the archive and the baselines' files go there
        tmpdir = Path(tempfile.mkdtemp(prefix="bench-shared-", dir=SHARED_DIR))
    rows = []
    small = tmpdir / "office.carc"
    with Archive.create(small, PASSPHRASE) as a:
        AccountService(a).ensure_first_admin("boss")
        fill_demo(a, SMALL)
        ids = [r[0] for r in a.query("SELECT id FROM customers ORDER BY id")]

    if "contention" in PARTS:
        hot, warm = ids[:HOT], ids[HOT : HOT + WRITERS]  # each writer's first save: its own card
        plain = _plain_contention(tmpdir, hot, warm)
        same_rows = _plain_rows_contention(tmpdir, small, hot, warm)
        ours = _contention(small, hot, warm)
        for label, r in (("plain", plain), ("same rows", same_rows), ("ours", ours)):
            assert r["saved"] == WRITERS * EDITS, (label, r["saved"])
        rows.append(
            {
                "name": f"save p95, {WRITERS} processes editing the same {HOT} cards",
                "ms": _p95(ours["latency"]),
                "baseline": "plain sqlite3, same edits and processes",
                "baseline_ms": _p95(plain["latency"]),
                "notes": f"max {_max_ms(ours['latency']):.0f} ms (plain {_max_ms(plain['latency']):.0f}); "
                f"{ours['saved']} saved, {ours['conflicts']} conflicts redone "
                f"(plain {plain['conflicts']}); lost updates {ours['lost']} "
                f"(plain {plain['lost']}); whole edit incl. redo p95 "
                f"{_p95(ours['edit']):.0f} ms (plain {_p95(plain['edit']):.0f})",
            }
        )
        rows.append(
            {
                "name": f"save p95, {WRITERS} processes editing the same {HOT} cards",
                "ms": _p95(ours["latency"]),
                "baseline": "plain sqlite3 writing the same rows (card, change log, audit)",
                "baseline_ms": _p95(same_rows["latency"]),
                "notes": f"median {statistics.median(ours['latency']) * 1000:.1f} ms "
                f"(same rows {statistics.median(same_rows['latency']) * 1000:.1f}); "
                f"{same_rows['conflicts']} conflicts redone; lost updates {same_rows['lost']}",
            }
        )
        rows.append(
            {
                "name": f"save max, {WRITERS} processes editing the same {HOT} cards",
                "ms": _max_ms(ours["latency"]),
                "baseline": "plain sqlite3 max",
                "baseline_ms": _max_ms(plain["latency"]),
                "notes": f"median {statistics.median(ours['latency']) * 1000:.1f} ms "
                f"(plain {statistics.median(plain['latency']) * 1000:.1f})",
            }
        )
        if any(r["lost"] or r["lost_cards"] for r in (ours, plain, same_rows)):
            print(
                f"LOST UPDATES: ours {ours['lost']} ({ours['lost_cards']} cards), "
                f"plain {plain['lost']} ({plain['lost_cards']} cards)",
                file=sys.stderr,
            )

    if "import" in PARTS:
        r = _saves_beside_import(tmpdir)
        rows.append(
            {
                "name": f"save p95 during a {IMPORT_ROWS}-row import",
                "ms": _p95(r["waits"]),
                "baseline": "save p95, nothing else going on",
                "baseline_ms": _p95(r["quiet"]),
                "notes": f"max {_max_ms(r['waits']):.0f} ms; {len(r['failures'])} of {len(r['waits'])} "
                f"saves failed {sorted(set(r['failures']))}; import {r['import_s']:.0f} s",
            }
        )

    if "disjoint" in PARTS:
        plain = _plain_updates(tmpdir)
        one = _writers(small, ids, 1)
        five = _writers(small, ids, 5)
        plain_p95, one_p95, five_p95 = _p95(plain), _p95(one), _p95(five)
        rows.append(
            {
                "name": "save p95, 1 writer process",
                "ms": one_p95,
                "baseline": "plain SQLite UPDATE + commit, same settings",
                "baseline_ms": plain_p95,
                "notes": f"median {statistics.median(one) * 1000:.1f} ms over {len(one)} saves; "
                f"{SMALL} customers",
            }
        )
        rows.append(
            {
                "name": "save p95, 5 writer processes",
                "ms": five_p95,
                "baseline": "1 writer p95",
                "baseline_ms": one_p95,
                "notes": f"median {statistics.median(five) * 1000:.1f} ms over {len(five)} saves; "
                f"vs plain SQLite x{five_p95 / plain_p95:.1f}",
            }
        )

    if "visibility" in PARTS:
        seen = _visibility(small, ids)
        rows.append(
            {
                "name": "change visible in another process",
                "ms": statistics.median(seen) * 1000,
                "baseline": "poll interval",
                "baseline_ms": 2000.0,
                "notes": f"max {max(seen) * 1000:.0f} ms over {len(seen)} saves (window's list "
                "refreshed, offscreen)",
            }
        )

    if "backup" in PARTS:
        rows += _backup_restore(tmpdir)
    return rows


def _backup_restore(tmpdir: Path) -> list[dict]:
    rows = []
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
    rows.append(
        {
            "name": f"backup, {BIG} customers",
            "ms": backup_ms,
            "baseline": "plain file copy + fsync",
            "baseline_ms": copy_ms,
            "notes": f"{size / 2**20:.0f} MiB; demo data took {made_s:.0f} s",
        }
    )
    started = time.perf_counter()
    report = backups.verify_backup(target, PASSPHRASE)
    verify_ms = (time.perf_counter() - started) * 1000
    assert report.ok and report.customers == BIG
    started = time.perf_counter()
    backups.restore(target, big, PASSPHRASE, user_name="boss", report=report)
    restore_ms = (time.perf_counter() - started) * 1000
    rows.append(
        {
            "name": f"restore, {BIG} customers",
            "ms": restore_ms + verify_ms,
            "baseline": "plain file copy + fsync",
            "baseline_ms": copy_ms,
            "notes": f"verify {verify_ms:.0f} ms (integrity, cipher, counts, audit chain) + "
            f"copy and swap {restore_ms:.0f} ms",
        }
    )
    return rows
