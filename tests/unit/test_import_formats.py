"""The office's list saved by LibreOffice Calc as Excel 97-2003 (.xls, what WPS often saves
too) and as OpenDocument (.ods) imports exactly as the same list saved as .xlsx: the same
cards, the same problems on the same rows, Chinese text, phones stored as numbers, serial and
text dates, merged title and header cells, the hidden sheet. The files in tests/data were
made from ``messy_workbook`` by tests/data/make_spreadsheets.py."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from test_xlsx_import import cards, messy_workbook

from desktop.services.importing import ImportService
from desktop.storage.archive import Archive

DATA = Path(__file__).resolve().parent.parent / "data"
FORMATS = ["xls", "ods"]


@pytest.fixture
def archive(archive_path, passphrase):
    a = Archive.create(archive_path, passphrase)
    yield a
    a.close()


def imported(path: Path, tmp_path: Path, passphrase: str, name: str):
    a = Archive.create(tmp_path / f"{name}.carc", passphrase)
    try:
        svc = ImportService(a, "boss")
        preview = svc.preview(path)
        outcome = svc.run(path)
        got = cards(a)
        for c in got.values():
            c.pop("id")
        contacts = sorted(a.query("SELECT name, mobile, title FROM contacts"))
        return preview, outcome, got, contacts
    finally:
        a.close()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_list_saved_by_libreoffice_imports_as_its_xlsx_does(fmt, tmp_path, passphrase):
    xlsx = tmp_path / "客户名单.xlsx"
    messy_workbook(xlsx)
    other = tmp_path / f"客户名单.{fmt}"
    shutil.copyfile(DATA / f"messy-libreoffice.{fmt}", other)
    want_preview, want_run, want_cards, want_contacts = imported(xlsx, tmp_path, passphrase, "a")
    preview, run, got, contacts = imported(other, tmp_path, passphrase, "b")
    assert got == want_cards and len(got) == 4
    assert got["上海东方贸易有限公司"]["phone"] == "+862162345678"  # a number in the cell
    assert got["杭州瑞丰食品有限公司"]["founded"] == "2019-03-06"  # a serial date
    assert got["杭州瑞丰食品有限公司"]["region"] == "华东"  # merged down
    assert contacts == want_contacts
    assert [p.text() for p in preview.problems] == [p.text() for p in want_preview.problems]
    assert preview.counts == want_preview.counts and run.counts == want_run.counts
    assert (preview.header_row, preview.empty_rows) == (
        want_preview.header_row,
        want_preview.empty_rows,
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_its_sheets_are_listed_with_the_hidden_one_marked(fmt, archive):
    sheets = ImportService(archive, "boss").sheets(DATA / f"messy-libreoffice.{fmt}")
    assert [(s.name, s.hidden) for s in sheets] == [("客户名单", False), ("旧名单", True)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_file_named_xlsx_is_read_as_what_it_is(fmt, archive, tmp_path):
    renamed = tmp_path / "客户名单.xlsx"
    shutil.copyfile(DATA / f"messy-libreoffice.{fmt}", renamed)
    assert ImportService(archive, "boss").run(renamed).counts["create"] == 4


def test_the_command_line_imports_an_xls_and_finds_its_cards(
    cli, made_archive, passphrase, tmp_path
):
    xls = tmp_path / "客户名单.xls"
    shutil.copyfile(DATA / "messy-libreoffice.xls", xls)
    base = ["-a", made_archive, "--passphrase-stdin", "--no-keyring"]
    result = cli.run([*base, "import", "xlsx", xls], stdin=passphrase + "\n")
    assert result.code == 0, result.err
    found = cli.run(
        [*base, "--lang", "zh_CN", "customers", "search", "瑞丰"], stdin=passphrase + "\n"
    )
    assert "杭州瑞丰食品有限公司" in found.out and "华东" in found.out
