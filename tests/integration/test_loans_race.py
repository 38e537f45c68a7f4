"""Two custodians at two computers hand out the same item at the same moment: two real
processes on one archive file, released together by a file barrier. Exactly one hand-out
succeeds; the other gets a clear conflict (exit status 17) and the item is out once, both
through the program and when the program's own checks are skipped (the database's rule)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import errors
from desktop.services.loans import LoanService
from desktop.storage import audit
from desktop.storage.archive import Archive

WORKER = Path(__file__).with_name("loans_race_worker.py")
ROUNDS = 4


def _two_loans_of_one_item(archive: Archive, n: int) -> tuple[int, int, int]:
    svc = LoanService(archive, "boss")
    item = svc.add_item(f"YP-{n}", "sample", f"样品 {n}")
    until = dt.date.today() + dt.timedelta(days=3)
    a = svc.request(item, borrower="孙业务", purpose="拜访客户", wanted_until=until)
    b = svc.request(
        item, borrower="市场部", borrower_kind="department", purpose="展会", wanted_until=until
    )
    assert a["state"] == b["state"] == "approved"
    return item, a["id"], b["id"]


def _race(tmp_path, archive_path, passphrase, mode: str, loans: tuple[int, int], n: int):
    barrier = tmp_path / f"barrier-{mode}-{n}"
    barrier.mkdir()
    procs = []
    for name, loan in zip(("pc1", "pc2"), loans, strict=True):
        p = subprocess.Popen(
            [sys.executable, str(WORKER), mode, str(archive_path), str(loan), str(barrier), name],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        p.stdin.write(f"{passphrase}\n".encode())
        p.stdin.close()
        procs.append(p)
    deadline = time.monotonic() + 60
    while not all((barrier / f"{name}.ready").exists() for name in ("pc1", "pc2")):
        assert time.monotonic() < deadline, "the workers never got ready"
        assert all(p.poll() is None for p in procs), [p.stderr.read() for p in procs]
        time.sleep(0.01)
    (barrier / "go").touch()
    results = []
    for p in procs:
        p.wait(timeout=60)
        out, err = p.stdout.read(), p.stderr.read()
        assert b"Traceback" not in err, err.decode()
        results.append((p.returncode, json.loads(out.decode().strip().splitlines()[-1])))
    return results


@pytest.mark.parametrize("mode", ["service", "raw"])
def test_two_processes_hand_out_the_same_item_at_once_and_exactly_one_wins(
    tmp_path, archive_path, passphrase, mode
):
    with Archive.create(archive_path, passphrase) as archive:
        rounds = [_two_loans_of_one_item(archive, n) for n in range(ROUNDS)]
    for n, (_item, a, b) in enumerate(rounds):
        results = _race(tmp_path, archive_path, passphrase, mode, (a, b), n)
        codes = sorted(code for code, _ in results)
        assert codes == [
            0,
            errors.ConflictError.exit_status
            if mode == "service"
            else errors.ArchiveError.exit_status,
        ], results
        loser = next(data for code, data in results if code != 0)
        if mode == "service":
            assert loser["code"] == "conflict" and "already out" in loser["error"], loser
        else:
            assert "UNIQUE" in loser["error"], loser
    with Archive.open(archive_path, passphrase) as archive:
        for item, a, b in rounds:
            out = archive.query(
                "SELECT id, handed_out_by FROM loans WHERE item_id = ? AND state = 'out'", (item,)
            )
            assert len(out) == 1, out
            if mode == "service":
                assert (
                    archive.query_one("SELECT state FROM items WHERE id = ?", (item,))[0] == "out"
                )
                winner = out[0][0]
                loser = b if winner == a else a
                assert (
                    archive.query_one("SELECT state FROM loans WHERE id = ?", (loser,))[0]
                    == "approved"
                )
                checkouts = [
                    e
                    for e in audit.query(archive.conn, action="loan_checkout", limit=100)
                    if e.details.get("item_no") == f"YP-{rounds.index((item, a, b))}"
                ]
                assert len(checkouts) == 1
        assert audit.verify(archive.conn).ok
