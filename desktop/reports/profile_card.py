"""The customer profile card (客户基本资料卡) on A4, one card or a batch in one PDF.

Built on ``pdf_layout``: a head with the title, company name, archive number (as text and QR
code), status and tier; then the three blocks (docs/domain.md, The customer card) with every field
of the field
registry (empty fields print as empty boxes, as on a paper card), the contacts, the office's
bookkeeping, and the most recent transactions and follow-ups. Each card starts a new page and
numbers its pages on its own ("page 1 of 2"); long text continues on the next page.

The cards come in as ``services.customers.Card`` objects, i.e. already as the printing user
may see them: masked fields print masked. No Qt here.
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Callable, Iterable, Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ..domain.customer import (
    BLOCK_LABELS,
    CONTACT_FIELDS,
    FIELDS,
    FOLLOW_UP_FIELDS,
    TRANSACTION_FIELDS,
    FieldSpec,
    Tier,
    enum_label,
)
from ..domain.validation import format_phone
from . import pdf_layout as L

#: How many of the newest transactions and follow-ups a card shows.
RECENT = 10

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Customer Profile Card",
        "contacts": "Contacts",
        "recent_transactions": "Recent transactions",
        "recent_follow_ups": "Recent follow-ups",
        "none": "None.",
        "yes": "Yes",
        "no": "No",
        "more": "{shown} newest of {total}",
        "cards": "Customer Profile Cards",
    },
    "zh": {
        "title": "客户基本资料卡",
        "contacts": "联系人",
        "recent_transactions": "近期交易记录",
        "recent_follow_ups": "近期回访记录",
        "none": "无。",
        "yes": "是",
        "no": "否",
        "more": "最近 {shown} 条，共 {total} 条",
        "cards": "客户基本资料卡",
    },
}

# The card's head shows these; the blocks below leave them out.
_HEAD_FIELDS = {"name", "archive_no"}
QR_SIZE = 24 * mm


def texts(lang: str) -> dict[str, str]:
    return TEXTS[L.lang_key(lang)]


def format_value(spec: FieldSpec | None, value: object, lang: str, *, masked: bool = False) -> str:
    """A stored value as printed: labels for enums, national phone form, amounts with
    thousands separators, tags joined; a masked value exactly as the service masked it."""
    if value is None or value == "" or value == []:
        return ""
    if masked:
        return str(value)
    kind = spec.kind if spec else "text"
    t = texts(lang)
    if kind == "enum" and spec is not None and spec.enum is not None:
        try:
            return enum_label(
                spec.enum(value if not isinstance(value, Enum) else value.value), lang
            )
        except ValueError:
            return str(value)
    if kind == "bool":
        return t["yes"] if value else t["no"]
    if kind == "phone":
        return format_phone(str(value))
    if kind == "money":
        try:
            return f"{Decimal(str(value)):,.2f}"
        except InvalidOperation:
            return str(value)
    if kind == "int" and isinstance(value, int):
        return f"{value:,}"
    if kind == "tags" and isinstance(value, (list, tuple)):
        return ("、" if L.lang_key(lang) == "zh" else ", ").join(str(v) for v in value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def label_width(lang: str) -> float:
    """English labels are longer ("Legal representative"): a wider label column."""
    return 27 * mm if L.lang_key(lang) == "zh" else 34 * mm


def _block_rows(card, block: str, lang: str) -> list[tuple[str, str, bool]]:
    masked = set(card.masked)
    rows = []
    for spec in FIELDS:
        if spec.block != block or spec.name in _HEAD_FIELDS:
            continue
        rows.append(
            (
                spec.label(lang),
                format_value(spec, card.values.get(spec.name), lang, masked=spec.name in masked),
                spec.kind == "longtext",
            )
        )
    return rows


def _head(card, lang: str, width: float) -> Table:
    s = L.styles()
    t = texts(lang)
    v = card.values
    no = str(v.get("archive_no") or "")
    status = format_value(_spec("status"), v.get("status"), lang)
    tier = v.get("tier")
    tier_text = ""
    if tier:
        tier_value = tier.value if isinstance(tier, Enum) else str(tier)
        tier_text = f"{tier_value} · {enum_label(Tier(tier_value), lang)}"
    sep = "：" if L.lang_key(lang) == "zh" else ": "
    gap = "　　" if L.lang_key(lang) == "zh" else " | "
    room = width - QR_SIZE - 4 * mm
    left = [
        L.line(t["title"], s.title, room),
        L.line(v.get("name"), s.heading, room),
        L.line(f"{_spec('archive_no').label(lang)}{sep}{no}", s.body, room),
        L.line(
            f"{_spec('status').label(lang)}{sep}{status}{gap}{_spec('tier').label(lang)}{sep}{tier_text}",
            s.body,
            room,
        ),
    ]
    right: Flowable | str = L.QrCode(no, size=QR_SIZE) if no else ""
    table = Table(
        [[left, right]], colWidths=[width - QR_SIZE - 4 * mm, QR_SIZE + 4 * mm], hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
            ]
        )
    )
    return table


def _spec(name: str, specs: Sequence[FieldSpec] = FIELDS) -> FieldSpec:
    return next(s for s in specs if s.name == name)


def _heading(text: str) -> Flowable:
    return L.Heading(text)


def _contacts(card, lang: str, width: float) -> list[Flowable]:
    t = texts(lang)
    out: list[Flowable] = [_heading(t["contacts"])]
    if not card.contacts:
        return out + [L.para(t["none"], L.styles().body)]
    masked = set(card.masked)
    specs = CONTACT_FIELDS
    widths = [0.13, 0.13, 0.14, 0.14, 0.13, 0.2, 0.07, 0.06]
    rows = []
    for i, contact in enumerate(card.contacts):
        rows.append(
            [
                format_value(
                    spec,
                    contact.get(spec.name),
                    lang,
                    masked=f"contacts[{i}].{spec.name}" in masked,
                )
                for spec in specs
            ]
        )
    return out + [
        L.data_table([spec.label(lang) for spec in specs], rows, [w * width for w in widths])
    ]


def _recent(
    title: str,
    entries: list[dict],
    specs: Sequence[FieldSpec],
    widths: Sequence[float],
    lang: str,
    width: float,
) -> list[Flowable]:
    right = [i for i, spec in enumerate(specs) if spec.kind in ("money", "int")]  # amounts
    t = texts(lang)
    heading = title
    if len(entries) > RECENT:
        heading += (
            "（" + t["more"].format(shown=RECENT, total=len(entries)) + "）"
            if L.lang_key(lang) == "zh"
            else f" ({t['more'].format(shown=RECENT, total=len(entries))})"
        )
    out: list[Flowable] = [_heading(heading)]
    if not entries:
        return out + [L.para(t["none"], L.styles().body)]
    rows = [
        [format_value(spec, e.get(spec.name), lang) for spec in specs] for e in entries[:RECENT]
    ]
    return out + [
        L.data_table(
            [spec.label(lang) for spec in specs], rows, [w * width for w in widths], right=right
        )
    ]


def card_story(card, lang: str, width: float | None = None) -> list[Flowable]:
    """The flowables of one card (no page break, no section marker)."""
    width = width or L.content_width()
    story: list[Flowable] = [_head(card, lang, width), Spacer(1, 2 * mm)]
    for block in ("basic", "characteristics", "transactions", "bookkeeping"):
        story.append(_heading(BLOCK_LABELS[block][1 if L.lang_key(lang) == "zh" else 0]))
        story += L.key_value_block(
            _block_rows(card, block, lang), width, label_width=label_width(lang)
        )
        if block == "basic":
            story += _contacts(card, lang, width)
    t = texts(lang)
    story += _recent(
        t["recent_transactions"],
        card.transactions,
        TRANSACTION_FIELDS,
        [0.13, 0.15, 0.15, 0.15, 0.17, 0.25],
        lang,
        width,
    )
    story += _recent(
        t["recent_follow_ups"],
        card.follow_ups,
        FOLLOW_UP_FIELDS,
        [0.13, 0.1, 0.62, 0.15],
        lang,
        width,
    )
    return story


def section_title(card) -> str:
    v = card.values
    return f"{v.get('archive_no') or ''}  {v.get('name') or ''}".strip()


def cards_story(
    cards: Iterable,
    lang: str,
    *,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Flowable]:
    """Many cards, each on new pages; progress is reported as each card is laid out."""
    story: list[Flowable] = []
    for i, card in enumerate(cards):
        if cancelled is not None and cancelled():
            raise L.Cancelled()
        if story:
            story.append(PageBreak())
        story.append(L.Section(card.id, section_title(card)))
        story += card_story(card, lang)
        story.append(L.ProgressMark(i + 1, total, progress, cancelled))
    return story


def write_cards(
    target,
    cards: Sequence,
    lang: str,
    printed_by: str,
    *,
    printed_at: _dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the cards to ``target`` (atomically); returns the page count. ``progress(done,
    total)`` is called as each card is laid out; ``cancelled()`` returning True stops with
    ``pdf_layout.Cancelled`` and leaves ``target`` as it was."""
    story, setup = _document(cards, lang, printed_by, printed_at, progress, cancelled)
    return L.write_pdf(target, story, setup)


def cards_pdf_bytes(
    cards: Sequence,
    lang: str,
    printed_by: str,
    *,
    printed_at: _dt.datetime | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> tuple[bytes, int]:
    """The same PDF in memory (for the printer and the preview: no copy of the cards in a
    temporary file); returns (data, pages)."""
    story, setup = _document(cards, lang, printed_by, printed_at, progress, cancelled)
    return L.build_pdf_bytes(story, setup)


def _document(cards, lang, printed_by, printed_at, progress, cancelled):
    t = texts(lang)
    setup = L.PageSetup(
        t["title"] if len(cards) == 1 else t["cards"],
        printed_by,
        printed_at,
        lang,
        subject=section_title(cards[0]) if len(cards) == 1 else "",
    )
    story = cards_story(cards, lang, total=len(cards), progress=progress, cancelled=cancelled)
    if not story:
        story = [L.para(t["none"], L.styles().body)]
    return story, setup
