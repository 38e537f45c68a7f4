"""Programs of ours in other processes, talking line by line (imported by name: pytest puts
tests/integration on sys.path; tests/benchmarks/bench_shared.py adds it itself)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def env() -> dict:
    """This environment, with the sources importable and Qt offscreen."""
    e = dict(os.environ, PYTHONIOENCODING="utf-8", QT_QPA_PLATFORM="offscreen")
    e["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), e.get("PYTHONPATH")]))
    return e


def start(args: list, passphrase: str) -> subprocess.Popen:
    """``python ARGS``, told the passphrase as the first line of its standard input."""
    proc = subprocess.Popen(
        [sys.executable, *map(str, args)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=env(),
    )
    proc.stdin.write(passphrase + "\n")
    proc.stdin.flush()
    return proc


def read_line(proc: subprocess.Popen) -> str:
    """The next line the process says; its error output if it ended instead."""
    line = proc.stdout.readline()
    if not line:
        raise AssertionError(f"the process ended: {proc.stderr.read()[-3000:]}")
    return line.strip()


@dataclass
class SavesBesideImport:
    waits: list[float]  # seconds of each save made while the import ran (and one after)
    failures: list[str]  # the error type of each save that was refused
    import_s: float  # the import's wall time, as the saving side saw it
    returncode: int
    stderr: str


def saves_beside_import(
    archive,
    passphrase: str,
    book: Path,
    report: Path,
    customer_id: int,
    *,
    every_s: float = 0.05,
    timeout: float = 120,
) -> SavesBesideImport:
    """Import ``book`` into ``archive`` (open here) with the command line in a process of its
    own, its JSON report written to ``report`` (a file: it is larger than a pipe holds), and
    meanwhile save ``customer_id`` every ``every_s`` seconds here, once more after it ended."""
    from desktop.services.customers import CustomerService

    with open(report, "w", encoding="utf-8") as out:
        importer = subprocess.Popen(
            [sys.executable, "-m", "desktop.cli.main", "-a", str(archive.path),
             "--passphrase-stdin", "--no-keyring", "--json", "import", "xlsx", str(book)],
            stdin=subprocess.PIPE, stdout=out, stderr=subprocess.PIPE, text=True, env=env(),
        )  # fmt: skip
    importer.stdin.write(passphrase + "\n")
    importer.stdin.close()
    started_import = time.perf_counter()
    svc = CustomerService(archive, "boss")
    waits: list[float] = []
    failures: list[str] = []
    saving = True
    while saving:
        saving = importer.poll() is None
        started = time.perf_counter()
        try:
            svc.edit(customer_id, {"industry": f"软件{len(waits) % 7}"})
        except Exception as exc:  # noqa: BLE001 - any refusal is the failure counted
            failures.append(type(exc).__name__)
        waits.append(time.perf_counter() - started)
        if saving:
            time.sleep(every_s)
    import_s = time.perf_counter() - started_import
    importer.wait(timeout=timeout)
    return SavesBesideImport(waits, failures, import_s, importer.returncode, importer.stderr.read())
