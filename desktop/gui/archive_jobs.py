"""Jobs for the database worker that open, create and close the archive.

They run on the worker thread (which owns the connection) and return plain data for the
GUI; they never touch widgets.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

from ..secrets.keystore import KeyState, KeyStore
from ..services import backups, opening
from ..services.archive_service import ArchiveService, SessionInfo
from .worker import WorkerContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ArchiveInfo:
    path: str
    archive_id: str
    schema_version: int
    key_source: str  # "keyring" or "passphrase"
    keyring_state: str | None  # after a "remember", the keyring's answer
    sessions: tuple[SessionInfo, ...]
    needs_login: bool = False  # several users: the window asks who is working
    user_name: str | None = None
    display_name: str | None = None
    role: str | None = None
    audit_warning: str | None = None  # the audit chain lost an entry this computer had seen
    backup_path: str | None = None  # the daily backup taken at this open, if one was due
    backup_problem: str | None = None  # … or why it could not be taken
    readonly: bool = False  # opened read-only: nothing can be changed
    network: bool = False  # the file is on a network drive
    filesystem: str = ""  # the file system type it is on ("nfs4", "ext4", …)
    key_remembered: bool | None = None  # the keyring holds its key now (None: not known)


def adopt(
    ctx: WorkerContext, service: ArchiveService, source: str, stored: KeyState | None
) -> ArchiveInfo:
    if ctx.service is not None:
        close(ctx)
    service.archive.on_wait = ctx.on_wait
    try:
        identified = service.identify()
        if identified:
            service.start_session()
        warning = service.audit_warning()
    except BaseException:
        service.close()
        raise
    ctx.service = service
    backup = _daily_backup(service)
    return dataclasses.replace(
        info_of(service, source, stored, audit_warning=warning),
        backup_path=backup[0],
        backup_problem=backup[1],
    )


def _daily_backup(service: ArchiveService) -> tuple[str | None, str | None]:
    """The first open of the day takes the daily backup (before anyone logs in, so that it
    comes before the day's work in the audit log). A failure never stops the opening: the
    window says what went wrong."""
    try:
        path = backups.backup_on_open(service)
    except Exception as exc:  # noqa: BLE001 - reported, the archive stays open
        log.warning("the daily backup failed: %s", exc)
        return None, getattr(exc, "message", type(exc).__name__)
    return (str(path) if path else None), None


def info_of(
    service: ArchiveService,
    source: str = "",
    stored: KeyState | None = None,
    audit_warning: str | None = None,
) -> ArchiveInfo:
    actor = service.actor
    return ArchiveInfo(
        path=str(service.path),
        archive_id=service.archive_id,
        schema_version=service.archive.schema_version,
        key_source=source,
        keyring_state=stored.value if stored else None,
        key_remembered=(
            True
            if source == "keyring" or stored is KeyState.FOUND
            else False
            if stored is KeyState.MISSING
            else None
        ),
        sessions=tuple(service.sessions()),
        needs_login=actor is None,
        user_name=actor.user_name if actor else None,
        display_name=actor.display_name if actor else None,
        role=actor.role.value if actor else None,
        audit_warning=audit_warning,
        readonly=service.archive.readonly,
        network=service.archive.location.network,
        filesystem=service.archive.location.fs_type,
    )


def login(user_name: str, password: str):
    def job(ctx: WorkerContext) -> ArchiveInfo:
        service = ctx.service
        service.login(user_name, password)
        service.start_session()
        return info_of(service)

    return job


def open_with_keyring(path: Path, keystore: KeyStore, readonly: bool = False):
    def job(ctx: WorkerContext) -> ArchiveInfo:
        return adopt(
            ctx, opening.open_with_keyring(path, keystore, readonly=readonly), "keyring", None
        )

    return job


def open_with_passphrase(
    path: Path,
    passphrase: str,
    keystore: KeyStore,
    remember: bool,
    readonly: bool = False,
    forget: bool = False,
):
    def job(ctx: WorkerContext) -> ArchiveInfo:
        service, stored = opening.open_with_passphrase(
            path, passphrase, keystore, remember=remember, forget=forget, readonly=readonly
        )
        return adopt(ctx, service, "passphrase", stored)

    return job


def create(path: Path, passphrase: str, keystore: KeyStore, remember: bool):
    def job(ctx: WorkerContext) -> ArchiveInfo:
        service, stored = opening.create_archive(path, passphrase, keystore, remember=remember)
        return adopt(ctx, service, "passphrase", stored)

    return job


def close(ctx: WorkerContext) -> None:
    """Close the archive, with the automatic backup on close when anything was changed."""
    if ctx.service is not None:
        try:
            if not ctx.service.archive.closed:
                backups.backup_on_close(ctx.service)
        except Exception as exc:  # noqa: BLE001 - closing goes on; the log says why
            log.warning("the backup on close failed: %s", exc)
        ctx.service.close()
        ctx.service = None


def keyring_state(keystore: KeyStore):
    def job(ctx: WorkerContext) -> KeyState:
        return keystore.state()

    return job
