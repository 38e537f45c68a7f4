"""``loans`` and ``items`` subcommands: the archive register (档案借阅登记簿) from the command line.

Items are named by their number (what a label carries and a scanner types); loans by their
number ``#N`` as the register shows it. A hand-out that loses the race with another custodian
ends with exit status 17 (conflict) and changes nothing.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

from .. import errors
from ..domain.loans import STATE_LABELS, LoanState
from ..services.loans import LoanService
from . import passphrase as pp
from .language import is_zh
from .output import emit
from .session import current_actor


@contextlib.contextmanager
def loan_service(args) -> Iterator[LoanService]:
    service = pp.open_service(args)
    try:
        yield LoanService(service.archive, current_actor(args, service.archive))
    finally:
        service.close()


def _lang(args) -> str:
    """Slips, labels and the register's workbook: Chinese unless --lang en (the office's
    paper is Chinese whatever the program's language)."""
    chosen = getattr(args, "lang", None)
    return "en" if chosen and not is_zh(chosen) else "zh"


def _customer_id(svc: LoanService, ref: str | None) -> int | None:
    """A customer by archive number (or id)."""
    if ref is None:
        return None
    row = svc.archive.query_one("SELECT id FROM customers WHERE archive_no = ?", (ref.strip(),))
    if row is None and ref.strip().isdigit():
        row = svc.archive.query_one("SELECT id FROM customers WHERE id = ?", (int(ref),))
    if row is None:
        raise errors.NotFound("No customer {ref}.", ref=ref)
    return int(row[0])


def _item_line(i: dict) -> str:
    # A dossier is numbered and named after its customer: naming the customer again says nothing.
    owner = (
        f" · {i['customer_archive_no']} {i['customer_name']}"
        if i.get("customer_name") and i["kind"] != "dossier"
        else ""
    )
    shelf = f" · shelf {i['shelf_location']}" if i.get("shelf_location") else ""
    valuable = " · valuable" if i["value_class"] == "valuable" else ""
    return f"{i['item_no']:<16} {i['kind']:<17} {i['state']:<10} {i['description']}{owner}{shelf}{valuable}"


def _loan_line(loan: dict) -> str:
    state = STATE_LABELS[LoanState(loan["state"])][0].lower()
    flag = (
        f" · OVERDUE {loan['days_overdue']} d"
        if loan.get("overdue")
        else " · due soon"
        if loan.get("due_soon")
        else ""
    )
    way = " (taken in)" if loan["direction"] == "taken_in" else ""
    return (
        f"#{loan['id']:<5} {state:<16} {loan['item_no']:<16} {loan['borrower']}{way} · "
        f"{loan['wanted_from']} → due {loan['due']}{flag} · {loan['purpose']}"
    )


def _loan_text(loan: dict) -> str:
    lines = [
        _loan_line(loan),
        f"  item: {loan['item_no']} {loan['item_description']}"
        + (
            f" ({loan['customer_archive_no']} {loan['customer_name']})"
            if loan.get("customer_name")
            else ""
        ),
    ]
    for label, key in (
        ("asked by", "requested_by"),
        ("asked at", "requested_at"),
        ("approved by", "decided_by"),
        ("handed out by", "handed_out_by"),
        ("handed out at", "handed_out_at"),
        ("condition out", "condition_out"),
        ("returned at", "returned_at"),
        ("received by", "received_by"),
        ("condition back", "condition_in"),
        ("note", "note"),
    ):
        if loan.get(key):
            lines.append(f"  {label}: {loan[key]}")
    for r in loan.get("renewals") or ():
        lines.append(f"  renewed: {r['old_due']} → {r['new_due']} ({r['by_user']}, {r['at'][:16]})")
    if loan.get("pending_approval"):
        p = loan["pending_approval"]
        lines.append(f"  waiting for a decision: request #{p['id']} ({p['kind']})")
    return "\n".join(lines)


def _requested_text(loan: dict) -> str:
    if loan["state"] == LoanState.REQUESTED:
        who = "a manager" if loan["value_class"] == "valuable" else "the custodian or a manager"
        return f"Loan #{loan['id']} requested; it waits for {who} (request #{loan['approval_id']})."
    return f"Loan #{loan['id']} approved; the custodian can hand it out."


# ------------------------------------------------------------------ items
def cmd_items_add(args) -> int:
    with loan_service(args) as svc:
        item_id = svc.add_item(
            args.item_no,
            args.kind,
            args.description,
            value_class=args.value_class,
            customer_id=_customer_id(svc, args.customer),
            shelf_location=args.shelf,
            custodian=args.custodian,
            note=args.note,
            state="available" if args.in_store else None,
        )
        item = svc.get_item(item_id)
    emit(args, item, f"Item {item['item_no']} registered ({item['state']}).")
    return 0


def cmd_items_list(args) -> int:
    with loan_service(args) as svc:
        rows = svc.list_items(
            kind=args.kind,
            state=args.state,
            text=args.query,
            customer_id=_customer_id(svc, args.customer),
            limit=args.limit,
        )
    emit(args, rows, "\n".join(map(_item_line, rows)) or "(no items)")
    return 0


def cmd_items_show(args) -> int:
    with loan_service(args) as svc:
        item = svc.find_item(args.item_no)
        item["register"] = svc.register_of_item(item["id"])
        item["queue"] = svc.queue(item["id"])
    lines = [_item_line(item)] + [f"  {_loan_line(loan)}" for loan in item["register"]]
    lines += [
        f"  queue {n}: {r['borrower']} ({r['state']}) · {r['purpose']}"
        for n, r in enumerate(item["queue"], 1)
    ]
    emit(args, item, "\n".join(lines))
    return 0


def cmd_items_edit(args) -> int:
    changes = {
        k: v
        for k, v in (
            ("description", args.description),
            ("value_class", args.value_class),
            ("shelf_location", args.shelf),
            ("custodian", args.custodian),
            ("note", args.note),
        )
        if v is not None
    }
    if not changes:
        raise errors.ValidationError(
            "Say what to change (--description, --value-class, --shelf, --custodian, --note)."
        )
    with loan_service(args) as svc:
        item = svc.find_item(args.item_no)
        svc.edit_item(
            item["id"], args.version if args.version is not None else item["version"], **changes
        )
        item = svc.get_item(item["id"])
    emit(args, item, _item_line(item))
    return 0


def cmd_items_restore(args) -> int:
    with loan_service(args) as svc:
        result = svc.restore_item(svc.find_item(args.item_no)["id"], args.note)
    nxt = result["next_in_queue"]
    emit(
        args,
        result,
        f"Item {result['item']['item_no']} is back in store."
        + (f" {nxt['borrower']} is first in the queue: tell them." if nxt else ""),
    )
    return 0


def cmd_items_labels(args) -> int:
    from ..reports.loan_slip import write_labels

    with loan_service(args) as svc:
        if args.item_no:
            items = [svc.find_item(n) for n in args.item_no]
        else:
            items = svc.list_items(kind=args.kind, limit=100_000)
        if not items:
            raise errors.NotFound("No items to label.")
        path = write_labels(args.out, items, lang=_lang(args), printed_by=svc.user)
        svc.audit_print("labels", [i["item_no"] for i in items], str(path))
    emit(
        args, {"file": str(path), "labels": len(items)}, f"{len(items)} label(s) written to {path}."
    )
    return 0


# ------------------------------------------------------------------ loans
def cmd_request(args) -> int:
    with loan_service(args) as svc:
        loan = svc.request(
            svc.find_item(args.item_no)["id"],
            borrower=args.borrower,
            purpose=args.purpose,
            wanted_from=args.from_date,
            wanted_until=args.until,
            borrower_kind=args.borrower_kind,
            direction=args.direction,
            note=args.note,
        )
    emit(args, loan, _requested_text(loan))
    return 0


def cmd_approve(args) -> int:
    with loan_service(args) as svc:
        loan = svc.approve(args.loan, args.note)
    emit(args, loan, f"Loan #{loan['id']} approved (due {loan['due']}).")
    return 0


def cmd_reject(args) -> int:
    with loan_service(args) as svc:
        loan = svc.reject(args.loan, args.note)
    emit(args, loan, f"Loan #{loan['id']}: {STATE_LABELS[LoanState(loan['state'])][0].lower()}.")
    return 0


def cmd_cancel(args) -> int:
    with loan_service(args) as svc:
        loan = svc.cancel(args.loan, args.reason)
    emit(args, loan, f"Loan #{loan['id']} cancelled.")
    return 0


def _loan_for(svc: LoanService, args, action: str) -> int:
    """The loan named, or the one a scanned item number points to for ``action``."""
    if args.loan is not None:
        return args.loan
    if not args.item:
        raise errors.ValidationError("Name the loan (#N) or the item (--item NUMBER).")
    scan = svc.scan(args.item)
    if scan.action != action or scan.loan is None:
        raise errors.ConflictError(
            "Item {item_no}: {problem}", item_no=scan.item["item_no"], problem=scan.message
        )
    return scan.loan["id"]


def cmd_checkout(args) -> int:
    with loan_service(args) as svc:
        loan = svc.checkout(_loan_for(svc, args, "checkout"), args.condition, version=args.version)
    emit(
        args,
        loan,
        f"Item {loan['item_no']} handed out to {loan['borrower']} (loan #{loan['id']}), "
        f"due back {loan['due']}.",
    )
    return 0


def cmd_return(args) -> int:
    with loan_service(args) as svc:
        result = svc.return_(
            _loan_for(svc, args, "return"),
            args.condition,
            received_by=args.received_by,
            damaged=args.damaged,
        )
    loan, nxt = result["loan"], result["next_in_queue"]
    text = f"Item {loan['item_no']} {'back damaged' if args.damaged else 'returned'} (loan #{loan['id']})."
    if nxt:
        text += f" {nxt['borrower']} is first in the queue (reservation #{nxt['id']}): tell them."
    emit(args, result, text)
    return 0


def cmd_lost(args) -> int:
    with loan_service(args) as svc:
        result = svc.mark_lost(args.loan, args.note)
    emit(args, result, f"Item {result['loan']['item_no']} marked lost (loan #{args.loan}).")
    return 0


def cmd_renew(args) -> int:
    with loan_service(args) as svc:
        result = svc.renew(args.loan, args.until, args.reason)
    loan = result["loan"]
    if result["applied"]:
        text = f"Loan #{loan['id']} renewed: due {loan['due']}."
    else:
        text = f"Renewal of loan #{loan['id']} requested (request #{result['approval_id']}); due stays {loan['due']}."
    emit(args, result, text)
    return 0


def cmd_reserve(args) -> int:
    with loan_service(args) as svc:
        item = svc.find_item(args.item_no)
        r = svc.reserve(
            item["id"], borrower=args.borrower, purpose=args.purpose, wanted_until=args.until
        )
        place = [q["id"] for q in svc.queue(item["id"])].index(r["id"]) + 1
    emit(
        args,
        r,
        f"{r['borrower']} is number {place} in the queue for {item['item_no']} (reservation #{r['id']}).",
    )
    return 0


def cmd_unreserve(args) -> int:
    with loan_service(args) as svc:
        r = svc.cancel_reservation(args.reservation)
    emit(args, r, f"Reservation #{r['id']} cancelled.")
    return 0


def _filters(svc: LoanService, args) -> dict:
    return {
        "state": args.state,
        "overdue": args.overdue,
        "due_soon": args.due_soon,
        "item_id": svc.find_item(args.item)["id"] if args.item else None,
        "customer_id": _customer_id(svc, args.customer),
        "borrower": args.borrower,
        "direction": args.direction,
        "text": args.query,
        "open_only": args.open,
    }


def cmd_list(args) -> int:
    with loan_service(args) as svc:
        rows = svc.list(**_filters(svc, args), limit=args.limit)
    emit(args, rows, "\n".join(map(_loan_line, rows)) or "(no loans)")
    return 0


def cmd_show(args) -> int:
    with loan_service(args) as svc:
        loan = svc.get(args.loan)
    emit(args, loan, _loan_text(loan))
    return 0


def cmd_today(args) -> int:
    with loan_service(args) as svc:
        t = svc.today_view()
    parts = []
    for title, rows in (
        ("To hand out", t.to_hand_out),
        ("To collect (due soon)", t.to_collect),
        ("Overdue", t.overdue),
        ("Waiting for approval", t.waiting),
    ):
        parts.append(f"{title} ({len(rows)}):")
        parts += [f"  {_loan_line(loan)}" for loan in rows]
    parts.append(f"Back for the first in the queue ({len(t.ready)}):")
    parts += [f"  {r['item_no']} {r['item_description']} → tell {r['borrower']}" for r in t.ready]
    emit(args, t.to_json(), "\n".join(parts))
    return 0


def cmd_scan(args) -> int:
    with loan_service(args) as svc:
        scan = svc.scan(args.item_no)
    emit(
        args,
        scan.to_json(),
        f"{_item_line(scan.item)}\n  {scan.message}"
        + (f"\n  next: {scan.action} loan #{scan.loan['id']}" if scan.action else ""),
    )
    return 0


def cmd_export(args) -> int:
    from ..reports.loans_export import write_loans_xlsx

    with loan_service(args) as svc:
        filters = _filters(svc, args)
        rows = svc.list(**filters, limit=10_000_000)
        path = write_loans_xlsx(args.out, rows, lang=_lang(args))
        svc.audit_export(str(path), len(rows), {k: v for k, v in filters.items() if v})
    emit(args, {"file": str(path), "rows": len(rows)}, f"{len(rows)} loan(s) written to {path}.")
    return 0


def cmd_slip(args) -> int:
    from ..reports.loan_slip import write_slip

    with loan_service(args) as svc:
        loan = svc.get(args.loan)
        path = write_slip(args.out, loan, lang=_lang(args), printed_by=svc.user)
        svc.audit_print("slip", [loan["item_no"]], str(path), loan_id=loan["id"])
    emit(
        args, {"file": str(path), "loan": loan["id"]}, f"Loan slip #{loan['id']} written to {path}."
    )
    return 0


# ------------------------------------------------------------------ the parser
def _list_filters(p) -> None:
    p.add_argument("--state", choices=[s.value for s in LoanState])
    p.add_argument("--overdue", action="store_true", help="out and past the due date")
    p.add_argument("--due-soon", action="store_true", help="out and due within three days")
    p.add_argument("--open", action="store_true", help="requested, approved or out")
    p.add_argument("--item", metavar="NUMBER", help="the register of one item")
    p.add_argument("--customer", metavar="ARCHIVE_NO", help="the register of a customer's items")
    p.add_argument("--borrower", metavar="NAME", help="the register of one borrower")
    p.add_argument("--direction", choices=["lent_out", "taken_in"])
    p.add_argument("--query", metavar="TEXT", help="item, borrower, purpose or customer contains")


def register(sub, common) -> None:
    top = sub.add_parser("loans", help="the archive register: request, approve, hand out, return")
    common(top)
    ls = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = ls.add_parser("request", help="ask to borrow an item (or to take a customer's material in)")
    common(p)
    p.add_argument("item_no", metavar="ITEM")
    p.add_argument("--purpose", required=True)
    p.add_argument("--until", required=True, metavar="YYYY-MM-DD", help="wanted back by")
    p.add_argument(
        "--from", dest="from_date", metavar="YYYY-MM-DD", help="wanted from (default today)"
    )
    p.add_argument("--borrower", help="who borrows (default: you)")
    p.add_argument(
        "--borrower-kind", default="colleague", choices=["colleague", "department", "outside"]
    )
    p.add_argument("--direction", default="lent_out", choices=["lent_out", "taken_in"])
    p.add_argument("--note")
    p.set_defaults(handler=cmd_request)

    for name, handler, help_text in (
        ("approve", cmd_approve, "approve a loan or its renewal"),
        ("reject", cmd_reject, "reject a loan or its renewal, saying why"),
        ("cancel", cmd_cancel, "withdraw a loan not yet handed out"),
    ):
        p = ls.add_parser(name, help=help_text)
        common(p)
        p.add_argument("loan", type=int, metavar="LOAN")
        if name == "cancel":
            p.add_argument("--reason")
        else:
            p.add_argument("--note", required=(name == "reject"))
        p.set_defaults(handler=handler)

    p = ls.add_parser("checkout", help="hand an approved loan out (custodian)")
    common(p)
    p.add_argument("loan", type=int, nargs="?", metavar="LOAN")
    p.add_argument("--item", metavar="NUMBER", help="the scanned item instead of the loan number")
    p.add_argument("--condition", help="the item's condition as it leaves (required)")
    p.add_argument("--version", type=int, help="the loan's version you saw (refused if it changed)")
    p.set_defaults(handler=cmd_checkout)

    p = ls.add_parser("return", help="take an item back, checking its condition (custodian)")
    common(p)
    p.add_argument("loan", type=int, nargs="?", metavar="LOAN")
    p.add_argument("--item", metavar="NUMBER", help="the scanned item instead of the loan number")
    p.add_argument("--condition", help="the item's condition as it comes back")
    p.add_argument("--received-by", metavar="NAME", help="who took it back (default: you)")
    p.add_argument("--damaged", action="store_true", help="it came back damaged")
    p.set_defaults(handler=cmd_return)

    p = ls.add_parser("lost", help="mark a loan's item lost (custodian)")
    common(p)
    p.add_argument("loan", type=int, metavar="LOAN")
    p.add_argument("--note")
    p.set_defaults(handler=cmd_lost)

    p = ls.add_parser("renew", help="keep an item longer (an approved extension)")
    common(p)
    p.add_argument("loan", type=int, metavar="LOAN")
    p.add_argument("--until", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--reason", required=True)
    p.set_defaults(handler=cmd_renew)

    p = ls.add_parser("reserve", help="queue for an item that is out")
    common(p)
    p.add_argument("item_no", metavar="ITEM")
    p.add_argument("--purpose", required=True)
    p.add_argument("--borrower")
    p.add_argument("--until", metavar="YYYY-MM-DD")
    p.set_defaults(handler=cmd_reserve)

    p = ls.add_parser("unreserve", help="leave an item's queue")
    common(p)
    p.add_argument("reservation", type=int, metavar="RESERVATION")
    p.set_defaults(handler=cmd_unreserve)

    p = ls.add_parser("list", help="the register, newest first (filters combine)")
    common(p)
    _list_filters(p)
    p.add_argument("--limit", type=int, default=1000)
    p.set_defaults(handler=cmd_list)

    p = ls.add_parser("show", help="one loan with its history")
    common(p)
    p.add_argument("loan", type=int, metavar="LOAN")
    p.set_defaults(handler=cmd_show)

    p = ls.add_parser("today", help="the custodian's day: hand out, collect, overdue, waiting")
    common(p)
    p.set_defaults(handler=cmd_today)

    p = ls.add_parser("scan", help="what a scanned item number finds, and what to do next")
    common(p)
    p.add_argument("item_no", metavar="ITEM")
    p.set_defaults(handler=cmd_scan)

    p = ls.add_parser("export", help="the register (with the list's filters) to Excel")
    common(p)
    p.add_argument("out", metavar="OUT.xlsx")
    _list_filters(p)
    p.set_defaults(handler=cmd_export)

    p = ls.add_parser("slip", help="the loan slip to print and sign (PDF)")
    common(p)
    p.add_argument("loan", type=int, metavar="LOAN")
    p.add_argument("out", metavar="OUT.pdf")
    p.set_defaults(handler=cmd_slip)

    top = sub.add_parser("items", help="the items of the archive register")
    common(top)
    isub = top.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = isub.add_parser("add", help="register an item (custodian)")
    common(p)
    p.add_argument("item_no", metavar="NUMBER")
    p.add_argument(
        "--kind",
        required=True,
        choices=["dossier", "sample", "equipment", "document", "customer_material"],
    )
    p.add_argument("--description", required=True)
    p.add_argument("--value-class", default="ordinary", choices=["ordinary", "valuable"])
    p.add_argument("--customer", metavar="ARCHIVE_NO")
    p.add_argument("--shelf")
    p.add_argument("--custodian", metavar="USER")
    p.add_argument("--note")
    p.add_argument(
        "--in-store",
        action="store_true",
        help="a customer's material that is already in our custody",
    )
    p.set_defaults(handler=cmd_items_add)

    p = isub.add_parser("list", help="the items")
    common(p)
    p.add_argument(
        "--kind", choices=["dossier", "sample", "equipment", "document", "customer_material"]
    )
    p.add_argument("--state", choices=["available", "out", "lost", "damaged", "with_owner"])
    p.add_argument("--customer", metavar="ARCHIVE_NO")
    p.add_argument("--query", metavar="TEXT")
    p.add_argument("--limit", type=int, default=1000)
    p.set_defaults(handler=cmd_items_list)

    p = isub.add_parser("show", help="an item with its register and queue")
    common(p)
    p.add_argument("item_no", metavar="NUMBER")
    p.set_defaults(handler=cmd_items_show)

    p = isub.add_parser(
        "edit", help="change an item's description, value class, shelf or custodian"
    )
    common(p)
    p.add_argument("item_no", metavar="NUMBER")
    p.add_argument("--description")
    p.add_argument("--value-class", choices=["ordinary", "valuable"])
    p.add_argument("--shelf")
    p.add_argument("--custodian", metavar="USER", help="'' for anyone with the custodian role")
    p.add_argument("--note")
    p.add_argument("--version", type=int, help="the item's version you saw (refused if it changed)")
    p.set_defaults(handler=cmd_items_edit)

    p = isub.add_parser("restore", help="a lost item found, or a damaged one repaired (custodian)")
    common(p)
    p.add_argument("item_no", metavar="NUMBER")
    p.add_argument("--note")
    p.set_defaults(handler=cmd_items_restore)

    p = isub.add_parser("labels", help="dossier labels with the item number as QR code (PDF)")
    common(p)
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument("item_no", metavar="NUMBER", nargs="*", help="default: every item (of --kind)")
    p.add_argument(
        "--kind", choices=["dossier", "sample", "equipment", "document", "customer_material"]
    )
    p.set_defaults(handler=cmd_items_labels)
