"""The loan slip (借阅单) and dossier labels of the archive register (docs/domain.md, The archive
register), built on
``pdf_layout`` (embedded CJK font, atomic write). No Qt here.

The slip is what borrower and custodian sign at the hand-out: what, to whom, what for, until
when, approved by whom, the condition, the terms, and a part for the return. The item number
is printed as text, as a QR code and, when it is plain ASCII, as a Code 128 barcode, so that
the handheld scanner at the custodian's desk reads it back into the register's scan field.
Labels carry the same number and code, for the dossier's spine or the item's box.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path
from typing import Any, Iterable, Mapping

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from . import pdf_layout as L

TEXTS: dict[str, dict[str, Any]] = {  # labels are str; "terms" is a list of str
    "en": {
        "title": "Archive Loan Slip",
        "labels": "Item Labels",
        "loan": "Loan no.",
        "item": "Item",
        "kind": "Kind",
        "value": "Value class",
        "customer": "Customer",
        "borrower": "Borrower",
        "purpose": "Purpose",
        "period": "Loan period",
        "due": "Due back",
        "approved": "Approved by",
        "out": "Handed out",
        "condition_out": "Condition at hand-out",
        "direction": "Direction",
        "lent_out": "lent out",
        "taken_in": "taken into custody (customer's material)",
        "ordinary": "ordinary",
        "valuable": "valuable",
        "terms_title": "Terms",
        "terms": [
            "The borrower keeps the item safe, uses it only for the purpose above, and neither "
            "copies it nor passes it on without the custodian's consent.",
            "The item comes back by the due date, complete and in the condition noted above. A "
            "longer loan is a renewal, which needs the same approval as the loan.",
            "Loss or damage is reported to the custodian at once.",
            "Valuable items and customers' materials leave and come back only against the "
            "signatures of both sides.",
        ],
        "sign_borrower": "Borrower (signature)",
        "sign_custodian": "Custodian (signature)",
        "sign_date": "Date",
        "return_title": "Return",
        "returned_at": "Returned on",
        "condition_in": "Condition on return",
        "received": "Received by (signature)",
        "colleague": "colleague",
        "department": "department",
        "outside": "outside party",
        "dossier": "dossier",
        "sample": "sample",
        "equipment": "equipment",
        "document": "document",
        "customer_material": "customer's material",
        "shelf": "Shelf",
    },
    "zh": {
        "title": "档案借阅单",
        "labels": "物品标签",
        "loan": "借阅编号",
        "item": "物品",
        "kind": "类别",
        "value": "价值等级",
        "customer": "客户",
        "borrower": "借用人",
        "purpose": "用途",
        "period": "借用期间",
        "due": "应还日期",
        "approved": "批准人",
        "out": "借出",
        "condition_out": "借出时状况",
        "direction": "方向",
        "lent_out": "借出",
        "taken_in": "代为保管（客户材料）",
        "ordinary": "普通",
        "valuable": "贵重",
        "terms_title": "借阅须知",
        "terms": [
            "借用人应妥善保管物品，仅用于上述用途，未经保管员同意不得复制或转借他人。",
            "物品须于应还日期前完整归还，状况与借出时一致。需延长借期的，须办理续借，续借与借阅同样需要审批。",
            "如有遗失或损坏，应立即告知保管员。",
            "贵重物品及客户材料的交出与归还，须经双方签字确认。",
        ],
        "sign_borrower": "借用人签字",
        "sign_custodian": "保管员签字",
        "sign_date": "日期",
        "return_title": "归还登记",
        "returned_at": "归还日期",
        "condition_in": "归还时状况",
        "received": "接收人签字",
        "colleague": "同事",
        "department": "部门",
        "outside": "外部单位",
        "dossier": "档案卷宗",
        "sample": "样品",
        "equipment": "设备",
        "document": "文件",
        "customer_material": "客户材料",
        "shelf": "存放位置",
    },
}


def _when(at: object) -> str:
    if not at:
        return ""
    try:
        return _dt.datetime.fromisoformat(str(at)).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(at)


def _codes(item_no: str, size: float) -> list[Flowable]:
    """A QR code, and a Code 128 barcode when the number is plain ASCII."""
    out: list[Flowable] = [L.QrCode(item_no, size)]
    try:
        out.append(L.code128(item_no, bar_height=8 * mm, bar_width=0.28 * mm))
    except ValueError:
        pass  # Chinese in the number: the QR code (UTF-8) carries it
    return out


def slip_story(loan: Mapping[str, object], lang: str) -> list[Flowable]:
    t = TEXTS[L.lang_key(lang)]
    s = L.styles()
    width = L.content_width()
    code_width = 48 * mm
    head = Table(
        [
            [
                [
                    L.para(t["title"], s.title),
                    L.para(f"{t['loan']} #{loan['id']}　{loan['item_no']}", s.heading),
                ],
                _codes(str(loan["item_no"]), 26 * mm),
            ]
        ],
        colWidths=[width - code_width, code_width],
        hAlign="LEFT",
    )
    head.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    customer = " ".join(
        str(x) for x in (loan.get("customer_archive_no"), loan.get("customer_name")) if x
    )
    borrower = (
        f"{loan['borrower']}（{t.get(str(loan.get('borrower_kind')), loan.get('borrower_kind'))}）"
        if lang.startswith("zh")
        else f"{loan['borrower']} ({t.get(str(loan.get('borrower_kind')), '')})"
    )
    rows = [
        (t["item"], f"{loan['item_no']}  {loan.get('item_description') or ''}", True),
        (t["kind"], t.get(str(loan.get("item_kind")), loan.get("item_kind"))),
        (t["value"], t.get(str(loan.get("value_class")), loan.get("value_class"))),
        (t["customer"], customer),
        (t["shelf"], loan.get("shelf_location") or ""),
        (t["borrower"], borrower),
        (t["direction"], t[str(loan.get("direction") or "lent_out")]),
        (t["purpose"], loan.get("purpose") or "", True),
        (t["period"], f"{loan['wanted_from']} — {loan['wanted_until']}"),
        (t["due"], str(loan["due"])),
        (
            t["approved"],
            " ".join(
                x for x in (str(loan.get("decided_by") or ""), _when(loan.get("decided_at"))) if x
            ),
        ),
        (
            t["out"],
            " ".join(
                x
                for x in (str(loan.get("handed_out_by") or ""), _when(loan.get("handed_out_at")))
                if x
            ),
        ),
        (t["condition_out"], loan.get("condition_out") or "", True),
    ]
    story: list[Flowable] = [head, Spacer(1, 3 * mm)]
    story += L.key_value_block(rows, width)
    story.append(L.Heading(t["terms_title"]))
    story += [L.para(f"{n}. {term}", s.body) for n, term in enumerate(t["terms"], 1)]
    story += [
        Spacer(1, 10 * mm),
        _signature_row([t["sign_borrower"], t["sign_custodian"], t["sign_date"]], width),
    ]
    story.append(L.Heading(t["return_title"]))
    story += L.key_value_block(
        [
            (t["returned_at"], _when(loan.get("returned_at"))),
            (t["condition_in"], loan.get("condition_in") or ""),
        ],
        width,
    )
    story += [
        Spacer(1, 8 * mm),
        _signature_row([t["received"], t["sign_borrower"], t["sign_date"]], width),
    ]
    return story


def _signature_row(labels: list[str], width: float) -> Table:
    """A line to sign on above each label."""
    s = L.styles()
    gap = 8 * mm
    col = (width - gap * (len(labels) - 1)) / len(labels)
    widths: list[float] = []
    cells_top: list[object] = []
    cells_label: list[object] = []
    for i, label in enumerate(labels):
        if i:
            widths.append(gap)
            cells_top.append("")
            cells_label.append("")
        widths.append(col)
        cells_top.append("")
        cells_label.append(L.para(label, s.label))
    table = Table(
        [cells_top, cells_label], colWidths=widths, rowHeights=[14 * mm, None], hAlign="LEFT"
    )
    table.setStyle(
        TableStyle(
            [("LINEBELOW", (c, 0), (c, 0), 0.6, L.GRID) for c in range(0, len(widths), 2)]
            + [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    return table


def write_slip(
    target, loan: Mapping[str, object], *, lang: str = "zh", printed_by: str | None = None
) -> Path:
    """Write the loan's slip atomically to ``target``."""
    t = TEXTS[L.lang_key(lang)]
    setup = L.PageSetup(
        t["title"],
        printed_by or str(loan.get("handed_out_by") or loan.get("requested_by") or ""),
        None,
        lang,
        subject=f"#{loan['id']} {loan['item_no']}",
    )
    L.write_pdf(target, slip_story(loan, lang), setup)
    return Path(target)


# ------------------------------------------------------------------ labels
LABEL_W, LABEL_H = 90 * mm, 36 * mm
LABEL_COLUMNS = 2


def _label(item: Mapping[str, object], lang: str) -> Table:
    t = TEXTS[L.lang_key(lang)]
    s = L.styles()
    qr = 28 * mm
    text_w = LABEL_W - qr - 6 * mm
    big = L.styles().title
    lines: list[Flowable] = [
        L.line(str(item["item_no"]), big, text_w),
        L.para(str(item.get("description") or ""), s.value),
    ]
    owner = " ".join(
        str(x) for x in (item.get("customer_archive_no"), item.get("customer_name")) if x
    )
    if owner and owner != f"{item['item_no']} {item.get('description')}":
        lines.append(L.para(owner, s.small))
    extra = [t.get(str(item.get("kind")), str(item.get("kind")))]
    if item.get("shelf_location"):
        extra.append(f"{t['shelf']} {item['shelf_location']}")
    if item.get("value_class") == "valuable":
        extra.append(t["valuable"])
    lines.append(L.para(" · ".join(extra), s.small))
    cell = Table(
        [[L.QrCode(str(item["item_no"]), qr), lines]],
        colWidths=[qr + 2 * mm, text_w],
        rowHeights=[LABEL_H - 4 * mm],
    )
    cell.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 1 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1 * mm),
            ]
        )
    )
    return cell


def labels_story(items: Iterable[Mapping[str, object]], lang: str) -> list[Flowable]:
    cells = [_label(i, lang) for i in items]
    rows = [
        cells[k : k + LABEL_COLUMNS] + [""] * (LABEL_COLUMNS - len(cells[k : k + LABEL_COLUMNS]))
        for k in range(0, len(cells), LABEL_COLUMNS)
    ]
    table = Table(
        rows, colWidths=[LABEL_W] * LABEL_COLUMNS, rowHeights=[LABEL_H] * len(rows), hAlign="CENTER"
    )
    # Dashed cut lines around each label.
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.3, L.GRID, None, (2, 2)),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [table]


def write_labels(
    target, items: Iterable[Mapping[str, object]], *, lang: str = "zh", printed_by: str = ""
) -> Path:
    """A sheet (or several) of labels, two across, written atomically to ``target``."""
    items = list(items)
    t = TEXTS[L.lang_key(lang)]
    setup = L.PageSetup(t["labels"], printed_by, None, lang, furniture=False)
    L.write_pdf(target, labels_story(items, lang), setup, pagesize=A4)
    return Path(target)
