"""``sessions`` (also ``who``): who has the archive open, on which computer, since when.

Read-only: asking who is there changes nothing in the file. Sessions whose program stopped
beating (crashed, killed, cut off) are not listed (``archive_service.SESSION_STALE_AFTER_S``).
Who is working is no secret inside the office, so every account may ask.
"""

from __future__ import annotations

import argparse
from datetime import datetime

from ..services.archive_service import SESSION_STALE_AFTER_S
from . import passphrase as pp
from .output import emit
from .session import current_actor


def _local(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def cmd_sessions(args: argparse.Namespace) -> int:
    service = pp.open_service(args, readonly=True)
    try:
        current_actor(args, service.archive)
        sessions = service.sessions()
    finally:
        service.close()
    if not sessions:
        text = "Nobody has the archive open in the program."
    else:
        width = max(len(s.who) for s in sessions)
        text = "\n".join(
            f"{s.who:<{width}}  on {s.computer}  since {_local(s.started_at)}"
            f"  (last seen {_local(s.heartbeat_at)})"
            for s in sessions
        )
    emit(
        args,
        {"sessions": [s.to_json() for s in sessions], "stale_after_seconds": SESSION_STALE_AFTER_S},
        text,
    )
    return 0


def register(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser(
        "sessions", aliases=["who"], help="who has the archive open, on which computer, since when"
    )
    common(p)
    p.set_defaults(handler=cmd_sessions)
