"""Helpers shared by the unit tests (imported by name: pytest puts tests/unit on sys.path)."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from cli_support import CliResult, spawn_cli  # noqa: F401 - re-exported for the tests

REPO = Path(__file__).resolve().parents[2]


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

    def spawn(
        self, args: list[str], stdin: str = "", env: dict | None = None, timeout: float = 60
    ) -> CliResult:
        """``python -m desktop.cli.main args`` as a separate process (stdin is a pipe)."""
        return spawn_cli(args, stdin, env, timeout)


@dataclass(frozen=True)
class Snapshot:
    data: bytes
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> "Snapshot":
        return cls(path.read_bytes(), path.stat().st_mtime_ns)


def add_salesperson(accounts, admin, password: str, name: str = "sun", region: str = "华东"):
    """A salesperson account (孙业务 of 华东 unless told), ready to log in with ``password``
    (the administrator's own password too, as the tests' first administrator has it)."""
    accounts.add_user(
        admin,
        name,
        "孙业务",
        "salesperson",
        region,
        password,
        admin_password=password,
        must_change_password=False,
    )
