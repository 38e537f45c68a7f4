"""Errors as the user reads them: each typed error as one clear message in the user's language.

Qt-free, so that the window and the command line say the same: ``translate(context, text)``
is the window's ``QCoreApplication.translate`` or the command line's reader of the same .qm
(``cli/error_output.py``); ``english`` says whether the user reads English. The texts are
in the program's translation files (``packaging/build_resources.py --lupdate`` reads this file).
"""

from __future__ import annotations

from typing import Callable

from . import errors

Translate = Callable[[str, str], str]


def error_text(exc: BaseException, translate: Translate, english: bool) -> str:
    """The message for an error, in the user's language; paths are filled in."""
    if not isinstance(exc, errors.ArchiveError):
        return translate(
            "Errors", "Something went wrong ({kind}). The details are in the log file."
        ).format(kind=type(exc).__name__)
    path = str(exc.details.get("path", ""))
    if isinstance(exc, errors.WrongPassphrase):
        return translate(
            "Errors", "Wrong passphrase. Check the keyboard layout and Caps Lock, and try again."
        )
    if isinstance(exc, errors.ArchiveBusy):
        return translate(
            "Errors",
            "The archive {path} is in use by another program and stayed locked. "
            "Try again in a moment.",
        ).format(path=path)
    if isinstance(exc, errors.NotAnArchive):
        if exc.details.get("kind") == "sqlite":
            return translate(
                "Errors", "{path} is a plain, unencrypted SQLite database, not a Customer Archive."
            ).format(path=path)
        return translate("Errors", "{path} is not a Customer Archive file.").format(path=path)
    if isinstance(exc, errors.ArchiveTooNew):
        return translate(
            "Errors",
            "{path} was made by a newer version of Customer Archive. "
            "Install the newer version to open it; nothing was changed.",
        ).format(path=path)
    if isinstance(exc, errors.ArchiveMissing):
        return translate(
            "Errors",
            "There is no archive at {path}. It may have been moved, or its drive is not connected.",
        ).format(path=path)
    if isinstance(exc, errors.FolderNotWritable):
        return translate(
            "Errors",
            "{path} cannot be written: the file or its folder is read-only, or you "
            "lack the permission.",
        ).format(path=path)
    if isinstance(exc, errors.KeyringLocked):
        return translate(
            "Errors", "The system keyring is locked. Unlock it, or enter the passphrase."
        )
    if isinstance(exc, errors.NoPassphrase):
        return translate("Errors", "No passphrase is available for this archive.")
    if isinstance(exc, errors.ArchiveExists):
        return translate("Errors", "{path} already exists. Choose another name.").format(path=path)
    if isinstance(exc, errors.DiskFull):
        return translate(
            "Errors",
            "The disk holding {path} is full. Free some space and try again; nothing was lost.",
        ).format(path=path)
    if isinstance(exc, errors.ArchiveUnreachable):
        return translate(
            "Errors", "The archive {path} cannot be reached. Check the network drive."
        ).format(path=path)
    return by_code(exc, translate, english)


def by_code(exc: errors.ArchiveError, translate: Translate, english: bool) -> str:
    """The services' other errors say in English what went wrong: in another language the
    window names the kind of error (by its code) in that language, the English line follows."""
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
    if headline is None or english:
        return exc.message
    return translate("Errors", "{headline} ({message})").format(
        headline=headline, message=exc.message
    )
