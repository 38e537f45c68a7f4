"""Customer cards: add, edit, status and tier, contacts and logs, search, duplicates, merge.

Every write is one short transaction that also keeps the search index and the histories
in step. Validation and the rules come from ``desktop.domain``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import mimetypes
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Iterable, Sequence

from .. import errors
from ..domain import lifecycle, tiering
from ..domain.archive_number import format_archive_no
from ..domain.customer import FIELD_BY_NAME, Status, Tier
from ..domain.search_text import name_key, phone_digits, pinyin_keys, similar_names
from ..domain.validation import validate_contact, validate_customer
from ..storage import customers as repo
from ..storage import search
from ..storage.archive import Archive

DEFAULT_PATTERN = "KH-{year}-{seq:04}"
DEFAULT_ATTACHMENT_LIMIT = 20 * 1024 * 1024  # bytes
SIMILAR_NAME_SCORE = 90


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def sort_key(name: str) -> str:
    """Chinese names sort by their pinyin reading, as an office's card index does."""
    full, _ = pinyin_keys(name)
    return full or name.casefold()


@dataclass
class Card:
    """A customer card with everything that hangs on it, as plain data for the GUI and CLI."""

    values: dict[str, object]
    contacts: list[dict[str, object]] = field(default_factory=list)
    follow_ups: list[dict[str, object]] = field(default_factory=list)
    transactions: list[dict[str, object]] = field(default_factory=list)
    attachments: list[dict[str, object]] = field(default_factory=list)
    status_history: list[dict[str, object]] = field(default_factory=list)
    tier_history: list[dict[str, object]] = field(default_factory=list)

    @property
    def id(self) -> int:
        return int(self.values["id"])

    @property
    def version(self) -> int:
        return int(self.values["version"])

    def to_json(self) -> dict[str, object]:
        def plain(v):
            if isinstance(v, (dt.date, Decimal)):
                return str(v)
            if hasattr(v, "value"):
                return v.value
            return v
        out = {k: plain(v) for k, v in self.values.items() if k != "sort_key"}
        out["contacts"] = [{k: plain(v) for k, v in c.items()} for c in self.contacts]
        out["follow_ups"] = self.follow_ups
        out["transactions"] = self.transactions
        out["attachments"] = self.attachments
        out["status_history"] = self.status_history
        out["tier_history"] = self.tier_history
        return out


@dataclass(frozen=True)
class Duplicate:
    id: int
    name: str
    archive_no: str
    reason: str   # "credit_code" | "phone" | "name"
    score: int    # 100 for an exact match


def _raise_invalid(problems: dict[str, str]) -> None:
    if problems:
        text = "; ".join(f"{k}: {v}" for k, v in problems.items())
        raise errors.ValidationError(f"Invalid input: {text}", fields=problems)


class CustomerService:
    def __init__(self, archive: Archive, user: str) -> None:
        self.archive = archive
        self.user = user

    # ------------------------------------------------------------------ settings
    def archive_no_pattern(self) -> str:
        return self.archive.get_setting("archive_no_pattern", DEFAULT_PATTERN)

    def set_archive_no_pattern(self, pattern: str) -> None:
        format_archive_no(pattern, 2026, 1)  # raises on a bad pattern
        self.archive.set_setting("archive_no_pattern", pattern)

    def attachment_limit(self) -> int:
        return int(self.archive.get_setting("attachment_limit", str(DEFAULT_ATTACHMENT_LIMIT)))

    def _next_archive_no(self, conn, today: dt.date) -> str:
        pattern = self.archive_no_pattern()
        if "{month" in pattern:
            period = f"{today.year}-{today.month:02}"
        elif "{year" in pattern or "{yy" in pattern:
            period = str(today.year)
        else:
            period = "all"
        while True:
            seq = repo.next_sequence(conn, period)
            number = format_archive_no(pattern, today.year, seq, month=today.month)
            if repo.find_by_archive_no(conn, number) is None:  # skip numbers typed by hand
                return number

    # ------------------------------------------------------------------ cards
    def add(self, values: dict[str, object], contacts: Sequence[dict[str, object]] = ()) -> int:
        """Add a card; returns its id. ``values`` are raw (validated and normalised here)."""
        clean, problems = validate_customer(values)
        clean_contacts = self._clean_contacts(contacts, problems) + clean.pop("contacts", [])
        _raise_invalid(problems)
        now = now_iso()
        with self.archive.write() as conn:
            if not clean.get("archive_no"):
                clean["archive_no"] = self._next_archive_no(conn, dt.date.today())
            elif repo.find_by_archive_no(conn, str(clean["archive_no"])) is not None:
                raise errors.ValidationError(
                    f"Archive number {clean['archive_no']} is already used.",
                    fields={"archive_no": "already used"})
            clean.setdefault("status", Status.PROSPECT)
            clean.setdefault("tier", Tier.C)
            cid = repo.insert(conn, clean, sort_key=sort_key(str(clean["name"])), by=self.user, now=now)
            repo.replace_contacts(conn, cid, clean_contacts)
            repo.add_status_change(conn, cid, None, _v(clean["status"]), None, self.user, now)
            repo.add_tier_change(conn, cid, None, _v(clean["tier"]), bool(clean.get("tier_manual")),
                                 None, self.user, now)
            search.index_customer(conn, cid)
        return cid

    def _clean_contacts(self, contacts, problems: dict[str, str]) -> list[dict[str, object]]:
        out = []
        for i, raw in enumerate(contacts):
            clean, bad = validate_contact(raw)
            for k, v in bad.items():
                problems[f"contacts[{i}].{k}"] = v
            out.append(clean)
        return out

    def get(self, customer_id: int) -> Card:
        conn = self.archive.conn
        values = repo.get(conn, customer_id)
        if values is None:
            raise errors.NotFound(f"No customer with id {customer_id}.", id=customer_id)
        card = Card(values=values, contacts=repo.contacts(conn, customer_id))
        card.follow_ups = repo.rows_as_dicts(
            conn, "SELECT id, date, kind, summary, by_user FROM follow_ups WHERE customer_id = ? "
            "ORDER BY date DESC, id DESC", (customer_id,))
        card.transactions = repo.rows_as_dicts(
            conn, "SELECT id, date, mode, amount, payment_method, contract_no, note FROM transactions "
            "WHERE customer_id = ? ORDER BY date DESC, id DESC", (customer_id,))
        card.attachments = repo.rows_as_dicts(
            conn, "SELECT id, file_name, mime, size, note, added_at, added_by FROM attachments "
            "WHERE customer_id = ? ORDER BY added_at DESC, id DESC", (customer_id,))
        card.status_history = repo.rows_as_dicts(
            conn, "SELECT old, new, reason, by_user, at FROM status_history WHERE customer_id = ? "
            "ORDER BY at, id", (customer_id,))
        card.tier_history = repo.rows_as_dicts(
            conn, "SELECT old, new, manual, reason, by_user, at FROM tier_history "
            "WHERE customer_id = ? ORDER BY at, id", (customer_id,))
        return card

    def resolve(self, ref: str | int) -> int:
        """A customer id from an id or an archive number (for the CLI)."""
        text = str(ref).strip()
        if text.isdigit() and repo.get(self.archive.conn, int(text)) is not None:
            return int(text)
        found = repo.find_by_archive_no(self.archive.conn, text)
        if found is None:
            raise errors.NotFound(f"No customer {text}.", id=text)
        return found

    def edit(self, customer_id: int, changes: dict[str, object], version: int | None = None,
             reason: str | None = None, contacts: Sequence[dict[str, object]] | None = None) -> int:
        """Change fields of a card; ``version`` is the one the editor started from.

        Status and tier changes go through their rules (a reason for "lost"; a tier set
        here is a hand-set tier). Returns the new version.
        """
        clean, problems = validate_customer(changes, partial=True)
        clean_contacts = self._clean_contacts(contacts, problems) if contacts is not None else None
        if "contacts" in clean:
            clean_contacts = clean.pop("contacts")
        _raise_invalid(problems)
        now = now_iso()
        with self.archive.write() as conn:
            old = repo.get(conn, customer_id)
            if old is None:
                raise errors.NotFound(f"No customer with id {customer_id}.", id=customer_id)
            if version is None:
                version = int(old["version"])
            if "archive_no" in clean and clean["archive_no"] != old["archive_no"]:
                if repo.find_by_archive_no(conn, str(clean["archive_no"])) is not None:
                    raise errors.ValidationError(
                        f"Archive number {clean['archive_no']} is already used.",
                        fields={"archive_no": "already used"})
            changed = {k: v for k, v in clean.items() if old.get(k) != v}
            if "status" in changed:
                try:
                    lifecycle.check_transition(old["status"], changed["status"], reason)
                except lifecycle.TransitionError as exc:
                    raise errors.ValidationError(str(exc), fields={"status": str(exc)}) from None
                repo.add_status_change(conn, customer_id, _v(old["status"]), _v(changed["status"]),
                                       reason, self.user, now)
            if "tier" in changed:
                changed["tier_manual"] = clean.get("tier_manual", True)
                repo.add_tier_change(conn, customer_id, _v(old["tier"]), _v(changed["tier"]), True,
                                     reason, self.user, now)
            if not changed and clean_contacts is None:
                if int(old["version"]) != version:
                    raise errors.ConflictError(
                        f"Customer {customer_id} was changed by someone else meanwhile.",
                        id=customer_id, current_version=old["version"], your_version=version)
                return version
            key = sort_key(str(changed["name"])) if "name" in changed else None
            new_version = repo.update(conn, customer_id, version, changed, sort_key=key,
                                      by=self.user, now=now)
            if clean_contacts is not None:
                repo.replace_contacts(conn, customer_id, clean_contacts)
            search.index_customer(conn, customer_id)
        return new_version

    def set_status(self, customer_id: int, status: str, reason: str | None = None,
                   version: int | None = None) -> int:
        return self.edit(customer_id, {"status": status}, version=version, reason=reason)

    def set_tier(self, customer_id: int, tier: str, reason: str | None = None,
                 version: int | None = None) -> int:
        return self.edit(customer_id, {"tier": tier}, version=version, reason=reason)

    def release_tier(self, customer_id: int) -> None:
        """Let the ABC computation set this customer's tier again."""
        with self.archive.write() as conn:
            conn.execute("UPDATE customers SET tier_manual = 0, version = version + 1 WHERE id = ?",
                         (customer_id,))

    def delete(self, customer_id: int) -> None:
        with self.archive.write() as conn:
            if repo.get(conn, customer_id) is None:
                raise errors.NotFound(f"No customer with id {customer_id}.", id=customer_id)
            search.remove_customer(conn, customer_id)
            repo.delete(conn, customer_id)

    # ------------------------------------------------------------------ logs
    def add_follow_up(self, customer_id: int, date: object, kind: str, summary: str) -> int:
        from ..domain.validation import validate_follow_up

        clean, problems = validate_follow_up(
            {"date": date, "kind": kind, "summary": summary, "by_user": self.user})
        _raise_invalid(problems)
        with self.archive.write() as conn:
            self._require(conn, customer_id)
            cur = conn.execute(
                "INSERT INTO follow_ups(customer_id, date, kind, summary, by_user, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (customer_id, clean["date"].isoformat(), _v(clean["kind"]), clean["summary"],
                 self.user, now_iso()))
            self._touch(conn, customer_id)
            return cur.lastrowid

    def add_transaction(self, customer_id: int, date: object, amount: object, mode: str | None = None,
                        payment_method: str | None = None, contract_no: str | None = None,
                        note: str | None = None) -> int:
        from ..domain.validation import validate_transaction

        clean, problems = validate_transaction({
            "date": date, "amount": amount, "mode": mode, "payment_method": payment_method,
            "contract_no": contract_no, "note": note})
        _raise_invalid(problems)
        amount_dec: Decimal = clean["amount"]
        with self.archive.write() as conn:
            self._require(conn, customer_id)
            cur = conn.execute(
                "INSERT INTO transactions(customer_id, date, mode, amount, amount_fen, payment_method, "
                "contract_no, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (customer_id, clean["date"].isoformat(), clean.get("mode"), str(amount_dec),
                 int((amount_dec * 100).to_integral_value()), clean.get("payment_method"),
                 clean.get("contract_no"), clean.get("note")))
            self._touch(conn, customer_id)
            return cur.lastrowid

    def add_attachment(self, customer_id: int, file_name: str, data: bytes,
                       note: str | None = None) -> int:
        limit = self.attachment_limit()
        if len(data) > limit:
            raise errors.ValidationError(
                f"{file_name} is {len(data) / 1048576:.1f} MB; attachments may be at most "
                f"{limit / 1048576:.0f} MB.", fields={"attachment": "too large"},
                size=len(data), limit=limit)
        mime = mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        with self.archive.write() as conn:
            self._require(conn, customer_id)
            cur = conn.execute(
                "INSERT INTO attachments(customer_id, file_name, mime, size, sha256, data, note, "
                "added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (customer_id, Path(file_name).name, mime, len(data), hashlib.sha256(data).hexdigest(),
                 data, note, now_iso(), self.user))
            self._touch(conn, customer_id)
            return cur.lastrowid

    def attachment_data(self, attachment_id: int) -> tuple[str, bytes]:
        row = self.archive.query_one("SELECT file_name, data FROM attachments WHERE id = ?",
                                     (attachment_id,))
        if row is None:
            raise errors.NotFound(f"No attachment {attachment_id}.")
        return row[0], bytes(row[1])

    def _require(self, conn, customer_id: int) -> None:
        if conn.execute("SELECT 1 FROM customers WHERE id = ?", (customer_id,)).fetchone() is None:
            raise errors.NotFound(f"No customer with id {customer_id}.", id=customer_id)

    def _touch(self, conn, customer_id: int) -> None:
        conn.execute("UPDATE customers SET updated_at = ?, updated_by = ?, version = version + 1 "
                     "WHERE id = ?", (now_iso(), self.user, customer_id))

    # ------------------------------------------------------------------ tiers
    def tier_settings(self) -> tiering.TierSettings:
        raw = self.archive.get_setting("tier_settings")
        return tiering.TierSettings(**json.loads(raw)) if raw else tiering.TierSettings()

    def set_tier_settings(self, settings: tiering.TierSettings) -> None:
        self.archive.set_setting("tier_settings", json.dumps({
            "period_months": settings.period_months, "a_share": settings.a_share,
            "b_share": settings.b_share}))

    def compute_tiers(self, today: dt.date | None = None) -> dict[int, tuple[str, str]]:
        """ABC analysis over the configured period; hand-set tiers are left alone.

        Returns {customer id: (old tier, new tier)} for the tiers that changed.
        """
        settings = self.tier_settings()
        today = today or dt.date.today()
        start = tiering.period_start(today, settings.period_months)
        now = now_iso()
        with self.archive.write() as conn:
            revenue = {cid: Decimal(fen) / 100 for cid, fen in conn.execute(
                "SELECT c.id, COALESCE(SUM(t.amount_fen), 0) FROM customers c "
                "LEFT JOIN transactions t ON t.customer_id = c.id AND t.date >= ? "
                "GROUP BY c.id", (start.isoformat(),))}
            current = [(cid, Tier(old), bool(manual)) for cid, old, manual in conn.execute(
                "SELECT id, tier, tier_manual FROM customers").fetchall()]
            updates = tiering.tier_updates(current, tiering.abc_tiers_for(settings, revenue))
            old_of = {cid: tier for cid, tier, _ in current}
            changed: dict[int, tuple[str, str]] = {}
            for cid, tier in updates.items():
                old, new = old_of[cid].value, tier.value
                conn.execute("UPDATE customers SET tier = ?, version = version + 1, updated_at = ?, "
                             "updated_by = ? WHERE id = ?", (new, now, self.user, cid))
                repo.add_tier_change(conn, cid, old, new, False,
                                     f"ABC analysis since {start.isoformat()}", self.user, now)
                changed[cid] = (old, new)
        return changed

    # ------------------------------------------------------------------ finding
    def search(self, query: str, limit: int = 500) -> list[int]:
        return search.search(self.archive.conn, query, limit=limit)

    def list_ids(self, flt: repo.Filter | None = None, sort: str = "name",
                 descending: bool = False) -> list[int]:
        return repo.list_ids(self.archive.conn, flt or repo.Filter(), sort, descending)

    def list_rows(self, ids: Sequence[int]) -> dict[int, tuple]:
        return repo.list_rows(self.archive.conn, ids)

    def find(self, query: str = "", flt: repo.Filter | None = None, sort: str | None = None,
             descending: bool = False, limit: int = 500) -> list[int]:
        """Search and filter together: ranked by relevance unless a sort column is given."""
        flt = flt or repo.Filter()
        if query.strip():
            flt.ids = self.search(query, limit=limit)
            return repo.list_ids(self.archive.conn, flt, sort or "rank", descending)
        return repo.list_ids(self.archive.conn, flt, sort or "name", descending)

    def value_lists(self) -> dict[str, list[str]]:
        conn = self.archive.conn
        return {c: repo.distinct_values(conn, c) for c in ("industry", "region", "responsible")}

    def saved_filters(self) -> dict[str, dict]:
        return {name: json.loads(d) for name, d in self.archive.query(
            "SELECT name, definition FROM saved_filters ORDER BY name")}

    def save_filter(self, name: str, definition: dict) -> None:
        with self.archive.write() as conn:
            conn.execute("INSERT INTO saved_filters(name, definition, created_by) VALUES (?, ?, ?) "
                         "ON CONFLICT(name) DO UPDATE SET definition = excluded.definition",
                         (name, json.dumps(definition, ensure_ascii=False), self.user))

    def duplicates(self, values: dict[str, object], exclude_id: int | None = None) -> list[Duplicate]:
        """Likely duplicates of a card being entered: same credit code, same phone, similar name."""
        clean, _ = validate_customer(values, partial=True)
        conn = self.archive.conn
        found: dict[int, Duplicate] = {}

        def add(rows, reason, score):
            for cid, name, no in rows:
                if cid != exclude_id and (cid not in found or found[cid].score < score):
                    found[cid] = Duplicate(cid, name, no, reason, score)

        if clean.get("credit_code"):
            add(conn.execute("SELECT id, name, archive_no FROM customers WHERE credit_code = ?",
                             (clean["credit_code"],)).fetchall(), "credit_code", 100)
        for phone in (clean.get("phone"), clean.get("fax")):
            if phone:
                add(conn.execute("SELECT id, name, archive_no FROM customers WHERE phone = ? OR fax = ?",
                                 (phone, phone)).fetchall(), "phone", 100)
                digits = phone_digits(str(phone))
                if len(digits) >= 7:
                    ids = search.search(conn, digits[-8:], limit=50)
                    add(self._names(ids), "phone", 95)
        name = str(clean.get("name") or "").strip()
        if name:
            key = name_key(name)
            candidates = search.search(conn, key or name, limit=100) if (key or name) else []
            for cid, other, no in self._names(candidates):
                score = int(similar_names(name, other))
                if score >= SIMILAR_NAME_SCORE:
                    add([(cid, other, no)], "name", score)
        return sorted(found.values(), key=lambda d: (-d.score, d.id))

    def _names(self, ids: Iterable[int]) -> list[tuple[int, str, str]]:
        ids = list(ids)
        if not ids:
            return []
        return self.archive.query(
            f"SELECT id, name, archive_no FROM customers WHERE id IN ({','.join('?' * len(ids))})",
            tuple(ids))

    # ------------------------------------------------------------------ merge
    def merge(self, keep_id: int, other_id: int, reason: str | None = None) -> int:
        """Merge ``other`` into ``keep``: every contact, follow-up, transaction, attachment and
        history entry moves; fields empty on ``keep`` are filled from ``other``; ``other`` is
        deleted (its archive number is not reused). Returns keep's new version."""
        if keep_id == other_id:
            raise errors.ValidationError("A customer cannot be merged with itself.")
        now = now_iso()
        with self.archive.write() as conn:
            keep, other = repo.get(conn, keep_id), repo.get(conn, other_id)
            if keep is None or other is None:
                raise errors.NotFound("Both customers must exist to merge them.")
            fill = {}
            for name in repo.CARD_COLUMNS:
                if name in ("archive_no", "status", "tier", "tier_manual"):
                    continue
                spec = FIELD_BY_NAME[name]
                if spec.kind == "tags":
                    merged = list(dict.fromkeys(list(keep[name]) + list(other[name])))
                    if merged != keep[name]:
                        fill[name] = merged
                elif keep.get(name) in (None, "") and other.get(name) not in (None, ""):
                    fill[name] = other[name]
            note = f"Merged from {other['archive_no']} {other['name']}" + (f": {reason}" if reason else "")
            fill["note"] = "\n".join(x for x in (str(fill.get("note", keep.get("note")) or ""), note) if x)
            base = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM contacts WHERE customer_id = ?",
                                (keep_id,)).fetchone()[0]
            conn.execute("UPDATE contacts SET customer_id = ?, position = position + ?, is_primary = 0 "
                         "WHERE customer_id = ?", (keep_id, base, other_id))
            for table in ("follow_ups", "transactions", "attachments", "status_history", "tier_history"):
                conn.execute(f"UPDATE {table} SET customer_id = ? WHERE customer_id = ?", (keep_id, other_id))
            version = repo.update(conn, keep_id, int(keep["version"]), fill, sort_key=None,
                                  by=self.user, now=now)
            search.remove_customer(conn, other_id)
            repo.delete(conn, other_id)
            search.index_customer(conn, keep_id)
        return version


def _v(value: object) -> object:
    return getattr(value, "value", value)

