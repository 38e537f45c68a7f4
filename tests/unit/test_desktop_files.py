"""The menu entry and the AppStream metainfo the .deb installs pass the freedesktop validators
(what a software centre or a distribution's lint would reject otherwise)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from system_tools import need

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
DESKTOP = PACKAGING / "customer-archive.desktop"
METAINFO = PACKAGING / "linux" / "org.customerarchive.CustomerArchive.metainfo.xml"


def test_desktop_entry_is_valid():
    need("desktop-file-validate")
    out = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    # desktop-file-validate prints nothing and exits 0 for a valid file; hints are not errors
    problems = [line for line in (out.stdout + out.stderr).splitlines() if "hint:" not in line]
    assert out.returncode == 0 and problems == [], "\n".join(problems)


def test_metainfo_is_valid_and_launches_the_desktop_entry():
    need("appstreamcli")
    out = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(METAINFO)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert f'<launchable type="desktop-id">{DESKTOP.name}</launchable>' in METAINFO.read_text()
