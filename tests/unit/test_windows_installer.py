"""The Windows installer script compiles (Debian's makensis) into a Unicode installer named
客户档案 that carries every file of the bundle folder it is given.

The real bundle can only be built on Windows (.github/workflows/release.yml); here a folder of
the same shape stands in for it."""

from __future__ import annotations

import subprocess
from pathlib import Path

from system_tools import need

SCRIPT = Path(__file__).resolve().parents[2] / "packaging" / "windows" / "installer.nsi"


def test_installer_compiles_with_the_chinese_name_and_the_whole_bundle(tmp_path):
    need("makensis")
    bundle = tmp_path / "customer-archive"
    (bundle / "_internal" / "desktop").mkdir(parents=True)
    for name in (
        "customer-archive.exe",
        "customer-archive-gui.exe",
        "_internal/base_library.zip",
        "_internal/desktop/客户.txt",
    ):
        (bundle / name).write_bytes(name.encode() * 50)
    setup = tmp_path / "customer-archive-1.2.3-installer.exe"  # not *setup.exe: NSIS warns (shims)
    out = subprocess.run(
        [
            "makensis",
            "-V4",
            f"-DBUNDLE={bundle}",
            "-DVERSION=1.2.3",
            f"-DOUTFILE={setup}",
            str(SCRIPT),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr
    assert "warning:" not in out.stdout.lower(), out.stdout[-3000:]
    packed = [line.split('"')[1] for line in out.stdout.splitlines() if line.startswith('File: "')]
    assert sorted(packed) == sorted(p.name for p in bundle.rglob("*") if p.is_file())
    raw = setup.read_bytes()
    assert raw[:2] == b"MZ"
    assert "客户档案".encode("utf-16-le") in raw  # the product name in the version resource
