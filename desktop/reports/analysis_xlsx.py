"""The analysis as an Excel workbook with native charts (openpyxl.chart).

One sheet per part: the table from A1 (header, one row per group, a total row), and beside
it Excel charts whose series reference those cells, so the office can restyle them, filter,
or change a number and watch the chart follow. The workbook is write-only (the sheet of all
credit ratings can have tens of thousands of rows; openpyxl's write-only sheets take charts
too) and written atomically. Shares are numbers formatted as percentages, amounts are yuan
numbers with two decimals, never text.

No Qt here (docs/architecture.md, Layers); texts are ``analysis.TEXTS`` in the workbook's language.
"""

from __future__ import annotations

import os
from decimal import Decimal
from typing import Sequence

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.data_source import AxDataSource, StrRef
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from .analysis import Analysis, Composition, terms_label, text
from .xlsx_sheet import MONEY_FORMAT, Column, SheetWriter, discard, save_workbook, sheet_title

PERCENT_FORMAT = "0.0%"

SHEETS: dict[str, tuple[str, str]] = {
    "overview": ("Overview", "概览"),
    "tier": ("By tier", "收入构成"),
    "status": ("By status", "状态构成"),
    "region": ("By region", "地区构成"),
    "industry": ("By industry", "行业构成"),
    "business_line": ("By business line", "业务构成"),
    "profit": ("Contribution", "利润贡献"),
    "credit": ("Credit", "信用分析"),
    "ratings": ("Credit ratings", "信用评级明细"),
}

#: Where a composition table's columns are (1-based), for the charts' references.
COL_KEY, COL_CUSTOMERS, COL_CUSTOMER_SHARE, COL_BUYING, COL_TX, COL_REVENUE, COL_REVENUE_SHARE = (
    range(1, 8)
)
CHART_COLUMN = "I"


def _zh(lang: str) -> bool:
    return lang.lower().startswith("zh")


def sheet_name(key: str, lang: str) -> str:
    en, zh = SHEETS[key]
    return sheet_title(zh if _zh(lang) else en)


def money(fen: int) -> Decimal:
    return Decimal(int(fen)) / 100


class _Cells:
    """Typed write-only cells for one sheet."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.bold = Font(bold=True)

    def text(self, value: object, bold: bool = False) -> Cell:
        cell = WriteOnlyCell(self.ws, value="" if value is None else str(value))
        cell.data_type = "s"  # a group named "=…" stays text
        if bold:
            cell.font = self.bold
        return cell

    def number(
        self, value: int | float | Decimal | None, fmt: str | None = None, bold: bool = False
    ) -> Cell:
        cell = WriteOnlyCell(self.ws, value=value)  # type: ignore[arg-type]  # openpyxl takes Decimal too; its stubs say float
        if fmt:
            cell.number_format = fmt
        if bold:
            cell.font = self.bold
        return cell

    def money(self, fen: int, bold: bool = False) -> Cell:
        return self.number(money(fen), MONEY_FORMAT, bold)

    def share(self, value: float | None, bold: bool = False) -> Cell:
        return self.number(value, PERCENT_FORMAT, bold)


def _widths(ws, widths: Sequence[float]) -> None:
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _text_categories(chart, ws, col: int, first: int, last: int) -> None:
    """The group names as the categories of every series, as a string reference:
    ``set_categories`` makes a number reference, which Excel may show as 1, 2, 3."""
    ref = Reference(ws, min_col=col, min_row=first, max_row=last)
    for series in chart.series:
        series.cat = AxDataSource(strRef=StrRef(f=str(ref)))


def _pie(title: str, ws, label_col: int, value_col: int, first: int, last: int) -> PieChart:
    chart = PieChart()
    chart.title = title
    chart.add_data(
        Reference(ws, min_col=value_col, min_row=first - 1, max_row=last), titles_from_data=True
    )
    _text_categories(chart, ws, label_col, first, last)
    # Only the percentage on each slice: Excel and LibreOffice otherwise add the series
    # name, category and value, which pile up on small slices.
    chart.dataLabels = DataLabelList(
        showPercent=True, showVal=False, showCatName=False, showSerName=False, showLegendKey=False
    )
    chart.height, chart.width = 7.5, 12
    return chart


def _bars(
    title: str,
    ws,
    label_col: int,
    value_cols: Sequence[int],
    first: int,
    last: int,
    *,
    horizontal: bool = False,
    percent_axis: bool = True,
) -> BarChart:
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    for col in value_cols:
        chart.add_data(
            Reference(ws, min_col=col, min_row=first - 1, max_row=last), titles_from_data=True
        )
    _text_categories(chart, ws, label_col, first, last)
    if percent_axis:
        chart.y_axis.numFmt = "0%"
        chart.y_axis.scaling.min = 0
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    chart.height, chart.width = 7.5, 16
    return chart


def _composition_sheet(wb: Workbook, comp: Composition, lang: str) -> None:
    ws = wb.create_sheet(sheet_name(comp.dimension, lang))
    c = _Cells(ws)
    t = lambda k: text(k, lang)  # noqa: E731
    _widths(ws, [26, 10, 12, 12, 11, 20, 12])
    ws.freeze_panes = "A2"
    ws.append(
        [
            c.text(t(k), bold=True)
            for k in (
                "key",
                "customers",
                "customer_share",
                "buying",
                "transactions",
                "revenue",
                "revenue_share",
            )
        ]
    )
    for r in comp.rows:
        ws.append(
            [
                c.text(r.label(comp.dimension, lang)),
                c.number(r.customers),
                c.share(r.customer_share),
                c.number(r.buying),
                c.number(r.transactions),
                c.money(r.revenue_fen),
                c.share(r.revenue_share),
            ]
        )
    first, last = 2, len(comp.rows) + 1
    lines = comp.dimension == "business_line"
    ws.append(
        [
            c.text(t("total"), bold=True),
            c.number(comp.customers, bold=True),
            None if lines else c.share(1.0 if comp.customers else None, bold=True),
            None if lines else c.number(sum(r.buying for r in comp.rows), bold=True),
            c.number(comp.transactions, bold=True),
            c.money(comp.revenue_fen, bold=True),
            c.share(1.0 if comp.revenue_fen > 0 else None, bold=True),
        ]
    )
    if not comp.rows:
        return
    ws.add_chart(
        _pie(t("revenue_share"), ws, COL_KEY, COL_REVENUE, first, last), f"{CHART_COLUMN}2"
    )
    ws.add_chart(
        _bars(
            f"{t('customer_share')} / {t('revenue_share')}",
            ws,
            COL_KEY,
            (COL_CUSTOMER_SHARE, COL_REVENUE_SHARE),
            first,
            last,
        ),
        f"{CHART_COLUMN}18",
    )


def _overview_sheet(wb: Workbook, result: Analysis, lang: str) -> None:
    ws = wb.create_sheet(sheet_name("overview", lang))
    c = _Cells(ws)
    t = lambda k, **kw: text(k, lang, **kw)  # noqa: E731
    _widths(ws, [30, 60])
    ws.append([c.text(t("title"), bold=True)])
    ws.append(
        [
            c.text(t("period")),
            c.text(f"{result.period_from.isoformat()} – {result.period_to.isoformat()}"),
        ]
    )
    ws.append([c.text(t("scope")), c.text(result.scope_text(lang))])
    ws.append([c.text(t("generated", user=result.user, at=result.generated_at))])
    ws.append([c.text(t("customers")), c.number(result.customers)])
    ws.append([c.text(t("buying")), c.number(result.buying)])
    ws.append([c.text(t("transactions")), c.number(result.transactions)])
    ws.append([c.text(t("revenue_total")), c.money(result.revenue_fen)])
    ws.append([])
    ws.append([c.text(t("no_profit_data"))])
    ws.append([c.text(t("credit_rule", rule=result.credit.rules.summary(lang)))])


def _profit_sheet(wb: Workbook, result: Analysis, lang: str) -> None:
    ws = wb.create_sheet(sheet_name("profit", lang))
    c = _Cells(ws)
    t = lambda k: text(k, lang)  # noqa: E731
    pc = result.contribution
    _widths(ws, [16, 18, 8, 18, 34, 18, 12, 14])
    # A..B: the Pareto curve; D..H: the largest customers (side by side, both from row 1).
    ws.append(
        [
            c.text(t("top_share"), bold=True),
            c.text(t("cumulative"), bold=True),
            None,
            c.text(t("rank"), bold=True),
            c.text(t("archive_no"), bold=True),
            c.text(t("name"), bold=True),
            c.text(t("revenue"), bold=True),
            c.text(t("revenue_share"), bold=True),
            c.text(t("cumulative"), bold=True),
        ]
    )
    curve = list(pc.curve)
    for i in range(max(len(curve), len(pc.top))):
        row: list = [None, None, None]
        if i < len(curve):
            row[:2] = [c.text(f"{curve[i][0] * 100:.0f}%"), c.share(curve[i][1])]
        if i < len(pc.top):
            top = pc.top[i]
            row += [
                c.number(i + 1),
                c.text(top.archive_no),
                c.text(top.name),
                c.money(top.revenue_fen),
                c.share(top.share),
                c.share(top.cumulative),
            ]
        ws.append(row)
    if pc.customers:
        ws.append([])
        ws.append(
            [
                c.text(
                    text(
                        "customers_for_80",
                        lang,
                        n=f"{pc.customers_for_80:,}",
                        share=f"{pc.customers_for_80 / pc.customers * 100:.1f}%",
                    )
                )
            ]
        )
    if curve:
        chart = _bars(t("profit"), ws, 1, (2,), 2, len(curve) + 1)
        chart.y_axis.scaling.max = 1
        chart.legend = None
        ws.add_chart(chart, "K2")


def _credit_sheet(wb: Workbook, result: Analysis, lang: str) -> None:
    ws = wb.create_sheet(sheet_name("credit", lang))
    c = _Cells(ws)
    t = lambda k: text(k, lang)  # noqa: E731
    credit = result.credit
    days = {"A": credit.rules.a_term_days, "B": credit.rules.b_term_days}
    _widths(ws, [22, 10, 12, 20, 12, 18, 22])
    ws.append(
        [
            c.text(t(k), bold=True)
            for k in (
                "grade",
                "customers",
                "transactions",
                "revenue",
                "revenue_share",
                "terms",
                "credit_limit",
            )
        ]
    )
    rows = credit.grades.rows
    for r in rows:
        ws.append(
            [
                c.text(r.label("grade", lang)),
                c.number(r.customers),
                c.number(r.transactions),
                c.money(r.revenue_fen),
                c.share(r.revenue_share),
                c.text(terms_label(r.key, days.get(r.key, 0), lang)),
                c.money(credit.limits_fen.get(r.key, 0)),
            ]
        )
    ws.append(
        [
            c.text(t("total"), bold=True),
            c.number(credit.grades.customers, bold=True),
            c.number(credit.grades.transactions, bold=True),
            c.money(credit.grades.revenue_fen, bold=True),
            None,
            None,
            c.money(sum(credit.limits_fen.values()), bold=True),
        ]
    )
    ws.append([])
    ws.append([c.text(text("credit_rule", lang, rule=credit.rules.summary(lang)))])
    ws.add_chart(_pie(t("customers"), ws, 1, 2, 2, len(rows) + 1), "I2")
    ws.add_chart(
        _bars(t("revenue"), ws, 1, (4,), 2, len(rows) + 1, horizontal=True, percent_axis=False),
        "I18",
    )


RATING_COLUMNS = (
    "archive_no",
    "name",
    "grade",
    "transactions",
    "revenue",
    "late_share",
    "credit_status",
    "terms",
    "credit_limit",
)


def _ratings_sheet(wb: Workbook, result: Analysis, lang: str) -> int:
    t = lambda k: text(k, lang)  # noqa: E731
    kinds = {
        "transactions": "int",
        "revenue": "money",
        "late_share": "number",
        "credit_limit": "money",
    }
    widths = {"name": 34, "credit_status": 18, "terms": 18, "archive_no": 16}
    writer = SheetWriter(
        wb,
        sheet_name("ratings", lang),
        [Column(k, t(k), widths.get(k, 14), kinds.get(k, "text")) for k in RATING_COLUMNS],
    )
    writer.extend(
        (
            r.archive_no,
            r.name,
            r.grade,
            r.transactions,
            money(r.revenue_fen),
            round(r.late_share, 4),
            r.credit_status,
            r.terms(lang),
            money(r.limit_fen),
        )
        for r in result.credit.ratings
    )
    writer.finish()
    return writer.rows


def write_analysis_xlsx(target: str | os.PathLike, result: Analysis, *, lang: str = "zh") -> int:
    """Write the workbook to ``target`` atomically; returns the number of rating rows."""
    wb = Workbook(write_only=True)
    try:
        _overview_sheet(wb, result, lang)
        for comp in result.compositions():
            _composition_sheet(wb, comp, lang)
        _profit_sheet(wb, result, lang)
        _credit_sheet(wb, result, lang)
        rows = _ratings_sheet(wb, result, lang)
    except BaseException:
        discard(wb)
        raise
    save_workbook(wb, target)
    return rows
