"""``customers`` subcommands and ``demo``: the cards from the command line."""

from __future__ import annotations

import contextlib
import sys
from enum import Enum
from pathlib import Path
from typing import Iterator

from .. import errors
from ..domain.customer import CONTACT_FIELDS, FIELD_BY_NAME, FollowUpKind, Status, enum_label
from ..domain.validation import format_phone
from ..services.customers import LIST_COLUMNS, SORTS, CustomerService
from . import passphrase as pp
from .filters import add_filter_options, filter_of
from .language import cli_lang, is_zh, pick, yes_no
from .output import emit
from .session import current_actor


def _pairs(items: list[str] | None, what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in items or ():
        if "=" not in item:
            raise errors.ValidationError(
                "{what} {item!r}: expected FIELD=VALUE.", what=what, item=item
            )
        key, value = item.split("=", 1)
        out[key.strip()] = value
    return out


def _contact(text: str) -> dict[str, str]:
    """``name=张三,phone=138…`` (commas inside values can be escaped as \\,)."""
    parts = [p.replace("\0", ",") for p in text.replace("\\,", "\0").split(",")]
    return _pairs([p for p in parts if p.strip()], "--contact")


@contextlib.contextmanager
def customer_service(args) -> Iterator[CustomerService]:
    """The customer service acting as the logged-in user (see cli/session.py); the archive is
    closed again when the block ends."""
    archive_service = pp.open_service(args)
    try:
        yield CustomerService(archive_service.archive, current_actor(args, archive_service.archive))
    finally:
        archive_service.close()


def _shown(spec, value: object, lang: str) -> str:
    """A field's value as the card shows it: labels in ``lang``, phones as people write them,
    yes/no for flags."""
    if isinstance(value, Enum):
        return f"{enum_label(value, lang)} ({value.value})"
    if isinstance(value, list):
        return "、".join(map(str, value)) if is_zh(lang) else ", ".join(map(str, value))
    if spec is not None and spec.kind == "bool":
        return yes_no(value, lang)
    if spec is not None and spec.kind == "phone" and isinstance(value, str):
        return format_phone(value)
    return str(value)


def _sub_text(specs, row: dict, names: tuple[str, ...], lang: str) -> str:
    by_name = {s.name: s for s in specs}
    return " · ".join(
        _shown(by_name.get(k), row[k], lang) for k in names if row.get(k) not in (None, "")
    )


def _card_text(card, lang: str) -> str:
    v = card.values
    head = pick(
        lang, f"(id {v['id']}, version {v['version']})", f"（编号 {v['id']}，版本 {v['version']}）"
    )
    lines = [f"{v['archive_no']}  {v['name']}  {head}"]
    colon = "：" if is_zh(lang) else ": "
    for spec in FIELD_BY_NAME.values():
        value = v.get(spec.name)
        if value in (None, "", []) or spec.name in ("name", "archive_no"):
            continue
        lines.append(f"  {spec.label(lang)}{colon}{_shown(spec, value, lang)}")
    for c in card.contacts:
        lines.append(
            f"  {pick(lang, 'Contact', '联系人')}{colon}"
            + _sub_text(CONTACT_FIELDS, c, ("name", "title", "phone", "mobile", "email"), lang)
        )
    for f in card.follow_ups[:5]:
        kind = f.get("kind")
        try:
            kind = enum_label(FollowUpKind(kind), lang)
        except ValueError:
            pass
        lines.append(f"  {pick(lang, 'Follow-up', '跟进')} {f['date']} {kind}{colon}{f['summary']}")
    for t in card.transactions[:5]:
        lines.append(
            f"  {pick(lang, 'Transaction', '交易')} {t['date']} {t['amount']} "
            f"{t['mode'] or ''}".rstrip()
        )
    return "\n".join(lines)


def _rows_text(svc: CustomerService, ids: list[int], lang: str) -> tuple[list[dict], str]:
    rows = svc.list_rows(ids)
    data = [
        dict(zip(("id",) + LIST_COLUMNS, (cid,) + rows[cid], strict=True))
        for cid in ids
        if cid in rows
    ]
    lines = []
    for r in data:
        try:
            status = enum_label(Status(r["status"]), lang)
        except ValueError:
            status = r["status"]
        phone = format_phone(r["phone"]) if r["phone"] else ""
        lines.append(
            f"{r['id']:>7}  {r['archive_no']:<14} {r['name']}  [{status}/{r['tier']}] "
            f"{r['region'] or ''} {phone}".rstrip()
        )
    return data, "\n".join(lines)


def _count_text(n: int, lang: str) -> str:
    return pick(lang, f"({n} customer{'s' if n != 1 else ''})", f"（共 {n} 位客户）")


def cmd_add(args) -> int:
    values = _pairs(args.set, "--set")
    values["name"] = args.name
    contacts = [_contact(c) for c in args.contact or ()]
    with customer_service(args) as svc:
        dups = svc.duplicates(values)
        if dups and not args.allow_duplicate:
            listed = "; ".join(f"{d.archive_no} {d.name} ({d.reason})" for d in dups[:5])
            raise errors.ValidationError(
                "Likely duplicate of: {listed}. Add --allow-duplicate to add it anyway.",
                listed=listed,
            )
        cid = svc.add(values, contacts)
        card = svc.get(cid)
    emit(args, card.to_json(), str(cid))
    return 0


def cmd_show(args) -> int:
    with customer_service(args) as svc:
        card = svc.get(svc.resolve(args.customer))
    emit(args, card.to_json(), _card_text(card, cli_lang(args)))
    return 0


def cmd_edit(args) -> int:
    changes = _pairs(args.set, "--set")
    contacts = [_contact(c) for c in args.contact] if args.contact else None
    if not changes and contacts is None:
        raise errors.ValidationError("Nothing to change: give --set FIELD=VALUE or --contact.")
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        svc.edit(cid, changes, version=args.version, reason=args.reason, contacts=contacts)
        card = svc.get(cid)
    emit(args, card.to_json(), f"Saved {card.values['archive_no']} (version {card.version}).")
    return 0


def cmd_delete(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        svc.delete(cid, reason=args.reason)
    emit(args, {"id": cid, "deleted": True}, f"Deleted customer {cid}.")
    return 0


def cmd_history(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        rows = svc.changes(cid)
    text = "\n".join(
        f"{r['at'][:16]}  {r['by_user']}: {r['field']} {r['old'] or ''} → {r['new'] or ''}"
        + (f"  ({r['reason']})" if r["reason"] else "")
        + (f"  [approved by {r['approved_by']}, #{r['approval_id']}]" if r["approval_id"] else "")
        for r in rows
    )
    emit(args, rows, text or "(no changes recorded)")
    return 0


def cmd_reveal(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        value = svc.reveal(cid, args.field, args.purpose)
    emit(args, {"id": cid, "field": args.field, "value": value}, str(value))
    return 0


def cmd_request_access(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        rid = svc.request_access(cid, args.reason, hours=args.hours)
    emit(args, {"approval_id": rid}, f"Access requested as request #{rid}.")
    return 0


def cmd_handover(args) -> int:
    with customer_service(args) as svc:
        result = svc.handover(args.from_user, args.to_user, args.reason)
    emit(
        args,
        result,
        f"{len(result['moved'])} customers handed over from {args.from_user} to {args.to_user}.",
    )
    return 0


def cmd_list(args) -> int:
    with customer_service(args) as svc:
        ids = svc.find(args.query or "", filter_of(args), args.sort, args.desc)
        shown = ids[: args.limit] if args.limit else ids
        lang = cli_lang(args)
        data, text = _rows_text(svc, shown, lang)
    emit(
        args,
        {"total": len(ids), "customers": data},
        "\n".join(filter(None, [text, _count_text(len(ids), lang)])),
    )
    return 0


def cmd_search(args) -> int:
    with customer_service(args) as svc:
        ids = svc.find(" ".join(args.query), filter_of(args), limit=args.limit)
        lang = cli_lang(args)
        data, text = _rows_text(svc, ids, lang)
    emit(
        args,
        data,
        text
        or pick(
            lang,
            f"No customer matches {' '.join(args.query)!r}.",
            f"没有与“{' '.join(args.query)}”匹配的客户。",
        ),
    )
    return 0


def cmd_merge(args) -> int:
    with customer_service(args) as svc:
        keep, other = svc.resolve(args.keep), svc.resolve(args.other)
        svc.merge(keep, other, args.reason)
        card = svc.get(keep)
    emit(args, card.to_json(), f"Merged into {card.values['archive_no']} {card.values['name']}.")
    return 0


def cmd_follow_up(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        fid = svc.add_follow_up(cid, args.date, args.kind, args.summary)
    emit(args, {"id": fid, "customer_id": cid}, str(fid))
    return 0


def cmd_transaction(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        tid = svc.add_transaction(
            cid,
            args.date,
            args.amount,
            mode=args.mode,
            payment_method=args.payment_method,
            contract_no=args.contract_no,
        )
    emit(args, {"id": tid, "customer_id": cid}, str(tid))
    return 0


def cmd_attach(args) -> int:
    with customer_service(args) as svc:
        cid = svc.resolve(args.customer)
        aid, size = svc.add_attachment_file(cid, Path(args.file), note=args.note)
    emit(args, {"id": aid, "customer_id": cid, "size": size}, str(aid))
    return 0


def cmd_tiers(args) -> int:
    with customer_service(args) as svc:
        changed = svc.compute_tiers()
    emit(
        args,
        {str(k): {"old": o, "new": n} for k, (o, n) in changed.items()},
        f"{len(changed)} tiers changed by ABC analysis.",
    )
    return 0


def cmd_demo(args) -> int:
    from ..services.demo import fill_demo

    with customer_service(args) as svc:
        if svc.actor.role.value not in ("manager", "administrator"):
            raise errors.PermissionDenied("Only a manager or an administrator adds sample data.")

        def progress(done: int, total: int) -> None:
            if not args.json and sys.stderr.isatty():
                print(f"\r{done}/{total}", end="", file=sys.stderr, flush=True)

        count = fill_demo(
            svc.archive, args.customers, seed=args.seed, user=svc.user, progress=progress
        )
    emit(args, {"customers": count}, f"Added {count} sample customers.")
    return 0


def register(sub, common) -> None:
    cust = sub.add_parser("customers", help="customer cards: add, show, edit, list, search, merge")
    common(cust)
    csub = cust.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = csub.add_parser("add", help="add a card; prints the new id")
    common(p)
    p.add_argument("--name", required=True)
    p.add_argument("--set", action="append", metavar="FIELD=VALUE", help="any card field (repeat)")
    p.add_argument(
        "--contact", action="append", metavar="name=…,phone=…", help="a contact (repeat)"
    )
    p.add_argument(
        "--allow-duplicate", action="store_true", help="add even if a likely duplicate exists"
    )
    p.set_defaults(handler=cmd_add)

    p = csub.add_parser("show", help="show a card (by id or archive number)")
    common(p)
    p.add_argument("customer")
    p.set_defaults(handler=cmd_show)

    p = csub.add_parser("edit", help="change fields of a card")
    common(p)
    p.add_argument("customer")
    p.add_argument("--set", action="append", metavar="FIELD=VALUE")
    p.add_argument(
        "--contact",
        action="append",
        metavar="name=…,phone=…",
        help="replace the contacts with these (repeat)",
    )
    p.add_argument("--reason", help="why (required when marking a customer lost)")
    p.add_argument("--version", type=int, help="fail if the card is no longer at this version")
    p.set_defaults(handler=cmd_edit)

    p = csub.add_parser("list", help="list customers, filtered and sorted")
    common(p)
    add_filter_options(p)
    p.add_argument("--query", help="search text")
    p.add_argument("--sort", choices=sorted(SORTS))
    p.add_argument("--desc", action="store_true")
    p.add_argument("--limit", type=int, default=0)
    p.set_defaults(handler=cmd_list)

    p = csub.add_parser("search", help="search by name, pinyin, initials, phone, archive number")
    common(p)
    add_filter_options(p)
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(handler=cmd_search)

    p = csub.add_parser("merge", help="merge OTHER into KEEP, keeping everything of both")
    common(p)
    p.add_argument("keep")
    p.add_argument("other")
    p.add_argument("--reason")
    p.set_defaults(handler=cmd_merge)

    p = csub.add_parser("follow-up", help="add a follow-up log entry")
    common(p)
    p.add_argument("customer")
    p.add_argument("--kind", required=True, help="visit, call, mail, note")
    p.add_argument("--date", required=True)
    p.add_argument("--summary", required=True)
    p.set_defaults(handler=cmd_follow_up)

    p = csub.add_parser("transaction", help="record a transaction")
    common(p)
    p.add_argument("customer")
    p.add_argument("--date", required=True)
    p.add_argument("--amount", required=True)
    p.add_argument("--mode")
    p.add_argument("--payment-method")
    p.add_argument("--contract-no")
    p.set_defaults(handler=cmd_transaction)

    p = csub.add_parser("attach", help="attach a file (stored encrypted inside the archive)")
    common(p)
    p.add_argument("customer")
    p.add_argument("file")
    p.add_argument("--note")
    p.set_defaults(handler=cmd_attach)

    p = csub.add_parser("delete", help="delete a card (or ask for it to be deleted)")
    common(p)
    p.add_argument("customer")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_delete)

    p = csub.add_parser("history", help="the card's changes, field by field, with reasons")
    common(p)
    p.add_argument("customer")
    p.set_defaults(handler=cmd_history)

    p = csub.add_parser("reveal", help="show a masked sensitive field (logged with its purpose)")
    common(p)
    p.add_argument("customer")
    p.add_argument("field")
    p.add_argument("--purpose", required=True)
    p.set_defaults(handler=cmd_reveal)

    p = csub.add_parser("request-access", help="ask for access to a customer outside your scope")
    common(p)
    p.add_argument("customer")
    p.add_argument("--reason", required=True)
    p.add_argument("--hours", type=int, default=24)
    p.set_defaults(handler=cmd_request_access)

    p = csub.add_parser(
        "handover", help="hand every customer of a departing employee to a successor"
    )
    common(p)
    p.add_argument("from_user", metavar="FROM")
    p.add_argument("to_user", metavar="TO")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_handover)

    p = csub.add_parser(
        "compute-tiers", help="set A/B/C tiers by ABC analysis (hand-set tiers stay)"
    )
    common(p)
    p.set_defaults(handler=cmd_tiers)

    from .commands_print import register_customers as register_print  # print, handover-list

    register_print(csub, common)

    p = sub.add_parser("demo", help="fill the archive with realistic sample customers")
    common(p)
    p.add_argument("--customers", type=int, default=200)
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(handler=cmd_demo)
