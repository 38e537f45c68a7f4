"""The customer filter options shared by ``customers list/search``, ``export cards`` and
``export xlsx``: statuses and tiers given by value or label in either language."""

from __future__ import annotations

import argparse

from .. import errors
from ..domain import validation
from ..domain.customer import STATUS_LABELS, TIER_LABELS, Status, Tier
from ..services.customers import Filter


def add_filter_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--status", action="append", help=_choices(STATUS_LABELS))
    p.add_argument("--tier", action="append", help=_choices(TIER_LABELS))
    p.add_argument("--region", action="append")
    p.add_argument("--industry", action="append")
    p.add_argument("--responsible", action="append")
    p.add_argument("--tag", action="append")


def _choices(labels: dict) -> str:
    return (
        ", ".join(f"{m.value} ({zh})" for m, (_en, zh) in labels.items()) + "; repeat for several"
    )


def filter_of(args: argparse.Namespace) -> Filter:
    """The options as a list filter; an unknown status or tier is an error (exit 14), not an
    empty list."""
    try:
        statuses = [validation.parse_enum(Status, s).value for s in args.status or ()]
        tiers = [validation.parse_enum(Tier, t).value for t in args.tier or ()]
    except validation.ValidationError as exc:
        raise errors.ValidationError("--status/--tier: {message}.", message=exc.message) from None
    return Filter(
        statuses=statuses,
        tiers=tiers,
        regions=args.region or (),
        industries=args.industry or (),
        responsible=args.responsible or (),
        tags=args.tag or (),
    )
