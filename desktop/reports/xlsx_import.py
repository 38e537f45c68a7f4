"""Reading customer lists from the office's own spreadsheets (.xlsx, .xls, .ods).

Real spreadsheets are messy, and this module takes them as they come:

- The file is checked first, so that a PDF renamed .xlsx, a CSV, an empty file or a
  password-protected workbook gets a sentence saying what it is and what to do, never a
  traceback. .xlsx/.xlsm, Excel 97-2003 .xls (what WPS often saves) and OpenDocument .ods
  are read alike, by what the file is rather than its name.
- A hostile file is refused before it is loaded: a zipped workbook is held to an unpacked
  size (``MAX_UNPACKED``), a packing ratio (``MAX_RATIO``, a zip bomb) and Excel's own row
  and column limits; a damaged one gets "The workbook X is damaged: …" in one line.
- Every sheet is listed, hidden ones marked (an office often keeps old lists there).
- The header row is found below title rows ("2024年客户名单", a date line): it is the row
  among the first ``HEADER_SCAN`` whose cells name the most known fields. Merged header
  cells count for every column they cover, and a merged group title above the header
  ("联系人" over 姓名 / 电话 / 手机) makes those columns the contact's.
- Columns are matched to fields from Chinese or English titles: the field registry's own
  labels and code names (so our exports read back), plus the synonyms offices use
  (``HEADER_SYNONYMS``: 公司名称/客户名称/企业名称, 联系电话, 业务员 …).
- Data rows come as raw cell values for the domain's validation to read (it knows Excel's
  serial dates, phone numbers stored as numbers, full-width digits, stray spaces). Two
  things are done here because they are about the sheet, not the value: a cell covered by
  a merged range takes the merged value (区域 "华东" merged down over five rows belongs to
  each), and a date written day.month.year (05.03.2024) is turned into year-month-day. The
  dotted form is the one day-first form in common use that is never month-first; dates
  with slashes (05/03/2024) stay refused as ambiguous, as ``parse_date`` documents.

No Qt, no database (docs/architecture.md, Layers). Reading uses python-calamine, which reads
the cells a sheet really has (openpyxl's read-only mode trusts the sheet's ``<dimension>`` and
drops rows beyond a wrong one); it loads one sheet at a time, which the bounds above keep finite.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import itertools
import re
import unicodedata
import zipfile
import zlib
from xml.etree.ElementTree import ParseError
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Mapping, Sequence

from openpyxl.utils import get_column_letter
from python_calamine import (
    CalamineError,
    CalamineWorkbook,
    PasswordError,
    SheetTypeEnum,
    SheetVisibleEnum,
)

from .. import errors
from . import ods_merged
from ..domain.customer import CONTACT_FIELDS, FIELDS, FieldSpec, find_field

HEADER_SCAN = 30  # rows looked at for the header
MAX_MERGED_CELLS = 200_000  # covered cells remembered for filling (a sanity limit)
CONTACT_PREFIX = "contact."

#: Header titles offices use, beyond the registry's labels. Keys are normalised (see
#: ``normalise_header``); values are field names, ``contact.<field>`` for the contact person.
HEADER_SYNONYMS: dict[str, str] = {
    # the company
    **dict.fromkeys(
        [
            "公司名称",
            "客户名称",
            "企业名称",
            "单位名称",
            "公司",
            "客户",
            "名称",
            "客户全称",
            "公司全称",
            "单位",
            "company",
            "companyname",
            "customer",
            "customername",
            "name",
            "client",
        ],
        "name",
    ),
    **dict.fromkeys(["客户编号", "编号", "档案号", "archiveno", "customerno", "no"], "archive_no"),
    **dict.fromkeys(
        [
            "电话",
            "联系电话",
            "公司电话",
            "办公电话",
            "座机",
            "固定电话",
            "固话",
            "总机",
            "tel",
            "telephone",
            "phone",
            "phoneno",
            "officephone",
        ],
        "phone",
    ),
    **dict.fromkeys(["传真", "传真号码", "fax"], "fax"),
    **dict.fromkeys(["邮箱", "电子邮箱", "电子邮件", "email", "e-mail", "mail"], "email"),
    **dict.fromkeys(
        ["地址", "公司地址", "详细地址", "通讯地址", "办公地址", "注册地址", "address"], "address"
    ),
    **dict.fromkeys(["邮编", "邮政编码", "postcode", "zip", "zipcode", "postalcode"], "postcode"),
    **dict.fromkeys(["行业", "所属行业", "行业类别", "industry", "sector"], "industry"),
    **dict.fromkeys(
        ["区域", "地区", "所属区域", "所属地区", "片区", "大区", "region", "area"], "region"
    ),
    **dict.fromkeys(
        [
            "负责人",
            "业务员",
            "销售",
            "销售员",
            "客户经理",
            "跟进人",
            "业务负责人",
            "responsible",
            "salesperson",
            "sales",
            "accountmanager",
        ],
        "responsible",
    ),
    **dict.fromkeys(
        [
            "等级",
            "客户等级",
            "级别",
            "客户级别",
            "客户分类",
            "分类",
            "tier",
            "level",
            "grade",
            "class",
        ],
        "tier",
    ),
    **dict.fromkeys(["状态", "客户状态", "合作状态", "status"], "status"),
    **dict.fromkeys(
        [
            "信用代码",
            "统一社会信用代码",
            "社会信用代码",
            "统一信用代码",
            "信用代码证",
            "creditcode",
            "uscc",
        ],
        "credit_code",
    ),
    **dict.fromkeys(
        ["成立日期", "成立时间", "注册日期", "成立", "founded", "foundedon"], "founded"
    ),
    **dict.fromkeys(["网址", "网站", "官网", "公司网址", "website", "web", "url"], "website"),
    **dict.fromkeys(["法人", "法定代表人", "法人代表", "legalrepresentative"], "legal_rep"),
    **dict.fromkeys(["注册资本", "注册资金", "registeredcapital"], "registered_capital"),
    **dict.fromkeys(["客户类型", "类型", "客户性质", "customertype", "type"], "customer_type"),
    **dict.fromkeys(["企业性质", "公司性质", "所有制"], "nature"),
    **dict.fromkeys(["来源", "信息来源", "客户来源", "source"], "source"),
    **dict.fromkeys(["标签", "tags", "tag"], "tags"),
    **dict.fromkeys(
        ["备注", "说明", "备注说明", "note", "notes", "remark", "remarks", "comment"], "note"
    ),
    **dict.fromkeys(["员工人数", "人数", "员工数", "规模人数", "employees", "staff"], "employees"),
    **dict.fromkeys(["营业额", "年营业额", "销售额", "年销售额", "revenue", "turnover"], "revenue"),
    **dict.fromkeys(["经营范围", "businessscope"], "business_scope"),
    **dict.fromkeys(["流失原因", "churnreason"], "churn_reason"),
    **dict.fromkeys(["决策者", "决策人", "decisionmaker"], "decision_maker"),
    # the contact person (one per row)
    **dict.fromkeys(
        ["联系人", "联系人姓名", "姓名", "contact", "contactperson", "contactname"], "contact.name"
    ),
    **dict.fromkeys(
        ["职务", "职位", "联系人职务", "title", "position", "jobtitle"], "contact.title"
    ),
    **dict.fromkeys(
        [
            "手机",
            "手机号",
            "手机号码",
            "移动电话",
            "联系人手机",
            "mobile",
            "cell",
            "cellphone",
            "mobilephone",
        ],
        "contact.mobile",
    ),
    **dict.fromkeys(["联系人电话"], "contact.phone"),
    **dict.fromkeys(["联系人邮箱"], "contact.email"),
}

#: Group titles above the header that make the columns below them the contact's.
CONTACT_GROUPS = frozenset(
    {
        "联系人",
        "联系人信息",
        "主要联系人",
        "联系方式",
        "contact",
        "contacts",
        "contactperson",
        "primarycontact",
    }
)

CONTACT_SYNONYMS: dict[str, str] = {
    **dict.fromkeys(["姓名", "名字", "联系人", "name"], "name"),
    **dict.fromkeys(["电话", "座机", "办公电话", "phone", "tel", "telephone"], "phone"),
    **dict.fromkeys(["手机", "手机号", "手机号码", "移动电话", "mobile", "cell"], "mobile"),
    **dict.fromkeys(["邮箱", "电子邮箱", "email", "e-mail"], "email"),
    **dict.fromkeys(["传真", "fax"], "fax"),
    **dict.fromkeys(["职务", "职位", "title", "position"], "title"),
}

_BRACKETS = re.compile(r"[(（\[【].*?[)）\]】]")
_DOTTED_DATE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")

#: Every field a column can be mapped to: card fields by name, contact fields as contact.*
IMPORT_FIELDS: dict[str, FieldSpec] = {
    **{s.name: s for s in FIELDS},
    **{CONTACT_PREFIX + s.name: s for s in CONTACT_FIELDS if s.name != "is_primary"},
}


class ImportFileError(errors.ValidationError):
    """The file is not a workbook this program can read; nothing was changed. ``details``:
    ``kind`` (folder, unreadable, empty, encrypted, pdf, text, unknown, damaged, zip, too_big,
    bomb, too_many_rows, too_many_columns), the file's ``name`` and, when damaged, the
    reader's ``detail``, for the window to say it in the user's language."""

    code = "import_file"


# ---------------------------------------------------------------------- headers
def normalise_header(text: object) -> str:
    """A title as compared: NFKC, no spaces, no required-field stars or colons, casefolded."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    s = "".join(s.split()).strip("*:：#").casefold()
    return s


def field_for_header(text: object, group: object = None) -> str | None:
    """The field a column title names (see the module docstring), or None."""
    key = normalise_header(text)
    if not key:
        return None
    if group is not None and normalise_header(group) in CONTACT_GROUPS:
        for k in (key, _BRACKETS.sub("", key)):
            if k in CONTACT_SYNONYMS:
                return CONTACT_PREFIX + CONTACT_SYNONYMS[k]
            spec = find_field(k, CONTACT_FIELDS)
            if spec is not None and spec.name != "is_primary":
                return CONTACT_PREFIX + spec.name
    for k in (key, _BRACKETS.sub("", key)):
        if not k:
            continue
        if k in HEADER_SYNONYMS:
            return HEADER_SYNONYMS[k]
        spec = find_field(k)
        if spec is not None:
            return spec.name
        if k.startswith(CONTACT_PREFIX) and k in IMPORT_FIELDS:
            return k
    return None


def field_label(name: str, lang: str = "en") -> str:
    """How a mapping target is named to the user: 手机 (联系人) / Mobile (contact)."""
    spec = IMPORT_FIELDS[name]
    if name.startswith(CONTACT_PREFIX):
        return f"{spec.label(lang)} ({'联系人' if lang.lower().startswith('zh') else 'contact'})"
    return spec.label(lang)


# ---------------------------------------------------------------------- the file
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_MARK = "EncryptionInfo".encode("utf-16-le")

#: Bounds against hostile files (a zip bomb, a sheet of millions of rows): a workbook whose
#: parts unpack to more than this is refused before any of it is read …
MAX_UNPACKED = 256 * 1024 * 1024
#: … and so is a part packed more tightly than this (ordinary sheets pack 5–30 times; Apache
#: POI refuses beyond 100 too), once it is over ``RATIO_FROM`` bytes.
MAX_RATIO = 100
RATIO_FROM = 1024 * 1024
#: Excel's own limits: a sheet beyond them is not one Excel could have saved.
MAX_ROWS = 1_048_576
MAX_COLUMNS = 16_384
_BLOCK = 1 << 20


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def check_file(path: str | Path) -> str:
    """Raise ``ImportFileError`` with what the file is and what to do, unless it is a
    workbook this program reads; else its format: "xlsx", "xls" or "ods".

    A zipped workbook (.xlsx, .ods) is unpacked here once, without keeping anything, to hold
    it to the bounds above: the sizes its directory declares first (a zip bomb is refused
    before a byte is unpacked), then what each part really unpacks to (a directory that lies
    is caught by its checksum). The rows of each sheet are counted on the way."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
        with open(path, "rb") as f:
            head = f.read(64 * 1024)
    except FileNotFoundError:
        raise errors.NotFound("There is no file {path}.", path=str(path)) from None
    except IsADirectoryError:
        raise ImportFileError(
            f"{name} is a folder, not a workbook.", kind="folder", name=name
        ) from None
    except OSError as exc:
        raise ImportFileError(
            f"{name} cannot be read: {exc.strerror}.", kind="unreadable", name=name
        ) from None
    save_as = "open it in Excel, WPS or LibreOffice and save it as an Excel workbook (.xlsx)"
    if size == 0:
        raise ImportFileError(
            f"{name} is empty (0 bytes): it holds no workbook.", kind="empty", name=name
        )
    if head.startswith(_OLE2):
        if _ENCRYPTED_MARK in head or b"EncryptedPackage" in head:
            raise ImportFileError(
                f"{name} is protected with a password: {save_as} without the password "
                "(File › Info › Protect Workbook › Encrypt with Password, clear it).",
                kind="encrypted",
                name=name,
            )
        if size > MAX_UNPACKED:
            raise _too_big(name, size)
        return "xls"
    if head.startswith(b"%PDF"):
        raise ImportFileError(
            f"{name} is a PDF document, not a spreadsheet.", kind="pdf", name=name
        )
    if not head.startswith(b"PK\x03\x04"):
        text = _looks_like_text(head)
        what = "text (a CSV or text file?)" if text else "not a spreadsheet"
        raise ImportFileError(
            f"{name} is not an Excel workbook: it is {what}. To import it, {save_as}.",
            kind="text" if text else "unknown",
            name=name,
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            names = {i.filename for i in infos}
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
            if b"opendocument.spreadsheet" in mimetype:
                kind = "ods"
            elif "xl/workbook.xml" in names:
                kind = "xlsx"
            else:
                raise ImportFileError(
                    f"{name} is a ZIP archive but not an Excel workbook.", kind="zip", name=name
                )
            _check_declared(name, infos)
            _check_unpacked(name, z, infos)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
        zlib.error,
    ):
        raise ImportFileError(
            f"{name} is damaged: it cannot be opened as a workbook.", kind="damaged", name=name
        ) from None
    return kind


def _too_big(name: str, unpacked: int) -> ImportFileError:
    return ImportFileError(
        f"{name} is too large to import: it unpacks to {_mb(unpacked)}, more than the "
        f"{_mb(MAX_UNPACKED)} this program reads; split the list into several workbooks.",
        kind="too_big",
        name=name,
    )


def _check_declared(name: str, infos: list[zipfile.ZipInfo]) -> None:
    total = sum(i.file_size for i in infos)
    if total > MAX_UNPACKED:
        raise _too_big(name, total)
    for i in infos:
        if i.file_size > RATIO_FROM and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise ImportFileError(
                f"{name} is not an ordinary workbook: its part {i.filename} unpacks "
                f"{i.file_size // max(i.compress_size, 1)} times larger than it is stored (a "
                f'"zip bomb"?); it was not read.',
                kind="bomb",
                name=name,
            )


def _check_unpacked(name: str, z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> None:
    total = 0
    for i in infos:
        if i.is_dir():
            continue
        sheet = i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")
        rows, tail = 0, b""
        with z.open(i) as f:  # stops at the declared size and checks the CRC at its end
            while True:
                block = f.read(_BLOCK)
                if not block:
                    break
                total += len(block)
                if total > MAX_UNPACKED:
                    raise _too_big(name, total)
                if sheet:
                    data = tail + block
                    rows += data.count(b"<row ") + data.count(b"<row>")
                    tail = data[-5:]
                    rows -= tail.count(b"<row ") + tail.count(b"<row>")
        if sheet:
            rows += tail.count(b"<row ") + tail.count(b"<row>")
            if rows > MAX_ROWS:
                raise _too_many_rows(name, rows)


def _too_many_rows(name: str, rows: int, sheet: str | None = None) -> ImportFileError:
    where = f"the sheet {sheet!r} of {name}" if sheet else f"a sheet of {name}"
    return ImportFileError(
        f"{where} has {rows} rows, more than the {MAX_ROWS} a sheet can have in Excel; "
        "it was not read.",
        kind="too_many_rows",
        name=name,
    )


def _looks_like_text(head: bytes) -> bool:
    for encoding in ("utf-8", "gb18030", "utf-16"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\r\n\t" for ch in text[:2000])
    return False


def _damaged(name: str, exc: BaseException) -> ImportFileError:
    """What calamine found wrong, in one line ("XmlError: sheetData", "Cell string index not
    found in shared strings table")."""
    detail = " ".join(str(exc).split())[:160] or type(exc).__name__
    return ImportFileError(
        f"The workbook {name} is damaged: {detail}.", kind="damaged", name=name, detail=detail
    )


_SUFFIXES = {"xlsx": (".xlsx", ".xlsm"), "xls": (".xls",), "ods": (".ods",)}


@contextlib.contextmanager
def _workbook(path: str | Path):
    kind = check_file(path)
    name = Path(path).name
    try:
        if Path(path).suffix.lower() in _SUFFIXES[kind]:
            wb = CalamineWorkbook.from_path(str(path))
        else:  # by its content: an .ods or .xls renamed .xlsx is read as what it is
            with open(path, "rb") as f:
                wb = CalamineWorkbook.from_filelike(f)
    except PasswordError:
        raise ImportFileError(
            f"{name} is protected with a password: open it in Excel, WPS or "
            "LibreOffice and save it without the password.",
            kind="encrypted",
            name=name,
        ) from None
    except (CalamineError, OSError, ValueError) as exc:
        raise _damaged(name, exc) from None
    try:
        yield _Book(wb, name, kind)
    finally:
        wb.close()


class _Book:
    """A workbook open with calamine: its sheets' names and visibility, each sheet loaded."""

    def __init__(self, wb: CalamineWorkbook, name: str, kind: str) -> None:
        self.wb, self.name, self.kind = wb, name, kind
        self.sheets = [
            (m.name, m.visible != SheetVisibleEnum.Visible)
            for m in wb.sheets_metadata
            if m.typ == SheetTypeEnum.WorkSheet
        ]

    def load(self, sheet: str):
        try:
            ws = self.wb.get_sheet_by_name(sheet)
        except (CalamineError, OSError, ValueError) as exc:
            raise _damaged(self.name, exc) from None
        rows, cols = _last_cell(ws)
        if rows > MAX_ROWS:
            raise _too_many_rows(self.name, rows, sheet)
        if cols > MAX_COLUMNS:
            raise ImportFileError(
                f"The sheet {sheet!r} of {self.name} has {cols} columns, more than the "
                f"{MAX_COLUMNS} a sheet can have in Excel; it was not read.",
                kind="too_many_columns",
                name=self.name,
            )
        return ws


def _last_cell(ws) -> tuple[int, int]:
    """(row, column), 1-based, of a loaded sheet's last cell; (0, 0) for an empty sheet
    (calamine counts from the first cell present, not from A1)."""
    if not ws.start:
        return 0, 0
    return ws.start[0] + ws.height, ws.start[1] + ws.width


def _value(v: object) -> object:
    """A cell as openpyxl gave it: empty is None, a whole number is an int (a phone typed as
    a number is 13800138000, never 13800138000.0 or 1.38e10)."""
    if v == "":
        return None
    if type(v) is float and v.is_integer() and abs(v) < 1e15:
        return int(v)
    return v


@dataclass(frozen=True)
class SheetInfo:
    name: str
    hidden: bool
    rows: int | None  # the sheet's last row with a cell; None when it does not say

    def to_json(self) -> dict:
        return {"name": self.name, "hidden": self.hidden, "rows": self.rows}


def list_sheets(path: str | Path) -> list[SheetInfo]:
    with _workbook(path) as book:
        out = []
        for name, hidden in book.sheets:
            ws = book.load(name)
            out.append(SheetInfo(name, hidden, _last_cell(ws)[0]))
        return out


# ---------------------------------------------------------------------- one sheet
@dataclass
class Column:
    index: int  # 0-based
    title: str  # as shown (a group title joined: "联系人 手机")
    field: str | None  # the field it is mapped to
    same_as: str | None = None  # the earlier column with the same title (this one is left out)

    @property
    def letter(self) -> str:
        return get_column_letter(self.index + 1)

    def to_json(self) -> dict:
        out = {"column": self.letter, "title": self.title, "field": self.field}
        if self.same_as:
            out["same_as"] = self.same_as
        return out


@dataclass
class SheetTable:
    """A sheet's header and the rows below it (``rows()`` streams them once)."""

    sheet: str
    hidden: bool
    header_row: int  # 1-based; 0 when the sheet is empty
    columns: list[Column] = field(default_factory=list)
    _rows: Iterator[tuple[int, tuple]] | None = None
    empty_rows: int = 0
    size: int = 0  # the sheet's last row with a cell

    def signature(self) -> str:
        """What identifies "the same kind of sheet" for remembering its mapping."""
        return "|".join(normalise_header(c.title) for c in self.columns)

    def rows(self) -> Iterator[tuple[int, tuple]]:
        """(sheet row number, cell values) of every non-empty row below the header."""
        if self._rows is None:
            return iter(())
        return self._rows


@contextlib.contextmanager
def open_sheet(path: str | Path, sheet: str | None = None) -> Iterator[SheetTable]:
    """The sheet named ``sheet`` (default: the first visible one) of the workbook."""
    with _workbook(path) as book:
        title, hidden = _pick(book, sheet)
        ws = book.load(title)
        if book.kind == "ods":  # calamine gives merged ranges for .xlsx and .xls only
            merged = _ods_merged(path, title, book.name)
        else:
            merged = [
                (c0 + 1, r0 + 1, c1 + 1, r1 + 1)
                for (r0, c0), (r1, c1) in (ws.merged_cell_ranges or ())
            ]
        lines = _sheet_rows(ws, book.name)
        head = list(itertools.islice(lines, HEADER_SCAN))
        covered = _covered(merged)
        filled = _fill_merged(head, merged)
        header = _header_row(filled)
        if header is None:
            yield SheetTable(title, hidden, 0)
            return
        columns = _columns(filled, header, merged)
        size = _last_cell(ws)[0]
        table = SheetTable(title, hidden, header + 1, columns, size=size)
        below = itertools.chain(head[header + 1 :], lines)
        table._rows = _data_rows(below, table, header + 2, covered, book.name)
        yield table


def _ods_merged(path: str | Path, sheet: str, name: str) -> list[tuple[int, int, int, int]]:
    try:
        return ods_merged.merged_ranges(path, sheet)
    except (zipfile.BadZipFile, KeyError, OSError, ParseError, ValueError) as exc:
        raise _damaged(name, exc) from None


def _sheet_rows(ws, name: str) -> Iterator[list]:
    """Every row from row 1 on, as lists of cell values from column A on (calamine starts at
    the first cell present; the rows and columns before it are empty)."""
    first_row, first_col = ws.start or (0, 0)
    for _ in range(first_row):
        yield []
    pad = [None] * first_col
    try:
        for row in ws.iter_rows():
            yield pad + [_value(v) for v in row]
    except (CalamineError, ValueError) as exc:
        raise _damaged(name, exc) from None


def _pick(book: "_Book", sheet: str | None) -> tuple[str, bool]:
    if not book.sheets:
        raise ImportFileError(
            f"{book.name} holds no sheet of cells.", kind="damaged", name=book.name
        )
    if sheet is None:
        for title, hidden in book.sheets:
            if not hidden:
                return title, hidden
        return book.sheets[0]
    for title, hidden in book.sheets:
        if title == sheet:
            return title, hidden
    for title, hidden in book.sheets:  # forgiving about case and stray spaces
        if title.strip().casefold() == sheet.strip().casefold():
            return title, hidden
    names = ", ".join(title for title, _ in book.sheets)
    raise errors.NotFound(
        "The workbook has no sheet {sheet!r} (it has: {names}).", sheet=sheet, names=names
    )


def _covered(merged) -> dict[tuple[int, int], tuple[int, int]]:
    """Covered cell (row, col) → its range's top-left (row, col), for the data rows."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    for min_col, min_row, max_col, max_row in merged:
        if (max_row - min_row + 1) * (max_col - min_col + 1) + len(out) > MAX_MERGED_CELLS:
            continue
        for r in range(min_row, max_row + 1):
            for c in range(min_col, max_col + 1):
                if (r, c) != (min_row, min_col):
                    out[(r, c)] = (min_row, min_col)
    return out


def _fill_merged(rows: list[list], merged) -> list[list]:
    filled = [list(r) for r in rows]
    for min_col, min_row, max_col, max_row in merged:
        if min_row > len(filled):
            continue
        top = filled[min_row - 1]
        value = top[min_col - 1] if min_col - 1 < len(top) else None
        for r in range(min_row, min(max_row, len(filled)) + 1):
            row = filled[r - 1]
            if len(row) < max_col:
                row.extend([None] * (max_col - len(row)))
            for c in range(min_col, max_col + 1):
                row[c - 1] = value
    return filled


def _header_row(rows: list[list]) -> int | None:
    """The 0-based index of the header among ``rows``: the most distinct known fields, the
    company name counting double; else the first row with two filled cells; else None."""
    best, best_score = None, 0
    for i, row in enumerate(rows):
        fields = {field_for_header(v) for v in row if isinstance(v, str)} - {None}
        score = len(fields) + ("name" in fields)
        if score > best_score:
            best, best_score = i, score
    if best is not None and best_score >= 2:
        return best
    for i, row in enumerate(rows):
        if sum(1 for v in row if v not in (None, "")) >= 2:
            return i
    return None


def _columns(rows: list[list], header: int, merged) -> list[Column]:
    titles = rows[header]
    groups: dict[int, object] = {}
    if header > 0:  # a merged title over several columns, right above the header
        for min_col, _min_row, max_col, max_row in merged:
            if max_row == header and max_col > min_col:
                for col_no in range(min_col, max_col + 1):
                    groups[col_no - 1] = rows[header - 1][min_col - 1]
    columns = []
    for i, title in enumerate(titles):
        text = "" if title is None else " ".join(str(title).split())
        group = groups.get(i)
        if group is not None and normalise_header(group) != normalise_header(text):
            shown = f"{' '.join(str(group).split())} {text}".strip()
        else:
            shown, group = text, None
        if not shown:
            continue
        columns.append(Column(i, shown, field_for_header(text, group) if text else None))
    # Two columns both titled 电话: the first is taken, the second left out and named to the
    # user (joined, two phone numbers would make one invalid number). One title merged over
    # two columns (地址 over province and street) is one column split in two: joined.
    spans = {
        c: (min_col, max_col)
        for min_col, min_row, max_col, max_row in merged
        if min_row <= header + 1 <= max_row
        for c in range(min_col - 1, max_col)
    }
    first: dict[str, Column] = {}
    for c in columns:
        key = normalise_header(c.title)
        earlier = first.get(key)
        if (
            c.field is not None
            and earlier is not None
            and earlier.field == c.field
            and (c.index not in spans or spans.get(earlier.index) != spans[c.index])
        ):
            c.field, c.same_as = None, earlier.letter
        first.setdefault(key, c)
    return columns


def _data_rows(
    lines: Iterator[list], table: SheetTable, first_row: int, covered, name: str
) -> Iterator[tuple[int, tuple]]:
    tops: dict[tuple[int, int], object] = {}
    wanted_tops = set(covered.values())
    width = max((c.index for c in table.columns), default=-1) + 1
    for row_no, line in enumerate(lines, first_row):
        values = tuple(line[:width]) + (None,) * (width - len(line))
        if covered:
            cells = list(values)
            for c in range(width):
                key = (row_no, c + 1)
                if key in wanted_tops:
                    tops[key] = cells[c]
                elif key in covered and cells[c] is None:
                    cells[c] = tops.get(covered[key])
            values = tuple(cells)
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            table.empty_rows += 1
            continue
        yield row_no, values


# ---------------------------------------------------------------------- values
def prepare(spec: FieldSpec, value: object) -> object:
    """A cell value made ready for the domain's validation (see the module docstring)."""
    if isinstance(value, str):
        value = value.strip()
        if not value:
            return None
        if spec.kind == "date":
            m = _DOTTED_DATE.match(unicodedata.normalize("NFKC", value))
            if m:
                return f"{m.group(3)}-{m.group(2)}-{m.group(1)}"
    elif isinstance(value, dt.datetime) and spec.kind == "date":
        return value.date()
    return value


def apply_mapping(columns: Sequence[Column], mapping: Mapping[str, str | None]) -> list[Column]:
    """Columns with the user's choices applied. ``mapping`` keys are column letters or
    titles; a value of None or "" leaves the column out. Unknown fields are refused."""
    by_key = {}
    for c in columns:
        by_key[c.letter.casefold()] = c
        by_key.setdefault(normalise_header(c.title), c)
    out = [dataclasses.replace(c) for c in columns]
    index = {c.index: c for c in out}
    for key, target in mapping.items():
        col = by_key.get(str(key).strip().casefold()) or by_key.get(normalise_header(key))
        if col is None:
            known = ", ".join(f"{c.letter} {c.title}" for c in columns)
            raise errors.ValidationError(
                "The sheet has no column {key!r} (it has: {known}).", key=key, known=known
            )
        target = (target or "").strip() or None
        if target is not None and target not in IMPORT_FIELDS:
            raise errors.ValidationError(
                "Unknown field {target!r} for column {key!r}; fields are the card's (name, phone, region, …) and contact.name, contact.mobile, ….",
                target=target,
                key=key,
            )
        index[col.index].field = target
    return out
