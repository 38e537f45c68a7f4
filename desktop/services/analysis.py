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


from .. import errors
from ..domain import permissions, tiering, validation
from ..domain.permissions import Action, Actor
from ..reports import analysis as calc
from ..storage import analysis_queries as queries
from ..storage import audit, settings
from ..storage import visibility
from ..storage.archive import Archive
from .customers import CustomerService, as_actor, now_iso

SETTING = "credit_rules"


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
            settings.put(conn, SETTING, json.dumps(rules.to_json(), ensure_ascii=False))
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
        with self.archive.driver_errors():
            cube, lines, revenues, top, rows = queries.aggregate(
                self.archive.conn,
                lambda method, note: calc.is_late(method, note, rules),
                period,
                visible,
                vis_params,
                lambda done: tell(done, steps),
            )
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
