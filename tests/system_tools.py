"""The system tools and data files the tests use, and the Debian package each comes from.

A test that needs one calls ``need(...)``: when it is missing, the test fails with the name of
the package to install (they are listed in packaging/debian-packages.txt, which the README's
test command installs), instead of failing an assertion about the tool's output or skipping
quietly, which would hide a package missing from that list.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

#: tool or data file -> Debian package
PACKAGES: dict[str, str] = {
    "pdftotext": "poppler-utils",
    "pdffonts": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftoppm": "poppler-utils",
    # poppler's CMaps: without them pdffonts/pdftotext cannot read the CID fonts
    # (STSong-Light) of a PDF made without an embeddable CJK font
    "/usr/share/poppler/cMap/Adobe-GB1": "poppler-data",
    "soffice": "libreoffice-calc-nogui",
    "gnome-keyring-daemon": "gnome-keyring",
    "dbus-run-session": "dbus",
    "Xvfb": "xvfb",
    "desktop-file-validate": "desktop-file-utils",
    "appstreamcli": "appstream",
    "makensis": "nsis",
    "objdump": "binutils",
    "sshfs": "sshfs",
    "/usr/sbin/sshd": "openssh-server",
    "ssh-keygen": "openssh-client",
}


def missing(name: str) -> bool:
    if name.startswith("/"):
        return not Path(name).exists()
    return shutil.which(name) is None


def need(*names: str) -> None:
    """Fail the calling test, naming the Debian package, unless every tool or file is here."""
    gone = [n for n in names if missing(n)]
    if gone:
        packages = sorted({PACKAGES.get(n, "?") for n in gone})
        pytest.fail(
            f"{', '.join(gone)} not found: install the Debian package(s) "
            f"{' '.join(packages)} (packaging/debian-packages.txt lists them)",
            pytrace=False,
        )
