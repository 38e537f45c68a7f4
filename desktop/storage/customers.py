"""The customer tables: SQL in, plain values out. Rules live in services and domain.

Values cross this boundary as the domain's Python types (date, Decimal, enums, list of
tags, bool) and are stored as text (ISO dates, exact decimals, enum values, tags joined
by commas). Every card update names the version it started from (docs/architecture.md, Sharing a
file).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any, Iterable, Sequence

from .. import errors
from ..domain.customer import CONTACT_FIELDS, FIELD_BY_NAME, FIELDS
from .ids import storable

CARD_COLUMNS: tuple[str, ...] = tuple(spec.name for spec in FIELDS)
CONTACT_COLUMNS: tuple[str, ...] = tuple(spec.name for spec in CONTACT_FIELDS)

# Columns of the customer list, in order (the GUI's table model names them too).
LIST_COLUMNS: tuple[str, ...] = (
    "archive_no",
    "name",
    "status",
    "tier",
    "industry",
    "region",
    "responsible",
    "phone",
    "updated_at",
)
# Sort keys the list accepts; each maps to SQL that an index supports.
SORTS: dict[str, str] = {
    "name": "sort_key",
    "archive_no": "archive_no",
    "status": "status",
    "tier": "tier",
    "industry": "industry",
    "region": "region",
    "responsible": "responsible",
    "phone": "phone",
    "updated_at": "updated_at",
}
#: List columns that are sensitive for a private person (the domain's
#: INDIVIDUAL_SENSITIVE_FIELDS among LIST_COLUMNS): shown and sorted by their masked value
#: where ``Filter.plain_sql`` is false.
MASKABLE_LIST_COLUMNS: frozenset[str] = frozenset({"phone"})


def to_db(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (list, tuple)):
        return ",".join(str(v) for v in value)
    return value


def from_db(name: str, value: Any, specs=FIELD_BY_NAME) -> Any:
    spec = specs.get(name)
    if spec is None:
        return value
    if spec.kind == "tags":
        return [t for t in (value or "").split(",") if t]
    if spec.kind == "bool":
        return bool(value)
    if value is None:
        return None
    if spec.kind == "date":
        return dt.date.fromisoformat(value)
    if spec.kind == "money":
        return Decimal(value)
    if spec.kind == "enum" and spec.enum is not None:
        try:
            return spec.enum(value)
        except ValueError:
            return value
    return value


@dataclass
class Filter:
    """The list's filters; empty means "any"."""

    statuses: Sequence[str] = ()
    tiers: Sequence[str] = ()
    industries: Sequence[str] = ()
    regions: Sequence[str] = ()
    responsible: Sequence[str] = ()
    tags: Sequence[str] = ()
    ids: Sequence[int] | None = None  # restrict to these (search results)
    extra_sql: str | None = None  # visibility rule from the services layer (trusted SQL)
    extra_params: tuple = field(default_factory=tuple)
    # where the maskable columns are shown as they are (trusted SQL; None: everywhere)
    plain_sql: str | None = None
    plain_params: tuple = field(default_factory=tuple)

    def order(self, sort: str) -> tuple[str, list]:
        """The ORDER BY expression of ``sort`` and its parameters: a maskable column sorts
        by what is shown (a masked value sorts as empty), so the order tells nothing more."""
        column = SORTS[sort]
        if sort in MASKABLE_LIST_COLUMNS and self.plain_sql:
            return f"CASE WHEN {self.plain_sql} THEN {column} END", list(self.plain_params)
        return column, []

    def where(self) -> tuple[str, list]:
        parts: list[str] = []
        params: list = []
        for column, values in (
            ("status", self.statuses),
            ("tier", self.tiers),
            ("industry", self.industries),
            ("region", self.regions),
            ("responsible", self.responsible),
        ):
            if values:
                parts.append(f"{column} IN ({','.join('?' * len(values))})")
                params.extend(values)
        for tag in self.tags:
            parts.append("(',' || tags || ',') LIKE ?")
            params.append(f"%,{tag},%")
        if self.extra_sql:
            parts.append(f"({self.extra_sql})")
            params.extend(self.extra_params)
        return (" AND ".join(parts) or "1"), params


def insert(conn, values: dict[str, object], *, sort_key: str, by: str, now: str) -> int:
    columns = [c for c in CARD_COLUMNS if c in values]
    names = columns + ["sort_key", "created_at", "created_by", "updated_at", "updated_by"]
    params = [to_db(values[c]) for c in columns] + [sort_key, now, by, now, by]
    cur = conn.execute(
        f"INSERT INTO customers({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", params
    )
    return cur.lastrowid


def update(
    conn,
    customer_id: int,
    version: int,
    changes: dict[str, object],
    *,
    sort_key: str | None,
    by: str,
    now: str,
) -> int:
    """Apply ``changes`` if the row still has ``version``; returns the new version."""
    if not storable(customer_id):
        raise errors.NotFound(
            "Customer {customer_id} does not exist (any more).",
            customer_id=customer_id,
            id=customer_id,
        )
    sets = [f"{c} = ?" for c in changes]
    params = [to_db(v) for v in changes.values()]
    if sort_key is not None:
        sets.append("sort_key = ?")
        params.append(sort_key)
    sets += ["updated_at = ?", "updated_by = ?", "version = version + 1"]
    params += [now, by, customer_id, version]
    # a version beyond SQLite's integers is no row's: refused as a conflict below
    updated = (
        storable(version)
        and conn.execute(
            f"UPDATE customers SET {', '.join(sets)} WHERE id = ? AND version = ?", params
        ).rowcount
    )
    if not updated:
        row = conn.execute("SELECT version FROM customers WHERE id = ?", (customer_id,)).fetchone()
        if row is None:
            raise errors.NotFound(
                "Customer {customer_id} does not exist (any more).",
                customer_id=customer_id,
                id=customer_id,
            )
        raise conflict(customer_id, row[0], version)
    return version + 1


def get(conn, customer_id: int) -> dict[str, Any] | None:
    if not storable(customer_id):
        return None
    cur = conn.execute("SELECT * FROM customers WHERE id = ?", (customer_id,))
    row = cur.fetchone()
    if row is None:
        return None
    names = [d[0] for d in cur.description]
    return {n: from_db(n, v) for n, v in zip(names, row, strict=True)}


def versions(conn, ids: Sequence[int]) -> dict[int, int]:
    """{id: version} of those of ``ids`` still in the archive (an open card's staleness)."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(
        conn.execute(f"SELECT id, version FROM customers WHERE id IN ({marks})", tuple(ids))
    )


def _two(conn, customer_id: int | None, columns: str) -> tuple[Any, Any] | None:
    """Two columns (program-written ``columns``) of a card; None: no such card."""
    if customer_id is None or not storable(customer_id):
        return None
    row = conn.execute(f"SELECT {columns} FROM customers WHERE id = ?", (customer_id,)).fetchone()
    return None if row is None else (row[0], row[1])


def scope_of(conn, customer_id: int | None) -> tuple[str | None, str | None] | None:
    """(responsible, region) of a card, what visibility is decided on; None: no such card."""
    return _two(conn, customer_id, "responsible, region")


def granted(conn, user_name: str, customer_id: int, now: str) -> bool:
    """Whether ``user_name`` holds an access grant for the card that is still valid at ``now``."""
    return (
        conn.execute(
            "SELECT 1 FROM access_grants WHERE user_name = ? COLLATE NOCASE AND customer_id = ? "
            "AND expires_at > ?",
            (user_name, customer_id, now),
        ).fetchone()
        is not None
    )


def version_and_number(conn, customer_id: int) -> tuple[int, str] | None:
    """(version, archive number) of a card; None: no such card."""
    return _two(conn, customer_id, "version, archive_no")


def number_and_name(conn, customer_id: int) -> tuple[str, str] | None:
    """(archive number, name) of a card; None: no such card."""
    return _two(conn, customer_id, "archive_no, name")


def conflict(
    customer_id: int, current_version: object, your_version: object
) -> errors.ConflictError:
    """The refusal of a save that started from a version the card has left."""
    return errors.ConflictError(
        "Customer {id} was changed by someone else meanwhile "
        "(version {current_version}, you started from {your_version}).",
        id=customer_id,
        current_version=current_version,
        your_version=your_version,
    )


def find_by_archive_no(conn, archive_no: str) -> int | None:
    row = conn.execute("SELECT id FROM customers WHERE archive_no = ?", (archive_no,)).fetchone()
    return row[0] if row else None


def delete(conn, customer_id: int) -> None:
    conn.execute("DELETE FROM customers WHERE id = ?", (customer_id,))


# ---------------------------------------------------------------------- archive numbers
def next_sequence(conn, period: str) -> int:
    """The next number of ``period``'s sequence; numbers are never handed out twice."""
    conn.execute(
        "INSERT INTO archive_no_counter(period, last) VALUES (?, 1) "
        "ON CONFLICT(period) DO UPDATE SET last = last + 1",
        (period,),
    )
    return conn.execute(
        "SELECT last FROM archive_no_counter WHERE period = ?", (period,)
    ).fetchone()[0]


# ---------------------------------------------------------------------- contacts
def contacts(conn, customer_id: int) -> list[dict[str, Any]]:
    cur = conn.execute(
        f"SELECT id, {', '.join(CONTACT_COLUMNS)}, version FROM contacts "
        "WHERE customer_id = ? ORDER BY position, id",
        (customer_id,),
    )
    names = [d[0] for d in cur.description]
    specs = {s.name: s for s in CONTACT_FIELDS}
    return [
        {n: from_db(n, v, specs) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()
    ]


def replace_contacts(conn, customer_id: int, items: Iterable[dict[str, object]]) -> None:
    conn.execute("DELETE FROM contacts WHERE customer_id = ?", (customer_id,))
    for position, item in enumerate(items):
        cols = [c for c in CONTACT_COLUMNS if c in item]
        conn.execute(
            f"INSERT INTO contacts(customer_id, position, {', '.join(cols)}) "
            f"VALUES (?, ?, {', '.join('?' * len(cols))})",
            [customer_id, position, *[to_db(item[c]) for c in cols]],
        )


# ---------------------------------------------------------------------- logs
# ---------------------------------------------------------------------- the card's logs
def add_follow_up(
    conn, customer_id: int, date: str, kind: str, summary: str, *, by: str, now: str
) -> int:
    return conn.execute(
        "INSERT INTO follow_ups(customer_id, date, kind, summary, by_user, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (customer_id, date, kind, summary, by, now),
    ).lastrowid


def add_transaction(
    conn,
    customer_id: int,
    date: str,
    amount: Decimal,
    *,
    mode: str | None,
    payment_method: str | None,
    contract_no: str | None,
    note: str | None,
) -> int:
    return conn.execute(
        "INSERT INTO transactions(customer_id, date, mode, amount, amount_fen, payment_method, "
        "contract_no, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            customer_id,
            date,
            mode,
            str(amount),
            int((amount * 100).to_integral_value()),
            payment_method,
            contract_no,
            note,
        ),
    ).lastrowid


def add_attachment(
    conn,
    customer_id: int,
    file_name: str,
    mime: str,
    data: bytes,
    sha256: str,
    note: str | None,
    *,
    by: str,
    now: str,
) -> int:
    return conn.execute(
        "INSERT INTO attachments(customer_id, file_name, mime, size, sha256, data, note, "
        "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (customer_id, file_name, mime, len(data), sha256, data, note, now, by),
    ).lastrowid


def touch(conn, customer_id: int, *, by: str, now: str) -> None:
    """Something was added to the card: a new version, so open editors notice."""
    conn.execute(
        "UPDATE customers SET updated_at = ?, updated_by = ?, version = version + 1 WHERE id = ?",
        (now, by, customer_id),
    )


def rows_as_dicts(conn, sql: str, params: tuple = ()) -> list[dict[str, Any]]:
    cur = conn.execute(sql, params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def add_status_change(
    conn, customer_id: int, old: str | None, new: str, reason: str | None, by: str, now: str
) -> None:
    conn.execute(
        "INSERT INTO status_history(customer_id, old, new, reason, by_user, at) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (customer_id, old, new, reason, by, now),
    )


def add_tier_change(
    conn,
    customer_id: int,
    old: str | None,
    new: str | None,
    manual: bool,
    reason: str | None,
    by: str,
    now: str,
) -> None:
    conn.execute(
        "INSERT INTO tier_history(customer_id, old, new, manual, reason, by_user, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (customer_id, old, new, int(manual), reason, by, now),
    )


# ---------------------------------------------------------------------- the list
def list_ids(conn, flt: Filter, sort: str = "name", descending: bool = False) -> list[int]:
    """Ids of the matching customers in display order; the sort is done in SQL."""
    if sort not in SORTS and not (sort == "rank" and flt.ids is not None):
        raise errors.ValidationError("Cannot sort by {sort!r}.", sort=sort)
    order, order_params = flt.order(sort) if sort in SORTS else ("", [])
    where, params = flt.where()
    params = list(params) + order_params
    direction = "DESC" if descending else "ASC"
    if flt.ids is not None:
        if not flt.ids:
            return []
        # search results keep their rank order unless a column sort is asked for
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _ids(pos INTEGER PRIMARY KEY, id INTEGER)")
        conn.execute("DELETE FROM _ids")
        conn.executemany("INSERT INTO _ids(pos, id) VALUES (?, ?)", enumerate(flt.ids))
        order_sql = "_ids.pos" if sort == "rank" else f"{order} {direction}, customers.id"
        rows = conn.execute(
            f"SELECT customers.id FROM _ids JOIN customers ON customers.id = _ids.id "
            f"WHERE {where} ORDER BY {order_sql}",
            params,
        ).fetchall()
        return [r[0] for r in rows]
    rows = conn.execute(
        f"SELECT id FROM customers WHERE {where} ORDER BY {order} {direction}, id {direction}",
        params,
    ).fetchall()
    return [r[0] for r in rows]


def list_rows(conn, ids: Sequence[int], flt: Filter | None = None) -> dict[int, tuple]:
    """The list columns of those of ``ids`` that ``flt`` lets through (for a page of the lazy
    table model), each row followed by whether its maskable columns are shown as they are
    (``flt.plain_sql``)."""
    if not ids:
        return {}
    flt = flt or Filter()
    where, params = flt.where()
    plain = flt.plain_sql or "1"
    out: dict[int, tuple] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        rows = conn.execute(
            f"SELECT id, {', '.join(LIST_COLUMNS)}, {plain} FROM customers "
            f"WHERE id IN ({','.join('?' * len(chunk))}) AND {where}",
            [*flt.plain_params, *chunk, *params],
        ).fetchall()
        out.update({r[0]: tuple(r[1:-1]) + (bool(r[-1]),) for r in rows})
    return out


def distinct_values(conn, column: str, flt: Filter | None = None) -> list[str]:
    """The values of ``column`` among the customers ``flt`` lets through (for the list's
    filter menus; ``tags``: each tag of the comma-separated lists once)."""
    if column not in ("industry", "region", "responsible", "tags"):
        raise errors.ValidationError("No value list for {column!r}.", column=column)
    where, params = (flt or Filter()).where()
    rows = conn.execute(
        f"SELECT DISTINCT {column} FROM customers WHERE {column} IS NOT NULL AND {column} != '' "
        f"AND {where} ORDER BY {column}",
        params,
    ).fetchall()
    if column != "tags":
        return [r[0] for r in rows]
    return sorted({tag for (text,) in rows for tag in str(text).split(",") if tag})
