"""The register's schema: every customer has a dossier, and an item is never out twice in the file."""

from __future__ import annotations

import pytest

from desktop import errors

from desktop.services.customers import CustomerService
from desktop.storage import customers as customer_repo
from desktop.storage import migrations
from desktop.storage.archive import Archive


def test_existing_customers_get_their_dossier_when_the_archive_is_upgraded(
    archive_path, passphrase, monkeypatch
):
    loans_step = next(m for m in migrations.MIGRATIONS if m.name == "0004_loans.sql")
    before = [m for m in migrations.MIGRATIONS if m.version < loans_step.version]
    monkeypatch.setattr(migrations, "MIGRATIONS", before)
    monkeypatch.setattr(migrations, "LATEST_VERSION", before[-1].version)
    with Archive.create(archive_path, passphrase) as a, a.write() as conn:
        for no, name in (
            ("KH-2025-0001", "北京华信科技有限公司"),
            ("KH-2025-0002", "Acme Trading Ltd."),
        ):
            customer_repo.insert(
                conn,
                {"archive_no": no, "name": name},
                sort_key=name,
                by="wang",
                now="2025-03-01T09:00:00+08:00",
            )
    monkeypatch.undo()

    with Archive.open(archive_path, passphrase) as a:
        rows = a.query(
            "SELECT i.item_no, i.kind, i.description, i.state, c.archive_no FROM items i "
            "JOIN customers c ON c.id = i.customer_id ORDER BY i.item_no"
        )
    assert rows == [
        ("KH-2025-0001", "dossier", "北京华信科技有限公司", "available", "KH-2025-0001"),
        ("KH-2025-0002", "dossier", "Acme Trading Ltd.", "available", "KH-2025-0002"),
    ]


def test_a_new_card_comes_with_its_dossier(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        cid = CustomerService(a, "wang").add({"name": "上海金桥贸易有限公司"})
        no = a.query_one("SELECT archive_no FROM customers WHERE id = ?", (cid,))[0]
        assert a.query("SELECT item_no, kind, customer_id FROM items") == [(no, "dossier", cid)]


def test_the_file_refuses_a_second_hand_out_of_the_same_item(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        with a.write() as conn:
            conn.execute(
                "INSERT INTO items(item_no, kind, description, created_at, created_by, updated_at) "
                "VALUES ('YP-1', 'sample', '样品', 'now', 'wang', 'now')"
            )
            item = conn.execute("SELECT id FROM items").fetchone()[0]

        def loan(state, direction="lent_out"):
            with a.write() as conn:
                conn.execute(
                    "INSERT INTO loans(item_id, direction, borrower, purpose, wanted_from, wanted_until, "
                    "due, state, requested_by, requested_at, updated_at) "
                    "VALUES (?, ?, 'li', 'visit', '2026-01-01', '2026-01-05', '2026-01-05', ?, 'li', 'now', 'now')",
                    (item, direction, state),
                )

        loan("out")
        loan("returned")
        loan("requested")
        loan("out", "taken_in")  # held for its owner and lent inside the office are two things
        with pytest.raises(errors.ArchiveError, match="UNIQUE"):
            loan("out")
        assert (
            a.query_one(
                "SELECT count(*) FROM loans WHERE state = 'out' AND direction = 'lent_out'"
            )[0]
            == 1
        )


def test_the_register_outlives_a_deleted_card_and_follows_a_merged_one(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        cards = CustomerService(a, "wang")
        keep = cards.add({"name": "上海金桥贸易有限公司"})
        other = cards.add({"name": "上海金桥贸易公司"})
        gone = cards.add({"name": "深圳华信电子有限公司"})
        cards.merge(keep, other)
        assert sorted(
            r[0] for r in a.query("SELECT customer_id FROM items WHERE kind = 'dossier'")
        ) == sorted([keep, keep, gone])
        cards.delete(gone)
        # The dossier stays in the register (its loans are history); only the link is cleared.
        assert a.query(
            "SELECT description, customer_id FROM items WHERE description = '深圳华信电子有限公司'"
        ) == [("深圳华信电子有限公司", None)]


def test_the_dossier_keeps_the_number_of_its_card(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        cards = CustomerService(a, "wang")
        cid = cards.add({"name": "上海金桥贸易有限公司"})
        cards.edit(cid, {"archive_no": "SH-0001"}, version=cards.get(cid).version)
        assert a.query("SELECT item_no FROM items WHERE customer_id = ?", (cid,)) == [("SH-0001",)]
