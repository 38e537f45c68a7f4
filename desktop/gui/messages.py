"""Errors shown to the user: each typed error as one translated, clear message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import errors


def error_text(exc: BaseException) -> str:
    """The message for an error, in the user's language; paths are filled in."""
    if not isinstance(exc, errors.ArchiveError):
        return QCoreApplication.translate("Errors", "Something went wrong ({kind}). The details are in the log file.").format(
            kind=type(exc).__name__)
    path = str(exc.details.get("path", ""))
    if isinstance(exc, errors.WrongPassphrase):
        return QCoreApplication.translate("Errors", "Wrong passphrase. Check the keyboard layout and Caps Lock, and try again.")
    if isinstance(exc, errors.ArchiveBusy):
        return QCoreApplication.translate("Errors", "The archive {path} is in use by another program and stayed locked. "
                  "Try again in a moment.").format(path=path)
    if isinstance(exc, errors.NotAnArchive):
        if exc.details.get("kind") == "sqlite":
            return QCoreApplication.translate("Errors", "{path} is a plain, unencrypted SQLite database, not a Customer Archive.").format(path=path)
        return QCoreApplication.translate("Errors", "{path} is not a Customer Archive file.").format(path=path)
    if isinstance(exc, errors.ArchiveTooNew):
        return QCoreApplication.translate("Errors", "{path} was made by a newer version of Customer Archive. "
                  "Install the newer version to open it; nothing was changed.").format(path=path)
    if isinstance(exc, errors.ArchiveMissing):
        return QCoreApplication.translate("Errors", "There is no archive at {path}. It may have been moved, or its drive "
                  "is not connected.").format(path=path)
    if isinstance(exc, errors.FolderNotWritable):
        return QCoreApplication.translate("Errors", "{path} cannot be written: the file or its folder is read-only, or you "
                  "lack the permission.").format(path=path)
    if isinstance(exc, errors.KeyringLocked):
        return QCoreApplication.translate("Errors", "The system keyring is locked. Unlock it, or enter the passphrase.")
    if isinstance(exc, errors.NoPassphrase):
        return QCoreApplication.translate("Errors", "No passphrase is available for this archive.")
    if isinstance(exc, errors.ArchiveExists):
        return QCoreApplication.translate("Errors", "{path} already exists. Choose another name.").format(path=path)
    if isinstance(exc, errors.DiskFull):
        return QCoreApplication.translate("Errors", "The disk holding {path} is full. Free some space and try again; "
                  "nothing was lost.").format(path=path)
    if isinstance(exc, errors.ArchiveUnreachable):
        return QCoreApplication.translate("Errors", "The archive {path} cannot be reached. Check the network drive.").format(path=path)
    return by_code(exc)


def by_code(exc: errors.ArchiveError) -> str:
    """The services' other errors say in English what went wrong: in another language the
    window names the kind of error (by its code) in that language, the English line follows."""
    translate = QCoreApplication.translate
    headlines = {
        "invalid": translate("Errors", "This input cannot be used"),
        "not_found": translate("Errors", "Not found"),
        "permission_denied": translate("Errors", "Your role does not allow this"),
        "login_failed": translate("Errors", "The login failed"),
        "conflict": translate("Errors", "Someone else changed this meanwhile"),
        "cancelled": translate("Errors", "Cancelled; nothing was changed"),
        "audit_broken": translate("Errors", "The audit log does not verify"),
        "approval_requested": translate("Errors", "Filed as a request for approval"),
    }
    headline = headlines.get(exc.code)
    if headline is None or QLocale().language() == QLocale.English:
        return exc.message
    return translate("Errors", "{headline} ({message})").format(headline=headline,
                                                             message=exc.message)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    QMessageBox.warning(parent, title or QCoreApplication.translate("Errors", "Customer Archive"), error_text(exc))
