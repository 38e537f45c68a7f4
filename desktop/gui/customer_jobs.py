"""Jobs for the database worker behind the customer list and the customer card.

Each function returns a job ``fn(svc)`` for ``Op(worker, parent, fn)``: it runs on the worker
thread with the open ``ArchiveService``, calls the customer service, and returns plain data
(ids, tuples, ``Card``) for the GUI thread. Nothing here touches a widget (docs/architecture.md, The
database worker).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from .. import errors
from ..atomic import write_atomic
from ..services.accounts import AccountService
from ..services.archive_service import ArchiveService, os_user
from ..services.customers import Card, CustomerService, Filter
from ..services.demo import fill_demo

SEARCH_LIMIT = 2000  # best matches shown for a search; typing more narrows it down
SAMPLE_SIZE = 200

Job = Callable[[ArchiveService], object]


def customers(svc: ArchiveService) -> CustomerService:
    """The customer service of the open archive, acting as the signed-in user."""
    if svc.actor is None:
        raise errors.PermissionDenied("Log in first: this archive has several users.")
    return CustomerService(svc.archive, svc.actor)


@dataclass(frozen=True)
class Found:
    ids: list[int]
    first_rows: dict[int, tuple]  # the first page, fetched with the ids (no second round trip)
    total: int  # customers in the archive (for the empty-archive page)
    capped: bool  # a search gave SEARCH_LIMIT matches: there may be more
    matches: dict[int, list[str]]  # where the search found the first page's customers


def find(query: str, flt: Filter, sort: str | None, descending: bool, first_page: int) -> Job:
    def job(svc: ArchiveService) -> Found:
        cs = customers(svc)
        ids = cs.find(query, flt, sort=sort, descending=descending, limit=SEARCH_LIMIT)
        total = len(cs.list_ids(Filter())) if not ids else -1  # only asked when nothing matched
        searching = bool(query.strip())
        return Found(
            ids,
            cs.list_rows(ids[:first_page]),
            total,
            searching and len(ids) >= SEARCH_LIMIT,
            cs.matched_fields(query, ids[:first_page]) if searching else {},
        )

    return job


def matched_fields(query: str, ids: Sequence[int]) -> Job:
    ids = list(ids)
    return lambda svc: customers(svc).matched_fields(query, ids)


def list_rows(ids: Sequence[int]) -> Job:
    ids = list(ids)
    return lambda svc: customers(svc).list_rows(ids)


@dataclass(frozen=True)
class ValueLists:
    industries: list[str]
    regions: list[str]
    responsible: list[str]
    tags: list[str]
    saved_filters: dict[str, dict]
    people: list[tuple[str, str, bool]]  # (login, display name, active) of every account


def value_lists(svc: ArchiveService) -> ValueLists:
    cs = customers(svc)
    lists = cs.value_lists()
    return ValueLists(
        lists.get("industry", []),
        lists.get("region", []),
        lists.get("responsible", []),
        lists.get("tags", []),
        cs.saved_filters(),
        AccountService(svc.archive).people(),
    )


def save_filter(name: str, definition: dict) -> Job:
    def job(svc: ArchiveService) -> dict[str, dict]:
        cs = customers(svc)
        cs.save_filter(name, definition)
        return cs.saved_filters()

    return job


def add_sample_data(count: int = SAMPLE_SIZE) -> Job:
    return lambda svc: fill_demo(svc.archive, count, seed=1, user=os_user())


# ---------------------------------------------------------------------- the card
def get(customer_id: int) -> Job:
    return lambda svc: customers(svc).get(customer_id)


def save(
    customer_id: int | None,
    changes: dict[str, object],
    version: int | None,
    reason: str | None,
    contacts: list[dict[str, object]] | None,
) -> Job:
    """Add (``customer_id`` None) or edit a card; returns the card as saved."""

    def job(svc: ArchiveService) -> Card:
        cs = customers(svc)
        if customer_id is None:
            return cs.get(cs.add(changes, contacts or ()))
        cs.edit(customer_id, changes, version=version, reason=reason, contacts=contacts)
        return cs.get(customer_id)

    return job


def duplicates(values: dict[str, object], exclude_id: int | None) -> Job:
    return lambda svc: customers(svc).duplicates(values, exclude_id=exclude_id)


def add_follow_up(customer_id: int, date: str, kind: str, summary: str) -> Job:
    def job(svc: ArchiveService) -> Card:
        cs = customers(svc)
        cs.add_follow_up(customer_id, date, kind, summary)
        return cs.get(customer_id)

    return job


def add_transaction(customer_id: int, values: dict[str, object]) -> Job:
    def job(svc: ArchiveService) -> Card:
        cs = customers(svc)
        cs.add_transaction(customer_id, **values)
        return cs.get(customer_id)

    return job


def add_attachment(customer_id: int, path: str) -> Job:
    def job(svc: ArchiveService) -> Card:
        cs = customers(svc)
        cs.add_attachment_file(customer_id, path)  # regular files only, never past the limit
        return cs.get(customer_id)

    return job


def save_attachment(attachment_id: int, target: str) -> Job:
    def job(svc: ArchiveService) -> str:
        name, data = customers(svc).attachment_data(attachment_id)
        write_atomic(target, data)
        return target

    return job


# ---------------------------------------------------------------------- history and rules
def changes(customer_id: int) -> Job:
    """The card's change log, field by field, oldest first (with who approved each change)."""
    return lambda svc: customers(svc).changes(customer_id)


def reveal(customer_id: int, field_name: str, purpose: str) -> Job:
    """One masked sensitive value; the service writes the view and its purpose to the audit log."""
    return lambda svc: customers(svc).reveal(customer_id, field_name, purpose)


def handover(from_user: str, to_user: str, reason: str) -> Job:
    """Hand a departing employee's customers to a successor; raises ApprovalRequested when the
    handover waits for a manager."""
    return lambda svc: customers(svc).handover(from_user, to_user, reason)
