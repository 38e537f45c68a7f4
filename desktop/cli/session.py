"""Who is acting on the command line (docs/domain.md, Accounts and login; docs/architecture.md, The
command line).

Single-user mode (one active account): nobody is asked for an in-app password; ``--user``
defaults to the sole account (and, when given, must name it). Multi-user mode: every command
needs ``--user NAME`` and that account's password, asked on a terminal or read as the next
line of standard input with ``--password-stdin`` (after the archive passphrase when
``--passphrase-stdin`` is given too).

Every command that acts on customers calls ``current_actor(args, archive)`` after opening.
"""

from __future__ import annotations

import argparse

from .. import errors
from ..domain.permissions import Actor
from ..services.accounts import AccountService
from ..services.archive_service import os_user
from ..storage.archive import Archive
from . import passphrase as pp


def login(
    args: argparse.Namespace, archive: Archive, *, allow_must_change: bool = False
) -> tuple[Actor, str | None]:
    """The acting account, and the password it logged in with (None in single-user mode)."""
    accounts = AccountService(archive)
    first = accounts.ensure_first_admin(os_user())
    user = getattr(args, "user", None)
    if archive.readonly and not accounts.users():  # a new archive opened read-only: nobody yet
        return first, None
    if not accounts.multi_user():
        return accounts.actor_for(user), None
    if not user:
        raise errors.PermissionDenied(
            "This archive has several users: say who you are with --user NAME."
        )
    secret = pp.password(args, f"password for {user}")
    actor = accounts.login(user, secret)
    if not allow_must_change and accounts.get(actor.user_name).must_change_password:
        raise errors.PermissionDenied(
            "{user_name} must choose a new password first: customer-archive users passwd --user {user_name}",
            user_name=actor.user_name,
        )
    return actor, secret


def current_actor(
    args: argparse.Namespace, archive: Archive, *, allow_must_change: bool = False
) -> Actor:
    """The actor for this command: see the module docstring."""
    return login(args, archive, allow_must_change=allow_must_change)[0]
