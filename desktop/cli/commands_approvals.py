"""``approvals`` subcommands, and the customer actions that go through requests."""

from __future__ import annotations

import contextlib
from typing import Iterator

from ..services.approvals import KIND_LABELS, Approval, ApprovalService
from . import passphrase as pp
from .output import emit
from .session import current_actor


def _line(a: Approval) -> str:
    what = KIND_LABELS.get(a.kind, (a.kind, a.kind))[0]
    target = a.payload.get("archive_no") or a.payload.get("from_user") or ""
    if a.kind == "access":  # which card, and for how long
        target = (
            " ".join(str(x) for x in (target, a.payload.get("name")) if x)
            + f" for {a.payload.get('hours', 24)} hours"
        )
    decided = (
        f" — {a.decided_by}: {a.decision_note}"
        if a.decided_by and a.decision_note
        else (f" — {a.decided_by}" if a.decided_by else "")
    )
    return (
        f"#{a.id:<5} {a.state:<9} {what} {target} · asked by {a.requested_by} "
        f"{a.requested_at[:16]}: {a.reason}{decided}"
    )


@contextlib.contextmanager
def approval_service(args) -> Iterator[ApprovalService]:
    service = pp.open_service(args)
    try:
        yield ApprovalService(service.archive, current_actor(args, service.archive))
    finally:
        service.close()


def cmd_list(args) -> int:
    with approval_service(args) as approvals:
        if args.mine:
            items = approvals.asked_by_me()
        elif args.all or args.state:
            items = approvals.list(args.state)
        else:
            items = approvals.waiting_for_me()
    emit(args, [a.to_json() for a in items], "\n".join(_line(a) for a in items) or "(no requests)")
    return 0


def cmd_show(args) -> int:
    with approval_service(args) as approvals:
        a = approvals.get(args.id)
    changes = a.payload.get("changes") or {}
    before = a.payload.get("before") or {}
    lines = [_line(a)] + [f"  {k}: {before.get(k)!s} → {v!s}" for k, v in changes.items()]
    emit(args, a.to_json(), "\n".join(lines))
    return 0


def cmd_approve(args) -> int:
    with approval_service(args) as approvals:
        a = approvals.approve(args.id, args.note)
    emit(args, a.to_json(), f"Request #{a.id} approved and {a.state}.")
    return 0


def cmd_reject(args) -> int:
    with approval_service(args) as approvals:
        a = approvals.reject(args.id, args.note)
    emit(args, a.to_json(), f"Request #{a.id} rejected.")
    return 0


def cmd_cancel(args) -> int:
    with approval_service(args) as approvals:
        approvals.cancel(args.id)
    emit(args, {"id": args.id, "state": "cancelled"}, f"Request #{args.id} cancelled.")
    return 0


def cmd_policy(args) -> int:
    """Show, or (administrators) set, which changes need a manager's approval."""
    from ..domain import permissions
    from ..services.customers import CustomerService

    with approval_service(args) as approvals:
        customers = CustomerService(approvals.archive, approvals.actor)
        if args.require is not None:
            keys = [k.strip() for k in args.require.split(",") if k.strip()]
            customers.set_approval_policy(keys)
        policy = sorted(customers.approval_policy())
    known = sorted(permissions.POLICY_KEYS)
    text = "\n".join(f"[{'x' if k in policy else ' '}] {k}" for k in known)
    emit(args, {"require_approval": policy, "known": known}, text)
    return 0


def register(sub, common) -> None:
    top = sub.add_parser("approvals", help="requests waiting for a decision: list, approve, reject")
    common(top)
    asub = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = asub.add_parser("list", help="what waits for me (default), --mine, or --all")
    common(p)
    p.add_argument("--mine", action="store_true", help="the requests I made")
    p.add_argument("--all", action="store_true", help="every request")
    p.add_argument(
        "--state", choices=["pending", "approved", "rejected", "cancelled", "applied", "failed"]
    )
    p.set_defaults(handler=cmd_list)

    p = asub.add_parser("show", help="exactly what a request would change")
    common(p)
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_show)

    p = asub.add_parser("approve", help="approve a request (the change is applied at once)")
    common(p)
    p.add_argument("id", type=int)
    p.add_argument("--note")
    p.set_defaults(handler=cmd_approve)

    p = asub.add_parser("reject", help="reject a request, saying why")
    common(p)
    p.add_argument("id", type=int)
    p.add_argument("--note", required=True)
    p.set_defaults(handler=cmd_reject)

    p = asub.add_parser("policy", help="which changes need approval (administrators may set it)")
    common(p)
    p.add_argument(
        "--require",
        metavar="KEY,KEY…",
        help="set the list, e.g. delete_customer,change_status,edit_not_responsible",
    )
    p.set_defaults(handler=cmd_policy)

    p = asub.add_parser("cancel", help="withdraw one of my requests")
    common(p)
    p.add_argument("id", type=int)
    p.set_defaults(handler=cmd_cancel)
