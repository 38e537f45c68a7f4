"""The analysis as a PDF report (reportlab), on the shared layout of ``pdf_layout``.

One section per part of the analysis: a chart (reportlab.graphics pie and bar charts, the
labels in the embedded CJK font) above its table. Pies compare the share of customers with
the share of revenue, which is the point of the analysis (a few key accounts, most of the
revenue). No Qt here (docs/architecture.md, Layers); texts are ``analysis.TEXTS`` in the report's
language.
"""

from __future__ import annotations

import datetime as dt
import os

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, KeepTogether, Spacer

from . import pdf_layout as layout
from .analysis import Analysis, Composition, key_label, percent, text, yuan

PALETTE = [
    colors.HexColor(c)
    for c in (
        "#1f5fa8",
        "#e07b28",
        "#3b9a57",
        "#c23b3b",
        "#7d5ba6",
        "#8c6a4f",
        "#d166a8",
        "#6f7780",
        "#b5b82e",
        "#2fb4c4",
        "#9fc2e7",
        "#f3b680",
    )
]
#: Groups beyond this many are summed up as one "other" slice in a pie (the table has all).
PIE_GROUPS = 9


def _colour(i: int):
    return PALETTE[i % len(PALETTE)]


def _pie(values: list[int], title: str, x: float, size: float, font: str) -> list:
    """A pie at ``x`` with its title above; percentages on slices of at least 5 %."""
    total = sum(v for v in values if v > 0)
    out: list = [
        String(x + size / 2, size + 6 * mm, title, fontName=font, fontSize=8.5, textAnchor="middle")
    ]
    if total <= 0:
        out.append(
            String(x + size / 2, size / 2, "–", fontName=font, fontSize=12, textAnchor="middle")
        )
        return out
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = x, 2 * mm, size, size  # type: ignore[assignment]  # floats work; stubs: int
    pie.data = [max(v, 0) for v in values]
    pie.labels = [f"{v / total * 100:.0f}%" if v / total >= 0.05 else "" for v in pie.data]
    pie.simpleLabels = 1
    pie.slices.fontName = font
    pie.slices.fontSize = 7
    pie.slices.labelRadius = 0.68
    pie.slices.fontColor = colors.white
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 0.5
    pie.startAngle = 90
    pie.direction = "clockwise"
    for i in range(len(values)):
        pie.slices[i].fillColor = _colour(i)
    out.append(pie)
    return out


def _grouped(comp: Composition, lang: str) -> tuple[list[str], list[int], list[int]]:
    """Labels, customers and revenue per slice: the largest groups, the rest as "other"."""
    rows = [r for r in comp.rows if r.customers or r.revenue_fen]
    labels = [r.label(comp.dimension, lang) for r in rows]
    customers = [r.customers for r in rows]
    revenue = [r.revenue_fen for r in rows]
    if len(rows) > PIE_GROUPS:
        keep = PIE_GROUPS - 1
        labels = labels[:keep] + ["其他" if lang.startswith("zh") else "other"]
        customers = customers[:keep] + [sum(customers[keep:])]
        revenue = revenue[:keep] + [sum(revenue[keep:])]
    return labels, customers, revenue


def composition_chart(comp: Composition, width: float, lang: str) -> Drawing:
    """Two pies (share of customers, share of revenue) and their legend."""
    font = layout.cjk_font().name
    labels, customers, revenue = _grouped(comp, lang)
    size = 38 * mm
    height = size + 10 * mm
    d = Drawing(width, height)
    for shape in _pie(customers, text("customer_share", lang), 0, size, font):
        d.add(shape)
    for shape in _pie(revenue, text("revenue_share", lang), size + 12 * mm, size, font):
        d.add(shape)
    legend = Legend()
    legend.x, legend.y = 2 * size + 24 * mm, height - 4 * mm  # type: ignore[assignment]  # floats work; stubs: int
    legend.fontName, legend.fontSize = font, 8
    legend.alignment = "right"
    legend.boxAnchor = "nw"
    legend.columnMaximum = 10
    legend.dx = legend.dy = 7
    legend.deltay = 10
    legend.colorNamePairs = [(_colour(i), label) for i, label in enumerate(labels)]
    d.add(legend)
    return d


def contribution_chart(result: Analysis, width: float, lang: str) -> Drawing:
    """Cumulative share of revenue of the top 10 % … 100 % of buying customers (bars)."""
    font = layout.cjk_font().name
    height = 48 * mm
    d = Drawing(width, height)
    chart = VerticalBarChart()
    # floats work; reportlab's stubs say int
    chart.x, chart.y = 14 * mm, 10 * mm  # type: ignore[assignment]
    chart.width, chart.height = width - 24 * mm, height - 18 * mm  # type: ignore[assignment]
    chart.data = [[round(r * 100, 1) for _, r in result.contribution.curve] or [0]]
    chart.categoryAxis.categoryNames = [
        f"{c * 100:.0f}%" for c, _ in result.contribution.curve
    ] or [""]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.bars[0].fillColor = _colour(0)
    chart.barLabelFormat = "%.0f%%"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 5
    d.add(chart)
    d.add(
        String(
            14 * mm,
            2 * mm,
            f"{text('top_share', lang)} → {text('cumulative', lang)}",
            fontName=font,
            fontSize=7.5,
        )
    )
    return d


def grade_chart(result: Analysis, width: float, lang: str) -> Drawing:
    """Customers by credit grade (horizontal bars, the rated ones and the unrated)."""
    font = layout.cjk_font().name
    rows = result.credit.grades.rows
    height = 12 * mm + 7 * mm * len(rows)
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 45 * mm, 4 * mm, width - 65 * mm, height - 8 * mm  # type: ignore[assignment]  # floats work; stubs: int
    # Bottom to top in reportlab; the table reads top to bottom: reverse.
    chart.data = [[r.customers for r in reversed(rows)]]
    chart.categoryAxis.categoryNames = [key_label("grade", r.key, lang) for r in reversed(rows)]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dx = -2
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.visible = 0
    chart.bars[0].fillColor = _colour(0)
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _composition_table(comp: Composition, width: float, lang: str):
    t = lambda k: text(k, lang)  # noqa: E731
    header = [
        t("key"),
        t("customers"),
        t("customer_share"),
        t("buying"),
        t("transactions"),
        t("revenue"),
        t("revenue_share"),
    ]
    rows = [
        [
            r.label(comp.dimension, lang),
            f"{r.customers:,}",
            percent(r.customer_share),
            f"{r.buying:,}",
            f"{r.transactions:,}",
            yuan(r.revenue_fen),
            percent(r.revenue_share),
        ]
        for r in comp.rows
    ]
    buying = sum(r.buying for r in comp.rows)
    if comp.dimension == "business_line":  # one customer may buy in several lines
        rows.append(
            [
                t("total"),
                f"{comp.customers:,}",
                "",
                "",
                f"{comp.transactions:,}",
                yuan(comp.revenue_fen),
                percent(1.0 if comp.revenue_fen > 0 else None),
            ]
        )
    else:
        rows.append(
            [
                t("total"),
                f"{comp.customers:,}",
                percent(1.0 if comp.customers else None),
                f"{buying:,}",
                f"{comp.transactions:,}",
                yuan(comp.revenue_fen),
                percent(1.0 if comp.revenue_fen > 0 else None),
            ]
        )
    fixed = [18 * mm, 20 * mm, 26 * mm, 22 * mm, 32 * mm, 18 * mm]  # English titles unbroken
    return layout.data_table(header, rows, [width - sum(fixed), *fixed])


def story(result: Analysis, lang: str = "zh") -> list:
    s = layout.styles()
    width = layout.content_width()
    t = lambda k, **kw: text(k, lang, **kw)  # noqa: E731
    out: list = [layout.para(t("title"), s.title)]
    out += layout.key_value_block(
        [
            (t("period"), f"{result.period_from.isoformat()} – {result.period_to.isoformat()}"),
            (t("scope"), result.scope_text(lang)),
            (t("customers"), f"{result.customers:,}"),
            (t("buying"), f"{result.buying:,}"),
            (t("transactions"), f"{result.transactions:,}"),
            (t("revenue_total"), yuan(result.revenue_fen)),
        ],
        width,
        label_width=32 * mm,
    )
    for comp in result.compositions():
        out.append(CondPageBreak(75 * mm))
        out.append(
            KeepTogether(
                [layout.para(t(comp.dimension), s.heading), composition_chart(comp, width, lang)]
            )
        )
        out.append(_composition_table(comp, width, lang))

    pc = result.contribution
    out.append(CondPageBreak(80 * mm))
    out.append(layout.para(t("profit"), s.heading))
    out.append(layout.para(t("no_profit_data"), s.small))
    out.append(Spacer(0, 2 * mm))
    out.append(contribution_chart(result, width, lang))
    if pc.customers:
        out.append(
            layout.para(
                t(
                    "customers_for_80",
                    n=f"{pc.customers_for_80:,}",
                    share=percent(pc.customers_for_80 / pc.customers),
                ),
                s.body,
            )
        )
    out.append(Spacer(0, 2 * mm))
    out.append(layout.para(t("largest"), s.heading))
    fixed = [12 * mm, 30 * mm, 32 * mm, 20 * mm, 24 * mm]
    out.append(
        layout.data_table(
            [
                t("rank"),
                t("archive_no"),
                t("name"),
                t("revenue"),
                t("revenue_share"),
                t("cumulative"),
            ],
            [
                [
                    str(i),
                    c.archive_no,
                    c.name,
                    yuan(c.revenue_fen),
                    percent(c.share),
                    percent(c.cumulative),
                ]
                for i, c in enumerate(pc.top, start=1)
            ],
            [fixed[0], fixed[1], width - sum(fixed), *fixed[2:]],
        )
    )

    credit = result.credit
    out.append(CondPageBreak(90 * mm))
    out.append(layout.para(t("credit"), s.heading))
    out.append(layout.para(t("credit_rule", rule=credit.rules.summary(lang)), s.small))
    out.append(Spacer(0, 2 * mm))
    out.append(grade_chart(result, width, lang))
    from .analysis import terms_label

    days = {"A": credit.rules.a_term_days, "B": credit.rules.b_term_days}
    fixed = [18 * mm, 22 * mm, 30 * mm, 20 * mm, 36 * mm, 32 * mm]
    out.append(
        layout.data_table(
            [
                t("grade"),
                t("customers"),
                t("transactions"),
                t("revenue"),
                t("revenue_share"),
                t("terms"),
                t("credit_limit"),
            ],
            [
                [
                    r.label("grade", lang),
                    f"{r.customers:,}",
                    f"{r.transactions:,}",
                    yuan(r.revenue_fen),
                    percent(r.revenue_share),
                    terms_label(r.key, days.get(r.key, 0), lang),
                    yuan(credit.limits_fen.get(r.key, 0)),
                ]
                for r in credit.grades.rows
            ],
            [width - sum(fixed), *fixed],
        )
    )
    watch = credit.watch()
    if watch:
        out.append(CondPageBreak(40 * mm))
        out.append(layout.para(t("watch"), s.heading))
        # English terms ("payment before delivery") need more room than 款到发货.
        fixed = (
            [26 * mm, 16 * mm, 28 * mm, 20 * mm, 22 * mm, 20 * mm]
            if lang.startswith("zh")
            else [24 * mm, 14 * mm, 26 * mm, 18 * mm, 20 * mm, 36 * mm]
        )
        out.append(
            layout.data_table(
                [
                    t("archive_no"),
                    t("name"),
                    t("grade"),
                    t("revenue"),
                    t("late_share"),
                    t("credit_status"),
                    t("terms"),
                ],
                [
                    [
                        r.archive_no,
                        r.name,
                        r.grade,
                        yuan(r.revenue_fen),
                        percent(r.late_share),
                        r.credit_status or "",
                        r.terms(lang),
                    ]
                    for r in watch
                ],
                [fixed[0], width - sum(fixed), *fixed[1:]],
            )
        )
    return out


def write_analysis_pdf(
    target: str | os.PathLike,
    result: Analysis,
    *,
    lang: str = "zh",
    printed_at: dt.datetime | None = None,
) -> int:
    """Write the report to ``target`` atomically; returns the number of pages."""
    setup = layout.PageSetup(
        title=text("title", lang),
        printed_by=result.user,
        printed_at=printed_at,
        lang=lang,
        subject=f"{result.period_from.isoformat()} – {result.period_to.isoformat()}",
    )
    return layout.write_pdf(target, story(result, lang), setup)
