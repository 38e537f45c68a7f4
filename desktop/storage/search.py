"""Customer search (docs/architecture.md, The search index): the search index and the queries over
it. sqlcipher3 only, no Qt.

Two tables, kept in step by this module only (schema in ``migrations/0002_customers.sql``):

``customer_fts``
    FTS5 with the ``trigram`` tokenizer, one row per customer (rowid = customer id). Every
    value is stored in its search form (``normalise_for_search``: NFKC, casefold, no
    whitespace); a column holding several values (contacts, phones, tags, pinyin) joins them
    with a space, and since a query term never holds whitespace, a term never matches across
    two values. Columns: name, archive_no, contacts (contact names, the customer's and the
    contacts' e-mail addresses), phones (digits only, each number once: customer phone and
    fax, contacts' phone, mobile and fax; a +86 number also in its national form, so
    010-1234… finds +86 10 1234…), address, tags, pinyin and initials (of the name and of
    each contact name). A query term of three or more characters is a quoted FTS5 phrase, so
    it matches any substring of any column.

``customer_grams``
    Trigrams cannot answer one- and two-character terms (张三, 上海, bj), which are common in
    Chinese. This FTS5 table holds, per customer, every 1- and 2-character piece ("gram") of
    the search form of the name, of the name's pinyin initials, of the contact names and of
    the tags. A gram is stored once per customer, as the hex of its UTF-8 bytes (one ASCII
    token for the ``ascii`` tokenizer, whatever characters it holds), in the column of its
    weight, the best that applies:

    * ``whole_name`` (4): the whole name, or its whole initials, is this text. Stored for
      names of any length, so "exact name first" is one index look-up (华信达 and hxd
      alike, and zs for 张三, which no other look-up could tell; an archive indexed before
      initials were added here finds them so once its cards are indexed again). The whole
      pinyin is not stored (long unique tokens: +7 MB at 100 000 customers, initials +2 MB): a whole
      pinyin (huaxinda) is told exact from the search row (Order).
    * ``name_start`` (3): the name (or its initials: ``bj`` for 北京…) starts with it;
    * ``name_part`` (2): it is elsewhere in the name (or its initials);
    * ``other`` (1): it is in a contact name or a tag.

    Why FTS5 and not a (gram, customer_id, weight) B-tree: at 100 000 customers there are
    ~5 million grams; as a B-tree with the by-customer index that deletion needs they took
    ~165 MB, as compressed FTS5 doclists ~25 MB. FTS5 also intersects several grams (张 三)
    itself and deletes a customer's grams by rowid (``contentless_delete``, SQLite 3.43+).

Query: NFKC (full-width to half-width), casefold, control characters dropped, cut to
MAX_QUERY characters, split at whitespace; every term must match (AND). User text only ever
reaches FTS5 inside a quoted string (or as hex), so ``AND``, ``"``, ``*``, ``NEAR(``, ``-``
are searched as text and never parsed as syntax.

Order (``search``): one order for every kind of query (Chinese, pinyin, initials, English,
digits, archive numbers, several terms), so that the same customers come back in the same
order however the user typed them:

1. **exact** (BAND_EXACT): the name, or its whole pinyin or initials, is the query (its terms
   without the spaces: 华信达, huaxinda, hxd), or the archive number is (in any case);
2. **starts with** (BAND_PREFIX): the name, its pinyin or its initials start with it;
3. **holds it** (BAND_NAME): every term is in the name, its pinyin or its initials;
4. **another field** (BAND_OTHER): contact names and e-mails, phones, address, tags, part of
   an archive number (``matched_columns`` says which: the window's "Found in").

Within a band: card order (customer id, which is also the order archive numbers are given
in). Not BM25, and not the list's name order (``sort_key``): that needs a row read of every
customer returned, a page each, which made one- and two-character queries 1.2x slower at
p95 and 3x at the median (tests/benchmarks/bench_search.py), while the band is mostly told
by the look-up itself (below).

How the band is told, per look-up: the exact and archive-number look-ups, the name-prefix
look-up and the gram levels (``name_start``, ``name_part``, ``other``: a 1-2 character term
is never in another column of the name) give it by what they are. A trigram look-up (three
characters or more) asks FTS5 in the same scan whether a term is in the name, or in the
pinyin or initials (``bm25`` weighing only those columns is below zero exactly then); the
pinyin and initials columns also hold the contacts' (only the first value is the name's),
so where letters or digits are only there, and for queries of several terms (are they all
in the name?), the name's three values are read from the search row to tell (``_band``).

Bounded work (the trade-offs): every step reads a bounded number of rows, so a search takes
a few milliseconds at 100 000 customers however common its words are (measured by
tests/benchmarks/bench_search.py):

* The look-ups run best band first (exact name, exact archive number, name prefix, then the
  rest); once they hold ``limit`` customers the rest is not looked at.
* A query whose terms match very many customers (有限公司, 科技) orders only the first
  ``min(limit, RANK_CAP)`` matches of the rest (in customer-id order) by band. The user
  still gets ``limit`` true matches; one more character narrows the set. Exact,
  archive-number and name-prefix matches have their own look-ups and are never lost to
  this cap; a name whose pinyin or initials start with the query is, when more than that
  many customers match (a pinyin prefix has no look-up of its own: its trigrams, xian,
  ing…, are in nearly every row).
* One- and two-character terms read each gram level (band) with ``LIMIT``: a very common
  character (公, 司) costs ``limit`` rows a level, not 100 000.
* Mixed queries intersect the ids of both sides, at most ``MIXED_SIDE_CAP`` each, and keep
  only the id range both lists cover: when both sides are very common (有 限公司), a match
  with a high id may be left out. When the short terms are rare, their customers' text is
  checked instead and nothing is left out.
* Name-prefix matches: at most ``PREFIX_CAP``.
* One- and two-character terms look at names, the name's initials, contact names and tags,
  not at addresses, phones or archive numbers (grams of every address would double the
  index, and 2-digit pieces of phone numbers find nothing useful). Terms of three characters
  or more look everywhere.

Writes: ``index_customer`` / ``index_many`` / ``remove_customer`` / ``rebuild`` run inside the
caller's write transaction (``Archive.write()``) and never commit themselves.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache

from ..domain.customer import CustomerType
from ..domain.search_text import normalise_for_search, phone_digits, pinyin_keys
from .ids import row_count

INDIVIDUAL = CustomerType.INDIVIDUAL.value

# The card's fields its search rows are made of (see _document; its contacts too): a change
# of any other field (status, industry, employees, notes…) leaves them as they are.
INDEXED_FIELDS = frozenset(
    {"name", "archive_no", "address", "tags", "phone", "fax", "email", "customer_type"}
)


def prepare() -> None:
    """Load what indexing a card needs (pypinyin's dictionaries: about 0.7 s, once per
    process). Called before a save takes the write lock, so that the first save of each
    program does not hold everyone else up while they load (ten programs' first saves
    on one shared file kept the others waiting for seconds)."""
    pinyin_keys("中")


# Weights of a gram: customer_grams has one column per weight (see the module docstring).
W_EXACT, W_PREFIX, W_NAME, W_OTHER = 4, 3, 2, 1
GRAM_COLUMNS = {
    W_EXACT: "whole_name",
    W_PREFIX: "name_start",
    W_NAME: "name_part",
    W_OTHER: "other",
}

# The longest term that goes through customer_grams; longer terms use the trigram index.
SHORT_TERM = 2
# How many matches of the rest of a 3+-character query are ordered at most (module docstring).
RANK_CAP = 1000
# Mixed queries (北京 有限公司, "trading li"): when the short terms match at most
# SHORT_DRIVE_CAP customers, those are the candidates and the long terms are checked on their
# text; else the ids of both sides, at most MIXED_SIDE_CAP each, are intersected.
SHORT_DRIVE_CAP = 1000
MIXED_SIDE_CAP = 5000
# How many name-prefix matches are read at most.
PREFIX_CAP = 2000
# Customers per batch in index_many.
BATCH_SIZE = 1000

PUBLIC_COLUMNS = (
    "name",
    "archive_no",
    "contacts",
    "phones",
    "address",
    "tags",
    "pinyin",
    "initials",
)
# A private person's sensitive values (migration 0006): matched only for the customers whose
# sensitive fields the searcher may see (``search(private_ids_sql=…)``).
PRIVATE_COLUMNS = ("p_contacts", "p_phones", "p_address")
FTS_COLUMNS = PUBLIC_COLUMNS + PRIVATE_COLUMNS
_NOTHING: Mapping[int, int] = {}
# The columns a customer's match band is told from (_band).
_NAME_COLUMNS = ("name", "pinyin", "initials")
# A letter or digit: a name without any has no pinyin or initials.
_WORD_CHARACTER = re.compile(r"[^\W_]")
# The characters pinyin and initials are made of (search_text.pinyin_keys).
_SPELLING = re.compile(r"[0-9a-z]+")


def _bm25_of(*columns: str) -> str:
    """bm25 weighing only ``columns``: below zero exactly when a term is in one of them."""
    weights = ", ".join("1.0" if c in columns else "0.0" for c in FTS_COLUMNS)
    return f"bm25(customer_fts, {weights})"


_IN_NAME = _bm25_of("name")
_IN_SPELLING = _bm25_of("pinyin", "initials")
_PUBLIC_FILTER = "{" + " ".join(PUBLIC_COLUMNS) + "}"

# Control characters and lone surrogates (which cannot even be bound as SQL text).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
# Longer queries are cut: nobody types more, and each character is work for FTS5.
MAX_QUERY = 200
# A query made only of digits and what people type between them in phone numbers.
_PHONEISH = re.compile(r"^[0-9+()\-./\s]+$")
# What separates several numbers written in one field ("010-1234 / 138…").
_NUMBER_LIST = re.compile(r"[/,;|、，；]+")


# ----------------------------------------------------------------------------- documents
def _phone_forms(value: str | None) -> list[str]:
    """The digit strings a phone field is searched by: each number of the field, plus the
    national form of an international one (+86 10 1234 5678 → 861012345678 and 01012345678)."""
    forms: list[str] = []
    for part in _NUMBER_LIST.split(value or ""):
        digits = phone_digits(part)
        if not digits:
            continue
        forms.append(digits)
        if digits.startswith("0086"):
            digits = digits[2:]
        if digits.startswith("86") and len(digits) >= 12:
            rest = digits[2:]
            # a mobile number (11 digits from 1) is dialled as it is; a landline's area code
            # takes the trunk 0 (+86 10 7167 7753 is 010 7167 7753, Beijing's code being 10)
            mobile = len(rest) == 11 and rest.startswith("1")
            forms.append(rest if mobile or rest.startswith("0") else "0" + rest)
    return forms


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v for v in values if v))


def _pieces(text: str) -> Iterable[str]:
    """Every 1- and 2-character piece of ``text``."""
    for i, ch in enumerate(text):
        yield ch
        if i + 1 < len(text):
            yield text[i : i + 2]


def _grams(name: str, initials: str, others: Iterable[str]) -> dict[str, int]:
    """gram -> weight (the highest that applies) for one customer; see module docstring."""
    grams: dict[str, int] = {}

    def put(piece: str, weight: int) -> None:
        if grams.get(piece, 0) < weight:
            grams[piece] = weight

    for text in others:
        for piece in _pieces(text):
            put(piece, W_OTHER)
    for text in (initials, name):
        for piece in _pieces(text):
            put(piece, W_NAME)
        for piece in (text[:1], text[:2]):
            if piece:
                put(piece, W_PREFIX)
    for whole in (initials, name):  # "exact" is one look-up (the whole pinyin: see Order)
        if whole:
            put(whole, W_EXACT)
    return grams


def _token(gram: str) -> str:
    """A gram as one ``ascii``-tokenizer token: the hex of its UTF-8 bytes."""
    return gram.encode("utf-8").hex()


def _gram_row(cid: int, grams: dict[str, int]) -> tuple:
    columns: dict[int, list[str]] = {w: [] for w in GRAM_COLUMNS}
    for gram, weight in grams.items():
        columns[weight].append(_token(gram))
    return (cid, *(" ".join(columns[w]) for w in GRAM_COLUMNS))


def _document(
    row: tuple, contacts: Sequence[tuple], pinyin: Callable[[str], tuple[str, str]] = pinyin_keys
) -> tuple[tuple, dict[str, int]]:
    """(FTS row values, grams) of one customer.

    ``row``: id, name, archive_no, address, tags, phone, fax, email, customer_type;
    ``contacts``: (name, phone, mobile, fax, email) each. A private person's address, phones
    and e-mail addresses go to the private columns (see PRIVATE_COLUMNS).
    """
    cid, name, archive_no, address, tags, phone, fax, email, customer_type = row
    name_n = normalise_for_search(name or "")
    full, initials = pinyin(name or "")
    contact_names = _unique(normalise_for_search(c[0] or "") for c in contacts)
    emails = _unique(normalise_for_search(e or "") for e in [email, *(c[4] for c in contacts)])
    tag_list = _unique(normalise_for_search(t) for t in (tags or "").split(","))
    phones = _unique(
        form
        for value in [phone, fax, *(v for c in contacts for v in (c[1], c[2], c[3]))]
        for form in _phone_forms(value)
    )
    pinyins = [full]
    initials_list = [initials]
    for c in contacts:
        if c[0]:
            c_full, c_init = pinyin(c[0])
            pinyins.append(c_full)
            initials_list.append(c_init)
    address_n = normalise_for_search(address or "")
    emails_text, phones_text = " ".join(emails), " ".join(phones)
    private = customer_type == INDIVIDUAL
    values = (
        cid,
        name_n,
        normalise_for_search(archive_no or ""),
        " ".join(contact_names + ([] if private else emails)),
        "" if private else phones_text,
        "" if private else address_n,
        " ".join(tag_list),
        " ".join(_unique(pinyins)),
        " ".join(_unique(initials_list)),
        emails_text if private else "",
        phones_text if private else "",
        address_n if private else "",
    )
    return values, _grams(name_n, initials, contact_names + tag_list)


# ----------------------------------------------------------------------------- writing
def index_customer(conn, customer_id: int) -> None:
    """Rewrite the search rows of one customer (after it or its contacts changed).

    A customer that no longer exists is removed from the index.
    """
    index_many(conn, [customer_id])


def remove_customer(conn, customer_id: int) -> None:
    """Take a customer out of the search index."""
    conn.execute("DELETE FROM customer_fts WHERE rowid = ?", (customer_id,))
    conn.execute("DELETE FROM customer_grams WHERE rowid = ?", (customer_id,))


def index_many(
    conn,
    ids: Iterable[int],
    *,
    batch_size: int = BATCH_SIZE,
    progress: Callable[[int], None] | None = None,
    _fresh: bool = False,
) -> int:
    """Index many customers in batches (a few SQL statements per ``batch_size`` customers).

    For bulk work such as the demo generator or an import; run it inside one write
    transaction. ``progress(done)`` is called after each batch. Returns how many customers
    were indexed (ids with no customer are removed from the index and not counted). After
    indexing many customers, ``optimize`` makes the following searches a little faster.
    """
    # Contact names repeat a lot and pypinyin is the slow part of indexing: cache it, for
    # this call only (no customer data stays in memory after it).
    pinyin = lru_cache(maxsize=50_000)(pinyin_keys)
    done = 0
    batch: list[int] = []
    for cid in ids:
        batch.append(int(cid))
        if len(batch) >= batch_size:
            done += _index_batch(conn, batch, pinyin, fresh=_fresh)
            batch = []
            if progress is not None:
                progress(done)
    if batch:
        done += _index_batch(conn, batch, pinyin, fresh=_fresh)
        if progress is not None:
            progress(done)
    return done


def _index_batch(conn, ids: list[int], pinyin, *, fresh: bool) -> int:
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT id, name, archive_no, address, tags, phone, fax, email, customer_type "
        f"FROM customers WHERE id IN ({marks})",
        ids,
    ).fetchall()
    contacts: dict[int, list[tuple]] = {}
    for cid, *contact in conn.execute(
        "SELECT customer_id, name, phone, mobile, fax, email FROM contacts "
        f"WHERE customer_id IN ({marks}) ORDER BY customer_id, position, id",
        ids,
    ):
        contacts.setdefault(cid, []).append(tuple(contact))
    if not fresh:
        conn.execute(f"DELETE FROM customer_fts WHERE rowid IN ({marks})", ids)
        conn.execute(f"DELETE FROM customer_grams WHERE rowid IN ({marks})", ids)
    fts_rows = []
    gram_rows = []
    for row in rows:
        values, grams = _document(row, contacts.get(row[0], ()), pinyin)
        fts_rows.append(values)
        gram_rows.append(_gram_row(row[0], grams))
    conn.executemany(
        f"INSERT INTO customer_fts(rowid, {', '.join(FTS_COLUMNS)}) "
        f"VALUES ({', '.join('?' * (len(FTS_COLUMNS) + 1))})",
        fts_rows,
    )
    conn.executemany(
        "INSERT INTO customer_grams(rowid, whole_name, name_start, name_part, other) "
        "VALUES (?, ?, ?, ?, ?)",
        gram_rows,
    )
    return len(rows)


def rebuild(conn, *, progress: Callable[[int], None] | None = None) -> int:
    """Throw the search index away and build it again from every customer.

    For a new index version, a suspected mismatch, or after loading many customers with
    plain SQL. The tables are emptied the fast way (the trigram table is dropped and made
    again from its own stored definition, the gram table takes FTS5's delete-all), filled in
    batches and optimized. Run inside one write transaction; returns the number of customers
    indexed.
    """
    fts_sql = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'customer_fts'"
    ).fetchone()[0]
    conn.execute("DROP TABLE customer_fts")
    conn.execute(fts_sql)
    conn.execute("INSERT INTO customer_grams(customer_grams) VALUES ('delete-all')")
    ids = [r[0] for r in conn.execute("SELECT id FROM customers ORDER BY id")]
    done = index_many(conn, ids, batch_size=5000, progress=progress, _fresh=True)
    optimize(conn)
    return done


def optimize(conn) -> None:
    """Merge each FTS index into one segment: faster searches after bulk indexing."""
    conn.execute("INSERT INTO customer_fts(customer_fts) VALUES ('optimize')")
    conn.execute("INSERT INTO customer_grams(customer_grams) VALUES ('optimize')")


# ----------------------------------------------------------------------------- querying
def _phrase(text: str) -> str:
    """``text`` as an FTS5 string: a phrase, never syntax (AND, NEAR(, *, -, ^, :)."""
    return '"' + text.replace('"', '""') + '"'


def clean_query(query: str | None) -> str:
    """The query without control characters, cut to MAX_QUERY characters."""
    return _CONTROL.sub("", query or "")[:MAX_QUERY]


def query_terms(query: str) -> list[str]:
    """The search terms of ``query``: split at whitespace, each in its search form, without
    repeats or terms contained in another term (all terms must match: one inside another
    adds nothing)."""
    text = clean_query(query)
    terms = _unique(normalise_for_search(t) for t in text.split())
    return [t for t in terms if not any(t != o and t in o for o in terms)]


def _phone_query(query: str) -> str | None:
    """The digits of a phone number typed with separators ("138 1234", "010-8888"), or None."""
    text = unicodedata.normalize("NFKC", query).strip()
    if not _PHONEISH.match(text) or text.isdigit():
        return None
    digits = phone_digits(text)
    if digits.startswith("0086"):  # 0086 10 …: the international form as dialled from China
        digits = digits[2:]
    return digits if len(digits) >= 3 else None


def search(
    conn,
    query: str,
    limit: int = 500,
    allowed_ids_sql: str | None = None,
    private_ids_sql: str | None = None,
) -> list[int]:
    """Customer ids matching every whitespace-separated term of ``query``, best first: by
    match band (BAND_*: exact, name starts with it, name holds it, another field),
    then in card (id) order. The same for every kind of query (module docstring, Order).

    ``allowed_ids_sql``: an SQL ``SELECT`` of the customer ids the user may see (visibility;
    made by the program, never from user text); None means all.
    ``private_ids_sql``: a ``SELECT`` of the customers whose private columns (a private
    person's address, phones, e-mail: PRIVATE_COLUMNS) may match; None means every allowed
    one. The others are found only by what the searcher may see of them.
    """
    query = clean_query(query)
    terms = query_terms(query)
    limit = row_count(limit)
    if not terms or limit <= 0:
        return []
    whole = normalise_for_search(query)
    long_terms = [t for t in terms if len(t) > SHORT_TERM]
    short_terms = [t for t in terms if len(t) <= SHORT_TERM]
    allowed = f" AND rowid IN ({allowed_ids_sql})" if allowed_ids_sql else ""
    reach = _Reach(allowed, private_ids_sql)

    def band(name: str | None, pinyin: str | None, initials: str | None) -> int:
        return _band(name, pinyin, initials, whole, terms)

    found: dict[int, int] = {}  # id -> band

    def steps() -> Iterable[tuple[Iterable, int | None]]:
        """The look-ups, each bounded, those of the better bands first: (ids, their band),
        or ((id, band) pairs, None) where the band differs from customer to customer."""
        # exact name: one look-up of the whole name, whatever its length
        exact = _grams_match(conn, _gram_expr([whole], (W_EXACT,)), allowed, limit)
        yield exact, BAND_EXACT
        # exact archive number, as typed or in upper/lower case (the customers' unique
        # index; only customers that are in the search index)
        stripped = unicodedata.normalize("NFKC", query).strip()
        variants = _unique([stripped, stripped.upper(), stripped.casefold()])
        sql = (
            f"SELECT id FROM customers WHERE archive_no IN ({','.join('?' * len(variants))})"
            " AND EXISTS (SELECT 1 FROM customer_fts WHERE customer_fts.rowid = customers.id)"
        )
        if allowed_ids_sql:
            sql += f" AND id IN ({allowed_ids_sql})"
        yield [r[0] for r in conn.execute(sql + " ORDER BY id", variants)], BAND_EXACT
        # names starting with the query (1-2 characters: the name_start grams, below). The
        # trigram look-up of a prefix reads every position of its trigrams, which for pinyin
        # (xian, ing…) are in nearly every row; a gram look-up first tells whether any name
        # can start with the query at all.
        if len(whole) > SHORT_TERM and _could_start(conn, whole):
            sql = f"SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?{allowed} LIMIT ?"
            expr = "name : ^" + _phrase(whole)
            yield [r[0] for r in conn.execute(sql, (expr, PREFIX_CAP))], BAND_PREFIX
        # a phone number typed with separators ("138 1234", "010-8888"): digits in one run
        digits = _phone_query(query)
        if digits:
            phones = "{phones p_phones} : " + _phrase(digits)
            public = "phones : " + _phrase(digits)
            # in a phone field: another field (the rest below tells if the name holds it too)
            yield reach.ids(conn, phones, limit, public=public), BAND_OTHER
        # the rest
        if long_terms:
            yield _fts_rest(conn, long_terms, short_terms, allowed, reach, band, limit, found), None
        elif len(short_terms) == 1:
            # a gram's column is its band: a one- or two-character query is never a whole
            # pinyin or initials, except of a name of one or two characters (module docstring)
            for weight, level in (
                (W_PREFIX, BAND_PREFIX),
                (W_NAME, BAND_NAME),
                (W_OTHER, BAND_OTHER),
            ):
                ids = _grams_match(conn, _gram_expr(short_terms, (weight,)), allowed, limit)
                yield ids, level
        else:
            if len(whole) <= SHORT_TERM:  # 张 三: names starting with 张三 (longer: above)
                ids = _grams_match(conn, _gram_expr([whole], (W_PREFIX,)), allowed, limit)
                yield ids, BAND_PREFIX
            name_weights = (W_EXACT, W_PREFIX, W_NAME)
            ids = _grams_match(conn, _gram_expr(short_terms, name_weights), allowed, limit)
            yield ids, BAND_NAME  # every term in the name (or initials)
            ids = _grams_match(conn, _gram_expr(short_terms), allowed, limit)
            yield ids, BAND_OTHER

    for ids, level in steps():
        if level is None:  # (id, band) pairs
            for cid, own in ids:
                if found.get(cid, BAND_OTHER + 1) > own:
                    found[cid] = own
        else:
            for cid in ids:
                if found.get(cid, BAND_OTHER + 1) > level:
                    found[cid] = level
        if len(found) >= limit:
            break  # the look-ups so far hold ``limit`` customers of bands at least as good
    ordered = sorted(found)  # card order within a band: the sort below is stable
    ordered.sort(key=found.__getitem__)
    return ordered[:limit]


def name_holders(conn, text: str, limit: int = 100) -> list[int]:
    """Customers whose name holds ``text`` (normalised as the index is), at most ``limit``,
    the exact name first, then the shortest names: the candidates of a duplicate check
    (services' ``duplicates``), which needs neither the bands nor the other fields of a
    search. A text of one or two characters has no trigram: those go through ``search``."""
    whole = normalise_for_search(text)
    if len(whole) <= SHORT_TERM:
        return search(conn, text, limit)
    limit = row_count(limit)
    exact = _grams_match(conn, _gram_expr([whole], (W_EXACT,)), "", limit)  # never crowded out
    # BM25 over the name alone: the shortest names holding it (the closest) first
    sql = "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rank LIMIT ?"
    holders = [r[0] for r in conn.execute(sql, ("name : " + _phrase(whole), limit))]
    return list(dict.fromkeys([*exact, *holders]))[:limit]


def phone_holders(conn, digits: str, limit: int = 50) -> list[int]:
    """Customers with ``digits`` (three or more) in one of their or their contacts' phone
    numbers, in card order, at most ``limit``: the candidates of a duplicate check."""
    digits = phone_digits(digits)
    if len(digits) < 3:
        return []
    sql = "SELECT rowid FROM customer_fts WHERE customer_fts MATCH ? ORDER BY rowid LIMIT ?"
    expr = "{phones p_phones} : " + _phrase(digits)
    return [r[0] for r in conn.execute(sql, (expr, row_count(limit)))]


# Match bands of ``search``, best first (module docstring, Order).
BAND_EXACT, BAND_PREFIX, BAND_NAME, BAND_OTHER = range(4)


def _band(
    name: str | None, pinyin: str | None, initials: str | None, whole: str, terms: Sequence[str]
) -> int:
    """The band of a customer whose customer_fts values are ``name``, ``pinyin`` and
    ``initials`` for a query of ``terms`` (``whole``: them without spaces). Its pinyin and
    initials columns hold the name's first, then the contact names'; a name without letters
    or digits has none, and its columns start with a contact's. (Written out without
    generators: it runs for up to a thousand rows a search.)"""
    name = name or ""
    if pinyin and _WORD_CHARACTER.search(name):
        own_pinyin = pinyin.partition(" ")[0]
        own_initials = (initials or "").partition(" ")[0]
    else:
        own_pinyin = own_initials = "\x00"  # matches no query (control characters are cut)
    if whole == name or whole == own_pinyin or whole == own_initials:
        return BAND_EXACT
    if name.startswith(whole) or own_pinyin.startswith(whole) or own_initials.startswith(whole):
        return BAND_PREFIX
    for term in terms:
        if term not in name and term not in own_pinyin and term not in own_initials:
            return BAND_OTHER
    return BAND_NAME if terms else BAND_OTHER


def _gram_expr(terms: Sequence[str], weights: Sequence[int] = ()) -> str:
    """An FTS5 expression over customer_grams: every term, in the columns of ``weights``."""
    expr = " AND ".join(_phrase(_token(t)) for t in terms)
    if weights:
        return "{" + " ".join(GRAM_COLUMNS[w] for w in weights) + "} : (" + expr + ")"
    return expr


def _grams_match(conn, expr: str, allowed: str, limit: int) -> list[int]:
    sql = f"SELECT rowid FROM customer_grams WHERE customer_grams MATCH ?{allowed} LIMIT ?"
    return [r[0] for r in conn.execute(sql, (expr, limit))]


def _could_start(conn, text: str) -> bool:
    """Whether some name may start with ``text`` (3+ characters): one whose name starts with
    its first two characters and holds its other pairs. Necessary, not sufficient."""
    expr = _gram_expr([text[:2]], (W_PREFIX,))
    pairs = _unique(text[i : i + 2] for i in range(1, len(text) - 1))
    if pairs:
        expr += " AND " + _gram_expr(pairs, (W_EXACT, W_PREFIX, W_NAME))
    sql = "SELECT 1 FROM customer_grams WHERE customer_grams MATCH ? LIMIT 1"
    return conn.execute(sql, (expr,)).fetchone() is not None


def _count(conn, table: str, expr: str, allowed: str, cap: int) -> int:
    sql = f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ?{allowed} LIMIT ?)"
    return conn.execute(sql, (expr, cap)).fetchone()[0]


class _Reach:
    """Where a query of customer_fts may match: every column of the customers whose private
    columns the searcher may match, the public columns of the other visible ones. One part
    (every column, the visible customers) when the searcher may match every visible
    customer's private columns, else two parts whose results are merged."""

    def __init__(self, allowed: str, private_ids_sql: str | None) -> None:
        self.private_ids_sql = private_ids_sql
        if private_ids_sql is None:
            self.parts: list[tuple[bool, str]] = [(True, allowed)]
        else:
            self.parts = [(True, f"{allowed} AND rowid IN ({private_ids_sql})"), (False, allowed)]

    @staticmethod
    def expr(every_column: bool, expr: str, public: str | None = None) -> str:
        if every_column:
            return expr
        return public if public is not None else f"{_PUBLIC_FILTER} : ({expr})"

    def ids(self, conn, expr: str, cap: int, *, public: str | None = None) -> list[int]:
        """Matching ids, each part in rowid order, at most ``cap`` of each."""
        out: dict[int, None] = {}
        for every, where in self.parts:
            sql = f"SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?{where} LIMIT ?"
            for (cid,) in conn.execute(sql, (self.expr(every, expr, public), cap)):
                out.setdefault(cid, None)
        return list(out)

    def named(
        self,
        conn,
        expr: str,
        cap: int,
        band: Band,
        *,
        one_term: bool,
        spelt: bool,
        public: str | None = None,
        placed: Mapping[int, int] = _NOTHING,
    ) -> list[tuple[int, int]]:
        """Matching ids with their band, each part in rowid order, at most ``cap`` of each.

        FTS5 tells in the same scan (bm25 weighing one column group only: below zero when a
        term is there) whether the name, or the pinyin and initials, hold a term. Reading a
        row's text costs a page read a row (two to seven microseconds), so only the rows
        that need it are read: those where ``spelt`` terms (letters and digits) are in the
        pinyin or initials but not in the name (the name's pinyin, or a contact's?), and
        every row of a query of several terms (``one_term`` False: are they all in the
        name?). The others are BAND_NAME (found in the name: the look-ups before this one
        hold the exact and name-prefix matches) or BAND_OTHER. The text is read from the
        FTS5 table's own content table (customer_fts_content: id, then c0, c1… in
        FTS_COLUMNS order), a plain rowid look-up, half the cost of one through FTS5."""
        out: dict[int, int] = {}
        unsure: list[int] = []
        for every, where in self.parts:
            sql = (
                f"SELECT rowid, {_IN_NAME}, {_IN_SPELLING} FROM customer_fts "
                f"WHERE customer_fts MATCH ?{where} LIMIT ?"
            )
            for cid, in_name, in_spelling in conn.execute(
                sql, (self.expr(every, expr, public), cap)
            ):
                if cid in out or placed.get(cid, BAND_OTHER) < BAND_OTHER:
                    continue  # placed by an earlier look-up, in a band no worse
                if (in_name < 0 and not one_term) or (
                    spelt and in_spelling < 0 and (not one_term or not in_name < 0)
                ):
                    out[cid] = BAND_OTHER  # told below
                    unsure.append(cid)
                else:
                    out[cid] = BAND_NAME if in_name < 0 else BAND_OTHER
        columns = ", ".join(f"c{FTS_COLUMNS.index(n)}" for n in _NAME_COLUMNS)
        for start in range(0, len(unsure), 500):
            chunk = unsure[start : start + 500]
            sql = (
                f"SELECT id, {columns} FROM customer_fts_content "
                f"WHERE id IN ({','.join('?' * len(chunk))})"
            )
            for cid, name, pinyin, initials in conn.execute(sql, chunk):
                out[cid] = band(name, pinyin, initials)
        return list(out.items())

    def bounded(self, conn, expr: str, cap: int) -> tuple[list[int], int | None]:
        """Matching ids in id order, and the id up to which the list is complete (None:
        complete): each part reads at most ``cap`` ids."""
        ids: set[int] = set()
        end: int | None = None
        for every, where in self.parts:
            sql = (
                f"SELECT rowid FROM customer_fts WHERE customer_fts MATCH ?{where} "
                "ORDER BY rowid LIMIT ?"
            )
            part = [r[0] for r in conn.execute(sql, (self.expr(every, expr), cap))]
            ids.update(part)
            if len(part) >= cap:
                end = part[-1] if end is None else min(end, part[-1])
        return sorted(ids), end


Band = Callable[[str | None, str | None, str | None], int]


def _fts_rest(
    conn,
    long_terms,
    short_terms,
    allowed: str,
    reach: _Reach,
    band: Band,
    limit: int,
    placed: Mapping[int, int] = _NOTHING,
) -> list[tuple[int, int]]:
    """Matches of the long terms (and the short ones), (id, band) each: the first RANK_CAP
    of each part."""
    expr = " AND ".join(_phrase(t) for t in long_terms)
    if short_terms:
        return _mixed(conn, expr, long_terms, _gram_expr(short_terms), allowed, reach, band)
    spelt = any(_SPELLING.fullmatch(t) for t in long_terms)
    cap = min(limit, RANK_CAP)
    return reach.named(
        conn, expr, cap, band, one_term=len(long_terms) == 1, spelt=spelt, placed=placed
    )


def _mixed(
    conn, expr: str, long_terms, gexpr: str, allowed: str, reach: _Reach, band: Band
) -> list[tuple[int, int]]:
    """Long terms (trigrams) and short terms (grams) together: customers in both, (id,
    band) each.

    Checking one side row by row against the other costs tens of microseconds a row for a
    common gram (a seek inside its doclist), so the sides are intersected as sets of ids
    instead. When the short side is small, its customers' text is checked directly
    (complete). Else each side gives at most MIXED_SIDE_CAP ids in id order and only ids up
    to where the shorter list ends are kept (at most RANK_CAP): complete within that range;
    a match beyond it, when both sides are very common, is left out.
    """
    sql = f"SELECT rowid FROM customer_grams WHERE customer_grams MATCH ?{allowed} LIMIT ?"
    short_ids = [r[0] for r in conn.execute(sql, (gexpr, MIXED_SIDE_CAP))]
    if len(short_ids) <= SHORT_DRIVE_CAP:
        return _check_text(conn, short_ids, long_terms, reach.private_ids_sql, band)
    long_ids, end = reach.bounded(conn, expr, MIXED_SIDE_CAP)
    if len(short_ids) >= MIXED_SIDE_CAP:
        end = short_ids[-1] if end is None else min(end, short_ids[-1])
    both = set(short_ids).intersection(long_ids)
    hits = sorted(cid for cid in both if end is None or cid <= end)[:RANK_CAP]
    return _check_text(conn, hits, long_terms, reach.private_ids_sql, band, matched=True)


def _check_text(
    conn,
    ids: Sequence[int],
    long_terms,
    private_ids_sql: str | None,
    band: Band,
    matched: bool = False,
) -> list[tuple[int, int]]:
    """Those of ``ids`` whose indexed text holds every long term (the same test as the
    trigram phrases: the text is stored in its search form), (id, band) each in id order.
    ``matched``: the ids are known to match, only tell their band. ``private_ids_sql``: as
    for ``search``; the private columns of the others are not read."""
    hits = []
    private = f"rowid IN ({private_ids_sql})" if private_ids_sql else "1"
    public_count = len(PUBLIC_COLUMNS)
    name_at, pinyin_at, initials_at = (FTS_COLUMNS.index(c) for c in _NAME_COLUMNS)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        sql = (
            f"SELECT rowid, {private}, {', '.join(FTS_COLUMNS)} FROM customer_fts "
            f"WHERE rowid IN ({','.join('?' * len(chunk))})"
        )
        for cid, may_match_private, *values in conn.execute(sql, chunk):
            own = band(values[name_at], values[pinyin_at], values[initials_at])
            if not may_match_private:
                values = values[:public_count]
            if matched or all(any(t in (v or "") for v in values) for t in long_terms):
                hits.append((cid, own))
    return sorted(hits)


#: The order in which ``matched_columns`` names what a term was found in (the first column
#: holding it). A private person's private columns are reported as the public ones.
MATCH_ORDER = ("name", "archive_no", "pinyin", "initials", "contacts", "phones", "tags", "address")
_AS_PUBLIC = {"p_contacts": "contacts", "p_phones": "phones", "p_address": "address"}


def matched_columns(
    conn,
    query: str,
    ids: Sequence[int],
    allowed_ids_sql: str | None = None,
    private_ids_sql: str | None = None,
) -> dict[int, list[str]]:
    """Why each of ``ids`` matched ``query``: per customer, the index columns (MATCH_ORDER
    names) in which its terms were found, in that order. Only the customers of
    ``allowed_ids_sql`` are explained, and a private column counts only for those of
    ``private_ids_sql`` (both as in ``search``), so the answer never points at a customer or
    a value the searcher may not see. Customers where nothing is found are left out."""
    terms = query_terms(query)
    digits = _phone_query(query)
    ids = [int(i) for i in ids]
    if not (terms or digits) or not ids:
        return {}
    marks = ",".join("?" * len(ids))
    private: set[int] | None = None
    if private_ids_sql is not None:
        private = {
            r[0]
            for r in conn.execute(
                f"SELECT id FROM customers WHERE id IN ({marks}) AND id IN ({private_ids_sql})", ids
            )
        }
    columns = MATCH_ORDER + tuple(_AS_PUBLIC)
    out: dict[int, list[str]] = {}
    sql = f"SELECT rowid, {', '.join(columns)} FROM customer_fts WHERE rowid IN ({marks})"
    if allowed_ids_sql:
        sql += f" AND rowid IN ({allowed_ids_sql})"
    for cid, *values in conn.execute(sql, ids):
        texts = dict(zip(columns, values, strict=True))
        if private is not None and cid not in private:
            texts = {c: v for c, v in texts.items() if c not in _AS_PUBLIC}
        found: set[str] = set()
        wanted = list(terms)
        if digits:  # a phone typed with separators matches as one run of digits
            if any(digits in (texts.get(c) or "") for c in ("phones", "p_phones")):
                found.add("phones")
                wanted = []
        for term in wanted:
            for column, text in texts.items():
                if text and term in text:
                    found.add(_AS_PUBLIC.get(column, column))
                    break
        if found:
            out[cid] = [c for c in MATCH_ORDER if c in found]
    return out
