"""The register's outputs: the Excel export with the list's filters, the loan slip and the
labels as PDFs (text, embedded CJK font, the item number as codes), from the command line."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest
from openpyxl import load_workbook

from desktop.storage import audit
from desktop.storage.archive import Archive

from loans_support import PW, make_office

TODAY = dt.date.today()


@pytest.fixture
def office(archive_path, passphrase):
    o = make_office(archive_path, passphrase)
    zhou = o.loans("zhou")
    o.clock.day = TODAY
    item = zhou.add_item("YP-001", "sample", "不锈钢阀门样品", shelf_location="A-3")
    late = o.loans("zhao").request(item, purpose="展会", borrower="孙业务", wanted_until=TODAY)
    zhou.checkout(late["id"], "完好")
    dossier = o.dossier("li")
    o.loans("zhao").request(dossier, purpose="审计抽查", wanted_until=TODAY + dt.timedelta(days=9))
    o.archive.close()
    # The sample's loan is overdue from tomorrow on; move its due date back instead of the clock.
    with Archive.open(archive_path, passphrase) as a, a.write() as conn:
        conn.execute(
            "UPDATE loans SET due = ? WHERE id = ?",
            ((TODAY - dt.timedelta(days=3)).isoformat(), late["id"]),
        )
    return archive_path, late["id"]


@pytest.fixture
def as_user(cli, office, passphrase):
    path, _ = office

    def run(who, *args):
        r = cli.run(
            ["-a", path, "--passphrase-stdin", "--password-stdin", "--user", who, *args],
            stdin=f"{passphrase}\n{PW}\n",
        )
        assert r.code == 0, (r.code, r.err)
        return r

    return run


def test_export_writes_the_filtered_register_with_real_dates(as_user, office, tmp_path, passphrase):
    out = tmp_path / "登记簿.xlsx"
    assert "2 loan(s)" in as_user("zhou", "loans", "export", out).out
    ws = load_workbook(out).active
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:T3"
    header = [c.value for c in ws[1]]
    assert header[:3] == ["借阅编号", "物品编号", "物品"]
    assert "逾期天数" in header and "应还日期" in header
    as_user("zhou", "loans", "export", out, "--overdue", "--lang", "en")
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    header = [c.value for c in ws[1]]
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Item number"] == "YP-001" and row["Borrower"] == "孙业务" and row["State"] == "Out"
    assert row["Due"] == dt.datetime.combine(TODAY - dt.timedelta(days=3), dt.time())  # a real date
    assert row["Days overdue"] == 3 and row["Condition out"] == "完好"
    assert isinstance(row["Handed out"], dt.datetime)
    path, _ = office
    with Archive.open(path, passphrase) as a:
        exports = audit.query(a.conn, action="export", limit=5)
        assert (
            exports[0].details["filters"] == {"overdue": True} and exports[0].details["rows"] == 1
        )


def test_the_loan_slip_has_the_terms_signature_lines_and_the_item_number(as_user, office, tmp_path):
    _, loan = office
    out = tmp_path / "slip.pdf"
    assert f"Loan slip #{loan}" in as_user("zhou", "loans", "slip", str(loan), out).out
    text = subprocess.run(["pdftotext", "-layout", out, "-"], capture_output=True, text=True).stdout
    for words in (
        "档案借阅单",
        "YP-001",
        "不锈钢阀门样品",
        "孙业务",
        "借阅须知",
        "借用人签字",
        "保管员签字",
        "归还登记",
        "接收人签字",
        "完好",
        "展会",
    ):
        assert words in text, words
    fonts = subprocess.run(["pdffonts", out], capture_output=True, text=True).stdout
    assert any("WenQuanYi" in line and " yes " in line for line in fonts.splitlines()), (
        fonts
    )  # embedded
    out_en = tmp_path / "slip-en.pdf"
    as_user("zhou", "loans", "slip", str(loan), out_en, "--lang", "en")
    text = subprocess.run(["pdftotext", out_en, "-"], capture_output=True, text=True).stdout
    assert (
        "Archive Loan Slip" in text
        and "Borrower (signature)" in text
        and "Custodian (signature)" in text
    )


def test_labels_for_chosen_items_or_all_of_a_kind(as_user, tmp_path):
    out = tmp_path / "labels.pdf"
    assert "1 label(s)" in as_user("zhou", "items", "labels", out, "YP-001").out
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
    assert "YP-001" in text and "不锈钢阀门样品" in text and "存放位置 A-3" in text
    as_user("zhou", "items", "labels", out, "--kind", "dossier")
    text = subprocess.run(["pdftotext", out, "-"], capture_output=True, text=True).stdout
    assert (
        "北京长城科技有限公司" in text and "上海东方贸易有限公司" in text and "YP-001" not in text
    )
