"""A program on another office computer, for tests/integration/test_shared_file.py and the
shared-drive benchmark: run as ``python shared_worker.py MODE ARCHIVE ...`` with the
passphrase on the first line of standard input. Every result is one JSON line on stdout.

Modes:
  race WRITER N CIDS     N edits of randomly chosen customers (of CIDS, comma-separated),
                         each from the version just read, after a short random pause so that
                         writers overlap; prints {"ok": [[cid, token, new_version]...],
                         "conflicts": n, "attempts": n, "latency": [seconds…]}
  stream CIDS            edits for ever (until killed), one acknowledged line per commit:
                         {"ack": i, "cid": cid, "token": token}; every 5th write adds a
                         customer as well, in the same way acknowledged
"""

from __future__ import annotations

import json
import random
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
        time.sleep(rng.random() * 0.004)          # the user types; another may save meanwhile
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


def stream(archive: Archive, cids: list[int]) -> None:
    cs = CustomerService(archive, "boss")
    i = 0
    while True:
        i += 1
        if i % 5 == 0:
            cid = cs.add({"name": f"流水客户 {time.time_ns()}", "owner": f"add-{i}"})
            print(json.dumps({"ack": i, "cid": cid, "token": f"add-{i}", "added": True}), flush=True)
            continue
        cid = cids[i % len(cids)]
        token = f"s{time.time_ns()}-{i}"
        cs.edit(cid, {"owner": token})
        print(json.dumps({"ack": i, "cid": cid, "token": token}), flush=True)


def main() -> int:
    mode, path = sys.argv[1], sys.argv[2]
    passphrase = sys.stdin.readline().rstrip("\n")
    archive = Archive.open(path, passphrase)
    try:
        if mode == "race":
            writer, n, cids = sys.argv[3], int(sys.argv[4]), [int(c) for c in sys.argv[5].split(",")]
            print("ready", flush=True)
            sys.stdin.readline()                  # "go": every writer starts at once
            print(json.dumps(race(archive, writer, n, cids)), flush=True)
        elif mode == "stream":
            stream(archive, [int(c) for c in sys.argv[3].split(",")])
    finally:
        archive.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
