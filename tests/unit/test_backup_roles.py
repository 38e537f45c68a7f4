"""A backup is a full copy of the archive (sensitive fields included): only those allowed a
direct full export take one (``backup``, Back Up Now); the program's automatic backup into
the office's backup folder is still taken for everyone, and the audit log names the file."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from desktop import errors
from desktop.services import backups
from desktop.services.accounts import AccountService
from desktop.services.archive_service import ArchiveService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

PW = "a good password 1"


@pytest.fixture
def office(archive_path, passphrase):
    """Administrator boss, salesperson li (with a card holding a sensitive field), regional
    manager qian, manager zhao."""
    with Archive.create(archive_path, passphrase) as a:
        accounts = AccountService(a)
        admin = accounts.ensure_first_admin("boss")
        for name, full, role, region in (
            ("li", "李销售", "salesperson", "华东"),
            ("qian", "钱区域", "regional_manager", "华东"),
            ("zhao", "赵经理", "manager", None),
        ):
            accounts.add_user(
                admin, name, full, role, region, PW, admin_password=PW, must_change_password=False
            )
        CustomerService(a, "boss").add(
            {
                "name": "上海东方贸易有限公司",
                "region": "华东",
                "responsible": "li",
                "dm_hobbies": "高尔夫",
            }
        )
    return archive_path


def run(cli, archive, passphrase, user, *args):
    return cli.run(
        [
            "-a",
            archive,
            "--passphrase-stdin",
            "--no-keyring",
            "--password-stdin",
            "--user",
            user,
            *args,
        ],
        stdin=f"{passphrase}\n{PW}\n",
    )


def backup_entries(archive, passphrase):
    with Archive.open(archive, passphrase, readonly=True) as a:
        return [
            json.loads(r[0])
            for r in a.conn.execute(
                "SELECT details FROM audit_log WHERE action = 'backup' ORDER BY id"
            )
        ]


@pytest.mark.parametrize("user", ["li", "qian"])
def test_a_salesperson_or_regional_manager_may_not_back_up(cli, office, passphrase, tmp_path, user):
    out = tmp_path / "elsewhere" / "copy.carc"
    result = run(cli, office, passphrase, user, "backup", out)
    assert result.code == 16
    line = result.assert_one_line_error()
    assert "backup" in line and "full copy" in line
    assert not out.exists() and backup_entries(office, passphrase) == []


@pytest.mark.parametrize("user", ["zhao", "boss"])
def test_a_manager_or_administrator_backs_up_and_the_log_has_the_full_path(
    cli, office, passphrase, tmp_path, monkeypatch, user
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    result = run(cli, office, passphrase, user, "backup", "sub/../copy.carc", "--json")
    assert result.code == 0, result.err
    full = (tmp_path / "copy.carc").resolve()
    assert full.exists() and result.json()["path"] == str(full)
    assert [e["path"] for e in backup_entries(office, passphrase)] == [str(full)]


def test_single_user_mode_backs_up(cli, archive_path, passphrase, tmp_path):
    with Archive.create(archive_path, passphrase) as a:
        CustomerService(a, "boss").add({"name": "北京华信科技有限公司", "region": "华北"})
    out = tmp_path / "copy.carc"
    result = cli.run(
        ["-a", archive_path, "--passphrase-stdin", "--no-keyring", "backup", out],
        stdin=passphrase + "\n",
    )
    assert result.code == 0, result.err
    assert out.exists()


def test_the_automatic_backup_is_still_taken_for_a_salesperson(office, passphrase):
    from desktop.domain.permissions import Actor, Role

    svc = ArchiveService(Archive.open(office, passphrase), passphrase)
    try:
        svc.actor = Actor("li", "李销售", Role.SALESPERSON, "华东")
        with pytest.raises(errors.PermissionDenied):
            backups.backup_now(svc)
        assert backups.daily_due(svc, datetime.now())
        path = backups.backup_on_open(svc)
        assert path is not None and path.parent == backups.backup_folder(svc)
    finally:
        svc.close()
    assert [e["path"] for e in backup_entries(office, passphrase)] == [str(path)]


def audit_paths(archive, passphrase, action):
    with Archive.open(archive, passphrase, readonly=True) as a:
        return [
            json.loads(r[0]).get("path")
            for r in a.conn.execute(
                "SELECT details FROM audit_log WHERE action = ? ORDER BY id", (action,)
            )
        ]


def test_a_salespersons_list_export_and_card_pdf_are_logged_with_their_full_paths(
    cli, office, passphrase, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    result = run(cli, office, passphrase, "li", "export", "xlsx", "sub/../list.xlsx")
    assert result.code == 0, result.err
    result = run(cli, office, passphrase, "li", "customers", "print", "1", "sub/../card.pdf")
    assert result.code == 0, result.err
    assert audit_paths(office, passphrase, "export") == [str((tmp_path / "list.xlsx").resolve())]
    assert audit_paths(office, passphrase, "print") == [str((tmp_path / "card.pdf").resolve())]


def test_a_managers_full_export_is_logged_with_its_full_path(
    cli, office, passphrase, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = run(cli, office, passphrase, "zhao", "export", "xlsx", "full.xlsx", "--full")
    assert result.code == 0, result.err
    assert audit_paths(office, passphrase, "export") == [str((tmp_path / "full.xlsx").resolve())]
