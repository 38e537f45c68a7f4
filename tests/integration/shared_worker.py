"""A program on another office computer, for tests/integration/test_shared_file.py and the
shared-drive benchmark: run as ``python shared_worker.py MODE ARCHIVE ...`` with the
passphrase on the first line of standard input. Every result is one JSON line on stdout.

Modes:
  race WRITER N CIDS     N edits of randomly chosen customers (of CIDS, comma-separated),
                         each from the version just read, after a short random pause so that
                         writers overlap; prints {"ok": [[cid, token, new_version]...],
                         "conflicts": n, "attempts": n, "latency": [seconds…]}
  rmw WRITER N CIDS [WARM]  after one unmeasured save of card WARM (a program in use: its
                         first save loads the pinyin dictionaries, seconds on a busy machine),
                         N read-modify-write edits as people make them: read a card, add one
                         to its employee count, save with the version read; on a version
                         conflict read it again and redo the edit (as a user would) until it
                         is saved; prints {"saved": n, "conflicts": n, "per_card": {cid: n},
                         "latency": [seconds of each save call…], "edit": [seconds from first
                         read to saved…]}
  plain-rmw DB WRITER N CIDS [WARM]   the same edits with the standard ``sqlite3`` on an unencrypted
                         file (table ``cards(id, version, employees)``; same journal and sync
                         settings): the baseline of ``rmw``
  plain-rows-rmw DB WRITER N CIDS [WARM]   the same edits writing the rows a save of ours
                         writes (the card, a change-log row, an audit entry chained by SHA-256),
                         with the standard ``sqlite3`` on an unencrypted copy of the archive
                         (its schema and indexes): what SQLite itself costs for that work
  stream CIDS            edits for ever (until killed), one acknowledged line per commit:
                         {"ack": i, "cid": cid, "token": token}; every 5th write adds a
                         customer as well, in the same way acknowledged
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop import errors  # noqa: E402
from desktop.services.customers import CustomerService  # noqa: E402
from desktop.storage.archive import Archive  # noqa: E402


def race(archive: Archive, writer: str, n: int, cids: list[int]) -> dict:
    cs = CustomerService(archive, "boss")
    rng = random.Random(writer)
    ok, conflicts, latency = [], 0, []
    for i in range(n):
        cid = rng.choice(cids)
        version = cs.get(cid).version
        time.sleep(rng.random() * 0.004)  # the user types; another may save meanwhile
        token = f"{writer}-{i}"
        start = time.perf_counter()
        try:
            new_version = cs.edit(cid, {"owner": token}, version=version)
        except errors.ConflictError:
            conflicts += 1
            continue
        finally:
            latency.append(time.perf_counter() - start)
        ok.append([cid, token, new_version])
    return {"ok": ok, "conflicts": conflicts, "attempts": n, "latency": latency}


def _typing(rng: random.Random) -> None:
    time.sleep(rng.random() * 0.004)  # the user types; another may save meanwhile


#: BENCH_SHARED_SEARCHED=1: each rmw edit changes the address as well (bench_shared's worst case)
SEARCHED = os.environ.get("BENCH_SHARED_SEARCHED") == "1"


def rmw(archive: Archive, writer: str, n: int, cids: list[int], warm: int | None = None) -> dict:
    cs = CustomerService(archive, "boss")
    if warm is not None:
        cs.edit(warm, {"employees": (cs.get(warm).values.get("employees") or 0) + 1})
    _ready_go()
    rng = random.Random(writer)
    saved, conflicts, latency, edit, per_card = 0, 0, [], [], {}
    for _ in range(n):
        cid = rng.choice(cids)
        first = time.perf_counter()
        while True:
            card = cs.get(cid)
            count = card.values.get("employees") or 0
            _typing(rng)
            start = time.perf_counter()
            changes: dict[str, object] = {"employees": count + 1}
            if SEARCHED:  # a searched field too: the save re-indexes the card
                changes["address"] = f"北京市海淀区中关村大街{count + 1}号"
            try:
                cs.edit(cid, changes, version=card.version)
            except errors.ConflictError:
                latency.append(time.perf_counter() - start)
                conflicts += 1
                continue
            latency.append(time.perf_counter() - start)
            break
        edit.append(time.perf_counter() - first)
        saved += 1
        per_card[cid] = per_card.get(cid, 0) + 1
    return {
        "saved": saved,
        "conflicts": conflicts,
        "per_card": per_card,
        "latency": latency,
        "edit": edit,
    }


def _plain_loop(
    conn: sqlite3.Connection,
    writer: str,
    n: int,
    cids: list[int],
    warm: int | None,
    read,
    save,
) -> dict:
    """The read-modify-write loop of the plain baselines: ``read(cid)`` gives (version,
    count), ``save(cid, version, count)`` says whether the version still held."""
    if warm is not None:
        save(warm, *read(warm))
    _ready_go()
    rng = random.Random(writer)
    saved, conflicts, latency, edit, per_card = 0, 0, [], [], {}
    try:
        for _ in range(n):
            cid = rng.choice(cids)
            first = time.perf_counter()
            while True:
                version, count = read(cid)
                _typing(rng)
                start = time.perf_counter()
                ok = save(cid, version, count)
                latency.append(time.perf_counter() - start)
                if ok:
                    break
                conflicts += 1
            edit.append(time.perf_counter() - first)
            saved += 1
            per_card[cid] = per_card.get(cid, 0) + 1
    finally:
        conn.close()
    return {
        "saved": saved,
        "conflicts": conflicts,
        "per_card": per_card,
        "latency": latency,
        "edit": edit,
    }


def _plain_connect(db: str) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None, timeout=15.0)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def plain_rmw(db: str, writer: str, n: int, cids: list[int], warm: int | None = None) -> dict:
    conn = _plain_connect(db)

    def read(cid: int) -> tuple[int, int]:
        return conn.execute("SELECT version, employees FROM cards WHERE id = ?", (cid,)).fetchone()

    def save(cid: int, version: int, count: int) -> bool:
        conn.execute("BEGIN IMMEDIATE")
        changed = conn.execute(
            "UPDATE cards SET employees = ?, version = version + 1 WHERE id = ? AND version = ?",
            (count + 1, cid, version),
        ).rowcount
        conn.execute("COMMIT" if changed else "ROLLBACK")
        return bool(changed)

    return _plain_loop(conn, writer, n, cids, warm, read, save)


def plain_rows_rmw(db: str, writer: str, n: int, cids: list[int], warm: int | None = None) -> dict:
    conn = _plain_connect(db)

    def save(cid: int, version: int, count: int) -> bool:
        now = time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())
        conn.execute("BEGIN IMMEDIATE")
        old = conn.execute("SELECT * FROM customers WHERE id = ?", (cid,)).fetchone()
        changed = conn.execute(
            "UPDATE customers SET employees = ?, updated_at = ?, updated_by = ?, "
            "version = version + 1 WHERE id = ? AND version = ?",
            (count + 1, now, writer, cid, version),
        ).rowcount
        if not changed or old is None:
            conn.execute("ROLLBACK")
            return False
        conn.execute(
            "INSERT INTO change_log(customer_id, field, old, new, by_user, at, reason, "
            "approval_id) VALUES (?, 'employees', ?, ?, ?, ?, NULL, NULL)",
            (cid, str(count), str(count + 1), writer, now),
        )
        last_id, last_hash = conn.execute(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"
        ).fetchone()
        details = json.dumps({"fields": ["employees"], "reason": None, "approval": None})
        entry = f"{last_id + 1}|{now}|{writer}|bench|change|customer|{cid}|{details}|{last_hash}"
        conn.execute(
            "INSERT INTO audit_log(id, at, user_name, computer, action, target_type, target_id, "
            "details, prev_hash, hash) VALUES (?, ?, ?, 'bench', 'change', 'customer', ?, ?, ?, ?)",
            (
                last_id + 1,
                now,
                writer,
                str(cid),
                details,
                last_hash,
                hashlib.sha256(entry.encode()).hexdigest(),
            ),
        )
        conn.execute("COMMIT")
        return True

    def read(cid: int) -> tuple[int, int]:
        version, count = conn.execute(
            "SELECT version, employees FROM customers WHERE id = ?", (cid,)
        ).fetchone()
        return version, count or 0

    return _plain_loop(conn, writer, n, cids, warm, read, save)


def _ready_go() -> None:
    print("ready", flush=True)
    sys.stdin.readline()  # "go": every writer starts at once


def stream(archive: Archive, cids: list[int]) -> None:
    cs = CustomerService(archive, "boss")
    i = 0
    while True:
        i += 1
        if i % 5 == 0:
            cid = cs.add({"name": f"流水客户 {time.time_ns()}", "owner": f"add-{i}"})
            print(
                json.dumps({"ack": i, "cid": cid, "token": f"add-{i}", "added": True}), flush=True
            )
            continue
        cid = cids[i % len(cids)]
        token = f"s{time.time_ns()}-{i}"
        cs.edit(cid, {"owner": token})
        print(json.dumps({"ack": i, "cid": cid, "token": token}), flush=True)


def main() -> int:
    mode, path = sys.argv[1], sys.argv[2]
    passphrase = sys.stdin.readline().rstrip("\n")
    if mode in ("plain-rmw", "plain-rows-rmw"):
        writer, n, cids = sys.argv[3], int(sys.argv[4]), [int(c) for c in sys.argv[5].split(",")]
        warm = int(sys.argv[6]) if len(sys.argv) > 6 else None
        plain = plain_rmw if mode == "plain-rmw" else plain_rows_rmw
        print(json.dumps(plain(path, writer, n, cids, warm)), flush=True)
        return 0
    archive = Archive.open(path, passphrase)
    try:
        if mode == "race":
            writer, n, cids = (
                sys.argv[3],
                int(sys.argv[4]),
                [int(c) for c in sys.argv[5].split(",")],
            )
            _ready_go()
            print(json.dumps(race(archive, writer, n, cids)), flush=True)
        elif mode == "rmw":
            writer, n, cids = (
                sys.argv[3],
                int(sys.argv[4]),
                [int(c) for c in sys.argv[5].split(",")],
            )
            warm = int(sys.argv[6]) if len(sys.argv) > 6 else None
            print(json.dumps(rmw(archive, writer, n, cids, warm)), flush=True)
        elif mode == "stream":
            stream(archive, [int(c) for c in sys.argv[3].split(",")])
    finally:
        archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
