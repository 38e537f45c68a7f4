"""Unlocking an archive: where the passphrase comes from, in the order of docs/architecture.md, The
archive file.

An explicit passphrase (a prompt or ``--passphrase-stdin``) first, then the OS keyring.
A keyring that is locked, missing or has no entry is reported as such, so the caller
asks for the passphrase and says why; it is never taken as a reason to make a new key.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from .. import errors
from ..logsetup import register_secret
from ..secrets.keystore import KeyState, KeyStore
from ..storage.archive import FILE_SUFFIX as FILE_SUFFIX  # the window's file dialogs
from ..storage.archive import Archive, archive_id
from .archive_service import ArchiveService

log = logging.getLogger(__name__)


def open_with_keyring(
    path: str | os.PathLike, keystore: KeyStore, *, readonly: bool = False
) -> ArchiveService:
    """Open with the key the keyring holds for this archive, or explain why not.

    Raises ``KeyringLocked`` or ``NoPassphrase`` (``details['reason']`` is the keyring
    state, or ``"stale"`` when the stored key no longer opens the file).
    """
    path = Path(path)
    aid = archive_id(path)
    lookup = keystore.get(aid)
    if lookup.state is KeyState.LOCKED:
        raise errors.KeyringLocked(
            "The system keyring is locked; unlock it or give the passphrase.", reason="locked"
        )
    if not lookup.found:
        reason = lookup.state.value
        text = {
            KeyState.MISSING: "The keyring holds no key for this archive.",
            KeyState.NO_BACKEND: "No system keyring is available here, so the passphrase is asked each time.",
            KeyState.ERROR: "The system keyring did not answer.",
        }[lookup.state]
        raise errors.NoPassphrase(text, reason=reason)
    secret = lookup.secret
    assert secret is not None  # a found key comes with its secret
    register_secret(secret)
    try:
        archive = Archive.open(path, secret, readonly=readonly)
    except errors.WrongPassphrase:
        raise errors.NoPassphrase(
            "The key in the system keyring no longer opens this archive (was the passphrase "
            "changed elsewhere?).",
            reason="stale",
        ) from None
    log.info("opened %s with the key from the keyring", path)
    return ArchiveService(archive, secret, keystore)


def open_with_passphrase(
    path: str | os.PathLike,
    passphrase: str,
    keystore: KeyStore | None = None,
    *,
    remember: bool = False,
    forget: bool = False,
    readonly: bool = False,
) -> tuple[ArchiveService, KeyState | None]:
    """Open with a passphrase the user gave; optionally remember it in the keyring, or
    (``forget``: the user unticked "remember") take a key remembered before out of it.

    Returns the service and, when ``remember`` or ``forget`` was asked, the keyring's answer
    (``FOUND``: the key is there now; ``MISSING``: it is not).
    """
    register_secret(passphrase)
    archive = Archive.open(path, passphrase, readonly=readonly)
    service = ArchiveService(archive, passphrase, keystore)
    stored = None
    if keystore is not None and remember:
        stored = service.remember_key()
    elif keystore is not None and forget:
        stored = service.forget_key()
    log.info("opened %s with a passphrase", path)
    return service, stored


def create_archive(
    path: str | os.PathLike,
    passphrase: str,
    keystore: KeyStore | None = None,
    *,
    remember: bool = False,
) -> tuple[ArchiveService, KeyState | None]:
    register_secret(passphrase)
    archive = Archive.create(path, passphrase)
    service = ArchiveService(archive, passphrase, keystore)
    stored = service.remember_key() if remember and keystore is not None else None
    return service, stored
