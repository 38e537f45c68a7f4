"""``users`` subcommands: the accounts of the archive (docs/domain.md, Accounts and login).

Secrets on standard input (``--passphrase-stdin``/``--password-stdin``) are read one line each
in this order: the archive passphrase, the acting user's login password (multi-user mode
only), then the passwords the command sets:
- ``users add``: the new account's password, then, when you (the administrator) have none
  yet because this is the second account, your own new password;
- ``users passwd``: your current password (single-user mode, if you have one), then the new one;
- ``users reset``: the new password.
"""

from __future__ import annotations

import argparse
import sys

from .. import errors
from ..domain.permissions import ROLE_LABELS, Role, role_label
from ..services.accounts import AccountService, User
from . import passphrase as pp
from .output import emit
from .session import current_actor, login


_STDIN_ORDER = """\
Accounts of the archive. With one active account nobody logs in; with several, every
command needs --user NAME and that account's password.

With --passphrase-stdin/--password-stdin, standard input gives one secret a line, in this
order: the archive passphrase, your login password (multi-user mode only), then what the
command sets:
  users add     the new account's password, then your own new password when you (the
                administrator) have none yet because this is the second account
  users passwd  your current password (single-user mode, if you have one), the new one
  users reset   the new password
"""


def _user_text(u: User) -> str:
    bits = [f"{u.user_name:<16} {u.display_name}", f"[{u.role.value} {role_label(u.role, 'zh')}]"]
    if u.region:
        bits.append(u.region)
    if not u.active:
        bits.append("(deactivated)")
    if not u.has_password:
        bits.append("(no password)")
    if u.must_change_password:
        bits.append("(must change password)")
    return " ".join(bits)


def _open(args):
    service = pp.open_service(args)
    return service, AccountService(service.archive)


def cmd_list(args) -> int:
    service, accounts = _open(args)
    try:
        actor = current_actor(args, service.archive)
        users = accounts.users()
    finally:
        service.close()
    public = ("user_name", "display_name", "role", "role_label", "region", "active")
    data = [
        u.to_json()
        if actor.role is Role.ADMINISTRATOR
        else {k: v for k, v in u.to_json().items() if k in public}
        for u in users
    ]
    mode = "multi-user" if sum(u.active for u in users) > 1 else "single-user"
    emit(
        args,
        {"mode": mode, "users": data},
        "\n".join(_user_text(u) for u in users) + f"\n({len(users)} accounts, {mode} mode)",
    )
    return 0


def cmd_whoami(args) -> int:
    service, _ = _open(args)
    try:
        actor = current_actor(args, service.archive, allow_must_change=True)
    finally:
        service.close()
    data = {
        "user_name": actor.user_name,
        "display_name": actor.display_name,
        "role": actor.role.value,
        "region": actor.region,
    }
    emit(
        args,
        data,
        f"{actor.user_name} {actor.display_name} "
        f"[{actor.role.value} {role_label(actor.role, 'zh')}]",
    )
    return 0


def cmd_add(args) -> int:
    service, accounts = _open(args)
    try:
        actor = current_actor(args, service.archive)
        me = accounts.get(actor.user_name)
        password = pp.new_password(args, f"password for the new user {args.name}")
        admin_password = None
        if not me.has_password:
            if not getattr(args, "password_stdin", False) and pp.can_prompt():
                print(
                    f"With a second account everybody logs in with a password; choose yours "
                    f"({me.user_name}).",
                    file=sys.stderr,
                )
            admin_password = pp.new_password(args, f"your own new password ({me.user_name})")
        user = accounts.add_user(
            actor,
            args.name,
            args.display_name,
            args.role,
            args.region,
            password,
            admin_password=admin_password,
            must_change_password=not args.keep_password,
        )
    finally:
        service.close()
    emit(args, user.to_json(), f"Added {_user_text(user)}.")
    return 0


def cmd_passwd(args) -> int:
    service, accounts = _open(args)
    try:
        actor, used = login(args, service.archive, allow_must_change=True)
        target = accounts.get(args.name or actor.user_name).user_name
        if not actor.is_(target):
            raise errors.PermissionDenied(
                "You can change only your own password; an administrator uses `users reset`."
            )
        old = used
        if old is None and accounts.get(target).has_password:
            old = pp.password(args, f"current password of {target}")
        new = pp.new_password(args, f"new password for {target}")
        accounts.set_password(actor, target, old, new)
    finally:
        service.close()
    emit(args, {"user_name": target, "changed": True}, f"Password of {target} changed.")
    return 0


def cmd_reset(args) -> int:
    service, accounts = _open(args)
    try:
        actor = current_actor(args, service.archive)
        accounts.get(args.name)  # a clear "no such user" before asking for a password
        new = pp.new_password(args, f"new password for {args.name}")
        accounts.reset_password(actor, args.name, new)
        user = accounts.get(args.name)
    finally:
        service.close()
    emit(
        args,
        user.to_json(),
        f"Password of {user.user_name} reset"
        + ("; they must change it at their next login." if user.must_change_password else "."),
    )
    return 0


def _set_active(args, active: bool) -> int:
    service, accounts = _open(args)
    try:
        actor = current_actor(args, service.archive)
        user = accounts.set_active(actor, args.name, active)
    finally:
        service.close()
    emit(args, user.to_json(), _user_text(user))
    return 0


def cmd_activate(args) -> int:
    return _set_active(args, True)


def cmd_deactivate(args) -> int:
    return _set_active(args, False)


def cmd_role(args) -> int:
    service, accounts = _open(args)
    try:
        actor = current_actor(args, service.archive)
        if args.region is not None:
            user = accounts.set_role(actor, args.name, args.role, args.region)
        else:
            user = accounts.set_role(actor, args.name, args.role)
    finally:
        service.close()
    emit(args, user.to_json(), _user_text(user))
    return 0


def register(sub, common) -> None:
    roles = ", ".join(f"{r.value} ({ROLE_LABELS[r][1]})" for r in Role)
    users = sub.add_parser(
        "users",
        help="accounts of the archive: list, add, passwd, reset, activate, deactivate, role",
        description=_STDIN_ORDER,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common(users)
    usub = users.add_subparsers(dest="action", metavar="ACTION", required=True)

    p = usub.add_parser("list", help="list the accounts")
    common(p)
    p.set_defaults(handler=cmd_list)

    p = usub.add_parser("whoami", help="show the acting account (checks the login)")
    common(p)
    p.set_defaults(handler=cmd_whoami)

    p = usub.add_parser("add", help="add an account (administrators)")
    common(p)
    p.add_argument("name", help="the user name to log in with")
    p.add_argument("--display-name", help="the name shown, e.g. 张三 (default: the user name)")
    p.add_argument("--role", required=True, choices=[r.value for r in Role], help=roles)
    p.add_argument("--region", help="the region (required for a regional manager), e.g. 华东")
    p.add_argument(
        "--keep-password",
        action="store_true",
        help="the new user need not change this password at the first login",
    )
    p.set_defaults(handler=cmd_add)

    p = usub.add_parser("passwd", help="change your own password")
    common(p)
    p.add_argument("name", nargs="?", help="your user name (default: the acting user)")
    p.set_defaults(handler=cmd_passwd)

    p = usub.add_parser(
        "reset", help="set someone's password (administrators); they must change it"
    )
    common(p)
    p.add_argument("name")
    p.set_defaults(handler=cmd_reset)

    p = usub.add_parser("activate", help="let a deactivated account log in again (administrators)")
    common(p)
    p.add_argument("name")
    p.set_defaults(handler=cmd_activate)

    p = usub.add_parser("deactivate", help="stop an account from logging in (administrators)")
    common(p)
    p.add_argument("name")
    p.set_defaults(handler=cmd_deactivate)

    p = usub.add_parser("role", help="change an account's role (administrators)")
    common(p)
    p.add_argument("name")
    p.add_argument("role", choices=[r.value for r in Role], help=roles)
    p.add_argument("--region", help="set the region too")
    p.set_defaults(handler=cmd_role)
