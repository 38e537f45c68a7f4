"""Importing customer cards from an Excel sheet: preview, run (short transactions), undo.

The steps, as the wizard and ``import xlsx`` take them:

1. ``sheets(path)``: the workbook's sheets, hidden ones marked.
2. ``columns(path, sheet)``: the header found (below any title rows) and each column's
   field, matched from its title or remembered from the last import of a sheet with the
   same titles (the archive's settings table, keyed by the header signature).
3. ``preview(...)``/``run(..., dry_run=True)``: every row read and validated by the
   domain's own rules (``validate_customer``, ``validate_contact``); each problem reported
   with sheet, row, column and reason; duplicates found against the archive
   (``CustomerService.duplicates``: same credit code, same phone, similar name) and within
   the file (the same credit code, phone or name key as an earlier row), and for each one
   the choice to skip it, update the card it duplicates, or create a new card anyway.
4. ``run(...)``: the rows are taken in parts (``PART_SECONDS`` or ``PART_ROWS`` each): a
   part is read and validated without the write lock, then checked for duplicates and
   written in one short write transaction, so that other people's saves on a shared file go
   on during a long import instead of failing as "busy". Duplicates within the file are
   found by credit code, phone, name key and archive number, as the preview finds them.
   Each part records, in the same transaction, the cards it created or updated (with the
   old values of an update; migrations 0005, 0007);
   the last part marks the batch finished. All rows are taken or none: a failure or a
   cancel takes the parts already committed back at once, and a batch cut off by a killed
   program (no ``finished_at``) is undone as far as it went. A row with problems is not
   taken and is reported; the rest go in. So that
5. ``undo_last()`` can take the newest import back: created cards deleted, updated ones
   given their old values, again in one transaction, and only while nobody changed those
   cards since (their version says so); otherwise it refuses and names them.

Who: importing creates many cards at once, so it needs ``Action.IMPORT`` (managers,
regional managers, administrators). Updates obey the same visibility and approval rules
as an edit on the card: a row whose change would need a manager's approval is reported
instead of applied.
"""

from __future__ import annotations

import collections
import datetime as dt
import hashlib
import json
import logging
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from .. import errors
from ..domain import lifecycle, permissions
from ..domain.permissions import Action, Actor
from ..domain.search_text import name_key
from ..domain.validation import ValidationProblem, validate_contact, validate_customer
from ..reports import xlsx_import as xi
from ..storage import audit as audit_store
from ..storage import customers as repo
from ..storage import imports as import_store
from ..storage import loans as loan_store
from ..storage import search
from ..storage.archive import Archive
from .customers import (
    CustomerService,
    _apply_edit,
    _apply_delete,
    _log_changes,
    now_iso,
    single_user,
    sort_key,
)

log = logging.getLogger(__name__)

TICK = 200
# An import reads and validates rows without the lock (half this long at most, up to this many
# rows ahead), then writes for this long at most in one transaction (``_run_in_parts``).
PART_SECONDS = 0.5
PART_ROWS = 2000
PREVIEW_ROWS = 500  # rows kept with their values for the preview table
DUPLICATE_CHOICES = ("skip", "update", "create")
MAPPING_SETTING = "import_mapping:"

Progress = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True)
class Problem:
    sheet: str
    row: int
    column: str  # letter, "" when the problem is not one column's
    title: str  # the column's title
    field: str | None
    reason: str

    def text(self, reason: str | None = None) -> str:
        """``sheet!row column (title): reason``; ``reason`` in another wording (the window's
        translation of ``self.reason``, a ``ValidationProblem`` with its ``code`` where the
        domain's validation found it)."""
        where = f"{self.column} ({self.title})" if self.column else (self.title or "-")
        return f"{self.sheet}!{self.row} {where}: {reason or self.reason}"

    def to_json(self) -> dict:
        return {
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "title": self.title,
            "field": self.field,
            "reason": self.reason,
            "text": self.text(),
        }


@dataclass(frozen=True)
class DuplicateOf:
    """What a row duplicates: a card of the archive, or an earlier row of the file."""

    against: str  # "archive" | "file"
    reason: str  # credit_code | phone | name
    score: int
    customer_id: int | None = None
    archive_no: str | None = None
    name: str | None = None
    row: int | None = None  # the earlier row, for "file"

    def text(self) -> str:
        if self.against == "file":
            return f"row {self.row} of the file ({self.reason})"
        return f"{self.archive_no} {self.name} ({self.reason})"

    def to_json(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None} | {"text": self.text()}


@dataclass
class ImportRow:
    row: int
    action: str  # create | update | skip | unchanged | invalid
    values: dict[str, Any] = field(default_factory=dict)  # validated card fields
    contact: dict[str, Any] | None = None
    problems: list[Problem] = field(default_factory=list)
    duplicate: DuplicateOf | None = None
    changes: list[str] = field(default_factory=list)  # fields an update changes

    def to_json(self) -> dict:
        return {
            "row": self.row,
            "action": self.action,
            "name": self.values.get("name"),
            "duplicate": self.duplicate.to_json() if self.duplicate else None,
            "changes": self.changes,
            "problems": [p.text() for p in self.problems],
        }


@dataclass
class Outcome:
    """A preview, a dry run or a run: what happened (or would) to every row."""

    file: str
    sheet: str
    hidden: bool
    header_row: int
    columns: list[xi.Column]
    dry_run: bool
    rows: list[ImportRow] = field(default_factory=list)  # the first PREVIEW_ROWS, and every
    problems: list[Problem] = field(default_factory=list)  # row with a problem or duplicate
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("create", "update", "skip", "unchanged", "invalid"), 0
        )
    )
    empty_rows: int = 0
    batch_id: int | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "hidden": self.hidden,
            "header_row": self.header_row,
            "dry_run": self.dry_run,
            "batch_id": self.batch_id,
            "columns": [c.to_json() for c in self.columns],
            "counts": self.counts,
            "empty_rows": self.empty_rows,
            "problems": [p.to_json() for p in self.problems],
            "rows": [r.to_json() for r in self.rows],
        }


@dataclass(frozen=True)
class UndoResult:
    batch_id: int
    deleted: int
    restored: int
    gone: int  # cards of the batch deleted by someone since (nothing to undo)

    def to_json(self) -> dict:
        return dict(self.__dict__)


class ImportService:
    def __init__(self, archive: Archive, actor: Actor | str) -> None:
        self.customers = CustomerService(archive, actor)
        self.archive = archive
        self.actor = self.customers.actor
        self.user = self.actor.user_name

    # ------------------------------------------------------------------ the file
    def sheets(self, path: str | Path) -> list[xi.SheetInfo]:
        return xi.list_sheets(path)

    def columns(
        self,
        path: str | Path,
        sheet: str | None = None,
        mapping: Mapping[str, str | None] | None = None,
    ) -> tuple[xi.SheetTable, list[xi.Column]]:
        """The sheet's header and its columns with their fields: ``mapping`` (column
        letter or title → field) over the remembered mapping over the automatic one."""
        with xi.open_sheet(path, sheet) as table:
            columns = table.columns
            remembered = self.remembered_mapping(table.signature())
            if remembered and not mapping:
                columns = xi.apply_mapping(
                    columns,
                    {k: v for k, v in remembered.items() if any(c.letter == k for c in columns)},
                )
            columns = _contact_without_name(columns)
            if mapping:
                columns = xi.apply_mapping(columns, mapping)
            return table, columns

    def remembered_mapping(self, signature: str) -> dict[str, str | None]:
        raw = self.archive.get_setting(MAPPING_SETTING + _digest(signature))
        try:
            return dict(json.loads(raw)) if raw else {}
        except (TypeError, ValueError):
            return {}

    def remember_mapping(self, signature: str, columns: list[xi.Column]) -> None:
        self.archive.set_setting(
            MAPPING_SETTING + _digest(signature),
            json.dumps({c.letter: c.field for c in columns}, ensure_ascii=False),
        )

    # ------------------------------------------------------------------ preview and run
    def preview(
        self,
        path: str | Path,
        sheet: str | None = None,
        mapping: Mapping[str, str | None] | None = None,
        *,
        on_duplicate: str = "skip",
        decisions: Mapping[int, str] | None = None,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Outcome:
        """What an import would do, row by row; changes nothing."""
        return self.run(
            path,
            sheet,
            mapping,
            on_duplicate=on_duplicate,
            decisions=decisions,
            dry_run=True,
            progress=progress,
            cancelled=cancelled,
        )

    def run(
        self,
        path: str | Path,
        sheet: str | None = None,
        mapping: Mapping[str, str | None] | None = None,
        *,
        on_duplicate: str = "skip",
        decisions: Mapping[int, str] | None = None,
        dry_run: bool = False,
        progress: Progress | None = None,
        cancelled: CancelCheck | None = None,
    ) -> Outcome:
        """Import the sheet (see the module docstring); with ``dry_run`` nothing changes."""
        permissions.require(self.actor, Action.IMPORT)
        if on_duplicate not in DUPLICATE_CHOICES:
            raise errors.ValidationError(
                "--on-duplicate must be one of {choices}, not {on_duplicate!r}.",
                choices=", ".join(DUPLICATE_CHOICES),
                on_duplicate=on_duplicate,
            )
        path = Path(path)
        table, columns = self.columns(path, sheet, mapping)
        if table.header_row == 0:
            raise xi.ImportFileError(f"The sheet {table.sheet!r} of {path.name} is empty.")
        if not any(c.field == "name" for c in columns):
            titles = ", ".join(f"{c.letter} {c.title}" for c in columns) or "none"
            raise errors.ValidationError(
                "No column holds the company name (企业名称): map one, e.g. --map A=name (the columns: {titles}).",
                titles=titles,
            )
        with xi.open_sheet(path, table.sheet) as sheet_table:
            outcome = Outcome(
                path.name,
                sheet_table.sheet,
                sheet_table.hidden,
                sheet_table.header_row,
                columns,
                dry_run,
            )
            total = max(sheet_table.size - sheet_table.header_row, 0)
            outcome.problems.extend(_same_titles(outcome, columns))
            plan = _Planner(self, outcome, columns, on_duplicate, dict(decisions or {}))
            if dry_run:
                self._walk(plan, sheet_table, outcome, total, progress, cancelled)
            else:
                self._run_in_parts(plan, sheet_table, outcome, total, progress, cancelled)
            outcome.empty_rows = sheet_table.empty_rows
        if not dry_run:
            self.remember_mapping(table.signature(), columns)
        return outcome

    def _walk(
        self,
        plan: "_Planner",
        table: xi.SheetTable,
        outcome: Outcome,
        total: int,
        progress,
        cancelled,
    ) -> None:
        """A dry run: every row decided, nothing written."""
        if progress is not None:
            progress(0, total)
        for n, (row_no, values) in enumerate(table.rows(), 1):
            self._tick(n, total, progress, cancelled)
            self._take(plan, outcome, None, row_no, values)
        if progress is not None:
            progress(total, total)

    @staticmethod
    def _tick(n: int, total: int, progress, cancelled) -> None:
        if n % TICK == 0:
            if cancelled is not None and cancelled():
                raise errors.Cancelled("The import was cancelled; nothing was changed.")
            if progress is not None:
                progress(n, max(total, n))

    @classmethod
    def _take(cls, plan: "_Planner", outcome: Outcome, conn, row_no: int, values: tuple) -> None:
        cls._count(plan, outcome, conn, plan.row(row_no, values))

    @staticmethod
    def _count(plan: "_Planner", outcome: Outcome, conn, item: ImportRow) -> None:
        """A planned row applied (``conn``: in a write transaction; None: a dry run) and
        counted in the outcome."""
        if conn is not None and item.action in ("create", "update"):
            plan.apply(conn, item)
        outcome.counts[item.action] += 1
        outcome.problems.extend(item.problems)
        if len(outcome.rows) < PREVIEW_ROWS or item.problems or item.duplicate:
            outcome.rows.append(item)

    def _run_in_parts(
        self,
        plan: "_Planner",
        table: xi.SheetTable,
        outcome: Outcome,
        total: int,
        progress,
        cancelled,
    ) -> None:
        """The rows in short write transactions (see the module docstring, step 4)."""
        rows = enumerate(table.rows(), 1)
        if progress is not None:
            progress(0, total)
        started = False  # the batch is made in the first part: a small import is one transaction
        try:
            read: collections.deque = collections.deque()  # rows read, not yet taken
            committed = 0.0  # when the last part was committed
            left = True  # rows left in the sheet
            more = True
            while more:
                # Rows are read and validated before the lock is taken: meanwhile other
                # people's saves go in (they poll every few milliseconds, storage/archive.py).
                # Duplicates are looked for under the lock, where the cards of the rows
                # before are; a part holds the lock PART_SECONDS at most.
                until = time.monotonic() + PART_SECONDS / 2
                while left and len(read) < PART_ROWS and time.monotonic() < until:
                    step = next(rows, None)
                    if step is None:
                        left = False
                        break
                    n, (row_no, values) = step
                    self._tick(n, total, progress, cancelled)
                    read.append(plan.read(row_no, values))
                if started:
                    self.archive.let_waiting_writers_in(since=committed)
                with self.archive.write() as conn:
                    if not started:
                        outcome.batch_id = import_store.start_batch(
                            conn,
                            outcome.file,
                            outcome.sheet,
                            self.user,
                            now_iso(),
                            {c.title: c.field for c in outcome.columns},
                        )
                    until = time.monotonic() + PART_SECONDS
                    while read and time.monotonic() < until:
                        item, source = read.popleft()
                        plan.decide(item, source)
                        self._count(plan, outcome, conn, item)
                    more = left or bool(read)
                    batch_id = outcome.batch_id
                    assert batch_id is not None  # made in the first part
                    import_store.record_rows(
                        conn, batch_id, {cid: plan.touched[cid] for cid in plan.dirty}
                    )
                    if not more:
                        self._finish_batch(conn, outcome)
                started, committed = True, time.monotonic()
                plan.dirty.clear()
        except BaseException:
            if started and outcome.batch_id is not None:
                self._take_back(outcome.batch_id)
            outcome.batch_id = None
            raise
        if progress is not None:
            progress(total, total)

    def _take_back(self, batch_id: int) -> None:
        """The parts of a failed or cancelled import already committed, undone."""
        try:
            with self.archive.write() as conn:
                batch = import_store.batch(conn, batch_id)
                if batch is not None:
                    self._undo_batch(conn, batch, "Import cancelled or failed")
        except errors.ArchiveError as exc:
            log.warning("could not take back the parts of import #%s: %s", batch_id, exc.code)

    # ------------------------------------------------------------------ the batch
    def _finish_batch(self, conn, outcome: Outcome) -> None:
        c = outcome.counts
        assert outcome.batch_id is not None  # _run_in_parts made it
        import_store.finish_batch(
            conn,
            outcome.batch_id,
            c["create"],
            c["update"],
            c["skip"] + c["unchanged"] + c["invalid"],
            now_iso(),
        )
        audit_store.append(
            conn,
            user_name=self.user,
            action="import",
            target_type="import",
            target_id=outcome.batch_id,
            details={"file": outcome.file, "sheet": outcome.sheet, **c},
        )

    # ------------------------------------------------------------------ undo
    def last_batch(self) -> dict | None:
        """The newest import; ``finished_at`` None: it was cut off (undo takes back its part)."""
        return import_store.last_batch(self.archive.conn)

    def undo_last(self) -> UndoResult:
        """Take the newest import back (see the module docstring)."""
        permissions.require(self.actor, Action.IMPORT)
        with self.archive.write() as conn:
            batch = self.last_batch()
            if batch is None:
                raise errors.NotFound("There is no import to undo.")
            if batch["undone_at"]:
                raise errors.ConflictError(
                    "The last import (#{id}, {file_name}) was already undone by {undone_by}.",
                    id=batch["id"],
                    file_name=batch["file_name"],
                    undone_by=batch["undone_by"],
                )
            if not self.actor.is_(batch["by_user"]) and self.actor.role not in (
                permissions.Role.MANAGER,
                permissions.Role.ADMINISTRATOR,
            ):
                raise errors.PermissionDenied(
                    "Only {by_user}, who made it, or a manager can undo import #{id}.",
                    by_user=batch["by_user"],
                    id=batch["id"],
                )
            return self._undo_batch(
                conn, batch, f"Undo of import #{batch['id']} ({batch['file_name']})"
            )

    def _undo_batch(self, conn, batch: dict, reason: str) -> UndoResult:
        """Created cards deleted, updated ones given their old values, in ``conn``'s
        transaction; refused (nothing undone) when someone changed one of them since."""
        rows = import_store.batch_rows(conn, batch["id"])
        current = {cid: repo.version_and_number(conn, cid) for cid, _, _, _ in rows}
        changed = [
            seen[1]
            for cid, _, after, _ in rows
            if (seen := current[cid]) is not None and seen[0] != after
        ]
        if changed:
            listed = ", ".join(changed[:5]) + (" …" if len(changed) > 5 else "")
            raise errors.ConflictError(
                "{count} card(s) of import #{batch_id} were changed since "
                "({listed}); undoing would lose those changes, so nothing was undone.",
                count=len(changed),
                batch_id=batch["id"],
                listed=listed,
            )
        deleted = restored = gone = 0
        for cid, action, after, before in rows:
            if current[cid] is None:
                gone += 1
                continue
            if action == "created":
                loan_store.drop_unused_dossier(conn, cid)
                _apply_delete(conn, self.user, cid, reason, approval_id=None)
                deleted += 1
            else:
                self._restore(conn, cid, after, json.loads(before or "{}"), reason)
                restored += 1
        import_store.mark_undone(conn, batch["id"], self.user, now_iso())
        audit_store.append(
            conn,
            user_name=self.user,
            action="import_undo",
            target_type="import",
            target_id=batch["id"],
            details={
                "file": batch["file_name"],
                "deleted": deleted,
                "restored": restored,
                "gone": gone,
            },
        )
        return UndoResult(batch["id"], deleted, restored, gone)

    def _restore(self, conn, cid: int, version: int, before: dict, reason: str) -> None:
        """An updated card's old values back, bypassing the lifecycle rules on purpose (the
        status goes back to what it was, whatever the rules say about going there)."""
        now = now_iso()
        old = repo.get(conn, cid)
        assert old is not None  # _undo_batch restores only the cards still there
        fields = {k: repo.from_db(k, v) for k, v in before.get("fields", {}).items()}
        if fields:
            key = sort_key(str(fields["name"])) if "name" in fields else None
            repo.update(conn, cid, version, fields, sort_key=key, by=self.user, now=now)
            _log_changes(
                conn, self.user, cid, {k: old.get(k) for k in fields}, fields, reason, None, now
            )
            if "status" in fields:
                repo.add_status_change(
                    conn, cid, _v(old["status"]), _v(fields["status"]), reason, self.user, now
                )
            if "tier" in fields:
                repo.add_tier_change(
                    conn,
                    cid,
                    _v(old["tier"]),
                    _v(fields["tier"]),
                    bool(fields.get("tier_manual", True)),
                    reason,
                    self.user,
                    now,
                )
        if "contacts" in before:
            repo.replace_contacts(conn, cid, before["contacts"])
            if not fields:
                repo.touch(conn, cid, by=self.user, now=now)
        search.index_customer(conn, cid)
        audit_store.append(
            conn,
            user_name=self.user,
            action="change",
            target_type="customer",
            target_id=str(cid),
            details={"fields": sorted(fields), "reason": reason},
        )


class _Planner:
    """Decides each row (validation, duplicates, the user's choice) and applies it."""

    def __init__(
        self,
        svc: ImportService,
        outcome: Outcome,
        columns: list[xi.Column],
        on_duplicate: str,
        decisions: dict[int, str],
    ) -> None:
        self.svc = svc
        self.outcome = outcome
        self.columns = [c for c in columns if c.field]
        self.on_duplicate = on_duplicate
        self.decisions = decisions
        self.seen: dict[tuple[str, str], tuple[int, tuple[str, int]]] = {}  # key → (row, target)
        self.row_target: dict[int, tuple[str, int]] = {}  # a taken row → the card it went to
        self.created: dict[int, int] = {}  # sheet row → new card id
        self.touched: dict[int, tuple] = {}  # card id → (action, row, version, before)
        self.dirty: set[int] = set()  # cards touched since the last part's commit
        self.single = single_user(svc.archive.conn)
        self.policy = svc.customers.approval_policy()
        self.today = dt.date.today()
        self.may_create = permissions.allowed(svc.actor, Action.CREATE_CUSTOMER)

    # ------------------------------------------------------------------ reading a row
    def _problem(
        self, row: int, column: xi.Column | None, name: str | None, reason: str
    ) -> Problem:
        if column is None:
            spec = xi.IMPORT_FIELDS.get(name or "")
            return Problem(self.outcome.sheet, row, "", spec.label_en if spec else "", name, reason)
        return Problem(self.outcome.sheet, row, column.letter, column.title, name, reason)

    def row(self, row_no: int, values: tuple) -> ImportRow:
        """A row read, validated and decided (see ``read`` and ``decide``)."""
        item, source = self.read(row_no, values)
        self.decide(item, source)
        return item

    def decide(self, item: ImportRow, source: dict[str, xi.Column]) -> None:
        """A valid row's action: duplicates in the file and in the archive (as it is now:
        in the run, inside the part's write transaction, where earlier rows' cards are)."""
        if not item.problems:
            self._decide(item, source)

    def read(self, row_no: int, values: tuple) -> tuple[ImportRow, dict[str, xi.Column]]:
        """A row's values read and validated (no archive needed); the columns they came from."""
        card: dict[str, object] = {}
        contact: dict[str, object] = {}
        source: dict[str, xi.Column] = {}
        for col in self.columns:
            assert col.field is not None  # self.columns holds the mapped columns only
            spec = xi.IMPORT_FIELDS[col.field]
            value = xi.prepare(spec, values[col.index] if col.index < len(values) else None)
            if value is None:
                continue
            target, key = (
                (contact, col.field[len(xi.CONTACT_PREFIX) :])
                if col.field.startswith(xi.CONTACT_PREFIX)
                else (card, col.field)
            )
            if key in target:  # two columns for one field (地址 merged over 省 and 详细地址)
                if isinstance(target[key], str) and isinstance(value, str):
                    target[key] = f"{target[key]} {value}"
                continue
            target[key] = value
            source[col.field] = col
        item = ImportRow(row_no, "invalid")
        clean, problems = validate_customer(card, today=self.today)
        for name, reason in problems.items():
            item.problems.append(self._problem(row_no, source.get(name), name, reason))
        if contact:
            if "name" not in contact:
                col = next(iter(source[xi.CONTACT_PREFIX + k] for k in contact))
                item.problems.append(
                    self._problem(
                        row_no,
                        col,
                        "contact.name",
                        ValidationProblem(
                            "contact_without_name",
                            "Contact details without the contact's name: map the name column "
                            "(联系人/姓名) or map this column to a card field",
                        ),
                    )
                )
            else:
                contact["is_primary"] = True
                clean_contact, bad = validate_contact(contact)
                for name, reason in bad.items():
                    item.problems.append(
                        self._problem(
                            row_no,
                            source.get(xi.CONTACT_PREFIX + name),
                            xi.CONTACT_PREFIX + name,
                            reason,
                        )
                    )
                item.contact = clean_contact
        item.values = clean
        return item, source

    def _decision(self, row_no: int) -> str:
        return self.decisions.get(row_no, self.on_duplicate)

    # ------------------------------------------------------------------ duplicates
    def _keys(self, clean: dict) -> list[tuple[str, str]]:
        keys = []
        if clean.get("credit_code"):
            keys.append(("credit_code", str(clean["credit_code"])))
        for name in ("phone", "fax"):
            if clean.get(name):
                keys.append(("phone", str(clean[name])))
        if clean.get("name"):
            keys.append(("name", name_key(str(clean["name"]))))
        if clean.get("archive_no"):  # a number an earlier row of the file takes
            keys.append(("archive_no", str(clean["archive_no"])))
        return keys

    def _decide(self, item: ImportRow, source: dict[str, xi.Column]) -> None:
        clean = item.values
        keys = self._keys(clean)
        target: tuple[str, int] | None = None
        for key in keys:  # within the file first: the earlier row decides
            if key in self.seen:
                first_row, target = self.seen[key]
                item.duplicate = DuplicateOf("file", key[0], 100, row=first_row)
                break
        if item.duplicate is None:
            number = clean.get("archive_no")
            existing = (
                repo.find_by_archive_no(self.svc.archive.conn, str(number)) if number else None
            )
            if existing is not None:
                item.duplicate = self._archive_dup(existing, "archive_no")
            else:
                found = self.svc.customers.duplicates(clean, validated=True)
                if found:
                    d = found[0]
                    item.duplicate = DuplicateOf(
                        "archive", d.reason, d.score, d.id, d.archive_no, d.name
                    )
            if item.duplicate is not None:
                assert item.duplicate.customer_id is not None  # a card of the archive
                target = ("card", item.duplicate.customer_id)
        if item.duplicate is None:
            item.action = "create" if self._may_create(item, source) else "invalid"
            if item.action == "create":
                self._remember(keys, item.row, ("new", item.row))
            return
        choice = self._decision(item.row)
        if choice == "skip":
            item.action = "skip"
        elif choice == "create":
            if clean.get("archive_no") and item.duplicate.reason == "archive_no":
                item.problems.append(
                    self._problem(
                        item.row,
                        source.get("archive_no"),
                        "archive_no",
                        f"Archive number {clean['archive_no']} is already used: skip or update",
                    )
                )
                return
            item.action = "create" if self._may_create(item, source) else "invalid"
            if item.action == "create":
                self._remember(keys, item.row, ("new", item.row))
        else:
            assert target is not None  # set with item.duplicate
            self._plan_update(item, target, source)
            if item.action == "update":
                self._remember(keys, item.row, target)
        if item.action in ("skip", "unchanged"):
            self._remember(keys, item.row, target)

    def _archive_dup(self, cid: int, reason: str) -> DuplicateOf | None:
        with self.svc.archive.driver_errors():
            row = repo.number_and_name(self.svc.archive.conn, cid)
        if row is None:  # deleted by someone else since it was found: no duplicate then
            return None
        return DuplicateOf("archive", reason, 100, cid, row[0], row[1])

    def _remember(self, keys, row: int, target) -> None:
        self.row_target.setdefault(row, target)
        for key in keys:
            self.seen.setdefault(key, (row, target))

    def _may_create(self, item: ImportRow, source) -> bool:
        if not self.may_create:
            item.problems.append(
                self._problem(item.row, None, None, "Your role may not add customer cards")
            )
            return False
        return True

    def _plan_update(self, item: ImportRow, target: tuple[str, int], source) -> None:
        kind, ref = target
        if kind == "new":  # a card this import creates from an earlier row
            item.action = "update"
            item.changes = sorted(item.values)
            return
        conn = self.svc.archive.conn
        old = repo.get(conn, ref)
        if old is None or not self.svc.customers._visible(conn, old):
            assert item.duplicate is not None  # an update is of a duplicate
            item.problems.append(
                self._problem(
                    item.row,
                    None,
                    None,
                    f"It duplicates {item.duplicate.text()}, which you may not "
                    "change (outside what you see): skip it or create a new card",
                )
            )
            return
        changes = {
            k: v
            for k, v in item.values.items()
            if v not in (None, [], "") and old.get(k) != v and k != "archive_no"
        }
        if "tier_manual" in changes and "tier" not in changes:
            del changes["tier_manual"]
        contacts = repo.contacts(conn, ref)
        new_contact = item.contact is not None and not any(
            c.get("name") == item.contact.get("name") for c in contacts
        )
        if not changes and not new_contact:
            item.action = "unchanged"
            return
        actions = self.svc.customers._actions_for(changes, new_contact)
        for action in actions:
            if not permissions.allowed(self.svc.actor, action):
                item.problems.append(
                    self._problem(
                        item.row, None, None, f"Your role may not {action.value.replace('_', ' ')}"
                    )
                )
                return
            if permissions.needs_approval(
                self.svc.actor,
                action,
                is_responsible=self.svc.actor.is_(old.get("responsible")),
                policy=self.policy,
                single_user=self.single,
            ):
                item.problems.append(
                    self._problem(
                        item.row,
                        source.get(_field_of(action)),
                        _field_of(action),
                        f"Updating {old['archive_no']} here needs a manager's approval "
                        f"({action.value.replace('_', ' ')}): change it on the card",
                    )
                )
                return
        if "status" in changes:
            try:
                lifecycle.check_transition(old["status"], changes["status"], self._reason(item))
            except lifecycle.TransitionError as exc:
                item.problems.append(
                    self._problem(item.row, source.get("status"), "status", str(exc))
                )
                return
        item.action = "update"
        item.changes = sorted(changes) + (["contacts"] if new_contact else [])

    def _reason(self, item: ImportRow) -> str:
        text = f"Excel import {self.outcome.file} row {item.row}"
        churn = item.values.get("churn_reason")
        return f"{text}: {churn}" if churn else text

    # ------------------------------------------------------------------ applying
    def apply(self, conn, item: ImportRow) -> None:
        if item.action == "create":
            clean = dict(item.values)
            clean.setdefault("responsible", self.svc.user)
            cid = self.svc.customers.insert_card(
                conn,
                clean,
                [item.contact] if item.contact else [],
                now_iso(),
                batch=self.outcome.batch_id,
            )
            self.created[item.row] = cid
            self.touched[cid] = ("created", item.row, 1, None)
            self.dirty.add(cid)
            return
        target = self._target_of(item)
        old = repo.get(conn, target)
        if old is None:  # made by an earlier part of this import, and deleted by someone since
            item.action = "invalid"
            item.problems.append(
                self._problem(
                    item.row,
                    None,
                    None,
                    "The card it updates was deleted meanwhile by someone "
                    "else: nothing was changed",
                )
            )
            return
        changes = {
            k: v
            for k, v in item.values.items()
            if v not in (None, [], "") and old.get(k) != v and k != "archive_no"
        }
        if "tier_manual" in changes and "tier" not in changes:
            del changes["tier_manual"]
        contacts = None
        before_contacts = repo.contacts(conn, target)
        if item.contact is not None and not any(
            c.get("name") == item.contact.get("name") for c in before_contacts
        ):
            keep = [
                {k: v for k, v in c.items() if k not in ("id", "version")} for c in before_contacts
            ]
            contact = dict(item.contact)
            contact["is_primary"] = not any(c.get("is_primary") for c in keep)
            contacts = keep + [contact]
        if not changes and contacts is None:  # an earlier row of its part changed it so
            item.action, item.changes = "unchanged", []
            return
        version = _apply_edit(
            conn,
            self.svc.user,
            target,
            int(old["version"]),
            changes,
            contacts,
            self._reason(item),
            approval_id=None,
        )
        if target in self.touched:  # created or updated earlier in this import
            action, row, _, before = self.touched[target]
            if action == "updated" and contacts is not None and "contacts" not in before:
                before["contacts"] = [
                    {k: repo.to_db(v) for k, v in c.items() if k not in ("id", "version")}
                    for c in before_contacts
                ]
            if action == "updated":
                for k in changes:
                    before["fields"].setdefault(k, repo.to_db(old.get(k)))
            self.touched[target] = (action, row, version, before)
            self.dirty.add(target)
            return
        before = {"fields": {k: repo.to_db(old.get(k)) for k in changes}}
        if "tier" in changes:
            before["fields"].setdefault("tier_manual", repo.to_db(old.get("tier_manual")))
        if contacts is not None:
            before["contacts"] = [
                {k: repo.to_db(v) for k, v in c.items() if k not in ("id", "version")}
                for c in before_contacts
            ]
        self.touched[target] = ("updated", item.row, version, before)
        self.dirty.add(target)

    def _target_of(self, item: ImportRow) -> int:
        d = item.duplicate
        assert d is not None  # only a duplicate is updated
        if d.against == "archive":
            assert d.customer_id is not None  # a card of the archive has its id
            return int(d.customer_id)
        assert d.row is not None  # a duplicate within the file names its earlier row
        kind, ref = self.row_target[d.row]
        return self.created[ref] if kind == "new" else ref


def _field_of(action: Action) -> str | None:
    return {
        Action.REASSIGN_CUSTOMER: "responsible",
        Action.CHANGE_STATUS: "status",
        Action.CHANGE_TIER: "tier",
    }.get(action)


def _same_titles(outcome: Outcome, columns: list[xi.Column]) -> list[Problem]:
    """A column left out because an earlier one has the same title (两列都叫 电话)."""
    return [
        Problem(
            outcome.sheet,
            outcome.header_row,
            c.letter,
            c.title,
            None,
            ValidationProblem(
                "same_title",
                f"Column {c.letter} has the same title as column {c.same_as}: only "
                f"{c.same_as} is imported; map {c.letter} to another field (e.g. --map "
                f"{c.letter}=contact.phone) to take it too",
            ),
        )
        for c in columns
        if c.same_as and c.field is None
    ]


def _contact_without_name(columns: list[xi.Column]) -> list[xi.Column]:
    """A 手机 column in a sheet without any contact name column is the company's phone
    (when no other column is), not a contact that could never be taken."""
    fields = {c.field for c in columns}
    if "contact.name" in fields:
        return columns
    out = []
    for c in columns:
        if c.field == "contact.mobile" and "phone" not in fields:
            c = replace(c, field="phone")
            fields.add("phone")
        out.append(c)
    return out


def _digest(signature: str) -> str:
    return hashlib.sha256(signature.encode("utf-8")).hexdigest()[:24]


def _v(value: object) -> Any:
    return getattr(value, "value", value)


__all__ = ["ImportService", "Outcome", "Problem", "ImportRow", "DuplicateOf", "UndoResult"]
