"""``customer-archive``: the command-line companion, and the GUI's launcher.

With no subcommand it starts the GUI on the last archive (or the default one, made on
first run). Subcommands work headless on the same services. Common options work before or
after the subcommand. Errors are one line on stderr and a distinct exit status.
"""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Callable

from .. import __version__, errors, logsetup
from . import passphrase as pp
from .error_output import error_line
from .language import cli_lang, pick

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


def _common_options(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    """Options accepted before and after the subcommand (git-like).

    On subparsers the defaults are SUPPRESS, so a value given before the subcommand is not
    overwritten by the subparser's default.
    """
    d = (lambda v: argparse.SUPPRESS) if suppress else (lambda v: v)
    parser.add_argument(
        "-a",
        "--archive",
        metavar="FILE",
        default=d(None),
        help="the archive file (default: the last one used, or the default archive)",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        default=d(False),
        help="read the passphrase from the first line of standard input",
    )
    parser.add_argument(
        "--no-keyring",
        action="store_true",
        default=d(False),
        help="neither read nor store the key in the system keyring",
    )
    parser.add_argument(
        "--json", action="store_true", default=d(False), help="print machine-readable JSON"
    )
    parser.add_argument(
        "--user", metavar="NAME", default=d(None), help="act as this user of the archive"
    )
    parser.add_argument(
        "--password-stdin",
        action="store_true",
        default=d(False),
        help="read account passwords from standard input, one line each "
        "(after the passphrase line of --passphrase-stdin)",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        default=d(False),
        help="open the archive read-only: look, change nothing",
    )
    parser.add_argument(
        "--lang",
        choices=["zh_CN", "zh", "en"],
        default=d(None),
        help="language of text, PDFs and workbooks (default: the program's "
        "language setting, else the locale's)",
    )


def build_parser() -> argparse.ArgumentParser:
    from . import (
        commands_approvals,
        commands_archive,
        commands_audit,
        commands_customers,
        commands_users,
    )
    from . import commands_backups, commands_sessions
    from . import commands_analysis
    from . import commands_export
    from . import commands_import
    from . import commands_loans

    parser = argparse.ArgumentParser(
        prog="customer-archive",
        description="Customer Archive: encrypted customer files for small offices.",
    )
    parser.add_argument("--version", action="version", version=f"customer-archive {__version__}")
    _common_options(parser, suppress=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in (
        commands_archive.register,
        commands_customers.register,
        commands_audit.register,
        commands_users.register,
        commands_approvals.register,
        commands_sessions.register,
        commands_backups.register,
        commands_analysis.register,
        commands_export.register,
        commands_import.register,
        commands_loans.register,
    ):
        register(sub, lambda p: _common_options(p, suppress=True))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    logsetup.setup()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        from ..gui.app import main as gui_main

        return gui_main(archive=args.archive, readonly=args.read_only)
    handler: Handler = args.handler
    try:
        return handler(args) or 0
    except errors.ArchiveError as exc:
        print(f"customer-archive: {error_line(exc, cli_lang(args))}", file=sys.stderr)
        log.info("command %s failed: %s", args.command, exc.code)
        return exc.exit_status
    except pp.PromptCancelled:
        print(
            "customer-archive: " + pick(cli_lang(args), "cancelled.", "已取消。"), file=sys.stderr
        )
        return 130
    except KeyboardInterrupt:
        print(
            "customer-archive: " + pick(cli_lang(args), "interrupted.", "已中断。"), file=sys.stderr
        )
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - never a traceback for the user
        log.exception("unexpected error in %s", args.command)
        print(
            "customer-archive: "
            + pick(
                cli_lang(args),
                f"unexpected error ({type(exc).__name__}); details are in the log.",
                f"意外错误（{type(exc).__name__}）；详细信息已写入日志。",
            ),
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
