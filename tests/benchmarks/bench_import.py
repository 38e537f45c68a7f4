"""Spreadsheet import at size, and against hostile files.

- Import against the service's own add: ``ImportService.run`` of a 100 000-row export into an
  empty archive (reading the file, finding the header, validating every field, looking for
  duplicates in the archive and the file, in short write transactions) against adding *the same cards*
  through the customer service into another empty archive: the same raw values (read from
  the file beforehand, not timed) validated by ``validate_customer``/``validate_contact`` and
  stored by ``CustomerService.insert_card`` (archive number, histories, search index, dossier,
  audit entry) in one write transaction, as the import stores them. The difference is what
  the import adds: the file, the planning and the duplicate search. Goal: at most 1.3 times.
  A cProfile of the import lists its costliest functions in the notes.
- Hostile files, each imported (a dry run) in a child process of its own that is bounded
  (``CHILD_SECONDS`` of wall time, ``CHILD_MEMORY`` of address space) so that a program that
  does not refuse them cannot take the machine down: a zip bomb (1-2 MB that unpacks to
  gigabytes), a sheet whose ``<dimension>`` says 3 rows but holds many more, a sheet of 3
  million rows (beyond Excel's 1 048 576), and a shared-strings part that unpacks to a
  gigabyte. Reported: the child's peak resident memory (its VmHWM; ``os.wait4``'s rusage only
  for a child killed before it reports, as that also counts the forked copy of this process)
  and its time; the wrong dimension must have all its rows read, the others must be refused
  with a clear one-line message (``ImportFileError``) within ``REFUSE_SECONDS`` and
  ``REFUSE_MB``. A case outside its bound fails the benchmark (after the table is built).

``CA_BENCH_IMPORT_ROWS`` sets the size of the first part (default 100 000).
"""

from __future__ import annotations

import cProfile
import io
import json
import os
import pstats
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

from desktop.domain.validation import validate_contact, validate_customer
from desktop.reports import xlsx_import as xi
from desktop.services.customers import CustomerService, now_iso
from desktop.services.demo import fill_demo
from desktop.services.exporting import ExportService
from desktop.services.importing import ImportService
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
ROWS = int(os.environ.get("CA_BENCH_IMPORT_ROWS", "100000"))
CHILD_SECONDS = 120  # a child still running then is killed (and reported so)
CHILD_MEMORY = 3 << 30  # RLIMIT_AS of a child: a runaway fails with MemoryError
REFUSE_SECONDS = 30  # a hostile file must be refused within this …
REFUSE_MB = 400  # … and this peak resident memory
WRONG_DIMENSION_ROWS = 20_000
#: the checkout whose code the children run: the one this process imported ``desktop`` from
CODE = Path(xi.__file__).resolve().parents[2]


def _ms(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


# ---------------------------------------------------------------------- import vs. add
def _raw_cards(path: Path, archive: Archive) -> list[tuple[dict, dict]]:
    """The file's rows as the field values the import hands to validation (untimed)."""
    _, columns = ImportService(archive, "boss").columns(path)
    columns = [c for c in columns if c.field]
    out = []
    with xi.open_sheet(path) as table:
        for _, values in table.rows():
            card, contact = {}, {}
            for c in columns:
                value = xi.prepare(
                    xi.IMPORT_FIELDS[c.field], values[c.index] if c.index < len(values) else None
                )
                if value is None:
                    continue
                if c.field.startswith(xi.CONTACT_PREFIX):
                    contact.setdefault(c.field[len(xi.CONTACT_PREFIX) :], value)
                else:
                    card.setdefault(c.field, value)
            out.append((card, contact))
    return out


def _add_through_service(archive: Archive, cards: list[tuple[dict, dict]]) -> int:
    svc = CustomerService(archive, "boss")
    added = 0
    with archive.write() as conn:
        now = now_iso()
        for card, contact in cards:
            clean, problems = validate_customer(card)
            if problems:
                continue
            contacts = []
            if contact.get("name"):
                clean_contact, bad = validate_contact({**contact, "is_primary": True})
                if not bad:
                    contacts = [clean_contact]
            clean.setdefault("responsible", "boss")
            svc.insert_card(conn, clean, contacts, now)
            added += 1
    return added


def _profile_top(fn, n: int = 8) -> tuple[object, str]:
    prof = cProfile.Profile()
    result = prof.runcall(fn)
    stats = pstats.Stats(prof, stream=io.StringIO())
    rows = []
    for (file, _line, func), (_, calls, tt, ct, _) in stats.stats.items():  # type: ignore[attr-defined]
        rows.append((ct, tt, calls, f"{Path(file).name}:{func}"))
    total = max(r[0] for r in rows)
    costly = sorted(rows, key=lambda r: -r[1])[:n]
    text = "; ".join(f"{name} {tt / total:.0%}" for _, tt, _, name in costly)
    return result, text


def import_against_add(tmpdir: Path) -> list[dict]:
    source = tmpdir / "source.carc"
    book = tmpdir / "customers.xlsx"
    with Archive.create(source, PASSPHRASE) as archive:
        fill_demo(archive, ROWS, seed=1, user="boss")
        ExportService(archive, "boss").export_list(book, lang="zh_CN")
    with Archive.create(tmpdir / "added.carc", PASSPHRASE) as archive:
        cards = _raw_cards(book, archive)
        add_ms, added = _ms(lambda: _add_through_service(archive, cards))  # noqa: F821 - run at once, before the del
    del cards
    with Archive.create(tmpdir / "imported.carc", PASSPHRASE) as archive:
        import_ms, outcome = _ms(lambda: ImportService(archive, "boss").run(book))
    with Archive.create(tmpdir / "profiled.carc", PASSPHRASE) as archive:
        _, top = _profile_top(lambda: ImportService(archive, "boss").run(book, dry_run=True))
    rows = outcome.total
    return [
        {
            "name": f"import {rows} rows vs. service add",
            "ms": import_ms,
            "baseline": f"validate + CustomerService.insert_card of the same {added} cards, one "
            "transaction",
            "baseline_ms": add_ms,
            "ratio": import_ms / add_ms,
            "notes": f"goal <= 1.3; import {rows / (import_ms / 1000):.0f} rows/s, add "
            f"{added / (add_ms / 1000):.0f} cards/s; created {outcome.counts['create']}, "
            f"skipped {outcome.counts['skip']}, problems {outcome.counts['invalid']}; "
            f"dry-run profile, own time: {top}",
        }
    ]


# ---------------------------------------------------------------------- hostile files
_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="客户" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
_SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<dimension ref="{dim}"/><sheetData>'
)
_SHEET_TAIL = "</sheetData></worksheet>"
_HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>公司名称</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>电话</t></is></c></row>'
)


def _row(r: int) -> str:
    return (
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>测试{r}贸易有限公司</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>010-{62000000 + r % 1000000:08d}</t></is></c></row>'
    )


def _xlsx(path: Path, sheet_parts, shared_parts=None) -> None:
    """A minimal workbook whose sheet (and shared strings) XML comes from the iterables of
    str pieces given, streamed into the zip (they may be far bigger than memory)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        for name, parts in (
            ("xl/worksheets/sheet1.xml", sheet_parts),
            (
                "xl/sharedStrings.xml",
                shared_parts
                or [
                    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                    '2006/main" count="0" uniqueCount="0"/>'
                ],
            ),
        ):
            with z.open(name, "w", force_zip64=True) as f:
                buf = []
                size = 0
                for part in parts:
                    data = part.encode("utf-8") if isinstance(part, str) else part
                    buf.append(data)
                    size += len(data)
                    if size >= 1 << 20:
                        f.write(b"".join(buf))
                        buf, size = [], 0
                f.write(b"".join(buf))


def _repeat(block: bytes, total: int):
    for _ in range(total // len(block)):
        yield block


def make_zip_bomb(path: Path) -> None:
    """About 3.5 GB of one-cell rows (no row numbers, as the format allows) deflated to a
    few MB."""
    block = '<row><c t="inlineStr"><is><t>炸弹</t></is></c></row>'.encode() * 20_000
    _xlsx(
        path,
        [_SHEET_HEAD.format(dim="A1:B2"), _HEADER_ROW, *_repeat(block, 3_500_000_000), _SHEET_TAIL],
    )


def make_wrong_dimension(path: Path) -> None:
    _xlsx(
        path,
        [
            _SHEET_HEAD.format(dim="A1:B3"),
            _HEADER_ROW,
            *(_row(r) for r in range(2, WRONG_DIMENSION_ROWS + 2)),
            _SHEET_TAIL,
        ],
    )


def make_three_million_rows(path: Path) -> None:
    rows = 3_000_000
    _xlsx(
        path,
        [
            _SHEET_HEAD.format(dim=f"A1:B{rows}"),
            _HEADER_ROW,
            *(_row(r) for r in range(2, rows + 1)),
            _SHEET_TAIL,
        ],
    )


def make_huge_shared_strings(path: Path) -> None:
    """A small sheet pointing into a shared-strings part of ~1 GB (one string repeated)."""
    si = ("<si><t>" + "字" * 300 + "</t></si>").encode() * 1000
    shared = [
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">',
        *_repeat(si, 1_000_000_000),
        "</sst>",
    ]
    sheet = [
        _SHEET_HEAD.format(dim="A1:B3"),
        _HEADER_ROW,
        '<row r="2"><c r="A2" t="s"><v>5</v></c><c r="B2" t="inlineStr"><is><t>010-62345678'
        "</t></is></c></row>",
        _SHEET_TAIL,
    ]
    _xlsx(path, sheet, shared)


HOSTILE = {
    "zip bomb": (make_zip_bomb, "refused"),
    "wrong <dimension>": (make_wrong_dimension, "read"),
    "3 million rows": (make_three_million_rows, "refused"),
    "huge shared strings": (make_huge_shared_strings, "refused"),
}

_CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[3]), int(sys.argv[3])))
from desktop import errors
from desktop.services.importing import ImportService
from desktop.storage.archive import Archive
archive = Archive.open(sys.argv[1], sys.stdin.readline().rstrip("\n"))
started = time.perf_counter()
try:
    outcome = ImportService(archive, "boss").preview(sys.argv[2])
    result = {"outcome": "read", "rows": outcome.total, "text": f"{outcome.total} rows read"}
except errors.ArchiveError as exc:
    result = {"outcome": "refused", "kind": type(exc).__name__, "text": exc.message}
except MemoryError:
    result = {"outcome": "out of memory", "text": "MemoryError"}
result["seconds"] = time.perf_counter() - started
# This process's own peak (VmHWM of its address space since exec): the rusage maximum that
# wait4 reports also counts the forked copy of the parent, which holds the files it built.
with open("/proc/self/status") as status:
    result["hwm_kb"] = next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
print(json.dumps(result, ensure_ascii=False))
"""


def _child(archive: Path, book: Path) -> tuple[dict, float, float]:
    """(the child's report, its wall seconds, its peak RSS in MB)."""
    env = dict(os.environ, PYTHONPATH=str(CODE))
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(archive), str(book), str(CHILD_MEMORY)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=str(CODE),
    )
    proc.stdin.write((PASSPHRASE + "\n").encode())
    proc.stdin.close()
    deadline = started + CHILD_SECONDS
    status, usage = 0, None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.05)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    out = proc.stdout.read().decode("utf-8", "replace").strip().splitlines()
    err = proc.stderr.read().decode("utf-8", "replace").strip().splitlines()
    try:
        report = json.loads(out[-1])
    except (IndexError, ValueError):
        report = {
            "outcome": "killed" if wall >= CHILD_SECONDS else "crashed",
            "text": (
                f"still running after {CHILD_SECONDS} s"
                if wall >= CHILD_SECONDS
                else (err[-1] if err else f"exit {proc.returncode}")
            ),
        }
    if "hwm_kb" in report:  # the child's own peak (see _CHILD)
        rss_mb = report["hwm_kb"] / 1024
    else:  # killed before it could say: rusage, which may include the forked parent's pages
        rss_mb = usage.ru_maxrss / 1024 if usage is not None else float("nan")  # KiB on Linux
    return report, wall, rss_mb


def hostile_files(tmpdir: Path) -> tuple[list[dict], list[str]]:
    archive = tmpdir / "hostile.carc"
    Archive.create(archive, PASSPHRASE).close()
    baseline = tmpdir / "small.xlsx"
    _xlsx(
        baseline,
        [
            _SHEET_HEAD.format(dim="A1:B11"),
            _HEADER_ROW,
            *(_row(r) for r in range(2, 12)),
            _SHEET_TAIL,
        ],
    )
    base_report, base_s, base_mb = _child(archive, baseline)
    rows, failed = [], []
    for what, (make, expected) in HOSTILE.items():
        book = tmpdir / (re.sub(r"\W+", "_", what).strip("_") + ".xlsx")
        make_s, _ = _ms(lambda: make(book))  # noqa: B023 - _ms runs it at once
        report, wall, rss_mb = _child(archive, book)
        ok = report["outcome"] == expected and wall <= REFUSE_SECONDS and rss_mb <= REFUSE_MB
        if expected == "read":
            ok = ok and report.get("rows") == WRONG_DIMENSION_ROWS
        text = " ".join(str(report.get("text", "")).split())[:160]
        note = (
            f"{'ok' if ok else 'OUT OF BOUNDS'}: expected {expected}, got {report['outcome']} "
            f"({text}); peak RSS {rss_mb:.0f} MB (a 10-row file: {base_mb:.0f} MB); "
            f"file {book.stat().st_size / 1e6:.1f} MB, made in {make_s / 1000:.0f} s; bounds "
            f"{REFUSE_SECONDS} s, {REFUSE_MB} MB"
        )
        rows.append(
            {
                "name": f"hostile: {what}",
                "ms": wall * 1000,
                "baseline": "the same child on a 10-row file",
                "baseline_ms": base_s * 1000,
                "ratio": wall / base_s,
                "notes": note,
                "rss_mb": rss_mb,
                "outcome": report["outcome"],
            }
        )
        if not ok:
            failed.append(f"{what}: {note}")
        book.unlink()
    return rows, failed


def run(tmpdir: Path) -> list[dict]:
    rows, failed = hostile_files(tmpdir)
    if os.environ.get("CA_BENCH_IMPORT_HOSTILE_ONLY") != "1":
        rows = import_against_add(tmpdir) + rows
    if failed:
        print("\n".join(["hostile files outside their bounds:", *failed]), file=sys.stderr)
        for row in rows:
            print(json.dumps(row, ensure_ascii=False), file=sys.stderr)
        raise AssertionError(f"{len(failed)} hostile file(s) not handled within bounds")
    return rows
