"""``analysis`` subcommands: the composition analysis as tables, a PDF report, an Excel
workbook, the credit ratings, and the office's credit rule.

    customer-archive analysis [--from D] [--to D] [--json] [--lang zh|en]
    customer-archive analysis pdf OUT [--from D] [--to D]
    customer-archive analysis xlsx OUT [--from D] [--to D]
    customer-archive analysis credit [--grade G] [--limit N]
    customer-archive analysis rules [--set NAME=VALUE …]

The period defaults to the tiers' ABC period ending today. Everything covers the customers
the acting user may see. Writing a file is audited ("print" for the PDF, "export" for Excel).
"""

from __future__ import annotations

import argparse
import contextlib
import unicodedata
from typing import Iterator, Sequence

from .. import errors
from ..reports import analysis as calc
from ..services.analysis import AnalysisService
from . import passphrase as pp
from .language import cli_lang, is_zh
from .output import emit
from .session import current_actor


@contextlib.contextmanager
def analysis_service(args) -> Iterator[AnalysisService]:
    archive_service = pp.open_service(args)
    try:
        yield AnalysisService(archive_service.archive, current_actor(args, archive_service.archive))
    finally:
        archive_service.close()


def _lang(args) -> str:
    """The report language: "zh" or "en" (see cli/language.py)."""
    return "zh" if is_zh(cli_lang(args)) else "en"


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def table(header: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> str:
    """Columns lined up for a terminal: Chinese characters count as two columns."""
    widths = [max(_width(str(r[i])) for r in [header, *rows]) for i in range(len(header))]

    def line(cells):
        out = []
        for i, cell in enumerate(cells):
            cell = str(cell)
            pad = " " * (widths[i] - _width(cell))
            out.append(pad + cell if i in right else cell + pad)
        return "  ".join(out).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *map(line, rows)])


def composition_text(comp: calc.Composition, lang: str) -> str:
    t = lambda k: calc.text(k, lang)  # noqa: E731
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
    rows.append(
        [
            t("total"),
            f"{comp.customers:,}",
            "",
            "",
            f"{comp.transactions:,}",
            calc.yuan(comp.revenue_fen),
            "",
        ]
    )
    return f"{t(comp.dimension)}\n" + table(
        [
            t("key"),
            t("customers"),
            t("customer_share"),
            t("buying"),
            t("transactions"),
            t("revenue"),
            t("revenue_share"),
        ],
        rows,
        right=range(1, 7),
    )


def analysis_text(result: calc.Analysis, lang: str) -> str:
    t = lambda k, **kw: calc.text(k, lang, **kw)  # noqa: E731
    parts = [
        f"{t('title')}: {result.period_from.isoformat()} – {result.period_to.isoformat()}, "
        f"{result.scope_text(lang)}",
        f"{t('customers')} {result.customers:,} · {t('buying')} {result.buying:,} · "
        f"{t('transactions')} {result.transactions:,} · {t('revenue_total')} {calc.yuan(result.revenue_fen)}",
    ]
    parts += [composition_text(c, lang) for c in result.compositions()]
    pc = result.contribution
    lines = [t("profit"), t("no_profit_data")]
    lines.append(
        table(
            [t("top_share"), t("cumulative")],
            [[f"{c * 100:.0f}%", calc.percent(r)] for c, r in pc.curve],
            right=(0, 1),
        )
    )
    if pc.customers:
        lines.append(
            t(
                "customers_for_80",
                n=f"{pc.customers_for_80:,}",
                share=calc.percent(pc.customers_for_80 / pc.customers),
            )
        )
    lines.append(
        table(
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
                    calc.yuan(c.revenue_fen),
                    calc.percent(c.share),
                    calc.percent(c.cumulative),
                ]
                for i, c in enumerate(pc.top[:10], start=1)
            ],
            right=(0, 3, 4, 5),
        )
    )
    parts.append("\n".join(lines))
    credit = result.credit
    days = {"A": credit.rules.a_term_days, "B": credit.rules.b_term_days}
    parts.append(
        t("credit")
        + "\n"
        + table(
            [
                t("grade"),
                t("customers"),
                t("revenue"),
                t("revenue_share"),
                t("terms"),
                t("credit_limit"),
            ],
            [
                [
                    r.label("grade", lang),
                    f"{r.customers:,}",
                    calc.yuan(r.revenue_fen),
                    calc.percent(r.revenue_share),
                    calc.terms_label(r.key, days.get(r.key, 0), lang),
                    calc.yuan(credit.limits_fen.get(r.key, 0)),
                ]
                for r in credit.grades.rows
            ],
            right=(1, 2, 3, 5),
        )
        + "\n"
        + t("credit_rule", rule=credit.rules.summary(lang))
    )
    return "\n\n".join(parts)


def cmd_show(args) -> int:
    lang = _lang(args)
    with analysis_service(args) as svc:
        result = svc.analyse(args.date_from, args.date_to)
    emit(args, result.to_json(), analysis_text(result, lang))
    return 0


def _write(args, kind: str) -> int:
    lang = _lang(args)
    with analysis_service(args) as svc:
        if kind == "pdf":
            result = svc.export_pdf(args.out, args.date_from, args.date_to, lang=lang)
        else:
            result = svc.export_xlsx(args.out, args.date_from, args.date_to, lang=lang)
    data = {
        "file": str(args.out),
        "format": kind,
        "from": result.period_from.isoformat(),
        "to": result.period_to.isoformat(),
        "customers": result.customers,
        "revenue": calc.yuan_plain(result.revenue_fen),
    }
    emit(
        args,
        data,
        f"Wrote {args.out} ({result.customers:,} customers, "
        f"{result.period_from.isoformat()} – {result.period_to.isoformat()}).",
    )
    return 0


def cmd_pdf(args) -> int:
    return _write(args, "pdf")


def cmd_xlsx(args) -> int:
    return _write(args, "xlsx")


def cmd_credit(args) -> int:
    lang = _lang(args)
    grade = args.grade
    if grade is not None:
        grade = "-" if grade.lower() in ("-", "unrated", "none") else grade.upper()
        if grade not in calc.GRADES:
            raise errors.ValidationError(
                "--grade {grade!r}: one of A, B, C, D or unrated.", grade=args.grade
            )
    if args.limit < 0:
        raise errors.ValidationError("--limit cannot be negative.")
    with analysis_service(args) as svc:
        result = svc.analyse(args.date_from, args.date_to)
    ratings = [r for r in result.credit.ratings if grade is None or r.grade == grade]
    if args.limit:
        ratings = ratings[: args.limit]
    t = lambda k: calc.text(k, lang)  # noqa: E731
    text = (
        table(
            [
                t("archive_no"),
                t("name"),
                t("grade"),
                t("transactions"),
                t("revenue"),
                t("late_share"),
                t("terms"),
                t("credit_limit"),
                t("credit_status"),
            ],
            [
                [
                    r.archive_no,
                    r.name,
                    r.grade,
                    str(r.transactions),
                    calc.yuan(r.revenue_fen),
                    calc.percent(r.late_share),
                    r.terms(lang),
                    calc.yuan(r.limit_fen),
                    r.credit_status or "",
                ]
                for r in ratings
            ],
            right=(3, 4, 5, 7),
        )
        if ratings
        else "(no rated customers)"
    )
    emit(args, [r.to_json() for r in ratings], text)
    return 0


def cmd_rules(args) -> int:
    with analysis_service(args) as svc:
        rules = svc.credit_rules()
        for item in args.set or ():
            if "=" not in item:
                raise errors.ValidationError("--set {item!r}: expected NAME=VALUE.", item=item)
            name, value = item.split("=", 1)
            try:
                rules = rules.with_text(name.strip(), value.strip())
            except ValueError as exc:
                raise errors.ValidationError(str(exc)) from None
        if args.set:
            svc.set_credit_rules(rules)
    lang = _lang(args)
    lines = [
        f"{k} = {', '.join(v) if isinstance(v, list) else v}" for k, v in rules.to_json().items()
    ]
    emit(args, rules.to_json(), "\n".join(lines) + "\n\n" + rules.summary(lang))
    return 0


def register(sub, common) -> None:
    def period(p, *, top: bool) -> None:
        d = (lambda v: v) if top else (lambda v: argparse.SUPPRESS)
        p.add_argument(
            "--from",
            dest="date_from",
            metavar="DATE",
            default=d(None),
            help="first day of the period (YYYY-MM-DD; default: the tier period's)",
        )
        p.add_argument(
            "--to",
            dest="date_to",
            metavar="DATE",
            default=d(None),
            help="last day of the period (default: today)",
        )

    p = sub.add_parser("analysis", help="composition, contribution and credit analysis; PDF, Excel")
    common(p)
    period(p, top=True)
    p.set_defaults(handler=cmd_show)
    asub = p.add_subparsers(dest="analysis_command", metavar="ACTION")

    s = asub.add_parser("pdf", help="write the analysis as a PDF report with charts")
    common(s)
    period(s, top=False)
    s.add_argument("out", metavar="OUT", help="the PDF file to write")
    s.set_defaults(handler=cmd_pdf)

    s = asub.add_parser("xlsx", help="write the analysis as an Excel workbook with native charts")
    common(s)
    period(s, top=False)
    s.add_argument("out", metavar="OUT", help="the .xlsx file to write")
    s.set_defaults(handler=cmd_xlsx)

    s = asub.add_parser("credit", help="the credit rating of each customer, largest revenue first")
    common(s)
    period(s, top=False)
    s.add_argument("--grade", metavar="G", help="only this grade (A, B, C, D, unrated)")
    s.add_argument("--limit", type=int, default=0, metavar="N", help="at most N customers (0: all)")
    s.set_defaults(handler=cmd_credit)

    s = asub.add_parser("rules", help="show, or as administrator change, the credit rule")
    common(s)
    s.add_argument(
        "--set",
        action="append",
        metavar="NAME=VALUE",
        help="change one setting (e.g. c_late_share=0.15, late_words=逾期,拖欠)",
    )
    s.set_defaults(handler=cmd_rules)
