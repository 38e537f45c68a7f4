"""Checking PDFs as a person would, with poppler's tools (Debian poppler-utils): the text a
reader can copy, the fonts and whether they are embedded, the page count."""

from __future__ import annotations

import subprocess
from pathlib import Path

from system_tools import need


def _run(*args: str) -> str:
    need(args[0])
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=60).stdout


def pdf_text(
    path: Path, first: int | None = None, last: int | None = None, *, body: bool = False
) -> str:
    """The text of the pages, with all white space removed (CJK lines break anywhere).
    ``body``: without the page header and footer (A4 pages: the 50 points at top and bottom),
    so that text continued across pages reads as one."""
    args = ["pdftotext", "-enc", "UTF-8"]
    if body:
        args += ["-x", "0", "-y", "50", "-W", "595", "-H", "742"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    return "".join(_run(*args, str(path), "-").split())


def pdf_pages(path: Path) -> int:
    for line in _run("pdfinfo", str(path)).splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise AssertionError("pdfinfo shows no page count")


def pdf_fonts(path: Path) -> list[dict[str, str]]:
    """pdffonts' table: one dict per font with name, type, emb."""
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    out = []
    for line in lines:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the flags are fixed from the right
        out.append({"name": parts[0], "emb": parts[-5], "type": " ".join(parts[1:-6])})
    return out


def cjk_fonts_embedded(path: Path) -> bool:
    """Every font that draws text beyond Latin is embedded (the base-14 Helvetica a
    reportlab canvas declares needs no embedding)."""
    fonts = pdf_fonts(path)
    tt = [f for f in fonts if "TrueType" in f["type"] or "CID" in f["type"]]
    return bool(tt) and all(f["emb"] == "yes" for f in tt)
