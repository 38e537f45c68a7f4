"""Accounts (desktop.services.accounts) and the ``users`` CLI: the first administrator, the
second-account rule, passwords, the failed-login delay, last-administrator protection."""

from __future__ import annotations

import logging
import re

import pytest

from desktop import errors
from desktop.domain.permissions import Actor, Role
from desktop.services import accounts as acc
from desktop.services.accounts import AccountService
from desktop.storage.archive import Archive

ADMIN_PW = "admin-pass-1"
ZHANG_PW = "zhang-密码-2026"


class Clock:
    def __init__(self, t: float = 1_760_000_000.0) -> None:
        self.t = t

    def __call__(self) -> float:
        return self.t

    def advance(self, seconds: float) -> None:
        self.t += seconds


@pytest.fixture
def archive(made_archive, passphrase):
    a = Archive.open(made_archive, passphrase)
    yield a
    a.close()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def svc(archive, clock) -> AccountService:
    return AccountService(archive, clock=clock)


@pytest.fixture
def admin(svc) -> Actor:
    return svc.ensure_first_admin("boss")


@pytest.fixture
def office(svc, admin) -> AccountService:
    """boss (administrator, password) + zhang (salesperson 华东)."""
    svc.add_user(
        admin,
        "zhang",
        "张三",
        "salesperson",
        "华东",
        ZHANG_PW,
        admin_password=ADMIN_PW,
        must_change_password=False,
    )
    return svc


# ------------------------------------------------------------------------------ passwords


def test_hash_format_and_verify():
    h = acc.hash_password("秘密 password")
    m = re.fullmatch(r"scrypt\$16384\$8\$1\$([0-9a-f]{32})\$([0-9a-f]{64})", h)
    assert m, h
    assert acc.verify_password("秘密 password", h)
    assert not acc.verify_password("秘密 passwort", h)
    assert acc.hash_password("x", salt=b"\x01" * 16) == acc.hash_password("x", salt=b"\x01" * 16)
    assert acc.hash_password("x") != acc.hash_password("x")  # a fresh salt each time
    for bad in (
        None,
        "",
        "scrypt$1$2",
        "bcrypt$16384$8$1$00$00",
        "scrypt$x$8$1$00$00",
        "scrypt$16384$8$1$zz$00",
        "scrypt$16384$8$1$00$",
    ):
        assert not acc.verify_password("x", bad)


# ------------------------------------------------------------------------------ first admin


def test_first_admin_is_made_once(svc, archive, passphrase):
    assert svc.users() == []
    a = svc.ensure_first_admin("boss")
    assert a == Actor("boss", "boss", Role.ADMINISTRATOR, None)
    assert svc.ensure_first_admin("someone-else") == a
    users = svc.users()
    assert len(users) == 1
    u = users[0]
    assert (u.user_name, u.role, u.has_password, u.active) == (
        "boss",
        Role.ADMINISTRATOR,
        False,
        True,
    )
    assert svc.user_count() == 1 and not svc.multi_user()
    # another connection (another process, another PC) sees the same
    again = AccountService(Archive.open(archive.path, passphrase))
    try:
        assert again.ensure_first_admin("other") == a
        assert len(again.users()) == 1
    finally:
        again.archive.close()


@pytest.mark.parametrize(
    ("os_name", "expected"),
    [
        ("张三", "张三"),
        ("John Smith", "John Smith"),
        ("", "admin"),
        ("a" * 65, "admin"),
        ("bad\nname", "admin"),
    ],
)
def test_first_admin_name(svc, os_name, expected):
    assert svc.ensure_first_admin(os_name).user_name == expected


def test_first_admin_on_readonly_archive_is_not_stored(made_archive, passphrase):
    with Archive.open(made_archive, passphrase, readonly=True) as ro:
        a = AccountService(ro).ensure_first_admin("boss")
        assert a.role is Role.ADMINISTRATOR
        assert AccountService(ro).users() == []


# ------------------------------------------------------------------------------ single user


def test_single_user_needs_no_password(svc, admin):
    assert svc.actor_for() == admin
    assert svc.actor_for("BOSS") == admin
    with pytest.raises(errors.NotFound):
        svc.actor_for("nobody")
    assert svc.login("boss", "") == admin  # no password set, single-user: no check


# ------------------------------------------------------------------------------ adding people


def test_second_account_needs_a_password_for_the_admin_too(svc, admin):
    with pytest.raises(errors.ValidationError) as info:
        svc.add_user(admin, "zhang", "张三", "salesperson", "华东", ZHANG_PW)
    assert info.value.details["fields"] == {"admin_password": "required"}
    assert "password" in info.value.message and "boss" in info.value.message
    assert len(svc.users()) == 1  # nothing was added
    with pytest.raises(errors.ValidationError) as info:
        svc.add_user(
            admin, "zhang", "张三", "salesperson", "华东", ZHANG_PW, admin_password="short"
        )
    assert info.value.details["fields"] == {"admin_password": "too_short"}
    assert len(svc.users()) == 1

    user = svc.add_user(
        admin, "zhang", "张三", "salesperson", "华东", ZHANG_PW, admin_password=ADMIN_PW
    )
    assert (user.user_name, user.display_name, user.role, user.region) == (
        "zhang",
        "张三",
        Role.SALESPERSON,
        "华东",
    )
    assert user.has_password and user.must_change_password
    assert svc.get("boss").has_password
    assert svc.multi_user() and svc.user_count() == 2
    assert svc.login("boss", ADMIN_PW) == admin


def test_new_account_always_needs_a_password(office, admin):
    for bad, why in ((None, "required"), ("", "required"), ("1234567", "too_short")):
        with pytest.raises(errors.ValidationError) as info:
            office.add_user(admin, "li", "李四", "salesperson", None, bad)
        assert info.value.details["fields"] == {"password": why}


def test_add_user_checks(office, admin):
    with pytest.raises(errors.ValidationError) as info:
        office.add_user(admin, "ZHANG", "另一个张三", "salesperson", None, "password-123")
    assert info.value.details["fields"] == {"user_name": "exists"}
    with pytest.raises(errors.ValidationError) as info:
        office.add_user(admin, "wang", "王五", "regional_manager", "  ", "password-123")
    assert info.value.details["fields"] == {"region": "required"}
    with pytest.raises(errors.ValidationError) as info:
        office.add_user(admin, "wang", "王五", "boss", None, "password-123")
    assert info.value.details["fields"] == {"role": "invalid"}
    with pytest.raises(errors.ValidationError):
        office.add_user(admin, " ", "王五", "manager", None, "password-123")
    with pytest.raises(errors.ValidationError):
        office.add_user(admin, "wang\t", "王五\x07", "manager", None, "password-123")
    # display name defaults to the user name; Chinese names and regions round-trip
    u = office.add_user(admin, "王五", None, "regional_manager", " 华南 ", "password-123")
    assert (u.user_name, u.display_name, u.region) == ("王五", "王五", "华南")
    assert office.login("王五", "password-123").display_name == "王五"


def test_only_administrators_manage_accounts(office, admin):
    zhang = office.login("zhang", ZHANG_PW)
    with pytest.raises(errors.PermissionDenied):
        office.add_user(zhang, "li", "李四", "salesperson", None, "password-123")
    with pytest.raises(errors.PermissionDenied):
        office.reset_password(zhang, "boss", "password-123")
    with pytest.raises(errors.PermissionDenied):
        office.set_active(zhang, "boss", False)
    with pytest.raises(errors.PermissionDenied):
        office.set_role(zhang, "zhang", "administrator")
    # a stale actor claiming the administrator role is not trusted
    fake = Actor("zhang", "张三", Role.ADMINISTRATOR)
    with pytest.raises(errors.PermissionDenied):
        office.add_user(fake, "li", "李四", "salesperson", None, "password-123")
    # an administrator who was deactivated meanwhile cannot act either
    office.add_user(admin, "admin2", "管理员二", "administrator", None, "password-123")
    office.set_active(admin, "admin2", False)
    with pytest.raises(errors.PermissionDenied):
        office.add_user(
            Actor("admin2", "x", "administrator"), "li", "李四", "salesperson", None, "password-123"
        )


def test_users_listing(office):
    names = [u.user_name for u in office.users()]
    assert names == ["boss", "zhang"]
    j = office.get("zhang").to_json()
    assert j["role_label"] == "业务员/客服" and j["display_name"] == "张三"
    assert "password_hash" not in j and not any("scrypt" in str(v) for v in j.values())


# ------------------------------------------------------------------------------ login


def test_login(office):
    a = office.login("ZHANG", ZHANG_PW)
    assert a == Actor("zhang", "张三", Role.SALESPERSON, "华东")
    with pytest.raises(errors.PermissionDenied) as info:
        office.login("zhang", "wrong password")
    assert info.value.message == "Unknown user or wrong password."
    with pytest.raises(errors.PermissionDenied) as unknown:
        office.login("nobody", ZHANG_PW)
    assert unknown.value.message == info.value.message  # no hint which one was wrong
    with pytest.raises(errors.PermissionDenied):
        office.actor_for("zhang")  # multi-user: no login without a password


def test_failed_login_delay(office, clock, archive, passphrase):
    def fail():
        with pytest.raises(errors.PermissionDenied) as info:
            office.login("zhang", "wrong password")
        return info.value

    for _ in range(3):
        assert fail().message == "Unknown user or wrong password."
    assert office.get("zhang").failed_logins == 3
    # after 3 failures: the next attempt waits 2**0 = 1 s after the last failure
    refused = fail()
    assert "try again in 1 s" in refused.message and refused.details["wait_seconds"] == 1
    assert office.get("zhang").failed_logins == 3  # refused attempts do not count
    # even the right password is refused while waiting
    with pytest.raises(errors.PermissionDenied, match="try again"):
        office.login("zhang", ZHANG_PW)
    clock.advance(1.0)
    assert fail().message == "Unknown user or wrong password."  # 4th failure
    assert office.wait_before_login("zhang") == pytest.approx(2.0)
    clock.advance(1.5)
    assert "try again in 1 s" in fail().message
    clock.advance(0.5)
    fail()  # 5th
    assert office.wait_before_login("zhang") == pytest.approx(4.0)

    # the counter lives in the file: another process sees the same delay
    other = AccountService(Archive.open(archive.path, passphrase), clock=clock)
    try:
        with pytest.raises(errors.PermissionDenied, match=r"try again in 4 s"):
            other.login("zhang", ZHANG_PW)
    finally:
        other.archive.close()

    clock.advance(4)
    assert office.login("zhang", ZHANG_PW).user_name == "zhang"
    assert office.get("zhang").failed_logins == 0
    assert office.get("zhang").last_failed_at is None
    assert office.wait_before_login("zhang") == 0


def test_delay_is_capped(office, clock, archive):
    with archive.write() as c:
        c.execute(
            "UPDATE users SET failed_logins = 40, last_failed_at = ? WHERE user_name = 'zhang'",
            (office._now_text(),),
        )
    assert office.wait_before_login("zhang") == pytest.approx(300)
    clock.advance(299)
    with pytest.raises(errors.PermissionDenied, match="try again in 1 s"):
        office.login("zhang", ZHANG_PW)
    clock.advance(1)
    office.login("zhang", ZHANG_PW)


def test_failures_of_one_user_do_not_delay_another(office):
    for _ in range(5):
        with pytest.raises(errors.PermissionDenied):
            office.login("zhang", "wrong password")
    assert office.login("boss", ADMIN_PW).user_name == "boss"


def test_inactive_user_cannot_log_in(office, admin):
    office.set_active(admin, "zhang", False)
    with pytest.raises(errors.PermissionDenied, match="deactivated"):
        office.login("zhang", ZHANG_PW)
    # wrong password for a deactivated account says nothing about the account
    with pytest.raises(errors.PermissionDenied, match="Unknown user or wrong password"):
        office.login("zhang", "wrong password")
    assert not office.multi_user()  # only boss is active now
    with pytest.raises(errors.PermissionDenied, match="deactivated"):
        office.actor_for("zhang")
    office.set_active(admin, "zhang", True)
    assert office.login("zhang", ZHANG_PW).user_name == "zhang"


def test_passwords_never_in_errors_or_log(office, admin, caplog):
    caplog.set_level(logging.DEBUG)
    secret = "my-secret-password-漏"
    messages = []
    for call in (
        lambda: office.login("zhang", secret),
        lambda: office.login("nobody", secret),
        lambda: office.set_password(office.get("zhang").actor, "zhang", secret, secret),
        lambda: office.add_user(admin, "zhang", "x", "salesperson", None, secret),
    ):
        with pytest.raises(errors.ArchiveError) as info:
            call()
        messages.append(str(info.value) + repr(info.value.details))
    office.reset_password(admin, "zhang", secret)
    office.login("zhang", secret)
    office.set_password(office.get("zhang").actor, "zhang", secret, secret + "2")
    assert all(secret not in m for m in messages)
    assert secret not in caplog.text
    assert "scrypt$" not in caplog.text


# ------------------------------------------------------------------------------ changing passwords


def test_set_password(office, admin):
    zhang = office.login("zhang", ZHANG_PW)
    with pytest.raises(errors.PermissionDenied, match="current password is wrong"):
        office.set_password(zhang, "zhang", "wrong password", "new-password-1")
    with pytest.raises(errors.PermissionDenied, match="only your own"):
        office.set_password(zhang, "boss", ADMIN_PW, "new-password-1")
    with pytest.raises(errors.ValidationError):
        office.set_password(zhang, "zhang", ZHANG_PW, "short")
    office.set_password(zhang, "zhang", ZHANG_PW, "new-password-1")
    with pytest.raises(errors.PermissionDenied):
        office.login("zhang", ZHANG_PW)
    assert office.login("zhang", "new-password-1") == zhang
    assert office.get("zhang").failed_logins == 0


def test_reset_password_forces_a_change(office, admin):
    office.reset_password(admin, "ZHANG", "temporary-1")
    u = office.get("zhang")
    assert u.must_change_password
    zhang = office.login("zhang", "temporary-1")
    office.set_password(zhang, "zhang", "temporary-1", "my-own-password")
    assert not office.get("zhang").must_change_password
    # an administrator resetting their own password is not asked to change it again
    office.reset_password(admin, "boss", "new-admin-pass")
    assert not office.get("boss").must_change_password
    with pytest.raises(errors.NotFound):
        office.reset_password(admin, "nobody", "temporary-1")


def test_reset_clears_the_delay(office, admin):
    for _ in range(6):
        with pytest.raises(errors.PermissionDenied):
            office.login("zhang", "wrong password")
    office.reset_password(admin, "zhang", "temporary-1")
    assert office.login("zhang", "temporary-1").user_name == "zhang"


def test_single_user_admin_may_set_a_first_password(svc, admin):
    svc.set_password(admin, "boss", None, ADMIN_PW)
    assert svc.get("boss").has_password
    assert svc.actor_for() == admin  # still single-user: no login needed


# ------------------------------------------------------------------------------ the last administrator


def test_last_admin_cannot_be_deactivated_or_demoted(office, admin):
    with pytest.raises(errors.PermissionDenied, match="last active administrator"):
        office.set_active(admin, "boss", False)
    with pytest.raises(errors.PermissionDenied, match="last active administrator"):
        office.set_role(admin, "boss", "manager")
    assert office.get("boss").active and office.get("boss").role is Role.ADMINISTRATOR

    office.set_role(admin, "zhang", "administrator")
    office.set_role(admin, "boss", "manager")  # now allowed: zhang is an administrator
    zhang = office.login("zhang", ZHANG_PW)
    with pytest.raises(errors.PermissionDenied):
        office.set_active(zhang, "zhang", False)
    # an inactive administrator does not count
    office.set_role(zhang, "boss", "administrator")
    office.set_active(zhang, "boss", False)
    with pytest.raises(errors.PermissionDenied, match="last active administrator"):
        office.set_role(zhang, "zhang", "salesperson")


def test_set_role_and_region(office, admin):
    with pytest.raises(errors.ValidationError):
        office.set_role(admin, "zhang", "regional_manager", None)
    u = office.set_role(admin, "zhang", "regional_manager")  # keeps 华东
    assert (u.role, u.region) == (Role.REGIONAL_MANAGER, "华东")
    u = office.set_role(admin, "zhang", "regional_manager", "华北")
    assert u.region == "华北" and u.version > 1
    u = office.update_user(admin, "zhang", display_name="张三丰")
    assert (u.display_name, u.region) == ("张三丰", "华北")
    with pytest.raises(errors.ValidationError):
        office.update_user(admin, "zhang", region=None)  # a regional manager needs a region
    u = office.set_role(admin, "zhang", "salesperson", None)
    assert (u.role, u.region) == (Role.SALESPERSON, None)


def test_activating_needs_passwords_everywhere(svc, admin):
    svc.add_user(admin, "zhang", "张三", "salesperson", None, ZHANG_PW, admin_password=ADMIN_PW)
    svc.set_active(admin, "zhang", False)
    # back to single-user; the administrator's password cannot be taken away, so a passwordless
    # account only exists if someone edited the file: then activating is refused
    with svc.archive.write() as c:
        c.execute("UPDATE users SET password_hash = NULL WHERE user_name = 'zhang'")
    with pytest.raises(errors.ValidationError, match="no password"):
        svc.set_active(admin, "zhang", True)
    svc.reset_password(admin, "zhang", "temporary-1")
    assert svc.set_active(admin, "zhang", True).active


# ------------------------------------------------------------------------------ the CLI


@pytest.fixture
def cli_archive(made_archive, monkeypatch):
    monkeypatch.setenv("LOGNAME", "boss")  # getpass.getuser(): the OS user of the first admin
    return made_archive


def _run(cli, archive_path, passphrase, args, *secrets, user=None):
    argv = ["-a", archive_path, "--passphrase-stdin", "--password-stdin"]
    if user:
        argv += ["--user", user]
    return cli.run(argv + ["users", *args], stdin="".join(f"{s}\n" for s in (passphrase, *secrets)))


def test_cli_single_user_then_second_account(cli, cli_archive, passphrase):
    r = cli.run(
        ["-a", cli_archive, "--passphrase-stdin", "--json", "users", "list"],
        stdin=passphrase + "\n",
    )
    assert r.code == 0, r.err
    data = r.json()
    assert data["mode"] == "single-user"
    assert [(u["user_name"], u["role"], u["has_password"]) for u in data["users"]] == [
        ("boss", "administrator", False)
    ]

    r = _run(
        cli,
        cli_archive,
        passphrase,
        ["add", "zhang", "--display-name", "张三", "--role", "salesperson", "--region", "华东"],
        ZHANG_PW,
        ADMIN_PW,
    )
    assert r.code == 0, r.err
    assert "张三" in r.out and "业务员/客服" in r.out and "华东" in r.out

    # multi-user now: who are you?
    r = cli.run(["-a", cli_archive, "--passphrase-stdin", "users", "list"], stdin=passphrase + "\n")
    line = r.assert_one_line_error()
    assert "--user" in line and r.code == errors.PermissionDenied.exit_status

    r = _run(cli, cli_archive, passphrase, ["list", "--json"], ADMIN_PW, user="boss")
    assert r.code == 0, r.err
    users = {u["user_name"]: u for u in r.json()["users"]}
    assert users["zhang"]["display_name"] == "张三" and users["zhang"]["must_change_password"]
    assert users["boss"]["has_password"]
    assert r.json()["mode"] == "multi-user"


def test_cli_second_account_without_admin_password_line(cli, cli_archive, passphrase):
    r = _run(
        cli,
        cli_archive,
        passphrase,
        ["add", "zhang", "--display-name", "张三", "--role", "salesperson"],
        ZHANG_PW,
    )
    line = r.assert_one_line_error()
    assert "--password-stdin" in line and "your own new password" in line
    with Archive.open(cli_archive, passphrase) as a:
        assert [u.user_name for u in AccountService(a).users()] == ["boss"]


@pytest.fixture
def cli_office(cli, cli_archive, passphrase):
    r = _run(
        cli,
        cli_archive,
        passphrase,
        ["add", "zhang", "--display-name", "张三", "--role", "salesperson", "--region", "华东"],
        ZHANG_PW,
        ADMIN_PW,
    )
    assert r.code == 0, r.err
    return cli_archive


def test_cli_login_and_must_change(cli, cli_office, passphrase):
    r = _run(cli, cli_office, passphrase, ["list"], "Nope-123xyz", user="zhang")
    line = r.assert_one_line_error()
    assert "wrong password" in line and "Nope-123xyz" not in r.err + r.out
    assert r.code == errors.LoginFailed.exit_status == 19

    r = _run(cli, cli_office, passphrase, ["list"], ZHANG_PW, user="zhang")
    line = r.assert_one_line_error()
    assert "must choose a new password" in line and "users passwd" in line

    r = _run(cli, cli_office, passphrase, ["whoami", "--json"], ZHANG_PW, user="zhang")
    assert r.code == 0, r.err
    assert r.json() == {
        "user_name": "zhang",
        "display_name": "张三",
        "role": "salesperson",
        "region": "华东",
    }

    # passphrase, login password, new password: in that order
    r = _run(cli, cli_office, passphrase, ["passwd"], ZHANG_PW, "zhang-new-pass", user="zhang")
    assert r.code == 0, r.err
    r = _run(cli, cli_office, passphrase, ["list"], "zhang-new-pass", user="zhang")
    assert r.code == 0, r.err
    assert "failed_logins" not in r.out  # only administrators see the account details
    r = _run(cli, cli_office, passphrase, ["list", "--json"], "zhang-new-pass", user="zhang")
    assert set(r.json()["users"][0]) == {
        "user_name",
        "display_name",
        "role",
        "role_label",
        "region",
        "active",
    }


def test_cli_missing_password_line(cli, cli_office, passphrase):
    r = cli.run(
        [
            "-a",
            cli_office,
            "--passphrase-stdin",
            "--password-stdin",
            "--user",
            "boss",
            "users",
            "list",
        ],
        stdin=passphrase + "\n",
    )
    line = r.assert_one_line_error()
    assert "--password-stdin" in line and "password for boss" in line
    r = cli.run(
        ["-a", cli_office, "--passphrase-stdin", "--user", "boss", "users", "list"],
        stdin=passphrase + "\n" + ADMIN_PW + "\n",
    )
    line = r.assert_one_line_error()  # not a terminal and no --password-stdin
    assert "--password-stdin" in line


def test_cli_admin_commands(cli, cli_office, passphrase):
    r = _run(cli, cli_office, passphrase, ["deactivate", "boss"], ADMIN_PW, user="boss")
    assert "last active administrator" in r.assert_one_line_error()
    r = _run(
        cli,
        cli_office,
        passphrase,
        ["role", "zhang", "regional_manager", "--region", "华北"],
        ADMIN_PW,
        user="boss",
    )
    assert r.code == 0, r.err
    assert "regional_manager" in r.out and "华北" in r.out
    r = _run(cli, cli_office, passphrase, ["reset", "zhang"], ADMIN_PW, "temporary-pw", user="boss")
    assert r.code == 0, r.err
    assert "must change it" in r.out
    r = _run(cli, cli_office, passphrase, ["deactivate", "zhang"], ADMIN_PW, user="boss")
    assert r.code == 0 and "(deactivated)" in r.out
    # single-user again: no password needed, --user defaults to the sole account
    r = cli.run(
        ["-a", cli_office, "--passphrase-stdin", "users", "whoami"], stdin=passphrase + "\n"
    )
    assert r.code == 0, r.err
    assert r.out.startswith("boss ")
    r = cli.run(
        ["-a", cli_office, "--passphrase-stdin", "--user", "zhang", "users", "whoami"],
        stdin=passphrase + "\n",
    )
    assert "deactivated" in r.assert_one_line_error()
    r = _run(cli, cli_office, passphrase, ["activate", "zhang"])
    assert r.code == 0, r.err
    r = _run(cli, cli_office, passphrase, ["whoami"], "temporary-pw", user="zhang")
    assert r.code == 0, r.err


def test_cli_staff_cannot_manage(cli, cli_office, passphrase):
    r = _run(cli, cli_office, passphrase, ["passwd"], ZHANG_PW, "zhang-new-pass", user="zhang")
    assert r.code == 0, r.err
    r = _run(
        cli,
        cli_office,
        passphrase,
        ["add", "li", "--role", "salesperson"],
        "zhang-new-pass",
        "li-password",
        user="zhang",
    )
    assert "administrator" in r.assert_one_line_error()
    r = _run(
        cli,
        cli_office,
        passphrase,
        ["passwd", "boss"],
        "zhang-new-pass",
        "x-password",
        user="zhang",
    )
    assert "only your own" in r.assert_one_line_error()


def test_cli_spawned_with_chinese_names(cli, cli_office, passphrase, user_dirs):
    import os

    env = dict(os.environ)
    r = cli.spawn(
        [
            "-a",
            cli_office,
            "--passphrase-stdin",
            "--password-stdin",
            "--user",
            "boss",
            "users",
            "add",
            "王五",
            "--display-name",
            "王五",
            "--role",
            "regional_manager",
            "--region",
            "华南",
            "--keep-password",
        ],
        stdin=f"{passphrase}\n{ADMIN_PW}\nwang-password\n",
        env=env,
    )
    assert r.code == 0, r.err
    r = cli.spawn(
        [
            "-a",
            cli_office,
            "--passphrase-stdin",
            "--password-stdin",
            "--user",
            "王五",
            "--json",
            "users",
            "whoami",
        ],
        stdin=f"{passphrase}\nwang-password\n",
        env=env,
    )
    assert r.code == 0, r.err
    assert r.json()["region"] == "华南"


def test_account_changes_and_logins_are_audited(office, admin, archive):
    from desktop.storage import audit

    with pytest.raises(errors.PermissionDenied):
        office.login("zhang", "wrong password")
    with pytest.raises(errors.PermissionDenied):
        office.login("not-a-user-but-a-password?", "x")
    office.login("zhang", ZHANG_PW)
    office.reset_password(admin, "zhang", "temporary-1")
    office.set_role(admin, "zhang", "regional_manager", "华北")
    office.set_active(admin, "zhang", False)
    rows = archive.query("SELECT user_name, action, target_id, details FROM audit_log ORDER BY id")
    assert [(u, a, t) for u, a, t, _ in rows] == [
        ("boss", "user_add", "boss"),
        ("boss", "user_password_change", "boss"),
        ("boss", "user_add", "zhang"),
        ("zhang", "login_failed", "zhang"),
        ("zhang", "login", "zhang"),
        ("boss", "user_password_reset", "zhang"),
        ("boss", "user_role", "zhang"),
        ("boss", "user_deactivate", "zhang"),
    ]
    text = repr(rows)
    for secret in (ZHANG_PW, ADMIN_PW, "temporary-1", "wrong password", "not-a-user"):
        assert secret not in text
    assert audit.verify(archive.conn).ok
