"""The permission policy: roles, what each role may do, whom it sees, what needs approval.

Pure Python (docs/architecture.md, Layers): no Qt, no SQL, no I/O. Services ask these
functions and enforce the answers; whom a role sees reaches the storage layer as data
(``Visibility``, ``Plainness``), which ``storage/visibility.py`` writes as SQL.

Roles (docs/domain.md, Roles)
----------------------------
=================  ==============  ==========================================================
role               scope           meaning
=================  ==============  ==========================================================
salesperson        own             业务员/客服: the customers they are responsible for
                                   (``customers.responsible`` = their user name)
regional_manager   region          区域经理: every customer of their region, plus their own
manager            all             经理/总监 (general manager, sales director, department head)
custodian          own             档案管理员: keeps the paper dossiers and the register. The
                                   office's rule (docs/domain.md, Roles) gives them no right to read
                                   cards ("anyone else needs an
                                   approval"), so their scope is "own" like a salesperson's; the
                                   register shows an item's archive number and name by itself.
administrator      all             系统管理员: accounts and settings. A small office's first and
                                   often only account, so it is also a superuser for the data;
                                   the honest limit (docs/architecture.md, The archive file)
                                   applies anyway (whoever holds the passphrase can read the
                                   file with any SQLCipher tool).
=================  ==============  ==========================================================

Customers outside one's scope become visible for a while through an approved ``access``
request (a row in ``access_grants``, docs/domain.md, Roles "anyone else needs an approval … and the
access is logged").

Names are compared the way SQLite's NOCASE collation does (ASCII letters only), so that
``can_see`` and ``visibility`` (as SQL: storage/visibility.py) always agree; ``users.user_name`` is UNIQUE NOCASE.

What each role may do: ``MATRIX`` below, read by ``allowed``. A cell says whether the role may
do (or ask for) the action at all; customer actions are in addition limited to the customers
the actor can see (``can_see``), and ``needs_approval`` says whether doing it goes through a
request that another person decides.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from desktop import errors
from desktop.domain.customer import CustomerType


# --------------------------------------------------------------------------------------------
# Roles and actors
# --------------------------------------------------------------------------------------------


class Role(StrEnum):
    """Values as in the CHECK constraint of ``users.role`` (migration 3)."""

    SALESPERSON = "salesperson"
    REGIONAL_MANAGER = "regional_manager"
    MANAGER = "manager"
    CUSTODIAN = "custodian"
    ADMINISTRATOR = "administrator"


ROLE_LABELS: dict[Role, tuple[str, str]] = {
    Role.SALESPERSON: ("Salesperson / service clerk", "业务员/客服"),
    Role.REGIONAL_MANAGER: ("Regional manager", "区域经理"),
    Role.MANAGER: ("Manager / director", "经理/总监"),
    Role.CUSTODIAN: ("Archive custodian", "档案管理员"),
    Role.ADMINISTRATOR: ("Administrator", "系统管理员"),
}


def role_label(role: Role | str, lang: str = "en") -> str:
    en, zh = ROLE_LABELS[Role(role)]
    return zh if lang.lower().startswith("zh") else en


@dataclass(frozen=True)
class Actor:
    """Who is acting: an account of the archive, as the services need it."""

    user_name: str
    display_name: str
    role: Role
    region: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "role", Role(self.role))
        if self.region is not None and not self.region.strip():
            object.__setattr__(self, "region", None)

    def is_(self, user_name: str | None) -> bool:
        """Whether ``user_name`` names this actor (compared like SQLite's NOCASE)."""
        return user_name is not None and nocase(user_name) == nocase(self.user_name)


_ASCII_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def nocase(text: str) -> str:
    """Fold like SQLite's NOCASE collation: ASCII letters only (张三 stays 张三, É stays É)."""
    return text.translate(_ASCII_FOLD)


# --------------------------------------------------------------------------------------------
# Actions and the role × action matrix
# --------------------------------------------------------------------------------------------


class Action(StrEnum):
    VIEW_CUSTOMER = "view_customer"
    CREATE_CUSTOMER = "create_customer"
    EDIT_CUSTOMER = "edit_customer"
    DELETE_CUSTOMER = "delete_customer"
    REASSIGN_CUSTOMER = "reassign_customer"  # change the responsible person
    CHANGE_STATUS = "change_status"
    CHANGE_TIER = "change_tier"
    VIEW_SENSITIVE = "view_sensitive"  # of customers one is NOT responsible for
    EXPORT_LIST = "export_list"  # the visible list, without sensitive fields
    EXPORT_FULL = "export_full"  # every field, sensitive ones included
    PRINT = "print"
    IMPORT = "import"
    MANAGE_USERS = "manage_users"
    MANAGE_SETTINGS = "manage_settings"
    APPROVE = "approve"  # decide requests (which ones: ``can_approve``)
    VIEW_AUDIT = "view_audit"
    HANDOVER = "handover"  # hand a departing employee's customers over
    MANAGE_REGISTER = "manage_register"  # the archive register: hand out, take back
    REQUEST_LOAN = "request_loan"


_S, _R, _M, _C, _A = (
    Role.SALESPERSON,
    Role.REGIONAL_MANAGER,
    Role.MANAGER,
    Role.CUSTODIAN,
    Role.ADMINISTRATOR,
)

#: The role × action matrix. Columns: salesperson, regional manager, manager, custodian,
#: administrator. Why the less obvious cells are as they are:
#:  - delete/reassign/status/tier/edit: a salesperson may ask; by default it goes through an
#:    approval (``APPROVAL_DEFAULTS``). Custodians keep dossiers, they do not edit cards.
#:  - view_sensitive: beyond one's own customers (the responsible person always sees them);
#:    only managers and administrators. A regional manager asks for access like anyone else.
#:  - export_full: managers and administrators directly; a regional manager only through an
#:    approval; a salesperson never (the classic leak when an employee leaves, 离职带走客户资料).
#:  - import: creates many cards at once; managers, regional managers, administrators.
#:  - approve: regional managers decide some requests of their region (``can_approve``).
#:  - manage_register: the custodian's work; the administrator too (small offices have no
#:    custodian, and the administrator is the single user's account).
#:  - view_audit: managers and administrators review the log (docs/domain.md, Records, retention and
#:    privacy).
#:  - handover: managers and administrators; a regional manager through an approval.
MATRIX: dict[Action, tuple[bool, bool, bool, bool, bool]] = {
    #                            S      R      M      C      A
    Action.VIEW_CUSTOMER: (True, True, True, True, True),
    Action.CREATE_CUSTOMER: (True, True, True, False, True),
    Action.EDIT_CUSTOMER: (True, True, True, False, True),
    Action.DELETE_CUSTOMER: (True, True, True, False, True),
    Action.REASSIGN_CUSTOMER: (True, True, True, False, True),
    Action.CHANGE_STATUS: (True, True, True, False, True),
    Action.CHANGE_TIER: (True, True, True, False, True),
    Action.VIEW_SENSITIVE: (False, False, True, False, True),
    Action.EXPORT_LIST: (True, True, True, False, True),
    Action.EXPORT_FULL: (False, True, True, False, True),
    Action.PRINT: (True, True, True, True, True),
    Action.IMPORT: (False, True, True, False, True),
    Action.MANAGE_USERS: (False, False, False, False, True),
    Action.MANAGE_SETTINGS: (False, False, False, False, True),
    Action.APPROVE: (False, True, True, False, True),
    Action.VIEW_AUDIT: (False, False, True, False, True),
    Action.HANDOVER: (False, True, True, False, True),
    Action.MANAGE_REGISTER: (False, False, False, True, True),
    Action.REQUEST_LOAN: (True, True, True, True, True),
}
_COLUMN = {_S: 0, _R: 1, _M: 2, _C: 3, _A: 4}
assert set(MATRIX) == set(Action), "every action has a row"


def allowed(actor: Actor, action: Action | str) -> bool:
    """Whether ``actor``'s role may do (or ask for) ``action`` at all."""
    return MATRIX[Action(action)][_COLUMN[actor.role]]


def require(actor: Actor, action: Action | str) -> None:
    """Raise PermissionDenied unless ``allowed``."""
    if not allowed(actor, action):
        what = Action(action).value.replace("_", " ")
        raise errors.PermissionDenied(
            "{role_label} {user_name} may not {what}.",
            action=Action(action).value,
            role=actor.role.value,
            role_label=role_label(actor.role),
            user_name=actor.user_name,
            what=what,
        )


#: How long an approved access request lasts, in hours: at least one, at most 30 days.
ACCESS_HOURS_MIN = 1
ACCESS_HOURS_MAX = 720


def access_hours(hours: object) -> int:
    """``hours`` as a whole number within ACCESS_HOURS_MIN … ACCESS_HOURS_MAX, else
    ValidationError (the one place the bound is decided; the CLI and the window use it)."""
    try:
        value = int(str(hours).strip())
    except (TypeError, ValueError):
        raise errors.ValidationError(
            "The access duration must be a whole number of hours, not {hours!r}.",
            hours=hours,
            field="hours",
        ) from None
    if not ACCESS_HOURS_MIN <= value <= ACCESS_HOURS_MAX:
        raise errors.ValidationError(
            "The access duration must be {ACCESS_HOURS_MIN} to {ACCESS_HOURS_MAX} hours (30 days), not {value}.",
            ACCESS_HOURS_MIN=ACCESS_HOURS_MIN,
            ACCESS_HOURS_MAX=ACCESS_HOURS_MAX,
            value=value,
            field="hours",
        )
    return value


def may_back_up(actor: Actor, *, single_user: bool) -> bool:
    """Whether ``actor`` may take a backup to a path of their choosing.

    A backup is a full copy of the archive, sensitive fields included, so it needs what a
    direct full export needs: a manager or an administrator, or anyone in single-user mode.
    (Those who may ask for a full export through an approval cannot back up: a backup is not
    something an approval is asked for.) The automatic backup into the office's backup folder
    is not this: it is taken for everyone (``services.backups.automatic_backup``).
    """
    if single_user:
        return True
    return allowed(actor, Action.EXPORT_FULL) and not needs_approval(
        actor, Action.EXPORT_FULL, is_responsible=False, single_user=False
    )


def require_back_up(actor: Actor, *, single_user: bool) -> None:
    """Raise PermissionDenied unless ``may_back_up``."""
    if not may_back_up(actor, single_user=single_user):
        raise errors.PermissionDenied(
            "{role_label} {user_name} may not take a backup: a backup is a "
            "full copy of the archive, sensitive fields included, so it needs a manager or an "
            "administrator (like a full export).",
            action="backup",
            role=actor.role.value,
            role_label=role_label(actor.role),
            user_name=actor.user_name,
        )


# --------------------------------------------------------------------------------------------
# Visibility
# --------------------------------------------------------------------------------------------

Scope = Literal["own", "region", "all"]

_SCOPES: dict[Role, Scope] = {
    Role.SALESPERSON: "own",
    Role.REGIONAL_MANAGER: "region",
    Role.MANAGER: "all",
    Role.CUSTODIAN: "own",
    Role.ADMINISTRATOR: "all",
}


def scope(actor: Actor) -> Scope:
    """Which customers ``actor`` sees without an approval (table in the module docstring)."""
    return _SCOPES[actor.role]


def can_see(
    actor: Actor, responsible: str | None, region: str | None, *, granted: bool = False
) -> bool:
    """Whether ``actor`` may open a customer with this responsible person and region.

    ``granted``: an unexpired access grant (approved request) exists for this actor and card.
    Same answers as ``visibility``. A regional manager without a region sees only their
    own customers; a card without a region is seen by no regional manager as such.
    """
    s = scope(actor)
    if s == "all" or granted:
        return True
    if actor.is_(responsible):
        return True
    if s == "region" and actor.region is not None and region is not None:
        return nocase(region) == nocase(actor.region)
    return False


def _now_text(now: str | _dt.datetime) -> str:
    """``now`` as the text compared with ``access_grants.expires_at``.

    Both must be written the same way (ISO 8601 with the same offset, as the services write
    times); then text order is time order.
    """
    if isinstance(now, _dt.datetime):
        return now.isoformat(timespec="seconds")
    return str(now)


@dataclass(frozen=True)
class Visibility:
    """Which customers someone sees, as data (``storage/visibility.py`` writes the SQL; the
    domain writes none): every customer, or those whose responsible person is ``user``, those
    of ``region`` (a regional manager's), and those with an access grant for ``user`` valid
    at ``at``. Same answers as ``can_see``."""

    everything: bool
    user: str = ""
    region: str | None = None
    at: str = ""


def visibility(actor: Actor, now: str | _dt.datetime) -> Visibility:
    """The customers ``actor`` may see at ``now`` (``can_see`` for every card at once)."""
    s = scope(actor)
    if s == "all":
        return Visibility(everything=True)
    return Visibility(
        everything=False,
        user=actor.user_name,
        region=actor.region if s == "region" else None,
        at=_now_text(now),
    )


# --------------------------------------------------------------------------------------------
# Approvals
# --------------------------------------------------------------------------------------------


class ApprovalKind(StrEnum):
    """``approvals.kind``: one mechanism for every request (docs/domain.md, Approvals)."""

    EDIT = "edit"
    DELETE = "delete"
    REASSIGN = "reassign"
    STATUS = "status"
    TIER = "tier"
    ACCESS = "access"
    HANDOVER = "handover"
    EXPORT_FULL = "export_full"
    LOAN = "loan"


#: The request kind an action becomes when it needs an approval.
APPROVAL_KIND_FOR: dict[Action, ApprovalKind] = {
    Action.EDIT_CUSTOMER: ApprovalKind.EDIT,
    Action.DELETE_CUSTOMER: ApprovalKind.DELETE,
    Action.REASSIGN_CUSTOMER: ApprovalKind.REASSIGN,
    Action.CHANGE_STATUS: ApprovalKind.STATUS,
    Action.CHANGE_TIER: ApprovalKind.TIER,
    Action.VIEW_CUSTOMER: ApprovalKind.ACCESS,
    Action.VIEW_SENSITIVE: ApprovalKind.ACCESS,
    Action.HANDOVER: ApprovalKind.HANDOVER,
    Action.EXPORT_FULL: ApprovalKind.EXPORT_FULL,
    Action.REQUEST_LOAN: ApprovalKind.LOAN,
}

#: Policy keys (the office may switch them in the settings; stored as a set of these strings).
#: An action name: doing it needs an approval. ``edit_not_responsible``: editing a card one is
#: not responsible for. ``manager_delete``: a manager's or administrator's own deletion needs a
#: second person too (four eyes; off by default, see ``needs_approval``).
EDIT_NOT_RESPONSIBLE = "edit_not_responsible"
MANAGER_DELETE = "manager_delete"
POLICY_KEYS: frozenset[str] = frozenset(
    {
        Action.EDIT_CUSTOMER.value,
        Action.DELETE_CUSTOMER.value,
        Action.REASSIGN_CUSTOMER.value,
        Action.CHANGE_STATUS.value,
        Action.CHANGE_TIER.value,
        EDIT_NOT_RESPONSIBLE,
        MANAGER_DELETE,
    }
)

#: By default (docs/domain.md, Changes and handover "a change to a customer file needs the manager's
#: consent", kept to the
#: changes that matter): deleting a customer, changing the responsible person, changing tier or
#: status, and editing a card one is not responsible for. Plain edits of one's own cards are
#: applied directly and kept in the change log with their reason; an office that wants every
#: edit approved adds ``edit_customer``.
APPROVAL_DEFAULTS: frozenset[str] = frozenset(
    {
        Action.DELETE_CUSTOMER.value,
        Action.REASSIGN_CUSTOMER.value,
        Action.CHANGE_STATUS.value,
        Action.CHANGE_TIER.value,
        EDIT_NOT_RESPONSIBLE,
    }
)

#: Always requests for those below manager, whatever the policy: a full export, a handover,
#: and a loan from the register (docs/domain.md, The archive register: "approval by the responsible
#: manager").
ALWAYS_APPROVED: frozenset[Action] = frozenset(
    {Action.EXPORT_FULL, Action.HANDOVER, Action.REQUEST_LOAN}
)

_DIRECT_ROLES = frozenset({Role.MANAGER, Role.ADMINISTRATOR})


def needs_approval(
    actor: Actor,
    action: Action | str,
    *,
    is_responsible: bool,
    policy: set[str] | frozenset[str] = APPROVAL_DEFAULTS,
    single_user: bool,
) -> bool:
    """Whether ``actor`` doing ``action`` becomes a request for someone else to decide.

    - Single-user mode: never (there is nobody to ask).
    - Managers and administrators: their own changes are applied directly (they are the ones
      who would approve). Their deletion needs a second person only when the office switched
      on ``manager_delete``: then it is a request that another manager or administrator
      decides. Off by default because a two-account office (administrator + one clerk) would
      otherwise never be able to delete anything; deletions are in the audit log either way.
    - Others: ``ALWAYS_APPROVED`` actions, the actions named in ``policy``, and editing a card
      one is not responsible for when ``edit_not_responsible`` is in the policy.

    Call it only for allowed actions (``allowed``); it does not repeat that check.
    """
    if single_user:
        return False
    action = Action(action)
    if actor.role in _DIRECT_ROLES:
        return action is Action.DELETE_CUSTOMER and MANAGER_DELETE in policy
    if action in ALWAYS_APPROVED:
        return True
    if action.value in policy:
        return True
    if action is Action.EDIT_CUSTOMER and not is_responsible and EDIT_NOT_RESPONSIBLE in policy:
        return True
    return False


#: Requests a regional manager decides for customers of their own region. Deletion, a change
#: of the responsible person, handovers and full exports stay with managers; access outside
#: one's scope is granted by "the sales director or general manager" (docs/domain.md, Roles).
REGIONAL_KINDS: frozenset[ApprovalKind] = frozenset(
    {ApprovalKind.EDIT, ApprovalKind.STATUS, ApprovalKind.TIER, ApprovalKind.LOAN}
)


def can_approve(
    approver: Actor,
    kind: ApprovalKind | str,
    requester_name: str,
    *,
    user_count: int,
    customer_region: str | None = None,
) -> bool:
    """Whether ``approver`` may decide a request of ``kind`` made by ``requester_name``.

    - Never one's own request while the archive has more than one (active) user.
    - Managers and administrators decide every kind.
    - A regional manager decides ``REGIONAL_KINDS`` about a customer of their region
      (``customer_region``, when the caller knows it; without it, no).
    - Salespeople and custodians decide nothing.
    """
    if user_count > 1 and approver.is_(requester_name):
        return False
    if approver.role in _DIRECT_ROLES:
        return True
    if approver.role is Role.REGIONAL_MANAGER:
        try:
            k = ApprovalKind(kind)
        except ValueError:
            return False
        return (
            k in REGIONAL_KINDS
            and approver.region is not None
            and customer_region is not None
            and nocase(customer_region) == nocase(approver.region)
        )
    return False


# --------------------------------------------------------------------------------------------
# Sensitive personal information (敏感个人信息, docs/domain.md, Sensitive data and masking)
# --------------------------------------------------------------------------------------------

#: Always sensitive: the decision-maker's personal details (a private person's life).
SENSITIVE_FIELDS: frozenset[str] = frozenset({"dm_birthday", "dm_hobbies", "dm_preferences"})

#: Sensitive too when the customer is a private person (customer_type "individual"): home
#: address, personal phone/fax/e-mail, personal finances (revenue, results and finances,
#: credit status). For a company these are business data.
INDIVIDUAL_SENSITIVE_FIELDS: frozenset[str] = frozenset(
    {"address", "phone", "fax", "email", "revenue", "results_notes", "credit_status"}
)

#: The contact fields that are personal when the customer is a private person.
INDIVIDUAL_SENSITIVE_CONTACT_FIELDS: frozenset[str] = frozenset({"phone", "mobile", "fax", "email"})

_INDIVIDUAL = CustomerType.INDIVIDUAL  # a StrEnum: "individual" compares equal to it


def sensitive_fields(customer_type: str | None) -> frozenset[str]:
    """The card fields of a customer of this type that get the stricter access."""
    if customer_type == _INDIVIDUAL:
        return SENSITIVE_FIELDS | INDIVIDUAL_SENSITIVE_FIELDS
    return SENSITIVE_FIELDS


def sensitive_contact_fields(customer_type: str | None) -> frozenset[str]:
    return INDIVIDUAL_SENSITIVE_CONTACT_FIELDS if customer_type == _INDIVIDUAL else frozenset()


def may_view_sensitive(
    actor: Actor, *, is_responsible: bool, single_user: bool = False, granted: bool = False
) -> bool:
    """Whether the sensitive fields of a (visible) card are shown to ``actor`` unmasked.

    The responsible person, managers and administrators; anyone in single-user mode; and
    whoever holds an approved access grant for the card (``granted``: the request said what
    for). Each unmasked view is logged by the caller (docs/architecture.md, The audit chain).
    """
    return single_user or is_responsible or granted or allowed(actor, Action.VIEW_SENSITIVE)


def shown_plainly(actor: Actor, *, responsible: str | None, single_user: bool) -> bool:
    """Whether a card's sensitive fields are *displayed* unmasked to ``actor``: to the
    responsible person (who collected them) and in a single-user office. Everyone else sees
    masks, on the card and in every list, print and workbook; those who ``may_view_sensitive``
    can reveal one field at a time, for a logged purpose. Same answers as ``plainness``."""
    return single_user or actor.is_(responsible)


@dataclass(frozen=True)
class Plainness:
    """Where the sensitive *list* columns (those of ``INDIVIDUAL_SENSITIVE_FIELDS``: a private
    person's phone…) are shown as they are: everywhere (single-user mode), or on a company's
    card and on the private persons' cards of ``user`` (``shown_plainly``). Lists show, and
    sort by, the masked value elsewhere. ``storage/visibility.py`` writes the SQL."""

    everywhere: bool
    user: str = ""
    private_kind: str = _INDIVIDUAL.value


def plainness(actor: Actor, *, single_user: bool) -> Plainness:
    return Plainness(everywhere=True) if single_user else Plainness(False, actor.user_name)


def matchable(actor: Actor, now: str | _dt.datetime, *, single_user: bool) -> Visibility | None:
    """The customers whose sensitive fields a search of ``actor`` may match (the search index
    keeps them apart): those whose fields ``actor`` ``may_view_sensitive`` (responsible,
    granted, or a role that may reveal them). None: every visible customer's (a role that
    may reveal them; or scope "own", whose visible cards are all their own or granted). A
    match may only come from what the searcher may see."""
    if single_user or allowed(actor, Action.VIEW_SENSITIVE) or scope(actor) == "own":
        return None
    return Visibility(everything=False, user=actor.user_name, region=None, at=_now_text(now))


MASK = "•••"
_PHONE = re.compile(r"\+?[\d\s().\-/]+")
_NOT_PHONE = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|-?\d+(\.\d+)?")  # a date, a number


def mask(value: object) -> str:
    """A masked rendering of a sensitive value: recognisable, not readable.

    - Phone numbers (7 digits or more): first three and last two digits stay, the separators
      stay, other digits become ``*``: ``13812345678`` → ``138******78``.
    - E-mail addresses: the first character and the domain: ``z•••@example.com``.
    - Everything else (text, dates, amounts, also written as text): ``•••`` whatever its
      length.
    - Nothing (None, "") stays empty: an empty field is not a secret.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        text = value.strip()
        digits = sum(ch.isdigit() for ch in text)
        if (
            digits >= 7
            and _PHONE.fullmatch(text)
            and (not _NOT_PHONE.fullmatch(text) or text.isdigit() and len(text) >= 7)
        ):
            out, seen = [], 0
            for ch in text:
                if ch.isdigit():
                    seen += 1
                    out.append(ch if seen <= 3 or seen > digits - 2 else "*")
                else:
                    out.append(ch)
            return "".join(out)
        if text.count("@") == 1 and not any(ch.isspace() for ch in text):
            local, domain = text.split("@")
            if local and domain:
                return f"{local[0]}{MASK}@{domain}"
    return MASK
