"""Subcommands about the archive file itself: init, check, passwd, forget-key, backup,
restore, gui.

``backup`` is open to everyone who can open the archive; ``restore`` replaces everyone's data
and needs a manager or an administrator (see ``desktop.services.backups``)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from .. import config, errors
from ..secrets.keystore import KeyState
from ..services.opening import create_archive
from ..storage.archive import archive_id
from . import passphrase as pp
from .output import emit

_KEYRING_WORDS = {
    KeyState.FOUND: "The key is stored in the system keyring.",
    KeyState.MISSING: "The keyring holds no key for this archive.",
    KeyState.LOCKED: "The system keyring is locked: the key was not stored there.",
    KeyState.NO_BACKEND: "No system keyring is used: the passphrase will be asked each time.",
    KeyState.ERROR: "The system keyring failed: the key was not stored there.",
}


def cmd_init(args: argparse.Namespace) -> int:
    path = pp.archive_path(args)
    if path.exists():
        raise errors.ArchiveExists("{path} already exists.", path=str(path))
    secret = pp.new(args, "passphrase for the new archive")
    store = pp.keystore(args)
    service, stored = create_archive(path, secret, store, remember=True)
    try:
        state = stored or KeyState.NO_BACKEND
        cfg = config.load()
        cfg.remember_archive(path)
        config.save(cfg)
        emit(
            args,
            {
                "path": str(path),
                "archive_id": service.archive_id,
                "schema_version": service.archive.schema_version,
                "keyring": state.value,
            },
            f"Created {path}\nArchive id: {service.archive_id}\n{_KEYRING_WORDS[state]}",
        )
    finally:
        service.close()
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    service = pp.open_service(args, readonly=True)
    try:
        report = service.check()
    finally:
        service.close()
    lines = [
        f"Archive:        {report.path}",
        f"Archive id:     {report.archive_id}",
        f"Schema version: {report.schema_version} (this program: {report.program_schema})",
        f"SQLCipher:      {report.cipher_version}",
        f"File system:    {report.filesystem}"
        + (" (a network drive)" if report.network else "")
        + f", journal mode {report.journal_mode}",
        "SQLite integrity check:    " + ("ok" if not report.sqlite_problems else "FAILED"),
        "SQLCipher integrity check: " + ("ok" if not report.cipher_problems else "FAILED"),
    ]
    lines += [f"  {p}" for p in report.sqlite_problems + report.cipher_problems]
    emit(args, dict(asdict(report), ok=report.ok), "\n".join(lines))
    return 0 if report.ok else 20


def cmd_passwd(args: argparse.Namespace) -> int:
    path = pp.archive_path(args)
    store = pp.keystore(args)
    from ..services.opening import open_with_passphrase

    current = pp.existing(args, "current passphrase")
    service, _ = open_with_passphrase(path, current, store)
    try:
        new = pp.new(args, "new passphrase")
        state = service.change_passphrase(current, new)
    finally:
        service.close()
    words = {
        KeyState.FOUND: "The keyring entry was updated.",
        KeyState.MISSING: "The keyring held no key for this archive; none was stored.",
    }.get(state, _KEYRING_WORDS[state])
    emit(
        args,
        {"path": str(path), "changed": True, "keyring": state.value},
        f"Passphrase changed for {path}.\n{words}",
    )
    return 0


def cmd_forget_key(args: argparse.Namespace) -> int:
    path = pp.archive_path(args)
    aid = archive_id(path)
    state = pp.keystore(args).delete(aid)
    if state is KeyState.LOCKED:
        raise errors.KeyringLocked("The system keyring is locked; unlock it and try again.")
    if state is KeyState.NO_BACKEND:
        raise errors.NoPassphrase("No system keyring is available here; nothing to forget.")
    text = (
        "The key was removed from the system keyring."
        if state is KeyState.FOUND
        else "The keyring held no key for this archive."
    )
    emit(args, {"path": str(path), "archive_id": aid, "removed": state is KeyState.FOUND}, text)
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..services import backups
    from .session import current_actor

    service = pp.open_service(args)
    try:
        service.actor = current_actor(args, service.archive)
        target = backups.backup_now(service, Path(args.out) if args.out else None)
        size = target.stat().st_size
    finally:
        service.close()
    emit(args, {"path": str(target), "size": size}, f"Backup written to {target} ({size:,} bytes).")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    import sys

    from ..domain.permissions import Role
    from ..services import backups
    from ..services.audit import AuditService
    from .session import current_actor

    path = pp.archive_path(args)
    backup = Path(args.backup).expanduser().absolute()
    if not backup.exists():
        raise errors.ArchiveMissing("No backup at {backup}.", backup=backup, path=str(backup))
    if not args.yes and not (sys.stdin.isatty() and not args.passphrase_stdin):
        raise errors.ValidationError(
            "restore would replace the archive {path} with {backup}; run it again with --yes to do so.",
            path=path,
            backup=backup,
        )
    old_id = None
    store = pp.keystore(args)
    if path.exists():
        service = pp.open_service(args)
        try:
            actor = current_actor(args, service.archive)
            others = [s for s in service.sessions() if not s.is_me]
            secret = service._passphrase  # noqa: SLF001 - the backup has the archive's key
            old_id = service.archive_id
        finally:
            service.close()
        if others:
            who = ", ".join(f"{s.user_name} on {s.computer}" for s in others)
            raise errors.ArchiveBusy(
                "The archive {path} is open elsewhere ({who}); close it there first.",
                path=path,
                who=who,
            )
    else:
        secret = pp.existing(args)
        from ..services.opening import open_with_passphrase

        service, _ = open_with_passphrase(backup, secret, None, readonly=True)
        try:
            actor = current_actor(args, service.archive)
        finally:
            service.close()
    if actor.role not in (Role.MANAGER, Role.ADMINISTRATOR):
        raise errors.PermissionDenied(
            "{user_name} may not restore a backup: that needs a manager or an administrator.",
            user_name=actor.user_name,
        )
    if not args.yes:
        answer = input(f"Replace {path} with the backup {backup}? Type yes to go on: ")
        if answer.strip().lower() not in ("yes", "y"):
            raise pp.PromptCancelled()
    report = backups.verify_backup(backup, secret)
    aside = backups.restore(backup, path, secret, user_name=actor.user_name, report=report)
    from ..storage.archive import Archive

    with Archive.open(path, secret) as restored:
        new_id = restored.id
        AuditService(restored, actor.user_name).forget_known_entry()
        chain = AuditService(restored, actor.user_name).verify()
    keyring = "not_used"
    if old_id is not None and store.get(old_id).found:
        keyring = store.set(new_id, secret).value
    data = {
        "path": str(path),
        "backup": str(backup),
        "previous": str(aside) if aside else None,
        "archive_id": new_id,
        "keyring": keyring,
        "check": report.to_json(),
        "audit": chain.to_json(),
    }
    lines = [
        f"Checked {backup}:",
        "  SQLite and SQLCipher integrity checks: ok",
        f"  schema {report.schema_version} (this program: {report.program_schema})",
        f"  {report.customers} customers, {report.contacts} contacts, "
        f"{report.audit_entries} audit entries",
        f"  {report.audit_message}",
        f"Restored {path} from it (new archive id {new_id}).",
        f"The previous file was kept as {aside}." if aside else "There was no previous file.",
    ]
    if keyring == "found":
        lines.append("The key was stored in the system keyring for the restored archive.")
    emit(args, data, "\n".join(lines))
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from ..gui.app import main as gui_main

    return gui_main(archive=args.archive, readonly=bool(getattr(args, "read_only", False)))


def register(sub: argparse._SubParsersAction, common) -> None:
    p = sub.add_parser("init", help="create a new archive (asks for its passphrase twice)")
    common(p)
    p.set_defaults(handler=cmd_init)

    p = sub.add_parser("check", help="run SQLite's and SQLCipher's integrity checks")
    common(p)
    p.set_defaults(handler=cmd_check)

    p = sub.add_parser(
        "passwd",
        help="change the passphrase (with --passphrase-stdin: current on line 1, new on line 2)",
    )
    common(p)
    p.set_defaults(handler=cmd_passwd)

    p = sub.add_parser("forget-key", help="remove this archive's key from the system keyring")
    common(p)
    p.set_defaults(handler=cmd_forget_key)

    p = sub.add_parser("backup", help="write an encrypted backup (default: into the backup folder)")
    p.add_argument("out", nargs="?", metavar="OUT", help="the backup file to write")
    common(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore",
        help="check a backup and put it in the archive's place (the current file is kept aside)",
    )
    p.add_argument("backup", metavar="BACKUP", help="the backup file")
    p.add_argument("--yes", action="store_true", help="do not ask before replacing the archive")
    common(p)
    p.set_defaults(handler=cmd_restore)

    p = sub.add_parser("gui", help="open the window (the default with no command)")
    common(p)
    p.set_defaults(handler=cmd_gui)
