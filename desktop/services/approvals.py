"""One approval mechanism for every request that needs a second person (docs/domain.md, Approvals).

A request holds exactly what would change (``payload``, JSON), who asked and why, and waits.
A manager approves or rejects it with a note; the approver is never the requester while the
archive has more than one user. On approval the change is applied in the same transaction
by the applier of its kind, so an approved request is never half applied. A kind may also
have a decider (who decides it: the register's rule depends on the item's value class, not
only on the role) and a closer (what happens to its subject when the request is rejected or
withdrawn, in the same transaction).

The services that own kinds supply them as ``KindHooks`` (``customers.approval_hooks()``,
``loans.approval_hooks()``), and ``desktop/services/__init__.py`` installs them, once, in one
place: this module imports none of them. An applier ``fn(conn, approval, decided_by) -> None``
raises an ArchiveError when the change can no longer be applied (the request is then marked
failed, with the reason, and nothing changes).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from typing import Callable

from .. import errors
from ..domain import permissions
from ..domain.permissions import Actor
from ..storage import accounts as accounts_store
from ..storage import approvals as store
from ..storage import audit
from ..storage import customers as customers_store
from ..storage.archive import Archive

Applier = Callable[[object, "Approval", Actor], None]
_APPLIERS: dict[str, Applier] = {}
Decider = Callable[[object, "Approval", Actor, int], bool]  # (conn, approval, actor, user count)
_DECIDERS: dict[str, Decider] = {}
Closer = Callable[[object, "Approval", Actor, str], None]  # (conn, approval, actor, new state)
_CLOSERS: dict[str, Closer] = {}

KIND_LABELS = {
    "edit": ("Change a customer card", "修改客户档案"),
    "delete": ("Delete a customer", "删除客户"),
    "status": ("Change a customer's status", "变更客户状态"),
    "tier": ("Change a customer's tier", "变更客户等级"),
    "reassign": ("Change the responsible person", "变更负责人"),
    "access": ("Access outside one's scope", "越权查阅"),
    "handover": ("Handover of a departing employee", "离职交接"),
    "export_full": ("Full export", "完整导出"),
    "loan": ("Borrow an archive item", "借阅档案"),
    "loan_renewal": ("Renew a loan", "续借"),
}


@dataclass(frozen=True)
class KindHooks:
    """What a service that owns request kinds supplies, by kind."""

    appliers: dict[str, Applier] = field(default_factory=dict)
    deciders: dict[str, Decider] = field(default_factory=dict)
    closers: dict[str, Closer] = field(default_factory=dict)


def install(*hooks: KindHooks) -> None:
    """Make the kinds' hooks the ones requests are applied, decided and closed with."""
    for h in hooks:
        _APPLIERS.update(h.appliers)
        _DECIDERS.update(h.deciders)
        _CLOSERS.update(h.closers)


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Approval:
    id: int
    kind: str
    target_type: str | None
    target_id: int | None
    payload: dict
    reason: str
    requested_by: str
    requested_at: str
    state: str
    decided_by: str | None
    decided_at: str | None
    decision_note: str | None

    def to_json(self) -> dict:
        return dict(self.__dict__)


def _row(row) -> Approval:
    values = list(row)
    values[4] = json.loads(values[4])
    return Approval(*values)


def user_count(conn) -> int:
    return accounts_store.active_count(conn)


class ApprovalService:
    def __init__(self, archive: Archive, actor: Actor) -> None:
        self.archive = archive
        self.actor = actor

    # ------------------------------------------------------------------ asking
    def request(
        self,
        kind: str,
        payload: dict,
        reason: str,
        *,
        target_type: str | None = None,
        target_id: int | None = None,
        conn=None,
    ) -> int:
        """File a request; inside ``conn``'s transaction when given, else in a new one."""
        if not (reason or "").strip():
            raise errors.ValidationError(
                "Give a reason for the request.", fields={"reason": "required"}
            )
        if conn is None:
            with self.archive.write() as c:
                return self.request(
                    kind, payload, reason, target_type=target_type, target_id=target_id, conn=c
                )
        request_id = store.insert(
            conn,
            kind,
            target_type,
            target_id,
            json.dumps(payload, ensure_ascii=False, default=str),
            reason.strip(),
            self.actor.user_name,
            now_iso(),
        )
        audit.append(
            conn,
            user_name=self.actor.user_name,
            action="approval_request",
            target_type=target_type,
            target_id=target_id,
            details={"approval": request_id, "kind": kind, "reason": reason.strip()},
        )
        return request_id

    def cancel(self, approval_id: int) -> None:
        with self.archive.write() as conn:
            a = self._get(conn, approval_id)
            if a.requested_by.casefold() != self.actor.user_name.casefold():
                raise errors.PermissionDenied("Only the person who asked can cancel a request.")
            self._require_pending(a)
            store.decide(conn, approval_id, "cancelled", at=now_iso())
            if a.kind in _CLOSERS:
                _CLOSERS[a.kind](conn, a, self.actor, "cancelled")
            audit.append(
                conn,
                user_name=self.actor.user_name,
                action="approval_cancel",
                target_type=a.target_type,
                target_id=a.target_id,
                details={"approval": approval_id},
            )

    # ------------------------------------------------------------------ deciding
    def approve(self, approval_id: int, note: str | None = None) -> Approval:
        """Approve and apply. An applier that fails marks the request failed; nothing changes."""
        with self.archive.write() as conn:
            a = self._decidable(conn, approval_id)
            applier = _APPLIERS.get(a.kind)
            state = "applied" if applier else "approved"
            try:
                with store.all_or_nothing(conn):
                    if applier:
                        applier(conn, a, self.actor)
            except errors.ArchiveError as exc:
                store.decide(
                    conn,
                    approval_id,
                    "failed",
                    at=now_iso(),
                    by=self.actor.user_name,
                    note=f"{note or ''} [could not be applied: {exc.message}]".strip(),
                )
                audit.append(
                    conn,
                    user_name=self.actor.user_name,
                    action="approval_failed",
                    target_type=a.target_type,
                    target_id=a.target_id,
                    details={"approval": approval_id, "error": exc.message},
                )
                failed: errors.ArchiveError | None = exc
            else:
                now = now_iso()
                store.decide(
                    conn,
                    approval_id,
                    state,
                    at=now,
                    by=self.actor.user_name,
                    note=note,
                    applied_at=now if applier else None,
                )
                audit.append(
                    conn,
                    user_name=self.actor.user_name,
                    action="approval_approve",
                    target_type=a.target_type,
                    target_id=a.target_id,
                    details={"approval": approval_id, "kind": a.kind, "note": note},
                )
                failed = None
        if failed is not None:
            raise type(failed)(
                f"Request #{approval_id} could not be applied: {failed.message}", **failed.details
            )
        return self.get(approval_id)

    def reject(self, approval_id: int, note: str) -> Approval:
        if not (note or "").strip():
            raise errors.ValidationError(
                "Say why the request is rejected.", fields={"note": "required"}
            )
        with self.archive.write() as conn:
            a = self._decidable(conn, approval_id)
            store.decide(
                conn,
                approval_id,
                "rejected",
                at=now_iso(),
                by=self.actor.user_name,
                note=note.strip(),
            )
            if a.kind in _CLOSERS:
                _CLOSERS[a.kind](conn, a, self.actor, "rejected")
            audit.append(
                conn,
                user_name=self.actor.user_name,
                action="approval_reject",
                target_type=a.target_type,
                target_id=a.target_id,
                details={"approval": approval_id, "note": note.strip()},
            )
        return self.get(approval_id)

    # ------------------------------------------------------------------ reading
    def get(self, approval_id: int) -> Approval:
        return self._get(self.archive.conn, approval_id)

    def waiting_for_me(self) -> list[Approval]:
        conn = self.archive.conn
        count = user_count(conn)
        rows = store.pending(conn)
        return [a for a in map(_row, rows) if self._may_decide(conn, a, count)]

    def _may_decide(self, conn, a: Approval, count: int) -> bool:
        if a.kind in _DECIDERS:
            return _DECIDERS[a.kind](conn, a, self.actor, count)
        region = None
        if a.target_type == "customer" and a.target_id is not None:
            scope = customers_store.scope_of(conn, a.target_id)
            region = scope[1] if scope else None
        return permissions.can_approve(
            self.actor, a.kind, a.requested_by, user_count=count, customer_region=region
        )

    def asked_by_me(self, limit: int = 200) -> list[Approval]:
        """My own requests. An access request names its card by number only until the card
        is visible to me: the name it carries is for the approver."""
        conn = self.archive.conn
        rows = store.asked_by(conn, self.actor.user_name, limit)
        out = []
        for a in map(_row, rows):
            if a.kind == "access" and "name" in a.payload and not self._sees(conn, a.target_id):
                a = replace(a, payload={k: v for k, v in a.payload.items() if k != "name"})
            out.append(a)
        return out

    def _sees(self, conn, customer_id: int | None) -> bool:
        row = customers_store.scope_of(conn, customer_id)
        if row is None or customer_id is None:
            return False
        granted = customers_store.granted(conn, self.actor.user_name, customer_id, now_iso())
        return permissions.can_see(self.actor, row[0], row[1], granted=granted)

    def list(self, state: str | None = None, limit: int = 500) -> list[Approval]:
        conn = self.archive.conn
        rows = store.listing(conn, state, limit)
        if permissions.scope(self.actor) == "all":
            return list(map(_row, rows))
        # others see their own requests and those about the cards they see, nothing more
        mine = {a.id: a for a in self.asked_by_me(limit)}
        return [
            mine.get(a.id, a)
            for a in map(_row, rows)
            if a.id in mine or (a.target_type == "customer" and self._sees(conn, a.target_id))
        ]

    # ------------------------------------------------------------------ internals
    def _get(self, conn, approval_id: int) -> Approval:
        row = store.get(conn, approval_id)
        if row is None:
            raise errors.NotFound(
                "No request #{approval_id}.", approval_id=approval_id, id=approval_id
            )
        return _row(row)

    @staticmethod
    def _require_pending(a: Approval) -> None:
        if a.state != "pending":
            raise errors.ConflictError("Request #{id} is already {state}.", state=a.state, id=a.id)

    def _decidable(self, conn, approval_id: int) -> Approval:
        a = self._get(conn, approval_id)
        self._require_pending(a)
        if not self._may_decide(conn, a, user_count(conn)):
            if a.requested_by.casefold() == self.actor.user_name.casefold():
                raise errors.PermissionDenied(
                    "You cannot decide your own request: another person must."
                )
            raise errors.PermissionDenied(
                "You may not decide requests of this kind ({kind}).", kind=a.kind
            )
        return a
