"""Customer cards through the service and the command line, with Chinese data."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from desktop import errors
from desktop.domain.archive_number import PatternError
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive


@pytest.fixture
def svc(archive_path, passphrase):
    archive = Archive.create(archive_path, passphrase)
    yield CustomerService(archive, "wangfang")
    archive.close()


def test_add_gives_a_numbered_card_with_normalised_fields(svc):
    year = dt.date.today().year
    cid = svc.add(
        {
            "name": " 北京华信科技有限公司 ",
            "phone": "０１０－６２３４５６７８",
            "email": "Info@HuaXin.cn",
            "region": "华北",
            "tags": "重点, 老客户",
        },
        [{"name": "张伟", "title": "采购经理", "mobile": "138 1234 5678"}],
    )
    card = svc.get(cid)
    v = card.values
    assert v["name"] == "北京华信科技有限公司"
    assert v["archive_no"] == f"KH-{year}-0001"
    assert v["phone"] == "+861062345678"  # full-width digits normalised, not rejected
    assert v["tags"] == ["重点", "老客户"]
    assert v["status"].value == "prospect" and v["tier"].value == "C"
    assert card.contacts[0]["name"] == "张伟" and card.contacts[0]["mobile"] == "+8613812345678"
    assert [h["new"] for h in card.status_history] == ["prospect"]


def test_archive_numbers_are_never_reused(svc):
    first = svc.add({"name": "甲公司"})
    second = svc.add({"name": "乙公司"})
    no2 = svc.get(second).values["archive_no"]
    svc.delete(second)
    third = svc.add({"name": "丙公司"})
    assert svc.get(third).values["archive_no"] not in (no2, svc.get(first).values["archive_no"])
    assert svc.get(third).values["archive_no"].endswith("0003")


def test_configurable_pattern(svc):
    svc.set_archive_no_pattern("SH{yy}-{seq:05}")
    cid = svc.add({"name": "上海张三贸易有限公司"})
    assert svc.get(cid).values["archive_no"] == f"SH{dt.date.today().year % 100:02}-00001"
    with pytest.raises(PatternError):
        svc.set_archive_no_pattern("{0.__class__}")


def test_invalid_fields_each_get_a_message_and_nothing_is_saved(svc):
    with pytest.raises(errors.ValidationError) as info:
        svc.add(
            {
                "name": "坏数据公司",
                "phone": "12",
                "email": "not-an-email",
                "credit_code": "91350100M000100Y44",
                "founded": "2026-13-45",
            }
        )
    fields = info.value.details["fields"]
    assert {"phone", "email", "credit_code", "founded"} <= set(fields)
    assert svc.find("坏数据") == []


def test_lost_needs_a_reason_and_history_keeps_who_when_why(svc):
    cid = svc.add({"name": "广州恒通物流有限公司"})
    svc.set_status(cid, "followed_up")
    svc.set_status(cid, "cooperating")
    with pytest.raises(errors.ValidationError):
        svc.set_status(cid, "lost")
    svc.set_status(cid, "lost", reason="价格因素，转向竞争对手")
    svc.set_status(cid, "cooperating", reason="重新合作")  # a lost customer can come back
    history = svc.get(cid).status_history
    assert [(h["old"], h["new"]) for h in history] == [
        (None, "prospect"),
        ("prospect", "followed_up"),
        ("followed_up", "cooperating"),
        ("cooperating", "lost"),
        ("lost", "cooperating"),
    ]
    assert history[3]["reason"] == "价格因素，转向竞争对手" and history[3]["by_user"] == "wangfang"


def test_optimistic_locking_detects_a_second_save(svc):
    cid = svc.add({"name": "深圳博远电子有限公司"})
    version = svc.get(cid).version
    svc.edit(cid, {"phone": "0755-12345678"}, version=version)
    with pytest.raises(errors.ConflictError):
        svc.edit(cid, {"email": "a@b.cn"}, version=version)  # started from the old version
    assert svc.get(cid).values["email"] is None


def test_abc_tiers_leave_hand_set_tiers_alone(svc):
    today = dt.date.today()
    big, mid, small, manual = (
        svc.add({"name": n}) for n in ("大客户", "中客户", "小客户", "手动客户")
    )
    # 850 000 of 1 000 000 makes the first 80 % (A), the next 10 % reach 95 % (B), the rest C.
    for cid, amount in ((big, "850000"), (mid, "100000"), (small, "50000")):
        svc.add_transaction(cid, today - dt.timedelta(days=10), amount, mode="直销")
    svc.set_tier(manual, "A", reason="战略客户")
    changed = svc.compute_tiers(today)
    tiers = {cid: svc.get(cid).values["tier"].value for cid in (big, mid, small, manual)}
    assert tiers == {big: "A", mid: "B", small: "C", manual: "A"}
    assert manual not in changed
    assert svc.get(big).tier_history[-1]["manual"] == 0


def test_transactions_follow_ups_and_attachments(svc, tmp_path):
    cid = svc.add({"name": "杭州瑞丰食品有限公司"})
    svc.add_transaction(
        cid,
        "2026年3月5日",
        "1.2万",
        mode="经销",
        payment_method="银行转账",
        contract_no="HT-2026-00017",
    )
    svc.add_follow_up(cid, "2026/3/6", "visit", "上门拜访，介绍新产品")
    aid = svc.add_attachment(cid, "营业执照.pdf", b"%PDF-1.4 scan")
    card = svc.get(cid)
    assert (
        card.transactions[0]["amount"] == "12000"
        or Decimal(card.transactions[0]["amount"]) == 12000
    )
    assert card.follow_ups[0]["summary"] == "上门拜访，介绍新产品"
    assert svc.attachment_data(aid) == ("营业执照.pdf", b"%PDF-1.4 scan")
    svc.archive.set_setting("attachment_limit", "10")
    with pytest.raises(errors.ValidationError, match="at most"):
        svc.add_attachment(cid, "big.bin", b"x" * 11)


def test_duplicates_by_credit_code_phone_and_similar_name(svc):
    cid = svc.add(
        {
            "name": "北京华信科技有限公司",
            "phone": "010-62345678",
            "credit_code": "91350100M000100Y43",
        }
    )
    by_code = svc.duplicates({"name": "别的名字", "credit_code": "91350100M000100Y43"})
    by_phone = svc.duplicates({"name": "另一家", "phone": "(010)62345678"})
    by_name = svc.duplicates({"name": "北京华信科技有限责任公司"})
    assert [d.id for d in by_code] == [cid] and by_code[0].reason == "credit_code"
    assert [d.id for d in by_phone] == [cid]
    assert [d.id for d in by_name] == [cid] and by_name[0].reason == "name"
    assert svc.duplicates({"name": "上海完全不同贸易有限公司"}) == []


def test_a_duplicate_is_found_among_many_names_that_hold_the_same_words(svc):
    # 120 cards whose names hold 华信科技 before the one that is the same company: the check
    # looks at a bounded number of candidates, and the exact name is never crowded out
    for i in range(120):
        svc.add({"name": f"华信科技{i:03d}号分店"})
    same = svc.add({"name": "华信科技有限公司"})
    found = svc.duplicates({"name": "华信科技有限责任公司"})
    assert same in [d.id for d in found] and found[0].id == same


def test_a_duplicate_is_found_by_a_contact_s_mobile_written_another_way(svc):
    cid = svc.add({"name": "成都天府软件有限公司"}, [{"name": "李军", "mobile": "13900001111"}])
    svc.add({"name": "重庆山城物流有限公司"}, [{"name": "王芳", "mobile": "13900002222"}])
    found = svc.duplicates({"name": "另一家公司", "phone": "139 0000 1111"})
    assert [(d.id, d.reason) for d in found] == [(cid, "phone")]


def test_merge_keeps_everything_of_both(svc):
    a = svc.add(
        {"name": "南京长城机械有限公司", "phone": "025-88886666"},
        [{"name": "李军", "mobile": "13900001111"}],
    )
    b = svc.add(
        {"name": "南京长城机械公司", "email": "sales@cc.cn"},
        [{"name": "王芳", "mobile": "13900002222"}],
    )
    svc.add_transaction(b, "2026-01-02", "5000")
    svc.add_follow_up(b, "2026-01-03", "call", "电话沟通")
    svc.add_attachment(b, "合同.pdf", b"data")
    svc.merge(a, b, reason="重复录入")
    card = svc.get(a)
    assert {c["name"] for c in card.contacts} == {"李军", "王芳"}
    assert card.values["email"] == "sales@cc.cn" and card.values["phone"] == "+862588886666"
    assert len(card.transactions) == 1 and len(card.follow_ups) == 1 and len(card.attachments) == 1
    assert len(card.status_history) == 2
    with pytest.raises(errors.NotFound):
        svc.get(b)
    assert svc.find("长城机械") == [a]


def test_list_filters_and_sorts_chinese_by_pinyin(svc):
    for name, region, status in (
        ("上海甲公司", "华东", "prospect"),
        ("北京乙公司", "华北", "prospect"),
        ("Acme Trading Ltd", "华东", "followed_up"),
        ("重庆丙公司", "西南", "prospect"),
    ):
        svc.add({"name": name, "region": region, "status": status})
    names = lambda ids: [svc.get(i).values["name"] for i in ids]  # noqa: E731
    assert names(svc.find()) == ["Acme Trading Ltd", "北京乙公司", "重庆丙公司", "上海甲公司"]
    from desktop.storage.customers import Filter

    assert names(svc.find(flt=Filter(regions=["华东"]))) == ["Acme Trading Ltd", "上海甲公司"]
    assert names(svc.find(flt=Filter(statuses=["followed_up"]))) == ["Acme Trading Ltd"]
    assert names(svc.find(sort="name", descending=True))[0] == "上海甲公司"


# ---------------------------------------------------------------------- command line
def test_cli_add_edit_show_search_list(cli, made_archive, passphrase):
    base = ["-a", made_archive, "--passphrase-stdin"]
    r = cli.run(
        [
            *base,
            "customers",
            "add",
            "--name",
            "成都天成软件有限公司",
            "--set",
            "region=西南",
            "--set",
            "phone=028-85551234",
            "--contact",
            "name=赵磊,title=技术总监,mobile=13512345678",
        ],
        stdin=passphrase + "\n",
    )
    assert r.code == 0, r.err
    cid = int(r.out.strip())
    r = cli.run(
        [
            "customers",
            "edit",
            str(cid),
            "--set",
            "tier=A",
            "--set",
            "industry=信息技术",
            *base,
            "--json",
        ],
        stdin=passphrase + "\n",
    )
    assert r.code == 0, r.err
    card = r.json()
    assert (
        card["tier"] == "A"
        and card["industry"] == "信息技术"
        and card["name"] == "成都天成软件有限公司"
    )
    assert card["contacts"][0]["name"] == "赵磊"
    for query in ("cdtc", "chengdu", "天成", "8555"):
        r = cli.run([*base, "--json", "customers", "search", query], stdin=passphrase + "\n")
        assert [c["id"] for c in r.json()] == [cid], query
    r = cli.run([*base, "--json", "customers", "list", "--tier", "A"], stdin=passphrase + "\n")
    assert r.json()["total"] == 1
    r = cli.run([*base, "customers", "show", card["archive_no"]], stdin=passphrase + "\n")
    assert "成都天成软件有限公司" in r.out and "赵磊" in r.out


def test_cli_bad_field_is_one_clear_line(cli, made_archive, passphrase):
    r = cli.run(
        [
            "-a",
            made_archive,
            "--passphrase-stdin",
            "customers",
            "add",
            "--name",
            "某公司",
            "--set",
            "email=nope",
            "--set",
            "colour=red",
        ],
        stdin=passphrase + "\n",
    )
    line = r.assert_one_line_error()
    assert r.code == errors.ValidationError.exit_status
    assert "email" in line and "colour" in line


def test_cli_refuses_a_likely_duplicate_unless_asked(cli, made_archive, passphrase):
    base = ["-a", made_archive, "--passphrase-stdin", "customers", "add"]
    assert cli.run([*base, "--name", "武汉宏达建设有限公司"], stdin=passphrase + "\n").code == 0
    r = cli.run([*base, "--name", "武汉宏达建设有限责任公司"], stdin=passphrase + "\n")
    assert "duplicate" in r.assert_one_line_error()
    assert (
        cli.run(
            [*base, "--name", "武汉宏达建设有限责任公司", "--allow-duplicate"],
            stdin=passphrase + "\n",
        ).code
        == 0
    )


def test_cli_demo_fills_realistic_data(cli, made_archive, passphrase):
    r = cli.run(
        ["-a", made_archive, "--passphrase-stdin", "demo", "--customers", "300", "--seed", "7"],
        stdin=passphrase + "\n",
    )
    assert r.code == 0, r.err
    r = cli.run(
        ["-a", made_archive, "--passphrase-stdin", "--json", "customers", "list"],
        stdin=passphrase + "\n",
    )
    data = r.json()
    assert data["total"] == 300
    statuses = {c["status"] for c in data["customers"]}
    tiers = {c["tier"] for c in data["customers"]}
    assert statuses == {"prospect", "followed_up", "cooperating", "lost"} and tiers == {
        "A",
        "B",
        "C",
    }
    assert any("有限公司" in c["name"] for c in data["customers"])


def test_sample_addresses_have_their_citys_postcode(tmp_path, passphrase):
    from desktop.services.demo import POSTCODE_PREFIX, fill_demo
    from desktop.storage.archive import Archive

    with Archive.create(tmp_path / "demo.carc", passphrase) as archive:
        fill_demo(archive, 200, seed=3)
        rows = archive.query("SELECT address, postcode FROM customers")
    assert len(rows) == 200
    for address, postcode in rows:
        city = next(c for c in POSTCODE_PREFIX if address.startswith(c))
        assert postcode.startswith(POSTCODE_PREFIX[city]) and len(postcode) == 6, (
            address,
            postcode,
        )
    beijing = [p for a, p in rows if a.startswith("北京")]
    assert beijing and all(p.startswith("100") for p in beijing)


def test_a_save_rewrites_the_search_rows_only_when_a_searched_field_changed(svc):
    # The search rows are rewritten inside the save's write lock, which everyone else on a
    # shared file waits for: a change of the employee count or the industry leaves them.
    cid = svc.add({"name": "杭州星辰贸易有限公司", "industry": "批发零售"})
    written: list[str] = []
    svc.archive.conn.set_trace_callback(
        lambda sql: (
            written.append(sql) if "customer_fts" in sql or "customer_grams" in sql else None
        )
    )
    try:
        svc.edit(cid, {"employees": 12, "industry": "软件"})
        untouched = list(written)
        svc.edit(cid, {"name": "杭州星晨软件有限公司"})
        renamed = list(written)
    finally:
        svc.archive.conn.set_trace_callback(None)
    assert untouched == []
    assert renamed != []
    assert svc.search("星晨软件") == [cid] and svc.search("xcrj") == [cid]
    assert svc.search("星辰贸易") == []
    assert svc.get(cid).values["employees"] == 12
