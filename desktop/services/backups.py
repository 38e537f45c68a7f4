"""Backups and restore (docs/architecture.md, The archive file; Sharing a file).

Every backup is made with SQLite's backup mechanism from an open connection
(``Archive.backup_to``), never by copying the file of an open archive, and is encrypted
with the archive's own passphrase. It is written to a temporary name, synced and renamed,
so a half-written backup never sits under a backup's name.

Automatic backups (on close after changes, and at the first opening of each day) go to the
office's backup folder: the archive setting ``backup_folder`` (relative paths are taken from
the archive's folder), by default a
``backups`` folder beside the archive. Their names are ``<archive stem>-YYYYMMDD-HHMMSS.carc``
(local time; ``-2``, ``-3`` … added in the rare case of two in one second), and ``rotate``
thins them out by that timestamp. Rotation only ever deletes files with exactly that name
pattern: nothing else in the folder is touched.

A backup, like any copy made with the backup API, gets a NEW random salt, and so a new
archive id (the id is the salt, see ``desktop.storage.archive.archive_id``). After a restore
the archive file therefore has a new id: a key remembered in the system keyring under the
old id must be stored again under the new one, and the audit entry this computer remembered
for the old id no longer applies (the CLI ``restore`` does both).

Who may do what (the CLI enforces it): anyone who can open the archive may take a backup
(the backup holds nothing they could not copy with the passphrase anyway, and frequent
backups are what the office wants); restoring replaces everyone's data, so it needs a
manager or an administrator.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path


from .. import errors
from ..atomic import fsync_dir
from ..storage import audit as audit_store
from ..storage import inventory, migrations
from ..storage import settings as settings_store
from ..storage.archive import FILE_SUFFIX, Archive
from ..domain import permissions
from .archive_service import ArchiveService, os_user
from .audit import AuditService
from .customers import single_user

log = logging.getLogger(__name__)

SETTING_FOLDER = "backup_folder"
SETTING_AUTO = "auto_backup"  # "on" (default) or "off"
SETTING_KEEP = "backup_keep"  # "daily,weekly,monthly" counts, default "7,4,6"
DEFAULT_KEEP = (7, 4, 6)
DEFAULT_FOLDER_NAME = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S"


# ---------------------------------------------------------------------------- naming
def backup_folder(service: ArchiveService) -> Path:
    """The folder automatic backups go to (the ``backup_folder`` setting, or ``backups``)."""
    base = service.path.parent
    chosen = service.archive.get_setting(SETTING_FOLDER)
    if chosen and chosen.strip():
        folder = Path(chosen.strip()).expanduser()
        return folder if folder.is_absolute() else (base / folder)
    return base / DEFAULT_FOLDER_NAME


def _pattern(stem: str) -> re.Pattern[str]:
    return re.compile(rf"^{re.escape(stem)}-(\d{{8}}-\d{{6}})(?:-(\d+))?{re.escape(FILE_SUFFIX)}$")


def automatic_backups(folder: Path, stem: str) -> list[tuple[datetime, Path]]:
    """Our backups of the archive ``stem`` in ``folder``, newest first (by name timestamp)."""
    pattern = _pattern(stem)
    found = []
    try:
        entries = list(Path(folder).iterdir())
    except FileNotFoundError:
        return []
    for path in entries:
        m = pattern.match(path.name)
        if not m or not path.is_file():
            continue
        try:
            when = datetime.strptime(m.group(1), STAMP_FORMAT)
        except ValueError:
            continue
        found.append((when, int(m.group(2) or 1), path))
    found.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(when, path) for when, _, path in found]


def _default_target(folder: Path, stem: str, now: datetime) -> Path:
    base = f"{stem}-{now.strftime(STAMP_FORMAT)}"
    target = folder / f"{base}{FILE_SUFFIX}"
    n = 2
    while target.exists():
        target = folder / f"{base}-{n}{FILE_SUFFIX}"
        n += 1
    return target


# ---------------------------------------------------------------------------- backing up
def may_back_up(service: ArchiveService) -> bool:
    """Whether the signed-in user may take a backup by hand (``permissions.may_back_up``)."""
    actor = service.actor
    return actor is None or permissions.may_back_up(
        actor, single_user=single_user(service.archive.conn)
    )


def backup_now(
    service: ArchiveService,
    target: str | os.PathLike | None = None,
    *,
    progress=None,
    cancelled=None,
    automatic: bool = False,
) -> Path:
    """Take a backup of the open archive and record it in the audit log.

    ``target`` None: ``<backup folder>/<archive stem>-YYYYMMDD-HHMMSS.carc``. The backup is
    taken outside any transaction (the backup API reads a consistent snapshot by itself);
    the audit entry ("backup", with the path and size) is written afterwards in its own short
    write transaction, so the backup itself does not contain its own entry. An archive open
    read-only is backed up without an entry.

    A backup is a full copy, so only those who may export everything directly take one
    (``permissions.may_back_up``); ``automatic`` (the program's own daily and on-close
    backups into the office's backup folder, never a chosen path) is taken for everyone.
    """
    archive = service.archive
    if automatic:
        target = None
    elif service.actor is not None:
        permissions.require_back_up(service.actor, single_user=single_user(archive.conn))
    if target is None:
        folder = backup_folder(service)
        target = _default_target(folder, service.path.stem, datetime.now())
    target = Path(target).expanduser().resolve()  # the full path, as the audit entry names it
    if target == service.path.resolve():
        raise errors.ValidationError("A backup cannot replace the archive itself.")
    if target.is_dir():
        raise errors.ValidationError(
            "{target} is a folder; give a file name for the backup.", target=target
        )
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        raise errors.FolderNotWritable(
            "The backup folder {parent} cannot be made.",
            parent=target.parent,
            path=str(target.parent),
        ) from None
    if archive.conn.in_transaction:
        raise RuntimeError("backup_now() must not run inside a transaction")
    service.backup(target, progress=progress, cancelled=cancelled)
    size = target.stat().st_size
    log.info("backed up %s to %s (%d bytes)", service.path, target, size)
    if not archive.readonly:
        user = service.actor.user_name if service.actor is not None else os_user()
        with archive.write() as conn:
            audit_store.append(
                conn,
                user_name=user,
                action="backup",
                target_type="archive",
                target_id=archive.id,
                details={"path": str(target), "size": size},
            )
    return target


def rotate(
    folder: str | os.PathLike,
    stem: str,
    keep_daily: int = 7,
    keep_weekly: int = 4,
    keep_monthly: int = 6,
) -> list[Path]:
    """Delete older automatic backups of ``stem`` in ``folder``; returns what was deleted.

    Kept: the newest backup of each of the ``keep_daily`` most recent days that have one,
    of each of the ``keep_weekly`` most recent ISO weeks, and of each of the
    ``keep_monthly`` most recent months; the newest backup is always kept. Only files named
    like our backups (``<stem>-YYYYMMDD-HHMMSS[-N].carc``) are ever considered.
    """
    backups = automatic_backups(Path(folder), stem)
    keep: set[Path] = set()
    days: set = set()
    weeks: set = set()
    months: set = set()
    for when, path in backups:  # newest first: the first of each bucket is its newest
        day, week, month = when.date(), when.isocalendar()[:2], (when.year, when.month)
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(path)
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(path)
        if month not in months and len(months) < keep_monthly:
            months.add(month)
            keep.add(path)
    if backups:
        keep.add(backups[0][1])
    deleted = []
    for _, path in backups:
        if path in keep:
            continue
        try:
            path.unlink()
            deleted.append(path)
        except FileNotFoundError:
            pass
        except OSError as exc:
            log.warning("could not delete old backup %s: %s", path, exc)
    if deleted:
        log.info("rotated backups in %s: deleted %d", folder, len(deleted))
    return deleted


def daily_due(service: ArchiveService, now: datetime | None = None) -> bool:
    """Whether today (local time) has no backup in the backup folder yet: the first opening
    of each day takes one, whatever time yesterday's was taken."""
    backups = automatic_backups(backup_folder(service), service.path.stem)
    if not backups:
        return True
    return backups[0][0].date() < (now or datetime.now()).date()


def automatic_backup(service: ArchiveService) -> Path:
    """The automatic backup (on close, and when ``daily_due``): back up, then rotate.

    Taken whoever is signed in: it goes only into the office's backup folder."""
    path = backup_now(service, automatic=True)
    daily, weekly, monthly = keep_counts(service)
    rotate(path.parent, service.path.stem, daily, weekly, monthly)
    return path


# ---------------------------------------------------------------------------- the office's policy
@dataclass(frozen=True)
class BackupSettings:
    folder: str  # as the office set it ("" = the default ``backups`` beside the archive)
    resolved: str  # the folder backups actually go to
    automatic: bool
    keep: tuple[int, int, int]

    def to_json(self) -> dict:
        return {
            "folder": self.folder,
            "resolved_folder": self.resolved,
            "automatic": self.automatic,
            "keep_daily": self.keep[0],
            "keep_weekly": self.keep[1],
            "keep_monthly": self.keep[2],
        }


def auto_enabled(service: ArchiveService) -> bool:
    return (service.archive.get_setting(SETTING_AUTO) or "on") != "off"


def keep_counts(service: ArchiveService) -> tuple[int, int, int]:
    raw = service.archive.get_setting(SETTING_KEEP) or ""
    try:
        daily, weekly, monthly = (int(x) for x in raw.split(","))
        return max(daily, 1), max(weekly, 0), max(monthly, 0)
    except ValueError:
        return DEFAULT_KEEP


def settings(service: ArchiveService) -> BackupSettings:
    return BackupSettings(
        service.archive.get_setting(SETTING_FOLDER) or "",
        str(backup_folder(service)),
        auto_enabled(service),
        keep_counts(service),
    )


def set_settings(
    service: ArchiveService,
    *,
    folder: str | None = None,
    automatic: bool | None = None,
    keep: tuple[int, int, int] | None = None,
) -> BackupSettings:
    """Change the office's backup policy (administrators: it is an archive setting, the same
    for every computer). The folder must be one this computer can write to."""
    from ..domain import permissions

    actor = service.actor
    assert actor is not None  # the GUI and the CLI set the acting account first
    permissions.require(actor, permissions.Action.MANAGE_SETTINGS)
    changes: dict[str, str] = {}
    if folder is not None:
        folder = folder.strip()
        if folder:
            target = Path(folder).expanduser()
            target = target if target.is_absolute() else service.path.parent / target
            try:
                target.mkdir(parents=True, exist_ok=True)
                probe = target / f".write-test-{os.getpid()}"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError:
                raise errors.FolderNotWritable(
                    "The backup folder {target} cannot be written.", target=target, path=str(target)
                ) from None
        changes[SETTING_FOLDER] = folder
    if automatic is not None:
        changes[SETTING_AUTO] = "on" if automatic else "off"
    if keep is not None:
        if len(keep) != 3 or keep[0] < 1 or min(keep) < 0:
            raise errors.ValidationError(
                "Keep at least one daily backup; counts cannot be negative."
            )
        changes[SETTING_KEEP] = ",".join(str(int(k)) for k in keep)
    user = actor.user_name
    with service.archive.write() as conn:
        for key, value in changes.items():
            settings_store.put(conn, key, value)
        audit_store.append(
            conn,
            user_name=user,
            action="settings",
            target_type="archive",
            target_id=service.archive.id,
            details={"backups": changes},
        )
    return settings(service)


def _newest_entry(service: ArchiveService) -> tuple:
    """What changes when anything is changed: every action appends an audit entry; sample
    data (not audited) changes the customers' count and versions."""
    with service.archive.driver_errors():
        return inventory.change_mark(service.archive.conn)


def backup_on_open(service: ArchiveService, now: datetime | None = None) -> Path | None:
    """The daily backup, at the first opening of the day. An archive opened read-only writes
    nothing anywhere, backups included (its viewer may not even be allowed to)."""
    path = None
    if not service.archive.readonly and auto_enabled(service) and daily_due(service, now):
        path = automatic_backup(service)
    service.backup_mark = _newest_entry(service)
    return path


def backup_on_close(service: ArchiveService) -> Path | None:
    """The backup on close, when anything was changed (by anyone) since this program's last
    backup or since it opened the archive: every change is an audit entry."""
    if not auto_enabled(service):
        return None
    mark = getattr(service, "backup_mark", None)
    if mark is not None and _newest_entry(service) == mark:
        return None
    path = automatic_backup(service)
    service.backup_mark = _newest_entry(service)
    return path


# ---------------------------------------------------------------------------- verifying
@dataclass
class BackupReport:
    path: str
    archive_id: str = ""
    schema_version: int = 0
    program_schema: int = migrations.LATEST_VERSION
    customers: int = 0
    contacts: int = 0
    audit_entries: int = 0
    sqlite_problems: list[str] = field(default_factory=list)
    cipher_problems: list[str] = field(default_factory=list)
    audit_message: str = ""
    audit_ok: bool = True
    problem: str | None = None  # why the file could not be checked at all

    @property
    def ok(self) -> bool:
        return (
            self.problem is None
            and not self.sqlite_problems
            and not self.cipher_problems
            and self.audit_ok
            and self.schema_version <= self.program_schema
        )

    def reason(self) -> str:
        """One sentence: why the backup is refused (empty when ``ok``)."""
        if self.problem:
            return self.problem
        if self.schema_version > self.program_schema:
            return (
                f"it was made by a newer version of Customer Archive (schema "
                f"{self.schema_version}; this program knows up to {self.program_schema})"
            )
        if self.sqlite_problems:
            return f"SQLite's integrity check failed ({self.sqlite_problems[0]})"
        if self.cipher_problems:
            return f"SQLCipher's integrity check failed ({self.cipher_problems[0]})"
        if not self.audit_ok:
            return self.audit_message
        return ""

    def to_json(self) -> dict:
        return dict(asdict(self), ok=self.ok)


def verify_backup(path: str | os.PathLike, passphrase: str) -> BackupReport:
    """Open the backup read-only and check it: SQLite's and SQLCipher's integrity checks,
    a schema not newer than this program's, the counts of customers, contacts and audit
    entries, and the audit chain. A wrong passphrase raises ``WrongPassphrase``; every other
    finding is in the report (``ok``, ``reason()``)."""
    path = Path(path).expanduser().absolute()
    report = BackupReport(path=str(path))
    from ..storage.archive import archive_id

    report.archive_id = archive_id(path)  # raises ArchiveMissing / NotAnArchive
    try:
        archive = Archive.inspect(path, passphrase)
    except (
        errors.WrongPassphrase,
        errors.ArchiveBusy,
        errors.ArchiveTooNew,
        errors.ArchiveMissing,
    ):
        raise
    except errors.ArchiveError as exc:
        # A damaged page where opening reads the schema: a finding, not a crash.
        report.problem = f"the file could not be read ({exc.message})"
        return report
    conn = archive.conn
    try:
        with archive.driver_errors():
            report.schema_version = archive.schema_version
            report.cipher_problems = archive.cipher_integrity_check()
            report.sqlite_problems = archive.integrity_check()
        if report.schema_version > report.program_schema or not report.ok:
            return report
        try:
            with archive.driver_errors():
                report.customers = inventory.rows_in(conn, "customers")
                report.contacts = inventory.rows_in(conn, "contacts")
                report.audit_entries = inventory.rows_in(conn, "audit_log")
                if report.audit_entries:
                    result = audit_store.verify(conn)
                    report.audit_ok = result.ok
                    report.audit_message = result.message()
                else:
                    report.audit_message = "Audit chain intact: 0 entries"
        except errors.ArchiveError as exc:  # a damaged page the checks did not reach
            report.problem = f"the file could not be read whole ({exc.message})"
    except (errors.ArchiveBusy, errors.ArchiveTooNew):
        raise
    except errors.ArchiveError as exc:
        report.problem = f"the file could not be read ({exc.message})"
    finally:
        archive.close()
    return report


# ---------------------------------------------------------------------------- restoring
def aside_path(archive_path: Path, now: datetime | None = None) -> Path:
    stamp = (now or datetime.now()).strftime(STAMP_FORMAT)
    target = archive_path.with_name(f"{archive_path.stem}.before-restore-{stamp}{FILE_SUFFIX}")
    n = 2
    while target.exists():
        target = archive_path.with_name(
            f"{archive_path.stem}.before-restore-{stamp}-{n}{FILE_SUFFIX}"
        )
        n += 1
    return target


def restore(
    backup_path: str | os.PathLike,
    archive_path: str | os.PathLike,
    passphrase: str,
    *,
    user_name: str | None = None,
    report: BackupReport | None = None,
) -> Path | None:
    """Put the backup in the archive's place; returns where the current file was kept.

    1. ``verify_backup``; a backup that fails any check is refused (``NotAnArchive``,
       ``ArchiveTooNew`` or ``AuditBroken`` with the reason) and nothing changes.
    2. The backup is opened read-only and copied with SQLite's backup API, with the same
       passphrase, to a temporary file beside the archive (never a plain file copy).
    3. The current archive (if any, with a leftover ``-journal``) is moved aside to
       ``<stem>.before-restore-YYYYMMDD-HHMMSS.carc``, and the new file renamed into place.
    4. A "restore" entry is added to the restored archive's audit log.

    The archive must not be open in this process, and should not be open elsewhere: the
    caller checks for other sessions. The restored file has a new salt, so a NEW archive id:
    a remembered keyring key must be stored again under it. Returns None when there was no
    current file to keep aside.
    """
    backup_path = Path(backup_path).expanduser().absolute()
    archive_path = Path(archive_path).expanduser().absolute()
    if backup_path == archive_path:
        raise errors.ValidationError("The backup and the archive are the same file.")
    if report is None or Path(report.path) != backup_path:  # ``report``: verified just before
        report = verify_backup(backup_path, passphrase)
    if not report.ok:
        error = (
            errors.ArchiveTooNew
            if report.schema_version > report.program_schema
            else errors.AuditBroken
            if report.problem is None
            and report.audit_ok is False
            and not report.sqlite_problems
            and not report.cipher_problems
            else errors.NotAnArchive
        )
        raise error(
            f"The backup {backup_path} was refused: {report.reason()}. Nothing was changed.",
            path=str(backup_path),
        )
    folder = archive_path.parent
    staging = folder / f".{archive_path.name}.{os.getpid()}.restoring"
    aside: Path | None = None
    try:
        source = Archive.inspect(backup_path, passphrase)
        try:
            source.backup_to(staging, passphrase)
        finally:
            source.close()
        journal = Path(str(archive_path) + "-journal")
        if archive_path.exists():
            aside = aside_path(archive_path)
            os.replace(archive_path, aside)
            if journal.exists():  # a hot journal belongs with its file
                os.replace(journal, Path(str(aside) + "-journal"))
        try:
            os.replace(staging, archive_path)
        except OSError:
            if aside is not None:
                os.replace(aside, archive_path)
            raise
        fsync_dir(folder)
    except OSError as exc:
        from ..storage.archive import _os_error

        raise _os_error(exc, archive_path) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            staging.unlink()
    log.info("restored %s from %s (the previous file is at %s)", archive_path, backup_path, aside)
    with Archive.open(archive_path, passphrase) as restored:
        with restored.write() as conn:
            audit_store.append(
                conn,
                user_name=user_name or os_user(),
                action="restore",
                target_type="archive",
                target_id=restored.id,
                details={
                    "from": str(backup_path),
                    "previous": str(aside) if aside else None,
                    "customers": report.customers,
                    "audit_entries": report.audit_entries,
                },
            )
    return aside


def settle_restored(archive_path: str | os.PathLike, passphrase: str, user_name: str) -> str:
    """After ``restore``: the restored file's new archive id, with this computer's remembered
    newest audit entry forgotten (the restored log is an older one, not a cut one)."""
    with Archive.open(archive_path, passphrase) as restored:
        AuditService(restored, user_name).forget_known_entry()
        return restored.id
