"""The composition analysis (docs/domain.md, Analysis) over the customers the acting user may see.

A few aggregate queries do the work in SQLite (one pass over the period's transactions per
query, grouped there), so 100 000 customers take a fraction of a second; the figures are then
put together by ``desktop.reports.analysis``, which also documents what each part means.
Visibility is the customer list's (``permissions.visibility``): a salesperson's analysis
covers their own customers, a regional manager's their region's, and access grants count.

Showing an analysis is a read and is not logged; writing it to a file (PDF, Excel) is, as
an "export" entry, like every other export.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from pathlib import Path
from typing import Callable

import sqlcipher3

from .. import errors
from ..domain import permissions, tiering, validation
from ..domain.permissions import Action, Actor
from ..reports import analysis as calc
from ..storage import audit
from ..storage import visibility
from ..storage.archive import Archive, map_sqlite_error
from .customers import as_actor, now_iso

SETTING = "credit_rules"
TOP_CUSTOMERS = 20

# Two passes over the archive, whatever its size: one over the period's transactions and one
# over the visible customers, each into a temporary table in memory (temp_store = MEMORY;
# allowed on a read-only archive too); every figure is then an aggregate over those small
# tables. Several queries straight on the big tables re-read (and decrypt) the same pages
# each time, and a customers index scan fetches the wide card rows in random order: at
# 100 000 customers that took seconds instead of a fraction of one.

#: Per customer and business line in the period; {late}: see ``_late_keys``.
_TX_SQL = """
CREATE TEMP TABLE analysis_tx AS
SELECT customer_id, COALESCE(TRIM(mode), '') AS mode, COUNT(*) AS n, SUM(amount_fen) AS fen,
       SUM(CASE WHEN {late} THEN amount_fen ELSE 0 END) AS late_fen
FROM transactions {hint} WHERE date >= ? AND date <= ? GROUP BY customer_id, mode
"""

#: The visible customers with their period totals. NOT INDEXED when every customer is
#: visible: a plain scan of the table reads each page once, in order (the planner would walk
#: an index and jump about). A salesperson's few customers come by the responsible index.
_CUSTOMERS_SQL = """
CREATE TEMP TABLE analysis_customers AS
SELECT c.id, c.archive_no, c.name, c.tier, c.status, COALESCE(TRIM(c.region), '') AS region,
       COALESCE(TRIM(c.industry), '') AS industry, c.credit_status,
       r.n AS n, COALESCE(r.fen, 0) AS fen, COALESCE(r.late_fen, 0) AS late_fen
FROM customers AS c {hint}
LEFT JOIN (SELECT customer_id, SUM(n) AS n, SUM(fen) AS fen, SUM(late_fen) AS late_fen
           FROM temp.analysis_tx GROUP BY customer_id) AS r ON r.customer_id = c.id
WHERE {visible}
"""

#: Cube rows: (tier, status, region, industry, customers, buying, transactions, revenue).
_CUBE_SQL = """
SELECT tier, status, region, industry, COUNT(*), COUNT(n), COALESCE(SUM(n), 0), SUM(fen)
FROM temp.analysis_customers GROUP BY 1, 2, 3, 4
"""

_LINES_SQL = """
SELECT t.mode, COUNT(*), COUNT(*), SUM(t.n), SUM(t.fen)
FROM temp.analysis_tx AS t JOIN temp.analysis_customers AS c ON c.id = t.customer_id
GROUP BY t.mode
"""

_REVENUES_SQL = "SELECT fen FROM temp.analysis_customers WHERE fen > 0 ORDER BY fen DESC"

_TOP_SQL = """
SELECT id, archive_no, name, fen FROM temp.analysis_customers WHERE fen > 0
ORDER BY fen DESC, id LIMIT ?
"""

# The customers the credit rule can say something about: transactions in the period, or a
# credit status written on the card.
_CREDIT_SQL = """
SELECT id, archive_no, name, credit_status, COALESCE(n, 0), fen, late_fen
FROM temp.analysis_customers
WHERE n IS NOT NULL OR COALESCE(TRIM(credit_status), '') <> ''
"""

_TEMP_TABLES = ("analysis_late", "analysis_tx", "analysis_customers")

#: Above this share of all transactions in the period, scanning the table beats the date
#: index (whose every hit is a jump to the row).
SCAN_SHARE = 0.25


def aggregate(
    conn,
    rules: calc.CreditRules,
    period: tuple[str, str],
    visible: str,
    vis_params: tuple,
    tell: Callable[[int], None] = lambda done: None,
):
    """The grouped figures of the period for the customers ``visible`` selects (a WHERE
    fragment over ``customers AS c``): (cube, business lines, revenues largest first, top
    customers, credit rows). Any DB-API connection to the archive's tables will do (the
    benchmark runs it on a plain SQLite copy)."""
    own_transaction = not conn.in_transaction
    try:
        if own_transaction:  # one snapshot: a save by someone else lands before or after
            conn.execute("BEGIN")
        _drop_temp(conn)
        in_period = conn.execute(
            "SELECT COUNT(*) FROM transactions WHERE date >= ? AND date <= ?", period
        ).fetchone()[0]
        total = conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0]
        hint = "NOT INDEXED" if in_period > SCAN_SHARE * total else ""
        late = _late_keys(conn, rules, period, hint)
        conn.execute(_TX_SQL.format(late=late, hint=hint), period)
        tell(1)
        conn.execute(
            _CUSTOMERS_SQL.format(visible=visible, hint="NOT INDEXED" if visible == "1" else ""),
            vis_params,
        )
        tell(2)
        cube = conn.execute(_CUBE_SQL).fetchall()
        lines = conn.execute(_LINES_SQL).fetchall()
        revenues = [row[0] for row in conn.execute(_REVENUES_SQL)]
        top = conn.execute(_TOP_SQL, (TOP_CUSTOMERS,)).fetchall()
        rows = conn.execute(_CREDIT_SQL).fetchall()
        tell(3)
    finally:
        with contextlib.suppress(Exception):  # the first error is the one to report
            _drop_temp(conn)
        if own_transaction and conn.in_transaction:
            with contextlib.suppress(Exception):
                conn.execute("COMMIT")
    return cube, lines, revenues, top, rows


def _drop_temp(conn) -> None:
    for name in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


#: A transaction's payment method and note as one text: what the late words are looked for
#: in, and the key of the late ones in temp.analysis_late.
_TEXT_KEY = "COALESCE(payment_method, '') || char(31) || COALESCE(note, '')"


def _late_keys(conn, rules: calc.CreditRules, period: tuple[str, str], hint: str) -> str:
    """The SQL condition "this transaction is late or open" for the period's transactions.

    The rule is Python's (``calc.is_late``, the same as the report states), applied once per
    distinct payment method and note of the period (a handful, however many transactions),
    and the late ones go into a temporary table; the aggregate then looks each row's text up
    there instead of searching it for every word (eleven instr() a row cost more than the
    rest of the pass)."""
    late = []
    for (key,) in conn.execute(
        f"SELECT DISTINCT {_TEXT_KEY} FROM transactions {hint} WHERE date >= ? AND date <= ?",
        period,
    ):
        method, _, note = key.partition("\x1f")
        if calc.is_late(method or None, note or None, rules):
            late.append((key,))
    if not late:
        return "0"
    conn.execute("CREATE TEMP TABLE analysis_late(key TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.executemany("INSERT OR IGNORE INTO temp.analysis_late(key) VALUES (?)", late)
    return f"({_TEXT_KEY}) IN temp.analysis_late"


class AnalysisService:
    """The analysis as ``actor`` may see it; the credit rule from the archive's settings."""

    def __init__(self, archive: Archive, actor: Actor | str) -> None:
        self.archive = archive
        self.actor = as_actor(actor)

    # ------------------------------------------------------------------ settings
    def credit_rules(self) -> calc.CreditRules:
        raw = self.archive.get_setting(SETTING)
        if not raw:
            return calc.CreditRules()
        try:
            return calc.CreditRules.from_json(json.loads(raw))
        except (ValueError, TypeError) as exc:  # a hand-edited setting: say so, use nothing wrong
            raise errors.ValidationError(
                "The stored credit rule is not valid: {exc}", exc=exc
            ) from None

    def set_credit_rules(self, rules: calc.CreditRules) -> None:
        """Store the office's credit rule (administrators: it is an archive setting)."""
        permissions.require(self.actor, Action.MANAGE_SETTINGS)
        with self.archive.write() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value, version = version + 1",
                (SETTING, json.dumps(rules.to_json(), ensure_ascii=False)),
            )
            # Like the other archive settings (backups): action "settings" on the archive.
            audit.append(
                conn,
                user_name=self.actor.user_name,
                action="settings",
                target_type="archive",
                target_id=self.archive.id,
                details={SETTING: rules.to_json()},
            )

    def default_period(self, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """The tiers' ABC period (``tier_settings``, 12 months by default) ending today."""
        from .customers import CustomerService

        today = today or dt.date.today()
        months = CustomerService(self.archive, self.actor).tier_settings().period_months
        return tiering.period_start(today, months), today

    # ------------------------------------------------------------------ computing
    def analyse(
        self,
        start: dt.date | str | None = None,
        end: dt.date | str | None = None,
        *,
        progress: Callable[[int, int], None] | None = None,
    ) -> calc.Analysis:
        """The whole analysis of the period ``start``..``end`` (both days included; default:
        ``default_period``). ``progress(done, total)`` is told after each query."""
        start, end = self._period(start, end)
        rules = self.credit_rules()
        now = now_iso()
        visible, vis_params = visibility.where(permissions.visibility(self.actor, now), alias="c")
        period = (start.isoformat(), end.isoformat())
        steps = 4
        tell = progress or (lambda done, total: None)
        try:
            cube, lines, revenues, top, rows = aggregate(
                self.archive.conn,
                rules,
                period,
                visible,
                vis_params,
                lambda done: tell(done, steps),
            )
        except sqlcipher3.DatabaseError as exc:
            raise map_sqlite_error(exc, self.archive.path) from None
        buying = sum(row[5] for row in cube)
        days = calc.period_days(start, end)
        ratings = [
            calc.rate(cid, no, name, status, n, fen, late_fen, rules, days)
            for cid, no, name, status, n, fen, late_fen in rows
        ]
        customers = sum(row[4] for row in cube)
        result = calc.Analysis(
            period_from=start,
            period_to=end,
            scope=permissions.scope(self.actor),
            user=self.actor.user_name,
            region=self.actor.region,
            generated_at=now,
            tier=calc.composition("tier", calc.margin(cube, 0)),
            status=calc.composition("status", calc.margin(cube, 1)),
            region_mix=calc.composition("region", calc.margin(cube, 2)),
            industry=calc.composition("industry", calc.margin(cube, 3)),
            business_line=calc.composition("business_line", lines, customers_base=buying),
            contribution=calc.contribution(revenues, top),
            credit=calc.credit(ratings, rules, unrated_customers=customers - len(ratings)),
        )
        tell(4, steps)
        return result

    def _period(self, start, end) -> tuple[dt.date, dt.date]:
        default_start, default_end = self.default_period()
        start = _date(start, "from") or (default_start if end is None else None)
        end = _date(end, "to") or dt.date.today()
        if start is None:  # only an end given: the same length of period before it
            start = end - (default_end - default_start)
        if start > end:
            raise errors.ValidationError(
                "The period starts after it ends ({start} > {end}).",
                start=start.isoformat(),
                end=end.isoformat(),
                fields={"from": "after to"},
            )
        return start, end

    # ------------------------------------------------------------------ exporting
    def record_export(self, kind: str, target: str | Path, result: calc.Analysis) -> None:
        """The audit entry of an analysis written to a file: "print" for the PDF report (as
        printed cards are), "export" for the Excel workbook."""
        with self.archive.write() as conn:
            audit.append(
                conn,
                user_name=self.actor.user_name,
                action="print" if kind == "pdf" else "export",
                target_type="analysis",
                target_id=None,
                details={
                    "format": kind,
                    "file": Path(target).name,
                    "from": result.period_from.isoformat(),
                    "to": result.period_to.isoformat(),
                    "scope": result.scope,
                    "customers": result.customers,
                },
            )

    def export_pdf(
        self,
        target: str | Path,
        start=None,
        end=None,
        *,
        lang: str = "zh",
        progress: Callable[[int, int], None] | None = None,
    ) -> calc.Analysis:
        """The PDF report of the period written to ``target`` (atomically) and audited."""
        from ..reports.analysis_pdf import write_analysis_pdf

        permissions.require(self.actor, Action.PRINT)
        return self._export(
            "pdf",
            target,
            start,
            end,
            progress,
            lambda result: write_analysis_pdf(target, result, lang=lang),
        )

    def export_xlsx(
        self,
        target: str | Path,
        start=None,
        end=None,
        *,
        lang: str = "zh",
        progress: Callable[[int, int], None] | None = None,
    ) -> calc.Analysis:
        """The Excel workbook of the period written to ``target`` (atomically) and audited."""
        from ..reports.analysis_xlsx import write_analysis_xlsx

        permissions.require(self.actor, Action.EXPORT_LIST)
        return self._export(
            "xlsx",
            target,
            start,
            end,
            progress,
            lambda result: write_analysis_xlsx(target, result, lang=lang),
        )

    def _export(self, kind: str, target, start, end, progress, write) -> calc.Analysis:
        if self.archive.readonly:  # the audit entry could not be written
            raise errors.FolderNotWritable(
                "The archive is open read-only, and every export goes into its audit log: "
                "open it read-write to write the analysis to a file.",
                path=str(self.archive.path),
            )
        result = self.analyse(start, end, progress=progress)
        write(result)
        try:
            self.record_export(kind, target, result)
        except BaseException:
            # No export without its audit entry: the file goes again.
            with contextlib.suppress(OSError):
                Path(target).unlink()
            raise
        return result


def _date(value, which: str) -> dt.date | None:
    """The period's --from/--to as the domain reads dates; None when not given."""
    if value is None or value == "":
        return None
    try:
        return validation.parse_date(value)
    except validation.ValidationError as exc:
        raise errors.ValidationError(
            "--{which} {value!r}: {message}.",
            which=which,
            value=value,
            message=exc.message,
            fields={which: exc.code},
        ) from None
