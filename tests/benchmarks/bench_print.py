"""How long 1 000 customer profile cards take to print to one PDF (goal: under 5 s).

A demo archive of 1 000 realistic customers (contacts, follow-ups, transactions) is printed
with ``PrintService.cards_pdf`` as an administrator: every card loaded through
``CustomerService.get``, laid out with platypus, the CJK TrueType font subset and embedded,
written atomically, audited. The floor, in the same run: reportlab's canvas writing the same
number of pages straight away, each with 60 lines of Chinese text in the same embedded font
(no layout, no database): what producing that much PDF costs at least. Loading the cards
alone is reported too, so the layout's share is visible.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from desktop.reports import pdf_layout as L
from desktop.services.customers import CustomerService
from desktop.services.demo import fill_demo
from desktop.services.printing import PrintService
from desktop.storage.archive import Archive

PASSPHRASE = "correct horse battery staple 电池"
CARDS = 1000
RUNS = 3
LINE = "北京华信科技有限公司 档案编号 KH-2026-0001 地址 北京市海淀区中关村大街1号 电话 010 6234 5678"


def _median(fn, runs: int = RUNS) -> tuple[float, list[float], object, float]:
    """Median wall time (ms), the samples, the last result, and the median CPU time (ms) of
    this process: on a shared machine the CPU time says what the work costs."""
    samples, cpu, result = [], [], None
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        result = fn()
        samples.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return statistics.median(samples), samples, result, statistics.median(cpu)


def _floor(path: Path, pages: int) -> None:
    font = L.cjk_font().name
    c = Canvas(str(path), pagesize=A4)
    for p in range(pages):
        c.setFont(font, 9)
        y = A4[1] - 50
        for i in range(60):
            c.drawString(40, y, f"{p:04d}-{i:02d} {LINE}")
            y -= 12
        c.showPage()
    c.save()


def run(tmpdir: Path) -> list[dict]:
    path = tmpdir / "print.carc"
    with Archive.create(path, PASSPHRASE) as archive:
        fill_demo(archive, CARDS, user="demo")
        printer = PrintService(archive, "admin")
        ids = CustomerService(archive, "admin").list_ids()
        assert len(ids) == CARDS
        L.cjk_font()  # found and parsed once per process, as in the program
        printer.cards_pdf(ids[:20], tmpdir / "warm.pdf", "zh_CN")  # warm-up: imports, font subset code
        out = tmpdir / "cards.pdf"
        cards_ms, cards_samples, result, cards_cpu = _median(lambda: printer.cards_pdf(ids, out, "zh_CN"))
        load_ms, _, _, _ = _median(lambda: printer.load_cards(ids))
        floor_ms, _, _, floor_cpu = _median(lambda: _floor(tmpdir / "floor.pdf", result.pages))
    size_mb = out.stat().st_size / 1e6
    return [
        {"name": f"print {CARDS} profile cards (zh_CN)", "ms": cards_ms,
         "baseline": f"canvas, {result.pages} pages of text", "baseline_ms": floor_ms,
         "ratio": cards_ms / floor_ms,
         "notes": f"{result.pages} pages, {size_mb:.1f} MB; goal < 5000 ms; "
                  f"runs {min(cards_samples):.0f}-{max(cards_samples):.0f} ms; "
                  f"CPU {cards_cpu:.0f} ms vs floor CPU {floor_cpu:.0f} ms; "
                  f"loading the cards alone {load_ms:.0f} ms"},
    ]
