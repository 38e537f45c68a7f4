"""Customer cards: add, edit, status and tier, contacts and logs, search, duplicates, merge.

Every write is one short transaction that also keeps the search index and the histories
in step. Validation and the rules come from ``desktop.domain``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import errors
from ..bounded_read import read_regular_file, too_large
from ..domain import lifecycle, permissions, tiering
from ..domain.permissions import Action, Actor, Role
from ..domain.archive_number import format_archive_no
from ..domain.customer import FIELD_BY_NAME, CustomerType, Status, Tier
from ..domain.search_text import name_key, phone_digits, pinyin_keys, similar_names
from ..domain.validation import format_phone, validate_contact, validate_customer
from ..storage import audit
from ..storage import customers as repo
from ..storage import loans as loan_repo
from ..storage import search
from ..storage import visibility
from .approvals import Applier, ApprovalService, KindHooks
from ..storage.archive import Archive

# The list's filter, columns and sorts, offered to the window and the command line as the
# customer service's (they import no storage module).
from ..storage.customers import LIST_COLUMNS as LIST_COLUMNS
from ..storage.customers import SORTS as SORTS
from ..storage.customers import Filter as Filter
from ..storage.ids import storable

DEFAULT_PATTERN = "KH-{year}-{seq:04}"
DEFAULT_ATTACHMENT_LIMIT = 20 * 1024 * 1024  # bytes
SIMILAR_NAME_SCORE = 90


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def sort_key(name: str) -> str:
    """Chinese names sort by their pinyin reading, as an office's card index does."""
    full, _ = pinyin_keys(name)
    return full or name.casefold()


@dataclass
class Card:
    """A customer card with everything that hangs on it, as plain data for the GUI and CLI."""

    values: dict[str, Any]
    contacts: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: list[dict[str, Any]] = field(default_factory=list)
    transactions: list[dict[str, Any]] = field(default_factory=list)
    attachments: list[dict[str, Any]] = field(default_factory=list)
    status_history: list[dict[str, Any]] = field(default_factory=list)
    tier_history: list[dict[str, Any]] = field(default_factory=list)
    masked: list[str] = field(default_factory=list)  # sensitive fields hidden from this user

    @property
    def id(self) -> int:
        return int(self.values["id"])

    @property
    def version(self) -> int:
        return int(self.values["version"])

    def to_json(self) -> dict[str, object]:
        def plain(v):
            if isinstance(v, (dt.date, Decimal)):
                return str(v)
            if hasattr(v, "value"):
                return v.value
            return v

        out = {k: plain(v) for k, v in self.values.items() if k != "sort_key"}
        out["contacts"] = [{k: plain(v) for k, v in c.items()} for c in self.contacts]
        out["follow_ups"] = self.follow_ups
        out["transactions"] = self.transactions
        out["attachments"] = self.attachments
        out["status_history"] = self.status_history
        out["tier_history"] = self.tier_history
        out["masked"] = self.masked
        return out


@dataclass(frozen=True)
class Duplicate:
    id: int
    name: str
    archive_no: str
    reason: str  # "credit_code" | "phone" | "name"
    score: int  # 100 for an exact match


def _raise_invalid(problems: dict[str, str]) -> None:
    if problems:
        text = "; ".join(f"{k}: {v}" for k, v in problems.items())
        raise errors.ValidationError("Invalid input: {text}", text=text, fields=problems)


# Requests of several kinds in one edit are filed as the weightiest kind.
# A save without a version (the command line) is tried again when another save came between
# its read of the card and its write (CustomerService.edit).
_EDIT_ATTEMPTS = 5

_KIND_ORDER = (
    Action.REASSIGN_CUSTOMER,
    Action.CHANGE_STATUS,
    Action.CHANGE_TIER,
    Action.EDIT_CUSTOMER,
)


def as_actor(actor: Actor | str) -> Actor:
    """A plain user name stands for the single-user archive's administrator (scripts, tests)."""
    if isinstance(actor, Actor):
        return actor
    return Actor(actor, actor, Role.ADMINISTRATOR)


def single_user(conn) -> bool:
    return conn.execute("SELECT count(*) FROM users WHERE active = 1").fetchone()[0] <= 1


class CustomerService:
    """Customer cards as ``actor`` may see and change them (docs/domain.md, Roles; Changes and
    handover).

    Visibility and the role matrix are enforced here, so the list, search, card, exports,
    print and CLI all obey them; changes that need a second person become approval requests
    (``errors.ApprovalRequested``); applied changes are kept field by field in the change log,
    and every create, change, delete, merge and view of sensitive data is in the audit log.
    """

    def __init__(self, archive: Archive, actor: Actor | str) -> None:
        self.archive = archive
        self.actor = as_actor(actor)
        self.user = self.actor.user_name

    # ------------------------------------------------------------------ rules
    def approval_policy(self) -> frozenset[str]:
        raw = self.archive.get_setting("approval_policy")
        return frozenset(json.loads(raw)) if raw else permissions.APPROVAL_DEFAULTS

    def set_approval_policy(self, keys: Iterable[str]) -> None:
        permissions.require(self.actor, Action.MANAGE_SETTINGS)
        keys = sorted(set(keys))
        unknown = set(keys) - permissions.POLICY_KEYS
        if unknown:
            raise errors.ValidationError(
                "Unknown approval rule(s): {rules}.", rules=", ".join(sorted(unknown))
            )
        self.archive.set_setting("approval_policy", json.dumps(keys))

    def _granted(self, conn, customer_id: int) -> bool:
        return repo.granted(conn, self.user, customer_id, now_iso())

    def _visible(self, conn, row: dict) -> bool:
        return permissions.can_see(
            self.actor,
            row.get("responsible"),
            row.get("region"),
            granted=self._granted(conn, int(row["id"])),
        )

    def _load_visible(self, conn, customer_id: int) -> dict:
        row = repo.get(conn, customer_id)
        if row is None:
            raise errors.NotFound(
                "No customer with id {customer_id}.", customer_id=customer_id, id=customer_id
            )
        if not self._visible(conn, row):
            raise errors.PermissionDenied(
                "Customer {archive_no} is outside what you may see; ask a manager for access (customers request-access).",
                archive_no=row["archive_no"],
                id=customer_id,
            )
        return row

    def _audit(self, conn, action: str, customer_id: int | None, **details) -> None:
        audit.append(
            conn,
            user_name=self.user,
            action=action,
            target_type="customer",
            target_id=None if customer_id is None else str(customer_id),
            details={k: v for k, v in details.items() if v is not None},
        )

    # ------------------------------------------------------------------ settings
    def archive_no_pattern(self) -> str:
        return self.archive.get_setting("archive_no_pattern", DEFAULT_PATTERN)

    def set_archive_no_pattern(self, pattern: str) -> None:
        format_archive_no(pattern, 2026, 1)  # raises on a bad pattern
        self.archive.set_setting("archive_no_pattern", pattern)

    def attachment_limit(self) -> int:
        return int(self.archive.get_setting("attachment_limit", str(DEFAULT_ATTACHMENT_LIMIT)))

    def _next_archive_no(self, conn, today: dt.date) -> str:
        pattern = self.archive_no_pattern()
        if "{month" in pattern:
            period = f"{today.year}-{today.month:02}"
        elif "{year" in pattern or "{yy" in pattern:
            period = str(today.year)
        else:
            period = "all"
        while True:
            seq = repo.next_sequence(conn, period)
            number = format_archive_no(pattern, today.year, seq, month=today.month)
            if repo.find_by_archive_no(conn, number) is None:  # skip numbers typed by hand
                return number

    # ------------------------------------------------------------------ cards
    def add(self, values: dict[str, object], contacts: Sequence[dict[str, object]] = ()) -> int:
        """Add a card; returns its id. ``values`` are raw (validated and normalised here)."""
        permissions.require(self.actor, Action.CREATE_CUSTOMER)
        clean, problems = validate_customer(values)
        clean_contacts = self._clean_contacts(contacts, problems) + clean.pop("contacts", [])
        _raise_invalid(problems)
        # A new card is one's own unless it names someone else: the salesperson who enters
        # it keeps seeing it.
        clean.setdefault("responsible", self.user)
        search.prepare()  # not while holding the lock (see there)
        with self.archive.write() as conn:
            return self.insert_card(conn, clean, clean_contacts, now_iso())

    def insert_card(
        self,
        conn,
        clean: dict[str, object],
        clean_contacts: Sequence[dict[str, object]],
        now: str,
        **audit_details: object,
    ) -> int:
        """Store an already validated card inside ``conn``'s write transaction (``add``, and
        the importer, which adds many cards in one transaction): archive number, histories,
        search index, dossier and audit entry, as every new card gets them."""
        if not clean.get("archive_no"):
            clean["archive_no"] = self._next_archive_no(conn, dt.date.today())
        elif repo.find_by_archive_no(conn, str(clean["archive_no"])) is not None:
            raise errors.ValidationError(
                "Archive number {archive_no} is already used.",
                archive_no=clean["archive_no"],
                fields={"archive_no": "already used"},
            )
        clean.setdefault("status", Status.PROSPECT)
        clean.setdefault("tier", Tier.C)
        cid = repo.insert(conn, clean, sort_key=sort_key(str(clean["name"])), by=self.user, now=now)
        repo.replace_contacts(conn, cid, clean_contacts)
        repo.add_status_change(conn, cid, None, _v(clean["status"]), None, self.user, now)
        repo.add_tier_change(
            conn, cid, None, _v(clean["tier"]), bool(clean.get("tier_manual")), None, self.user, now
        )
        search.index_customer(conn, cid)
        # Every card has its paper dossier in the archive register (docs/domain.md, The archive
        # register).
        loan_repo.add_dossier(
            conn, cid, str(clean["archive_no"]), str(clean["name"]), by=self.user, now=now
        )
        self._audit(
            conn, "create", cid, archive_no=clean["archive_no"], name=clean["name"], **audit_details
        )
        return cid

    def _clean_contacts(self, contacts, problems: dict[str, str]) -> list[dict[str, object]]:
        out = []
        for i, raw in enumerate(contacts):
            clean, bad = validate_contact(raw)
            for k, v in bad.items():
                problems[f"contacts[{i}].{k}"] = v
            out.append(clean)
        return out

    def get(self, customer_id: int) -> Card:
        """The card as this user may see it: sensitive fields masked unless allowed."""
        conn = self.archive.conn
        values = self._load_visible(conn, customer_id)
        card = Card(values=values, contacts=repo.contacts(conn, customer_id))
        self._mask(conn, card)
        card.follow_ups = repo.rows_as_dicts(
            conn,
            "SELECT id, date, kind, summary, by_user FROM follow_ups WHERE customer_id = ? "
            "ORDER BY date DESC, id DESC",
            (customer_id,),
        )
        card.transactions = repo.rows_as_dicts(
            conn,
            "SELECT id, date, mode, amount, payment_method, contract_no, note FROM transactions "
            "WHERE customer_id = ? ORDER BY date DESC, id DESC",
            (customer_id,),
        )
        card.attachments = repo.rows_as_dicts(
            conn,
            "SELECT id, file_name, mime, size, note, added_at, added_by FROM attachments "
            "WHERE customer_id = ? ORDER BY added_at DESC, id DESC",
            (customer_id,),
        )
        card.status_history = repo.rows_as_dicts(
            conn,
            "SELECT old, new, reason, by_user, at FROM status_history WHERE customer_id = ? "
            "ORDER BY at, id",
            (customer_id,),
        )
        card.tier_history = repo.rows_as_dicts(
            conn,
            "SELECT old, new, manual, reason, by_user, at FROM tier_history "
            "WHERE customer_id = ? ORDER BY at, id",
            (customer_id,),
        )
        return card

    def _shown_plainly(self, conn, values: dict) -> bool:
        """Sensitive fields are shown as they are to the responsible person (who collected
        them) and in a single-user office; everyone else sees them masked."""
        return permissions.shown_plainly(
            self.actor, responsible=values.get("responsible"), single_user=single_user(conn)
        )

    def _may_reveal(self, conn, values: dict) -> bool:
        """Who may unmask them, one field at a time, for a stated and logged purpose: roles
        allowed to view sensitive data (managers, administrators), and holders of an
        approved access grant (docs/domain.md, Sensitive data and masking)."""
        return permissions.may_view_sensitive(
            self.actor,
            is_responsible=self.actor.is_(values.get("responsible")),
            single_user=single_user(conn),
            granted=self._granted(conn, int(values["id"])),
        )

    def _masked_value(self, spec_kind: str | None, value: object) -> str:
        if spec_kind == "phone" and isinstance(value, str):
            value = format_phone(value)  # 138 **** **78 rather than +861********78
        return permissions.mask(value)

    def _mask(self, conn, card: Card) -> None:
        if self._shown_plainly(conn, card.values):
            return
        kind = _v(card.values.get("customer_type"))
        for name in sorted(permissions.sensitive_fields(kind)):
            if card.values.get(name) not in (None, "", []):
                card.values[name] = self._masked_value(FIELD_BY_NAME[name].kind, card.values[name])
                card.masked.append(name)
        contact_fields = permissions.sensitive_contact_fields(kind)
        for i, contact in enumerate(card.contacts):
            for name in sorted(contact_fields):
                if contact.get(name):
                    contact[name] = self._masked_value(
                        "email" if name == "email" else "phone", contact[name]
                    )
                    card.masked.append(f"contacts[{i}].{name}")

    def _unmask_unchanged(self, conn, old: dict, changes: dict, contacts) -> None:
        """An editor who sees masks sends them back unchanged: keep the real values then,
        so a mask never overwrites what it hides."""
        if self._shown_plainly(conn, old):
            return
        kind = _v(old.get("customer_type"))
        for name in permissions.sensitive_fields(kind):
            if (
                name in changes
                and old.get(name) not in (None, "", [])
                and changes[name] == self._masked_value(FIELD_BY_NAME[name].kind, old[name])
            ):
                del changes[name]
        if contacts is None:
            return
        before = repo.contacts(conn, int(old["id"]))
        for i, contact in enumerate(contacts):
            if i >= len(before):
                break
            for name in permissions.sensitive_contact_fields(kind):
                real = before[i].get(name)
                if real and contact.get(name) == self._masked_value(
                    "email" if name == "email" else "phone", real
                ):
                    contact[name] = real

    def reveal(self, customer_id: int, field_name: str, purpose: str) -> object:
        """Show one masked field, for a stated purpose; the view is in the audit log."""
        if not (purpose or "").strip():
            raise errors.ValidationError(
                "Say why you need to see it.", fields={"purpose": "required"}
            )
        with self.archive.write() as conn:
            values = self._load_visible(conn, customer_id)
            if not self._may_reveal(conn, values):
                raise errors.PermissionDenied(
                    "Your role may not see this customer's sensitive data; ask a manager."
                )
            if field_name.startswith("contacts["):
                index, name = field_name[len("contacts[") :].split("].", 1)
                value = repo.contacts(conn, customer_id)[int(index)].get(name)
            else:
                value = values.get(field_name)
            self._audit(
                conn, "view_sensitive", customer_id, field=field_name, purpose=purpose.strip()
            )
        return value

    def changes(self, customer_id: int) -> list[dict[str, object]]:
        """The card's change history, field by field: old → new, who, when, why, approved by."""
        conn = self.archive.conn
        row = self._load_visible(conn, customer_id)
        rows = repo.rows_as_dicts(
            conn,
            "SELECT l.at, l.field, l.old, l.new, l.by_user, l.reason, l.approval_id, a.decided_by "
            "AS approved_by FROM change_log l LEFT JOIN approvals a ON a.id = l.approval_id "
            "WHERE l.customer_id = ? ORDER BY l.at, l.id",
            (customer_id,),
        )
        if self._shown_plainly(conn, row):
            return rows
        # values of sensitive fields are masked as on the card; a card that was a private
        # person's at any time keeps its old values masked too
        kinds = {_v(row.get("customer_type"))} | {
            r[k] for r in rows if r["field"] == "customer_type" for k in ("old", "new")
        }
        hidden = set().union(*(permissions.sensitive_fields(k) for k in kinds))
        if CustomerType.INDIVIDUAL.value in kinds:
            hidden.add("contacts")
        for r in rows:
            if r["field"] in hidden:
                kind = FIELD_BY_NAME[r["field"]].kind if r["field"] in FIELD_BY_NAME else None
                r["old"] = self._masked_value(kind, r["old"]) if r["old"] else r["old"]
                r["new"] = self._masked_value(kind, r["new"]) if r["new"] else r["new"]
        return rows

    def resolve(self, ref: str | int) -> int:
        """A customer id from an id or an archive number (for the CLI)."""
        text = str(ref).strip()
        if text.isdigit() and repo.get(self.archive.conn, int(text)) is not None:
            return int(text)
        found = repo.find_by_archive_no(self.archive.conn, text)
        if found is None:
            raise errors.NotFound("No customer {text}.", text=text, id=text)
        return found

    def edit(
        self,
        customer_id: int,
        changes: dict[str, object],
        version: int | None = None,
        reason: str | None = None,
        contacts: Sequence[dict[str, object]] | None = None,
    ) -> int:
        """Change fields of a card; ``version`` is the one the editor started from.

        Status and tier changes go through their rules (a reason for "lost"; a tier set
        here is a hand-set tier). Returns the new version, or raises ``ApprovalRequested``
        when the office's rules send the change to a manager first (nothing changes yet).
        """
        search.prepare()  # not while holding the lock (see there)
        for attempt in range(_EDIT_ATTEMPTS):
            try:
                return self._edit_once(customer_id, changes, version, reason, contacts)
            except errors.ConflictError:
                # The card was read before the lock was taken (see _edit_once): when the
                # caller named no version, another save in between is no conflict for them.
                if version is not None or attempt == _EDIT_ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _edit_once(
        self,
        customer_id: int,
        changes: dict[str, object],
        version: int | None,
        reason: str | None,
        contacts: Sequence[dict[str, object]] | None,
    ) -> int:
        # What can be decided from the card is decided before the write lock is taken, so
        # that other people's saves wait only for the writing: if the card changes in
        # between, its version does, and the write below refuses (ConflictError).
        changes = dict(changes)
        contacts = None if contacts is None else [dict(c) for c in contacts]
        old = self._load_visible(self.archive.conn, customer_id)
        self._unmask_unchanged(self.archive.conn, old, changes, contacts)
        clean, problems = validate_customer(changes, partial=True)
        clean_contacts = self._clean_contacts(contacts, problems) if contacts is not None else None
        if "contacts" in clean:
            clean_contacts = clean.pop("contacts")
        _raise_invalid(problems)
        if version is None:
            version = int(old["version"])
        elif int(old["version"]) != version:  # known already: no need to wait for the lock
            raise repo.conflict(customer_id, old["version"], version)
        changed = {k: v for k, v in clean.items() if old.get(k) != v}
        actions = self._actions_for(changed, clean_contacts is not None)
        for action in actions:
            permissions.require(self.actor, action)
        is_responsible = self.actor.is_(old.get("responsible"))
        with self.archive.write() as conn:
            # the office's rules are read under the lock: a rule changed meanwhile counts
            policy, single = self.approval_policy(), single_user(conn)
            waiting = [
                a
                for a in actions
                if permissions.needs_approval(
                    self.actor, a, is_responsible=is_responsible, policy=policy, single_user=single
                )
            ]
            if not (waiting and (changed or clean_contacts is not None)):
                return _apply_edit(
                    conn,
                    self.user,
                    customer_id,
                    version,
                    clean,
                    clean_contacts,
                    reason,
                    approval_id=None,
                )
            current = repo.get(conn, customer_id)
            if current is None:
                raise errors.NotFound(
                    "Customer {customer_id} no longer exists.",
                    customer_id=customer_id,
                    id=customer_id,
                )
            if current["version"] != old["version"]:  # changed since it was read above
                raise repo.conflict(customer_id, current["version"], version)
            _check_change(conn, old, changed, reason)  # refuse now what could never apply
            kind = permissions.APPROVAL_KIND_FOR[min(waiting, key=_KIND_ORDER.index)]
            payload = {
                "customer_id": customer_id,
                "version": version,
                "archive_no": old["archive_no"],
                "name": old["name"],
                "changes": {k: repo.to_db(v) for k, v in clean.items()},
                "before": {k: repo.to_db(old.get(k)) for k in changed},
                "contacts": None
                if clean_contacts is None
                else [{k: repo.to_db(v) for k, v in c.items()} for c in clean_contacts],
            }
            request_id = ApprovalService(self.archive, self.actor).request(
                kind.value,
                payload,
                reason or "",
                target_type="customer",
                target_id=customer_id,
                conn=conn,
            )
            archive_no = old["archive_no"]
        # raised after the transaction committed: the request stays filed
        raise errors.ApprovalRequested(
            "The change of {archive_no} needs a manager's approval: it was filed as request "
            "#{request_id}.",
            archive_no=archive_no,
            request_id=request_id,
            approval_id=request_id,
        )

    def _actions_for(self, changed: dict, contacts_changed: bool) -> list[Action]:
        actions = []
        if "responsible" in changed:
            actions.append(Action.REASSIGN_CUSTOMER)
        if "status" in changed:
            actions.append(Action.CHANGE_STATUS)
        if "tier" in changed or "tier_manual" in changed:
            actions.append(Action.CHANGE_TIER)
        if (
            contacts_changed
            or set(changed) - {"responsible", "status", "tier", "tier_manual"}
            or not actions
        ):
            actions.append(Action.EDIT_CUSTOMER)
        return actions

    def set_status(
        self, customer_id: int, status: str, reason: str | None = None, version: int | None = None
    ) -> int:
        return self.edit(customer_id, {"status": status}, version=version, reason=reason)

    def set_tier(
        self, customer_id: int, tier: str, reason: str | None = None, version: int | None = None
    ) -> int:
        return self.edit(customer_id, {"tier": tier}, version=version, reason=reason)

    def release_tier(self, customer_id: int) -> None:
        """Let the ABC computation set this customer's tier again."""
        with self.archive.write() as conn:
            conn.execute(
                "UPDATE customers SET tier_manual = 0, version = version + 1 WHERE id = ?",
                (customer_id,),
            )

    def delete(self, customer_id: int, reason: str | None = None) -> None:
        """Delete a card (or file the request for it); its archive number is never reused."""
        permissions.require(self.actor, Action.DELETE_CUSTOMER)
        with self.archive.write() as conn:
            old = self._load_visible(conn, customer_id)
            if permissions.needs_approval(
                self.actor,
                Action.DELETE_CUSTOMER,
                is_responsible=self.actor.is_(old.get("responsible")),
                policy=self.approval_policy(),
                single_user=single_user(conn),
            ):
                request_id = ApprovalService(self.archive, self.actor).request(
                    "delete",
                    {
                        "customer_id": customer_id,
                        "archive_no": old["archive_no"],
                        "name": old["name"],
                    },
                    reason or "",
                    target_type="customer",
                    target_id=customer_id,
                    conn=conn,
                )
            else:
                _apply_delete(conn, self.user, customer_id, reason, approval_id=None)
                return
        raise errors.ApprovalRequested(
            "Deleting {archive_no} needs a manager's approval: it was filed as request #{request_id}.",
            archive_no=old["archive_no"],
            request_id=request_id,
            approval_id=request_id,
        )

    def request_access(self, customer_id: int, reason: str, hours: int = 24) -> int:
        """Ask for access to a customer outside one's scope; a manager approves it.
        ``hours``: 1 … 720 (``permissions.access_hours``)."""
        hours = permissions.access_hours(hours)
        card = repo.get(self.archive.conn, customer_id)
        if card is None:
            raise errors.NotFound(
                "No customer with id {customer_id}.", customer_id=customer_id, id=customer_id
            )
        # The card's number and name go with the request so the approver sees what they grant.
        return ApprovalService(self.archive, self.actor).request(
            "access",
            {
                "customer_id": customer_id,
                "archive_no": card["archive_no"],
                "name": card["name"],
                "hours": hours,
            },
            reason,
            target_type="customer",
            target_id=customer_id,
        )

    def handover(self, from_user: str, to_user: str, reason: str) -> dict:
        """Hand every customer of a departing employee to a successor in one step (离职交接).

        Managers do it directly; others file a request. Returns {"moved": [...]} or raises
        ApprovalRequested."""
        permissions.require(self.actor, Action.HANDOVER)
        with self.archive.write() as conn:
            for name in (from_user, to_user):
                if (
                    conn.execute("SELECT 1 FROM users WHERE user_name = ?", (name,)).fetchone()
                    is None
                ):
                    raise errors.NotFound("No user {name}.", name=name)
            if permissions.needs_approval(
                self.actor,
                Action.HANDOVER,
                is_responsible=False,
                policy=self.approval_policy(),
                single_user=single_user(conn),
            ):
                request_id = ApprovalService(self.archive, self.actor).request(
                    "handover",
                    {"from_user": from_user, "to_user": to_user},
                    reason,
                    target_type="user",
                    conn=conn,
                )
            else:
                return _apply_handover(
                    conn, self.user, from_user, to_user, reason, approval_id=None
                )
        raise errors.ApprovalRequested(
            "The handover needs a manager's approval: request #{request_id}.",
            request_id=request_id,
            approval_id=request_id,
        )

    # ------------------------------------------------------------------ logs
    # What is added to a card is in the audit log, in the same transaction, as the card's own
    # changes are. The entry names what was added by its id, date and kind, never its text:
    # a follow-up's summary, a transaction's note and amount, an attachment's name may hold a
    # private person's data (docs/domain.md, Sensitive data and masking), and those who read the log
    # see it only masked or by
    # a logged reveal. The record itself stays in its table under the card's access rules.
    def add_follow_up(self, customer_id: int, date: object, kind: str, summary: str) -> int:
        from ..domain.validation import validate_follow_up

        clean, problems = validate_follow_up(
            {"date": date, "kind": kind, "summary": summary, "by_user": self.user}
        )
        _raise_invalid(problems)
        with self.archive.write() as conn:
            card = self._require(conn, customer_id)
            now = now_iso()
            fid = repo.add_follow_up(
                conn,
                customer_id,
                clean["date"].isoformat(),
                _v(clean["kind"]),
                clean["summary"],
                by=self.user,
                now=now,
            )
            repo.touch(conn, customer_id, by=self.user, now=now)
            self._audit(
                conn,
                "follow_up_add",
                customer_id,
                archive_no=card["archive_no"],
                follow_up=fid,
                date=clean["date"].isoformat(),
                kind=_v(clean["kind"]),
            )
            return fid

    def add_transaction(
        self,
        customer_id: int,
        date: object,
        amount: object,
        mode: str | None = None,
        payment_method: str | None = None,
        contract_no: str | None = None,
        note: str | None = None,
    ) -> int:
        from ..domain.validation import validate_transaction

        clean, problems = validate_transaction(
            {
                "date": date,
                "amount": amount,
                "mode": mode,
                "payment_method": payment_method,
                "contract_no": contract_no,
                "note": note,
            }
        )
        _raise_invalid(problems)
        with self.archive.write() as conn:
            card = self._require(conn, customer_id)
            now = now_iso()
            tid = repo.add_transaction(
                conn,
                customer_id,
                clean["date"].isoformat(),
                clean["amount"],
                mode=clean.get("mode"),
                payment_method=clean.get("payment_method"),
                contract_no=clean.get("contract_no"),
                note=clean.get("note"),
            )
            repo.touch(conn, customer_id, by=self.user, now=now)
            self._audit(
                conn,
                "transaction_add",
                customer_id,
                archive_no=card["archive_no"],
                transaction=tid,
                date=clean["date"].isoformat(),
            )
            return tid

    def add_attachment_file(
        self, customer_id: int, path: str | Path, note: str | None = None
    ) -> tuple[int, int]:
        """Attach the regular file at ``path``: refused before reading when it is over the
        limit, a folder, a device or a FIFO; never more than the limit read (``bounded_read``).
        Returns (attachment id, size)."""
        path = Path(path)
        data = read_regular_file(path, self.attachment_limit())
        return self.add_attachment(customer_id, path.name, data, note=note), len(data)

    def add_attachment(
        self, customer_id: int, file_name: str, data: bytes, note: str | None = None
    ) -> int:
        limit = self.attachment_limit()
        if len(data) > limit:
            raise too_large(file_name, len(data), limit)
        mime = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        digest = hashlib.sha256(data).hexdigest()
        with self.archive.write() as conn:
            card = self._require(conn, customer_id)
            now = now_iso()
            aid = repo.add_attachment(
                conn,
                customer_id,
                Path(file_name).name,
                mime,
                data,
                digest,
                note,
                by=self.user,
                now=now,
            )
            repo.touch(conn, customer_id, by=self.user, now=now)
            self._audit(
                conn,
                "attachment_add",
                customer_id,
                archive_no=card["archive_no"],
                attachment=aid,
                mime=mime,
                size=len(data),
                sha256=digest,
            )
            return aid

    def attachment_data(self, attachment_id: int) -> tuple[str, bytes]:
        row = (
            self.archive.query_one(
                "SELECT file_name, data, customer_id FROM attachments WHERE id = ?",
                (attachment_id,),
            )
            if storable(attachment_id)
            else None
        )
        if row is None:
            raise errors.NotFound("No attachment {attachment_id}.", attachment_id=attachment_id)
        self._load_visible(self.archive.conn, row[2])
        return row[0], bytes(row[1])

    def _require(self, conn, customer_id: int) -> dict:
        """The card, if it exists, this user sees it and may add to it."""
        permissions.require(self.actor, Action.EDIT_CUSTOMER)
        return self._load_visible(conn, customer_id)

    # ------------------------------------------------------------------ tiers
    def tier_settings(self) -> tiering.TierSettings:
        raw = self.archive.get_setting("tier_settings")
        return tiering.TierSettings(**json.loads(raw)) if raw else tiering.TierSettings()

    def set_tier_settings(self, settings: tiering.TierSettings) -> None:
        self.archive.set_setting(
            "tier_settings",
            json.dumps(
                {
                    "period_months": settings.period_months,
                    "a_share": settings.a_share,
                    "b_share": settings.b_share,
                }
            ),
        )

    def compute_tiers(self, today: dt.date | None = None) -> dict[int, tuple[str, str]]:
        """ABC analysis over the configured period; hand-set tiers are left alone.

        Returns {customer id: (old tier, new tier)} for the tiers that changed.
        """
        if self.actor.role not in (Role.MANAGER, Role.ADMINISTRATOR):
            raise errors.PermissionDenied(
                "Only a manager or an administrator recomputes the tiers."
            )
        settings = self.tier_settings()
        today = today or dt.date.today()
        start = tiering.period_start(today, settings.period_months)
        now = now_iso()
        with self.archive.write() as conn:
            revenue = {
                cid: Decimal(fen) / 100
                for cid, fen in conn.execute(
                    "SELECT c.id, COALESCE(SUM(t.amount_fen), 0) FROM customers c "
                    "LEFT JOIN transactions t ON t.customer_id = c.id AND t.date >= ? "
                    "GROUP BY c.id",
                    (start.isoformat(),),
                )
            }
            current = [
                (cid, Tier(old), bool(manual))
                for cid, old, manual in conn.execute(
                    "SELECT id, tier, tier_manual FROM customers"
                ).fetchall()
            ]
            updates = tiering.tier_updates(current, tiering.abc_tiers_for(settings, revenue))
            old_of = {cid: tier for cid, tier, _ in current}
            changed: dict[int, tuple[str, str]] = {}
            for cid, tier in updates.items():
                old, new = old_of[cid].value, tier.value
                conn.execute(
                    "UPDATE customers SET tier = ?, version = version + 1, updated_at = ?, "
                    "updated_by = ? WHERE id = ?",
                    (new, now, self.user, cid),
                )
                repo.add_tier_change(
                    conn,
                    cid,
                    old,
                    new,
                    False,
                    f"ABC analysis since {start.isoformat()}",
                    self.user,
                    now,
                )
                changed[cid] = (old, new)
        return changed

    # ------------------------------------------------------------------ finding
    def search(self, query: str, limit: int = 500) -> list[int]:
        """Ids of the visible customers matching ``query``, best first. A private person's
        sensitive values match only for those who may see them (``permissions``)."""
        conn, now = self.archive.conn, now_iso()
        return search.search(
            conn,
            query,
            limit=limit,
            allowed_ids_sql=visibility.ids_select(permissions.visibility(self.actor, now)),
            private_ids_sql=visibility.ids_select(
                permissions.matchable(self.actor, now, single_user=single_user(conn))
            ),
        )

    def matched_fields(self, query: str, ids: Sequence[int]) -> dict[int, list[str]]:
        """Why each of ``ids`` (the hits of ``query``) matched: the places its terms were
        found (``storage.search.MATCH_ORDER``: name, archive_no, pinyin, initials, contacts,
        phones, tags, address), counting only what this user may see."""
        conn, now = self.archive.conn, now_iso()
        return search.matched_columns(
            conn,
            query,
            ids,
            allowed_ids_sql=visibility.ids_select(permissions.visibility(self.actor, now)),
            private_ids_sql=visibility.ids_select(
                permissions.matchable(self.actor, now, single_user=single_user(conn))
            ),
        )

    def _visible_filter(self, flt: repo.Filter | None) -> repo.Filter:
        """``flt`` limited to the visible customers, with the rule for showing (and sorting
        by) the maskable list columns."""
        flt = flt or repo.Filter()
        sql, params = visibility.where(
            permissions.visibility(self.actor, now_iso()), alias="customers"
        )
        if sql != "1":
            flt.extra_sql = f"({flt.extra_sql}) AND {sql}" if flt.extra_sql else sql
            flt.extra_params = tuple(flt.extra_params) + tuple(params)
        plain, plain_params = visibility.plain_where(
            permissions.plainness(self.actor, single_user=single_user(self.archive.conn)),
            alias="customers",
        )
        if plain != "1":
            flt.plain_sql, flt.plain_params = plain, plain_params
        return flt

    def list_ids(
        self, flt: repo.Filter | None = None, sort: str = "name", descending: bool = False
    ) -> list[int]:
        return repo.list_ids(self.archive.conn, self._visible_filter(flt), sort, descending)

    def list_rows(self, ids: Sequence[int]) -> dict[int, tuple]:
        """The list columns (``storage.customers.LIST_COLUMNS``) of those of ``ids`` this
        user may see, with a private person's phone masked as on the card."""
        rows = repo.list_rows(self.archive.conn, ids, self._visible_filter(None))
        out: dict[int, tuple] = {}
        for cid, (*values, plain) in rows.items():
            if not plain:
                for i, name in enumerate(repo.LIST_COLUMNS):
                    if name in repo.MASKABLE_LIST_COLUMNS and values[i] not in (None, ""):
                        values[i] = self._masked_value(FIELD_BY_NAME[name].kind, values[i])
            out[cid] = tuple(values)
        return out

    def find(
        self,
        query: str = "",
        flt: repo.Filter | None = None,
        sort: str | None = None,
        descending: bool = False,
        limit: int = 500,
    ) -> list[int]:
        """Search and filter together: ranked by relevance unless a sort column is given."""
        flt = self._visible_filter(flt)
        if query.strip():
            flt.ids = self.search(query, limit=limit)
            return repo.list_ids(self.archive.conn, flt, sort or "rank", descending)
        return repo.list_ids(self.archive.conn, flt, sort or "name", descending)

    def value_lists(self) -> dict[str, list[str]]:
        """The values the list's filter menus offer, taken from the customers this user sees."""
        conn, flt = self.archive.conn, self._visible_filter(None)
        return {
            c: repo.distinct_values(conn, c, flt)
            for c in ("industry", "region", "responsible", "tags")
        }

    def saved_filters(self) -> dict[str, dict]:
        return {
            name: json.loads(d)
            for name, d in self.archive.query(
                "SELECT name, definition FROM saved_filters ORDER BY name"
            )
        }

    def save_filter(self, name: str, definition: dict) -> None:
        with self.archive.write() as conn:
            conn.execute(
                "INSERT INTO saved_filters(name, definition, created_by) VALUES (?, ?, ?) "
                "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition",
                (name, json.dumps(definition, ensure_ascii=False), self.user),
            )

    def duplicates(
        self, values: dict[str, object], exclude_id: int | None = None, *, validated: bool = False
    ) -> list[Duplicate]:
        """Likely duplicates of a card being entered: same credit code, same phone, similar name.
        ``validated``: ``values`` are already ``validate_customer``'s output (the importer)."""
        clean = values if validated else validate_customer(values, partial=True)[0]
        conn = self.archive.conn
        found: dict[int, Duplicate] = {}

        def add(rows, reason, score):
            for cid, name, no in rows:
                if cid != exclude_id and (cid not in found or found[cid].score < score):
                    found[cid] = Duplicate(cid, name, no, reason, score)

        if clean.get("credit_code"):
            add(
                conn.execute(
                    "SELECT id, name, archive_no FROM customers WHERE credit_code = ?",
                    (clean["credit_code"],),
                ).fetchall(),
                "credit_code",
                100,
            )
        for phone in (clean.get("phone"), clean.get("fax")):
            if phone:
                add(
                    conn.execute(
                        "SELECT id, name, archive_no FROM customers WHERE phone = ? OR fax = ?",
                        (phone, phone),
                    ).fetchall(),
                    "phone",
                    100,
                )
                digits = phone_digits(str(phone))
                if len(digits) >= 7:
                    ids = search.phone_holders(conn, digits[-8:], limit=50)
                    add(self._names(ids), "phone", 95)
        name = str(clean.get("name") or "").strip()
        if name:
            key = name_key(name)
            candidates = search.name_holders(conn, key or name, limit=100) if (key or name) else []
            for cid, other, no in self._names(candidates):
                score = int(similar_names(name, other))
                if score >= SIMILAR_NAME_SCORE:
                    add([(cid, other, no)], "name", score)
        return sorted(found.values(), key=lambda d: (-d.score, d.id))

    def _names(self, ids: Iterable[int]) -> list[tuple[int, str, str]]:
        ids = list(ids)
        if not ids:
            return []
        return self.archive.query(
            f"SELECT id, name, archive_no FROM customers WHERE id IN ({','.join('?' * len(ids))})",
            tuple(ids),
        )

    # ------------------------------------------------------------------ merge
    def merge(self, keep_id: int, other_id: int, reason: str | None = None) -> int:
        """Merge ``other`` into ``keep``: every contact, follow-up, transaction, attachment and
        history entry moves; fields empty on ``keep`` are filled from ``other``; ``other`` is
        deleted (its archive number is not reused). Returns keep's new version."""
        if keep_id == other_id:
            raise errors.ValidationError("A customer cannot be merged with itself.")
        permissions.require(self.actor, Action.DELETE_CUSTOMER)
        now = now_iso()
        with self.archive.write() as conn:
            keep, other = self._load_visible(conn, keep_id), self._load_visible(conn, other_id)
            if permissions.needs_approval(
                self.actor,
                Action.DELETE_CUSTOMER,
                is_responsible=self.actor.is_(other.get("responsible")),
                policy=self.approval_policy(),
                single_user=single_user(conn),
            ):
                raise errors.PermissionDenied(
                    "Merging removes a card: ask a manager to merge these two customers."
                )
            fill: dict[str, Any] = {}
            for name in repo.CARD_COLUMNS:
                if name in ("archive_no", "status", "tier", "tier_manual"):
                    continue
                spec = FIELD_BY_NAME[name]
                if spec.kind == "tags":
                    merged = list(dict.fromkeys(list(keep[name]) + list(other[name])))
                    if merged != keep[name]:
                        fill[name] = merged
                elif keep.get(name) in (None, "") and other.get(name) not in (None, ""):
                    fill[name] = other[name]
            note = f"Merged from {other['archive_no']} {other['name']}" + (
                f": {reason}" if reason else ""
            )
            fill["note"] = "\n".join(
                x for x in (str(fill.get("note", keep.get("note")) or ""), note) if x
            )
            base = conn.execute(
                "SELECT COALESCE(MAX(position), -1) + 1 FROM contacts WHERE customer_id = ?",
                (keep_id,),
            ).fetchone()[0]
            conn.execute(
                "UPDATE contacts SET customer_id = ?, position = position + ?, is_primary = 0 "
                "WHERE customer_id = ?",
                (keep_id, base, other_id),
            )
            # "items": the merged card's paper dossier (and any register item) now belongs to ``keep``.
            for table in (
                "follow_ups",
                "transactions",
                "attachments",
                "status_history",
                "tier_history",
                "items",
            ):
                conn.execute(
                    f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?", (keep_id, other_id)
                )
            version = repo.update(
                conn, keep_id, int(keep["version"]), fill, sort_key=None, by=self.user, now=now
            )
            _log_changes(
                conn, self.user, keep_id, {k: keep.get(k) for k in fill}, fill, reason, None, now
            )
            search.remove_customer(conn, other_id)
            repo.delete(conn, other_id)
            search.index_customer(conn, keep_id)
            self._audit(
                conn,
                "merge",
                keep_id,
                merged=other_id,
                merged_archive_no=other["archive_no"],
                reason=reason,
            )
        return version


def _v(value: object) -> Any:
    return getattr(value, "value", value)


def _check_change(conn, old: dict, changed: dict, reason: str | None) -> None:
    if (
        "archive_no" in changed
        and repo.find_by_archive_no(conn, str(changed["archive_no"])) is not None
    ):
        raise errors.ValidationError(
            "Archive number {archive_no} is already used.",
            archive_no=changed["archive_no"],
            fields={"archive_no": "already used"},
        )
    if "status" in changed:
        try:
            lifecycle.check_transition(old["status"], changed["status"], reason)
        except lifecycle.TransitionError as exc:
            raise errors.ValidationError(str(exc), fields={"status": str(exc)}) from None


def _log_changes(
    conn,
    by: str,
    customer_id: int,
    before: dict,
    after: dict,
    reason: str | None,
    approval_id: int | None,
    now: str,
) -> None:
    conn.executemany(
        "INSERT INTO change_log(customer_id, field, old, new, by_user, at, reason, approval_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (customer_id, k, _text(before.get(k)), _text(v), by, now, reason, approval_id)
            for k, v in after.items()
        ],
    )


def _text(value: object) -> str | None:
    value = repo.to_db(value)
    return None if value is None else str(value)


def _apply_edit(
    conn,
    by: str,
    customer_id: int,
    version: int,
    clean: dict,
    contacts,
    reason,
    *,
    approval_id: int | None,
) -> int:
    """Apply validated changes (the same path for a direct edit and an approved request)."""
    now = now_iso()
    old = repo.get(conn, customer_id)
    if old is None:
        raise errors.NotFound(
            "Customer {customer_id} no longer exists.", customer_id=customer_id, id=customer_id
        )
    changed = {k: v for k, v in clean.items() if old.get(k) != v}
    _check_change(conn, old, changed, reason)
    if "status" in changed:
        repo.add_status_change(
            conn, customer_id, _v(old["status"]), _v(changed["status"]), reason, by, now
        )
    if "tier" in changed:
        changed["tier_manual"] = clean.get("tier_manual", True)
        repo.add_tier_change(
            conn, customer_id, _v(old["tier"]), _v(changed["tier"]), True, reason, by, now
        )
    if not changed and contacts is None:
        if int(old["version"]) != version:
            raise errors.ConflictError(
                "Customer {customer_id} was changed by someone else meanwhile.",
                customer_id=customer_id,
                id=customer_id,
                current_version=old["version"],
                your_version=version,
            )
        return version
    key = sort_key(str(changed["name"])) if "name" in changed else None
    new_version = repo.update(conn, customer_id, version, changed, sort_key=key, by=by, now=now)
    log = dict(changed)
    before = {k: old.get(k) for k in changed}
    if contacts is not None:
        old_contacts = repo.contacts(conn, customer_id)
        summary = lambda cs: "; ".join(  # noqa: E731
            " ".join(
                str(c.get(k)) for k in ("name", "title", "phone", "mobile", "email") if c.get(k)
            )
            for c in cs
        )
        if summary(old_contacts) != summary(contacts):
            before["contacts"], log["contacts"] = summary(old_contacts), summary(contacts)
        repo.replace_contacts(conn, customer_id, contacts)
    _log_changes(conn, by, customer_id, before, log, reason, approval_id, now)
    if "archive_no" in changed:  # the dossier is numbered like its card (new labels are printed)
        conn.execute(
            "UPDATE items SET item_no = ?, updated_at = ?, version = version + 1 "
            "WHERE customer_id = ? AND kind = 'dossier' AND item_no = ?",
            (
                loan_repo.free_item_no(conn, str(changed["archive_no"])),
                now,
                customer_id,
                old["archive_no"],
            ),
        )
    if contacts is not None or search.INDEXED_FIELDS & changed.keys():
        search.index_customer(conn, customer_id)  # else its search rows stay as they were
    audit.append(
        conn,
        user_name=by,
        action="change",
        target_type="customer",
        target_id=str(customer_id),
        details={"fields": sorted(log), "reason": reason, "approval": approval_id},
    )
    return new_version


def _apply_delete(
    conn, by: str, customer_id: int, reason: str | None, *, approval_id: int | None
) -> None:
    old = repo.get(conn, customer_id)
    if old is None:
        raise errors.NotFound(
            "Customer {customer_id} no longer exists.", customer_id=customer_id, id=customer_id
        )
    now = now_iso()
    conn.execute(
        "INSERT INTO change_log(customer_id, field, old, new, by_user, at, reason, approval_id) "
        "VALUES (?, '(deleted)', ?, NULL, ?, ?, ?, ?)",
        (customer_id, f"{old['archive_no']} {old['name']}", by, now, reason, approval_id),
    )
    search.remove_customer(conn, customer_id)
    repo.delete(conn, customer_id)
    audit.append(
        conn,
        user_name=by,
        action="delete",
        target_type="customer",
        target_id=str(customer_id),
        details={
            "archive_no": old["archive_no"],
            "name": old["name"],
            "reason": reason,
            "approval": approval_id,
        },
    )


def _apply_handover(
    conn, by: str, from_user: str, to_user: str, reason: str | None, *, approval_id: int | None
) -> dict:
    now = now_iso()
    moved = [
        {"id": cid, "archive_no": no, "name": name}
        for cid, no, name in conn.execute(
            "SELECT id, archive_no, name FROM customers WHERE responsible = ? COLLATE NOCASE ORDER BY sort_key",
            (from_user,),
        ).fetchall()
    ]
    conn.execute(
        "UPDATE customers SET responsible = ?, version = version + 1, updated_at = ?, "
        "updated_by = ? WHERE responsible = ? COLLATE NOCASE",
        (to_user, now, by, from_user),
    )
    conn.executemany(
        "INSERT INTO change_log(customer_id, field, old, new, by_user, at, reason, approval_id) "
        "VALUES (?, 'responsible', ?, ?, ?, ?, ?, ?)",
        [(m["id"], from_user, to_user, by, now, reason, approval_id) for m in moved],
    )
    loans = loan_repo.hand_over(conn, from_user, to_user, now=now)
    items = {"customers": moved, "loans": loans}
    conn.execute(
        "INSERT INTO handovers(from_user, to_user, approval_id, at, items) VALUES (?, ?, ?, ?, ?)",
        (from_user, to_user, approval_id, now, json.dumps(items, ensure_ascii=False)),
    )
    for m in moved:
        search.index_customer(conn, m["id"])
    audit.append(
        conn,
        user_name=by,
        action="handover",
        target_type="user",
        target_id=from_user,
        details={
            "to": to_user,
            "customers": len(moved),
            "loans": len(loans),
            "approval": approval_id,
        },
    )
    return {"from_user": from_user, "to_user": to_user, "moved": moved, "loans": loans}


def _approved_edit(conn, approval, decider) -> None:
    from ..domain.validation import validate_customer as _validate

    p = approval.payload
    clean, problems = _validate(p["changes"], partial=True)
    _raise_invalid(problems)
    contacts = None
    if p.get("contacts") is not None:
        contacts = []
        for raw in p["contacts"]:
            c, bad = validate_contact({k: v for k, v in raw.items() if k not in ("id", "version")})
            _raise_invalid(bad)
            contacts.append(c)
    _apply_edit(
        conn,
        approval.requested_by,
        p["customer_id"],
        p["version"],
        clean,
        contacts,
        approval.reason,
        approval_id=approval.id,
    )


def _approved_delete(conn, approval, decider) -> None:
    _apply_delete(
        conn,
        approval.requested_by,
        approval.payload["customer_id"],
        approval.reason,
        approval_id=approval.id,
    )


def _approved_access(conn, approval, decider) -> None:
    hours = permissions.access_hours(approval.payload.get("hours", 24))  # an old unbounded request
    expires = dt.datetime.now().astimezone() + dt.timedelta(hours=hours)
    conn.execute(
        "INSERT INTO access_grants(user_name, customer_id, approval_id, expires_at) "
        "VALUES (?, ?, ?, ?)",
        (
            approval.requested_by,
            approval.payload["customer_id"],
            approval.id,
            expires.isoformat(timespec="seconds"),
        ),
    )


def _approved_handover(conn, approval, decider) -> None:
    _apply_handover(
        conn,
        decider.user_name,
        approval.payload["from_user"],
        approval.payload["to_user"],
        approval.reason,
        approval_id=approval.id,
    )


def approval_hooks() -> KindHooks:
    """The request kinds of customer cards, for the approvals (services/__init__.py)."""
    appliers: dict[str, Applier] = dict.fromkeys(
        ("edit", "status", "tier", "reassign"), _approved_edit
    )
    appliers.update(delete=_approved_delete, access=_approved_access, handover=_approved_handover)
    return KindHooks(appliers=appliers)
