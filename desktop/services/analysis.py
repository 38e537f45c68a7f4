"""The composition analysis (DOMAIN §7) over the customers the acting user may see.

A few aggregate queries do the work in SQLite (one pass over the period's transactions per
query, grouped there), so 100 000 customers take a fraction of a second; the figures are then
put together by ``desktop.reports.analysis``, which also documents what each part means.
Visibility is the customer list's (``permissions.visibility_sql``): a salesperson's analysis
covers their own customers, a regional manager's their region's, and access grants count.

Showing an analysis is a read and is not logged; writing it to a file (PDF, Excel) is, as
an "export" entry, like every other export.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Callable

from .. import errors
from ..domain import permissions, tiering
from ..domain.permissions import Action, Actor
from ..reports import analysis as calc
from ..storage import audit
from ..storage.archive import Archive
from .customers import as_actor, now_iso

SETTING = "credit_rules"
TOP_CUSTOMERS = 20

#: The card fields a composition groups by, blank and NULL alike as "not filled in".
_CUBE_SQL = """
WITH rev AS (
    SELECT customer_id, SUM(amount_fen) AS fen, COUNT(*) AS n FROM transactions
    WHERE date >= ? AND date <= ? GROUP BY customer_id)
SELECT c.tier, c.status, COALESCE(TRIM(c.region), ''), COALESCE(TRIM(c.industry), ''),
       COUNT(*), COUNT(rev.customer_id), COALESCE(SUM(rev.n), 0), COALESCE(SUM(rev.fen), 0)
FROM customers c LEFT JOIN rev ON rev.customer_id = c.id
WHERE {visible}
GROUP BY 1, 2, 3, 4
"""

_LINES_SQL = """
SELECT COALESCE(TRIM(t.mode), ''), COUNT(DISTINCT t.customer_id), COUNT(DISTINCT t.customer_id),
       COUNT(*), SUM(t.amount_fen)
FROM transactions t JOIN customers c ON c.id = t.customer_id
WHERE t.date >= ? AND t.date <= ? AND {visible}
GROUP BY 1
"""

_REVENUES_SQL = """
SELECT SUM(t.amount_fen) AS fen FROM transactions t JOIN customers c ON c.id = t.customer_id
WHERE t.date >= ? AND t.date <= ? AND {visible}
GROUP BY t.customer_id HAVING fen > 0 ORDER BY fen DESC
"""

_TOP_SQL = """
SELECT c.id, c.archive_no, c.name, SUM(t.amount_fen) AS fen
FROM transactions t JOIN customers c ON c.id = t.customer_id
WHERE t.date >= ? AND t.date <= ? AND {visible}
GROUP BY c.id HAVING fen > 0 ORDER BY fen DESC, c.id LIMIT ?
"""

# Customers with transactions in the period or a credit status written on the card: the
# ones the credit rule can say something about. Lateness is matched in SQL (instr over the
# lower-cased payment method and note) so that only one row per customer comes back.
_CREDIT_SQL = """
WITH tx AS (
    SELECT customer_id, COUNT(*) AS n, SUM(amount_fen) AS fen,
           SUM(CASE WHEN {late} THEN amount_fen ELSE 0 END) AS late_fen
    FROM transactions WHERE date >= ? AND date <= ? GROUP BY customer_id)
SELECT c.id, c.archive_no, c.name, c.credit_status, COALESCE(tx.n, 0), COALESCE(tx.fen, 0),
       COALESCE(tx.late_fen, 0)
FROM customers c LEFT JOIN tx ON tx.customer_id = c.id
WHERE (tx.customer_id IS NOT NULL OR COALESCE(TRIM(c.credit_status), '') <> '') AND {visible}
"""


def _late_sql(words: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """SQL true when a transaction's payment method or note holds one of ``words``.

    SQLite's lower() folds ASCII only, like the words' casefold() for Chinese; the words are
    lower-cased here the same way, so "Overdue" and "逾期" both match as ``is_late`` does."""
    if not words:
        return "0", ()
    text = "lower(COALESCE(payment_method, '') || ' ' || COALESCE(note, ''))"
    return "(" + " OR ".join(f"instr({text}, ?) > 0" for _ in words) + ")", \
        tuple(w.lower() for w in words)


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
            raise errors.ValidationError(f"The stored credit rule is not valid: {exc}") from None

    def set_credit_rules(self, rules: calc.CreditRules) -> None:
        """Store the office's credit rule (administrators: it is an archive setting)."""
        permissions.require(self.actor, Action.MANAGE_SETTINGS)
        with self.archive.write() as conn:
            conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                "value = excluded.value, version = version + 1",
                (SETTING, json.dumps(rules.to_json(), ensure_ascii=False)))
            audit.append(conn, user_name=self.actor.user_name, action="change",
                         target_type="setting", target_id=SETTING, details=rules.to_json())

    def default_period(self, today: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """The tiers' ABC period (``tier_settings``, 12 months by default) ending today."""
        from .customers import CustomerService

        today = today or dt.date.today()
        months = CustomerService(self.archive, self.actor).tier_settings().period_months
        return tiering.period_start(today, months), today

    # ------------------------------------------------------------------ computing
    def analyse(self, start: dt.date | str | None = None, end: dt.date | str | None = None,
                *, progress: Callable[[int, int], None] | None = None) -> calc.Analysis:
        """The whole analysis of the period ``start``..``end`` (both days included; default:
        ``default_period``). ``progress(done, total)`` is told after each query."""
        start, end = self._period(start, end)
        rules = self.credit_rules()
        now = now_iso()
        visible, vis_params = permissions.visibility_sql(self.actor, now, alias="c")
        period = (start.isoformat(), end.isoformat())
        steps = 5
        tell = progress or (lambda done, total: None)

        def query(sql: str, params: tuple) -> list[tuple]:
            return self.archive.query(sql.format(visible=visible), params)

        cube = query(_CUBE_SQL, period + vis_params)
        tell(1, steps)
        lines = query(_LINES_SQL, period + vis_params)
        buying = sum(row[5] for row in cube)
        tell(2, steps)
        revenues = [row[0] for row in query(_REVENUES_SQL, period + vis_params)]
        top = query(_TOP_SQL, period + vis_params + (TOP_CUSTOMERS,))
        tell(3, steps)
        late, late_params = _late_sql(rules.late_words)
        rows = self.archive.query(_CREDIT_SQL.format(late=late, visible=visible),
                                  late_params + period + vis_params)
        tell(4, steps)
        days = calc.period_days(start, end)
        ratings = [calc.rate(cid, no, name, status, n, fen, late_fen, rules, days)
                   for cid, no, name, status, n, fen, late_fen in rows]
        customers = sum(row[4] for row in cube)
        result = calc.Analysis(
            period_from=start, period_to=end, scope=permissions.scope(self.actor),
            user=self.actor.user_name, region=self.actor.region, generated_at=now,
            tier=calc.composition("tier", calc.margin(cube, 0)),
            status=calc.composition("status", calc.margin(cube, 1)),
            region_mix=calc.composition("region", calc.margin(cube, 2)),
            industry=calc.composition("industry", calc.margin(cube, 3)),
            business_line=calc.composition("business_line", lines, customers_base=buying),
            contribution=calc.contribution(revenues, top),
            credit=calc.credit(ratings, rules, unrated_customers=customers - len(ratings)),
        )
        tell(5, steps)
        return result

    def _period(self, start, end) -> tuple[dt.date, dt.date]:
        default_start, default_end = self.default_period()
        start = _date(start, "from") or (default_start if end is None else None)
        end = _date(end, "to") or dt.date.today()
        if start is None:  # only an end given: the same length of period before it
            start = end - (default_end - default_start)
        if start > end:
            raise errors.ValidationError(
                f"The period starts after it ends ({start.isoformat()} > {end.isoformat()}).",
                fields={"from": "after to"})
        return start, end

    # ------------------------------------------------------------------ exporting
    def record_export(self, kind: str, target: str | Path, result: calc.Analysis) -> None:
        """The audit entry of an analysis written to a file: "print" for the PDF report (as
        printed cards are), "export" for the Excel workbook."""
        with self.archive.write() as conn:
            audit.append(conn, user_name=self.actor.user_name,
                         action="print" if kind == "pdf" else "export",
                         target_type="analysis", target_id=None,
                         details={"format": kind, "file": Path(target).name,
                                  "from": result.period_from.isoformat(),
                                  "to": result.period_to.isoformat(), "scope": result.scope,
                                  "customers": result.customers})

    def export_pdf(self, target: str | Path, start=None, end=None, *, lang: str = "zh",
                   progress: Callable[[int, int], None] | None = None) -> calc.Analysis:
        from ..reports.analysis_pdf import write_analysis_pdf

        permissions.require(self.actor, Action.PRINT)
        result = self.analyse(start, end, progress=progress)
        write_analysis_pdf(target, result, lang=lang)
        self.record_export("pdf", target, result)
        return result

    def export_xlsx(self, target: str | Path, start=None, end=None, *, lang: str = "zh",
                    progress: Callable[[int, int], None] | None = None) -> calc.Analysis:
        from ..reports.analysis_xlsx import write_analysis_xlsx

        permissions.require(self.actor, Action.EXPORT_LIST)
        result = self.analyse(start, end, progress=progress)
        write_analysis_xlsx(target, result, lang=lang)
        self.record_export("xlsx", target, result)
        return result


def _date(value, which: str) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise errors.ValidationError(
            f"--{which} {value!r}: expected a date as YYYY-MM-DD.", fields={which: "not a date"}) from None
