"""``export xlsx``, ``import sheets|xlsx|undo`` on the command line: what a user or a script
sees (problem lines, counts, JSON, exit statuses), and what lands in the archive."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

from test_xlsx_import import messy_workbook

PW = "a good password 1"


@pytest.fixture
def office(archive_path, passphrase):
    """An archive with two customers, closed again (the CLI opens it)."""
    with Archive.create(archive_path, passphrase) as a:
        svc = CustomerService(a, "boss")
        svc.add({"name": "北京华信科技有限公司", "region": "华北", "phone": "010-62345678"})
        svc.add({"name": "上海东方贸易有限公司", "region": "华东", "tier": "A"})
    return archive_path


def run(cli, archive, passphrase, *args, user_password=None):
    stdin = passphrase + "\n" + (user_password + "\n" if user_password else "")
    extra = ["--password-stdin"] if user_password else []
    return cli.run(
        ["-a", archive, "--passphrase-stdin", "--no-keyring", *extra, *args], stdin=stdin
    )


def test_export_the_filtered_list_in_english(cli, office, passphrase, tmp_path):
    out = tmp_path / "list.xlsx"
    result = run(
        cli, office, passphrase, "export", "xlsx", out, "--region", "华东", "--lang", "en", "--json"
    )
    assert result.code == 0, result.err
    assert result.json()["rows"] == {"customers": 1} and result.json()["kind"] == "list"
    rows = list(load_workbook(out).active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Company name", "Archive number")
    assert [r[0] for r in rows[1:]] == ["上海东方贸易有限公司"]

    result = run(
        cli,
        office,
        passphrase,
        "export",
        "xlsx",
        tmp_path / "full.xlsx",
        "--full",
        "--lang",
        "zh_CN",
    )
    assert result.code == 0, result.err
    assert "customers 2" in result.out and "audit" in result.out
    assert "客户" in load_workbook(tmp_path / "full.xlsx").sheetnames


def test_a_regional_managers_full_export_waits_for_approval(cli, office, passphrase, tmp_path):
    with Archive.open(office, passphrase) as a:
        accounts = AccountService(a)
        admin = accounts.ensure_first_admin("boss")
        accounts.add_user(
            admin,
            "qian",
            "钱区域",
            "regional_manager",
            "华东",
            PW,
            admin_password=PW,
            must_change_password=False,
        )
        accounts.add_user(
            admin,
            "zhao",
            "赵经理",
            "manager",
            None,
            PW,
            admin_password=PW,
            must_change_password=False,
        )
    out = tmp_path / "full.xlsx"
    result = run(
        cli,
        office,
        passphrase,
        "--user",
        "qian",
        "export",
        "xlsx",
        out,
        "--full",
        "--reason",
        "季度盘点",
        user_password=PW,
    )
    assert result.code == 18
    assert "request #1" in result.assert_one_line_error() and not out.exists()
    assert (
        run(
            cli, office, passphrase, "--user", "zhao", "approvals", "approve", "1", user_password=PW
        ).code
        == 0
    )
    result = run(
        cli,
        office,
        passphrase,
        "--user",
        "qian",
        "export",
        "xlsx",
        out,
        "--full",
        "--json",
        user_password=PW,
    )
    assert result.code == 0, result.err
    assert result.json()["approval_id"] == 1 and result.json()["rows"]["customers"] == 1


def test_import_dry_run_then_run_then_undo(cli, office, passphrase, tmp_path):
    book = tmp_path / "客户名单.xlsx"
    messy_workbook(book)
    result = run(cli, office, passphrase, "import", "sheets", book)
    assert result.code == 0, result.err
    assert "旧名单  (hidden)" in result.out and "header in row 4" in result.out
    assert "D   联系人 手机  →  contact.mobile" in result.out

    result = run(cli, office, passphrase, "import", "xlsx", book, "--dry-run")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert "客户名单!9 B (联系电话): Not a valid phone number: 12345" in lines
    assert "客户名单!11 Company name: Company name is required" in lines
    assert lines[-1].startswith("Would create 3, would update 0; 2 duplicates skipped")
    assert lines[-1].endswith("Dry run: nothing was changed.")
    with Archive.open(office, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM customers")[0] == 2

    result = run(
        cli, office, passphrase, "import", "xlsx", book, "--on-duplicate", "update", "--json"
    )
    assert result.code == 0, result.err
    data = result.json()
    assert data["counts"]["create"] == 3 and data["counts"]["update"] == 1
    assert data["counts"]["unchanged"] == 1  # row 12 repeats row 5, which updated the card
    assert data["batch_id"] == 1 and not data["dry_run"]
    assert {p["row"] for p in data["problems"]} == {9, 11, 14}
    assert data["problems"][0]["text"].startswith("客户名单!9 ")
    with Archive.open(office, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM customers")[0] == 5
        assert a.query_one("SELECT tier FROM customers WHERE name = '上海东方贸易有限公司'") == (
            "A",
        )
        assert a.query_one("SELECT phone FROM customers WHERE name = '上海东方贸易有限公司'") == (
            "+862162345678",
        )

    result = run(cli, office, passphrase, "import", "undo")
    assert result.code == 0, result.err
    assert result.out.strip() == "Import #1 undone: 3 cards deleted, 1 restored."
    with Archive.open(office, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM customers")[0] == 2
        assert a.query_one("SELECT phone FROM customers WHERE name = '上海东方贸易有限公司'") == (
            None,
        )
    result = run(cli, office, passphrase, "import", "undo")
    assert result.code == 17 and "already undone" in result.assert_one_line_error()


def test_import_with_a_column_mapped_by_hand(cli, office, passphrase, tmp_path):
    book = tmp_path / "list.xlsx"
    wb = Workbook()
    wb.active.append(["单位", "Telefon", "Ort"])
    wb.active.append(["成都天府软件有限公司", "028-85551234", "西南"])
    wb.save(book)
    result = run(
        cli,
        office,
        passphrase,
        "import",
        "xlsx",
        book,
        "--map",
        "B=phone",
        "--map",
        "Ort=region",
        "--json",
    )
    assert result.code == 0, result.err
    with Archive.open(office, passphrase) as a:
        assert a.query(
            "SELECT phone, region FROM customers WHERE name = '成都天府软件有限公司'"
        ) == [("+862885551234", "西南")]
    bad = run(cli, office, passphrase, "import", "xlsx", book, "--map", "B=telefon")
    assert bad.code == 14 and "Unknown field 'telefon'" in bad.assert_one_line_error()
    bad = run(cli, office, passphrase, "import", "xlsx", book, "--map", "Z=phone")
    assert bad.code == 14 and "no column 'Z'" in bad.assert_one_line_error()


def test_a_pdf_is_refused_in_one_line_and_nothing_changes(cli, office, passphrase, tmp_path):
    fake = tmp_path / "客户.xlsx"
    fake.write_bytes(b"%PDF-1.4\n1 0 obj\n")
    result = run(cli, office, passphrase, "import", "xlsx", fake)
    assert result.code == 14
    assert (
        result.assert_one_line_error()
        == "customer-archive: 客户.xlsx is a PDF document, not a spreadsheet."
    )
    with Archive.open(office, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM customers")[0] == 2
        assert a.query_one("SELECT count(*) FROM import_batches")[0] == 0
        assert a.query_one("SELECT count(*) FROM audit_log WHERE action LIKE 'import%'")[0] == 0
