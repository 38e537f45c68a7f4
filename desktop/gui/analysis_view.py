"""The analysis window (docs/domain.md, Analysis; Tools › Analysis…): a period, then one tab per
part of the analysis, each a table and a chart, and buttons that write the PDF report and the Excel
workbook. The figures come from ``AnalysisService`` on the worker (the customers this user may
see); this module only shows them. Writing a file runs on the worker too, with the progress
dialog, and is audited by the service.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QDialog,
    QHBoxLayout,
    QPushButton,
)
from shiboken6 import isValid

from .. import errors
from ..domain import permissions
from ..domain.permissions import Action
from ..reports import analysis as calc
from ..services.analysis import AnalysisService
from .analysis_charts import BarChart, Pie, PieChart
from .credit_rules_dialog import CreditRulesDialog
from .customer_model import current_language
from .forms.ui_analysis_view import Ui_AnalysisView
from .messages import error_text
from .worker import DbWorker, Op

COMPOSITIONS = ("tier", "status", "region", "industry", "business_line")
(
    COL_GROUP,
    COL_CUSTOMERS,
    COL_CUSTOMER_SHARE,
    COL_BUYING,
    COL_TRANSACTIONS,
    COL_REVENUE,
    COL_REVENUE_SHARE,
) = range(7)


# ---------------------------------------------------------------------- jobs (worker thread)
def _service(svc) -> AnalysisService:
    if svc.actor is None:
        raise errors.PermissionDenied("Log in first.")
    return AnalysisService(svc.archive, svc.actor)


def default_period(svc) -> tuple[dt.date, dt.date]:
    return _service(svc).default_period()


def credit_rules(svc) -> tuple[calc.CreditRules, bool]:
    """The stored rule, and whether this user may change it (administrators)."""
    return _service(svc).credit_rules(), permissions.allowed(svc.actor, Action.MANAGE_SETTINGS)


def set_credit_rules(rules: calc.CreditRules):
    return lambda svc: _service(svc).set_credit_rules(rules)


def analyse(start: dt.date, end: dt.date):
    return lambda svc: _service(svc).analyse(start, end)


def export(kind: str, target: str, start: dt.date, end: dt.date, lang: str):
    def job(svc) -> calc.Analysis:
        service = _service(svc)
        write = service.export_pdf if kind == "pdf" else service.export_xlsx
        return write(target, start, end, lang=lang)

    return job


# ---------------------------------------------------------------------- helpers
def _item(text: str, *, number: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    if number:
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item


def _table(parent: QWidget, headers: list[str], stretch: int = 0) -> QTableWidget:
    """A read-only table; column ``stretch`` (the names) takes the room left over."""
    table = QTableWidget(parent)
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectRows)
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setStretchLastSection(False)
    header.setSectionResizeMode(stretch, QHeaderView.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], numeric: set[int]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, _item(text, number=c in numeric))


# ---------------------------------------------------------------------- the window
class AnalysisView(QDialog):
    def __init__(self, parent: QWidget | None, worker: DbWorker) -> None:
        super().__init__(parent)
        self.ui = Ui_AnalysisView()
        self.ui.setupUi(self)
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.worker = worker
        self.language = current_language()
        self.result: calc.Analysis | None = None
        self.dialog: CreditRulesDialog | None = None  # the open credit rule dialog (tests)
        self.tables: dict[str, QTableWidget] = {}
        self.charts: dict[str, QWidget] = {}
        self.notes: dict[str, QLabel] = {}
        self._build_tabs()

        today = QDate.currentDate()
        self.ui.fromDate.setDate(today.addYears(-1).addDays(1))
        self.ui.toDate.setDate(today)
        self.ui.showButton.clicked.connect(self.refresh)
        self.ui.pdfButton.clicked.connect(lambda: self.export("pdf"))
        self.ui.xlsxButton.clicked.connect(lambda: self.export("xlsx"))
        self.ui.buttonBox.rejected.connect(self.close)
        self.ui.pdfButton.setEnabled(False)  # until there is something to export
        self.ui.xlsxButton.setEnabled(False)
        Op(self.worker, self, default_period).success(self._set_period).failure(
            lambda exc: self.refresh()
        ).run()
        Op(self.worker, self, credit_rules).success(self._rules_known).failure(
            lambda exc: None
        ).run()

    # ------------------------------------------------------------------ layout
    def composition_title(self, dimension: str) -> str:
        """The tab's title."""
        return {
            "tier": self.tr("By Tier"),
            "status": self.tr("By Status"),
            "region": self.tr("By Region"),
            "industry": self.tr("By Industry"),
            "business_line": self.tr("By Business Line"),
        }[dimension]

    def composition_headers(self, dimension: str) -> list[str]:
        first = {
            "tier": self.tr("Tier"),
            "status": self.tr("Status"),
            "region": self.tr("Region"),
            "industry": self.tr("Industry"),
            "business_line": self.tr("Business line (cooperation mode)"),
        }[dimension]
        return [
            first,
            self.tr("Customers"),
            self.tr("Share of customers"),
            self.tr("Buying customers"),
            self.tr("Transactions"),
            self.tr("Revenue (yuan)"),
            self.tr("Share of revenue"),
        ]

    def _build_tabs(self) -> None:
        tabs = self.ui.tabs
        for dimension in COMPOSITIONS:
            splitter = QSplitter(Qt.Horizontal, tabs)
            table = _table(splitter, self.composition_headers(dimension))
            chart = PieChart(splitter)
            splitter.addWidget(table)
            splitter.addWidget(chart)
            splitter.setStretchFactor(0, 3)
            splitter.setStretchFactor(1, 2)
            splitter.setSizes([760, 480])  # the table's columns all in view at 1280 px
            self.tables[dimension], self.charts[dimension] = table, chart
            tabs.addTab(splitter, self.composition_title(dimension))

        page = QWidget(tabs)
        layout = QVBoxLayout(page)
        note = QLabel(
            self.tr(
                "The archive records no costs or margins, so profit contribution is "
                "shown as each customer's contribution to revenue: customers ranked "
                "by revenue, and the share of revenue the top 10 %, 20 % … of them "
                "bring."
            ),
            page,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        splitter = QSplitter(Qt.Horizontal, page)
        top = _table(
            splitter,
            [
                self.tr("Rank"),
                self.tr("Archive number"),
                self.tr("Customer"),
                self.tr("Revenue (yuan)"),
                self.tr("Share of revenue"),
                self.tr("Cumulative share"),
            ],
            stretch=2,
        )
        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        bars = BarChart(side)
        side_layout.addWidget(bars, 1)
        pareto = QLabel(side)
        pareto.setWordWrap(True)
        side_layout.addWidget(pareto)
        splitter.addWidget(top)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([720, 520])
        layout.addWidget(splitter, 1)
        self.tables["profit"], self.charts["profit"], self.notes["profit"] = top, bars, pareto
        tabs.addTab(page, self.tr("Profit Contribution"))

        page = QWidget(tabs)
        layout = QVBoxLayout(page)
        rule_row = QHBoxLayout()
        rule = QLabel(page)
        rule.setWordWrap(True)
        rule.setTextInteractionFlags(Qt.TextSelectableByMouse)
        rule_row.addWidget(rule, 1)
        self.rules_button = QPushButton(self.tr("Credit &Rule…"), page)
        self.rules_button.setObjectName("rulesButton")
        self.rules_button.hide()  # administrators only, once known
        self.rules_button.clicked.connect(self.edit_rules)
        rule_row.addWidget(self.rules_button, 0, Qt.AlignTop)
        layout.addLayout(rule_row)
        upper = QSplitter(Qt.Horizontal, page)
        grades = _table(
            upper,
            [
                self.tr("Credit grade"),
                self.tr("Customers"),
                self.tr("Transactions"),
                self.tr("Revenue (yuan)"),
                self.tr("Share of revenue"),
                self.tr("Suggested terms"),
                self.tr("Suggested credit limit (yuan)"),
            ],
        )
        pie = PieChart(upper)
        upper.addWidget(grades)
        upper.addWidget(pie)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)
        upper.setSizes([760, 480])
        outer = QSplitter(Qt.Vertical, page)
        outer.addWidget(upper)
        watch_box = QWidget(outer)
        watch_layout = QVBoxLayout(watch_box)
        watch_layout.setContentsMargins(0, 0, 0, 0)
        watch_layout.addWidget(
            QLabel(self.tr("Customers to watch (grades C and D, largest first):"), watch_box)
        )
        watch = _table(
            watch_box,
            [
                self.tr("Archive number"),
                self.tr("Customer"),
                self.tr("Grade"),
                self.tr("Revenue (yuan)"),
                self.tr("Late or open payments"),
                self.tr("Credit status (card)"),
                self.tr("Suggested terms"),
            ],
            stretch=1,
        )
        watch_layout.addWidget(watch)
        outer.addWidget(watch_box)
        outer.setSizes([250, 400])  # five grades need little room; the watch list more
        layout.addWidget(outer, 1)
        self.tables["credit"], self.tables["watch"] = grades, watch
        self.charts["credit"], self.notes["credit"] = pie, rule
        tabs.addTab(page, self.tr("Credit"))

    # ------------------------------------------------------------------ loading
    def period(self) -> tuple[dt.date, dt.date]:
        return self.ui.fromDate.date().toPython(), self.ui.toDate.date().toPython()

    def _set_period(self, period: tuple[dt.date, dt.date]) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        start, end = period
        self.ui.fromDate.setDate(QDate(start.year, start.month, start.day))
        self.ui.toDate.setDate(QDate(end.year, end.month, end.day))
        self.refresh()

    def refresh(self) -> None:
        start, end = self.period()
        if start > end:
            self.ui.summaryLabel.setText(self.tr("The period starts after it ends."))
            return
        self.ui.showButton.setEnabled(False)
        Op(self.worker, self, analyse(start, end)).key(f"analysis-{id(self)}").success(
            self.show_result
        ).failure(self._failed).progress(self.tr("Analysing the customers…")).run()

    def _failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self.ui.showButton.setEnabled(True)
        self.ui.summaryLabel.setText(error_text(exc))

    def changed_elsewhere(self) -> None:
        """Someone else saved: say so rather than recompute at every save in the office
        (the whole analysis reads every customer)."""
        if self.result is not None:
            self.ui.noticeLabel.setText(
                self.tr(
                    "Cards were changed since these figures were made: Show brings them up to date."
                )
            )

    def show_result(self, result: calc.Analysis) -> None:
        if not isValid(self):  # closed while the worker was busy
            return
        self.result = result
        self.ui.noticeLabel.clear()
        lang = self.language
        self.ui.showButton.setEnabled(True)
        self.ui.pdfButton.setEnabled(True)
        self.ui.xlsxButton.setEnabled(True)
        scope = {
            "all": self.tr("All customers"),
            "region": self.tr("The customers of region {region} and your own").format(
                region=result.region or "—"
            ),
            "own": self.tr("The customers you are responsible for"),
        }[result.scope]
        self.ui.scopeLabel.setText(scope)
        self.ui.summaryLabel.setText(
            self.tr(
                "{customers} customers, {buying} of them with transactions in the period; "
                "{transactions} transactions, revenue {revenue} yuan."
            ).format(
                customers=f"{result.customers:,}",
                buying=f"{result.buying:,}",
                transactions=f"{result.transactions:,}",
                revenue=calc.yuan(result.revenue_fen),
            )
        )
        for comp in result.compositions():
            self._show_composition(comp, lang)
        self._show_contribution(result)
        self._show_credit(result, lang)

    def _show_composition(self, comp: calc.Composition, lang: str) -> None:
        rows = [
            [
                r.label(comp.dimension, lang),
                f"{r.customers:,}",
                calc.percent(r.customer_share),
                f"{r.buying:,}",
                f"{r.transactions:,}",
                calc.yuan(r.revenue_fen),
                calc.percent(r.revenue_share),
            ]
            for r in comp.rows
        ]
        total = [
            self.tr("Total"),
            f"{comp.customers:,}",
            "",
            "",
            f"{comp.transactions:,}",
            calc.yuan(comp.revenue_fen),
            "",
        ]
        _fill(self.tables[comp.dimension], rows + [total], set(range(1, 7)))
        shown = [r for r in comp.rows if r.customers or r.revenue_fen]
        chart: PieChart = self.charts[comp.dimension]  # type: ignore[assignment]
        chart.set_data(
            [r.label(comp.dimension, lang) for r in shown],
            [
                Pie(self.tr("Customers"), tuple(r.customers for r in shown)),
                Pie(self.tr("Revenue"), tuple(r.revenue_fen for r in shown)),
            ],
            self.tr("other"),
        )

    def _show_contribution(self, result: calc.Analysis) -> None:
        pc = result.contribution
        _fill(
            self.tables["profit"],
            [
                [
                    str(i),
                    c.archive_no,
                    c.name,
                    calc.yuan(c.revenue_fen),
                    calc.percent(c.share),
                    calc.percent(c.cumulative),
                ]
                for i, c in enumerate(pc.top, start=1)
            ],
            {0, 3, 4, 5},
        )
        bars: BarChart = self.charts["profit"]  # type: ignore[assignment]
        bars.set_data(
            self.tr("Cumulative share of revenue of the top customers"),
            [f"{c * 100:.0f}%" for c, _ in pc.curve],
            [r for _, r in pc.curve],
            [f"{r * 100:.0f}%" for _, r in pc.curve],
            maximum=1.0,
        )
        self.notes["profit"].setText(
            self.tr("{n} of {total} buying customers ({share}) make 80 % of the revenue.").format(
                n=f"{pc.customers_for_80:,}",
                total=f"{pc.customers:,}",
                share=calc.percent(pc.customers_for_80 / pc.customers if pc.customers else None),
            )
            if pc.customers
            else self.tr("No revenue in the period.")
        )

    def _show_credit(self, result: calc.Analysis, lang: str) -> None:
        credit = result.credit
        days = {"A": credit.rules.a_term_days, "B": credit.rules.b_term_days}
        rows = credit.grades.rows
        _fill(
            self.tables["credit"],
            [
                [
                    r.label("grade", lang),
                    f"{r.customers:,}",
                    f"{r.transactions:,}",
                    calc.yuan(r.revenue_fen),
                    calc.percent(r.revenue_share),
                    calc.terms_label(r.key, days.get(r.key, 0), lang),
                    calc.yuan(credit.limits_fen.get(r.key, 0)),
                ]
                for r in rows
            ],
            {1, 2, 3, 4, 6},
        )
        chart: PieChart = self.charts["credit"]  # type: ignore[assignment]
        chart.set_data(
            [r.label("grade", lang) for r in rows],
            [
                Pie(self.tr("Customers"), tuple(r.customers for r in rows)),
                Pie(self.tr("Revenue"), tuple(r.revenue_fen for r in rows)),
            ],
            self.tr("other"),
        )
        _fill(
            self.tables["watch"],
            [
                [
                    r.archive_no,
                    r.name,
                    r.grade,
                    calc.yuan(r.revenue_fen),
                    calc.percent(r.late_share),
                    r.credit_status or "",
                    r.terms(lang),
                ]
                for r in credit.watch(200)
            ],
            {3, 4},
        )
        self.notes["credit"].setText(
            self.tr("Rule: {rule}").format(rule=credit.rules.summary(lang))
        )

    # ------------------------------------------------------------------ credit rule
    def _rules_known(self, known: tuple[calc.CreditRules, bool]) -> None:
        if isValid(self):
            self.rules_button.setVisible(known[1])

    def edit_rules(self) -> None:
        Op(self.worker, self, credit_rules).success(self._edit_rules).run()

    def _edit_rules(self, known: tuple[calc.CreditRules, bool]) -> None:
        if not isValid(self):
            return
        self.dialog = dialog = CreditRulesDialog(self, known[0])
        dialog.accepted.connect(lambda: self._save_rules(dialog.rules))
        dialog.open()

    def _save_rules(self, rules: calc.CreditRules | None) -> None:
        if rules is None or not isValid(self):
            return
        Op(self.worker, self, set_credit_rules(rules)).success(lambda _: self.refresh()).run()

    # ------------------------------------------------------------------ export
    def export(self, kind: str) -> None:
        today = dt.date.today().strftime("%Y%m%d")
        if kind == "pdf":
            name = self.tr("analysis-{date}.pdf").format(date=today)
            title, pattern, suffix = (
                self.tr("Export the Analysis as PDF"),
                self.tr("PDF documents (*.pdf)"),
                ".pdf",
            )
        else:
            name = self.tr("analysis-{date}.xlsx").format(date=today)
            title, pattern, suffix = (
                self.tr("Export the Analysis to Excel"),
                self.tr("Excel workbooks (*.xlsx)"),
                ".xlsx",
            )
        target, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        if not target:
            return
        if not target.lower().endswith(suffix):
            target += suffix
        self.export_to(kind, target)

    def export_to(self, kind: str, target: str) -> None:
        start, end = self.period()
        self._exporting(True)
        text = (
            self.tr("Writing the PDF report…")
            if kind == "pdf"
            else self.tr("Writing the Excel workbook…")
        )
        Op(self.worker, self, export(kind, target, start, end, self.language)).success(
            lambda result: self._exported(target)
        ).failure(lambda exc: self._export_failed(kind, exc)).progress(text).run()

    def _exporting(self, busy: bool) -> None:
        self.ui.pdfButton.setEnabled(not busy)
        self.ui.xlsxButton.setEnabled(not busy)

    def _exported(self, target: str) -> None:
        if not isValid(self):
            return
        self._exporting(False)
        self.ui.noticeLabel.setText(self.tr("Written to {path}.").format(path=target))

    def _export_failed(self, kind: str, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._exporting(False)
        if isinstance(exc, OSError):
            text = self.tr("The file could not be written: {problem}").format(
                problem=exc.strerror or str(exc)
            )
        else:
            text = error_text(exc)
        QMessageBox.warning(self, self.tr("Export the Analysis"), text)
