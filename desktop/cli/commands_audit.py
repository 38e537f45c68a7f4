"""``audit`` subcommands: verify the tamper-evident chain, list entries.

``audit verify`` exits 0 when the chain is intact and 21 (``AuditBroken``) when it is not,
with one line on stderr naming the first broken entry; with ``--json`` the full result is
printed to stdout as well, so a script gets both.
"""

from __future__ import annotations

import json

from .. import errors
from ..domain import permissions
from ..services.archive_service import os_user
from ..domain.permissions import Action
from ..services.audit import AuditEntry, AuditService
from . import passphrase as pp
from .output import emit
from .session import current_actor


def _service(args, *, need: Action | None = None) -> tuple[AuditService, object]:
    """The audit service as the logged-in user; ``need``: the action the role must allow."""
    archive_service = pp.open_service(args)
    if need is None:  # verifying reads no entry's content: anyone holding the passphrase may
        return AuditService(archive_service.archive, args.user or os_user()), archive_service
    try:
        actor = current_actor(args, archive_service.archive)
        permissions.require(actor, need)
    except BaseException:
        archive_service.close()
        raise
    return AuditService(archive_service.archive, actor.user_name), archive_service


def cmd_verify(args) -> int:
    svc, closer = _service(args)
    try:
        if args.forget_remembered:
            svc.forget_known_entry()
        result = svc.verify(anchor=_anchor(args.anchor))
        newest = svc.known_entry() if result.ok else None
    finally:
        closer.close()
    if not result.ok:
        if args.json:
            emit(args, result.to_json(), None)
        raise errors.AuditBroken(result.message(), first_broken_id=result.first_broken_id)
    text = result.message()
    if newest is not None:
        # Written down somewhere else, this line is the outside knowledge that shows a cut tail.
        text += f"\nNewest entry: {newest.id}, hash {newest.hash}"
    emit(args, result.to_json(), text)
    return 0


def _anchor(text: str | None) -> tuple[int, str] | None:
    """``ID:HASH`` as ``audit verify`` printed it ("Newest entry: ID, hash HASH")."""
    if text is None:
        return None
    number, _, digest = text.replace(",", ":").partition(":")
    digest = digest.strip().removeprefix("hash").strip()
    if (
        not number.strip().isdigit()
        or len(number.strip()) > 18
        or len(digest) != 64
        or any(c not in "0123456789abcdefABCDEF" for c in digest)
    ):
        raise errors.ValidationError(
            "--anchor takes ID:HASH, the newest entry as audit verify printed it (an entry number and a 64-digit SHA-256), not {text!r}.",
            text=text,
        )
    return int(number), digest


def _target_id(args) -> str | None:
    if args.customer is None:
        return None
    text = args.customer.strip()
    if text.isdigit():  # an id, even of a customer deleted since
        return text
    return None  # an archive number: resolved with the archive open


def _entry_line(e: AuditEntry) -> str:
    target = f"{e.target_type} {e.target_id}" if e.target_type or e.target_id else "-"
    details = json.dumps(e.details, ensure_ascii=False) if e.details else ""
    return (
        f"{e.id:>7}  {e.local_time}  {e.user_name}@{e.computer}  {e.action}  {target}  "
        f"{details}".rstrip()
    )


def cmd_list(args) -> int:
    if args.limit < 0:
        raise errors.ValidationError("--limit cannot be negative.")
    target_id = _target_id(args)
    svc, closer = _service(args, need=Action.VIEW_AUDIT)
    try:
        if args.customer is not None and target_id is None:
            from ..services.customers import CustomerService

            target_id = str(CustomerService(svc.archive, svc.user_name).resolve(args.customer))
        entries = svc.list(
            user=args.user_filter,
            action=args.action_filter,
            target_type="customer" if target_id is not None else None,
            target_id=target_id,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    finally:
        closer.close()
    text = "\n".join(_entry_line(e) for e in entries) or "(no audit entries)"
    emit(args, [e.to_json() for e in entries], text)
    return 0


def register(sub, common) -> None:
    audit = sub.add_parser("audit", help="the tamper-evident audit log: verify, list")
    common(audit)
    asub = audit.add_subparsers(dest="audit_command", metavar="ACTION", required=True)

    p = asub.add_parser(
        "verify", help="walk the hash chain and name the first broken entry (exit 21 if broken)"
    )
    common(p)
    p.add_argument(
        "--forget-remembered",
        action="store_true",
        help="first forget the newest entry this computer remembers (after an older "
        "copy of the archive was put back on purpose)",
    )
    p.add_argument(
        "--anchor",
        metavar="ID:HASH",
        help="check the log still holds this entry with this hash (the newest entry "
        "noted down at an earlier review): proves nothing up to it was cut off",
    )
    p.set_defaults(handler=cmd_verify)

    # After "list", --user is the filter; the acting user is given before "audit" or "list".
    p = asub.add_parser("list", help="list audit entries, newest first", conflict_handler="resolve")
    common(p)
    p.add_argument(
        "--user",
        dest="user_filter",
        metavar="U",
        default=None,
        help="entries by this user (to act as a user, give --user before 'list')",
    )
    p.add_argument(
        "--action",
        dest="action_filter",
        metavar="A",
        help="entries of this action (create, change, export, …)",
    )
    p.add_argument(
        "--customer", metavar="ID", help="entries about this customer (id or archive number)"
    )
    p.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD) or time on")
    p.add_argument("--until", metavar="DATE", help="up to and including this day or time")
    p.add_argument("--limit", type=int, default=500, metavar="N", help="at most N entries (500)")
    p.set_defaults(handler=cmd_list)
