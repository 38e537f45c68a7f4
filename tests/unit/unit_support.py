"""Helpers shared by the unit tests (imported by name: pytest puts tests/unit on sys.path)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)

    def assert_one_line_error(self) -> str:
        """A failed command says one clear line on stderr, never a traceback."""
        assert self.code != 0, (self.code, self.out, self.err)
        assert "Traceback" not in self.err, self.err
        lines = self.err.splitlines()
        assert len(lines) == 1, f"stderr should be one line, got: {self.err!r}"
        assert lines[0].startswith("customer-archive: "), lines[0]
        return lines[0]


class Cli:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
        self._monkeypatch = monkeypatch
        self._capsys = capsys

    def run(self, args: list[str], stdin: str = "") -> CliResult:
        """``desktop.cli.main.main(args)`` in this process, with ``stdin`` as standard input."""
        from desktop.cli import passphrase as pp
        from desktop.cli.main import main

        pp.reset_stdin()
        self._monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        self._capsys.readouterr()
        code = main([str(a) for a in args])
        out, err = self._capsys.readouterr()
        return CliResult(code, out, err)

    def spawn(self, args: list[str], stdin: str = "", env: dict | None = None,
              timeout: float = 60) -> CliResult:
        """``python -m desktop.cli.main args`` as a separate process (stdin is a pipe)."""
        return spawn_cli(args, stdin, env, timeout)


def spawn_cli(args: list[str], stdin: str = "", env: dict | None = None,
              timeout: float = 60) -> CliResult:
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *map(str, args)],
        input=stdin.encode("utf-8"), capture_output=True, env=env, timeout=timeout,
        cwd=env.get("HOME") or None,
    )
    return CliResult(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))


@dataclass(frozen=True)
class Snapshot:
    data: bytes
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "Snapshot":
        return cls(path.read_bytes(), path.stat().st_mtime_ns)
