"""``export xlsx``: the customer list, or the full workbook, as an Excel file.

    customer-archive export xlsx OUT.xlsx [--query Q] [--status …] [--tier …] [--region …]
                                          [--sort COLUMN [--desc]] [--lang zh_CN|en]
    customer-archive export xlsx OUT.xlsx --full [--reason WHY] [--lang …]

The list is what ``customers list`` with the same options shows to this user; the full
workbook (every field, contacts, transactions, follow-ups, histories, loans, audit log by
permission) needs a manager's approval for a regional manager: the first run files the
request (exit status 18), the run after the approval writes the file.
"""

from __future__ import annotations

import contextlib
import sys
from typing import Iterator

from ..services.exporting import ExportService
from ..services.customers import SORTS
from . import passphrase as pp
from .filters import add_filter_options, filter_of
from .language import cli_lang
from .output import emit
from .session import current_actor


@contextlib.contextmanager
def export_service(args) -> Iterator[ExportService]:
    archive_service = pp.open_service(args)
    try:
        yield ExportService(archive_service.archive, current_actor(args, archive_service.archive))
    finally:
        archive_service.close()


def progress_printer(args):
    """Progress as "done/total" on a terminal's stderr; nothing for scripts and --json."""
    if args.json or not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        print(f"\r{done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    return show


def cmd_export_xlsx(args) -> int:

    lang = cli_lang(args)
    with export_service(args) as svc:
        if args.full:
            result = svc.export_full(
                args.out, lang=lang, reason=args.reason, progress=progress_printer(args)
            )
        else:
            result = svc.export_list(
                args.out,
                query=args.query or "",
                flt=filter_of(args),
                sort=args.sort,
                descending=args.desc,
                lang=lang,
                progress=progress_printer(args),
            )
    sheets = ", ".join(f"{k} {n}" for k, n in result.rows.items())
    text = f"Exported to {result.path}: {sheets}."
    if result.left_out:
        text += "\nLeft out: " + "; ".join(result.left_out) + "."
    emit(args, result.to_json(), text)
    return 0


def register_export(esub, common) -> None:

    p = esub.add_parser(
        "xlsx",
        help="the customer list (as `customers list` shows it) or, with "
        "--full, the full workbook, as an Excel file",
    )
    common(p)
    p.add_argument("out", metavar="OUT.xlsx")
    p.add_argument(
        "--full",
        action="store_true",
        help="every field and sheet (contacts, transactions, follow-ups, histories, "
        "loans, audit by permission); may need a manager's approval",
    )
    p.add_argument("--reason", help="why (for the approval request of a full export)")
    add_filter_options(p)
    p.add_argument("--query", help="search text, as in the list")
    p.add_argument("--sort", choices=sorted(SORTS))
    p.add_argument("--desc", action="store_true")
    p.set_defaults(handler=cmd_export_xlsx)
