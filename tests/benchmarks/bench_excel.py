"""Excel export and import of 100 000 customers, each against openpyxl's own floor.

- Export: ``ExportService.export_list`` of every customer (reading the cards in chunks from
  the encrypted archive, shaping each value, phones formatted, write-only streaming, atomic
  save, the audit entry) against openpyxl writing *the same cells* (read back from that
  very file into memory first) with a plain write-only ``ws.append`` and ``save``: the
  difference is everything the program adds. Goal (issue 6): under 1.3 times the floor.
- Import: ``ImportService.run`` of that file into an empty archive (header detection,
  validation of every field by the domain's rules, duplicate search against the archive and
  within the file, one transaction with the search index, dossier and audit entry of each
  card) against openpyxl's read-only reading of all rows of the same file, values only.
  Reported as rows per second.

The demo data come from ``services.demo.fill_demo`` (what ``customer-archive demo`` runs).
``CA_BENCH_EXCEL_CUSTOMERS`` sets the size (default 100 000).
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

from openpyxl import Workbook, load_workbook

from desktop.services.demo import fill_demo
from desktop.services.exporting import ExportService
from desktop.services.importing import ImportService
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
CUSTOMERS = int(os.environ.get("CA_BENCH_EXCEL_CUSTOMERS", "100000"))
RUNS = 3


def _spread(samples: list[float]) -> str:
    return f"{min(samples) / 1000:.1f}–{max(samples) / 1000:.1f} s"


def _ms(fn) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def _floor_write(rows: list[tuple], target: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Customers")
    for row in rows:
        ws.append(row)
    wb.save(target)


def _floor_read(path: Path) -> int:
    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        return sum(1 for _ in wb.worksheets[0].iter_rows(values_only=True))
    finally:
        wb.close()


def run(tmpdir: Path) -> list[dict]:
    source = tmpdir / "source.carc"
    out = tmpdir / "customers.xlsx"
    with Archive.create(source, PASSPHRASE) as archive:
        demo_ms, _ = _ms(lambda: fill_demo(archive, CUSTOMERS, seed=1, user="boss"))
        exporter = ExportService(archive, "boss")
        result = exporter.export_list(out, lang="zh_CN")  # warm-up, and the cells for the floor
        cells = [tuple(r) for r in
                 load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True)]
        filled = sum(1 for r in cells for v in r if v is not None)
        # Alternating runs, medians: the machine is shared, and a slow moment should hit both.
        export_runs, floor_runs = [], []
        for _ in range(RUNS):
            export_runs.append(_ms(lambda: exporter.export_list(out, lang="zh_CN"))[0])
            floor_runs.append(_ms(lambda: _floor_write(cells, tmpdir / "floor.xlsx"))[0])
        del cells
    export_ms, floor_ms = statistics.median(export_runs), statistics.median(floor_runs)

    read_ms, read_rows = _ms(lambda: _floor_read(out))
    target = tmpdir / "target.carc"
    with Archive.create(target, PASSPHRASE) as archive:
        import_ms, outcome = _ms(lambda: ImportService(archive, "boss").run(out))
    rows = outcome.total
    return [
        {"name": f"export list, {result.customers} customers", "ms": export_ms,
         "baseline": "openpyxl write-only, same cells", "baseline_ms": floor_ms,
         "ratio": export_ms / floor_ms,
         "notes": f"median of {RUNS} alternating runs (export {_spread(export_runs)}, floor "
                  f"{_spread(floor_runs)}); {filled} filled cells, {out.stat().st_size // 1024} KiB; "
                  f"goal < 1.3; demo data took {demo_ms / 1000:.0f} s"},
        {"name": f"import, {rows} rows", "ms": import_ms,
         "baseline": "openpyxl read-only, same rows", "baseline_ms": read_ms,
         "ratio": import_ms / read_ms,
         "notes": f"{rows / (import_ms / 1000):.0f} rows/s (floor {read_rows / (read_ms / 1000):.0f} "
                  f"rows/s); created {outcome.counts['create']}, duplicates skipped "
                  f"{outcome.counts['skip']}, problems {outcome.counts['invalid']}"},
    ]
