"""The handover list (交接清单) of a departing employee's customers (离职交接, docs/domain.md, Changes and
handover): who handed over to whom, when, why, every customer (and loaned item, once the register
records them) that moved, and lines for both sides and the supervising manager to sign.
Built on ``pdf_layout``; no Qt here.
"""

from __future__ import annotations

import datetime as _dt
from typing import Any, Mapping

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from . import pdf_layout as L

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Customer Handover List",
        "number": "Handover no.",
        "from": "Handed over by",
        "to": "Received by",
        "at": "Date",
        "reason": "Reason",
        "approval": "Approval request",
        "customers": "Customers handed over ({count})",
        "loans": "Items on loan ({count})",
        "item_no": "Item number",
        "item": "Item",
        "state": "State",
        "due": "Due back",
        "seq": "No.",
        "archive_no": "Archive number",
        "name": "Company name",
        "none": "None.",
        "sign_from": "Handed over by (signature)",
        "sign_to": "Received by (signature)",
        "sign_manager": "Supervised by (signature)",
        "sign_date": "Date",
    },
    "zh": {
        "title": "客户交接清单",
        "number": "交接编号",
        "from": "移交人",
        "to": "接收人",
        "at": "交接时间",
        "reason": "交接原因",
        "approval": "审批单号",
        "customers": "移交客户（共 {count} 户）",
        "loans": "在借物品（共 {count} 件）",
        "item_no": "物品编号",
        "item": "物品",
        "state": "状态",
        "due": "应还日期",
        "seq": "序号",
        "archive_no": "档案编号",
        "name": "企业名称",
        "none": "无。",
        "sign_from": "移交人签字",
        "sign_to": "接收人签字",
        "sign_manager": "监交人签字",
        "sign_date": "日期",
    },
}


def _when(at: str) -> str:
    try:
        return _dt.datetime.fromisoformat(at).astimezone().strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(at)


def _person(name: str, user: str) -> str:
    return user if not name or name == user else f"{name} ({user})"


def handover_story(data: Mapping[str, Any], lang: str) -> list[Flowable]:
    t = TEXTS[L.lang_key(lang)]
    s = L.styles()
    width = L.content_width()
    story: list[Flowable] = [L.para(t["title"], s.title)]
    rows: list[tuple[object, ...]] = [
        (t["number"], str(data["id"])),
        (t["at"], _when(str(data["at"]))),
        (t["from"], _person(str(data.get("from_name") or ""), str(data["from_user"]))),
        (t["to"], _person(str(data.get("to_name") or ""), str(data["to_user"]))),
    ]
    if data.get("approval_id"):
        rows.append((t["approval"], f"#{data['approval_id']}"))
    rows.append((t["reason"], data.get("reason") or "", True))
    story += L.key_value_block(rows, width)
    # In archive-number order: how the paper dossiers are filed and checked off.
    customers = sorted(data.get("customers") or [], key=lambda c: str(c.get("archive_no") or ""))
    story.append(L.Heading(t["customers"].format(count=len(customers))))
    if customers:
        story.append(
            L.data_table(
                [t["seq"], t["archive_no"], t["name"]],
                [
                    [str(i), c.get("archive_no") or "", c.get("name") or ""]
                    for i, c in enumerate(customers, 1)
                ],
                [14 * mm, 40 * mm, width - 54 * mm],
            )
        )
    else:
        story.append(L.para(t["none"], s.body))
    loans = list(data.get("loans") or [])
    if loans:
        from ..domain.loans import STATE_LABELS, LoanState

        def state(value: str) -> str:
            en, zh = STATE_LABELS[LoanState(value)]
            return zh if lang.startswith("zh") else en

        story.append(L.Heading(t["loans"].format(count=len(loans))))
        story.append(
            L.data_table(
                [t["seq"], t["item_no"], t["item"], t["state"], t["due"]],
                [
                    [
                        str(i),
                        str(loan.get("item_no") or ""),
                        str(loan.get("item") or ""),
                        state(loan["state"]),
                        str(loan.get("due") or ""),
                    ]
                    for i, loan in enumerate(loans, 1)
                ],
                [14 * mm, 36 * mm, width - 104 * mm, 24 * mm, 30 * mm],
            )
        )
    story += [Spacer(1, 12 * mm), _signatures(t, width)]
    return story


def _signatures(t: Mapping[str, str], width: float) -> Table:
    """Three signature boxes (handed over, received, supervised), each with its own line."""
    s = L.styles()
    gap = 8 * mm
    col = (width - 2 * gap) / 3
    keys = ("sign_from", "sign_to", "sign_manager")
    cells: list[list[object]] = [
        [L.para(t[k], s.label) if i % 2 == 0 else "" for i, k in enumerate(_with_gaps(keys))],
        [""] * 5,
        [L.para(t["sign_date"], s.label) if i % 2 == 0 else "" for i in range(5)],
    ]
    table = Table(
        cells, colWidths=[col, gap, col, gap, col], rowHeights=[None, 14 * mm, None], hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [("LINEBELOW", (c, 1), (c, 1), 0.6, L.GRID) for c in (0, 2, 4)]
            + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    return table


def _with_gaps(keys: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for k in keys:
        if out:
            out.append("")
        out.append(k)
    return out


def write_handover(
    target,
    data: Mapping[str, object],
    lang: str,
    printed_by: str,
    *,
    printed_at: _dt.datetime | None = None,
) -> int:
    """Write the handover list atomically to ``target``; returns the page count."""
    t = TEXTS[L.lang_key(lang)]
    setup = L.PageSetup(t["title"], printed_by, printed_at, lang)
    return L.write_pdf(target, handover_story(data, lang), setup)


def handover_pdf_bytes(
    data: Mapping[str, object],
    lang: str,
    printed_by: str,
    *,
    printed_at: _dt.datetime | None = None,
) -> tuple[bytes, int]:
    """The same PDF in memory (for the preview and printers); returns (data, pages)."""
    t = TEXTS[L.lang_key(lang)]
    return L.build_pdf_bytes(
        handover_story(data, lang), L.PageSetup(t["title"], printed_by, printed_at, lang)
    )
