"""Where the CLI gets passphrases: --passphrase-stdin, the keyring, or a prompt on a terminal."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from .. import config, errors, paths
from ..domain import passphrase as policy
from ..logsetup import register_secret
from ..secrets.keystore import DisabledKeyStore, KeyStore
from ..services.archive_service import ArchiveService
from ..services.opening import open_with_keyring, open_with_passphrase


class PromptCancelled(Exception):
    pass


_stdin_lines: list[str] | None = None


def _next_stdin_line(what: str, flag: str = "--passphrase-stdin") -> str:
    """Lines of standard input in the order they are asked for: the archive passphrase
    (--passphrase-stdin), then the login password (--password-stdin), then new ones."""
    global _stdin_lines
    if _stdin_lines is None:
        _stdin_lines = [line.rstrip("\r\n") for line in sys.stdin.read().splitlines()]
        _stdin_lines.reverse()
    if not _stdin_lines:
        raise errors.NoPassphrase(
            "{flag}: standard input has no line for the {what}.", flag=flag, what=what
        )
    return _stdin_lines.pop()


def reset_stdin() -> None:  # for tests that call main() several times in one process
    global _stdin_lines
    _stdin_lines = None


def _prompt(text: str) -> str:
    try:
        return getpass.getpass(text)
    except (EOFError, KeyboardInterrupt):
        raise PromptCancelled() from None


def can_prompt() -> bool:
    return sys.stdin.isatty()


def existing(args: argparse.Namespace, what: str = "passphrase") -> str:
    if args.passphrase_stdin:
        return _next_stdin_line(what)
    if can_prompt():
        return _prompt(f"{what.capitalize()}: ")
    raise errors.NoPassphrase(
        "No {what}: give it with --passphrase-stdin, or run on a terminal to be asked.", what=what
    )


def new(args: argparse.Namespace, what: str = "new passphrase") -> str:
    if args.passphrase_stdin:
        value = _next_stdin_line(what)
        again = None
    elif can_prompt():
        value = _prompt(f"{what.capitalize()}: ")
        hint = policy.strength(value)
        print(
            f"Strength: {hint.label.replace('_', ' ')} (would take {hint.crack_time} to guess).",
            file=sys.stderr,
        )
        again = _prompt("Repeat it: ")
    else:
        raise errors.NoPassphrase("No {what}: give it with --passphrase-stdin.", what=what)
    reason = policy.problem(value, again)
    if reason == "too_short":
        raise errors.ValidationError(
            "The passphrase must have at least {MIN_LENGTH} characters.",
            MIN_LENGTH=policy.MIN_LENGTH,
        )
    if reason == "mismatch":
        raise errors.ValidationError("The two passphrases differ.")
    return value


def password(args: argparse.Namespace, what: str) -> str:
    """An account password (docs/domain.md, Accounts and login): the next line of standard input
    with --password-stdin, else a prompt on a terminal."""
    if getattr(args, "password_stdin", False):
        value = _next_stdin_line(what, "--password-stdin")
    elif can_prompt():
        value = _prompt(f"{what[:1].upper()}{what[1:]}: ")
    else:
        raise errors.NoPassphrase(
            "No {what}: give it with --password-stdin, or run on a terminal to be asked.", what=what
        )
    register_secret(value)
    return value


def new_password(args: argparse.Namespace, what: str) -> str:
    """A new account password: one stdin line with --password-stdin, or asked twice."""
    if getattr(args, "password_stdin", False):
        value = _next_stdin_line(what, "--password-stdin")
    elif can_prompt():
        value = _prompt(f"{what[:1].upper()}{what[1:]}: ")
        if _prompt("Repeat it: ") != value:
            raise errors.ValidationError("The two passwords differ.")
    else:
        raise errors.NoPassphrase("No {what}: give it with --password-stdin.", what=what)
    register_secret(value)
    return value


def keystore(args: argparse.Namespace) -> KeyStore:
    return DisabledKeyStore() if args.no_keyring else KeyStore()


def archive_path(args: argparse.Namespace) -> Path:
    if args.archive:
        return Path(args.archive).expanduser().absolute()
    last = config.load().last_archive
    return Path(last) if last else paths.default_archive()


def open_service(args: argparse.Namespace, *, readonly: bool = False) -> ArchiveService:
    """Open the archive of ``args``: given passphrase first, then the keyring, then a prompt.
    ``--read-only`` opens it read-only whatever the command (a change is then refused)."""
    readonly = readonly or bool(getattr(args, "read_only", False))
    path = archive_path(args)
    store = keystore(args)
    if args.passphrase_stdin:
        service, _ = open_with_passphrase(path, existing(args), store, readonly=readonly)
        return service
    try:
        return open_with_keyring(path, store, readonly=readonly)
    except (errors.KeyringLocked, errors.NoPassphrase) as exc:
        if not can_prompt():
            raise type(exc)(
                f"{exc.message} Give the passphrase with --passphrase-stdin.", **exc.details
            ) from None
        print(f"customer-archive: {exc.message}", file=sys.stderr)
    service, _ = open_with_passphrase(path, existing(args), store, readonly=readonly)
    return service
