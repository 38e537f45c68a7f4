"""The analysis window: opened from Tools › Analysis…, it shows the figures of the archive's
customers for the chosen period, each composition with its chart, and its buttons write the
PDF report and the Excel workbook (audited)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.gui.analysis_view import AnalysisView
from desktop.reports import analysis as calc
from gui_support import db

TODAY = dt.date.today()
RECENT = (TODAY - dt.timedelta(days=20)).isoformat()
OLDER = (TODAY - dt.timedelta(days=200)).isoformat()
# name, tier, region, transactions (date, yuan, mode, note)
CUSTOMERS = [
    (
        "上海东方贸易有限公司",
        "A",
        "华东",
        [
            (RECENT, "300000.00", "经销", None),
            (OLDER, "100000.00", "经销", None),
            (RECENT, "50000.00", "直销", None),
        ],
    ),
    ("北京长城科技有限公司", "B", "华北", [(RECENT, "80000.00", "代理", "逾期三个月未付")]),
    ("广州恒通物流有限公司", "C", "华南", [(OLDER, "20000.00", "直销", None)]),
    ("成都天成咨询有限公司", "C", None, []),
]


@pytest.fixture
def filled(qtbot, open_window):
    def fill(svc):
        for name, tier, region, txs in CUSTOMERS:
            values = {"name": name, "tier": tier, "status": "cooperating" if txs else "prospect"}
            if region:
                values["region"] = region
            cid = svc.add(values)
            for date, amount, mode, note in txs:
                svc.add_transaction(cid, date, amount, mode=mode, note=note)

    db(open_window, fill)
    return open_window


def fen(amount: str) -> int:
    return int(Decimal(amount) * 100)


def revenue_since(start: str, customers=CUSTOMERS) -> int:
    return sum(fen(t[1]) for c in customers for t in c[3] if t[0] >= start)


def column(table, c) -> list[str]:
    return [table.item(r, c).text() for r in range(table.rowCount())]


def open_view(qtbot, window) -> AnalysisView:
    assert window.analysis_action.isEnabled()
    window.analysis_action.trigger()
    view = window.analysis_view
    assert isinstance(view, AnalysisView)
    qtbot.waitUntil(lambda: view.result is not None, timeout=15000)
    return view


def test_the_window_shows_the_figures_of_the_period(qtbot, filled):
    view = open_view(qtbot, filled)
    start = view.period()[0].isoformat()
    total = revenue_since(start)
    assert calc.yuan(total) in view.ui.summaryLabel.text()
    tiers = view.tables["tier"]
    assert tiers.rowCount() == 4  # A, B, C and the total
    by_tier = {c[1]: 0 for c in CUSTOMERS}
    for c in CUSTOMERS:
        by_tier[c[1]] += revenue_since(start, [c])
    assert column(tiers, 5)[:3] == [calc.yuan(by_tier[t]) for t in "ABC"]
    assert column(tiers, 6)[:3] == [calc.percent(by_tier[t] / total) for t in "ABC"]
    assert column(tiers, 1)[:3] == [str(sum(1 for c in CUSTOMERS if c[1] == t)) for t in "ABC"]
    # The chart beside the table holds the same groups and figures.
    chart = view.charts["tier"]
    assert len(chart.labels) == 3 and chart.pies[1].values == tuple(
        float(by_tier[t]) for t in "ABC"
    )
    regions = column(view.tables["region"], 0)
    assert "华东" in regions and "(not filled in)" in regions
    lines = dict(
        zip(
            column(view.tables["business_line"], 0),
            column(view.tables["business_line"], 5),
            strict=True,
        )
    )
    assert lines["经销"] == calc.yuan(
        sum(fen(t[1]) for c in CUSTOMERS for t in c[3] if t[2] == "经销" and t[0] >= start)
    )
    watch = view.tables["watch"]
    assert column(watch, 1) == ["北京长城科技有限公司"]  # all its revenue is late: grade D
    assert column(watch, 2) == ["D"]
    assert view.tables["profit"].item(0, 2).text() == "上海东方贸易有限公司"


def test_a_shorter_period_leaves_the_older_sales_out(qtbot, filled):
    view = open_view(qtbot, filled)
    start = TODAY - dt.timedelta(days=60)
    view.ui.fromDate.setDate(QDate(start.year, start.month, start.day))
    before = view.result
    qtbot.mouseClick(view.ui.showButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.result is not before, timeout=15000)
    assert view.result.period_from == start
    assert calc.yuan(revenue_since(start.isoformat())) in view.ui.summaryLabel.text()
    assert revenue_since(start.isoformat()) < revenue_since(OLDER)


def test_a_save_elsewhere_is_noticed_and_show_brings_the_figures_up_to_date(qtbot, filled):
    view = open_view(qtbot, filled)
    before = view.result
    db(
        filled,
        lambda svc: svc.add_transaction(svc.find("成都天成")[0], RECENT, "1000.00", mode="直销"),
    )
    filled._changed_elsewhere(
        {}
    )  # what the data_version watcher calls (tested with a second process)
    assert "Show" in view.ui.noticeLabel.text()
    qtbot.mouseClick(view.ui.showButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.result is not before, timeout=15000)
    assert view.result.revenue_fen == before.revenue_fen + 100000
    assert view.ui.noticeLabel.text() == ""


def test_export_buttons_write_the_pdf_and_the_workbook(qtbot, filled, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    view = open_view(qtbot, filled)
    targets = iter([tmp_path / "分析.pdf", tmp_path / "分析"])  # the suffix is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **kw: (str(next(targets)), ""))
    )
    qtbot.mouseClick(view.ui.pdfButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: "分析.pdf" in view.ui.noticeLabel.text(), timeout=20000)
    pdf = tmp_path / "分析.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: view.ui.xlsxButton.isEnabled(), timeout=10000)
    qtbot.mouseClick(view.ui.xlsxButton, Qt.LeftButton)
    xlsx = tmp_path / "分析.xlsx"
    qtbot.waitUntil(lambda: "分析.xlsx" in view.ui.noticeLabel.text(), timeout=20000)
    wb = load_workbook(xlsx)
    tier_sheet = wb.worksheets[1]
    assert tier_sheet._charts and tier_sheet.cell(2, 2).value == 1  # one A customer
    actions = db(
        filled,
        lambda svc: svc.archive.query(
            "SELECT action, details FROM audit_log WHERE target_type = 'analysis' ORDER BY id"
        ),
    )
    assert [a for a, _ in actions] == ["print", "export"]
    assert "分析.pdf" in actions[0][1] and "分析.xlsx" in actions[1][1]


def test_the_administrator_changes_the_credit_rule_and_the_grades_follow(qtbot, filled):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.gui.credit_rules_dialog import CreditRulesDialog

    view = open_view(qtbot, filled)
    view.ui.tabs.setCurrentIndex(view.ui.tabs.count() - 1)
    qtbot.waitUntil(lambda: view.rules_button.isVisible(), timeout=10000)
    assert column(view.tables["watch"], 1) == ["北京长城科技有限公司"]
    qtbot.mouseClick(view.rules_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, CreditRulesDialog) and view.dialog.isVisible())
    d = view.dialog
    ok = d.ui.buttonBox.button(QDialogButtonBox.Ok)
    d.ui.cLateShare.lineEdit().selectAll()
    qtbot.keyClicks(d.ui.cLateShare, "50")  # above D's 30 %: refused in the dialog
    qtbot.mouseClick(ok, Qt.LeftButton)
    assert d.isVisible() and "C share" in d.ui.problemLabel.text()
    d.ui.cLateShare.lineEdit().selectAll()
    qtbot.keyClicks(d.ui.cLateShare, "10")
    d.ui.lateWords.selectAll()
    qtbot.keyClicks(d.ui.lateWords, "lat")  # "逾期…未付" is no longer a late payment
    before = view.result
    qtbot.mouseClick(ok, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.result is not before, timeout=15000)
    assert view.result.credit.rules.late_words == ("lat",)
    assert column(view.tables["watch"], 1) == []
    stored = db(filled, lambda svc: svc.archive.get_setting("credit_rules"))
    assert '"lat"' in stored
