"""Errors as the user reads them: each typed error as one clear message in the user's language.

Qt-free, so that the window and the command line say the same: ``translate(context, text)``
is the window's ``QCoreApplication.translate`` or the command line's reader of the same .qm
(``cli/error_output.py``); ``english`` says whether the user reads English. The texts are
in the program's translation files (``packaging/build_resources.py --lupdate`` reads this file).
"""

from __future__ import annotations

import string
from typing import Callable

from . import errors

Translate = Callable[[str, str], str]

# Details that are English words put into a template (a role, an action, a state, a kind of
# file): said in the user's language too, from the "ErrorDetails" context below.
WORD_DETAILS = ("role_label", "what", "state", "kind", "more")
# Details that are a whole English sentence (a rule's own message, wrapped): a translated frame
# around it would mix the languages in one line, so such an error keeps the headline form.
SENTENCE_DETAILS = ("message", "problem")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    return text


DETAIL_WORDS = (
    QT_TRANSLATE_NOOP("ErrorDetails", "Salesperson / service clerk"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Regional manager"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Manager / director"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Archive custodian"),
    QT_TRANSLATE_NOOP("ErrorDetails", "Administrator"),
    QT_TRANSLATE_NOOP("ErrorDetails", "view customer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "create customer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "edit customer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "delete customer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "reassign customer"),
    QT_TRANSLATE_NOOP("ErrorDetails", "change status"),
    QT_TRANSLATE_NOOP("ErrorDetails", "change tier"),
    QT_TRANSLATE_NOOP("ErrorDetails", "view sensitive"),
    QT_TRANSLATE_NOOP("ErrorDetails", "export list"),
    QT_TRANSLATE_NOOP("ErrorDetails", "export full"),
    QT_TRANSLATE_NOOP("ErrorDetails", "print"),
    QT_TRANSLATE_NOOP("ErrorDetails", "import"),
    QT_TRANSLATE_NOOP("ErrorDetails", "manage users"),
    QT_TRANSLATE_NOOP("ErrorDetails", "manage settings"),
    QT_TRANSLATE_NOOP("ErrorDetails", "approve"),
    QT_TRANSLATE_NOOP("ErrorDetails", "view audit"),
    QT_TRANSLATE_NOOP("ErrorDetails", "handover"),
    QT_TRANSLATE_NOOP("ErrorDetails", "manage register"),
    QT_TRANSLATE_NOOP("ErrorDetails", "request loan"),
    QT_TRANSLATE_NOOP("ErrorDetails", "deactivate"),
    QT_TRANSLATE_NOOP("ErrorDetails", "demote"),
    QT_TRANSLATE_NOOP("ErrorDetails", "passphrase"),
    QT_TRANSLATE_NOOP("ErrorDetails", "current passphrase"),
    QT_TRANSLATE_NOOP("ErrorDetails", "new passphrase"),
    QT_TRANSLATE_NOOP("ErrorDetails", "passphrase for the new archive"),
    QT_TRANSLATE_NOOP("ErrorDetails", "password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "current password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "new password"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a folder"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a pipe (FIFO)"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a socket"),
    QT_TRANSLATE_NOOP("ErrorDetails", "a device"),
    QT_TRANSLATE_NOOP("ErrorDetails", "not a regular file"),
    QT_TRANSLATE_NOOP("ErrorDetails", "more than "),
    QT_TRANSLATE_NOOP("ErrorDetails", "available"),
    QT_TRANSLATE_NOOP("ErrorDetails", "out"),
    QT_TRANSLATE_NOOP("ErrorDetails", "lost"),
    QT_TRANSLATE_NOOP("ErrorDetails", "damaged"),
    QT_TRANSLATE_NOOP("ErrorDetails", "with_owner"),
    QT_TRANSLATE_NOOP("ErrorDetails", "requested"),
    QT_TRANSLATE_NOOP("ErrorDetails", "approved"),
    QT_TRANSLATE_NOOP("ErrorDetails", "rejected"),
    QT_TRANSLATE_NOOP("ErrorDetails", "cancelled"),
    QT_TRANSLATE_NOOP("ErrorDetails", "returned"),
    QT_TRANSLATE_NOOP("ErrorDetails", "pending"),
    QT_TRANSLATE_NOOP("ErrorDetails", "applied"),
    QT_TRANSLATE_NOOP("ErrorDetails", "waiting"),
    QT_TRANSLATE_NOOP("ErrorDetails", "ready"),
    QT_TRANSLATE_NOOP("ErrorDetails", "fulfilled"),
    # request kinds (services/approvals.py KIND_LABELS), as "kind" names them
    QT_TRANSLATE_NOOP("ErrorDetails", "edit"),
    QT_TRANSLATE_NOOP("ErrorDetails", "delete"),
    QT_TRANSLATE_NOOP("ErrorDetails", "status"),
    QT_TRANSLATE_NOOP("ErrorDetails", "tier"),
    QT_TRANSLATE_NOOP("ErrorDetails", "reassign"),
    QT_TRANSLATE_NOOP("ErrorDetails", "access"),
    QT_TRANSLATE_NOOP("ErrorDetails", "export_full"),
    QT_TRANSLATE_NOOP("ErrorDetails", "loan"),
    QT_TRANSLATE_NOOP("ErrorDetails", "loan_renewal"),
)


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
    """The services' other errors in the user's language: their template's translation
    ("ServiceErrors") filled from the details; where a template has none (or it cannot be
    filled), the kind of error (by its code) in that language, the English line following."""
    if not english:
        translated = _translated(exc, translate)
        if translated is not None:
            return translated
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


def _translated(exc: errors.ArchiveError, translate: Translate) -> str | None:
    """The template's translation filled from the details (the English words among them
    translated too), or None when the template has no translation or it does not fill."""
    if not exc.template or any(exc.details.get(key) for key in SENTENCE_DETAILS):
        return None
    text = translate("ServiceErrors", exc.template)
    if not text or text == exc.template or not _same_fields(text, exc.template):
        return None
    details = dict(exc.details)
    for key in WORD_DETAILS:
        value = details.get(key)
        if isinstance(value, str) and value:
            details[key] = translate("ErrorDetails", value)
    try:
        return text.format(**details)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        return None


def _same_fields(text: str, template: str) -> bool:
    """Whether a translation asks for the same details as its template (a translation that
    names another detail would say something else, or fail)."""
    try:
        return _fields(text) == _fields(template)
    except ValueError:
        return False


def _fields(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
