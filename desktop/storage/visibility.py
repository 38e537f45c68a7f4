"""The domain's visibility rules as SQL: which customers a query may return, and where a list
shows sensitive columns as they are (``domain/permissions.py``: ``Visibility``, ``Plainness``).

The domain decides, as data; this module only writes it over the ``customers`` table
(columns ``id``, ``responsible``, ``region``, ``customer_type``), with parameters, or, for
the search module's sub-selects that take no parameters, with escaped literals.
"""

from __future__ import annotations

import re

from ..domain.permissions import Plainness, Visibility

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def _prefix(alias: str | None) -> str:
    if not alias:
        return ""
    if not _IDENT.fullmatch(alias):
        raise ValueError(f"not an SQL table alias: {alias!r}")
    return alias + "."


def where(vis: Visibility, *, alias: str | None = None) -> tuple[str, tuple]:
    """A WHERE fragment over ``customers`` and its parameters: the customers ``vis`` sees.
    ``("1", ())`` for everything. ``alias``: the name the customers table has in the query
    (``c`` gives ``c.responsible``)."""
    if vis.everything:
        return "1", ()
    p = _prefix(alias)
    parts = [f"{p}responsible = ? COLLATE NOCASE"]
    params: list[str] = [vis.user]
    if vis.region is not None:
        parts.append(f"{p}region = ? COLLATE NOCASE")
        params.append(vis.region)
    parts.append(
        f"{p}id IN (SELECT customer_id FROM access_grants "
        "WHERE user_name = ? COLLATE NOCASE AND expires_at > ?)"
    )
    params += [vis.user, vis.at]
    return "(" + " OR ".join(parts) + ")", tuple(params)


def sql_literal(value: str) -> str:
    """``value`` as an SQL string literal: quotes doubled, NUL refused (it would cut the text)."""
    if "\x00" in value:
        raise ValueError("an SQL text literal cannot hold a NUL character")
    return "'" + value.replace("'", "''") + "'"


def literal_where(vis: Visibility, *, alias: str | None = None) -> str:
    """``where`` with its values written into the text as escaped literals, for callers
    that cannot pass parameters (the search module's ``allowed_ids_sql``)."""
    fragment, params = where(vis, alias=alias)
    pieces = fragment.split("?")
    assert len(pieces) == len(params) + 1
    out = [pieces[0]]
    for value, rest in zip(params, pieces[1:], strict=True):
        out += [sql_literal(value), rest]
    return "".join(out)


def ids_select(vis: Visibility | None) -> str | None:
    """A ``SELECT id FROM customers WHERE …`` of the ids ``vis`` sees, or None when it sees
    everything (no filter needed): what ``search.search``'s ``allowed_ids_sql`` and
    ``private_ids_sql`` take."""
    if vis is None or vis.everything:
        return None
    return f"SELECT id FROM customers WHERE {literal_where(vis)}"


def plain_where(plain: Plainness, *, alias: str | None = None) -> tuple[str, tuple]:
    """A fragment over ``customers`` that is true where the sensitive list columns are shown
    as they are (``Plainness``)."""
    if plain.everywhere:
        return "1", ()
    p = _prefix(alias)
    return (
        f"({p}customer_type IS NOT {sql_literal(plain.private_kind)} "
        f"OR {p}responsible = ? COLLATE NOCASE)",
        (plain.user,),
    )
