#!/usr/bin/env python3
"""A smoke test of a frozen Customer Archive, for the release workflow on Windows and macOS.

    python packaging/smoke.py PATH/TO/customer-archive[.exe]

Runs the program as a user would from a throw-away home folder: ``--version``, ``init`` a new
archive (passphrase on standard input, no keyring: CI runners have none to unlock), ``demo``
and a Chinese search that must find a demo customer. Exits non-zero with the failing step.
On Linux, tests/integration/test_package.py checks the .deb more thoroughly (keyring, printed
card fonts, the window).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

PASSPHRASE = "smoke test passphrase 冒烟测试的口令"


def main(argv: list[str]) -> int:
    program = Path(argv[0]).resolve()
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        env = dict(
            os.environ,
            HOME=str(home),
            USERPROFILE=str(home),
            APPDATA=str(home / "AppData" / "Roaming"),
            LOCALAPPDATA=str(home / "AppData" / "Local"),
            XDG_DATA_HOME=str(home / "data"),
            XDG_CONFIG_HOME=str(home / "config"),
            XDG_STATE_HOME=str(home / "state"),
            XDG_CACHE_HOME=str(home / "cache"),
            PYTHONUTF8="1",
            PYTHONIOENCODING="utf-8",
        )
        archive = home / "office.carc"

        def run(step: str, args: list[str], stdin: str = f"{PASSPHRASE}\n") -> str:
            out = subprocess.run(
                [str(program), *args],
                input=stdin.encode("utf-8"),
                capture_output=True,
                env=env,
                cwd=home,
                timeout=300,
            )
            text = out.stdout.decode("utf-8", "replace")
            if out.returncode != 0:
                sys.exit(
                    f"smoke: {step} failed with status {out.returncode}:\n"
                    f"{out.stderr.decode('utf-8', 'replace')[-3000:]}"
                )
            print(f"smoke: {step}: ok", flush=True)
            return text

        version = run("--version", ["--version"], "")
        print(f"smoke:   {version.strip()}")
        common = ["-a", str(archive), "--passphrase-stdin", "--no-keyring", "--json"]
        run("init", ["init", *common], f"{PASSPHRASE}\n{PASSPHRASE}\n")
        run("demo", ["demo", "--customers", "30", *common])
        customers = json.loads(run("list", ["customers", "list", *common]))["customers"]
        someone = customers[len(customers) // 2]
        words = someone["name"][2:5]
        hits = json.loads(run(f"search {words}", ["customers", "search", words, *common]))
        if someone["archive_no"] not in [h["archive_no"] for h in hits]:
            sys.exit(f"smoke: searching {words!r} did not find {someone['archive_no']}")
        print(f"smoke: all passed ({len(hits)} hit(s) for {words})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
