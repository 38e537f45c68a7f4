"""Several real processes on one archive file, as on an office share (docs/architecture.md, Sharing
a file).

- Four writers edit overlapping customers, each save from the version it read: every save
  either goes through or is refused as a conflict, and no update is lost (counted).
- Two windows in two processes see each other's saves within the poll interval.
- ``kill -9`` in the middle of a stream of writes, ten times: the file stays whole, every
  acknowledged transaction is there, and the audit chain is intact.
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
from pathlib import Path

import pytest

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.services.demo import fill_demo
from desktop.storage import audit as audit_store
from desktop.storage.archive import Archive
from processes import read_line, start

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
WORKER = HERE / "shared_worker.py"
GUI = HERE / "gui_instance.py"


@pytest.fixture
def office(archive_path: Path, passphrase: str) -> tuple[Path, list[int]]:
    made_archive = archive_path
    Archive.create(made_archive, passphrase).close()
    with Archive.open(made_archive, passphrase) as a:
        AccountService(a).ensure_first_admin("boss")
        fill_demo(a, 30)
        ids = [r[0] for r in a.query("SELECT id FROM customers ORDER BY id")]
    return made_archive, ids


def versions(path: Path, passphrase: str) -> dict[int, tuple[int, str]]:
    with Archive.open(path, passphrase, readonly=True) as a:
        return {
            cid: (v, owner) for cid, v, owner in a.query("SELECT id, version, owner FROM customers")
        }


def test_four_writers_on_overlapping_customers_lose_no_update(office, passphrase):
    path, ids = office
    shared = ids[:5]  # everyone edits the same five cards
    before = versions(path, passphrase)
    writers = [
        start([WORKER, "race", path, f"w{n}", 40, ",".join(map(str, shared))], passphrase)
        for n in range(4)
    ]
    for w in writers:
        assert read_line(w) == "ready"
    for w in writers:  # all at once
        w.stdin.write("go\n")
        w.stdin.flush()
    results = [json.loads(read_line(w)) for w in writers]
    for w in writers:
        assert w.wait(timeout=30) == 0, w.stderr.read()

    saves = [tuple(s) for r in results for s in r["ok"]]
    conflicts = sum(r["conflicts"] for r in results)
    attempts = sum(r["attempts"] for r in results)
    assert len(saves) + conflicts == attempts == 160  # each attempt: saved or refused, nothing else
    assert conflicts > 0, "the writers never overlapped: the test proves nothing"
    after = versions(path, passphrase)
    # each accepted save moved its card exactly one version on: none overwrote another unseen
    for cid in shared:
        mine = [s for s in saves if s[0] == cid]
        assert after[cid][0] - before[cid][0] == len(mine)
        assert sorted(s[2] for s in mine) == list(range(before[cid][0] + 1, after[cid][0] + 1))
        if mine:  # the value on the card is the one of the save that made its last version
            assert after[cid][1] == max(mine, key=lambda s: s[2])[1]
    assert all(after[c] == before[c] for c in ids if c not in shared)
    with Archive.open(path, passphrase, readonly=True) as a:
        logged = a.query("SELECT customer_id, new FROM change_log WHERE field = 'owner'")
        assert sorted(logged) == sorted((s[0], s[1]) for s in saves)  # every save in the history
        assert audit_store.verify(a.conn).ok


def test_two_windows_in_two_processes_see_each_other_s_saves(office, passphrase):
    path, ids = office
    with Archive.open(path, passphrase, readonly=True) as a:
        first, second = (
            a.query_one("SELECT archive_no FROM customers WHERE id = ?", (i,))[0] for i in ids[:2]
        )
    windows = [start([GUI, path, 500], passphrase) for _ in range(2)]
    try:
        for w in windows:
            assert read_line(w) == "ready"
        one, two = windows
        two.stdin.write(f"wait {first} 东北一号\n")
        two.stdin.flush()
        one.stdin.write(f"edit {first} 东北一号\n")
        one.stdin.flush()
        assert read_line(one) == "saved"
        seen = read_line(two)
        assert seen.startswith("seen ")
        one.stdin.write(f"wait {second} 西南二号\n")
        one.stdin.flush()
        two.stdin.write(f"edit {second} 西南二号\n")
        two.stdin.flush()
        assert read_line(two) == "saved"
        assert read_line(one).startswith("seen ")
        for w in windows:
            w.stdin.write("quit\n")
            w.stdin.flush()
            assert read_line(w) == "bye"
            assert w.wait(timeout=30) == 0, w.stderr.read()[-3000:]
    finally:
        for w in windows:
            if w.poll() is None:
                w.kill()
                w.wait()
    values = {
        cid: region
        for cid, region in Archive.open(path, passphrase, readonly=True).query(
            "SELECT id, region FROM customers WHERE id IN (?, ?)", tuple(ids[:2])
        )
    }
    assert values == {ids[0]: "东北一号", ids[1]: "西南二号"}


def test_kill_9_during_a_stream_of_writes_loses_at_most_the_one_in_flight(office, passphrase):
    path, ids = office
    rng = random.Random(7)
    acked: list[dict] = []
    hot = 0
    for _ in range(10):
        proc = start([WORKER, "stream", path, ",".join(map(str, ids[:4]))], passphrase)
        acked.append(json.loads(read_line(proc)))  # it is writing: let it go on a while
        deadline = time.monotonic() + 0.2 + rng.random() * 0.5
        while time.monotonic() < deadline:
            acked.append(json.loads(read_line(proc)))
        os.kill(proc.pid, signal.SIGKILL)  # mid-stream: no clean-up at all
        proc.wait()
        hot += Path(str(path) + "-journal").exists()  # killed inside a transaction
        # the next program to open the file rolls back the hot journal
        with Archive.open(path, passphrase) as a:
            assert a.integrity_check() == []
            assert a.cipher_integrity_check() == []
            assert audit_store.verify(a.conn).ok
    assert len(acked) > 50, len(acked)
    print(f"{len(acked)} acknowledged writes, {hot} of 10 kills inside a transaction")
    with Archive.open(path, passphrase, readonly=True) as a:
        logged = set(a.query("SELECT customer_id, new FROM change_log WHERE field = 'owner'"))
        names = {r[0]: r[1] for r in a.query("SELECT id, owner FROM customers")}
        for ack in acked:  # every acknowledged write is there
            if ack.get("added"):
                assert names.get(ack["cid"]) == ack["token"]
            else:
                assert (ack["cid"], ack["token"]) in logged
        # and each card shows its last acknowledged value, or the one in flight after it
        row = dict(
            ((c, v), i)
            for i, c, v in a.query(
                "SELECT id, customer_id, new FROM change_log WHERE field = 'owner'"
            )
        )
        for cid in ids[:4]:
            last = [x for x in acked if x["cid"] == cid and not x.get("added")][-1]
            assert row[(cid, names[cid])] >= row[(cid, last["token"])]
        assert audit_store.verify(a.conn).ok
        # the search index kept up with the rows (it is written in the same transactions)
        added = [x for x in acked if x.get("added")][-1]
        name = a.query_one("SELECT name FROM customers WHERE id = ?", (added["cid"],))[0]
        assert added["cid"] in CustomerService(a, "boss").search(name)
