"""The archive register as an Excel workbook (openpyxl, write-only), as filtered in the CLI or
the register window. No Qt here.

One row per loan in the order given (the register's: newest first; overdue lists by due
date), the header frozen and filtered, dates as real Excel dates, hand-out and return times
as local date-times, text never read as a formula, the file replaced atomically. The cells
are written by ``xlsx_sheet``, like the audit and customer exports.
"""

from __future__ import annotations

import os
from typing import Iterable, Mapping

from openpyxl import Workbook

from ..domain.loans import STATE_LABELS, LoanState
from .xlsx_sheet import Column, SheetWriter, discard, save_workbook

#: (key, kind, width, English title, Chinese title)
COLUMNS: tuple[tuple[str, str, float, str, str], ...] = (
    ("id", "int", 8, "Loan", "借阅编号"),
    ("item_no", "text", 16, "Item number", "物品编号"),
    ("item_description", "text", 30, "Item", "物品"),
    ("customer", "text", 30, "Customer", "客户"),
    ("direction", "text", 12, "Direction", "方向"),
    ("borrower", "text", 16, "Borrower", "借用人"),
    ("borrower_kind", "text", 12, "Borrower kind", "借用人类型"),
    ("purpose", "text", 30, "Purpose", "用途"),
    ("wanted_from", "date", 12, "From", "起始日期"),
    ("due", "date", 12, "Due", "应还日期"),
    ("state", "text", 14, "State", "状态"),
    ("days_overdue", "int", 10, "Days overdue", "逾期天数"),
    ("requested_by", "text", 12, "Asked by", "申请人"),
    ("decided_by", "text", 12, "Approved by", "批准人"),
    ("handed_out_at", "datetime", 19, "Handed out", "借出时间"),
    ("handed_out_by", "text", 12, "Handed out by", "借出经办人"),
    ("condition_out", "text", 24, "Condition out", "借出时状况"),
    ("returned_at", "datetime", 19, "Returned", "归还时间"),
    ("received_by", "text", 12, "Received by", "接收人"),
    ("condition_in", "text", 24, "Condition back", "归还时状况"),
)
_WORDS = {
    "en": {
        "lent_out": "lent out",
        "taken_in": "taken in",
        "colleague": "colleague",
        "department": "department",
        "outside": "outside party",
        "sheet": "Register",
    },
    "zh": {
        "lent_out": "借出",
        "taken_in": "代为保管",
        "colleague": "同事",
        "department": "部门",
        "outside": "外部单位",
        "sheet": "借阅登记簿",
    },
}


def write_loans_xlsx(
    target: str | os.PathLike, loans: Iterable[Mapping[str, object]], *, lang: str = "zh"
) -> str:
    """Write ``loans`` (as ``LoanService.list`` gives them) to ``target``; returns its path."""
    zh = lang.lower().startswith("zh")
    words = _WORDS["zh" if zh else "en"]
    wb = Workbook(write_only=True)
    sheet = SheetWriter(
        wb,
        words["sheet"],
        [Column(k, zh_t if zh else en_t, w, kind) for k, kind, w, en_t, zh_t in COLUMNS],
    )

    def rows():
        for loan in loans:
            state = STATE_LABELS[LoanState(str(loan["state"]))][1 if zh else 0]
            customer = " ".join(
                str(x) for x in (loan.get("customer_archive_no"), loan.get("customer_name")) if x
            )
            values = dict(
                loan,
                customer=customer,
                state=state,
                direction=words.get(str(loan.get("direction")), loan.get("direction")),
                borrower_kind=words.get(str(loan.get("borrower_kind")), loan.get("borrower_kind")),
                days_overdue=loan.get("days_overdue") or None,
            )
            yield tuple(values.get(k) for k, *_ in COLUMNS)

    try:
        sheet.extend(rows())
    except BaseException:
        discard(wb)
        raise
    sheet.finish()
    save_workbook(wb, target)
    return str(target)
