"""Automatic backups: daily at the first open, on close after changes, to the office's folder,
rotated by the office's counts; the settings (administrators) and ``backup-settings``."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop import errors
from desktop.domain.permissions import Actor
from desktop.services import backups
from desktop.services.archive_service import ArchiveService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive


def opened(path: Path, passphrase: str) -> ArchiveService:
    svc = ArchiveService(Archive.open(path, passphrase), passphrase)
    svc.identify()
    return svc


def ours(svc) -> list[Path]:
    return [p for _, p in backups.automatic_backups(backups.backup_folder(svc), svc.path.stem)]


def test_daily_backup_at_the_first_open_of_the_day_only(made_archive, passphrase):
    svc = opened(made_archive, passphrase)
    first = backups.backup_on_open(svc)
    assert first is not None and first.parent == made_archive.parent / "backups"
    assert backups.verify_backup(first, passphrase).ok
    assert backups.backup_on_open(svc) is None  # the same day: not again
    assert backups.backup_on_open(svc, now=datetime.now() + timedelta(hours=25)) is not None
    svc.close()


def test_daily_means_the_first_open_of_each_calendar_day(made_archive, passphrase):
    svc = opened(made_archive, passphrase)
    folder = backups.backup_folder(svc)
    late = datetime(2026, 11, 30, 23, 0, 0)
    backups.backup_now(
        svc, folder / f"{made_archive.stem}-{late.strftime(backups.STAMP_FORMAT)}.carc"
    )
    assert not backups.daily_due(svc, now=datetime(2026, 11, 30, 23, 30))
    assert backups.daily_due(svc, now=datetime(2026, 12, 1, 8, 0))  # 9 hours later, a new day
    svc.close()


def test_an_archive_opened_read_only_takes_no_automatic_backup(made_archive, passphrase):
    svc = ArchiveService(Archive.open(made_archive, passphrase, readonly=True), passphrase)
    assert backups.backup_on_open(svc) is None and backups.backup_on_close(svc) is None
    assert ours(svc) == []
    svc.close()


def test_backup_on_close_only_after_changes(made_archive, passphrase):
    svc = opened(made_archive, passphrase)
    backups.backup_on_open(svc)
    assert backups.backup_on_close(svc) is None  # nothing changed
    CustomerService(svc.archive, svc.actor).add({"name": "北京华信科技有限公司"})
    after = backups.backup_on_close(svc)
    assert after is not None
    with Archive.open(after, passphrase, readonly=True) as copy:
        assert copy.query_one("SELECT count(*) FROM customers")[0] == 1
    assert backups.backup_on_close(svc) is None  # that change is backed up
    svc.close()


def test_the_office_chooses_the_folder_rotation_and_can_turn_it_off(
    made_archive, passphrase, tmp_path
):
    svc = opened(made_archive, passphrase)
    chosen = tmp_path / "NAS 备份"
    s = backups.set_settings(svc, folder=str(chosen), keep=(2, 0, 0))
    assert Path(s.resolved) == chosen and s.keep == (2, 0, 0)
    for day in range(4):  # four days of backups
        when = datetime(2026, 11, 1 + day, 9, 0, 0)
        target = chosen / f"{made_archive.stem}-{when.strftime(backups.STAMP_FORMAT)}.carc"
        backups.backup_now(svc, target)
    backups.automatic_backup(svc)
    assert len(ours(svc)) == 2  # today's and the day before
    backups.set_settings(svc, automatic=False)
    CustomerService(svc.archive, svc.actor).add({"name": "上海新意广告有限公司"})
    assert backups.backup_on_close(svc) is None
    assert backups.backup_on_open(svc, now=datetime.now() + timedelta(days=3)) is None
    actions = [
        r[0] for r in svc.archive.query("SELECT action FROM audit_log WHERE action = 'settings'")
    ]
    assert len(actions) == 2  # changing them is audited
    svc.close()


def test_only_an_administrator_changes_them_and_the_folder_must_be_writable(
    made_archive, passphrase, tmp_path
):
    svc = opened(made_archive, passphrase)
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    with pytest.raises(errors.FolderNotWritable):
        backups.set_settings(svc, folder=str(blocker / "below"))
    svc.actor = Actor("sun", "孙业务", "salesperson")
    with pytest.raises(errors.PermissionDenied):
        backups.set_settings(svc, automatic=False)
    assert backups.auto_enabled(svc)
    svc.close()


def _cli(cli, path, passphrase, *args):
    return cli.run(
        ["-a", path, "--passphrase-stdin", "--no-keyring", *args], stdin=passphrase + "\n"
    )


def test_cli_backup_settings(cli, made_archive, passphrase, tmp_path):
    shown = _cli(cli, made_archive, passphrase, "backup-settings", "--json")
    assert shown.code == 0, shown.err
    data = shown.json()
    assert (
        data["automatic"] is True
        and Path(data["resolved_folder"]) == made_archive.parent / "backups"
    )
    folder = tmp_path / "office backups"
    changed = _cli(
        cli,
        made_archive,
        passphrase,
        "backup-settings",
        "--folder",
        folder,
        "--keep",
        "3,2,1",
        "--auto",
        "off",
    )
    assert changed.code == 0, changed.err
    assert f"Backup folder: {folder}" in changed.out and "Automatic backups: off" in changed.out
    bad = _cli(cli, made_archive, passphrase, "backup-settings", "--keep", "three")
    assert bad.code == 14 and "--keep" in bad.assert_one_line_error()
    backup = _cli(cli, made_archive, passphrase, "backup", "--json")
    assert Path(backup.json()["path"]).parent == folder


def test_a_backup_in_steps_reports_progress_and_can_be_cancelled(
    made_archive, passphrase, tmp_path, monkeypatch
):
    from desktop.storage import archive as archive_module

    monkeypatch.setattr(archive_module, "BACKUP_STEP_PAGES", 16)
    svc = opened(made_archive, passphrase)
    seen: list[tuple[int, int]] = []
    done = backups.backup_now(
        svc, tmp_path / "stepped.carc", progress=lambda d, t: seen.append((d, t))
    )
    assert len(seen) > 2 and seen[-1][0] == seen[-1][1] and seen[0][0] < seen[-1][0]
    assert backups.verify_backup(done, passphrase).ok
    folder = tmp_path / "cancelled"
    folder.mkdir()
    with pytest.raises(errors.Cancelled):
        backups.backup_now(svc, folder / "never.carc", cancelled=lambda: True)
    assert list(folder.iterdir()) == []  # nothing half-written left behind
    svc.close()
