"""Logging out (SIGTERM) or Ctrl+C (SIGINT) closes the window as its close button does: the
program ends with status 0 and leaves *Who Is Working*, instead of being killed mid-way and
listed for two more minutes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from integration_support import REPO, run_cli

PASSPHRASE = "office passphrase 办公室口令 for the stop test"

pytestmark = pytest.mark.keyring


def sessions(path) -> list[dict]:
    result = run_cli(["sessions", "-a", path, "--json"])
    assert result.code == 0, result.err
    return result.json()["sessions"]


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_window_closes_cleanly_on_stop_signal(secret_service, tmp_path, number):
    path = tmp_path / "office.carc"
    made = run_cli(
        ["init", "-a", path, "--passphrase-stdin", "--json"], f"{PASSPHRASE}\n{PASSPHRASE}\n"
    )
    assert made.code == 0 and made.json()["keyring"] == "found", made.err
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    window = subprocess.Popen(
        [sys.executable, "-m", "desktop.cli.main", "-a", str(path)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while not [s for s in sessions(path) if s["pid"] == window.pid]:
            assert window.poll() is None, window.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the window never opened the archive"
            time.sleep(0.3)
        window.send_signal(number)
        _, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert [s for s in sessions(path) if s["pid"] == window.pid] == []
