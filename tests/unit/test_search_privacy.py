"""The search index keeps a private person's sensitive values apart (migration 0006): a search
matches them only for the customers whose sensitive fields the searcher may see, and an
archive made before the split is re-indexed when it is upgraded."""

from __future__ import annotations

import pytest

from desktop.domain.permissions import Actor
from desktop.services.customers import CustomerService
from desktop.storage import search
from desktop.storage.archive import Archive

PRIVATE = {
    "name": "王小明",
    "customer_type": "individual",
    "phone": "13912345678",
    "address": "上海市浦东新区世纪大道88号",
    "email": "wxm@example.com",
    "region": "华东",
    "responsible": "sun",
}
COMPANY = {
    "name": "上海东方贸易有限公司",
    "phone": "021-62345678",
    "address": "上海市浦东新区世纪大道100号",
    "region": "华东",
    "responsible": "wang",
}
CONTACT = [{"name": "王太太", "mobile": "13787654321", "email": "wtt@example.net"}]


@pytest.fixture
def archive(archive_path, passphrase):
    a = Archive.create(archive_path, passphrase)
    yield a
    if not a.closed:
        a.close()


def _add(archive) -> tuple[int, int]:
    svc = CustomerService(archive, "boss")  # single-user: the administrator
    return svc.add(PRIVATE, CONTACT), svc.add(COMPANY)


@pytest.mark.parametrize(
    "query", ["13912345678", "世纪大道88", "wxm@example", "13787654321", "wtt@example", "139 1234"]
)
def test_private_values_match_only_where_allowed(archive, query):
    pid, _ = _add(archive)
    conn = archive.conn
    everyone = search.search(conn, query)
    assert pid in everyone
    nobody = "SELECT id FROM customers WHERE 0"
    assert pid not in search.search(conn, query, private_ids_sql=nobody)
    assert pid in search.search(conn, query, private_ids_sql=f"SELECT {pid}")


def test_a_company_is_found_by_its_phone_and_address_by_anyone(archive):
    _, cid = _add(archive)
    nobody = "SELECT id FROM customers WHERE 0"
    assert search.search(archive.conn, "62345678", private_ids_sql=nobody) == [cid]
    assert search.search(archive.conn, "世纪大道100", private_ids_sql=nobody) == [cid]
    # both match the street; the private person only where allowed
    assert search.search(archive.conn, "世纪大道", private_ids_sql=nobody) == [cid]
    assert len(search.search(archive.conn, "世纪大道")) == 2


def test_mixed_short_and_long_terms_respect_the_split(archive):
    """王 (a gram of the name) and 世纪大道 (a trigram phrase): the long term may only match
    the private address where allowed, also when the short side drives the search."""
    pid, _ = _add(archive)
    nobody = "SELECT id FROM customers WHERE 0"
    assert pid in search.search(archive.conn, "王 世纪大道")
    assert pid not in search.search(archive.conn, "王 世纪大道", private_ids_sql=nobody)
    assert pid in search.search(archive.conn, "王 王小明", private_ids_sql=nobody)


def test_the_name_of_a_private_person_is_found_by_everyone_who_sees_the_card(archive):
    pid, _ = _add(archive)
    nobody = "SELECT id FROM customers WHERE 0"
    for query in ("王小明", "wxm", "小明", "王太太"):
        assert pid in search.search(archive.conn, query, private_ids_sql=nobody), query


def test_an_archive_indexed_before_the_split_is_reindexed_on_upgrade(archive_path, passphrase):
    archive = Archive.create(archive_path, passphrase)
    pid, _ = _add(archive)
    conn = archive.conn
    # the archive as version 5 left it: one index with every value in the public columns
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("DROP TABLE customer_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE customer_fts USING fts5(name, archive_no, contacts, "
        "phones, address, tags, pinyin, initials, tokenize = 'trigram')"
    )
    conn.execute(
        "INSERT INTO customer_fts(rowid, name, phones, address) VALUES "
        "(?, '王小明', '13912345678', '上海市浦东新区世纪大道88号')",
        (pid,),
    )
    conn.execute("ALTER TABLE import_batches DROP COLUMN finished_at")  # nor 0007's column
    conn.execute("DELETE FROM schema_migrations WHERE version >= 6")
    conn.execute("PRAGMA user_version = 5")
    conn.execute("COMMIT")
    archive.close()

    archive = Archive.open(archive_path, passphrase)
    try:
        assert archive.schema_version >= 6
        assert (
            archive.query_one("SELECT value FROM settings WHERE key = 'search_index_stale'") is None
        )
        nobody = "SELECT id FROM customers WHERE 0"
        assert search.search(archive.conn, "13912345678") == [pid]
        assert search.search(archive.conn, "13912345678", private_ids_sql=nobody) == []
        assert search.search(archive.conn, "王小明", private_ids_sql=nobody) == [pid]
        assert len(search.search(archive.conn, "世纪大道")) == 2  # both customers indexed
    finally:
        archive.close()
    assert list(archive_path.parent.glob("*.before-v6-*"))  # the copy taken before upgrading


def test_a_regional_manager_finds_region_cards_by_name_but_not_by_private_values(archive):
    from desktop.services.accounts import AccountService

    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    accounts.add_user(
        admin,
        "qian",
        "钱区域",
        "regional_manager",
        "华东",
        "a good password 1",
        admin_password="a good password 1",
        must_change_password=False,
    )
    accounts.add_user(
        admin,
        "sun",
        "孙业务",
        "salesperson",
        "华东",
        "a good password 1",
        must_change_password=False,
    )
    pid, cid = _add(archive)
    qian = CustomerService(archive, accounts.login("qian", "a good password 1"))
    sun = CustomerService(archive, accounts.login("sun", "a good password 1"))
    assert qian.search("王小明") == [pid]
    assert qian.search("13912345678") == []
    assert qian.search("世纪大道") == [cid]
    assert sun.search("13912345678") == [pid]  # his own customer
    assert sun.search("世纪大道") == [pid]  # the company is not his
    assert isinstance(qian.actor, Actor)


@pytest.mark.parametrize(
    "query",
    [
        "010-71677753",
        "01071677753",
        "010 7167",
        "(010) 7167-7753",
        "+86 10 7167 7753",
        "0086 10 7167 7753",
        "7167 7753",
        "010-7167",
    ],
)
def test_phone_numbers_as_people_write_them(archive, query):
    """A Beijing number is stored as +86 10 7167 7753 and shown as 010 7167 7753; every way
    of writing it finds it (the area code 10 begins with 1 like a mobile number does)."""
    svc = CustomerService(archive, "boss")
    cid = svc.add({"name": "北京测试有限公司", "phone": "010-71677753"})
    mobile = svc.add({"name": "上海测试有限公司", "phone": "13812345678"})
    assert svc.search(query) == [cid]
    assert svc.search("+86 138 1234 5678") == [mobile]
    assert svc.search("138-1234-5678") == [mobile]
