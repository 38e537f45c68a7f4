"""Programs of ours in other processes, talking line by line (imported by name: pytest puts
tests/integration on sys.path; tests/benchmarks/bench_shared.py adds it itself)."""

from __future__ import annotations

import os
import subprocess
import sys
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
