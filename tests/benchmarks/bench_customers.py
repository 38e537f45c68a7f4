"""The customer archive at realistic size: making it, opening it, holding it in the window.

``BENCH_CUSTOMERS`` (default 100 000) customers are made with the ``demo`` generator.

- demo: the time to add them (validation-free bulk path, search index, ABC tiers), against
  the floor of only generating the same rows in Python.
- unlock to first rows: ``Archive.open`` (the key derivation) and then the first screen of
  the list (all ids in pinyin order + the first 50 rows), against the key derivation alone
  on a one-page database. The goal is first rows within 300 ms after the key is derived.
- window memory: a separate process opens the main window (offscreen) on the archive, waits
  until the list shows its first rows, and reports its resident memory, against the same
  process with the window open on an empty archive. Goal: under 250 MB.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import sqlcipher3

from desktop.services.demo import fill_demo, generate
from desktop.storage import customers as repo
from desktop.storage.archive import Archive, quote_key

PASSPHRASE = "benchmark passphrase 基准"
N = int(os.environ.get("BENCH_CUSTOMERS", "100000"))

_WINDOW_PROBE = r"""
import os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from desktop import config
from desktop.gui.app import make_app
from desktop.gui.main_window import MainWindow
from desktop.secrets.keystore import DisabledKeyStore
from desktop.storage.archive import archive_id

app = make_app()
path, passphrase = sys.argv[1], sys.stdin.readline().rstrip("\n")
expect_rows = sys.argv[2] == "rows"
w = MainWindow(config.Config(), keystore=DisabledKeyStore())
w.show()
from desktop.gui import archive_jobs
from desktop.gui.worker import Op
Op(w.worker, w, archive_jobs.open_with_passphrase(path, passphrase, DisabledKeyStore(), False),
   with_context=True).success(w._opened).run()
deadline = time.time() + 120
def shown():
    lst = getattr(w, "customer_list", None)
    if lst is None or not expect_rows:
        return w.info is not None
    model = lst.model
    return model.rowCount() > 0 and model.data(model.index(0, 1)) not in (None, "")
while time.time() < deadline and not shown():
    app.processEvents()
    time.sleep(0.01)
for _ in range(50):
    app.processEvents()
    time.sleep(0.01)
rss = [l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]
print(int(rss) / 1024, flush=True)
w.close()
os._exit(0)  # skip interpreter teardown of Qt objects: only the figure matters here
"""


def _median(fn, runs: int = 5) -> float:
    fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def _window_rss(path: Path, expect_rows: bool) -> float:
    out = subprocess.run(
        [sys.executable, "-c", _WINDOW_PROBE, str(path), "rows" if expect_rows else "empty"],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return float(out.stdout.strip().splitlines()[-1])


def run(tmpdir: Path) -> list[dict]:
    rows: list[dict] = []
    path = tmpdir / "customers.carc"
    archive = Archive.create(path, PASSPHRASE)
    t = time.perf_counter()
    fill_demo(archive, N, seed=1, user="bench")
    demo_ms = (time.perf_counter() - t) * 1000
    archive.close()
    t = time.perf_counter()
    for _ in generate(random.Random(1), N, dt.date.today()):
        pass
    floor_ms = (time.perf_counter() - t) * 1000
    size_mb = path.stat().st_size / 1048576
    rows.append(
        {
            "name": f"demo {N} customers",
            "ms": demo_ms,
            "baseline": "generate rows only",
            "baseline_ms": floor_ms,
            "ratio": demo_ms / floor_ms,
            "notes": f"file {size_mb:.0f} MB ({size_mb * 1048576 / N / 1024:.1f} KB/customer)",
        }
    )

    one_page = tmpdir / "kdf.db"
    c = sqlcipher3.connect(str(one_page))
    c.execute(f"PRAGMA key = {quote_key(PASSPHRASE)}")
    c.execute("CREATE TABLE t(a)")
    c.commit()
    c.close()

    def kdf() -> None:
        k = sqlcipher3.connect(str(one_page))
        k.execute("PRAGMA cipher_log_level = NONE")
        k.execute(f"PRAGMA key = {quote_key(PASSPHRASE)}")
        k.execute("SELECT count(*) FROM sqlite_master").fetchone()
        k.close()

    kdf_ms = _median(kdf)
    after_key: list[float] = []

    def unlock_first_rows() -> None:
        a = Archive.open(path, PASSPHRASE)
        t0 = time.perf_counter()
        ids = repo.list_ids(a.conn, repo.Filter())
        repo.list_rows(a.conn, ids[:50])
        after_key.append((time.perf_counter() - t0) * 1000)
        a.close()

    total_ms = _median(unlock_first_rows)
    rows.append(
        {
            "name": "unlock to first 50 rows",
            "ms": total_ms,
            "baseline": "key derivation alone",
            "baseline_ms": kdf_ms,
            "ratio": total_ms / kdf_ms,
            "notes": f"after the key: median {statistics.median(after_key[1:]):.0f} ms "
            f"(all {N} ids in pinyin order + 50 rows; goal < 300 ms)",
        }
    )

    if sys.platform.startswith("linux"):
        empty = tmpdir / "empty.carc"
        Archive.create(empty, PASSPHRASE).close()
        base_rss = _window_rss(empty, False)
        rss = _window_rss(path, True)
        rows.append(
            {
                "name": f"window RSS, {N} customers",
                "ms": None,
                "baseline": "window RSS, empty archive",
                "baseline_ms": None,
                "ratio": rss / base_rss,
                "notes": f"{rss:.0f} MB vs {base_rss:.0f} MB (goal < 250 MB)",
            }
        )
    return rows
