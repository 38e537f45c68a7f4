"""Where archive keys come from: the OS keyring, with typed outcomes.

A locked keyring, a missing backend and a missing entry are different answers, and none
of them is ever read as "no key, so make a new one". Plaintext keyring backends
(keyrings.alt's file stores, the null and fail backends) are refused: where no real
keyring exists the program asks for the passphrase each time.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass, field

import keyring
import keyring.errors

log = logging.getLogger(__name__)

SERVICE = "customer-archive"

# Backends that would store the secret in a plain or home-made file, or nowhere.
_REFUSED_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt")


class KeyState(enum.Enum):
    FOUND = "found"  # the key is in the keyring
    MISSING = "missing"  # the keyring works but holds no entry for this archive
    LOCKED = "locked"  # the keyring exists but is locked and was not unlocked
    NO_BACKEND = "no_backend"  # no usable keyring on this system (or disabled by --no-keyring)
    ERROR = "error"  # the keyring answered with an error (D-Bus failure, …)


@dataclass(frozen=True)
class KeyLookup:
    state: KeyState
    secret: str | None = field(default=None, repr=False)
    detail: str = ""  # why, for a message; never the secret

    @property
    def found(self) -> bool:
        return self.state is KeyState.FOUND


def backend_usable(backend: keyring.backend.KeyringBackend) -> bool:
    module = type(backend).__module__
    if module.startswith(_REFUSED_MODULES):
        return False
    if type(backend).__name__ == "ChainerBackend":
        return any(backend_usable(b) for b in getattr(backend, "backends", []))
    return True


class KeyStore:
    """The archive keys in the OS keyring: service ``customer-archive``, account = archive id."""

    def __init__(self, backend: keyring.backend.KeyringBackend | None = None) -> None:
        self._backend = backend

    def _get_backend(self):
        if self._backend is None:
            self._backend = keyring.get_keyring()
        return self._backend

    def backend_name(self) -> str:
        backend = self._get_backend()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def state(self) -> KeyState:
        """Whether a usable keyring exists at all (without touching any entry)."""
        try:
            return KeyState.FOUND if backend_usable(self._get_backend()) else KeyState.NO_BACKEND
        except Exception:  # noqa: BLE001 - a broken backend is "none" to the user
            return KeyState.NO_BACKEND

    def get(self, archive_id: str) -> KeyLookup:
        if self.state() is KeyState.NO_BACKEND:
            return KeyLookup(KeyState.NO_BACKEND, detail="no keyring on this system")
        try:
            secret = self._get_backend().get_password(SERVICE, archive_id)
        except keyring.errors.KeyringLocked:
            return KeyLookup(KeyState.LOCKED, detail="the keyring is locked")
        except keyring.errors.InitError:
            # The service runs but its collection could not be opened or made (the unlock
            # prompt was dismissed or could not be shown): locked, not absent.
            return KeyLookup(KeyState.LOCKED, detail="the keyring could not be unlocked")
        except keyring.errors.NoKeyringError:
            return KeyLookup(KeyState.NO_BACKEND, detail="no keyring on this system")
        except Exception as exc:  # noqa: BLE001 - D-Bus and backend errors vary by OS
            log.warning("keyring lookup failed: %s", type(exc).__name__)
            return KeyLookup(KeyState.ERROR, detail=type(exc).__name__)
        if secret is None:
            return KeyLookup(KeyState.MISSING, detail="no entry for this archive")
        return KeyLookup(KeyState.FOUND, secret=secret)

    def set(self, archive_id: str, secret: str) -> KeyState:
        """Store the key; returns FOUND on success, or the state that prevented it."""
        if self.state() is KeyState.NO_BACKEND:
            return KeyState.NO_BACKEND
        try:
            self._get_backend().set_password(SERVICE, archive_id, secret)
        except (keyring.errors.KeyringLocked, keyring.errors.InitError):
            return KeyState.LOCKED
        except keyring.errors.NoKeyringError:
            return KeyState.NO_BACKEND
        except Exception as exc:  # noqa: BLE001
            log.warning("keyring store failed: %s", type(exc).__name__)
            return KeyState.ERROR
        log.info("stored the key of archive %s in the keyring", archive_id)
        return KeyState.FOUND

    def delete(self, archive_id: str) -> KeyState:
        """Remove the entry; FOUND if one was removed, MISSING if there was none."""
        if self.state() is KeyState.NO_BACKEND:
            return KeyState.NO_BACKEND
        try:
            self._get_backend().delete_password(SERVICE, archive_id)
        except keyring.errors.PasswordDeleteError:
            return KeyState.MISSING
        except (keyring.errors.KeyringLocked, keyring.errors.InitError):
            return KeyState.LOCKED
        except Exception as exc:  # noqa: BLE001
            log.warning("keyring delete failed: %s", type(exc).__name__)
            return KeyState.ERROR
        log.info("removed the key of archive %s from the keyring", archive_id)
        return KeyState.FOUND


class DisabledKeyStore(KeyStore):
    """``--no-keyring``: behaves as a system without a keyring."""

    def state(self) -> KeyState:
        return KeyState.NO_BACKEND

    def backend_name(self) -> str:
        return "disabled"
