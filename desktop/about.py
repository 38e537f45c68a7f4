"""What the program is built from: the versions and licences the About dialog shows (a frozen
bundle ships these libraries, and their licences ask that users can find them)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import metadata


@dataclass(frozen=True)
class Component:
    name: str  # as people know it
    dist: str  # the distribution whose version is shown
    licence: str
    source: str  # where its source is found


COMPONENTS = (
    Component(
        "Qt / Qt for Python (PySide6)",
        "PySide6-Essentials",
        "LGPL-3.0",
        "https://code.qt.io · https://download.qt.io/official_releases/QtForPython/",
    ),
    Component(
        "SQLCipher (sqlcipher3)",
        "sqlcipher3",
        "BSD-3-Clause / zlib",
        "https://github.com/sqlcipher/sqlcipher · https://github.com/coleifer/sqlcipher3",
    ),
    Component(
        "ReportLab", "reportlab", "BSD-3-Clause", "https://hg.reportlab.com/hg-public/reportlab"
    ),
    Component("openpyxl", "openpyxl", "MIT", "https://foss.heptapod.net/openpyxl/openpyxl"),
    Component(
        "python-calamine", "python-calamine", "MIT", "https://github.com/dimastbk/python-calamine"
    ),
    Component("keyring", "keyring", "MIT", "https://github.com/jaraco/keyring"),
    Component("pypinyin", "pypinyin", "MIT", "https://github.com/mozillazg/python-pinyin"),
    Component(
        "phonenumbers",
        "phonenumbers",
        "Apache-2.0",
        "https://github.com/daviddrysdale/python-phonenumbers",
    ),
    Component("RapidFuzz", "rapidfuzz", "MIT", "https://github.com/rapidfuzz/RapidFuzz"),
    Component("zxcvbn", "zxcvbn", "MIT", "https://github.com/dwolfhub/zxcvbn-python"),
    Component("qrcode", "qrcode", "BSD-3-Clause", "https://github.com/lincolnloop/python-qrcode"),
    Component(
        "pypdfium2 (PDFium)",
        "pypdfium2",
        "Apache-2.0 / BSD-3-Clause",
        "https://github.com/pypdfium2-team/pypdfium2",
    ),
    Component("platformdirs", "platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
)


def version_of(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "?"


def sqlcipher_version() -> str:
    import sqlcipher3

    conn = sqlcipher3.connect(":memory:")
    try:
        row = conn.execute("PRAGMA cipher_version").fetchone()
        return f"{row[0] if row else '?'}, SQLite {sqlcipher3.sqlite_version}"
    finally:
        conn.close()
