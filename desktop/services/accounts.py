"""Accounts of the archive: the first administrator, adding people, passwords, roles, login.

docs/domain.md, Accounts and login: accounts live in the archive (table ``users``, migration 3). A
new archive has one
administrator named after the OS user, without a password: a single-user office is never
asked for an in-app password. Once a second active account exists the archive is in
multi-user mode and everybody logs in with a password.

Rules kept here:
- Only administrators manage accounts (``permissions.Action.MANAGE_USERS``); the acting
  administrator is read again from the table, so a stale ``Actor`` is not trusted.
- Adding the second account needs a password for the new account and, when the acting
  administrator has none yet (the single-user administrator), one for them too, in the same
  call (``admin_password``): otherwise nobody could log in as the administrator afterwards.
- Nobody can deactivate or demote the last active administrator. Accounts are never deleted
  (customers, approvals and the audit log name them); they are deactivated.
- Passwords: ``hashlib.scrypt`` (n=2**14, r=8, p=1, 16-byte salt), stored as
  ``scrypt$n$r$p$salthex$hashhex``, compared with ``hmac.compare_digest``. Never logged,
  never in an exception's text.
- Failed logins are counted in the table, so the delay holds across processes and PCs:
  after 3 failures each attempt is refused until 2**(failures-3) seconds (at most 300) have
  passed since the last failure. Refused attempts do not count as failures. A success resets
  the counter. (The check and the count are not one transaction, so parallel attempts from
  several processes may each get through one window; the count still grows with each.)
- The audit log (docs/architecture.md, The audit chain) gets every account change and every login
  and failed login of a
  known account, in the same transaction; never a password. A failed login under an unknown
  name is not recorded: people type their password into the name field.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import os
import time
import unicodedata
from dataclasses import dataclass
from enum import Enum
from typing import Callable

from .. import errors
from ..domain import permissions
from ..domain.permissions import Action, Actor, Role
from ..storage import accounts as store
from ..storage import audit
from ..storage.archive import Archive

log = logging.getLogger(__name__)

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
_SCRYPT_MAXMEM = 64 * 1024 * 1024

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 1024
MAX_USER_NAME = 64
MAX_DISPLAY_NAME = 100
MAX_REGION = 64

FREE_FAILURES = 3  # failures before the delay starts
MAX_DELAY_S = 300


class _Unset(Enum):
    UNSET = 0  # "not given": None is a value (no region)


_UNSET = _Unset.UNSET


@dataclass(frozen=True)
class User:
    """An account as the GUI and CLI show it (never the password hash)."""

    id: int
    user_name: str
    display_name: str
    role: Role
    region: str | None
    has_password: bool
    active: bool
    must_change_password: bool
    failed_logins: int
    last_failed_at: str | None
    created_at: str
    version: int

    @property
    def actor(self) -> Actor:
        return Actor(self.user_name, self.display_name, self.role, self.region)

    def to_json(self) -> dict:
        return {
            "user_name": self.user_name,
            "display_name": self.display_name,
            "role": self.role.value,
            "role_label": permissions.role_label(self.role, "zh"),
            "region": self.region,
            "active": self.active,
            "has_password": self.has_password,
            "must_change_password": self.must_change_password,
            "failed_logins": self.failed_logins,
            "created_at": self.created_at,
        }


def _user(row: tuple) -> User:
    (
        uid,
        name,
        display,
        role,
        region,
        has_pw,
        active,
        must,
        failed,
        last_failed,
        created,
        version,
    ) = row
    return User(
        uid,
        name,
        display,
        Role(role),
        region,
        bool(has_pw),
        bool(active),
        bool(must),
        int(failed),
        last_failed,
        created,
        int(version),
    )


# ------------------------------------------------------------------------------------------
# Passwords
# ------------------------------------------------------------------------------------------


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    digest = hashlib.scrypt(
        password.encode("utf-8"),
        salt=salt,
        n=SCRYPT_N,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=_SCRYPT_MAXMEM,
        dklen=HASH_BYTES,
    )
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches ``stored``; False for a missing or malformed hash."""
    if not stored:
        return False
    try:
        scheme, n_text, r_text, p_text, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        n, r, p = int(n_text), int(r_text), int(p_text)
        salt, expected = bytes.fromhex(salt_hex), bytes.fromhex(hash_hex)
        if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16 and expected):
            return False
        digest = hashlib.scrypt(
            password.encode("utf-8"),
            salt=salt,
            n=n,
            r=r,
            p=p,
            maxmem=_SCRYPT_MAXMEM * 4,
            dklen=len(expected),
        )
    except (ValueError, TypeError, MemoryError):
        return False
    return hmac.compare_digest(digest, expected)


_DUMMY_HASH = hash_password("not a password", salt=b"\x00" * SALT_BYTES)


def _check_new_password(password: str | None, field: str = "password") -> str:
    if password is None or password == "":
        raise errors.ValidationError("A password is required.", fields={field: "required"})
    if len(password) < MIN_PASSWORD_LENGTH:
        raise errors.ValidationError(
            "A password must have at least {MIN_PASSWORD_LENGTH} characters.",
            MIN_PASSWORD_LENGTH=MIN_PASSWORD_LENGTH,
            fields={field: "too_short"},
        )
    if len(password) > MAX_PASSWORD_LENGTH or "\x00" in password:
        raise errors.ValidationError("That password cannot be used.", fields={field: "invalid"})
    return password


# ------------------------------------------------------------------------------------------
# Names
# ------------------------------------------------------------------------------------------


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch).startswith("C") for ch in text)


def check_user_name(name: str | None) -> str:
    """A user name: 1-64 characters, no control characters, no space at either end.

    Letters of any script (张三), digits, spaces inside (Windows account names have them),
    and punctuation are accepted; names are unique regardless of ASCII case.
    """
    name = (name or "").strip()
    if not name:
        raise errors.ValidationError("A user name is required.", fields={"user_name": "required"})
    if len(name) > MAX_USER_NAME or _has_control(name):
        raise errors.ValidationError(
            "A user name has at most {MAX_USER_NAME} characters and no control characters.",
            MAX_USER_NAME=MAX_USER_NAME,
            fields={"user_name": "invalid"},
        )
    return name


def _check_display_name(name: str | None, fallback: str) -> str:
    name = (name or "").strip() or fallback
    if len(name) > MAX_DISPLAY_NAME or _has_control(name):
        raise errors.ValidationError(
            "A display name has at most {MAX_DISPLAY_NAME} characters.",
            MAX_DISPLAY_NAME=MAX_DISPLAY_NAME,
            fields={"display_name": "invalid"},
        )
    return name


def _check_role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        choices = ", ".join(r.value for r in Role)
        raise errors.ValidationError(
            "Unknown role {role!r}; one of: {choices}.",
            role=role,
            choices=choices,
            fields={"role": "invalid"},
        ) from None


def _check_region(region: str | None, role: Role) -> str | None:
    region = (region or "").strip() or None
    if region is not None and (len(region) > MAX_REGION or _has_control(region)):
        raise errors.ValidationError(
            "A region has at most {MAX_REGION} characters.",
            MAX_REGION=MAX_REGION,
            fields={"region": "invalid"},
        )
    if role is Role.REGIONAL_MANAGER and region is None:
        raise errors.ValidationError(
            "A regional manager needs a region.", fields={"region": "required"}
        )
    return region


# ------------------------------------------------------------------------------------------
# The service
# ------------------------------------------------------------------------------------------


def _audit(c, by: str, action: str, user_name: str, details: dict) -> None:
    audit.append(
        c, user_name=by, action=action, target_type="user", target_id=user_name, details=details
    )


class AccountService:
    """Accounts of one open archive. ``clock`` gives seconds since the epoch (tests inject one)."""

    def __init__(self, archive: Archive, *, clock: Callable[[], float] = time.time) -> None:
        self.archive = archive
        self.clock = clock

    # ------------------------------------------------------------------ reading
    def users(self, *, include_inactive: bool = True) -> list[User]:
        with self.archive.driver_errors():
            rows = store.users(self.archive.conn, include_inactive=include_inactive)
        return [_user(r) for r in rows]

    def people(self) -> list[tuple[str, str, bool]]:
        """``(login name, display name, active)`` of every account: how the window names people
        (not secret: anyone working in the archive sees who else does)."""
        return [(u.user_name, u.display_name or u.user_name, u.active) for u in self.users()]

    def get(self, user_name: str) -> User:
        with self.archive.driver_errors():
            row = store.user(self.archive.conn, user_name or "")
        if row is None:
            raise errors.NotFound("No user {user_name!r} in this archive.", user_name=user_name)
        return _user(row)

    def user_count(self) -> int:
        """Active accounts (the count that decides single- or multi-user mode)."""
        with self.archive.driver_errors():
            return store.active_count(self.archive.conn)

    def multi_user(self) -> bool:
        return self.user_count() > 1

    # ------------------------------------------------------------------ the first administrator
    def ensure_first_admin(self, os_user_name: str) -> Actor:
        """Called at every open: a new archive gets its administrator, named after the OS user,
        without a password. Returns the first active administrator's actor.

        On an archive opened read-only with no accounts (nothing can be written), the actor is
        returned without being stored.
        """
        try:
            name = check_user_name(os_user_name)
        except errors.ValidationError:
            name = "admin"
        with self.archive.driver_errors():
            anyone = store.any_account(self.archive.conn)
        if not anyone:
            if self.archive.readonly:
                return Actor(name, name, Role.ADMINISTRATOR, None)
            with self.archive.write() as c:  # BEGIN IMMEDIATE: two first opens make one admin
                if not store.any_account(c):
                    store.add_first_admin(c, name, self._now_text())
                    _audit(c, name, "user_add", name, {"role": "administrator", "first": True})
                    log.info("created the first administrator of %s", self.archive.path)
        with self.archive.driver_errors():
            row = store.first_active_admin(self.archive.conn)
        if row is None:  # cannot happen through this service; a hand-edited file, maybe
            raise errors.ArchiveError("The archive has no active administrator.")
        return _user(row).actor

    # ------------------------------------------------------------------ who is acting
    def actor_for(self, user_name: str | None = None) -> Actor:
        """The actor of an account without a password: only in single-user mode.

        ``user_name`` None: the sole active account.
        """
        if self.multi_user():
            raise errors.PermissionDenied(
                "This archive has several users: log in with your user name and password."
            )
        if user_name is None:
            active = self.users(include_inactive=False)
            if not active:
                raise errors.ArchiveError("The archive has no active account.")
            return active[0].actor
        user = self.get(user_name)
        if not user.active:
            raise errors.PermissionDenied(
                "The account {user_name} is deactivated.", user_name=user.user_name
            )
        return user.actor

    def login(self, user_name: str, password: str) -> Actor:
        """Check a password; the delay after repeated failures holds across processes."""
        with self.archive.driver_errors():
            row = store.login_row(self.archive.conn, user_name or "")
        if row is None:
            verify_password(password or "", _DUMMY_HASH)  # the same time as a wrong password
            raise errors.LoginFailed("Unknown user or wrong password.")
        uid, name, stored, active, failures, last_failed = row
        if stored is None:
            if not active:
                raise errors.LoginFailed("The account {name} is deactivated.", name=name)
            if not self.multi_user():
                return self.get(name).actor
            raise errors.LoginFailed(
                "The account {name} has no password yet: an administrator must set one.", name=name
            )
        self._check_delay(name, failures, last_failed)
        if not verify_password(password or "", stored):
            self._record_failure(uid, name)
            log.info("failed login for %s", name)
            raise errors.LoginFailed("Unknown user or wrong password.")
        if not active:
            raise errors.LoginFailed("The account {name} is deactivated.", name=name)
        if not self.archive.readonly:
            with self.archive.write() as c:
                if failures:
                    store.clear_failures(c, uid)
                _audit(c, name, "login", name, {"after_failures": failures} if failures else {})
        log.info("login of %s", name)
        return self.get(name).actor

    def wait_before_login(self, user_name: str) -> float:
        """Seconds until ``user_name`` may try again (0: now)."""
        with self.archive.driver_errors():
            row = store.failures(self.archive.conn, user_name)
        return 0.0 if row is None else self._wait(*row)

    # ------------------------------------------------------------------ managing accounts
    def add_user(
        self,
        actor: Actor,
        user_name: str,
        display_name: str | None,
        role: Role | str,
        region: str | None,
        password: str | None,
        *,
        admin_password: str | None = None,
        must_change_password: bool = True,
    ) -> User:
        """Add an account (administrators only). The new account always gets a password:
        there will be more than one user. When the acting administrator has no password yet
        (the single-user administrator adding the second account) ``admin_password`` sets
        theirs in the same transaction; without it the call is refused.

        ``must_change_password``: the new person must choose their own password at their
        first login (the administrator knows this one)."""
        name = check_user_name(user_name)
        display = _check_display_name(display_name, name)
        role = _check_role(role)
        region = _check_region(region, role)
        password = _check_new_password(password)
        with self.archive.write() as c:
            me = self._acting_admin(c, actor)
            if store.exists(c, name):
                raise errors.ValidationError(
                    "There is already a user {name}.", name=name, fields={"user_name": "exists"}
                )
            if not me.has_password:
                if not admin_password:
                    raise errors.ValidationError(
                        "With a second account everybody logs in with a password, and you ({user_name}) have none yet: choose one for yourself when you add {name}.",
                        user_name=me.user_name,
                        name=name,
                        fields={"admin_password": "required"},
                    )
                _check_new_password(admin_password, "admin_password")
                store.set_password(
                    c, me.id, hash_password(admin_password), must_change=False, clear_failures=False
                )
                _audit(c, me.user_name, "user_password_change", me.user_name, {})
            self._refuse_passwordless_others(c, exclude=(me.id,))
            store.add(
                c,
                name,
                display,
                role.value,
                region,
                hash_password(password),
                must_change_password,
                self._now_text(),
            )
            _audit(
                c,
                me.user_name,
                "user_add",
                name,
                {"display_name": display, "role": role.value, "region": region},
            )
        log.info("%s added user %s (%s)", actor.user_name, name, role.value)
        return self.get(name)

    def set_password(self, actor: Actor, user_name: str, old: str | None, new: str) -> None:
        """Change one's own password. ``old`` may be empty only while one has none."""
        target = self.get(user_name)
        if not actor.is_(target.user_name):
            raise errors.PermissionDenied(
                "You can change only your own password; an administrator resets others'."
            )
        _check_new_password(new)
        with self.archive.driver_errors():
            row = store.password_row(self.archive.conn, target.id)
        assert row is not None  # get() found the account, and accounts are never deleted
        stored, failures, last_failed = row
        if stored is not None:
            self._check_delay(target.user_name, failures, last_failed)
            if not verify_password(old or "", stored):
                self._record_failure(target.id, target.user_name)
                raise errors.PermissionDenied("The current password is wrong.")
        with self.archive.write() as c:
            store.set_password(
                c, target.id, hash_password(new), must_change=False, clear_failures=True
            )
            _audit(c, target.user_name, "user_password_change", target.user_name, {})
        log.info("%s changed their password", target.user_name)

    def reset_password(self, actor: Actor, user_name: str, new: str) -> None:
        """An administrator sets someone's password; they must change it at their next login.
        Also clears the failed-login delay."""
        _check_new_password(new)
        with self.archive.write() as c:
            me = self._acting_admin(c, actor)
            target = self._target(c, user_name)
            must = 0 if actor.is_(target.user_name) else 1
            store.set_password(
                c, target.id, hash_password(new), must_change=bool(must), clear_failures=True
            )
            _audit(c, me.user_name, "user_password_reset", target.user_name, {})
        log.info("%s reset the password of %s", actor.user_name, target.user_name)

    def set_active(self, actor: Actor, user_name: str, active: bool) -> User:
        with self.archive.write() as c:
            me = self._acting_admin(c, actor)
            target = self._target(c, user_name)
            if target.active == bool(active):
                return target
            if not active:
                self._refuse_last_admin(c, target, "deactivate")
            else:
                count = store.active_count(c)
                if count >= 1:
                    self._refuse_passwordless_others(c, exclude=())
                    if not target.has_password:
                        raise errors.ValidationError(
                            "{user_name} has no password: reset it before activating the account (with several users everybody logs in).",
                            user_name=target.user_name,
                            fields={"password": "required"},
                        )
            store.set_active(c, target.id, bool(active))
            _audit(
                c,
                me.user_name,
                "user_activate" if active else "user_deactivate",
                target.user_name,
                {},
            )
        log.info(
            "%s %s user %s",
            actor.user_name,
            "activated" if active else "deactivated",
            target.user_name,
        )
        return self.get(target.user_name)

    def set_role(
        self, actor: Actor, user_name: str, role: Role | str, region: str | None | _Unset = _UNSET
    ) -> User:
        """Change the role (and, when given, the region) of an account."""
        role = _check_role(role)
        with self.archive.write() as c:
            me = self._acting_admin(c, actor)
            target = self._target(c, user_name)
            new_region = _check_region(target.region if region is _UNSET else region, role)
            if target.role is Role.ADMINISTRATOR and role is not Role.ADMINISTRATOR:
                self._refuse_last_admin(c, target, "demote")
            store.set_role(c, target.id, role.value, new_region)
            _audit(
                c,
                me.user_name,
                "user_role",
                target.user_name,
                {"role": [target.role.value, role.value], "region": [target.region, new_region]},
            )
        log.info("%s set the role of %s to %s", actor.user_name, target.user_name, role.value)
        return self.get(target.user_name)

    def update_user(
        self,
        actor: Actor,
        user_name: str,
        *,
        display_name: str | None = None,
        region: str | None | _Unset = _UNSET,
    ) -> User:
        """Change the display name and/or region of an account (administrators only)."""
        with self.archive.write() as c:
            me = self._acting_admin(c, actor)
            target = self._target(c, user_name)
            display = (
                target.display_name
                if display_name is None
                else _check_display_name(display_name, target.user_name)
            )
            new_region = _check_region(target.region if region is _UNSET else region, target.role)
            store.set_profile(c, target.id, display, new_region)
            _audit(
                c,
                me.user_name,
                "user_update",
                target.user_name,
                {
                    "display_name": [target.display_name, display],
                    "region": [target.region, new_region],
                },
            )
        return self.get(target.user_name)

    # ------------------------------------------------------------------ internals
    def _now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.clock(), dt.timezone.utc)

    def _now_text(self) -> str:
        return self._now().isoformat(timespec="milliseconds")

    def _wait(self, failures: int, last_failed: str | None) -> float:
        if failures < FREE_FAILURES or not last_failed:
            return 0.0
        delay = min(2 ** (failures - FREE_FAILURES), MAX_DELAY_S)
        try:
            since = (self._now() - dt.datetime.fromisoformat(last_failed)).total_seconds()
        except (ValueError, TypeError):
            return 0.0
        return max(0.0, delay - since)

    def _check_delay(self, name: str, failures: int, last_failed: str | None) -> None:
        wait = self._wait(failures, last_failed)
        if wait > 0:
            seconds = max(1, int(wait + 0.999))
            raise errors.LoginFailed(
                "Too many failed logins for {name}: try again in {seconds} s.",
                name=name,
                seconds=seconds,
                wait_seconds=seconds,
                user_name=name,
            )

    def _record_failure(self, uid: int, name: str) -> None:
        if self.archive.readonly:
            return
        with self.archive.write() as c:
            failures = store.count_failure(c, uid, self._now_text())
            _audit(c, name, "login_failed", name, {"failures": failures})

    @staticmethod
    def _row(c, user_name: str) -> User | None:
        row = store.user(c, user_name or "")
        return None if row is None else _user(row)

    def _target(self, c, user_name: str) -> User:
        user = self._row(c, user_name)
        if user is None:
            raise errors.NotFound("No user {user_name!r} in this archive.", user_name=user_name)
        return user

    def _acting_admin(self, c, actor: Actor) -> User:
        me = self._row(c, actor.user_name)
        if me is None or not me.active or not permissions.allowed(me.actor, Action.MANAGE_USERS):
            raise errors.PermissionDenied("Only an administrator can manage accounts.")
        return me

    @staticmethod
    def _refuse_last_admin(c, target: User, what: str) -> None:
        if target.role is not Role.ADMINISTRATOR or not target.active:
            return
        others = store.other_active_admins(c, target.id)
        if not others:
            raise errors.PermissionDenied(
                "{user_name} is the last active administrator and cannot be {what}d: make someone else administrator first.",
                user_name=target.user_name,
                what=what,
            )

    @staticmethod
    def _refuse_passwordless_others(c, exclude: tuple[int, ...]) -> None:
        """Multi-user mode needs a password on every active account."""
        rows = store.passwordless_active(c)
        names = [n for i, n in rows if i not in exclude]
        if names:
            raise errors.ValidationError(
                "With several users everybody logs in with a password; these accounts have "
                "none: {names}. Reset their passwords first.",
                names=", ".join(names),
                fields={"password": "required"},
            )
