"""The analysis's aggregate queries (services/analysis.py asks them; reports/analysis.py
computes the figures and ratings from what they return).
"""

from __future__ import annotations

import contextlib
from typing import Callable

TOP_CUSTOMERS = 20

# Two passes over the archive, whatever its size: one over the period's transactions and one
# over the visible customers, each into a temporary table in memory (temp_store = MEMORY;
# allowed on a read-only archive too); every figure is then an aggregate over those small
# tables. Several queries straight on the big tables re-read (and decrypt) the same pages
# each time, and a customers index scan fetches the wide card rows in random order: at
# 100 000 customers that took seconds instead of a fraction of one.

#: Per customer and business line in the period; {late}: see ``_late_keys``.
_TX_SQL = """
CREATE TEMP TABLE analysis_tx AS
SELECT customer_id, COALESCE(TRIM(mode), '') AS mode, COUNT(*) AS n, SUM(amount_fen) AS fen,
       SUM(CASE WHEN {late} THEN amount_fen ELSE 0 END) AS late_fen
FROM transactions {hint} WHERE date >= ? AND date <= ? GROUP BY customer_id, mode
"""

#: The visible customers with their period totals. NOT INDEXED when every customer is
#: visible: a plain scan of the table reads each page once, in order (the planner would walk
#: an index and jump about). A salesperson's few customers come by the responsible index.
_CUSTOMERS_SQL = """
CREATE TEMP TABLE analysis_customers AS
SELECT c.id, c.archive_no, c.name, c.tier, c.status, COALESCE(TRIM(c.region), '') AS region,
       COALESCE(TRIM(c.industry), '') AS industry, c.credit_status,
       r.n AS n, COALESCE(r.fen, 0) AS fen, COALESCE(r.late_fen, 0) AS late_fen
FROM customers AS c {hint}
LEFT JOIN (SELECT customer_id, SUM(n) AS n, SUM(fen) AS fen, SUM(late_fen) AS late_fen
           FROM temp.analysis_tx GROUP BY customer_id) AS r ON r.customer_id = c.id
WHERE {visible}
"""

#: Cube rows: (tier, status, region, industry, customers, buying, transactions, revenue).
_CUBE_SQL = """
SELECT tier, status, region, industry, COUNT(*), COUNT(n), COALESCE(SUM(n), 0), SUM(fen)
FROM temp.analysis_customers GROUP BY 1, 2, 3, 4
"""

_LINES_SQL = """
SELECT t.mode, COUNT(*), COUNT(*), SUM(t.n), SUM(t.fen)
FROM temp.analysis_tx AS t JOIN temp.analysis_customers AS c ON c.id = t.customer_id
GROUP BY t.mode
"""

_REVENUES_SQL = "SELECT fen FROM temp.analysis_customers WHERE fen > 0 ORDER BY fen DESC"

_TOP_SQL = """
SELECT id, archive_no, name, fen FROM temp.analysis_customers WHERE fen > 0
ORDER BY fen DESC, id LIMIT ?
"""

# The customers the credit rule can say something about: transactions in the period, or a
# credit status written on the card.
_CREDIT_SQL = """
SELECT id, archive_no, name, credit_status, COALESCE(n, 0), fen, late_fen
FROM temp.analysis_customers
WHERE n IS NOT NULL OR COALESCE(TRIM(credit_status), '') <> ''
"""

_TEMP_TABLES = ("analysis_late", "analysis_tx", "analysis_customers")

#: Above this share of all transactions in the period, scanning the table beats the date
#: index (whose every hit is a jump to the row).
SCAN_SHARE = 0.25


def aggregate(
    conn,
    is_late: Callable[[str | None, str | None], bool],
    period: tuple[str, str],
    visible: str,
    vis_params: tuple,
    tell: Callable[[int], None] = lambda done: None,
    top_customers: int = TOP_CUSTOMERS,
):
    """The grouped figures of the period for the customers ``visible`` selects (a WHERE
    fragment over ``customers AS c``): (cube, business lines, revenues largest first, top
    customers, credit rows); ``is_late(payment method, note)`` is the credit rule's test of a
    transaction. Any DB-API connection to the archive's tables will do (the benchmark runs
    it on a plain SQLite copy)."""
    own_transaction = not conn.in_transaction
    try:
        if own_transaction:  # one snapshot: a save by someone else lands before or after
            conn.execute("BEGIN")
        _drop_temp(conn)
        in_period = conn.execute(
            "SELECT COUNT(*) FROM transactions WHERE date >= ? AND date <= ?", period
        ).fetchone()[0]
        total = conn.execute("SELECT COUNT(*) FROM transactions").fetchone()[0]
        hint = "NOT INDEXED" if in_period > SCAN_SHARE * total else ""
        late = _late_keys(conn, is_late, period, hint)
        conn.execute(_TX_SQL.format(late=late, hint=hint), period)
        tell(1)
        conn.execute(
            _CUSTOMERS_SQL.format(visible=visible, hint="NOT INDEXED" if visible == "1" else ""),
            vis_params,
        )
        tell(2)
        cube = conn.execute(_CUBE_SQL).fetchall()
        lines = conn.execute(_LINES_SQL).fetchall()
        revenues = [row[0] for row in conn.execute(_REVENUES_SQL)]
        top = conn.execute(_TOP_SQL, (top_customers,)).fetchall()
        rows = conn.execute(_CREDIT_SQL).fetchall()
        tell(3)
    finally:
        with contextlib.suppress(Exception):  # the first error is the one to report
            _drop_temp(conn)
        if own_transaction and conn.in_transaction:
            with contextlib.suppress(Exception):
                conn.execute("COMMIT")
    return cube, lines, revenues, top, rows


def _drop_temp(conn) -> None:
    for name in _TEMP_TABLES:
        conn.execute(f"DROP TABLE IF EXISTS temp.{name}")


#: A transaction's payment method and note as one text: what the late words are looked for
#: in, and the key of the late ones in temp.analysis_late.
_TEXT_KEY = "COALESCE(payment_method, '') || char(31) || COALESCE(note, '')"


def _late_keys(
    conn, is_late: Callable[[str | None, str | None], bool], period: tuple[str, str], hint: str
) -> str:
    """The SQL condition "this transaction is late or open" for the period's transactions.

    The rule is Python's (``is_late(method, note)``: the report's, as it states it), applied once per
    distinct payment method and note of the period (a handful, however many transactions),
    and the late ones go into a temporary table; the aggregate then looks each row's text up
    there instead of searching it for every word (eleven instr() a row cost more than the
    rest of the pass)."""
    late = []
    for (key,) in conn.execute(
        f"SELECT DISTINCT {_TEXT_KEY} FROM transactions {hint} WHERE date >= ? AND date <= ?",
        period,
    ):
        method, _, note = key.partition("\x1f")
        if is_late(method or None, note or None):
            late.append((key,))
    if not late:
        return "0"
    conn.execute("CREATE TEMP TABLE analysis_late(key TEXT PRIMARY KEY) WITHOUT ROWID")
    conn.executemany("INSERT OR IGNORE INTO temp.analysis_late(key) VALUES (?)", late)
    return f"({_TEXT_KEY}) IN temp.analysis_late"
