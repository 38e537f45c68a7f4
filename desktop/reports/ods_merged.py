"""The merged cells of one sheet of an OpenDocument spreadsheet (.ods).

python-calamine reads an .ods sheet's cells but not its merged ranges (it does for .xlsx and
.xls), and the import needs them: a title merged over a group of columns ("联系人" over
姓名 / 手机) makes those columns the contact's, and a region merged down over five rows
belongs to each. In an .ods file a merged cell is a ``table:table-cell`` carrying
``table:number-columns-spanned`` / ``table:number-rows-spanned``; its position is counted
through the repeat attributes (a sheet often ends in one row "repeated" a million times),
so nothing is expanded. ``content.xml`` is streamed; the caller has already held the file to
its size bounds, and the expat parser refuses entity expansion attacks.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element, XMLPullParser

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_SHEET = f"{{{_TABLE}}}table"
_ROW = f"{{{_TABLE}}}table-row"
_CELLS = (f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell")
_NAME = f"{{{_TABLE}}}name"
_ROWS_REPEATED = f"{{{_TABLE}}}number-rows-repeated"
_COLS_REPEATED = f"{{{_TABLE}}}number-columns-repeated"
_COLS_SPANNED = f"{{{_TABLE}}}number-columns-spanned"
_ROWS_SPANNED = f"{{{_TABLE}}}number-rows-spanned"
_BLOCK = 1 << 16


def _count(value: str | None) -> int:
    try:
        return max(int(value or 1), 1)
    except ValueError:
        return 1


def merged_ranges(path: str | Path, sheet: str) -> list[tuple[int, int, int, int]]:
    """(min_col, min_row, max_col, max_row), 1-based, of every merged range of ``sheet``."""
    found: list[tuple[int, int, int, int]] = []
    parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
    inside = done = False
    row = col = 0
    with zipfile.ZipFile(path) as z, z.open("content.xml") as f:
        while not done:
            block = f.read(_BLOCK)
            if not block:
                break
            parser.feed(block)
            # Only start and end events were asked for: each comes with its element.
            for event, el in cast("Iterator[tuple[str, Element]]", parser.read_events()):
                tag = el.tag
                if tag == _SHEET:
                    if event == "start" and el.get(_NAME) == sheet:
                        inside, row = True, 0
                    elif event == "end" and inside:
                        done = True
                        break
                elif not inside:
                    pass
                elif tag == _ROW:
                    if event == "start":
                        col = 0
                    else:
                        row += _count(el.get(_ROWS_REPEATED))
                        el.clear()
                elif tag in _CELLS and event == "start":
                    across, down = _count(el.get(_COLS_SPANNED)), _count(el.get(_ROWS_SPANNED))
                    if across > 1 or down > 1:
                        found.append((col + 1, row + 1, col + across, row + down))
                    col += _count(el.get(_COLS_REPEATED))
                if event == "end" and tag in _CELLS:
                    el.clear()
    return found
