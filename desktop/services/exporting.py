"""Taking customer data out as Excel: who may take what, and the record that they did.

- The current list (``export_list``): the customers the user sees in the list, with the
  list's search, filters and order (``CustomerService.find``, so visibility applies: a
  salesperson exports only their own customers). Every card field except the
  decision-maker's private details, and sensitive fields masked exactly as the card shows
  them to this user (``Action.EXPORT_LIST``: "the visible list, without sensitive fields").
- The full workbook (``export_full``): every field unmasked, with contacts, transactions,
  follow-ups, status and tier history, the loans register when the archive has one, and the
  audit log for those who may review it. ``Action.EXPORT_FULL``: managers and administrators
  run it; a regional manager's is a request (kind ``export_full``) that a manager approves,
  after which the requester runs it once; a salesperson may not (the classic leak when an
  employee leaves, see ``permissions.MATRIX``).

Both read the archive in short statements (a chunk of cards at a time, so a long export
never holds the lock other computers need to save), stream into a write-only workbook with
progress and cancel, replace the target atomically, and are an audit entry, written before
the file takes its name.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

from .. import errors
from ..domain import permissions
from ..domain.customer import FIELD_BY_NAME, CustomerType, FollowUpKind, Source, Status
from ..domain.permissions import Action, Actor
from ..reports import xlsx_export as xe
from ..reports.audit_export import audit_columns, audit_rows
from ..storage import audit as audit_store
from ..storage import customers as repo
from ..storage import visibility
from ..storage.archive import Archive
from .approvals import ApprovalService
from .customers import CustomerService, now_iso, single_user

CHUNK = 500
AUDIT_CHUNK = 2000
_ALL_IDS = 10_000_000  # "no limit" for a search that feeds an export


@dataclass
class ExportResult:
    path: str
    kind: str  # "list" | "full"
    rows: dict[str, int] = field(default_factory=dict)  # per sheet key
    approval_id: int | None = None  # the approved request a full export used
    left_out: list[str] = field(default_factory=list)  # sheets not in this workbook, and why

    @property
    def customers(self) -> int:
        return self.rows.get("customers", 0)

    def to_json(self) -> dict:
        return {
            "path": self.path,
            "kind": self.kind,
            "rows": self.rows,
            "approval_id": self.approval_id,
            "left_out": self.left_out,
        }


class ExportService:
    def __init__(self, archive: Archive, actor: Actor | str) -> None:
        self.customers = CustomerService(archive, actor)
        self.archive = archive
        self.actor = self.customers.actor

    # ------------------------------------------------------------------ the list
    def export_list(
        self,
        target: str | Path,
        *,
        query: str = "",
        flt: repo.Filter | None = None,
        sort: str | None = None,
        descending: bool = False,
        lang: str = "en",
        progress: xe.Progress | None = None,
        cancelled: xe.CancelCheck | None = None,
    ) -> ExportResult:
        permissions.require(self.actor, Action.EXPORT_LIST)
        self._require_writable()
        ids = self.customers.find(query, flt, sort, descending, limit=_ALL_IDS)
        leave_out = sorted(permissions.SENSITIVE_FIELDS) + ["tier_manual"]
        columns = xe.customer_columns(lang, leave_out=leave_out)
        plain_for_all = single_user(self.archive.conn)
        sheet = xe.SheetData(
            "customers",
            xe.sheet_label("customers", lang),
            columns,
            self._customer_rows(ids, columns, lang, masked=not plain_for_all),
            len(ids),
        )
        details = {
            "format": "xlsx",
            "kind": "list",
            "query": query or None,
            "filters": _filter_json(flt),
            "file": Path(target).name,
        }
        rows = self._write(target, [sheet], details, progress, cancelled)
        return ExportResult(str(target), "list", rows)

    # ------------------------------------------------------------------ the full workbook
    def full_export_needs_approval(self) -> bool:
        permissions.require(self.actor, Action.EXPORT_FULL)
        return permissions.needs_approval(
            self.actor,
            Action.EXPORT_FULL,
            is_responsible=False,
            policy=self.customers.approval_policy(),
            single_user=single_user(self.archive.conn),
        )

    def approved_request(self) -> int | None:
        """This user's approved full-export request not used yet (one request, one export)."""
        row = self.archive.query_one(
            "SELECT id FROM approvals WHERE kind = 'export_full' AND state = 'approved' "
            "AND applied_at IS NULL AND requested_by = ? COLLATE NOCASE ORDER BY id LIMIT 1",
            (self.actor.user_name,),
        )
        return row[0] if row else None

    def pending_request(self) -> int | None:
        row = self.archive.query_one(
            "SELECT id FROM approvals WHERE kind = 'export_full' AND state = 'pending' "
            "AND requested_by = ? COLLATE NOCASE ORDER BY id LIMIT 1",
            (self.actor.user_name,),
        )
        return row[0] if row else None

    def request_full_export(self, reason: str) -> int:
        return ApprovalService(self.archive, self.actor).request(
            "export_full", {"scope": permissions.scope(self.actor)}, reason, target_type="export"
        )

    def export_full(
        self,
        target: str | Path,
        *,
        lang: str = "en",
        reason: str | None = None,
        audit_labels: dict[str, str] | None = None,
        progress: xe.Progress | None = None,
        cancelled: xe.CancelCheck | None = None,
    ) -> ExportResult:
        """The full workbook, or (for those who need one) the request for it: raises
        ``ApprovalRequested`` after filing it (``reason`` required), nothing is written."""
        approval_id = None
        self._require_writable()
        if self.full_export_needs_approval():
            approval_id = self.approved_request()
            if approval_id is None:
                waiting = self.pending_request()
                if waiting is not None:
                    raise errors.ApprovalRequested(
                        "Your request #{waiting} for a full export is still waiting for a manager's decision.",
                        waiting=waiting,
                        approval_id=waiting,
                    )
                request_id = self.request_full_export(reason or "")
                raise errors.ApprovalRequested(
                    "A full export needs a manager's approval: it was filed as request #{request_id}; once approved, export again.",
                    request_id=request_id,
                    approval_id=request_id,
                )
        ids = self.customers.list_ids(None, "name")
        sheets = [
            xe.SheetData(
                "customers",
                xe.sheet_label("customers", lang),
                cols := xe.customer_columns(lang),
                self._customer_rows(ids, cols, lang, masked=False),
                len(ids),
            )
        ]
        sheets += self._child_sheets(ids, lang)
        left_out: list[str] = []
        loans = self._loans_sheet(lang)
        if loans is not None:
            sheets.append(loans)
        else:
            left_out.append("loans: this version of the program keeps no loans register")
        if permissions.allowed(self.actor, Action.VIEW_AUDIT):
            total = audit_store.count(self.archive.conn)
            sheets.append(
                xe.SheetData(
                    "audit",
                    xe.sheet_label("audit", lang),
                    audit_columns(_audit_headers(lang)),
                    audit_rows(self._audit_entries(), audit_labels),
                    total,
                )
            )
        else:
            left_out.append("audit: your role does not review the audit log")
        details = {
            "format": "xlsx",
            "kind": "full",
            "file": Path(target).name,
            "approval": approval_id,
        }
        rows = self._write(target, sheets, details, progress, cancelled, approval_id=approval_id)
        return ExportResult(str(target), "full", rows, approval_id, left_out)

    # ------------------------------------------------------------------ writing and the log
    def _require_writable(self) -> None:
        if getattr(self.archive, "readonly", False):  # the audit entry could not be written
            raise errors.FolderNotWritable(
                "The archive is open read-only, and every export goes into its audit log: open it "
                "read-write to export.",
                path=str(self.archive.path),
            )

    def _write(
        self,
        target,
        sheets: Sequence[xe.SheetData],
        details: dict,
        progress,
        cancelled,
        *,
        approval_id: int | None = None,
    ) -> dict[str, int]:
        def log(counts: dict[str, int]) -> None:
            with self.archive.write() as conn:
                if approval_id is not None:  # the approval is used up by this export
                    conn.execute(
                        "UPDATE approvals SET state = 'applied', applied_at = ?, "
                        "version = version + 1 WHERE id = ?",
                        (now_iso(), approval_id),
                    )
                audit_store.append(
                    conn,
                    user_name=self.actor.user_name,
                    action="export",
                    target_type="customers",
                    details={
                        **{k: v for k, v in details.items() if v is not None},
                        "path": full_path,
                        "rows": counts,
                    },
                )

        full_path = str(Path(target).expanduser().resolve())  # the log names the file in full
        return xe.write_workbook(
            target, sheets, progress=progress, cancelled=cancelled, before_commit=log
        )

    # ------------------------------------------------------------------ reading
    def _chunks(self, ids: Sequence[int]) -> Iterator[list[int]]:
        for start in range(0, len(ids), CHUNK):
            yield list(ids[start : start + CHUNK])

    def _customer_rows(
        self, ids: Sequence[int], columns, lang: str, *, masked: bool
    ) -> Iterator[list]:
        conn = self.archive.conn
        keys = [c.key for c in columns]
        phone = xe.PhoneFormatter()
        enums = {
            "status": xe.enum_texts(Status, lang),
            "customer_type": xe.enum_texts(CustomerType, lang),
            "source": xe.enum_texts(Source, lang),
        }
        yes, no = xe.label(xe.EXTRA_LABELS["yes"], lang), xe.label(xe.EXTRA_LABELS["no"], lang)
        shaping: list[Callable[..., Any] | None] = []
        for k in keys:
            spec = FIELD_BY_NAME.get(k)
            if k in enums:
                table = enums[k]
                shaping.append(lambda v, t=table: t.get(v, v))
            elif spec is not None and spec.kind == "phone":
                shaping.append(phone)
            elif spec is not None and spec.kind == "bool":
                shaping.append(lambda v: None if v is None else (yes if v else no))
            elif spec is not None and spec.kind == "tags":
                shaping.append(lambda v: (v or "").replace(",", ", ") or None)
            else:
                shaping.append(None)
        shaped = [(i, fn) for i, fn in enumerate(shaping) if fn is not None]
        select = ", ".join(["id", "responsible AS _responsible", "customer_type AS _type", *keys])
        for chunk in self._chunks(ids):
            rows = {
                r[0]: r
                for r in conn.execute(
                    f"SELECT {select} FROM customers WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            }
            for cid in chunk:
                row = rows.get(cid)
                if row is None:  # deleted meanwhile
                    continue
                values = list(row[3:])
                for i, fn in shaped:  # only the few columns that need it
                    if values[i] is not None:
                        values[i] = fn(values[i])
                if masked and not self.actor.is_(row[1]):
                    self._mask(values, keys, row[2])
                yield values

    def _mask(self, values: list, keys: list[str], customer_type: str | None) -> None:
        """As the card shows them to this user (``CustomerService._mask``): the phone shown
        in its national form with the middle digits hidden."""
        hidden = permissions.sensitive_fields(customer_type)
        for i, k in enumerate(keys):
            if k in hidden and values[i] not in (None, ""):
                values[i] = permissions.mask(values[i])

    def _child_sheets(self, ids: Sequence[int], lang: str) -> list[xe.SheetData]:
        conn = self.archive.conn
        phone = xe.PhoneFormatter()
        kinds = xe.enum_texts(FollowUpKind, lang)
        statuses = xe.enum_texts(Status, lang)
        yes, no = xe.label(xe.EXTRA_LABELS["yes"], lang), xe.label(xe.EXTRA_LABELS["no"], lang)

        def count(table: str) -> int:
            sql, params = visibility.where(permissions.visibility(self.actor, now_iso()), alias="c")
            return conn.execute(
                f"SELECT count(*) FROM {table} t JOIN customers c ON c.id = "
                f"t.customer_id WHERE {sql}",
                params,
            ).fetchone()[0]

        def rows(sql: str, order: str, shape) -> Iterator[tuple]:
            for chunk in self._chunks(ids):
                got = conn.execute(
                    f"SELECT c.id, c.archive_no, c.name, {sql} JOIN customers c ON c.id = t.customer_id "
                    f"WHERE c.id IN ({','.join('?' * len(chunk))}) ORDER BY {order}",
                    chunk,
                ).fetchall()
                by_customer: dict[int, list[tuple]] = {}
                for r in got:
                    by_customer.setdefault(r[0], []).append(r)
                for cid in chunk:
                    for r in by_customer.get(cid, ()):
                        yield shape(list(r[1:]))

        def contact(r):
            for i in (4, 5, 6):
                if r[i]:
                    r[i] = phone(r[i])
            r[8] = yes if r[8] else no
            return r

        def follow_up(r):
            r[3] = kinds.get(r[3], r[3])
            return r

        def status(r):
            r[3], r[4] = statuses.get(r[3], r[3]), statuses.get(r[4], r[4])
            return r

        def tier(r):
            r[5] = yes if r[5] else no
            return r

        same = lambda r: r  # noqa: E731
        return [
            xe.SheetData(
                "contacts",
                xe.sheet_label("contacts", lang),
                xe.contact_columns(lang),
                rows(
                    "t.name, t.title, t.phone, t.mobile, t.fax, t.email, t.is_primary, "
                    "t.note FROM contacts t",
                    "t.position, t.id",
                    contact,
                ),
                count("contacts"),
            ),
            xe.SheetData(
                "transactions",
                xe.sheet_label("transactions", lang),
                xe.transaction_columns(lang),
                rows(
                    "t.date, t.mode, t.amount, t.payment_method, t.contract_no, t.note "
                    "FROM transactions t",
                    "t.date, t.id",
                    same,
                ),
                count("transactions"),
            ),
            xe.SheetData(
                "follow_ups",
                xe.sheet_label("follow_ups", lang),
                xe.follow_up_columns(lang),
                rows(
                    "t.date, t.kind, t.summary, t.by_user FROM follow_ups t",
                    "t.date, t.id",
                    follow_up,
                ),
                count("follow_ups"),
            ),
            xe.SheetData(
                "status_history",
                xe.sheet_label("status_history", lang),
                xe.history_columns(lang, tier=False),
                rows(
                    "t.at, t.old, t.new, t.reason, t.by_user FROM status_history t",
                    "t.at, t.id",
                    status,
                ),
                count("status_history"),
            ),
            xe.SheetData(
                "tier_history",
                xe.sheet_label("tier_history", lang),
                xe.history_columns(lang, tier=True),
                rows(
                    "t.at, t.old, t.new, t.manual, t.reason, t.by_user FROM tier_history t",
                    "t.at, t.id",
                    tier,
                ),
                count("tier_history"),
            ),
        ]

    def _loans_sheet(self, lang: str) -> xe.SheetData | None:
        """The archive register's loans (issue 5), read from its table once the archive has
        one; loans of an item that belongs to a customer outside the user's scope are left
        out like the customer."""
        conn = self.archive.conn
        if (
            conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'loans'"
            ).fetchone()
            is None
        ):
            return None
        sql, params = visibility.where(permissions.visibility(self.actor, now_iso()), alias="c")
        where = f"(i.customer_id IS NULL OR {sql})" if sql != "1" else "1"
        query = (
            "SELECT i.item_no, i.description, c.archive_no, c.name, l.direction, l.borrower, "
            "l.purpose, l.state, l.wanted_from, l.due, l.handed_out_at, l.returned_at, "
            "l.requested_by, l.decided_by, l.note FROM loans l JOIN items i ON i.id = l.item_id "
            f"LEFT JOIN customers c ON c.id = i.customer_id WHERE {where}"
        )
        total = conn.execute(f"SELECT count(*) FROM ({query})", params).fetchone()[0]

        from ..domain.loans import STATE_LABELS

        states = {k.value: xe.label(v, lang) for k, v in STATE_LABELS.items()}
        directions = {k: xe.label(v, lang) for k, v in xe.DIRECTION_LABELS.items()}

        def rows() -> Iterator[list]:
            last = 0
            while True:  # keyset paging: short statements
                got = conn.execute(
                    query.replace("SELECT ", "SELECT l.id, ", 1)
                    + " AND l.id > ? ORDER BY l.id LIMIT ?",
                    (*params, last, CHUNK),
                ).fetchall()
                for r in got:
                    r = list(r[1:])
                    r[4], r[7] = directions.get(r[4], r[4]), states.get(r[7], r[7])
                    yield r
                if len(got) < CHUNK:
                    return
                last = got[-1][0]

        return xe.SheetData(
            "loans", xe.sheet_label("loans", lang), xe.loan_columns(lang), rows(), total
        )

    def _audit_entries(self) -> Iterator[audit_store.AuditEntry]:
        """Newest first, a chunk at a time; entries written meanwhile (they land on top) are
        skipped, so each entry comes exactly once."""
        offset, last = 0, None
        while True:
            chunk = audit_store.query(self.archive.conn, limit=AUDIT_CHUNK, offset=offset)
            for e in chunk:
                if last is None or e.id < last:
                    last = e.id
                    yield e
            if len(chunk) < AUDIT_CHUNK:
                return
            offset += AUDIT_CHUNK


def _filter_json(flt: repo.Filter | None) -> dict | None:
    if flt is None:
        return None
    out = {
        k: list(v)
        for k, v in (
            ("status", flt.statuses),
            ("tier", flt.tiers),
            ("industry", flt.industries),
            ("region", flt.regions),
            ("responsible", flt.responsible),
            ("tag", flt.tags),
        )
        if v
    }
    return out or None


def _audit_headers(lang: str) -> dict[str, str] | None:
    if not xe.is_zh(lang):
        return None
    return {
        "id": "序号",
        "at": "时间",
        "user_name": "用户",
        "computer": "计算机",
        "action_label": "操作",
        "action": "操作代码",
        "target_type": "对象类型",
        "target_id": "对象",
        "details": "详情",
        "hash": "哈希值 (SHA-256)",
    }


def today_name(kind: str, lang: str) -> str:
    """A default file name: 客户名单-20261201.xlsx / customers-20261201.xlsx."""
    stamp = dt.date.today().strftime("%Y%m%d")
    names = {"list": ("customers", "客户名单"), "full": ("customer-archive", "客户档案")}
    return f"{xe.label(names[kind], lang)}-{stamp}.xlsx"
