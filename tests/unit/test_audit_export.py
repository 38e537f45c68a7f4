"""The audit log's Excel export: real date-times, frozen and filtered header, Chinese text,
text that never turns into a formula, atomic replacement of the file."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from openpyxl import load_workbook

from desktop.reports.audit_export import COLUMNS, write_audit_xlsx
from desktop.storage.audit import AuditEntry


def entry(
    n: int,
    *,
    at: str,
    user: str = "李娜",
    action: str = "change",
    details: dict | None = None,
    target_id: str | None = "7",
) -> AuditEntry:
    return AuditEntry(
        n,
        at,
        user,
        "前台-PC",
        action,
        "customer" if target_id else None,
        target_id,
        details if details is not None else {},
        "0" * 64,
        f"{n:064x}",
    )


@pytest.fixture
def entries():
    return [
        entry(
            3,
            at="2026-11-25T10:00:15.123+00:00",
            action="export",
            details={"format": "xlsx", "rows": 3},
            target_id=None,
        ),
        entry(
            2,
            at="2026-11-25T09:30:00.000+00:00",
            user='=HYPERLINK("x")',
            details={"reason": "客户要求更新地址\x07"},
        ),
        entry(1, at="2026-11-24T08:00:00.000+00:00", action="login", details={}),
    ]


def test_the_workbook_holds_every_entry_with_real_datetimes(tmp_path, entries):
    target = tmp_path / "审计日志.xlsx"
    n = write_audit_xlsx(
        target,
        entries,
        headers={"user_name": "用户", "action_label": "操作"},
        action_labels={"change": "修改", "export": "导出"},
        sheet_title="审计日志",
    )
    assert n == 3

    wb = load_workbook(target)
    ws = wb["审计日志"]
    titles = [c.value for c in ws[1]]
    assert len(titles) == len(COLUMNS)
    assert titles[0] == "Entry" and titles[2] == "用户" and titles[4] == "操作"
    assert ws["A1"].font.b
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(COLUMNS)).column_letter}4"
    assert ws.max_row == 4

    row = [c.value for c in ws[2]]
    assert row[0] == 3
    assert isinstance(row[1], datetime)
    expected = (
        datetime(2026, 11, 25, 10, 0, 15, tzinfo=timezone.utc).astimezone().replace(tzinfo=None)
    )
    assert row[1] == expected
    assert ws["B2"].number_format == "yyyy-mm-dd hh:mm:ss"
    assert row[2] == "李娜" and row[3] == "前台-PC"
    assert row[4] == "导出" and row[5] == "export"
    assert row[6] is None and row[7] is None
    assert row[8] == '{"format": "xlsx", "rows": 3}'
    assert row[9] == f"{3:064x}"

    # a user name that looks like a formula stays text; a control character is replaced
    assert ws["C3"].value == '=HYPERLINK("x")' and ws["C3"].data_type == "s"
    assert ws["E3"].value == "修改" and ws["H3"].value == "7" and ws["G3"].value == "customer"
    assert "客户要求更新地址" in ws["I3"].value and "\x07" not in ws["I3"].value
    assert ws["E4"].value == "login"  # no label given: the action code


def test_an_empty_export_has_the_header_only(tmp_path):
    target = tmp_path / "empty.xlsx"
    assert write_audit_xlsx(target, []) == 0
    ws = load_workbook(target).active
    assert ws.max_row == 1 and ws["C1"].value == "User"


def test_a_failed_export_leaves_the_old_file_alone(tmp_path, entries):
    target = tmp_path / "audit.xlsx"
    write_audit_xlsx(target, entries[:1])
    before = target.read_bytes()

    def broken():
        yield entries[0]
        raise RuntimeError("the archive went away")

    with pytest.raises(RuntimeError):
        write_audit_xlsx(target, broken())
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["audit.xlsx"]  # no temporary file left
