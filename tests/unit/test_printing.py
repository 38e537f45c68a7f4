"""Printing through the service: real PDFs checked with poppler (text, fonts, pages), as the
printing user may see the cards (visibility, masking), each print job in the audit log."""

from __future__ import annotations

import pytest

from desktop import errors
from desktop.reports.pdf_layout import Cancelled
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from desktop.services.printing import PrintService
from desktop.storage import audit
from desktop.storage.archive import Archive

from pdf_support import cjk_fonts_embedded, pdf_pages, pdf_text


PW = "a good password 1"
SCOPE = "".join(f"第{i}类：技术开发、技术咨询、技术服务、技术转让；" for i in range(110))


@pytest.fixture
def office(archive_path, passphrase):
    archive = Archive.create(archive_path, passphrase)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    people = {"admin": admin}
    first = True
    for name, display, role, region in (
        ("zhao", "赵经理", "manager", None),
        ("sun", "孙业务", "salesperson", "华东"),
        ("li", "李业务", "salesperson", "华北"),
    ):
        accounts.add_user(
            admin,
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
    sun = CustomerService(archive, people["sun"])
    ids = {
        "private": sun.add(
            {
                "name": "上海东方贸易有限公司",
                "region": "华东",
                "customer_type": "individual",
                "phone": "13812345678",
                "dm_hobbies": "高尔夫",
                "address": "上海市长宁路1号",
            },
            [{"name": "张伟", "title": "采购经理", "mobile": "13912345678"}],
        ),
        "long": sun.add(
            {"name": "杭州瑞丰食品有限公司", "region": "华东", "business_scope": SCOPE}
        ),
        "li": CustomerService(archive, people["li"]).add(
            {"name": "北京长城科技有限公司", "region": "华北"}
        ),
    }
    sun.add_follow_up(ids["private"], "2026-03-01", "call", "电话回访，客户满意")
    sun.add_transaction(
        ids["private"], "2026-02-01", "125000.50", mode="框架协议", contract_no="HT-2026-001"
    )
    yield archive, people, ids
    archive.close()


def _no(archive, cid):
    return archive.query_one("SELECT archive_no FROM customers WHERE id = ?", (cid,))[0]


def test_card_pdf_has_the_chinese_name_archive_number_and_embedded_font(office, tmp_path):
    archive, people, ids = office
    out = tmp_path / "card.pdf"
    result = PrintService(archive, people["sun"]).cards_pdf([ids["private"]], out, "zh_CN")
    assert result.pages == pdf_pages(out) == 1
    text = pdf_text(out)
    assert "上海东方贸易有限公司" in text and _no(archive, ids["private"]) in text
    for label in (
        "客户基本资料卡",
        "客户基本信息",
        "客户特征资料",
        "客户交易资料",
        "统一社会信用代码",
    ):
        assert label in text
    assert "张伟" in text and "采购经理" in text  # contacts
    assert "HT-2026-001" in text and "125,000.50" in text  # recent transactions
    assert "电话回访，客户满意" in text  # follow-ups
    assert "孙业务" in text  # printed by whom
    # The responsible salesperson sees the private person's phone and hobbies plainly.
    assert "13812345678" in text and "高尔夫" in text and "长宁路" in text
    assert cjk_fonts_embedded(out)


def test_english_card_uses_english_labels(office, tmp_path):
    archive, people, ids = office
    out = tmp_path / "card.pdf"
    PrintService(archive, people["sun"]).cards_pdf([ids["private"]], out, "en")
    text = pdf_text(out)
    assert (
        "CustomerProfileCard" in text
        and "Basicinformation" in text
        and "Legalrepresentative" in text
    )
    assert "Page1of" in text and "Printed" in text


def test_very_long_business_scope_makes_two_pages_with_all_its_text(office, tmp_path):
    archive, people, ids = office
    out = tmp_path / "long.pdf"
    result = PrintService(archive, people["sun"]).cards_pdf([ids["long"]], out, "zh_CN")
    assert result.pages == pdf_pages(out) == 2
    assert SCOPE in pdf_text(out, body=True)
    assert "第2页，共2页" in pdf_text(out, 2, 2)


def test_masked_fields_print_masked(office, tmp_path):
    archive, people, ids = office
    # li, another salesperson, is granted access to sun's private customer: sees masks.
    li = CustomerService(archive, people["li"])
    ApprovalService(archive, people["zhao"]).approve(li.request_access(ids["private"], "协助跟进"))
    out = tmp_path / "masked.pdf"
    PrintService(archive, people["li"]).cards_pdf([ids["private"]], out, "zh_CN")
    text = pdf_text(out)
    assert "上海东方贸易有限公司" in text
    assert "高尔夫" not in text and "长宁路" not in text
    assert "12345678" not in text and "138******78" in text
    assert "●●●" in text  # the masks show (the font has no U+2022: a look-alike is printed)
    assert "3912345678" not in text  # the private person's contact mobile too


def test_a_card_outside_ones_scope_is_refused_and_nothing_written(office, tmp_path):
    archive, people, ids = office
    out = tmp_path / "x.pdf"
    with pytest.raises(errors.PermissionDenied):
        PrintService(archive, people["sun"]).cards_pdf([ids["private"], ids["li"]], out, "zh_CN")
    assert not out.exists()


def test_batch_each_card_on_new_pages_with_progress_and_one_audit_entry(office, tmp_path):
    archive, people, ids = office
    out = tmp_path / "batch.pdf"
    seen = []
    order = [ids["long"], ids["private"], ids["li"]]
    result = PrintService(archive, people["zhao"]).cards_pdf(
        order, out, "zh_CN", progress=lambda d, t: seen.append((d, t))
    )
    assert result.customers == 3 and result.pages == pdf_pages(out) == 4
    assert "杭州瑞丰食品有限公司" in pdf_text(out, 1, 1)
    assert "第1页，共2页" in pdf_text(out, 1, 1)
    assert "上海东方贸易有限公司" in pdf_text(out, 3, 3) and "第1页，共1页" in pdf_text(out, 3, 3)
    assert "北京长城科技有限公司" in pdf_text(out, 4, 4)
    assert seen[-1] == (6, 6) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    prints = audit.query(archive.conn, action="print")
    assert len(prints) == 1 and prints[0].user_name == "zhao"
    assert prints[0].details["count"] == 3 and prints[0].details["pages"] == 4
    assert prints[0].details["customers"] == [_no(archive, cid) for cid in order]


def test_cancel_writes_nothing_and_logs_nothing(office, tmp_path):
    archive, people, ids = office
    out = tmp_path / "batch.pdf"
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(Cancelled):
        PrintService(archive, people["zhao"]).cards_pdf(
            [ids["long"], ids["private"], ids["li"]], out, "zh_CN", cancelled=cancelled
        )
    assert (
        not out.exists()
        and [p for p in tmp_path.iterdir() if p.suffix != ".carc" and p.is_file()] == []
    )
    assert archive.query("SELECT count(*) FROM audit_log WHERE action = 'print'")[0][0] == 0


def test_handover_list_pdf(office, tmp_path):
    archive, people, ids = office
    moved = CustomerService(archive, people["zhao"]).handover("sun", "li", "孙业务离职")
    printer = PrintService(archive, people["zhao"])
    hid = printer.latest_handover_id("sun")
    out = tmp_path / "handover.pdf"
    result = printer.handover_pdf(hid, out, "zh_CN")
    text = pdf_text(out)
    assert result.customers == len(moved["moved"]) == 2
    for m in moved["moved"]:
        assert m["name"] in text and m["archive_no"] in text
    assert "客户交接清单" in text and "孙业务(sun)" in text and "李业务(li)" in text
    assert "孙业务离职" in text and "移交人签字" in text
    assert cjk_fonts_embedded(out)
    row = archive.query_one(
        "SELECT user_name, target_type, details FROM audit_log WHERE action = 'print'"
    )
    assert row[0] == "zhao" and row[1] == "handover" and "handover_list" in row[2]
    # The people concerned may print it; others may not.
    PrintService(archive, people["li"]).handover_pdf(hid, tmp_path / "li.pdf", "en")
    assert "CustomerHandoverList" in pdf_text(tmp_path / "li.pdf")
    outsider = AccountService(archive)
    outsider.add_user(
        people["admin"], "wu", "吴业务", "salesperson", "华南", PW, must_change_password=False
    )
    with pytest.raises(errors.PermissionDenied):
        PrintService(archive, outsider.login("wu", PW)).handover_pdf(hid, tmp_path / "wu.pdf")
