"""Running the command line in tests: the result type and a real subprocess runner.

Shared by tests/unit and tests/integration (pytest puts tests/ on sys.path for the root
conftest, so this module is imported by name).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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

    error_line = assert_one_line_error


def spawn_cli(
    args: list, stdin: str = "", env: dict | None = None, timeout: float = 60
) -> CliResult:
    """``python -m desktop.cli.main ARGS`` in a separate process, standard input a pipe."""
    env = dict(os.environ if env is None else env)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PYTHONIOENCODING"] = "utf-8"
    proc = subprocess.run(
        [sys.executable, "-m", "desktop.cli.main", *map(str, args)],
        input=stdin.encode("utf-8"),
        capture_output=True,
        env=env,
        timeout=timeout,
        cwd=env.get("HOME") or None,
    )
    return CliResult(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))
