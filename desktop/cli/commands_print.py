"""Printing from the command line: profile cards and handover lists as PDF.

    customer-archive export cards OUT.pdf [--ids 1,KH-2026-0002 …] [--query Q]
                                          [--status … --tier … --region … (as customers list)]
                                          [--lang zh_CN|en]
    customer-archive customers print CUSTOMER OUT.pdf [--lang …]
    customer-archive customers handover-list [HANDOVER] OUT.pdf [--from USER] [--lang …]

Without ``--ids``, ``export cards`` prints every card the filters and query select (what
``customers list`` with the same options shows). Each print is audited.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Iterator

from .. import errors
from ..services.printing import Cancelled, PrintService
from . import passphrase as pp
from .filters import add_filter_options, filter_of
from .language import cli_lang
from .output import emit
from .session import current_actor


@contextlib.contextmanager
def print_service(args) -> Iterator[PrintService]:
    archive_service = pp.open_service(args)
    try:
        yield PrintService(archive_service.archive, current_actor(args, archive_service.archive))
    finally:
        archive_service.close()


def _progress(args):
    if args.json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def _result(args, result, what: str) -> None:
    emit(
        args,
        {"file": str(result.path), "pages": result.pages, "customers": result.customers},
        f"{what}: {result.path} ({result.pages} pages).",
    )


def cmd_export_cards(args) -> int:

    with print_service(args) as printer:
        svc = printer.customers
        if args.ids:
            refs = [r for item in args.ids for r in item.split(",") if r.strip()]
            ids = [svc.resolve(r.strip()) for r in refs]
        else:
            ids = svc.find(args.query or "", filter_of(args), limit=1_000_000)
        if not ids:
            raise errors.NotFound("No customers match: nothing printed.")
        try:
            result = printer.cards_pdf(ids, args.out, cli_lang(args), progress=_progress(args))
        except Cancelled:  # pragma: no cover - nothing cancels from the command line
            raise errors.ArchiveError("Cancelled: nothing printed.") from None
    _result(args, result, f"{result.customers} cards")
    return 0


def cmd_print_card(args) -> int:
    with print_service(args) as printer:
        cid = printer.customers.resolve(args.customer)
        result = printer.cards_pdf([cid], args.out, cli_lang(args))
    _result(args, result, "Card")
    return 0


def cmd_handovers(args) -> int:
    with print_service(args) as printer:
        rows = printer.handovers()
    text = (
        "\n".join(
            f"#{h['id']}  {h['at'][:16]}  {h['from_user']} → {h['to_user']}  "
            f"({h['customers']} customers)"
            for h in rows
        )
        or "No handovers."
    )
    emit(args, rows, text)
    return 0


def cmd_handover_list(args) -> int:
    # One positional means OUT (the newest handover); two mean HANDOVER OUT.
    handover, out = (None, args.first) if args.out is None else (args.first, args.out)
    with print_service(args) as printer:
        if handover is None:
            hid = printer.latest_handover_id(args.from_user)
        else:
            try:
                hid = int(str(handover).lstrip("#"))
            except ValueError:
                raise errors.ValidationError(
                    "Handover {handover!r}: expected its number.", handover=handover
                ) from None
        result = printer.handover_pdf(hid, out, cli_lang(args))
    _result(args, result, f"Handover list #{hid}")
    return 0


def register_export(esub, common) -> None:

    p = esub.add_parser(
        "cards", help="customer profile cards as one PDF, each card from a new page"
    )
    common(p)
    p.add_argument("out", metavar="OUT.pdf")
    p.add_argument(
        "--ids",
        action="append",
        metavar="ID,…",
        help="ids or archive numbers, comma-separated (repeat); default: the filter",
    )
    p.add_argument("--query", help="search text, as customers list --query")
    add_filter_options(p)
    p.set_defaults(handler=cmd_export_cards)


def register_customers(csub, common) -> None:
    p = csub.add_parser("print", help="a customer's profile card as a PDF")
    common(p)
    p.add_argument("customer")
    p.add_argument("out", metavar="OUT.pdf")
    p.set_defaults(handler=cmd_print_card)

    p = csub.add_parser("handovers", help="the handovers you may print, newest first")
    common(p)
    p.set_defaults(handler=cmd_handovers)

    p = csub.add_parser("handover-list", help="a handover's list of customers as a PDF, to sign")
    common(p)
    p.add_argument(
        "first",
        metavar="[HANDOVER] OUT.pdf",
        help="the handover's number (default: the newest), then the PDF to write",
    )
    p.add_argument("out", nargs="?", help=argparse.SUPPRESS)
    p.add_argument(
        "--from",
        dest="from_user",
        metavar="USER",
        help="the newest handover of this user (without a number)",
    )
    p.set_defaults(handler=cmd_handover_list)
