"""An export opened by a real spreadsheet program: LibreOffice Calc, headless, converts every
sheet of the full workbook to CSV, and each cell must say what openpyxl wrote (text as text,
dates as dates, numbers as numbers, Chinese intact, a formula-looking name as the text it is).

Skipped, saying why, only where LibreOffice is not installed (packaging/debian-packages.txt
lists libreoffice-calc-nogui, so the README's test command installs it)."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import subprocess

import pytest

from system_tools import need
from openpyxl import load_workbook

from desktop.services.exporting import ExportService

from test_xlsx_export import office  # noqa: F401 - the fixture

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(autouse=True)
def _soffice() -> None:
    need("soffice")


# CSV filter: comma, double quote, UTF-8, from row 1, …, raw values (not "as shown"), every
# sheet into its own file (-1, LibreOffice ≥ 7.2).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def expected_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.strftime("%Y-%m-%d")
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return str(value)


def same(cell_value, text: str) -> bool:
    if isinstance(cell_value, (int, float)) and not isinstance(cell_value, bool):
        return text != "" and float(text) == pytest.approx(float(cell_value))
    return expected_text(cell_value) == text


def test_libreoffice_reads_every_cell_of_the_full_workbook(office, tmp_path):  # noqa: F811
    archive, people, ids = office
    target = tmp_path / "full.xlsx"
    ExportService(archive, people["zhao"]).export_full(target, lang="zh_CN")
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

    wb = load_workbook(target)
    compared = 0
    for ws in wb.worksheets:
        csv_file = out / f"full-{ws.title}.csv"
        assert csv_file.exists(), f"LibreOffice wrote no sheet {ws.title}: {sorted(out.iterdir())}"
        with open(csv_file, encoding="utf-8", newline="") as f:
            lo_rows = list(csv.reader(f))
        ours = list(ws.iter_rows(values_only=True))
        assert len(lo_rows) == len(ours), ws.title
        for r, (mine, theirs) in enumerate(zip(ours, lo_rows, strict=True), 1):
            theirs = theirs + [""] * (len(mine) - len(theirs))
            for c, value in enumerate(mine):
                assert same(value, theirs[c]), (ws.title, r, c + 1, value, theirs[c])
                compared += value is not None
    assert compared > 100
    customers = {row[0]: row for row in csv.reader(open(out / "full-客户.csv", encoding="utf-8"))}
    assert '=HYPERLINK("http://x")北京长城科技' in customers  # text, not a formula result
    assert customers["上海东方贸易有限公司"][6] == "2019-04-01"  # a date cell
