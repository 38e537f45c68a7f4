"""Shared layout for every printed document (reportlab): profile cards, handover lists, loan
slips, dossier labels, analysis reports. No Qt here (docs/architecture.md, Layers); texts come from
the caller in the user's language, except the few page furniture words in ``PAGE_TEXTS``.

Everything is built from platypus flowables that flow from frame to frame, never from fixed
coordinates, so long text wraps and continues on the next page instead of being cut off or
overlapping what follows.

API
---
``cjk_font() -> FontChoice``
    Registers, once per process, a CJK font and returns it (``.name`` to use in styles,
    ``.embedded`` False only for the CID fallback). Order: ``$CUSTOMER_ARCHIVE_PDF_FONT``
    (a .ttf/.ttc path), fonts shipped in ``desktop/resources/fonts``, the system's
    (Debian fonts-wqy-zenhei subfont 0, WenQuanYi Micro Hei, Windows SimHei / Microsoft
    YaHei / SimSun, macOS Arial Unicode / STHeiti / Songti), then reportlab's built-in CID
    font STSong-Light (not embedded; logged as a warning). Fonts with PostScript (CFF)
    outlines, such as Noto CJK, cannot be embedded by reportlab and are skipped.
``styles() -> Styles``
    Paragraph styles in that font, all with ``wordWrap="CJK"`` (Chinese has no spaces;
    English still breaks at spaces): ``title``, ``heading``, ``body``, ``label``, ``value``,
    ``cell``, ``cell_head``, ``cell_right``, ``small``.
``para(text, style) -> Paragraph``
    Plain text (escaped; newlines kept) as a paragraph; None becomes empty.
``line(text, style, width) -> Flowable``
    One line of plain text drawn directly when it fits (much cheaper than a paragraph, for
    titles and headings of big batches), else a wrapping paragraph.
``printable(text)``
    Characters the font lacks replaced by look-alikes (the masks' U+2022 becomes U+25CF);
    every helper here applies it.
``Heading(text)``
    A section heading that moves to the next page rather than stay alone at a page's foot.
``key_value_block(rows, width, *, columns=2, label_width=…) -> list[Flowable]``
    A label/value grid (a few flowables stacked into one grid: add them all to the story).
    ``rows`` are ``(label, value)`` or ``(label, value, wide)``; wide (when not empty) or
    long values take a whole line. Rows split across pages, and so does a very long value.
``data_table(header, rows, col_widths, *, right=()) -> Flowable``
    A table whose header row repeats on every page it continues on; ``right``: indexes of
    right-aligned columns (amounts).
``QrCode(data, size)`` / ``code128(value, …)``
    A vector QR code (encoded by the ``qrcode`` package, drawn as rectangles: sharp at any
    printer resolution, no bitmap) and a Code 128 barcode flowable (ASCII only).
``Section(key, title)``
    A marker flowable starting a section (one card of a batch): page numbers ("page x of y")
    and the header's right-hand text are per section.
``ProgressMark(done, total, progress, cancelled)``
    A zero-size flowable: when laid out it reports progress and raises ``Cancelled`` if
    asked to stop.
``PageSetup(title, printed_by, printed_at, lang, furniture=True)`` and
``write_pdf(target, story, setup, *, pagesize=A4) -> int``
    Lays ``story`` out on A4 pages with the header (document title, section title) and
    footer ("printed on <date> by <user>", "page x of y") and writes it atomically to
    ``target`` (nothing changes there on error or cancel). Returns the page count.
    ``furniture=False`` leaves header and footer out (sheets of labels); ``pagesize``
    takes any reportlab page size.
``build_pdf_bytes(story, setup)``
    The same into memory (tests, previews). Both consume ``story`` as they lay it out.
``Cancelled``
    Raised when a ProgressMark's ``cancelled()`` says stop.

Speed: a thousand cards take a few seconds (tests/benchmarks/bench_print.py). One-line
label/value lines and table rows are drawn by ``_PlainGrid`` rather than reportlab's Table
(same look); text that wraps goes through Table and Paragraph.
"""

from __future__ import annotations

import datetime as _dt
import functools
import io
import logging
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Collection, Iterable, Sequence, TypeGuard, cast
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.code128 import Code128
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

from ..atomic import atomic_output

log = logging.getLogger(__name__)

FONT_ENV = "CUSTOMER_ARCHIVE_PDF_FONT"
CID_FALLBACK = "STSong-Light"

#: Candidate fonts: (path, subfont index). TrueType outlines with CJK glyphs only.
SYSTEM_FONTS: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc", 0),  # Fedora, Arch
    ("/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc", 0),
    ("C:/Windows/Fonts/simhei.ttf", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttf", 0),
    ("C:/Windows/Fonts/simsun.ttc", 0),
    ("/Library/Fonts/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/Supplemental/Arial Unicode.ttf", 0),
    ("/System/Library/Fonts/STHeiti Light.ttc", 0),
    ("/System/Library/Fonts/Supplemental/Songti.ttc", 0),
)

#: Page furniture in the two languages the program speaks (no Qt here for tr()).
PAGE_TEXTS: dict[str, dict[str, str]] = {
    "en": {"printed": "Printed {when} by {user}", "page": "Page {page} of {pages}"},
    "zh": {"printed": "打印时间 {when}　打印人 {user}", "page": "第 {page} 页，共 {pages} 页"},
}


def lang_key(lang: str) -> str:
    return "zh" if lang.lower().startswith("zh") else "en"


class Cancelled(Exception):
    """The user asked a long print job to stop; nothing was written."""


# --------------------------------------------------------------------------------------------
# Font
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontChoice:
    name: str  # the registered reportlab font name
    path: str | None  # None for the CID fallback
    subfont: int
    embedded: bool


_font: FontChoice | None = None
FONT_NAME = "CustomerArchiveCJK"


def _shipped_fonts() -> list[tuple[str, int]]:
    try:
        folder = Path(str(resources.files("desktop") / "resources" / "fonts"))
    except (ModuleNotFoundError, TypeError):
        return []
    if not folder.is_dir():
        return []
    return [(str(p), 0) for p in sorted(folder.iterdir()) if p.suffix.lower() in (".ttf", ".ttc")]


def font_candidates() -> list[tuple[str, int]]:
    out: list[tuple[str, int]] = []
    env = os.environ.get(FONT_ENV)
    if env:
        out.append((env, 0))
    out += _shipped_fonts()
    out += list(SYSTEM_FONTS)
    windir = os.environ.get("WINDIR")
    if windir:  # Windows not on C:
        out += [
            (str(Path(windir, "Fonts", Path(p).name)), i)
            for p, i in SYSTEM_FONTS
            if p.startswith("C:")
        ]
    return out


def _try_font(path: str, subfont: int) -> TTFont | None:
    if not os.path.isfile(path):
        return None
    try:
        font = TTFont(FONT_NAME, path, subfontIndex=subfont)
    except (TTFError, OSError, ValueError) as exc:  # CFF outlines, damaged file, no access
        log.info("PDF font %s not usable: %s", path, exc)
        return None
    if ord("中") not in font.face.charToGlyph:
        log.info("PDF font %s has no Chinese glyphs", path)
        return None
    return font


def cjk_font() -> FontChoice:
    """The registered CJK font (found and registered on the first call)."""
    global _font
    if _font is not None:
        return _font
    for path, subfont in font_candidates():
        font = _try_font(path, subfont)
        if font is not None:
            pdfmetrics.registerFont(font)
            # One face for every weight: CJK TrueType fonts rarely ship a bold one, and a
            # <b> in a paragraph must not fail for want of it.
            pdfmetrics.registerFontFamily(
                FONT_NAME, normal=FONT_NAME, bold=FONT_NAME, italic=FONT_NAME, boldItalic=FONT_NAME
            )
            _font = FontChoice(FONT_NAME, path, subfont, True)
            log.info("PDF font: %s (subfont %d), embedded", path, subfont)
            return _font
    pdfmetrics.registerFont(UnicodeCIDFont(CID_FALLBACK))
    _font = FontChoice(CID_FALLBACK, None, 0, False)
    log.warning(
        "No embeddable CJK TrueType font found (install fonts-wqy-zenhei, or set %s); "
        "using the built-in CID font %s, which the PDF viewer must supply",
        FONT_ENV,
        CID_FALLBACK,
    )
    return _font


# --------------------------------------------------------------------------------------------
# Styles and small builders
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    small: ParagraphStyle
    cell_right: ParagraphStyle


_styles: Styles | None = None
GRID = colors.HexColor("#9aa3ad")
SHADE = colors.HexColor("#eef1f4")
HEAD_SHADE = colors.HexColor("#dde3e9")


def styles() -> Styles:
    global _styles
    if _styles is None:
        font = cjk_font().name

        def st(name: str, size: float, leading: float, **kw) -> ParagraphStyle:
            kw.setdefault("alignment", TA_LEFT)
            return ParagraphStyle(
                name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw
            )

        _styles = Styles(
            title=st("ca-title", 16, 20, spaceAfter=1 * mm),
            heading=st(
                "ca-heading",
                11,
                14,
                spaceBefore=2.5 * mm,
                spaceAfter=1.2 * mm,
                textColor=colors.HexColor("#1f3a5f"),
            ),
            body=st("ca-body", 9.5, 13),
            label=st("ca-label", 8, 10, textColor=colors.HexColor("#44505c")),
            value=st("ca-value", 9, 11.5),
            cell=st("ca-cell", 8.5, 11),
            cell_head=st("ca-cell-head", 8.5, 11),
            small=st("ca-small", 7.5, 9.5, textColor=colors.HexColor("#44505c")),
            cell_right=st("ca-cell-right", 8.5, 11, alignment=TA_RIGHT),
        )
    return _styles


#: Look-alikes for characters some CJK fonts lack (WenQuanYi Zen Hei has no U+2022 bullet,
#: which the masks of sensitive fields are made of).
SUBSTITUTES: dict[str, str] = {
    "\u2022": "\u25cf",
    "\u2713": "\u221a",
    "\u2714": "\u221a",
    "\u00a0": " ",
}


def printable(text: str) -> str:
    """``text`` with characters the font has no glyph for replaced by a look-alike, so that
    nothing prints as an empty box or vanishes (a mask must show as a mask)."""
    if text.isascii():
        return text
    glyphs = _glyphs()
    if glyphs is None:
        return text
    out = []
    for ch in text:
        if ord(ch) not in glyphs and ch in SUBSTITUTES:
            ch = SUBSTITUTES[ch]
        out.append(ch)
    return "".join(out)


_glyph_map: dict[int, int] | None = None


def _glyphs() -> dict[int, int] | None:
    global _glyph_map
    if _glyph_map is None:
        face = getattr(pdfmetrics.getFont(cjk_font().name), "face", None)
        _glyph_map = getattr(face, "charToGlyph", None)
    return _glyph_map


def para(text: object, style: ParagraphStyle) -> Paragraph:
    """Plain text as a paragraph: markup characters escaped, line breaks kept."""
    s = "" if text is None else printable(str(text))
    return Paragraph(escape(s).replace("\r\n", "\n").replace("\n", "<br/>"), style)


def _cell(text: object, style: ParagraphStyle, width: float) -> object:
    """A table cell: the plain string when it fits on one line (drawn directly, many times
    faster than a paragraph: matters for a thousand cards), else a wrapping paragraph."""
    s = "" if text is None else printable(str(text))
    if "\n" not in s and pdfmetrics.stringWidth(s, style.fontName, style.fontSize) <= width - 1:
        return s
    return para(s, style)


class TextLine(Flowable):
    """One line of plain text in a paragraph style, drawn directly: no markup parser and no
    line breaking (several times cheaper than a Paragraph; a thousand cards have thousands of
    headings and title lines). Use ``line(text, style, width)``, which falls back to a
    wrapping paragraph when the text is too long for one line."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text = text
        self.style = style

    def wrap(self, availWidth, availHeight):
        self.width = availWidth
        self.height = self.style.leading
        return availWidth, self.height

    def getSpaceBefore(self):  # noqa: N802 - reportlab's name
        return self.style.spaceBefore

    def getSpaceAfter(self):  # noqa: N802
        return self.style.spaceAfter

    def draw(self) -> None:
        st = self.style
        c = self.canv
        c.setFont(st.fontName, st.fontSize)
        c.setFillColor(st.textColor)
        # The baseline where a one-line Paragraph puts it: a font size below the top.
        c.drawString(0, self.height - st.fontSize, self.text)


def line(text: object, style: ParagraphStyle, width: float) -> Flowable:
    """``text`` as a TextLine when it fits ``width`` on one line, else a wrapping paragraph."""
    s = printable("" if text is None else str(text))
    if "\n" not in s and pdfmetrics.stringWidth(s, style.fontName, style.fontSize) <= width:
        return TextLine(s, style)
    return para(s, style)


class Heading(TextLine):
    """A section heading that is never left alone at the foot of a page: with less than
    ``keep`` points left under it, it starts the next page. (reportlab's keepWithNext does
    the same by copying the following flowables, a tenth of the time of a thousand cards.)"""

    def __init__(self, text: object, keep: float = 11 * mm) -> None:
        super().__init__(printable("" if text is None else str(text)), styles().heading)
        self.keep = keep

    def wrap(self, availWidth, availHeight):
        w, h = super().wrap(availWidth, availHeight)
        if availHeight < h + self.style.spaceAfter + self.keep:
            return w, availHeight + 1  # not here: the frame moves it to the next one
        return w, h

    def split(self, availWidth, availHeight):
        return []  # one line: never split


#: Padding inside table cells (points).
PAD = 3


def key_value_block(
    rows: Iterable[Sequence[object]],
    width: float,
    *,
    columns: int = 2,
    label_width: float = 27 * mm,
) -> list[Flowable]:
    """A label/value grid ``width`` wide: ``columns`` pairs a line, wide or long values on a
    line of their own. Splits between rows and inside a long value.

    Returned as a list of flowables that stack into one grid (empty for no rows): runs of
    paired lines and runs of full-width lines are separate, because reportlab loses a column
    span when it splits a row across pages; runs of one-line plain text are drawn directly
    (``_PlainGrid``), the rest are Tables."""
    s = styles()
    value_width = width / columns - label_width
    runs: list[tuple[int, list[list[object]]]] = []  # (pairs per line, lines)
    line: list[object] = []

    def add(pairs: int, cells: list[object]) -> None:
        if runs and runs[-1][0] == pairs:
            runs[-1][1].append(cells)
        else:
            runs.append((pairs, [cells]))

    def flush() -> None:
        nonlocal line
        if line:
            add(columns, line + [""] * (2 * columns - len(line)))
            line = []

    label_room = label_width - 2 * PAD
    for row in rows:
        label, value = row[0], row[1]
        wide = bool(row[2]) if len(row) > 2 else False
        text = "" if value is None else printable(str(value))
        fits = not text or (
            "\n" not in text
            and pdfmetrics.stringWidth(text, s.value.fontName, s.value.fontSize)
            <= value_width - 2 * PAD
        )
        label_cell = (
            label
            if _label_fits(label, s.label.fontName, s.label.fontSize, label_room)
            else para(label, s.label)
        )
        if columns > 1 and ((wide and text) or not fits):
            flush()
            add(1, [label_cell, para(text, s.value)])
        else:
            line += [label_cell, text if fits else para(text, s.value)]
            if len(line) == 2 * columns:
                flush()
    flush()
    return [
        flowable
        for pairs, lines in runs
        for flowable in _kv_flowables(lines, [label_width, width / pairs - label_width] * pairs)
    ]


@functools.lru_cache(maxsize=4096)
def _label_fits(label: str, font: str, size: float, room: float) -> bool:
    # The same few dozen labels on every card of a batch: measured once.
    return (
        "\n" not in label
        and printable(label) == label
        and pdfmetrics.stringWidth(label, font, size) <= room - 1
    )


class _Grid(Table):
    """A Table that skips empty cells when drawing: a card has dozens of empty fields, and
    reportlab would set up and draw an empty string for each (grid and shading are drawn
    apart from the cells, so nothing is lost)."""

    def _drawCell(self, cellval, cellstyle, pos, size):  # noqa: N802 - reportlab's name
        if cellval == "" or cellval is None:
            return
        super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]  # reportlab's private Table method, not in its stubs


class _PlainGrid(Flowable):
    """A grid of one-line plain strings drawn directly: the bulk of a card (its label/value
    lines and most table rows). Looks exactly like the Table it stands for (same padding,
    baseline, shading and rules) at a fraction of the cost: one text object per column
    style, one path for the rules, no per-cell style machinery. Splits between rows; a
    ``header`` line is repeated at the top of every part."""

    TOP, BOTTOM = 1.5, 2.0

    def __init__(
        self,
        lines: list[list[str]],
        col_widths: Sequence[float],
        col_styles: Sequence[ParagraphStyle],
        shaded: Sequence[bool],
        *,
        header: list[str] | None = None,
        header_style: ParagraphStyle | None = None,
        top: float = TOP,
        bottom: float = BOTTOM,
        right: Collection[int] = (),
    ) -> None:
        super().__init__()
        self.TOP, self.BOTTOM = top, bottom
        self.right = frozenset(right)
        self.lines = lines
        self.col_widths = list(col_widths)
        self.col_styles = list(col_styles)
        self.shaded = list(shaded)
        self.header = header
        self.header_style = header_style
        self.row_height = (
            max(st.leading for st in self.col_styles + ([header_style] if header_style else []))
            + self.TOP
            + self.BOTTOM
        )
        self.hAlign = "LEFT"

    def _rows(self) -> int:
        return len(self.lines) + (1 if self.header is not None else 0)

    def wrap(self, availWidth, availHeight):
        self.width = sum(self.col_widths)
        self.height = self._rows() * self.row_height
        return self.width, self.height

    def split(self, availWidth, availHeight):
        head = 1 if self.header is not None else 0
        fit = int(availHeight // self.row_height) - head
        if fit <= 0 or not self.lines:
            return []
        if fit >= len(self.lines):
            return [self]
        return [
            self.__class__(
                part,
                self.col_widths,
                self.col_styles,
                self.shaded,
                header=self.header,
                header_style=self.header_style,
                top=self.TOP,
                bottom=self.BOTTOM,
                right=self.right,
            )
            for part in (self.lines[:fit], self.lines[fit:])
        ]

    def draw(self) -> None:
        c = self.canv
        rh = self.row_height
        n = self._rows()
        height = n * rh
        xs = [0.0]
        for w in self.col_widths:
            xs.append(xs[-1] + w)
        c.saveState()
        # shading: label columns, and the header line
        c.setFillColor(SHADE)
        for col, shade in enumerate(self.shaded):
            if shade:
                c.rect(xs[col], 0, self.col_widths[col], height, stroke=0, fill=1)
        rows = list(self.lines)
        if self.header is not None:
            c.setFillColor(HEAD_SHADE)
            c.rect(0, height - rh, xs[-1], rh, stroke=0, fill=1)
            rows.insert(0, self.header)
        # text, one text object per column style
        groups: dict[int, list[int]] = {}
        for col, st in enumerate(self.col_styles):
            groups.setdefault(id(st), []).append(col)
        for cols in groups.values():
            st = self.col_styles[cols[0]]
            t = c.beginText()
            t.setFont(st.fontName, st.fontSize, st.leading)
            t.setFillColor(st.textColor)
            for r, line in enumerate(rows):
                if r == 0 and self.header is not None:
                    continue
                y = height - r * rh - self.TOP - st.fontSize
                for col in cols:
                    text = line[col] if col < len(line) else ""
                    if text:
                        t.setTextOrigin(self._x(xs, col, text, st), y)
                        t.textOut(text)
            c.drawText(t)
        if self.header is not None:
            st = self.header_style or self.col_styles[0]
            t = c.beginText()
            t.setFont(st.fontName, st.fontSize, st.leading)
            t.setFillColor(st.textColor)
            for col, text in enumerate(self.header):
                if text:
                    t.setTextOrigin(self._x(xs, col, text, st), height - self.TOP - st.fontSize)
                    t.textOut(text)
            c.drawText(t)
        # the rules
        c.setStrokeColor(GRID)
        c.setLineWidth(0.4)
        path = c.beginPath()
        for r in range(n + 1):
            path.moveTo(0, r * rh)
            path.lineTo(xs[-1], r * rh)
        for x in xs:
            path.moveTo(x, 0)
            path.lineTo(x, height)
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    def _x(self, xs: list[float], col: int, text: str, st: ParagraphStyle) -> float:
        if col in self.right:
            return xs[col + 1] - PAD - pdfmetrics.stringWidth(text, st.fontName, st.fontSize)
        return xs[col] + PAD


def _plain(lines: list[list[object]]) -> TypeGuard[list[list[str]]]:
    return all(isinstance(cell, str) for line in lines for cell in line)


def _kv_flowables(lines: list[list[object]], col_widths: list[float]) -> list[Flowable]:
    """Runs of plain lines as _PlainGrid, the others (wrapping text) as a Table."""
    s = styles()
    out: list[Flowable] = []
    i = 0
    while i < len(lines):
        j = i
        plain = _plain([lines[i]])
        while j < len(lines) and _plain([lines[j]]) == plain:
            j += 1
        part = lines[i:j]
        if plain:
            col_styles = [s.label if c % 2 == 0 else s.value for c in range(len(col_widths))]
            out.append(
                _PlainGrid(
                    cast("list[list[str]]", part),
                    col_widths,
                    col_styles,
                    [c % 2 == 0 for c in range(len(col_widths))],
                )
            )
        else:
            out.append(_kv_table(part, col_widths))
        i = j
    return out


def _kv_table(lines: list[list[object]], col_widths: list[float]) -> Table:
    s = styles()
    # Rows of plain one-line strings have a known height; giving it spares reportlab
    # measuring every cell again (a sixth of the time of a thousand cards).
    plain = s.value.leading + 1.5 + 2
    heights = [plain if all(isinstance(c, str) for c in line) else None for line in lines]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), s.value.fontName, s.value.fontSize, s.value.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for c in range(0, len(col_widths), 2):
        style += [
            ("BACKGROUND", (c, 0), (c, -1), SHADE),
            ("FONT", (c, 0), (c, -1), s.label.fontName, s.label.fontSize, s.label.leading),
            ("TEXTCOLOR", (c, 0), (c, -1), s.label.textColor),
        ]
    return _Grid(
        lines,
        colWidths=col_widths,
        rowHeights=heights,
        style=TableStyle(style),
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
    )


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    col_widths: Sequence[float],
    *,
    right: Collection[int] = (),
) -> Flowable:
    """A grid with a shaded header row that repeats on every page the table continues on;
    the columns in ``right`` (amounts, counts) are right-aligned."""
    s = styles()
    right = frozenset(right)
    cell_style = [s.cell_right if c in right else s.cell for c in range(len(col_widths))]
    data = [[_cell(h, s.cell_head, w - 2 * PAD) for h, w in zip(header, col_widths, strict=True)]]
    for row in rows:
        data.append(
            [
                _cell(v, cell_style[c], w - 2 * PAD)
                for c, (v, w) in enumerate(zip(row, col_widths, strict=True))
            ]
        )
    if _plain(data):  # every cell one line: drawn directly
        return _PlainGrid(
            data[1:],
            col_widths,
            [s.cell] * len(col_widths),
            [False] * len(col_widths),
            header=data[0],
            header_style=s.cell_head,
            top=2,
            bottom=2.5,
            right=right,
        )
    aligned = [("ALIGN", (c, 0), (c, -1), "RIGHT") for c in sorted(right)]
    return _Grid(
        data,
        colWidths=list(col_widths),
        repeatRows=1,
        splitByRow=1,
        splitInRow=1,
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), s.cell.fontName, s.cell.fontSize, s.cell.leading),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("GRID", (0, 0), (-1, -1), 0.4, GRID),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), PAD),
                ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                *aligned,
            ]
        ),
    )


# --------------------------------------------------------------------------------------------
# Codes
# --------------------------------------------------------------------------------------------


class QrCode(Flowable):
    """A QR code ``size`` points square, drawn as vector rectangles (one per run of dark
    modules in a row). Encoded by the ``qrcode`` package (error correction M, quiet zone of
    two modules: enough on white paper, and it saves room on labels).

    The mask pattern is fixed: any of the eight is valid QR; choosing the "best" one scores
    all eight in pure Python and made up a quarter of the time of a thousand cards."""

    MASK = 4

    def __init__(self, data: str, size: float = 24 * mm, border: int = 2) -> None:
        super().__init__()
        import qrcode
        from qrcode.constants import ERROR_CORRECT_M

        qr = qrcode.QRCode(error_correction=ERROR_CORRECT_M, border=border, mask_pattern=self.MASK)
        qr.add_data(data)
        qr.make(fit=True)
        self.matrix = qr.get_matrix()
        self.data = data
        self.width = self.height = size

    def wrap(self, availWidth, availHeight):
        return self.width, self.height

    def draw(self) -> None:
        n = len(self.matrix)
        module = self.width / n
        c = self.canv
        c.saveState()
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)
        path = c.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (r + 1) * module
            x = 0
            while x < n:
                if row[x]:
                    start = x
                    while x < n and row[x]:
                        x += 1
                    path.rect(start * module, y, (x - start) * module, module)
                else:
                    x += 1
        c.drawPath(path, stroke=0, fill=1)
        c.restoreState()


class _Code128(Code128):
    """Code 128 whose size includes the human-readable line under the bars (reportlab's own
    leaves it out, so the next flowable would overlap the text)."""

    def wrap(self, availWidth, availHeight):
        w, h = super().wrap(availWidth, availHeight)
        return w, h + (self.fontSize + 2 if self.humanReadable else 0)

    def draw(self) -> None:
        if self.humanReadable:
            self.canv.translate(0, self.fontSize + 2)
        super().draw()


def code128(
    value: str,
    *,
    bar_height: float = 10 * mm,
    bar_width: float = 0.3 * mm,
    human_readable: bool = True,
) -> Flowable:
    """A Code 128 barcode flowable. Code 128 holds ASCII only: anything else is a ValueError
    (print the value as text and a QR code instead)."""
    if not value or not all(32 <= ord(ch) < 127 for ch in value):
        raise ValueError(f"Code 128 holds printable ASCII only: {value!r}")
    return _Code128(
        value,
        barHeight=bar_height,
        barWidth=bar_width,
        humanReadable=human_readable,
        quiet=True,
        fontName=cjk_font().name,
        fontSize=8,
    )


# --------------------------------------------------------------------------------------------
# Document: sections, progress, page template
# --------------------------------------------------------------------------------------------


class Section(Flowable):
    """Starts a section (one card of a batch): its pages are numbered "x of y" on their own,
    and ``title`` is shown at the right of their header. Put a PageBreak before it to start
    on a new page."""

    def __init__(self, key: object, title: str = "") -> None:
        super().__init__()
        self.key = key
        self.title = title
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        pass

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802 - reportlab's name
        if isinstance(canvas, _NumberedCanvas):
            canvas.begin_section(self.key, self.title)


class ProgressMark(Flowable):
    """Reports ``progress(done, total)`` when laid out; raises ``Cancelled`` when
    ``cancelled()`` says so. Zero size."""

    def __init__(
        self,
        done: int,
        total: int,
        progress: Callable[[int, int], None] | None,
        cancelled: Callable[[], bool] | None,
    ) -> None:
        super().__init__()
        self.done, self.total = done, total
        self.progress, self.cancelled = progress, cancelled
        self.width = self.height = 0

    def wrap(self, availWidth, availHeight):
        return 0, 0

    def draw(self) -> None:
        pass

    def drawOn(self, canvas, x, y, _sW=0):  # noqa: N802
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done, self.total)


@dataclass(frozen=True)
class PageSetup:
    """What goes around the content of every page."""

    title: str  # the document's title: header left, PDF metadata
    printed_by: str
    printed_at: _dt.datetime | None = None  # default: now (local time)
    lang: str = "en"
    subject: str = ""
    furniture: bool = True  # False: no header and footer (label sheets)

    def printed_text(self) -> str:
        when = (self.printed_at or _dt.datetime.now()).astimezone().strftime("%Y-%m-%d %H:%M")
        return PAGE_TEXTS[lang_key(self.lang)]["printed"].format(when=when, user=self.printed_by)


MARGIN = 15 * mm
HEADER_SPACE = 11 * mm
FOOTER_SPACE = 10 * mm


class _NumberedCanvas(Canvas):
    """Defers each page until the end, so that "page x of y" can be written once y is known
    (per section). The usual reportlab recipe; pages are kept as their content streams."""

    setup: PageSetup  # set by a subclass made in _canvas_class

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._saved: list[dict] = []
        self._section_key: object = None
        self._section_title = ""
        self._page_sections: list[tuple[object, str]] = []
        self._pending: tuple[object, str] | None = None

    def begin_section(self, key: object, title: str) -> None:
        # A section begins on the page being drawn now.
        self._section_key, self._section_title = key, title

    def showPage(self) -> None:  # noqa: N802
        self._page_sections.append((self._section_key, self._section_title))
        self._saved.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab's private Canvas method, not in its stubs

    def save(self) -> None:
        counts: dict[object, int] = {}
        for key, _ in self._page_sections:
            counts[key] = counts.get(key, 0) + 1
        seen: dict[object, int] = {}
        texts = PAGE_TEXTS[lang_key(self.setup.lang)]
        printed = self.setup.printed_text()
        saved, self._saved = self._saved, []
        saved.reverse()
        for key, title in self._page_sections:
            state = saved.pop()  # each page's state freed once written (see _build)
            self.__dict__.update(state)
            seen[key] = seen.get(key, 0) + 1
            self._furniture(title, printed, texts["page"].format(page=seen[key], pages=counts[key]))
            super().showPage()
        super().save()

    def _furniture(self, section_title: str, printed: str, page_text: str) -> None:
        if not self.setup.furniture:
            return
        width, height = self._pagesize  # type: ignore[attr-defined]  # reportlab's private Canvas attribute, not in its stubs
        font = cjk_font().name
        self.saveState()
        self.setFont(font, 8)
        self.setFillColor(colors.HexColor("#44505c"))
        self.setStrokeColor(GRID)
        self.setLineWidth(0.5)
        top = height - MARGIN + 2 * mm
        self.drawString(MARGIN, top, printable(self.setup.title))
        if section_title:
            self.drawRightString(width - MARGIN, top, printable(section_title))
        self.line(MARGIN, top - 1.5 * mm, width - MARGIN, top - 1.5 * mm)
        bottom = MARGIN - 4 * mm
        self.line(MARGIN, bottom + 3.5 * mm, width - MARGIN, bottom + 3.5 * mm)
        self.drawString(MARGIN, bottom, printable(printed))
        self.drawRightString(width - MARGIN, bottom, page_text)
        self.restoreState()


def _canvas_class(setup: PageSetup) -> type[_NumberedCanvas]:
    return type("PageCanvas", (_NumberedCanvas,), {"setup": setup})


class _Doc(BaseDocTemplate):
    def __init__(self, target, setup: PageSetup, pagesize) -> None:
        super().__init__(
            target,
            pagesize=pagesize,
            title=setup.title,
            author=setup.printed_by,
            subject=setup.subject,
            creator="Customer Archive",
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + HEADER_SPACE - 6 * mm,
            bottomMargin=MARGIN + FOOTER_SPACE - 6 * mm,
            invariant=0,
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            id="body",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )
        self.addPageTemplates([PageTemplate(id="page", frames=[frame])])


def content_width(pagesize=A4) -> float:
    """The width flowables have on a page (for key_value_block, data_table)."""
    return pagesize[0] - 2 * MARGIN


def _build(target, story: list[Flowable], setup: PageSetup, pagesize) -> int:
    cjk_font()
    doc = _Doc(target, setup, pagesize)
    canvas_cls = _canvas_class(setup)
    pages: list[int] = []

    class Counting(canvas_cls):  # type: ignore[misc, valid-type]
        def save(self) -> None:
            pages.append(len(self._page_sections))
            super().save()

    # The story is consumed as it is laid out (platypus deletes each flowable once placed), so
    # a batch is freed a piece at a time: freeing a thousand cards' flowables at once at the
    # end held the interpreter lock for ~100 ms and froze the window.
    doc.build(story, canvasmaker=Counting)
    return pages[0] if pages else 0


def write_pdf(
    target: str | os.PathLike, story: list[Flowable], setup: PageSetup, *, pagesize=A4
) -> int:
    """Lay out ``story`` and write it to ``target`` atomically; returns the page count.
    The list is consumed (emptied) as it is laid out.
    ``Cancelled`` (from a ProgressMark) or any error leaves ``target`` as it was."""
    with atomic_output(target) as f:
        return _build(f, story, setup, pagesize)


def build_pdf_bytes(story: list[Flowable], setup: PageSetup, *, pagesize=A4) -> tuple[bytes, int]:
    buf = io.BytesIO()
    pages = _build(buf, story, setup, pagesize)
    return buf.getvalue(), pages
