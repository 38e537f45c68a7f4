"""The analysis as files and on the command line: the PDF report read back with poppler, the
Excel workbook opened with openpyxl (its native charts pointing at the right cells), tables
and JSON, errors, and the audit entries of both exports."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

import openpyxl
import pytest

from desktop.reports import analysis as calc
from desktop.reports.analysis_xlsx import sheet_name
from desktop.services.analysis import AnalysisService

from analysis_support import CUSTOMERS, END, PW, START, fen, in_period, make_office
from pdf_support import cjk_fonts_embedded, pdf_text

PERIOD = ["--from", START.isoformat(), "--to", END.isoformat()]


@pytest.fixture
def office(archive_path, passphrase):
    archive, people, ids = make_office(archive_path, passphrase)
    archive.close()
    return archive_path, people, ids


def run(cli, path, passphrase, user, *args):
    """The CLI as ``user`` of the multi-user office (passphrase, then the password)."""
    return cli.run(
        ["-a", path, "--passphrase-stdin", "--password-stdin", "--user", user, *args],
        stdin=f"{passphrase}\n{PW}\n",
    )


def expected(path, passphrase, user):
    from desktop.services.accounts import AccountService
    from desktop.storage.archive import Archive

    with Archive.open(path, passphrase) as archive:
        actor = AccountService(archive).login(user, PW)
        return AnalysisService(archive, actor).analyse(START, END)


def audit_tail(path, passphrase):
    """The newest print or export entry."""
    from desktop.storage.archive import Archive

    with Archive.open(path, passphrase) as archive:
        return archive.query_one(
            "SELECT action, user_name, target_type, details FROM audit_log "
            "WHERE action IN ('print', 'export') ORDER BY id DESC LIMIT 1"
        )


def total_revenue(customers=CUSTOMERS) -> int:
    return sum(fen(t[1]) for c in customers for t in in_period(c[7]))


def test_cli_json_has_the_figures_of_the_inserted_data(cli, office, passphrase):
    path, _, _ = office
    result = run(cli, path, passphrase, "zhao", "analysis", *PERIOD, "--json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["period"] == {"from": START.isoformat(), "to": END.isoformat()}
    assert data["customers"] == len(CUSTOMERS)
    assert data["revenue_fen"] == total_revenue()
    assert Decimal(data["revenue"]) * 100 == total_revenue()
    tiers = {r["key"]: r for r in data["compositions"]["tier"]["rows"]}
    a_revenue = sum(fen(t[1]) for c in CUSTOMERS if c[1] == "A" for t in in_period(c[7]))
    assert tiers["A"]["revenue_fen"] == a_revenue
    assert tiers["A"]["revenue_share"] == pytest.approx(a_revenue / total_revenue())
    assert set(data["credit"]["grades"]["rows"][0]) >= {"key", "customers", "revenue_share"}


def test_cli_tables_and_a_salesperson_sees_only_their_own(cli, office, passphrase):
    path, _, _ = office
    result = run(cli, path, passphrase, "sun", "analysis", *PERIOD, "--lang", "zh")
    assert result.code == 0, result.err
    mine = [c for c in CUSTOMERS if c[5] == "sun"]
    assert "收入构成（按客户等级）" in result.out and "客户信用分析" in result.out
    assert calc.yuan(total_revenue(mine)) in result.out
    assert "sun 负责的客户" in result.out
    assert "北京长城科技有限公司" not in result.out
    data = run(cli, path, passphrase, "sun", "analysis", *PERIOD, "--json").json()
    assert data["customers"] == len(mine) and data["scope"] == "own"


def test_cli_credit_lists_the_ratings_of_one_grade(cli, office, passphrase):
    path, _, _ = office
    service = expected(path, passphrase, "zhao")
    result = run(
        cli, path, passphrase, "zhao", "analysis", "credit", "--grade", "D", *PERIOD, "--json"
    )
    assert result.code == 0, result.err
    assert [r["name"] for r in result.json()] == [
        r.name for r in service.credit.ratings if r.grade == "D"
    ]
    assert result.json() and all(r["terms_zh"] == "预付全款" for r in result.json())
    bad = run(cli, path, passphrase, "zhao", "analysis", "credit", "--grade", "E")
    assert bad.code == 14 and "--grade" in bad.assert_one_line_error()


def test_cli_rules_changed_by_the_administrator_only(cli, office, passphrase):
    path, _, _ = office
    refused = run(cli, path, passphrase, "zhao", "analysis", "rules", "--set", "c_late_share=0.2")
    assert refused.code == 16, refused.err
    refused.assert_one_line_error()
    bad = run(cli, path, passphrase, "boss", "analysis", "rules", "--set", "c_late_share=abc")
    assert bad.code == 14 and "c_late_share" in bad.assert_one_line_error()
    unknown = run(cli, path, passphrase, "boss", "analysis", "rules", "--set", "nonsense=1")
    assert unknown.code == 14
    ok = run(
        cli,
        path,
        passphrase,
        "boss",
        "analysis",
        "rules",
        "--set",
        "c_late_share=0.2",
        "--set",
        "a_term_days=45",
        "--json",
    )
    assert ok.code == 0, ok.err
    assert ok.json()["c_late_share"] == 0.2 and ok.json()["a_term_days"] == 45
    shown = run(cli, path, passphrase, "sun", "analysis", "rules", "--lang", "zh")
    assert "月结 45 天" in shown.out and "≥ 20%" in shown.out


def test_cli_bad_period_is_one_line_and_writes_nothing(cli, office, passphrase, tmp_path):
    path, _, _ = office
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "report.pdf"
    result = run(cli, path, passphrase, "zhao", "analysis", "pdf", out, "--from", "2026-13-01")
    assert result.code == 14 and "--from" in result.assert_one_line_error()
    result = run(
        cli,
        path,
        passphrase,
        "zhao",
        "analysis",
        "xlsx",
        out,
        "--from",
        "2026-06-01",
        "--to",
        "2026-01-01",
    )
    assert result.code == 14
    result.assert_one_line_error()
    assert list(folder.iterdir()) == []


def test_pdf_report_has_the_chinese_headings_figures_and_an_embedded_font(
    cli, office, passphrase, tmp_path
):
    path, _, _ = office
    out = tmp_path / "分析报告.pdf"
    result = run(cli, path, passphrase, "zhao", "analysis", "pdf", out, *PERIOD, "--lang", "zh")
    assert result.code == 0, result.err
    service = expected(path, passphrase, "zhao")
    body = pdf_text(out)
    for heading in (
        "客户资料分析",
        "收入构成（按客户等级）",
        "客户状态构成",
        "地区构成",
        "行业构成",
        "业务构成（按合作方式）",
        "利润贡献",
        "客户信用分析",
        "主要客户",
    ):
        assert heading in body, heading
    assert calc.yuan(total_revenue()) in body
    for row in service.tier.rows:
        assert f"{row.label('tier', 'zh')}".replace(" ", "") in body
    for row in service.business_line.rows:
        assert calc.yuan(row.revenue_fen) in body
    assert service.contribution.top[0].name in body
    watched = service.credit.watch()
    assert watched and all(r.name.replace(" ", "") in body for r in watched)
    assert cjk_fonts_embedded(out)
    action, user, target, details = audit_tail(path, passphrase)
    assert (action, user, target) == ("print", "zhao", "analysis")
    assert (
        json.loads(details)["file"] == out.name and json.loads(details)["from"] == START.isoformat()
    )


def test_pdf_report_in_english(cli, office, passphrase, tmp_path):
    path, _, _ = office
    out = tmp_path / "report.pdf"
    assert (
        run(cli, path, passphrase, "zhao", "analysis", "pdf", out, *PERIOD, "--lang", "en").code
        == 0
    )
    body = pdf_text(out)
    assert "Compositionbytier" in body and "Creditanalysis" in body and "Keyaccount" in body


def test_xlsx_charts_reference_the_cells_holding_the_services_numbers(
    cli, office, passphrase, tmp_path
):
    path, _, _ = office
    out = tmp_path / "analysis.xlsx"
    result = run(cli, path, passphrase, "zhao", "analysis", "xlsx", out, *PERIOD, "--lang", "zh")
    assert result.code == 0, result.err
    service = expected(path, passphrase, "zhao")
    wb = openpyxl.load_workbook(out)
    for comp in service.compositions():
        ws = wb[sheet_name(comp.dimension, "zh")]
        n = len(comp.rows)
        # The table: one row per group, numbers as numbers, then the total.
        assert [ws.cell(i + 2, 1).value for i in range(n)] == [
            r.label(comp.dimension, "zh") for r in comp.rows
        ]
        assert [ws.cell(i + 2, 6).value for i in range(n)] == [
            Decimal(r.revenue_fen) / 100 for r in comp.rows
        ]
        assert [ws.cell(i + 2, 2).value for i in range(n)] == [r.customers for r in comp.rows]
        assert ws.cell(n + 2, 1).value == "合计"
        assert ws.cell(2, 6).number_format == "#,##0.00" and ws.cell(2, 7).number_format == "0.0%"
        pie, bars = ws._charts
        quoted = f"'{ws.title}'"
        assert type(pie).__name__ == "PieChart"
        assert pie.series[0].val.numRef.f == f"{quoted}!$F$2:$F${n + 1}"
        assert pie.series[0].cat.strRef.f == f"{quoted}!$A$2:$A${n + 1}"
        assert type(bars).__name__ == "BarChart"
        assert [s.val.numRef.f for s in bars.series] == [
            f"{quoted}!$C$2:$C${n + 1}",
            f"{quoted}!$G$2:$G${n + 1}",
        ]
        shares = [ws.cell(i + 2, 7).value for i in range(n)]
        assert shares == pytest.approx([r.revenue_share for r in comp.rows])
    credit = wb[sheet_name("credit", "zh")]
    grades = service.credit.grades.rows
    assert [credit.cell(i + 2, 2).value for i in range(len(grades))] == [
        r.customers for r in grades
    ]
    assert credit._charts[0].series[0].val.numRef.f == f"'{credit.title}'!$B$2:$B${len(grades) + 1}"
    ratings = wb[sheet_name("ratings", "zh")]
    assert ratings.max_row == len(service.credit.ratings) + 1
    assert [ratings.cell(i + 2, 2).value for i in range(len(service.credit.ratings))] == [
        r.name for r in service.credit.ratings
    ]
    profit = wb[sheet_name("profit", "zh")]
    curve = service.contribution.curve
    assert [profit.cell(i + 2, 2).value for i in range(len(curve))] == pytest.approx(
        [r for _, r in curve]
    )
    assert profit._charts[0].series[0].val.numRef.f == f"'{profit.title}'!$B$2:$B${len(curve) + 1}"
    action, user, target, details = audit_tail(path, passphrase)
    assert (action, user, target) == ("export", "zhao", "analysis")
    assert json.loads(details)["format"] == "xlsx" and json.loads(details)["file"] == out.name


def test_an_empty_period_still_writes_both_files(office, passphrase, tmp_path):
    from desktop.services.accounts import AccountService
    from desktop.storage.archive import Archive

    path, _, _ = office
    with Archive.open(path, passphrase) as archive:
        svc = AnalysisService(archive, AccountService(archive).login("zhao", PW))
        result = svc.export_xlsx(tmp_path / "empty.xlsx", dt.date(2030, 1, 1), dt.date(2030, 1, 31))
        svc.export_pdf(tmp_path / "empty.pdf", dt.date(2030, 1, 1), dt.date(2030, 1, 31))
    assert result.revenue_fen == 0
    wb = openpyxl.load_workbook(tmp_path / "empty.xlsx")
    assert wb[sheet_name("tier", "zh")].cell(2, 6).value == 0
    assert (tmp_path / "empty.pdf").stat().st_size > 1000


def test_no_export_from_a_read_only_archive_and_none_without_its_audit_entry(
    office, passphrase, tmp_path, monkeypatch
):
    from desktop import errors
    from desktop.services import analysis as service_module
    from desktop.storage.archive import Archive

    path, _, _ = office
    with Archive.open(path, passphrase, readonly=True) as ro:
        with pytest.raises(errors.FolderNotWritable):
            AnalysisService(ro, "boss").export_pdf(tmp_path / "ro.pdf", START, END)
    assert not (tmp_path / "ro.pdf").exists()

    def refuse(*args, **kwargs):
        raise errors.ArchiveBusy("busy")

    monkeypatch.setattr(service_module.AnalysisService, "record_export", refuse)
    with Archive.open(path, passphrase) as archive:
        with pytest.raises(errors.ArchiveBusy):
            AnalysisService(archive, "boss").export_xlsx(tmp_path / "busy.xlsx", START, END)
    assert list(tmp_path.glob("*busy*")) == []
