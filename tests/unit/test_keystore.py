"""Typed keyring outcomes, with stand-in backends (the real Secret Service is in tests/integration).

What matters to the user: a locked or missing keyring is never read as "no key", a plaintext
store is never used, and the secret never shows in a repr or an error.
"""

from __future__ import annotations

import keyring.backend
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from desktop import errors
from desktop.secrets.keystore import SERVICE, DisabledKeyStore, KeyState, KeyStore
from desktop.services.opening import open_with_keyring, open_with_passphrase

# The key from the keyring opens the archive with SQLCipher's real KDF, as on a user's machine.
pytestmark = pytest.mark.real_kdf


class MemoryKeyring(keyring.backend.KeyringBackend):
    """An in-memory stand-in for a real OS keyring; ``fail_with`` makes every call raise."""

    priority = -1  # never chosen by keyring's own detection in this test process

    def __init__(self, fail_with: BaseException | None = None):
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}
        self.fail_with = fail_with
        self.calls = 0

    def _maybe_fail(self):
        self.calls += 1
        if self.fail_with is not None:
            raise self.fail_with

    def get_password(self, service, username):
        self._maybe_fail()
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self._maybe_fail()
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        self._maybe_fail()
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError("no such entry")
        del self.entries[(service, username)]


class PlaintextFileKeyring(MemoryKeyring):
    """Looks like keyrings.alt's file store, which keeps secrets in a home-made file."""


PlaintextFileKeyring.__module__ = "keyrings.alt.file"


class DBusTrouble(Exception):
    pass


AID = "0123456789abcdef0123456789abcdef"


def test_found_missing_and_round_trip():
    backend = MemoryKeyring()
    store = KeyStore(backend=backend)
    assert store.get(AID).state is KeyState.MISSING
    assert store.set(AID, "秘密 secret") is KeyState.FOUND
    assert backend.entries == {(SERVICE, AID): "秘密 secret"}
    lookup = store.get(AID)
    assert lookup.found and lookup.secret == "秘密 secret"
    assert "秘密" not in repr(lookup)
    assert store.delete(AID) is KeyState.FOUND
    assert store.delete(AID) is KeyState.MISSING
    assert store.get(AID).state is KeyState.MISSING


@pytest.mark.parametrize(
    "exc, state",
    [
        (keyring.errors.KeyringLocked("locked"), KeyState.LOCKED),
        (keyring.errors.InitError("prompt dismissed"), KeyState.LOCKED),
        (DBusTrouble("org.freedesktop.DBus.Error.NoReply"), KeyState.ERROR),
    ],
)
def test_trouble_is_typed_never_missing(exc, state):
    store = KeyStore(backend=MemoryKeyring(fail_with=exc))
    lookup = store.get(AID)
    assert lookup.state is state
    assert lookup.secret is None
    assert store.set(AID, "x") is state
    assert store.delete(AID) is state


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring(), PlaintextFileKeyring()],
    ids=["fail", "null", "keyrings.alt-file"],
)
def test_plaintext_and_dummy_backends_are_refused(backend):
    store = KeyStore(backend=backend)
    assert store.state() is KeyState.NO_BACKEND
    assert store.get(AID).state is KeyState.NO_BACKEND
    assert store.set(AID, "secret") is KeyState.NO_BACKEND
    if isinstance(backend, PlaintextFileKeyring):
        assert backend.entries == {} and backend.calls == 0  # never even asked


def _chainer_of(*backends):
    class ChainerBackend(keyring.backends.chainer.ChainerBackend):  # same name: seen as a chainer
        pass

    ChainerBackend.backends = list(backends)
    return ChainerBackend()


def test_chainer_is_usable_only_if_something_in_it_is():
    assert (
        KeyStore(_chainer_of(keyring.backends.fail.Keyring(), PlaintextFileKeyring())).state()
        is KeyState.NO_BACKEND
    )
    assert (
        KeyStore(_chainer_of(keyring.backends.null.Keyring(), MemoryKeyring())).state()
        is KeyState.FOUND
    )


def test_default_backend_in_tests_is_none_at_all():
    """The root conftest keeps tests away from the developer's real keyring."""
    assert KeyStore().state() is KeyState.NO_BACKEND


def test_disabled_keystore_never_touches_the_backend():
    backend = MemoryKeyring()
    store = DisabledKeyStore(backend=backend)
    assert store.get(AID).state is KeyState.NO_BACKEND
    assert store.set(AID, "x") is KeyState.NO_BACKEND
    assert backend.calls == 0


# --------------------------------------------------------------------------- opening


def test_open_with_keyring_outcomes(made_archive, passphrase):
    from desktop.storage.archive import archive_id

    aid = archive_id(made_archive)
    before = made_archive.read_bytes()

    with pytest.raises(errors.KeyringLocked):
        open_with_keyring(made_archive, KeyStore(MemoryKeyring(keyring.errors.KeyringLocked("x"))))
    with pytest.raises(errors.NoPassphrase) as info:
        open_with_keyring(made_archive, KeyStore(MemoryKeyring()))
    assert info.value.details["reason"] == "missing"
    with pytest.raises(errors.NoPassphrase) as info:
        open_with_keyring(made_archive, DisabledKeyStore())
    assert info.value.details["reason"] == "no_backend"
    with pytest.raises(errors.NoPassphrase) as info:
        open_with_keyring(made_archive, KeyStore(MemoryKeyring(DBusTrouble())))
    assert info.value.details["reason"] == "error"

    stale = MemoryKeyring()
    stale.entries[(SERVICE, aid)] = "the passphrase before it was changed"
    with pytest.raises(errors.NoPassphrase) as info:
        open_with_keyring(made_archive, KeyStore(stale))
    assert info.value.details["reason"] == "stale"
    assert "the passphrase before" not in info.value.message
    # Nothing of this wrote anything, nor stored a key.
    assert made_archive.read_bytes() == before
    assert sorted(p.name for p in made_archive.parent.iterdir()) == ["office.carc"]

    good = MemoryKeyring()
    good.entries[(SERVICE, aid)] = passphrase
    service = open_with_keyring(made_archive, KeyStore(good))
    try:
        assert service.archive_id == aid
    finally:
        service.close()


def test_change_passphrase_updates_an_existing_entry_only(made_archive, passphrase):
    backend = MemoryKeyring()
    store = KeyStore(backend)
    service, stored = open_with_passphrase(made_archive, passphrase, store, remember=True)
    try:
        assert stored is KeyState.FOUND
        assert service.change_passphrase(passphrase, "second passphrase") is KeyState.FOUND
        assert backend.entries[(SERVICE, service.archive_id)] == "second passphrase"
        with pytest.raises(errors.WrongPassphrase):
            service.change_passphrase("not the current one", "third passphrase")
        store.delete(service.archive_id)
        # No entry before: none is made behind the user's back.
        assert (
            service.change_passphrase("second passphrase", "third passphrase") is KeyState.MISSING
        )
        assert backend.entries == {}
    finally:
        service.close()
