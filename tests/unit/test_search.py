"""Customer search (docs/architecture.md, The search index): what a user typing into the search box
gets back."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.search_text import normalise_for_search, phone_digits, pinyin_keys
from desktop.storage import search
from desktop.storage.archive import Archive

NOW = "2026-01-01T09:00:00+00:00"
_ids = itertools.count(1)


def add_customer(
    conn,
    name,
    *,
    archive_no=None,
    address=None,
    tags="",
    phone=None,
    fax=None,
    email=None,
    contacts=(),
):
    """A customer row (and its contacts) written with plain SQL; returns its id."""
    cid = next(_ids)
    conn.execute(
        "INSERT INTO customers(id, archive_no, name, address, tags, phone, fax, email, "
        "created_at, created_by, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            cid,
            archive_no or f"KH-2026-{cid:04d}",
            name,
            address,
            tags,
            phone,
            fax,
            email,
            NOW,
            "test",
            NOW,
            "test",
        ),
    )
    for pos, contact in enumerate(contacts):
        contact = {"name": contact} if isinstance(contact, str) else contact
        conn.execute(
            "INSERT INTO contacts(customer_id, name, phone, mobile, fax, email, position) "
            "VALUES (?,?,?,?,?,?,?)",
            (
                cid,
                contact["name"],
                contact.get("phone"),
                contact.get("mobile"),
                contact.get("fax"),
                contact.get("email"),
                pos,
            ),
        )
    return cid


@pytest.fixture
def archive(tmp_path):
    a = Archive.create(tmp_path / "a.carc", "some passphrase")
    yield a
    a.close()


def _fill_office(archive: Archive) -> Archive:
    """A handful of customers, indexed; ``archive.ids[name]`` is a customer's id."""
    ids = {}
    with archive.write() as c:
        ids["北京科技有限公司"] = add_customer(
            c,
            "北京科技有限公司",
            archive_no="KH-2026-0001",
            address="北京市海淀区中关村大街1号",
            tags="重点,科技",
            phone="010-8888 1234",
            contacts=[{"name": "李四", "mobile": "139 1234 5678", "email": "lisi@bjkj.cn"}],
        )
        ids["上海张三贸易"] = add_customer(
            c,
            "上海张三贸易",
            archive_no="KH-2026-0002",
            phone="+86 21 5555 6666",
            contacts=[{"name": "王五", "phone": "021-6666 7777"}],
        )
        ids["张三丰"] = add_customer(c, "张三丰", archive_no="KH-2026-0003")
        ids["Acme Trading Ltd"] = add_customer(
            c,
            "Acme Trading Ltd",
            archive_no="KH-2026-0004",
            address="1 Harbour Road, Hong Kong",
            tags="VIP",
            contacts=[{"name": "John Smith", "mobile": "13812345678"}],
        )
        ids["张三"] = add_customer(c, "张三", archive_no="KH-2026-0005", tags="个人")
        ids["北京"] = add_customer(c, "北京", archive_no="KH-2026-0006")
        search.index_many(c, ids.values())
    archive.ids = ids
    return archive


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """The office's customers, shared by the tests that only search (making an archive
    costs a key derivation)."""
    a = Archive.create(tmp_path_factory.mktemp("office") / "a.carc", "some passphrase")
    yield _fill_office(a)
    a.close()


@pytest.fixture
def office_rw(archive):
    """The same customers in an archive of the test's own, for tests that change them."""
    return _fill_office(archive)


def names(archive, query, **kw):
    by_id = {v: k for k, v in archive.ids.items()}
    return [by_id[i] for i in search.search(archive.conn, query, **kw)]


# ----------------------------------------------------------------------------- what users see
def test_two_chinese_characters_find_every_customer_holding_them(office):
    found = names(office, "张三")
    assert set(found) == {"张三", "张三丰", "上海张三贸易"}
    assert found[0] == "张三"  # the exact name first
    assert found.index("张三丰") < found.index("上海张三贸易")  # starts with it before contains it


def test_one_chinese_character(office):
    assert names(office, "丰") == ["张三丰"]
    assert set(names(office, "京")) == {"北京", "北京科技有限公司"}
    assert names(office, "北")[0] == "北京科技有限公司"  # names starting with it, by id


def test_three_and_more_chinese_characters(office):
    assert names(office, "科技有限") == ["北京科技有限公司"]
    assert names(office, "张三丰") == ["张三丰"]
    assert names(office, "海淀区") == ["北京科技有限公司"]  # the address, from three characters on


@pytest.mark.parametrize("query", ["bjkj", "beijing", "BEIJING", "BeiJing", "beijingkeji", "bj"])
def test_pinyin_and_initials_find_the_chinese_name(office, query):
    assert "北京科技有限公司" in names(office, query)


def test_two_letter_initials_rank_names_starting_with_them_first(office):
    found = names(office, "bj")
    assert set(found) == {"北京", "北京科技有限公司"}


def test_pinyin_of_contact_names(office):
    assert names(office, "lisi") == ["北京科技有限公司"]
    assert names(office, "wangwu") == ["上海张三贸易"]


@pytest.mark.parametrize(
    "query", ["acme", "ACME", "Acme", "ＡＣＭＥ", "ａｃｍｅ ｔｒａｄｉｎｇ", "trading ltd", "cme"]
)
def test_english_is_case_and_width_insensitive(office, query):
    assert names(office, query) == ["Acme Trading Ltd"]


def test_english_exact_name_with_spaces(office):
    assert names(office, "  acme   trading LTD ") == ["Acme Trading Ltd"]


@pytest.mark.parametrize(
    "query,expected",
    [
        ("8888", "北京科技有限公司"),  # part of 010-8888 1234
        ("01088881234", "北京科技有限公司"),
        ("010-8888", "北京科技有限公司"),  # typed with a dash
        ("8888 1234", "北京科技有限公司"),  # typed with a space
        ("139 1234", "北京科技有限公司"),  # a contact's mobile
        ("91234567", "北京科技有限公司"),
        ("5555", "上海张三贸易"),
        ("021-5555-6666", "上海张三贸易"),  # +86 21 … is also found in its national form
        ("8621", "上海张三贸易"),
        ("6666 7777", "上海张三贸易"),  # a contact's landline
        ("138", "Acme Trading Ltd"),
        ("01 0888", "北京科技有限公司"),  # pieces too short alone: the digits in one run
    ],
)
def test_part_of_a_phone_number_finds_its_customer(office, query, expected):
    assert expected in names(office, query)
    assert names(office, query)[0] == expected


def test_archive_number_exact_and_in_part(office):
    assert names(office, "KH-2026-0004")[0] == "Acme Trading Ltd"
    assert names(office, "kh-2026-0004") == ["Acme Trading Ltd"]
    assert names(office, "ＫＨ－２０２６－０００４") == ["Acme Trading Ltd"]  # full-width
    assert set(names(office, "2026-000")) == set(office.ids)


def test_exact_archive_number_ranks_first(archive):
    with archive.write() as c:
        other = add_customer(c, "某公司", archive_no="A-100")
        exact = add_customer(c, "另一家公司", archive_no="A-10")
        named = add_customer(c, "A-10 Traders", archive_no="X-1")
        search.index_many(c, [other, exact, named])
    found = search.search(archive.conn, "a-10")
    assert found[0] == exact
    assert set(found) == {other, exact, named}


def test_exact_name_ranks_above_longer_names_containing_it(archive):
    with archive.write() as c:
        longer = [add_customer(c, n) for n in ("宏达科技有限公司", "北京宏达科技", "宏达科技")]
        search.index_many(c, longer)
    found = search.search(archive.conn, "宏达科技")
    assert found[0] == longer[2]  # exact
    assert found[1] == longer[0]  # starts with it
    assert found[2] == longer[1]  # contains it


def test_name_prefix_ranks_before_other_hits(archive):
    with archive.write() as c:
        ids = [
            add_customer(c, "华信贸易", address="上海市宏图路"),  # in the address only
            add_customer(c, "上海宏图物流"),  # contains it
            add_customer(c, "宏图电子有限公司"),  # starts with it
        ]
        search.index_many(c, ids)
    assert search.search(archive.conn, "宏图")[:2] == [ids[2], ids[1]]
    assert search.search(archive.conn, "宏图")[2:] == []  # 2 characters: names, contacts, tags only
    assert search.search(archive.conn, "上海市宏图") == [ids[0]]


def test_several_terms_must_all_match(office):
    assert names(office, "北京 科技") == ["北京科技有限公司"]
    assert names(office, "张三 丰") == ["张三丰"]
    assert set(names(office, "张 三")) == {"张三", "张三丰", "上海张三贸易"}
    assert names(office, "北京 lisi") == ["北京科技有限公司"]  # short and long terms
    assert names(office, "acme hong kong") == ["Acme Trading Ltd"]  # name and address
    assert names(office, "北京 acme") == []
    assert names(office, "张三 vip") == []


def test_tags_and_contacts_are_searched(office):
    assert names(office, "重点") == ["北京科技有限公司"]
    assert names(office, "vip") == ["Acme Trading Ltd"]
    assert names(office, "李四") == ["北京科技有限公司"]
    assert names(office, "john smith") == ["Acme Trading Ltd"]
    assert names(office, "lisi@bjkj") == ["北京科技有限公司"]  # e-mail


@pytest.mark.parametrize("query", ["", "   ", "\t\n", "\x00"])
def test_an_empty_query_finds_nothing(office, query):
    assert search.search(office.conn, query) == []


@pytest.mark.parametrize(
    "query",
    [
        '"',
        '""',
        "'",
        "*",
        "-",
        "+",
        "^",
        ":",
        "AND",
        "OR",
        "NOT",
        "NEAR(",
        "NEAR(a b)",
        "a OR b",
        '"北京" OR "上海"',
        "name:北京",
        "{name}:acme",
        "(",
        ")",
        "()",
        "acme*",
        "-acme",
        "a:b",
        "北京\x00科技",
        "\ud800",
        "\\",
        "%",
        "_",
        "a' OR '1'='1",
        "'; DROP TABLE customers; --",
        "x" * 5000,
        "北京" * 300,
        'NEAR("a" "b", 2)',
        "^acme",
        "*acme*",
    ],
)
def test_hostile_fts_syntax_is_searched_as_text_and_never_raises(office, query):
    result = search.search(office.conn, query)
    assert isinstance(result, list)
    assert office.query("SELECT count(*) FROM customers")[0][0] == len(office.ids)


def test_fts_syntax_words_are_plain_text(archive):
    with archive.write() as c:
        ids = [add_customer(c, "SAND AND ORE"), add_customer(c, 'Near(by) Shop "Q"')]
        search.index_many(c, ids)
    assert search.search(archive.conn, "AND") == [ids[0]]
    assert search.search(archive.conn, "near(") == [ids[1]]
    assert search.search(archive.conn, '"q"') == [ids[1]]


def test_update_and_reindex_forgets_the_old_name(office_rw):
    cid = office_rw.ids["张三丰"]
    with office_rw.write() as c:
        c.execute("UPDATE customers SET name = '李白酒业' WHERE id = ?", (cid,))
        search.index_customer(c, cid)
    assert cid not in search.search(office_rw.conn, "张三丰")
    assert cid not in search.search(office_rw.conn, "丰")
    assert cid not in search.search(office_rw.conn, "zsf")
    assert search.search(office_rw.conn, "李白酒业") == [cid]
    assert search.search(office_rw.conn, "libai") == [cid]
    assert cid in search.search(office_rw.conn, "酒")


def test_contact_changes_are_picked_up_on_reindex(office_rw):
    cid = office_rw.ids["张三丰"]
    with office_rw.write() as c:
        c.execute(
            "INSERT INTO contacts(customer_id, name, mobile) VALUES (?, '赵六', '186 0000 1111')",
            (cid,),
        )
        search.index_customer(c, cid)
    assert search.search(office_rw.conn, "赵六") == [cid]
    assert search.search(office_rw.conn, "18600001111") == [cid]


def test_remove_customer(office_rw):
    cid = office_rw.ids["Acme Trading Ltd"]
    with office_rw.write() as c:
        search.remove_customer(c, cid)
    for query in ("acme", "ac", "KH-2026-0004", "13812345678", "vip"):
        assert cid not in search.search(office_rw.conn, query)


def test_index_customer_of_a_deleted_customer_removes_it(office_rw):
    cid = office_rw.ids["张三"]
    with office_rw.write() as c:
        c.execute("DELETE FROM customers WHERE id = ?", (cid,))
        search.index_customer(c, cid)
    assert cid not in search.search(office_rw.conn, "张三")


def test_rebuild_gives_the_same_answers(office_rw):
    queries = ["张三", "bj", "beijing", "8888", "acme", "KH-2026-0002", "北京 lisi", "丰"]
    before = {q: search.search(office_rw.conn, q) for q in queries}
    with office_rw.write() as c:
        assert search.rebuild(c) == len(office_rw.ids)
    assert {q: search.search(office_rw.conn, q) for q in queries} == before


def test_allowed_ids_sql_limits_what_is_found(office):
    allowed = f"SELECT id FROM customers WHERE id != {office.ids['张三']}"
    found = names(office, "张三", allowed_ids_sql=allowed)
    assert set(found) == {"张三丰", "上海张三贸易"}
    assert names(office, "KH-2026-0005", allowed_ids_sql=allowed) == []
    assert names(office, "张三 shanghai", allowed_ids_sql=allowed) == ["上海张三贸易"]
    assert names(office, "zhangsan", allowed_ids_sql=allowed) == ["张三丰", "上海张三贸易"]
    assert "北京科技有限公司" in names(office, "beijing", allowed_ids_sql=allowed)


def test_index_many_reports_progress_and_counts_only_existing_customers(archive):
    with archive.write() as c:
        ids = [add_customer(c, f"客户{i}") for i in range(7)]
        seen = []
        assert search.index_many(c, [*ids, 999_999], batch_size=3, progress=seen.append) == 7
    assert seen == [3, 6, 7]
    assert len(search.search(archive.conn, "客户")) == 7


def test_very_long_names(archive):
    long_name = "北京" + "超长名称" * 100 + "有限公司"
    with archive.write() as c:
        cid = add_customer(c, long_name)
        other = add_customer(c, long_name[:150])
        search.index_many(c, [cid, other])
    assert search.search(archive.conn, long_name[:150]) == [other, cid]  # exact, then prefix
    assert search.search(archive.conn, long_name)[0] == cid  # the query is cut, still found
    assert search.search(archive.conn, "有限公司") == [cid]


def test_limit(office):
    assert len(search.search(office.conn, "kh-2026", limit=2)) == 2
    assert search.search(office.conn, "kh-2026", limit=0) == []


def test_many_customers_sharing_a_very_common_character(archive):
    """公 in every name: the gram look-up stops at ``limit``; names starting with it come first."""
    with archive.write() as c:
        ids = [add_customer(c, f"测试{i}有限公司") for i in range(300)]
        first = add_customer(c, "公平贸易")
        search.index_many(c, [*ids, first], batch_size=64)
    found = search.search(archive.conn, "公", limit=50)
    assert len(found) == 50
    assert found[0] == first
    assert len(search.search(archive.conn, "公司")) == 300
    assert len(search.search(archive.conn, "有限公司")) == 300
    assert len(search.search(archive.conn, "公 测试")) == 300


# ----------------------------------------------------------------------------- one order
# The customers reached by 华信达 in every way it can be typed, each with the band a user
# expects it in (module docstring of storage/search.py, Order), added in a card order that
# differs from the bands, from name length and from pinyin order.
HUAXINDA = [
    ("深圳华信达", "contains"),
    ("王五商行", "other", "华信达"),  # found by its contact's name only
    ("华信达科技有限公司", "starts"),
    ("上海华信达贸易有限公司", "contains"),
    ("华信达", "exact"),
    ("阿华信达电子", "contains"),
    ("华信达电子", "starts"),
]
BANDS = ("exact", "starts", "contains", "other")


@pytest.fixture(scope="module")
def huaxinda(tmp_path_factory):
    """An archive of HUAXINDA; ``archive.band[id]`` is the band a customer belongs in."""
    a = Archive.create(tmp_path_factory.mktemp("order") / "a.carc", "some passphrase")
    a.band = {}
    with a.write() as c:
        for name, band, *contact in HUAXINDA:
            a.band[add_customer(c, name, contacts=contact)] = band
        search.index_many(c, a.band)
    yield a
    a.close()


def in_bands(band: dict[int, str], ids) -> list[int]:
    """``ids`` in the order the search promises: by band, then in card order."""
    return sorted(ids, key=lambda cid: (BANDS.index(band[cid]), cid))


@pytest.mark.parametrize("query", ["huaxinda", "hxd", "HuaXinDa", "ＨＸＤ"])
def test_chinese_pinyin_and_initials_give_the_same_customers_in_the_same_order(huaxinda, query):
    found = search.search(huaxinda.conn, query)
    assert set(found) == set(huaxinda.band)
    assert found == search.search(huaxinda.conn, "华信达")


@pytest.mark.parametrize("query", ["华信达", "huaxinda", "hxd"])
def test_exact_name_then_starts_with_then_contains_then_other_fields(huaxinda, query):
    found = search.search(huaxinda.conn, query)
    assert found == in_bands(huaxinda.band, found)
    assert [huaxinda.band[i] for i in found][:1] == ["exact"]
    assert huaxinda.band[found[-1]] == "other"  # the contact's name comes last


def test_two_letter_initials_put_the_two_character_name_first(archive):
    with archive.write() as c:
        longer = add_customer(c, "张三丰")
        same = add_customer(c, "张三")
        search.index_many(c, [longer, same])
    assert search.search(archive.conn, "张三") == [same, longer]
    assert search.search(archive.conn, "zs") == [same, longer]
    assert search.search(archive.conn, "zhangsan") == [same, longer]


def test_english_digits_and_archive_numbers_follow_the_same_bands(archive):
    with archive.write() as c:
        ids = {
            add_customer(c, "Bright Star Co", phone="021-12348888"): "contains",
            add_customer(c, "Blue Ocean Ltd", address="1 Star Road"): "other",
            add_customer(c, "Star Trading Ltd", phone="010-43218888"): "starts",
            add_customer(c, "Star", contacts=[{"name": "Li", "mobile": "13988881234"}]): "exact",
            add_customer(c, "Pioneer Foods", contacts=["Star Lee"]): "other",
        }
        search.index_many(c, ids)
    conn = archive.conn
    assert search.search(conn, "star") == in_bands(ids, ids)
    # 8888 is in three phone numbers: another field each, so in card order
    by_phone = search.search(conn, "8888")
    assert len(by_phone) == 3 and by_phone == sorted(by_phone)
    numbers = dict(conn.execute("SELECT id, archive_no FROM customers"))
    last = max(ids)
    found = search.search(conn, numbers[last][:-1])  # KH-2026-000…: the others' numbers hold it
    assert found == sorted(found)
    exact = search.search(conn, numbers[min(ids)])
    assert exact[0] == min(ids)


def test_a_salesperson_gets_the_same_order_among_his_own_customers(tmp_path):
    from desktop.services.accounts import AccountService
    from desktop.services.customers import CustomerService
    from unit_support import add_salesperson

    archive = Archive.create(tmp_path / "a.carc", "some passphrase")
    try:
        accounts = AccountService(archive)
        admin = accounts.ensure_first_admin("boss")
        add_salesperson(accounts, admin, "a good password 1")
        boss = CustomerService(archive, "boss")
        band, others = {}, []
        for name, kind, *contact in HUAXINDA:
            contacts = [{"name": contact[0]}] if contact else []
            band[boss.add({"name": name, "responsible": "sun"}, contacts)] = kind
            others.append(boss.add({"name": name + "分公司", "responsible": "boss"}))
        private = boss.add(
            {
                "name": "王小明",
                "customer_type": "individual",
                "address": "华信达大厦",  # a sensitive value of someone else's customer
                "responsible": "boss",
            }
        )
        sun = CustomerService(archive, accounts.login("sun", "a good password 1"))
        for query in ("华信达", "huaxinda", "hxd"):
            found = sun.search(query)
            assert found == in_bands(band, band)
            assert private not in found and not set(others) & set(found)
    finally:
        archive.close()


# ----------------------------------------------------------------------------- the property
ALPHABET = "北京上海张三科技有限公司李四王五丰ab AZＡ１12-"
text = st.text(alphabet=ALPHABET, min_size=1, max_size=10).filter(lambda s: s.strip())
contact = st.fixed_dictionaries(
    {
        "name": text,
        # at most 11 digits: no "+86" number, whose national form is indexed too
        "mobile": st.one_of(st.none(), st.text(alphabet="0123456789 -", min_size=3, max_size=11)),
    }
)
customer = st.fixed_dictionaries(
    {
        "name": text,
        "tags": st.lists(
            st.text(alphabet=ALPHABET.replace(" ", ""), min_size=1, max_size=4), max_size=2
        ),
        "address": st.one_of(st.none(), text),
        "contacts": st.lists(contact, max_size=2),
    }
)


def _brute_force(customers: dict[int, dict], query: str) -> set[int]:
    """What search must return, by scanning every customer in Python."""
    terms = [normalise_for_search(t) for t in search.clean_query(query).split()]
    terms = [t for t in terms if t]
    digits = search._phone_query(search.clean_query(query))
    found = set()
    for cid, c in customers.items():
        name = normalise_for_search(c["name"])
        initials = pinyin_keys(c["name"])[1]
        contact_names = [normalise_for_search(x["name"]) for x in c["contacts"]]
        tags = [normalise_for_search(t) for t in c["tags"]]
        phones = [phone_digits(x["mobile"]) for x in c["contacts"] if x["mobile"]]
        short_fields = [name, initials, *contact_names, *tags]
        long_fields = [
            *short_fields,
            normalise_for_search(c["archive_no"]),
            normalise_for_search(c["address"] or ""),
            *phones,
            *(pinyin_keys(x)[0] for x in [c["name"], *(x["name"] for x in c["contacts"])]),
            *(pinyin_keys(x["name"])[1] for x in c["contacts"]),
        ]
        if all(any(t in f for f in (short_fields if len(t) <= 2 else long_fields)) for t in terms):
            found.add(cid)
        elif digits and any(digits in p for p in phones):
            found.add(cid)
    return found


@pytest.fixture(scope="module")
def shared_archive(tmp_path_factory):
    a = Archive.create(tmp_path_factory.mktemp("prop") / "p.carc", "some passphrase")
    yield a
    a.close()


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(customers=st.lists(customer, min_size=1, max_size=6), data=st.data())
def test_any_piece_of_a_name_finds_the_customer(shared_archive, customers, data):
    a = shared_archive
    stored: dict[int, dict] = {}
    with a.write() as c:
        c.execute("DELETE FROM customers")
        for cust in customers:
            cid = add_customer(
                c,
                cust["name"],
                address=cust["address"],
                tags=",".join(cust["tags"]),
                contacts=cust["contacts"],
            )
            stored[cid] = {**cust, "archive_no": f"KH-2026-{cid:04d}"}
        with_deleted = [*stored, max(stored) + 1000]
        c.execute("DELETE FROM customer_fts")
        c.execute("DELETE FROM customer_grams")
        search.index_many(c, with_deleted, batch_size=4)
    target = data.draw(st.sampled_from(sorted(stored)))
    name = stored[target]["name"]
    i = data.draw(st.integers(0, len(name) - 1))
    j = data.draw(st.integers(i + 1, len(name)))
    query = name[i:j]
    if not query.strip():
        return
    found = search.search(a.conn, query, limit=10_000)
    assert target in found, (query, name)
    assert len(found) == len(set(found))
    assert set(found) == _brute_force(stored, query), query
    exact = {
        cid
        for cid, c in stored.items()
        if normalise_for_search(c["name"]) == normalise_for_search(query)
    }
    if exact:
        assert set(found[: len(exact)]) == exact  # the exact name first
