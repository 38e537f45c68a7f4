"""Excel export of customers, as the office would check it: what is in each sheet and in what
form (dates, numbers, text), who may take what out (visibility, masks, the full export's
approval), progress and cancel, and that every export is in the audit log."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from openpyxl import load_workbook

from desktop import errors
from desktop.domain.validation import format_phone
from desktop.reports.xlsx_export import PhoneFormatter
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from desktop.services.demo import AREA_CODES, _landline, _phone
from desktop.services.exporting import ExportService
from desktop.storage import audit
from desktop.storage.archive import Archive
from desktop.storage.customers import Filter

PW = "a good password 1"


@pytest.fixture
def office(archive_path, passphrase):
    """Administrator, manager, a regional manager (华东), two salespeople, and three cards."""
    archive = Archive.create(archive_path, passphrase)
    accounts = AccountService(archive)
    people = {"admin": accounts.ensure_first_admin("boss")}
    first = True
    for name, display, role, region in (
        ("zhao", "赵经理", "manager", None),
        ("qian", "钱区域", "regional_manager", "华东"),
        ("sun", "孙业务", "salesperson", "华东"),
        ("li", "李业务", "salesperson", "华北"),
    ):
        accounts.add_user(
            people["admin"],
            name,
            display,
            role,
            region,
            PW,
            admin_password=PW if first else None,
            must_change_password=False,
        )
        first = False
        people[name] = accounts.login(name, PW)
    svc = {k: CustomerService(archive, a) for k, a in people.items()}
    ids = {
        "sun1": svc["sun"].add(
            {
                "name": "上海东方贸易有限公司",
                "region": "华东",
                "customer_type": "individual",
                "phone": "13812345678",
                "dm_hobbies": "高尔夫",
                "founded": "2019-04-01",
                "revenue": "1.5万",
            },
            [{"name": "王芳", "mobile": "13900001111", "is_primary": True}],
        ),
        "li1": svc["li"].add(
            {
                "name": '=HYPERLINK("http://x")北京长城科技',
                "region": "华北",
                "phone": "010-62345678",
            }
        ),
        "hz": svc["zhao"].add(
            {
                "name": "杭州瑞丰食品有限公司",
                "region": "华东",
                "responsible": "li",
                "status": "cooperating",
            }
        ),
    }
    svc["sun"].add_transaction(ids["sun1"], "2026-03-05", "12345.6", mode="经销")
    svc["sun"].add_follow_up(ids["sun1"], "2026-03-06", "call", "电话沟通新季度采购计划")
    yield archive, people, ids
    archive.close()


def sheet_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


def exports_logged(archive) -> list:
    return [e for e in audit.query(archive.conn, action="export", limit=50)]


def test_full_workbook_in_chinese_with_real_types(office, tmp_path):
    archive, people, ids = office
    from desktop.services.loans import LoanService

    item = archive.query_one("SELECT id FROM items WHERE customer_id = ?", (ids["sun1"],))[0]
    due = dt.date.today() + dt.timedelta(days=30)
    LoanService(archive, people["zhao"]).request(item, purpose="核对合同", wanted_until=due)
    target = tmp_path / "客户档案.xlsx"
    result = ExportService(archive, people["zhao"]).export_full(target, lang="zh_CN")
    assert result.rows["customers"] == 3 and result.rows["contacts"] == 1
    assert result.rows["transactions"] == 1 and result.rows["follow_ups"] == 1
    assert result.rows["status_history"] == 3 and result.rows["loans"] == 1

    wb = load_workbook(target)
    assert wb.sheetnames[:6] == [
        "客户",
        "联系人",
        "交易记录",
        "回访记录",
        "状态变更记录",
        "等级变更记录",
    ]
    assert "审计日志" in wb.sheetnames  # a manager reviews the log
    ws = wb["客户"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["企业名称", "档案编号", "地址"]
    assert ws.freeze_panes == "A2" and ws["A1"].font.b
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, len(header)).column_letter}4"
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in sheet_rows(ws)[1:]}
    sun = rows["上海东方贸易有限公司"]
    assert sun["成立时间"] == dt.datetime(2019, 4, 1)  # a real date …
    sun_row = next(c.row for c in ws["A"] if c.value == "上海东方贸易有限公司")
    assert ws.cell(sun_row, header.index("成立时间") + 1).is_date
    assert sun["营业额"] == 15000 and isinstance(sun["营业额"], (int, float))  # … a number
    assert sun["电话"] == "138 1234 5678"  # the national form, unmasked
    assert sun["决策者爱好"] == "高尔夫"  # the full export hides nothing
    assert sun["客户类型"] == "个人" and sun["客户状态"] == "潜在客户" and sun["客户等级"] == "C"
    assert isinstance(sun["创建时间"], dt.datetime)
    # a name that looks like a formula stays text
    formula = next(c for c in ws["A"] if str(c.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"

    tx = sheet_rows(wb["交易记录"])
    assert tx[0][:5] == ["档案编号", "企业名称", "日期", "合作方式", "交易额"]
    assert tx[1][1] == "上海东方贸易有限公司" and tx[1][2] == dt.datetime(2026, 3, 5)
    assert tx[1][4] == pytest.approx(12345.6) and wb["交易记录"]["E2"].number_format == "#,##0.00"
    assert sheet_rows(wb["联系人"])[1][2:6] == ["王芳", None, None, "139 0000 1111"]
    assert sheet_rows(wb["回访记录"])[1][3:5] == ["电话", "电话沟通新季度采购计划"]
    loans = sheet_rows(wb["借阅登记"])
    assert loans[0][:6] == ["物品编号", "物品", "档案编号", "企业名称", "方向", "借阅人"]
    assert loans[1][3:5] == ["上海东方贸易有限公司", "借出"] and loans[1][6] == "核对合同"
    assert loans[1][7] in ("已批准", "已申请") and loans[1][9] == dt.datetime.combine(
        due, dt.time()
    )

    logged = exports_logged(archive)
    assert len(logged) == 1 and logged[0].user_name == "zhao"
    assert logged[0].details["kind"] == "full" and logged[0].details["rows"]["customers"] == 3
    assert logged[0].details["file"] == "客户档案.xlsx"


def test_a_salesperson_exports_only_their_list_with_sensitive_data_masked(office, tmp_path):
    archive, people, ids = office
    target = tmp_path / "list.xlsx"
    ExportService(archive, people["li"]).export_list(target, lang="en")
    rows = sheet_rows(load_workbook(target).active)
    header = rows[0]
    assert header[:2] == ["Company name", "Archive number"]
    assert "Decision maker's hobbies" not in header and "Tier set by hand" not in header
    names = sorted(r[0] for r in rows[1:])
    assert names == ['=HYPERLINK("http://x")北京长城科技', "杭州瑞丰食品有限公司"]  # li's two

    # The manager sees everything, but an individual's phone masked as on the card.
    ExportService(archive, people["zhao"]).export_list(
        target, lang="en", flt=Filter(regions=["华东"])
    )
    rows = sheet_rows(load_workbook(target).active)
    by_name = {r[0]: dict(zip(rows[0], r, strict=True)) for r in rows[1:]}
    assert sorted(by_name) == ["上海东方贸易有限公司", "杭州瑞丰食品有限公司"]
    assert by_name["上海东方贸易有限公司"]["Phone"] == "138 **** **78"
    assert by_name["上海东方贸易有限公司"]["Status"] == "Prospect"
    assert by_name["杭州瑞丰食品有限公司"]["Status"] == "Cooperating"
    # the responsible salesperson sees their own customer's phone
    ExportService(archive, people["sun"]).export_list(target, lang="en")
    rows = sheet_rows(load_workbook(target).active)
    assert dict(zip(rows[0], rows[1], strict=True))["Phone"] == "138 1234 5678"
    assert [e.details["kind"] for e in exports_logged(archive)] == ["list"] * 3


def test_the_list_export_follows_search_and_sort(office, tmp_path):
    archive, people, ids = office
    target = tmp_path / "found.xlsx"
    ExportService(archive, people["zhao"]).export_list(target, query="瑞丰")
    rows = sheet_rows(load_workbook(target).active)
    assert [r[0] for r in rows[1:]] == ["杭州瑞丰食品有限公司"]
    assert exports_logged(archive)[0].details["query"] == "瑞丰"


def test_full_export_a_salesperson_may_not_a_regional_manager_asks_first(office, tmp_path):
    archive, people, ids = office
    target = tmp_path / "full.xlsx"
    with pytest.raises(errors.PermissionDenied):
        ExportService(archive, people["sun"]).export_full(target)
    qian = ExportService(archive, people["qian"])
    with pytest.raises(errors.ValidationError):  # a request needs its reason
        qian.export_full(target)
    with pytest.raises(errors.ApprovalRequested) as asked:
        qian.export_full(target, reason="季度客户盘点")
    request_id = asked.value.details["approval_id"]
    assert not target.exists()
    with pytest.raises(errors.ApprovalRequested, match="still waiting"):
        qian.export_full(target, reason="again")

    ApprovalService(archive, people["zhao"]).approve(request_id, note="同意")
    result = qian.export_full(target, lang="zh_CN")
    assert result.approval_id == request_id
    wb = load_workbook(target)
    names = sorted(r[0] for r in sheet_rows(wb["客户"])[1:])
    assert names == ["上海东方贸易有限公司", "杭州瑞丰食品有限公司"]  # the region 华东 only
    assert "审计日志" not in wb.sheetnames and any("audit" in x for x in result.left_out)
    assert ApprovalService(archive, people["zhao"]).get(request_id).state == "applied"
    assert exports_logged(archive)[0].details["approval"] == request_id
    # One approval, one export.
    with pytest.raises(errors.ApprovalRequested):
        qian.export_full(tmp_path / "again.xlsx", reason="再导一次")


def test_cancel_writes_nothing_and_logs_nothing(office, tmp_path, monkeypatch):
    archive, people, ids = office
    import desktop.reports.xlsx_export as xe

    monkeypatch.setattr(xe, "TICK", 1)
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "list.xlsx"
    target.write_bytes(b"the old file")
    seen = []
    with pytest.raises(errors.Cancelled):
        ExportService(archive, people["zhao"]).export_list(
            target,
            progress=lambda done, total: seen.append((done, total)),
            cancelled=lambda: len(seen) >= 2,
        )
    assert target.read_bytes() == b"the old file"
    assert sorted(p.name for p in folder.iterdir()) == ["list.xlsx"]
    assert exports_logged(archive) == []

    seen.clear()
    ExportService(archive, people["zhao"]).export_list(
        target, progress=lambda done, total: seen.append((done, total))
    )
    assert seen[0] == (0, 3) and seen[-1] == (3, 3)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_the_fast_phone_layout_is_libphonenumbers_own():
    rng = random.Random(7)
    fmt = PhoneFormatter()
    numbers = [_phone(rng) for _ in range(300)]
    numbers += [_landline(rng, city) for city in AREA_CODES for _ in range(20)]
    numbers += [
        "+16502530000",
        "+85221234567",
        "+442079460000",
        "+8613812345678;ext=12",
        "not a number",
        "+861012345",
    ]
    for n in numbers:
        assert fmt(n) == format_phone(n), n


def test_an_unwritable_target_is_one_clear_error_and_no_log_entry(office, tmp_path):
    archive, people, ids = office
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "list.xlsx").mkdir()  # a folder where the file should go
    with pytest.raises(errors.ArchiveError) as raised:
        ExportService(archive, people["zhao"]).export_list(folder / "list.xlsx")
    assert "list.xlsx" in raised.value.message
    assert exports_logged(archive) == []


def test_a_read_only_archive_exports_nothing(office, tmp_path, passphrase):
    archive, people, ids = office
    path = archive.path
    archive.close()
    with Archive.open(path, passphrase, readonly=True) as ro:
        with pytest.raises(errors.FolderNotWritable, match="read-only"):
            ExportService(ro, "boss").export_list(tmp_path / "list.xlsx")
    assert not (tmp_path / "list.xlsx").exists()
