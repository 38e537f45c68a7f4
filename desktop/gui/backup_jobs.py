"""Jobs for the database worker behind the backup settings and Tools › Restore from Backup….

They run on the worker thread and return plain data; nothing here touches a widget.
Restoring mirrors the CLI's ``restore``: a manager or an administrator, nobody else with the
archive open, the backup verified first, the current file kept aside, the keyring key stored
again under the restored file's new id, and the archive opened again.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from .. import errors
from ..domain.permissions import Action, Role, allowed
from ..secrets.keystore import KeyStore
from ..services import backups, opening
from . import archive_jobs
from .worker import WorkerContext

log = logging.getLogger(__name__)

RESTORE_ROLES = (Role.MANAGER, Role.ADMINISTRATOR)


@dataclass(frozen=True)
class BackupState:
    settings: backups.BackupSettings
    found: list[tuple[str, str, int]]  # (local time, path, size), newest first
    may_manage: bool  # change the office's settings (administrators)
    may_restore: bool  # managers and administrators
    may_back_up: bool = True  # Back Up Now: those allowed a direct full export


def may_restore(actor) -> bool:
    return actor is not None and actor.role in RESTORE_ROLES


def state(svc) -> BackupState:
    found = []
    for when, path in backups.automatic_backups(backups.backup_folder(svc), svc.path.stem):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append((when.strftime("%Y-%m-%d %H:%M:%S"), str(path), size))
    actor = svc.actor
    return BackupState(
        backups.settings(svc),
        found,
        actor is not None and allowed(actor, Action.MANAGE_SETTINGS),
        may_restore(actor),
        backups.may_back_up(svc),
    )


def save_settings(folder: str, automatic: bool, keep: tuple[int, int, int]):
    def job(svc) -> BackupState:
        backups.set_settings(svc, folder=folder, automatic=automatic, keep=keep)
        return state(svc)

    return job


def backup_now(svc, job) -> str:
    """Back Up Now: in steps, with the progress dialog's counts and its Cancel button."""
    path = backups.backup_now(svc, progress=job.report, cancelled=job.cancelled)
    daily, weekly, monthly = backups.keep_counts(svc)
    backups.rotate(path.parent, svc.path.stem, daily, weekly, monthly)
    return str(path)


def verify(path: str):
    def job(svc) -> backups.BackupReport:
        return backups.verify_backup(path, svc._passphrase)  # noqa: SLF001 - same key as the archive

    return job


@dataclass(frozen=True)
class Restored:
    info: archive_jobs.ArchiveInfo
    previous: str | None  # where the file before the restore was kept
    report: backups.BackupReport


def restore(backup: str, report: backups.BackupReport, keystore: KeyStore):
    def job(ctx: WorkerContext) -> Restored:
        svc = ctx.service
        if svc is None:
            raise errors.ArchiveError("No archive is open.")
        actor = svc.actor
        if not may_restore(actor):
            raise errors.PermissionDenied(
                "Restoring a backup replaces everyone's data: that needs a manager or an "
                "administrator."
            )
        others = [s for s in svc.sessions() if not s.is_me]
        if others:
            who = ", ".join(f"{s.user_name} on {s.computer}" for s in others)
            raise errors.ArchiveBusy(
                "The archive is open elsewhere ({who}); close it there first.",
                who=who,
                path=str(svc.path),
                others=who,
            )
        path, secret, old_id = svc.path, svc._passphrase, svc.archive_id  # noqa: SLF001
        svc.close()  # no backup on close: the current file is kept aside whole
        ctx.service = None
        try:
            previous = backups.restore(
                backup, path, secret, user_name=actor.user_name, report=report
            )
        except BaseException:
            # Nothing was replaced (the restore is all or nothing): back to the archive as it was.
            if os.path.exists(path):
                service, _ = opening.open_with_passphrase(path, secret, keystore)
                archive_jobs.adopt(ctx, service, "passphrase", None)
            raise
        new_id = backups.settle_restored(path, secret, actor.user_name)
        if keystore is not None and keystore.get(old_id).found:
            keystore.set(new_id, secret)
        service, _ = opening.open_with_passphrase(path, secret, keystore)
        info = archive_jobs.adopt(ctx, service, "passphrase", None)
        log.info("restored %s from %s", path, backup)
        return Restored(info, str(previous) if previous else None, report)

    return job
