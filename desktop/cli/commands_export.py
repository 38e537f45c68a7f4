"""``export`` subcommands: what leaves the program as files.

    customer-archive export cards OUT.pdf [--ids …|--query Q|--status …] [--lang zh_CN|en]
    customer-archive export xlsx OUT.xlsx [--full] [--query Q|--status …] [--lang zh_CN|en]

Each kind registers itself in ``register`` below (one line per kind), so the kinds can live
in their own modules.
"""

from __future__ import annotations


def register(sub, common) -> None:
    from . import commands_print

    export = sub.add_parser("export", help="write customer cards (PDF) or lists (Excel) to a file")
    common(export)
    esub = export.add_subparsers(dest="kind", metavar="KIND", required=True)
    commands_print.register_export(esub, common)
    from . import commands_export_xlsx

    commands_export_xlsx.register_export(esub, common)
