"""Importing customer cards from messy office workbooks, built here with openpyxl as offices
make them: a title above the header, merged and two-row headers, serial and text dates,
phone numbers stored as numbers, full-width digits, trailing spaces, empty rows, a hidden
sheet, bad rows. The tests check the problems reported (sheet, row, column, reason), the
cards imported, duplicates, the one transaction, undo, and files that are no workbook."""

from __future__ import annotations

import datetime as dt
import zipfile

import pytest
from openpyxl import Workbook

from desktop import errors
from desktop.reports import xlsx_import as xi
from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.services.exporting import ExportService
from desktop.services.importing import ImportService
from desktop.storage import audit
from desktop.storage.archive import Archive

PW = "a good password 1"


def messy_workbook(path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "客户名单"
    ws["A1"] = "2024年华东区客户名单"
    ws.merge_cells("A1:H1")
    ws["A2"] = "制表：销售部   日期：2024-03-01"
    ws["A3"] = "公司名称"
    ws.merge_cells("A3:A4")
    ws["B3"] = "联系电话"
    ws.merge_cells("B3:B4")
    ws["C3"] = "联系人"
    ws.merge_cells("C3:E3")
    ws["C4"], ws["D4"], ws["E4"] = "姓名", "手机", "职务"
    ws["F3"] = "地区"
    ws.merge_cells("F3:F4")
    ws["G3"] = "成立日期"
    ws.merge_cells("G3:G4")
    ws["H3"] = "等级 "
    ws.merge_cells("H3:H4")
    for r in [
        [
            "上海东方贸易有限公司  ",
            2162345678,
            "王芳",
            13900001111,
            "经理",
            "华东",
            dt.datetime(2019, 4, 1),
            "A类",
        ],  # row 5
        [
            "杭州瑞丰食品有限公司",
            "０５７１－８８８８８８８８",
            "李强",
            "13800002222",
            None,
            None,
            43530,
            "B",
        ],
        [None, None, None, None, None, None, None, None],  # row 7
        ["南京长江机械有限公司", "025-88886666", "赵伟", None, "采购", None, "2024年3月5日", "c"],
        ["苏州新区电子有限公司", "12345", None, None, None, "华东", "2024-02-30", "Z"],  # row 9
        ["宁波港口物流有限公司", "0574-87654321", None, None, None, "华东", "05.03.2024", None],
        [None, "021-99998888", "无名", None, None, None, "2024/3/5", None],  # row 11
        ["上海东方贸易有限公司", "021-62345678", "王芳", "13900001111", "经理", "华东", None, "A"],
        ["   ", None, None, None, None, None, None, None],  # row 13
        ["合肥科技有限公司", "0551-65551234", None, "13812345678", None, "华东", "2024/3/5", None],
    ]:
        ws.append(r)
    ws.merge_cells("F5:F6")  # 华东 written once for the first two companies
    old = wb.create_sheet("旧名单")
    old.sheet_state = "hidden"
    old.append(["客户名称", "电话"])
    old.append(["旧客户有限公司", "010-62345678"])
    wb.save(path)


@pytest.fixture
def archive(archive_path, passphrase):
    a = Archive.create(archive_path, passphrase)
    yield a
    a.close()


@pytest.fixture
def messy(tmp_path):
    path = tmp_path / "客户名单.xlsx"
    messy_workbook(path)
    return path


def cards(archive) -> dict[str, dict]:
    rows = archive.query(
        "SELECT name, phone, region, founded, tier, tier_manual, responsible, id FROM customers"
    )
    return {
        r[0]: dict(
            zip(
                ("name", "phone", "region", "founded", "tier", "tier_manual", "responsible", "id"),
                r,
                strict=True,
            )
        )
        for r in rows
    }


def test_sheets_are_listed_with_the_hidden_one_marked(archive, messy):
    sheets = ImportService(archive, "boss").sheets(messy)
    assert [(s.name, s.hidden) for s in sheets] == [("客户名单", False), ("旧名单", True)]


def test_the_header_is_found_below_the_title_with_merged_and_grouped_cells(archive, messy):
    table, columns = ImportService(archive, "boss").columns(messy)
    assert table.sheet == "客户名单" and table.header_row == 4
    assert [(c.letter, c.title, c.field) for c in columns] == [
        ("A", "公司名称", "name"),
        ("B", "联系电话", "phone"),
        ("C", "联系人 姓名", "contact.name"),
        ("D", "联系人 手机", "contact.mobile"),
        ("E", "联系人 职务", "contact.title"),
        ("F", "地区", "region"),
        ("G", "成立日期", "founded"),
        ("H", "等级", "tier"),
    ]


def test_the_preview_reports_every_bad_row_and_changes_nothing(archive, messy):
    before = archive.query_one("SELECT count(*) FROM audit_log")[0]
    outcome = ImportService(archive, "boss").preview(messy)
    texts = [p.text() for p in outcome.problems]
    assert "客户名单!9 B (联系电话): Not a valid phone number: 12345" in texts
    assert "客户名单!9 G (成立日期): No such date: 2024-02-30" in texts
    assert any(t.startswith("客户名单!9 H (等级): ") and "'Z'" in t for t in texts)
    assert "客户名单!11 Company name: Company name is required" in texts
    assert (
        "客户名单!14 D (联系人 手机): Contact details without the contact's name: map the name "
        "column (联系人/姓名) or map this column to a card field"
    ) in texts
    assert {p.row for p in outcome.problems} == {9, 11, 14}
    assert outcome.counts == {"create": 4, "update": 0, "skip": 1, "unchanged": 0, "invalid": 3}
    assert outcome.empty_rows == 2  # rows 7 and 13
    dup = next(r for r in outcome.rows if r.row == 12).duplicate
    assert dup.against == "file" and dup.row == 5
    assert cards(archive) == {}
    assert archive.query_one("SELECT count(*) FROM audit_log")[0] == before


def test_the_run_takes_the_good_rows_as_the_office_meant_them(archive, messy):
    outcome = ImportService(archive, "boss").run(messy)
    assert outcome.counts["create"] == 4 and outcome.batch_id == 1
    got = cards(archive)
    assert sorted(got) == sorted(
        [
            "上海东方贸易有限公司",
            "杭州瑞丰食品有限公司",
            "南京长江机械有限公司",
            "宁波港口物流有限公司",
        ]
    )
    sh = got["上海东方贸易有限公司"]  # trailing spaces gone
    assert sh["phone"] == "+862162345678"  # stored as a number, area code 0 dropped
    assert sh["founded"] == "2019-04-01" and sh["tier"] == "A" and sh["tier_manual"] == 1
    hz = got["杭州瑞丰食品有限公司"]
    assert hz["phone"] == "+8657188888888"  # full-width digits and dash
    assert hz["founded"] == "2019-03-06"  # Excel serial 43530
    assert hz["region"] == "华东"  # from the cell merged down
    assert (
        got["南京长江机械有限公司"]["founded"] == "2024-03-05"
        and got["南京长江机械有限公司"]["tier"] == "C"
    )
    assert got["宁波港口物流有限公司"]["founded"] == "2024-03-05"  # 05.03.2024, day first
    assert all(c["responsible"] == "boss" for c in got.values())
    contacts = archive.query(
        "SELECT c.name, k.name, k.mobile, k.title, k.is_primary FROM contacts k "
        "JOIN customers c ON c.id = k.customer_id ORDER BY k.id"
    )
    assert ("上海东方贸易有限公司", "王芳", "+8613900001111", "经理", 1) in contacts
    assert ("南京长江机械有限公司", "赵伟", None, "采购", 1) in contacts
    # searchable and with a dossier, like a card added by hand
    svc = CustomerService(archive, "boss")
    assert svc.search("dfmy") == [sh["id"]]
    assert archive.query_one("SELECT count(*) FROM items WHERE kind = 'dossier'")[0] == 4
    entry = audit.query(archive.conn, action="import")[0]
    assert entry.details["create"] == 4 and entry.details["file"] == "客户名单.xlsx"


def test_duplicates_of_the_archive_skip_update_or_create(archive, messy):
    svc = CustomerService(archive, "boss")
    old_id = svc.add({"name": "杭州瑞丰食品有限公司", "phone": "0571-88888888", "industry": "食品"})
    importer = ImportService(archive, "boss")
    skipped = importer.preview(messy, on_duplicate="skip")
    row = next(r for r in skipped.rows if r.row == 6)
    assert row.action == "skip" and row.duplicate.customer_id == old_id
    assert row.duplicate.against == "archive" and row.duplicate.reason == "phone"

    # one row by its own choice, the rest by the global one
    created = importer.preview(messy, on_duplicate="skip", decisions={6: "create"})
    assert next(r for r in created.rows if r.row == 6).action == "create"

    outcome = importer.run(messy, on_duplicate="update")
    assert next(r for r in outcome.rows if r.row == 6).action == "update"
    card = svc.get(old_id)
    assert card.values["founded"] == dt.date(2019, 3, 6) and card.values["tier"].value == "B"
    assert card.values["industry"] == "食品"  # a blank cell never erases
    assert [c["name"] for c in card.contacts] == ["李强"]
    assert len([c for c in cards(archive) if c == "杭州瑞丰食品有限公司"]) == 1
    # row 12 repeats row 5: with "update" it updates the card row 5 created
    sh = cards(archive)["上海东方贸易有限公司"]
    assert sh["phone"] == "+862162345678"  # row 12's phone differs: the first stays, both match
    history = svc.changes(old_id)
    assert {h["field"] for h in history} >= {"founded", "tier"}
    assert history[-1]["reason"].startswith("Excel import 客户名单.xlsx row 6")

    undone = importer.undo_last()
    assert undone.deleted == 3 and undone.restored == 1
    card = svc.get(old_id)
    assert card.values["founded"] is None and card.values["tier"].value == "C"
    assert card.contacts == [] and card.values["industry"] == "食品"
    assert sorted(cards(archive)) == ["杭州瑞丰食品有限公司"]
    with pytest.raises(errors.ConflictError, match="already undone"):
        importer.undo_last()


def test_undo_refuses_when_a_card_was_changed_since(archive, messy):
    importer = ImportService(archive, "boss")
    importer.run(messy)
    svc = CustomerService(archive, "boss")
    cid = cards(archive)["宁波港口物流有限公司"]["id"]
    svc.edit(cid, {"industry": "软件"})
    with pytest.raises(errors.ConflictError, match="changed since"):
        importer.undo_last()
    assert len(cards(archive)) == 4  # nothing undone


def test_cancelling_rolls_the_whole_import_back(archive, messy, monkeypatch):
    import desktop.services.importing as importing

    monkeypatch.setattr(importing, "TICK", 1)
    seen = []
    with pytest.raises(errors.Cancelled):
        ImportService(archive, "boss").run(
            messy, progress=lambda d, t: seen.append(d), cancelled=lambda: len(seen) > 4
        )
    assert cards(archive) == {}
    assert archive.query_one("SELECT count(*) FROM import_batches")[0] == 0
    assert audit.query(archive.conn, action="create") == []


def test_a_mapping_given_once_is_remembered(archive, tmp_path):
    path = tmp_path / "list.xlsx"
    wb = Workbook()
    wb.active.append(["单位", "Telefon", "片区"])
    wb.active.append(["成都天府软件有限公司", "028-85551234", "西南"])
    wb.save(path)
    importer = ImportService(archive, "boss")
    _, columns = importer.columns(path)
    assert [c.field for c in columns] == ["name", None, "region"]
    importer.run(path, mapping={"B": "phone"})
    _, columns = importer.columns(path)
    assert [c.field for c in columns] == ["name", "phone", "region"]
    with pytest.raises(errors.ValidationError, match="Unknown field"):
        importer.columns(path, mapping={"B": "telefon"})


def test_our_own_export_reads_back(archive, tmp_path):
    svc = CustomerService(archive, "boss")
    svc.add(
        {
            "name": "北京华信科技有限公司",
            "phone": "010-62345678",
            "region": "华北",
            "status": "cooperating",
            "tier": "A",
            "founded": "2010-05-06",
            "revenue": "120万",
        },
        [{"name": "张伟", "mobile": "13812345678", "title": "采购经理"}],
    )
    target = tmp_path / "out.xlsx"
    ExportService(archive, "boss").export_list(target, lang="zh_CN")
    other = Archive.create(tmp_path / "other.carc", "another passphrase 12345")
    try:
        outcome = ImportService(other, "boss").run(target)
        assert outcome.problems == [] and outcome.counts["create"] == 1
        card = CustomerService(other, "boss").get(CustomerService(other, "boss").find()[0])
        v = card.values
        assert (v["name"], v["phone"], v["region"], v["status"].value, v["tier"].value) == (
            "北京华信科技有限公司",
            "+861062345678",
            "华北",
            "cooperating",
            "A",
        )
        assert v["founded"] == dt.date(2010, 5, 6) and str(v["revenue"]) == "1200000.00"
    finally:
        other.close()


def test_only_roles_that_import_may(archive_path, passphrase, messy):
    archive = Archive.create(archive_path, passphrase)
    try:
        accounts = AccountService(archive)
        admin = accounts.ensure_first_admin("boss")
        accounts.add_user(
            admin,
            "sun",
            "孙业务",
            "salesperson",
            "华东",
            PW,
            admin_password=PW,
            must_change_password=False,
        )
        with pytest.raises(errors.PermissionDenied):
            ImportService(archive, accounts.login("sun", PW)).preview(messy)
    finally:
        archive.close()


def _ods(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", "<office:document-content/>")


def _zip(path):
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "hello")


# An encrypted .xlsx is an OLE2 compound file holding "EncryptionInfo" and "EncryptedPackage"
# streams; the first bytes below are its signature and its directory's stream name.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504
BAD_FILES = {
    "a PDF renamed": (lambda p: p.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "is a PDF"),
    "a CSV renamed": (
        lambda p: p.write_text("公司名称,电话\n北京华信,010-62345678\n", "utf-8"),
        "it is text",
    ),
    "an empty file": (lambda p: p.write_bytes(b""), "is empty"),
    "password protected": (
        lambda p: p.write_bytes(_OLE2 + "EncryptionInfo".encode("utf-16-le")),
        "protected with a password",
    ),
    "a damaged .xls": (lambda p: p.write_bytes(_OLE2 + b"Workbook"), "damaged"),
    "a damaged .ods": (_ods, "damaged"),
    "some other zip": (_zip, "not an Excel workbook"),
    "a damaged workbook": (lambda p: p.write_bytes(b"PK\x03\x04" + b"\x00" * 100), "damaged"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_that_is_no_workbook_gets_a_clear_message(archive, tmp_path, kind):
    make, words = BAD_FILES[kind]
    path = tmp_path / "客户.xlsx"
    make(path)
    before = archive.query_one("SELECT count(*) FROM audit_log")[0]
    with pytest.raises(xi.ImportFileError) as raised:
        ImportService(archive, "boss").run(path)
    assert words in raised.value.message and "客户.xlsx" in raised.value.message
    assert raised.value.exit_status == 14
    assert raised.value.details["name"] == "客户.xlsx"  # for the window's translated sentence
    assert raised.value.details["kind"] in {
        "pdf",
        "text",
        "empty",
        "encrypted",
        "xls",
        "ods",
        "zip",
        "damaged",
    }
    assert archive.query_one("SELECT count(*) FROM audit_log")[0] == before
    assert cards(archive) == {}


def test_a_damaged_sheet_inside_a_valid_zip_is_reported(archive, tmp_path, messy):
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(messy) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "xl/workbook.xml":
                data = data[: len(data) // 2]
            dst.writestr(item, data)
    with pytest.raises(xi.ImportFileError, match="broken.xlsx is damaged: "):
        ImportService(archive, "boss").run(broken)


def test_a_card_deleted_between_the_parts_of_an_import_is_reported_not_crashed(
    archive, tmp_path, monkeypatch
):
    # Row 3 repeats row 2 (and updates the card row 2 made). Someone deletes that card while
    # the import reads its next part (it holds no lock then): row 3 is reported, the rest of
    # the import goes on.
    import desktop.services.importing as importing

    path = tmp_path / "list.xlsx"
    wb = Workbook()
    wb.active.append(["单位", "片区", "行业"])
    wb.active.append(["成都天府软件有限公司", "西南", None])
    wb.active.append(["成都天府软件有限公司", None, "软件"])
    wb.active.append(["重庆山城物流有限公司", "西南", "物流"])
    wb.save(path)
    monkeypatch.setattr(importing, "PART_ROWS", 1)
    real_read, deleted = importing._Planner.read, []

    def someone_deletes(self, row_no, values):
        if row_no == 3 and not deleted:
            cid = cards(archive)["成都天府软件有限公司"]["id"]
            CustomerService(archive, "boss").delete(cid, "a colleague's cleanup")
            deleted.append(cid)
        return real_read(self, row_no, values)

    monkeypatch.setattr(importing._Planner, "read", someone_deletes)
    outcome = ImportService(archive, "boss").run(path, on_duplicate="update")
    assert deleted
    row = next(r for r in outcome.rows if r.row == 3)
    assert row.action == "invalid"
    assert [p.text() for p in row.problems] == [
        "Sheet!3 -: The card it updates was deleted meanwhile by someone else: nothing was changed"
    ]
    assert outcome.counts["create"] == 2 and outcome.counts["invalid"] == 1
    assert sorted(cards(archive)) == ["重庆山城物流有限公司"]


def test_a_second_row_with_the_same_archive_number_is_a_duplicate_in_the_preview_and_the_run(
    archive, tmp_path
):
    # Both rows are in one part of the import (planned before either is written): the second
    # is found as a duplicate of the first by its archive number, as the preview says, instead
    # of the import failing when it writes it.
    path = tmp_path / "list.xlsx"
    wb = Workbook()
    wb.active.append(["档案编号", "单位", "片区"])
    wb.active.append(["KH-2026-0901", "成都天府软件有限公司", "西南"])
    wb.active.append(["KH-2026-0901", "重庆山城物流有限公司", "西南"])
    wb.save(path)
    svc = ImportService(archive, "boss")
    preview = svc.run(path, dry_run=True, on_duplicate="create")
    outcome = svc.run(path, on_duplicate="create")
    for result in (preview, outcome):
        row = next(r for r in result.rows if r.row == 3)
        assert row.action == "invalid"
        assert "KH-2026-0901 is already used" in row.problems[0].text()
    assert sorted(cards(archive)) == ["成都天府软件有限公司"]
    assert archive.query("SELECT archive_no FROM customers") == [("KH-2026-0901",)]
