"""``backup-settings``: where automatic backups go, whether they are taken, how many are kept.

The settings are the office's (archive settings, the same for every computer); showing them
is open to everyone who can open the archive, changing them needs an administrator.
"""

from __future__ import annotations

import argparse

from .. import errors
from ..services import backups
from . import passphrase as pp
from .output import emit
from .session import current_actor


def _keep(text: str) -> tuple[int, int, int]:
    try:
        daily, weekly, monthly = (int(x) for x in text.split(","))
    except ValueError:
        raise errors.ValidationError(
            "--keep wants DAILY,WEEKLY,MONTHLY counts such as 7,4,6, not {text!r}.", text=text
        ) from None
    return daily, weekly, monthly


def cmd_backup_settings(args: argparse.Namespace) -> int:
    changing = args.folder is not None or args.auto is not None or args.keep is not None
    service = pp.open_service(args, readonly=not changing)
    try:
        service.actor = current_actor(args, service.archive)
        if changing:
            s = backups.set_settings(
                service,
                folder=args.folder,
                automatic=None if args.auto is None else args.auto == "on",
                keep=_keep(args.keep) if args.keep else None,
            )
        else:
            s = backups.settings(service)
        found = backups.automatic_backups(backups.backup_folder(service), service.path.stem)
    finally:
        service.close()
    data = dict(s.to_json(), backups=[str(p) for _, p in found])
    text = "\n".join(
        [
            f"Backup folder: {s.resolved}" + ("" if s.folder else " (the default)"),
            f"Automatic backups: {'on' if s.automatic else 'off'} (daily, and on closing after changes)",
            f"Kept: {s.keep[0]} daily, {s.keep[1]} weekly, {s.keep[2]} monthly",
            f"Backups there: {len(found)}" + (f", newest {found[0][1].name}" if found else ""),
        ]
    )
    emit(args, data, text)
    return 0


def register(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser(
        "backup-settings",
        help="show or (administrators) set the backup folder, automatic backups "
        "and how many are kept",
    )
    p.add_argument(
        "--folder",
        metavar="DIR",
        help="where backups go (relative: from the archive's folder; '' = the default)",
    )
    p.add_argument("--auto", choices=("on", "off"), help="automatic backups on or off")
    p.add_argument("--keep", metavar="D,W,M", help="daily, weekly and monthly backups kept")
    common(p)
    p.set_defaults(handler=cmd_backup_settings)
