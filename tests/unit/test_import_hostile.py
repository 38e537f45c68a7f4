"""Spreadsheets as they arrive, hostile or odd: a wrong size note (<dimension>), damaged XML, a
shared string that is not there, a zip bomb, a sheet larger than Excel allows, two columns
with the same title. Each is read as Excel reads it, or refused in one line naming the file;
nothing is changed."""

from __future__ import annotations

import re
import time
import zipfile

import pytest
from openpyxl import Workbook

from desktop.reports import xlsx_import as xi
from desktop.services.importing import ImportService
from desktop.storage.archive import Archive

CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
    '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
    '"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>'
)
WB = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
    'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships"><sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WB_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="'
    'worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
    'openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
)
SHEET_TAIL = "</sheetData></worksheet>"


def raw_xlsx(path, sheet_data: str | bytes, strings=("公司名称", "电话"), level: int = 6) -> None:
    """An .xlsx written part by part, as a hostile or careless program could write it."""
    sst = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main">' + "".join(f"<si><t>{s}</t></si>" for s in strings) + "</sst>"
    )
    if isinstance(sheet_data, str):
        sheet_data = sheet_data.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
        for name, data in (
            ("[Content_Types].xml", CT),
            ("_rels/.rels", RELS),
            ("xl/workbook.xml", WB),
            ("xl/_rels/workbook.xml.rels", WB_RELS),
            ("xl/sharedStrings.xml", sst),
        ):
            z.writestr(name, data)
        z.writestr(
            "xl/worksheets/sheet1.xml", SHEET_HEAD.encode() + sheet_data + SHEET_TAIL.encode()
        )


def header_row() -> str:
    return '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'


def data_row(r: int, name: str, phone: str) -> str:
    return (
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{name}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>{phone}</t></is></c></row>'
    )


@pytest.fixture
def archive(archive_path, passphrase):
    a = Archive.create(archive_path, passphrase)
    yield a
    a.close()


def names(archive) -> list[str]:
    return sorted(r[0] for r in archive.query("SELECT name FROM customers"))


def refused(archive, path) -> xi.ImportFileError:
    with pytest.raises(xi.ImportFileError) as raised:
        ImportService(archive, "boss").run(path)
    message = raised.value.message
    assert "\n" not in message and path.name in message
    assert "unexpected" not in message.casefold()
    assert names(archive) == []
    return raised.value


def test_rows_beyond_a_wrong_dimension_are_read(archive, tmp_path):
    wb = Workbook()
    wb.active.append(["公司名称", "电话"])
    companies = [f"第{i}贸易有限公司" for i in range(1, 8)]
    for i, name in enumerate(companies):
        wb.active.append([name, f"010-6234567{i}"])
    good = tmp_path / "good.xlsx"
    wb.save(good)
    path = tmp_path / "wrong size.xlsx"  # the sheet says it ends at B2
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', data)
            dst.writestr(item.filename, data)
    sheets = ImportService(archive, "boss").sheets(path)
    assert sheets[0].rows == len(companies) + 1
    outcome = ImportService(archive, "boss").run(path)
    assert outcome.counts["create"] == len(companies)
    assert names(archive) == sorted(companies)


def test_damaged_sheet_xml_is_refused_in_one_line(archive, tmp_path):
    path = tmp_path / "cut.xlsx"
    raw_xlsx(path, header_row() + data_row(2, "北京华信科技有限公司", "010-62345678")[:-20])
    error = refused(archive, path)
    assert f"The workbook {path.name} is damaged: " in error.message
    assert error.details["kind"] == "damaged"


def test_a_shared_string_that_is_not_there_is_refused_in_one_line(archive, tmp_path):
    path = tmp_path / "strings.xlsx"
    raw_xlsx(path, header_row() + '<row r="2"><c r="A2" t="s"><v>7</v></c></row>')
    error = refused(archive, path)
    assert f"{path.name} is damaged: " in error.message and "shared strings" in error.message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(archive, tmp_path, monkeypatch):
    # a valid sheet padded with 40 MB of spaces: it packs some 1000 times
    path = tmp_path / "bomb.xlsx"
    raw_xlsx(
        path, header_row() + " " * (40 << 20) + data_row(2, "北京华信科技有限公司", "010-62345678")
    )
    assert path.stat().st_size < 200_000
    started = time.perf_counter()
    error = refused(archive, path)
    assert time.perf_counter() - started < 5
    assert "zip bomb" in error.message and "xl/worksheets/sheet1.xml" in error.message


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused(archive, tmp_path, monkeypatch):
    path = tmp_path / "big.xlsx"
    rows = "".join(data_row(r, f"公司{r:07d}", f"010-{62340000 + r}") for r in range(2, 4000))
    raw_xlsx(path, header_row() + rows)
    unpacked = sum(i.file_size for i in zipfile.ZipFile(path).infolist())
    monkeypatch.setattr(xi, "MAX_UNPACKED", unpacked - 1, raising=False)
    error = refused(archive, path)
    assert "too large to import" in error.message


def test_a_sheet_beyond_excels_rows_is_refused(archive, tmp_path):
    path = tmp_path / "rows.xlsx"
    last = 1_048_576 + 1
    body = header_row() + "".join(
        f'<row r="{r}"><c r="A{r}"><v>{r}</v></c></row>' for r in range(2, last + 1)
    )
    raw_xlsx(path, body, level=1)
    started = time.perf_counter()
    error = refused(archive, path)
    assert time.perf_counter() - started < 30
    assert f"{last} rows" in error.message and "1048576" in error.message


def test_a_sheet_beyond_excels_columns_is_refused(archive, tmp_path):
    path = tmp_path / "cols.xlsx"
    raw_xlsx(path, header_row() + '<row r="2"><c r="XFE2"><v>1</v></c></row>')
    error = refused(archive, path)
    assert "16384" in error.message and "columns" in error.message


def test_two_columns_with_the_same_title_are_named_and_the_first_is_taken(archive, tmp_path):
    path = tmp_path / "same.xlsx"
    wb = Workbook()
    wb.active.append(["公司名称", "电话", "地区", "电话"])
    wb.active.append(["北京华信科技有限公司", "010-62345678", "华北", "13812345678"])
    wb.save(path)
    importer = ImportService(archive, "boss")
    _, columns = importer.columns(path)
    assert [(c.letter, c.field) for c in columns] == [
        ("A", "name"),
        ("B", "phone"),
        ("C", "region"),
        ("D", None),
    ]
    assert columns[3].to_json()["same_as"] == "B"
    outcome = importer.preview(path)
    texts = [p.text() for p in outcome.problems]
    assert len(texts) == 1 and texts[0].startswith("Sheet!1 D (电话): ")
    assert "column B" in texts[0] and "only B is imported" in texts[0]
    assert outcome.counts["create"] == 1 and outcome.counts["invalid"] == 0
    # the user says what the second one is: both are taken
    importer.run(path, mapping={"D": "fax"})
    phone, fax = archive.query_one("SELECT phone, fax FROM customers")
    assert (phone, fax) == ("+861062345678", "+8613812345678")
