"""The customer card: enums, labels, dataclasses and the field registry."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from desktop.domain import customer as c
from desktop.domain.customer import (
    BLOCKS,
    CONTACT_FIELDS,
    FIELD_BY_NAME,
    FIELDS,
    Contact,
    Customer,
    CustomerType,
    FollowUpKind,
    Source,
    Status,
    Tier,
    Transaction,
    changed_fields,
    enum_label,
    find_field,
)


def test_enum_values_are_the_stable_strings_of_the_brief():
    assert [s.value for s in Status] == ["prospect", "followed_up", "cooperating", "lost"]
    assert [t.value for t in Tier] == ["A", "B", "C"]
    assert [t.value for t in CustomerType] == [
        "government",
        "special_partner",
        "ordinary_company",
        "individual",
        "partner",
    ]
    assert [s.value for s in Source] == ["field_visit", "media", "trade_show", "referral", "other"]
    assert [k.value for k in FollowUpKind] == ["visit", "call", "mail", "note"]
    # StrEnum: a member is its value, so it goes into JSON and SQL as it is
    assert Status.LOST == "lost"


def test_every_enum_value_has_an_english_and_a_chinese_label():
    for enum_cls, labels in c.ENUM_LABELS.items():
        assert set(labels) == set(enum_cls), enum_cls
        for en, zh in labels.values():
            assert en and en.isascii()
            assert zh and not zh.isascii()


def test_labels_use_the_chinese_terms_of_the_domain():
    assert c.STATUS_LABELS[Status.PROSPECT][1] == "潜在客户"
    assert c.STATUS_LABELS[Status.FOLLOWED_UP][1] == "已跟进未合作客户"
    assert c.STATUS_LABELS[Status.COOPERATING][1] == "已合作客户"
    assert c.STATUS_LABELS[Status.LOST][1] == "流失客户"
    assert c.TIER_LABELS == {
        Tier.A: ("Key account", "主力客户"),
        Tier.B: ("Ordinary customer", "一般客户"),
        Tier.C: ("Occasional customer", "零散客户"),
    }
    assert c.CUSTOMER_TYPE_LABELS[CustomerType.GOVERNMENT][1] == "政府机构"
    assert c.CUSTOMER_TYPE_LABELS[CustomerType.SPECIAL_PARTNER][1] == "特殊公司"
    assert c.SOURCE_LABELS[Source.REFERRAL][1] == "老客户介绍"
    assert c.SOURCE_LABELS[Source.TRADE_SHOW][1] == "展会"
    assert enum_label(Tier.A, "zh_CN") == "主力客户"
    assert enum_label(Source.FIELD_VISIT) == "Field visit"


def test_registry_covers_every_card_field_exactly_once():
    card = {f.name for f in dataclasses.fields(Customer)} - {"id", "version", "contacts"}
    names = [spec.name for spec in FIELDS]
    assert len(names) == len(set(names))
    assert set(names) == card
    assert set(FIELD_BY_NAME) == card


def test_registry_blocks_kinds_and_labels_are_well_formed():
    kinds = {
        "text",
        "longtext",
        "date",
        "int",
        "money",
        "phone",
        "email",
        "credit_code",
        "enum",
        "tags",
        "url",
        "bool",
    }
    for spec in FIELDS:
        assert spec.block in BLOCKS, spec
        assert spec.kind in kinds, spec
        assert (spec.kind == "enum") == (spec.enum is not None), spec
        assert spec.label_en and spec.label_zh
    # labels are used as spreadsheet headers: they must be unique in both languages
    assert len({s.label_en.casefold() for s in FIELDS}) == len(FIELDS)
    assert len({s.label_zh for s in FIELDS}) == len(FIELDS)
    # the blocks follow the card order of docs/domain.md, The customer card
    blocks = [s.block for s in FIELDS]
    assert blocks == sorted(blocks, key=BLOCKS.index)


@pytest.mark.parametrize(
    "name,zh,kind",
    [
        ("name", "企业名称", "text"),
        ("address", "地址", "text"),
        ("postcode", "邮编", "text"),
        ("legal_rep", "法人代表", "text"),
        ("founded", "成立时间", "date"),
        ("credit_code", "统一社会信用代码", "credit_code"),
        ("phone", "电话", "phone"),
        ("fax", "传真", "phone"),
        ("email", "邮箱", "email"),
        ("revenue", "营业额", "money"),
        ("employees", "员工人数", "int"),
        ("dm_birthday", "决策者生日", "date"),
        ("churn_reason", "流失原因", "longtext"),
        ("contract_no", "合同编号", "text"),
        ("source", "信息来源", "enum"),
        ("tags", "标签", "tags"),
        ("status", "客户状态", "enum"),
        ("tier", "客户等级", "enum"),
        ("website", "网址", "url"),
    ],
)
def test_field_labels_and_kinds(name, zh, kind):
    spec = FIELD_BY_NAME[name]
    assert spec.label_zh == zh
    assert spec.kind == kind
    assert spec.label("zh") == zh


def test_only_the_name_is_required():
    assert [s.name for s in FIELDS if s.required] == ["name"]


def test_find_field_maps_spreadsheet_headers_in_both_languages():
    assert find_field("企业名称").name == "name"
    assert find_field(" Company  name ").name == "name"
    assert find_field("CREDIT_CODE").name == "credit_code"
    assert find_field("统一社会信用代码").name == "credit_code"
    assert find_field("手机", CONTACT_FIELDS).name == "mobile"
    assert find_field("no such column") is None


def test_a_new_customer_has_sensible_defaults():
    customer = Customer(name="北京星辰科技有限公司")
    assert customer.status is Status.PROSPECT
    assert customer.tier is Tier.C and customer.tier_manual is False
    assert customer.tags == [] and customer.contacts == []
    assert customer.id is None and customer.version == 0
    # mutable defaults are not shared between instances
    other = Customer(name="上海")
    customer.tags.append("重点")
    assert other.tags == []


def test_values_and_with_values_round_trip():
    customer = Customer(name="北京星辰科技有限公司", phone="+861012345678")
    values = customer.values()
    assert list(values) == [s.name for s in FIELDS]
    assert values["phone"] == "+861012345678"
    updated = customer.with_values(
        {"tier": Tier.A, "tier_manual": True, "revenue": Decimal("12000.00")}
    )
    assert updated.tier is Tier.A and updated.revenue == Decimal("12000")
    assert customer.tier is Tier.C  # the original is not changed
    with pytest.raises(KeyError):
        customer.with_values({"id": 5})


def test_changed_fields_lists_the_fields_that_differ_in_card_order():
    old = Customer(name="星辰科技", phone="+861012345678", region="华北")
    new = dataclasses.replace(old, region="华东", name="星辰科技有限公司", version=3)
    assert changed_fields(old, new) == ["name", "region"]
    assert changed_fields(old, old) == []


def test_primary_contact():
    zhang = Contact(name="张三", title="采购经理")
    li = Contact(name="李四", is_primary=True)
    assert Customer(name="x", contacts=[zhang, li]).primary_contact() is li
    assert Customer(name="x", contacts=[zhang]).primary_contact() is zhang
    assert Customer(name="x").primary_contact() is None


def test_transaction_amount_is_decimal():
    t = Transaction(date=dt.date(2026, 3, 5), amount=Decimal("1234.50"), contract_no="HT-2026-001")
    assert isinstance(t.amount, Decimal)
    assert Transaction(date=dt.date(2026, 3, 5)).amount == 0
