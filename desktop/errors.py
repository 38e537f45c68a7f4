"""Errors a user can meet, shared by every layer.

Each error has a stable ``code`` (used for CLI exit statuses and for the GUI to pick a
translated message), an English ``template`` (a ``str.format`` string, translatable) filled
from its ``details``, and the filled plain English ``message`` for the CLI and the log. Messages
never contain a passphrase or key: only paths, ids and counts.
"""

from __future__ import annotations


class ArchiveError(Exception):
    """Base of every error shown to a user as one clear line."""

    code = "error"
    exit_status = 1

    def __init__(self, template: str = "", **details: object) -> None:
        # ``template`` is one literal ``str.format`` template (extracted for translation, see
        # packaging/build_resources.py); ``details`` fill it. ``message`` is the English line.
        try:
            message = template.format(**details)
        except (KeyError, IndexError, ValueError, AttributeError):
            message = template  # not a template (braces in a built message): said as it is
        super().__init__(message)
        self.template = template
        self.message = message
        self.details = details

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.message


class WrongPassphrase(ArchiveError):
    code = "wrong_passphrase"
    exit_status = 3


class ArchiveBusy(ArchiveError):
    code = "busy"
    exit_status = 4


class NotAnArchive(ArchiveError):
    code = "not_an_archive"
    exit_status = 5


class ArchiveTooNew(ArchiveError):
    code = "too_new"
    exit_status = 6


class ArchiveMissing(ArchiveError):
    code = "missing"
    exit_status = 7


class FolderNotWritable(ArchiveError):
    code = "not_writable"
    exit_status = 8


class KeyringLocked(ArchiveError):
    code = "keyring_locked"
    exit_status = 9


class NoPassphrase(ArchiveError):
    """No passphrase could be had: no keyring entry, no backend, and no way to ask."""

    code = "no_passphrase"
    exit_status = 10


class ArchiveExists(ArchiveError):
    code = "exists"
    exit_status = 11


class DiskFull(ArchiveError):
    code = "disk_full"
    exit_status = 12


class ArchiveUnreachable(ArchiveError):
    """The file vanished or its drive went away while the archive was open."""

    code = "unreachable"
    exit_status = 13


class ValidationError(ArchiveError):
    """Bad input; ``details['fields']`` maps field name to a message."""

    code = "invalid"
    exit_status = 14


class NotFound(ArchiveError):
    code = "not_found"
    exit_status = 15


class PermissionDenied(ArchiveError):
    code = "permission_denied"
    exit_status = 16


class LoginFailed(PermissionDenied):
    """The account name and password did not let anyone in (unknown user, wrong password,
    deactivated account, or too many failures for a while): a login problem, not a role's."""

    code = "login_failed"
    exit_status = 19


class ConflictError(ArchiveError):
    """Someone else saved the same record first (optimistic locking)."""

    code = "conflict"
    exit_status = 17


class RuleRefused(ConflictError):
    """A rule the archive itself keeps (a unique index: one open hand-out per item) refused a
    change, because another save got there first: a lost race, told as a conflict."""


class Cancelled(ArchiveError):
    """The user cancelled long work (an export, an import); nothing was written or changed."""

    code = "cancelled"
    exit_status = 130


class ArchiveDamaged(ArchiveError):
    """The file is a Customer Archive (it opens with its passphrase) but damaged: cut short,
    or pages that fail SQLite's checks. Told apart from ``NotAnArchive`` (a text file, random
    bytes, another program's database). Exit status 20, as for a failed ``check``."""

    code = "damaged"
    exit_status = 20


class AuditBroken(ArchiveError):
    """The audit chain does not verify: an entry was changed, removed or rewritten."""

    code = "audit_broken"
    exit_status = 21


class ApprovalRequested(ArchiveError):
    """Not an error of the input: the change needs someone else's approval and was filed as
    a request (``details['approval_id']``). Nothing has changed yet."""

    code = "approval_requested"
    exit_status = 18
