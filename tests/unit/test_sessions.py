"""Who has the archive open: sessions start and end, stale ones age out; ``sessions``/``who``
and ``--read-only`` on the command line."""

from __future__ import annotations

import socket
from datetime import datetime, timedelta, timezone

from desktop.services import archive_service
from desktop.services.archive_service import ArchiveService
from desktop.storage.archive import Archive


def program(path, passphrase, user: str) -> ArchiveService:
    svc = ArchiveService(Archive.open(path, passphrase), passphrase)
    svc.identify()
    svc.start_session(user)
    return svc


def _age(path, passphrase, user: str, seconds: int) -> None:
    old = (datetime.now(timezone.utc) - timedelta(seconds=seconds)).isoformat(timespec="seconds")
    with Archive.open(path, passphrase) as a, a.write() as c:
        c.execute("UPDATE sessions SET heartbeat_at = ? WHERE user_name = ?", (old, user))


def test_sessions_start_show_who_and_end_on_close(made_archive, passphrase):
    zhang = program(made_archive, passphrase, "zhang")
    li = program(made_archive, passphrase, "li")
    seen = {s.user_name: s for s in zhang.sessions()}
    assert set(seen) == {"zhang", "li"}
    assert seen["zhang"].is_me and not seen["li"].is_me
    assert seen["li"].computer == socket.gethostname() and seen["li"].started_at
    li.close()
    assert [s.user_name for s in zhang.sessions()] == ["zhang"]
    zhang.close()
    with Archive.open(made_archive, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM sessions")[0] == 0


def test_a_session_that_stopped_beating_ages_out_and_is_deleted_at_the_next_open(
    made_archive, passphrase
):
    zhang = program(made_archive, passphrase, "zhang")
    crashed = program(made_archive, passphrase, "wang")
    crashed.archive.close()  # killed: it never ends its session
    _age(made_archive, passphrase, "wang", archive_service.SESSION_STALE_AFTER_S - 30)
    assert "wang" in [s.user_name for s in zhang.sessions()]  # a few missed beats: still there
    _age(made_archive, passphrase, "wang", archive_service.SESSION_STALE_AFTER_S + 30)
    assert [s.user_name for s in zhang.sessions()] == ["zhang"]
    later = program(made_archive, passphrase, "li")
    with Archive.open(made_archive, passphrase) as a:
        users = [r[0] for r in a.query("SELECT user_name FROM sessions ORDER BY id")]
    assert users == ["zhang", "li"]
    later.close()
    zhang.close()


def test_a_program_back_after_aging_out_starts_a_new_session_at_its_next_beat(
    made_archive, passphrase
):
    sleeper = program(made_archive, passphrase, "zhang")
    _age(made_archive, passphrase, "zhang", archive_service.SESSION_STALE_AFTER_S + 60)
    program(made_archive, passphrase, "li").close()  # li's open deletes the stale row
    assert "zhang" not in [s.user_name for s in sleeper.sessions()]
    sleeper.heartbeat()
    assert [s.user_name for s in sleeper.sessions() if s.is_me] == ["zhang"]
    sleeper.close()


def _cli(cli, path, passphrase, *args):
    return cli.run(
        ["-a", path, "--passphrase-stdin", "--no-keyring", *args], stdin=passphrase + "\n"
    )


def test_cli_sessions_and_who(cli, made_archive, passphrase):
    empty = _cli(cli, made_archive, passphrase, "sessions")
    assert empty.code == 0 and "Nobody has the archive open" in empty.out
    li = program(made_archive, passphrase, "li")
    try:
        result = _cli(cli, made_archive, passphrase, "sessions", "--json")
        assert result.code == 0, result.err
        data = result.json()
        assert [(s["user"], s["computer"]) for s in data["sessions"]] == [
            ("li", socket.gethostname())
        ]
        assert data["sessions"][0]["since"] and data["sessions"][0]["last_seen"]
        text = _cli(cli, made_archive, passphrase, "who")
        assert text.code == 0 and text.out.startswith("li") and socket.gethostname() in text.out
    finally:
        li.close()
    # asking changed nothing: no session of the command itself was left behind
    with Archive.open(made_archive, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM sessions")[0] == 0


def test_cli_read_only_looks_but_changes_nothing(cli, made_archive, passphrase):
    added = _cli(
        cli, made_archive, passphrase, "customers", "add", "--name", "北京华信科技有限公司"
    )
    assert added.code == 0, added.err
    listed = _cli(cli, made_archive, passphrase, "--read-only", "customers", "list", "--json")
    assert listed.code == 0, listed.err
    refused = _cli(
        cli, made_archive, passphrase, "customers", "add", "--name", "上海新意", "--read-only"
    )
    assert refused.code == 8
    assert "read-only" in refused.assert_one_line_error()
    with Archive.open(made_archive, passphrase) as a:
        assert a.query_one("SELECT count(*) FROM customers")[0] == 1


def test_sessions_name_people_as_colleagues_know_them(cli, made_archive, passphrase):
    from desktop.services.accounts import AccountService

    pw = "a good password 1"
    with Archive.open(made_archive, passphrase) as a:
        accounts = AccountService(a)
        admin = accounts.ensure_first_admin("boss")
        accounts.add_user(
            admin,
            "sun",
            "孙业务",
            "salesperson",
            "华东",
            pw,
            admin_password=pw,
            must_change_password=False,
        )
    sun = program(made_archive, passphrase, "sun")
    try:
        assert [s.who for s in sun.sessions()] == ["孙业务 (sun)"]
        result = cli.run(
            [
                "-a",
                made_archive,
                "--passphrase-stdin",
                "--no-keyring",
                "--user",
                "sun",
                "--password-stdin",
                "who",
                "--json",
            ],
            stdin=f"{passphrase}\n{pw}\n",
        )
        assert result.code == 0, result.err
        assert result.json()["sessions"][0]["display_name"] == "孙业务"
    finally:
        sun.close()
