"""The analysis workbook opened by a real spreadsheet program: LibreOffice Calc, headless,
converts every sheet to CSV, and each cell says what the service computed (numbers as
numbers, shares as fractions, Chinese intact). Skipped only where LibreOffice is missing."""

from __future__ import annotations

import csv
import shutil
import subprocess

import pytest

from system_tools import need
from openpyxl import load_workbook

from desktop.reports.analysis_xlsx import sheet_name
from desktop.services.accounts import AccountService
from desktop.services.analysis import AnalysisService

from analysis_support import END, PW, START, make_office

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(autouse=True)
def _soffice() -> None:
    need("soffice")


# Comma, double quote, UTF-8, raw values, every sheet into its own file (LibreOffice ≥ 7.2).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def number(text: str) -> float:
    """A number as LibreOffice writes it: percent-formatted cells keep their % sign."""
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def test_libreoffice_reads_the_figures_of_every_sheet(archive_path, passphrase, tmp_path):
    archive, people, _ = make_office(archive_path, passphrase)
    try:
        svc = AnalysisService(archive, AccountService(archive).login("zhao", PW))
        target = tmp_path / "analysis.xlsx"
        result = svc.export_xlsx(target, START, END, lang="zh")
    finally:
        archive.close()
    out = tmp_path / "csv"
    done = subprocess.run(
        [
            SOFFICE,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'lo-profile'}",
            "--convert-to",
            CSV_FILTER,
            "--outdir",
            str(out),
            str(target),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr

    def sheet(key: str) -> list[list[str]]:
        path = out / f"analysis-{sheet_name(key, 'zh')}.csv"
        assert path.exists(), sorted(p.name for p in out.iterdir())
        with open(path, encoding="utf-8", newline="") as f:
            return list(csv.reader(f))

    for comp in result.compositions():
        rows = sheet(comp.dimension)
        assert rows[0][:7] == [
            "类别",
            "客户数",
            "客户占比",
            "有交易客户",
            "交易笔数",
            "交易额（元）",
            "收入占比",
        ]
        for r, group in zip(rows[1 : len(comp.rows) + 1], comp.rows, strict=True):
            assert r[0] == group.label(comp.dimension, "zh")
            assert int(r[1]) == group.customers and int(r[4]) == group.transactions
            assert number(r[5]) == pytest.approx(group.revenue_fen / 100)
            if group.revenue_share is not None:
                assert number(r[6]) == pytest.approx(group.revenue_share)
        assert rows[len(comp.rows) + 1][0] == "合计"
        assert number(rows[len(comp.rows) + 1][5]) == pytest.approx(comp.revenue_fen / 100)
    ratings = sheet("ratings")
    assert [r[1] for r in ratings[1:]] == [r.name for r in result.credit.ratings]
    assert [number(r[4]) for r in ratings[1:]] == pytest.approx(
        [r.revenue_fen / 100 for r in result.credit.ratings]
    )
    # Every other cell LibreOffice read is the one openpyxl reads back.
    wb = load_workbook(target)
    credit = sheet("credit")
    mine = list(wb[sheet_name("credit", "zh")].iter_rows(values_only=True))
    for ours, theirs in zip(mine, credit, strict=True):
        for value, text in zip(ours, theirs, strict=True):
            if isinstance(value, (int, float)):
                assert number(text) == pytest.approx(float(value))
            else:
                assert (value or "") == text
