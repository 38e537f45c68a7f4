"""The system packages the test command installs are all there (a package missing from
packaging/debian-packages.txt shows up on a fresh machine, whose installs skip Recommends)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from system_tools import PACKAGES, missing

LIST = Path(__file__).resolve().parents[2] / "packaging/debian-packages.txt"


def listed() -> list[str]:
    return [
        line.strip()
        for line in LIST.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]


def test_every_tool_the_tests_use_comes_from_a_listed_package():
    assert set(PACKAGES.values()) <= set(listed())


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_every_listed_package_is_installed():
    absent = []
    for name in listed():
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in out.stdout:
            absent.append(name)
    assert not absent, (
        f"not installed: {' '.join(absent)} (python3 packaging/dev.py setup installs them)"
    )


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian system")
def test_every_tool_and_data_file_is_present():
    assert [n for n in PACKAGES if missing(n)] == []
