"""The archive register (档案借阅登记簿, docs/domain.md, The archive register): items, loans, reservations,
renewals.

Who has which dossier or item, since when, approved by whom, due back when. The flow and its
rules are ``desktop.domain.loans``; requests and renewals go through the one approval
mechanism (``ApprovalService``, kinds ``loan`` and ``loan_renewal``) with this module's
applier, decider and closer, so a loan approved or rejected in the approvals window is the
same as one decided here.

Every action is one short ``BEGIN IMMEDIATE`` transaction that re-reads the rows it changes,
updates them only at the version it read (``WHERE id = ? AND version = ?``) and appends its
audit entry. The rule "an item is never out twice" is in the database as well
(``loans_one_out``, migration 4): if two custodians hand out the same item at the same
moment from two computers, the second one gets ``ConflictError`` and nothing changes.

Visibility: custodians, managers and administrators see the whole register. Others see the
loans of items of customers they may see (``permissions.visibility``), and the loans they
asked for or borrow themselves; items of no customer (samples, equipment) are open to all.
"""

from __future__ import annotations

import builtins
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Literal, TypeVar, overload


from .. import errors
from ..domain import loans as rules
from ..domain import permissions, validation
from ..domain.loans import Direction, ItemKind, ItemState, LoanAction, LoanState, ValueClass
from ..domain.permissions import Action, Actor, Role
from ..storage import audit
from ..storage import loans as repo
from ..storage import visibility
from ..storage.archive import Archive
from .approvals import ApprovalService, KindHooks
from .customers import as_actor, now_iso, single_user

MAX_TEXT = 2000
_SEE_ALL = frozenset({Role.CUSTODIAN, Role.MANAGER, Role.ADMINISTRATOR})


@dataclass
class Today:
    """The custodian's day: what to hand out, collect, chase, and what waits for a decision."""

    to_hand_out: list[dict] = field(default_factory=list)  # approved, not yet out
    to_collect: list[dict] = field(default_factory=list)  # out, due soon (today included)
    overdue: list[dict] = field(default_factory=list)
    waiting: list[dict] = field(default_factory=list)  # requested, or a renewal asked
    ready: list[dict] = field(default_factory=list)  # reservations whose item is back

    def to_json(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Scan:
    """What a scanned item number found, and what the custodian would do next with it."""

    item: dict
    action: str | None  # "checkout", "return" or None (nothing to do)
    loan: dict | None  # the loan that action applies to
    open_loans: list[dict] = field(default_factory=list)
    message: str = ""

    def to_json(self) -> dict:
        return dict(self.__dict__)


def _date(value, name: str) -> dt.date:
    """A date as the domain reads dates (2026-12-05, 2026/12/5, 2026年12月5日, …)."""
    try:
        return validation.parse_date(value)
    except validation.ValidationError as exc:
        raise errors.ValidationError(
            "{name}: {message}.", name=name, message=exc.message, fields={name: exc.code}
        ) from None


@overload
def _text(value, name: str, *, required: Literal[True] = True) -> str: ...
@overload
def _text(value, name: str, *, required: bool) -> str | None: ...


def _text(value, name: str, *, required: bool = True) -> str | None:
    text = (value or "").strip() if isinstance(value, str) or value is None else str(value).strip()
    if not text:
        if required:
            raise errors.ValidationError("{name}: required.", name=name, fields={name: "required"})
        return None
    if len(text) > MAX_TEXT:
        raise errors.ValidationError(
            "{name}: longer than {MAX_TEXT} characters.",
            name=name,
            MAX_TEXT=MAX_TEXT,
            fields={name: "too long"},
        )
    return text


def _existing(row: dict | None) -> dict:
    """A row that must be there: items and reservations are never deleted, and a loan's
    item is a foreign key."""
    assert row is not None
    return row


_E = TypeVar("_E", bound=Enum)


def _enum(enum: type[_E], value, name: str) -> _E:
    try:
        return enum(value)
    except ValueError:
        choices = ", ".join(e.value for e in enum)
        raise errors.ValidationError(
            "{name}: {value!r} is not one of {choices}.",
            name=name,
            value=value,
            choices=choices,
            fields={name: "not allowed"},
        ) from None


def _rule_error(exc: rules.LoanRuleError) -> errors.ArchiveError:
    if exc.code == "dates":
        return errors.ValidationError(exc.message, fields={"dates": exc.message})
    return errors.ConflictError(exc.message, code=exc.code)


class LoanService:
    """The register as ``actor`` may see and use it."""

    def __init__(self, archive: Archive, actor: Actor | str, *, today=None) -> None:
        self.archive = archive
        self.actor = as_actor(actor)
        self.user = self.actor.user_name
        self._today = today or dt.date.today

    def today(self) -> dt.date:
        return self._today()

    # ------------------------------------------------------------------ visibility
    def _sees_all(self, conn) -> bool:
        return self.actor.role in _SEE_ALL or single_user(conn)

    def _item_where(self, conn) -> tuple[str, tuple]:
        if self._sees_all(conn):
            return "1", ()
        vis, params = visibility.where(permissions.visibility(self.actor, now_iso()), alias="c")
        return f"(i.customer_id IS NULL OR {vis})", params

    def _loan_where(self, conn) -> tuple[str, tuple]:
        if self._sees_all(conn):
            return "1", ()
        vis, params = visibility.where(permissions.visibility(self.actor, now_iso()), alias="c")
        return (
            f"(l.requested_by = ? COLLATE NOCASE OR l.borrower = ? COLLATE NOCASE "
            f"OR i.customer_id IS NOT NULL AND {vis})",
            (self.user, self.user, *params),
        )

    def _may_see_item(self, conn, item: dict) -> bool:
        where, params = self._item_where(conn)
        return (
            conn.execute(
                f"SELECT 1 FROM items i LEFT JOIN customers c ON c.id = i.customer_id "
                f"WHERE i.id = ? AND {where}",
                (item["id"], *params),
            ).fetchone()
            is not None
        )

    def _may_see_loan(self, conn, loan_id: int) -> bool:
        where, params = self._loan_where(conn)
        return (
            conn.execute(
                f"SELECT 1 FROM loans l JOIN items i ON i.id = l.item_id "
                f"LEFT JOIN customers c ON c.id = i.customer_id WHERE l.id = ? AND {where}",
                (loan_id, *params),
            ).fetchone()
            is not None
        )

    def _item(self, conn, item_id: int) -> dict:
        item = repo.get_item(conn, item_id)
        if item is None:
            raise errors.NotFound("No item with id {item_id}.", item_id=item_id, id=item_id)
        if not self._may_see_item(conn, item):
            raise errors.PermissionDenied(
                "Item {item_no} belongs to a customer outside what you may see.",
                item_no=item["item_no"],
                id=item_id,
            )
        return item

    def _loan(self, conn, loan_id: int) -> dict:
        loan = repo.get_loan(conn, loan_id)
        if loan is None or not self._may_see_loan(conn, loan_id):
            # Someone else's loan of a customer one does not see is as good as absent.
            raise errors.NotFound("No loan #{loan_id}.", loan_id=loan_id, id=loan_id)
        return loan

    def _involved(self, loan: dict) -> bool:
        return self.actor.is_(loan["requested_by"]) or self.actor.is_(loan["borrower"])

    def _require_register(self) -> None:
        permissions.require(self.actor, Action.MANAGE_REGISTER)

    def _audit(self, conn, action: str, target_type: str, target_id: int, **details) -> None:
        audit.append(
            conn,
            user_name=self.user,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            details={k: v for k, v in details.items() if v is not None},
        )

    def _decorate(self, loan: dict) -> dict:
        today = self.today()
        due = dt.date.fromisoformat(loan["due"])
        loan["overdue"] = rules.is_overdue(loan["state"], due, today)
        loan["due_soon"] = rules.is_due_soon(loan["state"], due, today)
        loan["days_overdue"] = (today - due).days if loan["overdue"] else 0
        return loan

    # ------------------------------------------------------------------ items
    def add_item(
        self,
        item_no: str,
        kind: str,
        description: str,
        *,
        value_class: str = "ordinary",
        customer_id: int | None = None,
        shelf_location: str | None = None,
        custodian: str | None = None,
        note: str | None = None,
        state: str | None = None,
    ) -> int:
        """Register an item. A customer's material starts with its owner unless ``state``
        says it is already in store (``available``)."""
        self._require_register()
        kind = _enum(ItemKind, kind, "kind")
        values: dict[str, Any] = {
            "item_no": _text(item_no, "item_no"),
            "kind": kind.value,
            "description": _text(description, "description"),
            "value_class": _enum(ValueClass, value_class, "value_class").value,
            "shelf_location": _text(shelf_location, "shelf_location", required=False),
            "custodian": _text(custodian, "custodian", required=False),
            "note": _text(note, "note", required=False),
            "customer_id": customer_id,
        }
        default = (
            ItemState.WITH_OWNER if kind is ItemKind.CUSTOMER_MATERIAL else ItemState.AVAILABLE
        )
        values["state"] = _enum(ItemState, state or default, "state").value
        if values["state"] not in (ItemState.AVAILABLE, ItemState.WITH_OWNER):
            raise errors.ValidationError(
                "A new item is in store or with its owner.", fields={"state": "not allowed"}
            )
        now = now_iso()
        with self.archive.write() as conn:
            if (
                customer_id is not None
                and conn.execute("SELECT 1 FROM customers WHERE id = ?", (customer_id,)).fetchone()
                is None
            ):
                raise errors.NotFound(
                    "No customer with id {customer_id}.", customer_id=customer_id, id=customer_id
                )
            if repo.find_item(conn, values["item_no"]) is not None:
                raise errors.ValidationError(
                    "Item number {item_no} is already used.",
                    item_no=values["item_no"],
                    fields={"item_no": "already used"},
                )
            self._check_custodian(conn, values["custodian"])
            item_id = repo.insert_item(conn, values, by=self.user, now=now)
            self._audit(
                conn,
                "item_add",
                "item",
                item_id,
                item_no=values["item_no"],
                kind=kind.value,
                value_class=values["value_class"],
                customer=customer_id,
            )
        return item_id

    @staticmethod
    def _check_custodian(conn, custodian: str | None) -> None:
        if (
            custodian
            and conn.execute(
                "SELECT 1 FROM users WHERE user_name = ? AND active = 1", (custodian,)
            ).fetchone()
            is None
        ):
            raise errors.ValidationError(
                "custodian: no active user {custodian}.",
                custodian=custodian,
                fields={"custodian": "no such user"},
            )

    def edit_item(self, item_id: int, version: int, **changes) -> int:
        """Change an item's description, value class, shelf or custodian; returns the new version."""
        self._require_register()
        allowed = {"description", "value_class", "shelf_location", "custodian", "note"}
        unknown = set(changes) - allowed
        if unknown:
            raise errors.ValidationError(
                "Cannot change {fields_named} of an item.", fields_named=", ".join(sorted(unknown))
            )
        clean: dict[str, Any] = {}
        for k, v in changes.items():
            if k == "value_class":
                clean[k] = _enum(ValueClass, v, k).value
            else:
                clean[k] = _text(v, k, required=(k == "description"))
        with self.archive.write() as conn:
            item = self._item(conn, item_id)
            self._check_custodian(conn, clean.get("custodian"))
            if not repo.update_item(conn, item_id, version, clean, now=now_iso()):
                raise errors.ConflictError(
                    "Item {item_no} was changed by someone else meanwhile.",
                    item_no=item["item_no"],
                    id=item_id,
                    current_version=item["version"],
                )
            self._audit(
                conn,
                "item_change",
                "item",
                item_id,
                item_no=item["item_no"],
                changes={k: [item.get(k), v] for k, v in clean.items()},
            )
        return version + 1

    def restore_item(self, item_id: int, note: str | None = None) -> dict:
        """A lost item found again, or a damaged one repaired: back in store."""
        self._require_register()
        with self.archive.write() as conn:
            item = self._item(conn, item_id)
            if item["state"] not in (ItemState.LOST, ItemState.DAMAGED):
                raise errors.ConflictError(
                    "Item {item_no} is {state}, not lost or damaged.",
                    item_no=item["item_no"],
                    state=item["state"],
                )
            action = "item_found" if item["state"] == ItemState.LOST else "item_repaired"
            if not repo.update_item(
                conn, item_id, item["version"], {"state": ItemState.AVAILABLE.value}, now=now_iso()
            ):
                raise errors.ConflictError(
                    "Item {item_no} was changed by someone else meanwhile.", item_no=item["item_no"]
                )
            self._audit(conn, action, "item", item_id, item_no=item["item_no"], note=note)
            ready = self._promote(conn, item_id)
        return {"item": self.get_item(item_id), "next_in_queue": ready}

    def get_item(self, item_id: int) -> dict:
        return self._item(self.archive.conn, item_id)

    def find_item(self, item_no: str) -> dict:
        """The item with this number (as a label or a scanner gives it)."""
        conn = self.archive.conn
        item = repo.find_item(conn, item_no or "")
        if item is None:
            raise errors.NotFound(
                "No item numbered {number!r}.", number=(item_no or "").strip(), item_no=item_no
            )
        return self._item(conn, item["id"])

    def list_items(
        self,
        *,
        kind: str | None = None,
        state: str | None = None,
        customer_id: int | None = None,
        text: str | None = None,
        limit: int = 1000,
        offset: int = 0,
    ) -> list[dict]:
        conn = self.archive.conn
        where, params = self._item_where(conn)
        parts, args = [where], list(params)
        if kind:
            parts.append("i.kind = ?")
            args.append(_enum(ItemKind, kind, "kind").value)
        if state:
            parts.append("i.state = ?")
            args.append(_enum(ItemState, state, "state").value)
        if customer_id is not None:
            parts.append("i.customer_id = ?")
            args.append(customer_id)
        if text:
            parts.append("(i.item_no LIKE ? OR i.description LIKE ? OR c.name LIKE ?)")
            args += [f"%{text.strip()}%"] * 3
        return repo.items(conn, " AND ".join(parts), tuple(args), limit=limit, offset=offset)

    # ------------------------------------------------------------------ requests
    def _needs_approval(self, conn, item: dict) -> bool:
        """Nobody approves what the asker could approve anyway (a manager's, or a custodian's
        for an ordinary item); a single-user archive has nobody to ask."""
        if single_user(conn):
            return False
        return not rules.may_approve(
            self.actor,
            requester="",
            value_class=item["value_class"],
            item_custodian=item["custodian"],
            customer_region=item["customer_region"],
            user_count=1,
        )

    def request(
        self,
        item_id: int,
        *,
        borrower: str | None = None,
        purpose: str,
        wanted_from=None,
        wanted_until,
        borrower_kind: str = "colleague",
        direction: str = "lent_out",
        note: str | None = None,
    ) -> dict:
        """Ask to borrow (or to take into custody) an item. Returns the loan: ``approved``
        when nobody has to approve it, else ``requested`` with its ``approval_id``."""
        permissions.require(self.actor, Action.REQUEST_LOAN)
        today = self.today()
        start = _date(wanted_from, "wanted_from") if wanted_from else today
        until = _date(wanted_until, "wanted_until")
        borrower = _text(borrower, "borrower", required=False) or self.user
        purpose = _text(purpose, "purpose")
        kind = _enum(rules.BorrowerKind, borrower_kind, "borrower_kind")
        direction = _enum(Direction, direction, "direction")
        note = _text(note, "note", required=False)
        try:
            rules.check_dates(start, until, today)
        except rules.LoanRuleError as exc:
            raise _rule_error(exc) from None
        now = now_iso()
        with self.archive.write() as conn:
            item = self._item(conn, item_id)
            if direction is Direction.TAKEN_IN and item["kind"] != ItemKind.CUSTOMER_MATERIAL:
                raise errors.ValidationError(
                    "Only a customer's material is taken into custody.",
                    fields={"direction": "not for this item"},
                )
            if item["state"] == ItemState.LOST:
                raise errors.ConflictError(
                    "Item {item_no} is marked lost.", item_no=item["item_no"], code="item_state"
                )
            values = {
                "item_id": item_id,
                "direction": direction.value,
                "borrower": borrower,
                "borrower_kind": kind.value,
                "purpose": purpose,
                "wanted_from": start.isoformat(),
                "wanted_until": until.isoformat(),
                "due": until.isoformat(),
                "requested_by": self.user,
                "requested_at": now,
                "note": note,
            }
            mine = next(
                (
                    r
                    for r in repo.queue(conn, item_id)
                    if r["loan_id"] is None
                    and permissions.nocase(r["borrower"]) == permissions.nocase(borrower)
                ),
                None,
            )
            if mine is not None:
                values["reservation_id"] = mine["id"]
            direct = not self._needs_approval(conn, item)
            if direct:
                values.update(state=LoanState.APPROVED.value, decided_by=self.user, decided_at=now)
            loan_id = repo.insert_loan(conn, values, now=now)
            if mine is not None:
                repo.set_reservation(conn, mine["id"], loan_id=loan_id)
            self._audit(
                conn,
                "loan_request",
                "loan",
                loan_id,
                item_no=item["item_no"],
                borrower=borrower,
                purpose=purpose,
                wanted_from=values["wanted_from"],
                wanted_until=values["wanted_until"],
                direction=direction.value,
                approved=direct or None,
            )
            if not direct:
                approval_id = ApprovalService(self.archive, self.actor).request(
                    "loan",
                    {
                        "loan_id": loan_id,
                        "item_no": item["item_no"],
                        "item": item["description"],
                        "value_class": item["value_class"],
                        "borrower": borrower,
                        "purpose": purpose,
                        "direction": direction.value,
                        "wanted_from": values["wanted_from"],
                        "wanted_until": values["wanted_until"],
                    },
                    purpose,
                    target_type="loan",
                    target_id=loan_id,
                    conn=conn,
                )
                conn.execute(
                    "UPDATE loans SET approval_id = ? WHERE id = ?", (approval_id, loan_id)
                )
        return self.get(loan_id)

    def _pending(self, conn, loan_id: int) -> int:
        pending = repo.pending_approval(conn, loan_id)
        if pending is None:
            raise errors.ConflictError(
                "Loan #{loan_id} has no request waiting for a decision.",
                loan_id=loan_id,
                id=loan_id,
            )
        return pending[0]

    def approve(self, loan_id: int, note: str | None = None) -> dict:
        """Approve the request (or renewal) that waits for this loan, through the approvals."""
        conn = self.archive.conn
        self._loan(conn, loan_id)
        ApprovalService(self.archive, self.actor).approve(self._pending(conn, loan_id), note)
        return self.get(loan_id)

    def reject(self, loan_id: int, note: str) -> dict:
        conn = self.archive.conn
        self._loan(conn, loan_id)
        ApprovalService(self.archive, self.actor).reject(self._pending(conn, loan_id), note)
        return self.get(loan_id)

    def cancel(self, loan_id: int, reason: str | None = None) -> dict:
        """Withdraw a request or an approved loan not yet handed out: the asker, the borrower,
        the custodian or a manager."""
        now = now_iso()
        with self.archive.write() as conn:
            loan = self._loan(conn, loan_id)
            if not (
                self._involved(loan)
                or permissions.allowed(self.actor, Action.MANAGE_REGISTER)
                or self.actor.role in (Role.MANAGER, Role.ADMINISTRATOR)
            ):
                raise errors.PermissionDenied(
                    "Only the asker, the borrower, the custodian or a manager can cancel a loan."
                )
            self._move(
                conn,
                loan,
                LoanAction.CANCEL,
                {"note": _text(reason, "reason", required=False) or loan["note"]},
                now,
            )
            conn.execute(
                "UPDATE approvals SET state = 'cancelled', decided_by = ?, decided_at = ?, "
                "decision_note = ?, version = version + 1 WHERE target_type = 'loan' "
                "AND target_id = ? AND state = 'pending'",
                (self.user, now, reason, loan_id),
            )
            self._audit(
                conn, "loan_cancel", "loan", loan_id, item_no=loan["item_no"], reason=reason
            )
            _release_reservation(conn, loan, self.user)
        return self.get(loan_id)

    def _move(
        self,
        conn,
        loan: dict,
        action: LoanAction,
        changes: dict,
        now: str,
        version: int | None = None,
    ) -> LoanState:
        """Move ``loan`` on by ``action`` at the version read (or the one the user saw)."""
        try:
            new = rules.next_state(loan["state"], action)
        except rules.LoanRuleError as exc:
            raise _rule_error(exc) from None
        if version is not None and version != loan["version"]:
            raise errors.ConflictError(
                "Loan #{id} was changed by someone else meanwhile.",
                id=loan["id"],
                current_version=loan["version"],
                your_version=version,
            )
        if not repo.update_loan(
            conn,
            loan["id"],
            loan["version"],
            loan["state"],
            {"state": new.value, **changes},
            now=now,
        ):
            raise errors.ConflictError(
                "Loan #{id} was changed by someone else meanwhile.", id=loan["id"]
            )
        return new

    def _move_item(self, conn, loan: dict, action: LoanAction, now: str) -> None:
        new = rules.item_state_after(loan["direction"], action)
        if new is None:
            return
        item = _existing(repo.get_item(conn, loan["item_id"]))
        ok = repo.update_item(conn, item["id"], item["version"], {"state": new.value}, now=now)
        if not ok:
            raise errors.ConflictError(
                "Item {item_no} was changed by someone else meanwhile.", item_no=item["item_no"]
            )

    # ------------------------------------------------------------------ the custodian's desk
    def checkout(
        self, loan_id: int, condition: str | None = None, *, version: int | None = None
    ) -> dict:
        """Hand the item out (or receive a customer's material into custody), noting its condition:
        what it was like when it left is what a return is checked against, so it is required."""
        self._require_register()
        if _text(condition, "condition", required=False) is None:
            raise errors.ValidationError(
                "Say what condition the item leaves in (e.g. 'as new').",
                fields={"condition": "required"},
            )
        now = now_iso()
        with self.archive.write() as conn:
            loan = self._loan(conn, loan_id)
            item = _existing(repo.get_item(conn, loan["item_id"]))
            if loan["state"] == LoanState.APPROVED:
                try:
                    rules.check_checkout(loan["direction"], item["state"])
                except rules.LoanRuleError as exc:
                    out = self._holder(conn, item["id"])
                    raise errors.ConflictError(
                        "{problem} (loan #{loan_id}, {borrower})" if out else "{problem}",
                        problem=exc.message,
                        loan_id=out["id"] if out else None,
                        borrower=out["borrower"] if out else None,
                        code="item_state",
                        item_no=item["item_no"],
                    ) from None
                first = repo.ready_reservation(conn, item["id"])
                if (
                    loan["direction"] == Direction.LENT_OUT
                    and first is not None
                    and first["id"] != loan["reservation_id"]
                ):
                    raise errors.ConflictError(
                        "{borrower} is first in the queue for item {item_no} (reservation #{id}).",
                        borrower=first["borrower"],
                        id=first["id"],
                        code="queue",
                        item_no=item["item_no"],
                    )
            try:
                self._move(
                    conn,
                    loan,
                    LoanAction.CHECKOUT,
                    {
                        "handed_out_by": self.user,
                        "handed_out_at": now,
                        "condition_out": _text(condition, "condition", required=False),
                    },
                    now,
                    version,
                )
            except errors.RuleRefused:
                # The database's own rule (loans_one_out): another hand-out got there first.
                raise errors.ConflictError(
                    "Item {item_no} is already out.",
                    code="item_state",
                    item_no=item["item_no"],
                ) from None
            self._move_item(conn, loan, LoanAction.CHECKOUT, now)
            if loan["reservation_id"] is not None:
                repo.set_reservation(conn, loan["reservation_id"], state="fulfilled")
            self._audit(
                conn,
                "loan_checkout",
                "loan",
                loan_id,
                item_no=item["item_no"],
                borrower=loan["borrower"],
                due=loan["due"],
                condition=condition,
            )
        return self.get(loan_id)

    def _holder(self, conn, item_id: int) -> dict | None:
        rows = repo.loans(conn, "l.item_id = ? AND l.state = 'out'", (item_id,), limit=1)
        return rows[0] if rows else None

    def return_(
        self,
        loan_id: int,
        condition: str | None = None,
        *,
        received_by: str | None = None,
        damaged: bool = False,
        version: int | None = None,
    ) -> dict:
        """Take the item back (or give a customer's material back), checking its condition.
        Returns {"loan": …, "next_in_queue": the reservation that is now first, or None}."""
        return self._end(
            loan_id,
            LoanAction.DAMAGED if damaged else LoanAction.RETURN,
            condition,
            received_by=received_by,
            version=version,
        )

    def mark_lost(self, loan_id: int, note: str | None = None) -> dict:
        return self._end(loan_id, LoanAction.LOST, note)

    def mark_damaged(
        self, loan_id: int, condition: str | None = None, *, received_by: str | None = None
    ) -> dict:
        return self._end(loan_id, LoanAction.DAMAGED, condition, received_by=received_by)

    def _end(
        self,
        loan_id: int,
        action: LoanAction,
        condition: str | None,
        *,
        received_by: str | None = None,
        version: int | None = None,
    ) -> dict:
        self._require_register()
        now = now_iso()
        condition = _text(condition, "condition", required=False)
        if action is LoanAction.DAMAGED and not condition:
            raise errors.ValidationError("Say what is damaged.", fields={"condition": "required"})
        with self.archive.write() as conn:
            loan = self._loan(conn, loan_id)
            item = _existing(repo.get_item(conn, loan["item_id"]))
            if loan["state"] == LoanState.OUT and action is not LoanAction.LOST:
                try:
                    rules.check_return(loan["direction"], item["state"])
                except rules.LoanRuleError as exc:
                    raise _rule_error(exc) from None
            changes = {"returned_at": now, "condition_in": condition}
            if action is LoanAction.LOST:
                changes = {"note": "\n".join(x for x in (loan["note"], condition) if x) or None}
            else:
                changes["received_by"] = (
                    _text(received_by, "received_by", required=False) or self.user
                )
            self._move(conn, loan, action, changes, now, version)
            self._move_item(conn, loan, action, now)
            self._audit(
                conn,
                f"loan_{'return' if action is LoanAction.RETURN else action.value}",
                "loan",
                loan_id,
                item_no=item["item_no"],
                borrower=loan["borrower"],
                condition=condition,
                late_days=max(0, (self.today() - dt.date.fromisoformat(loan["due"])).days) or None,
            )
            ready = self._promote(conn, item["id"])
        return {"loan": self.get(loan_id), "next_in_queue": ready}

    def _promote(self, conn, item_id: int) -> dict | None:
        """When the item is back in store, the first in its queue is told it is ready."""
        return _promote(conn, item_id, self.user)

    # ------------------------------------------------------------------ renewals
    def renew(self, loan_id: int, new_due, reason: str) -> dict:
        """Ask to keep the item longer. Applied at once when the asker could approve it, else a
        request of kind ``loan_renewal``. Returns {"loan", "approval_id", "applied"}."""
        new_due = _date(new_due, "new_due")
        reason = _text(reason, "reason")
        with self.archive.write() as conn:
            loan = self._loan(conn, loan_id)
            if not (
                self._involved(loan)
                or permissions.allowed(self.actor, Action.MANAGE_REGISTER)
                or self.actor.role in (Role.MANAGER, Role.ADMINISTRATOR)
            ):
                raise errors.PermissionDenied(
                    "Only the borrower, the asker, the custodian or a manager can renew a loan."
                )
            try:
                rules.next_state(loan["state"], LoanAction.RENEW)
                rules.check_renewal(
                    dt.date.fromisoformat(loan["due"]),
                    new_due,
                    dt.date.fromisoformat(loan["wanted_from"]),
                )
            except rules.LoanRuleError as exc:
                raise _rule_error(exc) from None
            if repo.pending_approval(conn, loan_id) is not None:
                raise errors.ConflictError(
                    "A renewal of loan #{loan_id} already waits for a decision.", loan_id=loan_id
                )
            item = _existing(repo.get_item(conn, loan["item_id"]))
            item["customer_region"] = loan["customer_region"]
            if self._needs_approval(conn, item):
                approval_id = ApprovalService(self.archive, self.actor).request(
                    "loan_renewal",
                    {
                        "loan_id": loan_id,
                        "item_no": loan["item_no"],
                        "borrower": loan["borrower"],
                        "due": loan["due"],
                        "new_due": new_due.isoformat(),
                    },
                    reason,
                    target_type="loan",
                    target_id=loan_id,
                    conn=conn,
                )
                applied = False
            else:
                _apply_renewal(conn, loan_id, new_due.isoformat(), None, self.user)
                approval_id, applied = None, True
        return {"loan": self.get(loan_id), "approval_id": approval_id, "applied": applied}

    # ------------------------------------------------------------------ reservations
    def reserve(
        self,
        item_id: int,
        *,
        borrower: str | None = None,
        purpose: str,
        wanted_until=None,
        borrower_kind: str = "colleague",
    ) -> dict:
        """Queue for an item that is out; when it comes back the first in line is told."""
        permissions.require(self.actor, Action.REQUEST_LOAN)
        borrower = _text(borrower, "borrower", required=False) or self.user
        values = {
            "item_id": item_id,
            "borrower": borrower,
            "purpose": _text(purpose, "purpose"),
            "borrower_kind": _enum(rules.BorrowerKind, borrower_kind, "borrower_kind").value,
            "wanted_until": _date(wanted_until, "wanted_until").isoformat()
            if wanted_until
            else None,
        }
        with self.archive.write() as conn:
            item = self._item(conn, item_id)
            if item["state"] != ItemState.OUT:
                raise errors.ConflictError(
                    "Item {item_no} is not out: request it instead of queueing for it.",
                    item_no=item["item_no"],
                    code="item_state",
                )
            if any(
                permissions.nocase(r["borrower"]) == permissions.nocase(borrower)
                for r in repo.queue(conn, item_id)
            ):
                raise errors.ConflictError(
                    "{borrower} is already in the queue for {item_no}.",
                    borrower=borrower,
                    item_no=item["item_no"],
                )
            reservation_id = repo.insert_reservation(conn, values, by=self.user, now=now_iso())
            self._audit(
                conn,
                "reservation_add",
                "item",
                item_id,
                item_no=item["item_no"],
                borrower=borrower,
                reservation=reservation_id,
            )
        return _existing(repo.get_reservation(self.archive.conn, reservation_id))

    def cancel_reservation(self, reservation_id: int) -> dict:
        with self.archive.write() as conn:
            r = repo.get_reservation(conn, reservation_id)
            if r is None:
                raise errors.NotFound(
                    "No reservation #{reservation_id}.", reservation_id=reservation_id
                )
            item = self._item(conn, r["item_id"])
            if not (
                self.actor.is_(r["created_by"])
                or self.actor.is_(r["borrower"])
                or permissions.allowed(self.actor, Action.MANAGE_REGISTER)
                or self.actor.role in (Role.MANAGER, Role.ADMINISTRATOR)
            ):
                raise errors.PermissionDenied(
                    "Only who queued, the custodian or a manager can cancel this."
                )
            if r["state"] not in ("waiting", "ready"):
                raise errors.ConflictError(
                    "Reservation #{reservation_id} is already {state}.",
                    reservation_id=reservation_id,
                    state=r["state"],
                )
            repo.set_reservation(conn, reservation_id, state="cancelled")
            self._audit(
                conn,
                "reservation_cancel",
                "item",
                item["id"],
                item_no=item["item_no"],
                reservation=reservation_id,
            )
            self._promote(conn, item["id"])
        return _existing(repo.get_reservation(self.archive.conn, reservation_id))

    def queue(self, item_id: int) -> list[dict]:
        conn = self.archive.conn
        self._item(conn, item_id)
        return repo.queue(conn, item_id)

    # ------------------------------------------------------------------ outputs
    def audit_export(self, path: str, rows: int, filters: dict) -> None:
        """Exports are logged (docs/architecture.md, The audit chain): where to, how many rows, with
        which filters."""
        with self.archive.write() as conn:
            audit.append(
                conn,
                user_name=self.user,
                action="export",
                target_type="loans",
                details={"file": path, "rows": rows, "filters": filters},
            )

    def audit_print(
        self, what: str, item_nos: list[str], path: str, *, loan_id: int | None = None
    ) -> None:
        with self.archive.write() as conn:
            audit.append(
                conn,
                user_name=self.user,
                action="print",
                target_type="loan" if loan_id else "items",
                target_id=None if loan_id is None else str(loan_id),
                details={
                    "what": what,
                    "file": path,
                    "items": item_nos[:50],
                    "count": len(item_nos),
                },
            )

    # ------------------------------------------------------------------ reading
    def get(self, loan_id: int) -> dict:
        conn = self.archive.conn
        loan = self._decorate(self._loan(conn, loan_id))
        loan["renewals"] = repo.renewals(conn, loan_id)
        pending = repo.pending_approval(conn, loan_id)
        loan["pending_approval"] = {"id": pending[0], "kind": pending[1]} if pending else None
        return loan

    def list(
        self,
        *,
        state: str | None = None,
        overdue: bool = False,
        due_soon: bool = False,
        item_id: int | None = None,
        customer_id: int | None = None,
        borrower: str | None = None,
        direction: str | None = None,
        text: str | None = None,
        open_only: bool = False,
        limit: int = 1000,
    ) -> list[dict]:
        """The register, newest first, with these filters (all optional, combined with AND)."""
        conn = self.archive.conn
        where, params = self._loan_where(conn)
        parts, args = [where], list(params)
        today = self.today()
        order = "l.requested_at DESC, l.id DESC"
        if state:
            parts.append("l.state = ?")
            args.append(_enum(LoanState, state, "state").value)
        if open_only:
            parts.append("l.state IN ('requested', 'approved', 'out')")
        if overdue:
            parts.append("l.state = 'out' AND l.due < ?")
            args.append(today.isoformat())
            order = "l.due, l.id"
        if due_soon:
            parts.append("l.state = 'out' AND l.due BETWEEN ? AND ?")
            args += [today.isoformat(), rules.due_soon_until(today).isoformat()]
            order = "l.due, l.id"
        if item_id is not None:
            parts.append("l.item_id = ?")
            args.append(item_id)
        if customer_id is not None:
            parts.append("i.customer_id = ?")
            args.append(customer_id)
        if borrower:
            parts.append("l.borrower = ? COLLATE NOCASE")
            args.append(borrower.strip())
        if direction:
            parts.append("l.direction = ?")
            args.append(_enum(Direction, direction, "direction").value)
        if text:
            parts.append(
                "(i.item_no LIKE ? OR i.description LIKE ? OR l.borrower LIKE ? "
                "OR l.purpose LIKE ? OR c.name LIKE ?)"
            )
            args += [f"%{text.strip()}%"] * 5
        return [
            self._decorate(r)
            for r in repo.loans(conn, " AND ".join(parts), tuple(args), order=order, limit=limit)
        ]

    def register_of_item(self, item_id: int) -> builtins.list[dict]:
        self._item(self.archive.conn, item_id)
        return self.list(item_id=item_id)

    def register_of_customer(self, customer_id: int) -> builtins.list[dict]:
        return self.list(customer_id=customer_id)

    def register_of_borrower(self, borrower: str) -> builtins.list[dict]:
        return self.list(borrower=borrower)

    def today_view(self) -> Today:
        conn = self.archive.conn
        where, params = self._loan_where(conn)
        t = Today()
        t.to_hand_out = [
            self._decorate(r)
            for r in repo.loans(
                conn, f"{where} AND l.state = 'approved'", params, order="l.wanted_from, l.id"
            )
        ]
        t.to_collect = self.list(due_soon=True)
        t.overdue = self.list(overdue=True)
        t.waiting = [
            self._decorate(r)
            for r in repo.loans(
                conn,
                f"{where} AND (l.state = 'requested' OR l.id IN (SELECT target_id FROM approvals "
                "WHERE target_type = 'loan' AND kind = 'loan_renewal' AND state = 'pending'))",
                params,
                order="l.requested_at, l.id",
            )
        ]
        for loan in t.waiting:
            pending = repo.pending_approval(conn, loan["id"])
            loan["pending_approval"] = {"id": pending[0], "kind": pending[1]} if pending else None
        item_where, item_params = self._item_where(conn)
        t.ready = repo._dicts(
            conn.execute(
                "SELECT r.id, r.item_id, r.borrower, r.purpose, r.ready_at, r.loan_id, i.item_no, "
                "i.description AS item_description FROM reservations r JOIN items i ON i.id = r.item_id "
                f"LEFT JOIN customers c ON c.id = i.customer_id WHERE r.state = 'ready' AND {item_where} "
                "ORDER BY r.ready_at, r.id",
                item_params,
            )
        )
        return t

    def scan(self, item_no: str) -> Scan:
        """What to do with a scanned item: give back what is out, hand out what is approved."""
        item = self.find_item(item_no)
        open_loans = self.list(item_id=item["id"], open_only=True)
        out = [loan for loan in open_loans if loan["state"] == LoanState.OUT]
        approved = sorted(
            (loan for loan in open_loans if loan["state"] == LoanState.APPROVED),
            key=lambda loan: (loan["reservation_id"] is None, loan["wanted_from"], loan["id"]),
        )
        lent = next((loan for loan in out if loan["direction"] == Direction.LENT_OUT), None)
        if item["state"] == ItemState.OUT and lent is not None:
            since = (lent["handed_out_at"] or "")[:10]
            return Scan(
                item,
                "return",
                lent,
                open_loans,
                f"Out to {lent['borrower']} since {since}, due {lent['due']}.",
            )
        ready_to_give = [
            loan
            for loan in approved
            if rules.CHECKOUT_FROM[Direction(loan["direction"])] == item["state"]
        ]
        if ready_to_give:
            loan = ready_to_give[0]
            return Scan(
                item,
                "checkout",
                loan,
                open_loans,
                f"Approved for {loan['borrower']}, {loan['wanted_from']} to {loan['due']}.",
            )
        held = [loan for loan in out if loan["direction"] == Direction.TAKEN_IN]
        if held and item["state"] == ItemState.AVAILABLE:
            return Scan(
                item,
                "return",
                held[0],
                open_loans,
                f"Held for its owner {held[0]['borrower']}, to give back by {held[0]['due']}.",
            )
        return Scan(
            item, None, None, open_loans, f"Item is {item['state']}; no approved loan to hand out."
        )


# ------------------------------------------------------------------ shared by service and appliers
def _promote(conn, item_id: int, by: str) -> dict | None:
    item = repo.get_item(conn, item_id)
    if (
        item is None
        or item["state"] != ItemState.AVAILABLE
        or repo.ready_reservation(conn, item_id)
    ):
        return repo.ready_reservation(conn, item_id) if item else None
    waiting = [r for r in repo.queue(conn, item_id) if r["state"] == "waiting"]
    if not waiting:
        return None
    first = waiting[0]
    repo.set_reservation(conn, first["id"], state="ready", ready_at=now_iso())
    audit.append(
        conn,
        user_name=by,
        action="reservation_ready",
        target_type="item",
        target_id=str(item_id),
        details={
            "item_no": item["item_no"],
            "borrower": first["borrower"],
            "reservation": first["id"],
        },
    )
    return repo.get_reservation(conn, first["id"])


def _release_reservation(conn, loan: dict, by: str) -> None:
    """A loan made from a queue place that will never go out gives the place up."""
    if loan["reservation_id"] is None:
        return
    r = repo.get_reservation(conn, loan["reservation_id"])
    if r and r["state"] in ("waiting", "ready"):
        repo.set_reservation(conn, r["id"], state="cancelled")
        _promote(conn, loan["item_id"], by)


def _apply_renewal(conn, loan_id: int, new_due: str, approval_id: int | None, by: str) -> None:
    loan = repo.get_loan(conn, loan_id)
    if loan is None or loan["state"] != LoanState.OUT:
        raise errors.ConflictError(
            "Loan #{loan_id} is no longer out; it cannot be renewed.", loan_id=loan_id
        )
    now = now_iso()
    if not repo.update_loan(
        conn, loan_id, loan["version"], LoanState.OUT.value, {"due": new_due}, now=now
    ):
        raise errors.ConflictError(
            "Loan #{loan_id} was changed by someone else meanwhile.", loan_id=loan_id
        )
    repo.add_renewal(conn, loan_id, loan["due"], new_due, approval_id, by, now)
    audit.append(
        conn,
        user_name=by,
        action="loan_renew",
        target_type="loan",
        target_id=str(loan_id),
        details={
            "item_no": loan["item_no"],
            "old_due": loan["due"],
            "new_due": new_due,
            "approval": approval_id,
        },
    )


# ------------------------------------------------------------------ the approvals' hooks
def _approved_loan(conn, approval, decider: Actor) -> None:
    loan = repo.get_loan(conn, approval.payload["loan_id"])
    if loan is None or loan["state"] != LoanState.REQUESTED:
        raise errors.ConflictError(
            "Loan #{loan_id} is no longer waiting.", loan_id=approval.payload["loan_id"]
        )
    now = now_iso()
    if not repo.update_loan(
        conn,
        loan["id"],
        loan["version"],
        LoanState.REQUESTED.value,
        {"state": LoanState.APPROVED.value, "decided_by": decider.user_name, "decided_at": now},
        now=now,
    ):
        raise errors.ConflictError(
            "Loan #{id} was changed by someone else meanwhile.", id=loan["id"]
        )


def _approved_renewal(conn, approval, decider: Actor) -> None:
    _apply_renewal(
        conn,
        approval.payload["loan_id"],
        approval.payload["new_due"],
        approval.id,
        approval.requested_by,
    )


def _decides(conn, approval, actor: Actor, user_count: int) -> bool:
    loan = repo.get_loan(conn, approval.payload.get("loan_id") or approval.target_id or 0)
    if loan is None:
        return permissions.can_approve(actor, "loan", approval.requested_by, user_count=user_count)
    return rules.may_approve(
        actor,
        requester=approval.requested_by,
        value_class=loan["value_class"],
        item_custodian=loan["custodian"],
        customer_region=loan["customer_region"],
        user_count=user_count,
    )


def _closed_loan(conn, approval, actor: Actor, state: str) -> None:
    loan = repo.get_loan(conn, approval.payload["loan_id"])
    if loan is None or loan["state"] != LoanState.REQUESTED:
        return
    new = LoanState.REJECTED if state == "rejected" else LoanState.CANCELLED
    now = now_iso()
    repo.update_loan(
        conn,
        loan["id"],
        loan["version"],
        LoanState.REQUESTED.value,
        {"state": new.value, "decided_by": actor.user_name, "decided_at": now},
        now=now,
    )
    _release_reservation(conn, loan, actor.user_name)


def approval_hooks() -> KindHooks:
    """The request kinds of the register, for the approvals (services/__init__.py)."""
    return KindHooks(
        appliers={"loan": _approved_loan, "loan_renewal": _approved_renewal},
        deciders={"loan": _decides, "loan_renewal": _decides},
        closers={"loan": _closed_loan},
    )
