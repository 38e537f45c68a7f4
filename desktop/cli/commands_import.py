"""``import`` subcommands: customer cards from an Excel sheet, and taking the last import back.

    customer-archive import sheets IN.xlsx [--sheet S]       the sheets, and how columns map
    customer-archive import xlsx IN.xlsx [--sheet S] [--map COLUMN=FIELD …] [--dry-run]
                                         [--on-duplicate skip|update|create]
    customer-archive import undo

``--map`` names a column by its letter or its title (``--map D=contact.mobile``,
``--map 单位=name``, ``--map E=`` to leave a column out). Every row that cannot be taken is
reported as ``sheet!row column (title): reason``; the rest go in, in one transaction.
"""

from __future__ import annotations

import contextlib
from typing import Iterator

from .. import errors
from ..reports.xlsx_import import field_label
from ..services.importing import DUPLICATE_CHOICES, ImportService, Outcome
from . import passphrase as pp
from .commands_export_xlsx import progress_printer
from .output import emit
from .session import current_actor


@contextlib.contextmanager
def import_service(args) -> Iterator[ImportService]:
    archive_service = pp.open_service(args)
    try:
        yield ImportService(archive_service.archive, current_actor(args, archive_service.archive))
    finally:
        archive_service.close()


def _mapping(items: list[str] | None) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    for item in items or ():
        if "=" not in item:
            raise errors.ValidationError(
                "--map {item!r}: expected COLUMN=FIELD (e.g. D=phone).", item=item
            )
        column, target = item.split("=", 1)
        out[column.strip()] = target.strip() or None
    return out


def _columns_text(columns) -> str:
    def target(c) -> str:
        if c.field:
            return f"{c.field} ({field_label(c.field)})"
        if c.same_as:
            return f"(not imported: the same title as column {c.same_as})"
        return "(not imported)"

    return "\n".join(f"  {c.letter:<3} {c.title}  →  {target(c)}" for c in columns)


def cmd_sheets(args) -> int:
    with import_service(args) as svc:
        sheets = svc.sheets(args.file)
        table, columns = svc.columns(args.file, args.sheet)
    lines = [f"{s.name}{'  (hidden)' if s.hidden else ''}  ({s.rows or 0} rows)" for s in sheets]
    lines += [f"\n{table.sheet}: header in row {table.header_row}", _columns_text(columns)]
    emit(
        args,
        {
            "sheets": [s.to_json() for s in sheets],
            "sheet": table.sheet,
            "header_row": table.header_row,
            "columns": [c.to_json() for c in columns],
        },
        "\n".join(lines),
    )
    return 0


def _summary(o: Outcome) -> str:
    c = o.counts
    verb = ("Would create", "would update") if o.dry_run else ("Created", "updated")
    text = (
        f"{verb[0]} {c['create']}, {verb[1]} {c['update']}; {c['skip']} duplicates skipped, "
        f"{c['unchanged']} unchanged, {c['invalid']} rows with problems not taken"
        f" (sheet {o.sheet}, header in row {o.header_row}, {o.empty_rows} empty rows)."
    )
    if o.dry_run:
        text += " Dry run: nothing was changed."
    elif o.batch_id is not None:
        text += f" Import #{o.batch_id}; `customer-archive import undo` takes it back."
    return text


def cmd_xlsx(args) -> int:
    with import_service(args) as svc:
        outcome = svc.run(
            args.file,
            args.sheet,
            _mapping(args.map),
            on_duplicate=args.on_duplicate,
            dry_run=args.dry_run,
            progress=progress_printer(args),
        )
    lines = [p.text() for p in outcome.problems]
    lines += [
        f"{outcome.sheet}!{r.row}: duplicate of {r.duplicate.text()} → {r.action}"
        for r in outcome.rows
        if r.duplicate is not None and not r.problems
    ]
    emit(args, outcome.to_json(), "\n".join(lines + [_summary(outcome)]))
    return 0


def cmd_undo(args) -> int:
    with import_service(args) as svc:
        result = svc.undo_last()
    emit(
        args,
        result.to_json(),
        f"Import #{result.batch_id} undone: {result.deleted} cards deleted, {result.restored} "
        f"restored" + (f", {result.gone} already deleted by someone" if result.gone else "") + ".",
    )
    return 0


def register(sub, common) -> None:
    imp = sub.add_parser("import", help="customer cards from an Excel sheet; undo the last import")
    common(imp)
    isub = imp.add_subparsers(dest="import_command", metavar="ACTION", required=True)

    p = isub.add_parser("sheets", help="list a workbook's sheets and how a sheet's columns map")
    common(p)
    p.add_argument("file", metavar="IN.xlsx")
    p.add_argument("--sheet", help="the sheet to show the columns of (default: the first visible)")
    p.set_defaults(handler=cmd_sheets)

    p = isub.add_parser("xlsx", help="import customer cards from a sheet of an .xlsx workbook")
    common(p)
    p.add_argument("file", metavar="IN.xlsx")
    p.add_argument("--sheet", help="the sheet (default: the first visible one)")
    p.add_argument(
        "--map",
        action="append",
        metavar="COLUMN=FIELD",
        help="map a column (letter or title) to a field: name, phone, region, "
        "contact.name, contact.mobile, …; empty FIELD leaves it out (repeat)",
    )
    p.add_argument("--dry-run", action="store_true", help="check and report, change nothing")
    p.add_argument(
        "--on-duplicate",
        choices=DUPLICATE_CHOICES,
        default="skip",
        help="a row that duplicates a card or an earlier row: skip it (default), "
        "update that card, or create a new card anyway",
    )
    p.set_defaults(handler=cmd_xlsx)

    p = isub.add_parser("undo", help="take the last import back (while its cards are unchanged)")
    common(p)
    p.set_defaults(handler=cmd_undo)
