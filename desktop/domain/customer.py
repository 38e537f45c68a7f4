"""The customer card (客户基本资料卡; docs/domain.md, The customer card): enums, dataclasses and the field
registry.

Pure Python: no Qt, no SQL, no I/O. Field names are the English snake_case names used by the
CLI (``--set FIELD=VALUE``), JSON, Excel headers and PDF labels; ``FIELDS`` lists them once, in
card order, with their block, English and Chinese labels and kind (how a raw value is read, see
``desktop.domain.validation``).

Enum values are stable strings (``StrEnum``) so they can be stored and written to JSON as they
are; every enum value has an (English, Chinese) label pair in ``*_LABELS``.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field, fields as _dc_fields, replace
from decimal import Decimal
from enum import Enum, StrEnum
from typing import Any, Literal


# --------------------------------------------------------------------------------------------
# Enums and their labels
# --------------------------------------------------------------------------------------------


class Status(StrEnum):
    """Lifecycle status, by relationship history (docs/domain.md, Tiers and lifecycle). Rules in
    ``lifecycle``."""

    PROSPECT = "prospect"
    FOLLOWED_UP = "followed_up"
    COOPERATING = "cooperating"
    LOST = "lost"


class Tier(StrEnum):
    """A key account / B ordinary / C occasional, by transaction volume (docs/domain.md, Tiers and
    lifecycle)."""

    A = "A"
    B = "B"
    C = "C"


class CustomerType(StrEnum):
    GOVERNMENT = "government"
    SPECIAL_PARTNER = "special_partner"
    ORDINARY_COMPANY = "ordinary_company"
    INDIVIDUAL = "individual"
    PARTNER = "partner"


class Source(StrEnum):
    """Where the record came from (信息来源)."""

    FIELD_VISIT = "field_visit"
    MEDIA = "media"
    TRADE_SHOW = "trade_show"
    REFERRAL = "referral"
    OTHER = "other"


class FollowUpKind(StrEnum):
    """Kinds of entry in the follow-up log (回访记录)."""

    VISIT = "visit"
    CALL = "call"
    MAIL = "mail"
    NOTE = "note"


# (English label, Chinese label) for every value.
STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.PROSPECT: ("Prospect", "潜在客户"),
    Status.FOLLOWED_UP: ("Followed up, not yet cooperating", "已跟进未合作客户"),
    Status.COOPERATING: ("Cooperating", "已合作客户"),
    Status.LOST: ("Lost", "流失客户"),
}

TIER_LABELS: dict[Tier, tuple[str, str]] = {
    Tier.A: ("Key account", "主力客户"),
    Tier.B: ("Ordinary customer", "一般客户"),
    Tier.C: ("Occasional customer", "零散客户"),
}

CUSTOMER_TYPE_LABELS: dict[CustomerType, tuple[str, str]] = {
    CustomerType.GOVERNMENT: ("Government agency", "政府机构"),
    CustomerType.SPECIAL_PARTNER: ("Special partner", "特殊公司"),
    CustomerType.ORDINARY_COMPANY: ("Ordinary company", "普通公司"),
    CustomerType.INDIVIDUAL: ("Individual", "个人"),
    CustomerType.PARTNER: ("Partner", "合作伙伴"),
}

SOURCE_LABELS: dict[Source, tuple[str, str]] = {
    Source.FIELD_VISIT: ("Field visit", "实地拜访"),
    Source.MEDIA: ("Media", "媒体"),
    Source.TRADE_SHOW: ("Trade show", "展会"),
    Source.REFERRAL: ("Referral by a customer", "老客户介绍"),
    Source.OTHER: ("Other", "其他"),
}

FOLLOW_UP_KIND_LABELS: dict[FollowUpKind, tuple[str, str]] = {
    FollowUpKind.VISIT: ("Visit", "拜访"),
    FollowUpKind.CALL: ("Call", "电话"),
    FollowUpKind.MAIL: ("Mail", "邮件"),
    FollowUpKind.NOTE: ("Note", "备注"),
}

# Extra spellings a user may type or a spreadsheet may hold (matched case-insensitively, after
# the value, the enum name and both labels). Short Chinese forms and "A类" style tiers.
ENUM_ALIASES: dict[type[Enum], dict[str, Enum]] = {
    Status: {
        "潜在": Status.PROSPECT,
        "已跟进": Status.FOLLOWED_UP,
        "跟进中": Status.FOLLOWED_UP,
        "已跟进客户": Status.FOLLOWED_UP,
        "followed up": Status.FOLLOWED_UP,
        "已合作": Status.COOPERATING,
        "合作中": Status.COOPERATING,
        "流失": Status.LOST,
        "已流失": Status.LOST,
    },
    Tier: {
        **{f"{t.value}{suffix}": t for t in Tier for suffix in ("类", "级", "类客户", "级客户")},
        "主力": Tier.A,
        "一般": Tier.B,
        "零散": Tier.C,
    },
    CustomerType: {
        "政府": CustomerType.GOVERNMENT,
        "公司": CustomerType.ORDINARY_COMPANY,
        "company": CustomerType.ORDINARY_COMPANY,
    },
    Source: {
        "拜访": Source.FIELD_VISIT,
        "介绍": Source.REFERRAL,
    },
    FollowUpKind: {
        "电话回访": FollowUpKind.CALL,
        "上门拜访": FollowUpKind.VISIT,
        "走访": FollowUpKind.VISIT,
        "信函": FollowUpKind.MAIL,
        "email": FollowUpKind.MAIL,
        "e-mail": FollowUpKind.MAIL,
    },
}

ENUM_LABELS: dict[type[Enum], dict] = {
    Status: STATUS_LABELS,
    Tier: TIER_LABELS,
    CustomerType: CUSTOMER_TYPE_LABELS,
    Source: SOURCE_LABELS,
    FollowUpKind: FOLLOW_UP_KIND_LABELS,
}


def enum_label(value: Enum, lang: str = "en") -> str:
    """The label of an enum value: ``lang`` is "en" or "zh" (any "zh_*" locale works too)."""
    en, zh = ENUM_LABELS[type(value)][value]
    return zh if lang.lower().startswith("zh") else en


# --------------------------------------------------------------------------------------------
# Dataclasses
# --------------------------------------------------------------------------------------------


@dataclass
class Contact:
    """A contact person (联系人) of a customer; a customer has several, at most one primary."""

    name: str
    title: str | None = None
    phone: str | None = None
    mobile: str | None = None
    fax: str | None = None
    email: str | None = None
    is_primary: bool = False
    note: str | None = None
    id: int | None = None
    customer_id: int | None = None


@dataclass
class FollowUp:
    """One dated entry of the follow-up log (回访记录)."""

    date: _dt.date
    kind: FollowUpKind
    summary: str
    by_user: str
    id: int | None = None
    customer_id: int | None = None


@dataclass
class Transaction:
    """One transaction with us (与公司历史交易信息). ``amount`` is in yuan."""

    date: _dt.date
    mode: str | None = None
    amount: Decimal = Decimal("0")
    payment_method: str | None = None
    contract_no: str | None = None
    note: str | None = None
    id: int | None = None
    customer_id: int | None = None


@dataclass
class Customer:
    """The customer card. Unset optional fields are None (tags: empty list).

    ``id`` is None until stored; ``version`` is the optimistic-locking counter
    (docs/architecture.md, Sharing a file).
    ``tier_manual`` says the tier was set by hand and automatic ABC tiering leaves it alone.
    """

    # basic information 客户基本信息
    name: str
    archive_no: str | None = None
    address: str | None = None
    postcode: str | None = None
    owner: str | None = None
    legal_rep: str | None = None
    founded: _dt.date | None = None
    nature: str | None = None
    industry: str | None = None
    credit_code: str | None = None
    registered_capital: str | None = None
    business_scope: str | None = None
    website: str | None = None
    phone: str | None = None
    fax: str | None = None
    email: str | None = None
    customer_type: CustomerType | None = None
    # characteristics 客户特征资料
    revenue: Decimal | None = None
    employees: int | None = None
    purchasing_traits: str | None = None
    needs: str | None = None
    decision_maker: str | None = None
    dm_hobbies: str | None = None
    dm_preferences: str | None = None
    dm_birthday: _dt.date | None = None
    business_trend: str | None = None
    service_area: str | None = None
    growth_potential: str | None = None
    philosophy: str | None = None
    # transactions 客户交易资料
    competitor_coop: str | None = None
    coop_mode: str | None = None
    payment_method: str | None = None
    contract_no: str | None = None
    churn_reason: str | None = None
    credit_status: str | None = None
    results_notes: str | None = None
    # the office's bookkeeping
    source: Source | None = None
    responsible: str | None = None
    region: str | None = None
    tags: list[str] = field(default_factory=list)
    status: Status = Status.PROSPECT
    tier: Tier = Tier.C
    tier_manual: bool = False
    note: str | None = None
    # identity
    id: int | None = None
    version: int = 0
    contacts: list[Contact] = field(default_factory=list)

    def values(self) -> dict[str, object]:
        """The card's field values keyed by ``FIELDS`` names (no id, version or contacts)."""
        return {spec.name: getattr(self, spec.name) for spec in FIELDS}

    def with_values(self, values: dict[str, Any]) -> "Customer":
        """A copy with the given (already validated) field values applied."""
        unknown = set(values) - FIELD_BY_NAME.keys()
        if unknown:
            raise KeyError(f"Unknown customer field(s): {', '.join(sorted(unknown))}")
        return replace(self, **values)

    def primary_contact(self) -> Contact | None:
        """The contact marked primary, else the first contact, else None."""
        for contact in self.contacts:
            if contact.is_primary:
                return contact
        return self.contacts[0] if self.contacts else None


def changed_fields(old: Customer, new: Customer) -> list[str]:
    """Names of the card fields whose values differ, in ``FIELDS`` order (for change records and
    for showing two conflicting versions field by field)."""
    return [spec.name for spec in FIELDS if getattr(old, spec.name) != getattr(new, spec.name)]


# --------------------------------------------------------------------------------------------
# Field registry
# --------------------------------------------------------------------------------------------

Block = Literal["basic", "characteristics", "transactions", "bookkeeping"]
Kind = Literal[
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
]

BLOCKS: tuple[str, ...] = ("basic", "characteristics", "transactions", "bookkeeping")
BLOCK_LABELS: dict[str, tuple[str, str]] = {
    "basic": ("Basic information", "客户基本信息"),
    "characteristics": ("Characteristics", "客户特征资料"),
    "transactions": ("Trade details", "客户交易资料"),  # the records are "Transactions"
    "bookkeeping": ("Bookkeeping", "档案管理信息"),
    "contact": ("Contact", "联系人"),
    "follow_up": ("Follow-up", "回访记录"),
    "transaction": ("Transaction", "交易记录"),
}

# Length limits (characters) by kind; fields may override.
MAX_LENGTH: dict[str, int] = {"text": 200, "longtext": 10_000, "url": 500, "email": 254}


@dataclass(frozen=True)
class FieldSpec:
    """One field of a record: its code name, block, labels and kind.

    ``enum`` is the enum class of an "enum" field; ``required`` fields may not be blank;
    ``max_length`` limits text kinds (None: the kind's default in ``MAX_LENGTH``); ``signed``
    "int"/"money" fields accept negative values (a refund in the transaction list).
    """

    name: str
    block: str
    label_en: str
    label_zh: str
    kind: str
    enum: type[Enum] | None = None
    required: bool = False
    max_length: int | None = None
    signed: bool = False

    def label(self, lang: str = "en") -> str:
        return self.label_zh if lang.lower().startswith("zh") else self.label_en

    @property
    def limit(self) -> int | None:
        return self.max_length if self.max_length is not None else MAX_LENGTH.get(self.kind)


def _f(name: str, block: str, en: str, zh: str, kind: str = "text", **kw: object) -> FieldSpec:
    return FieldSpec(name, block, en, zh, kind, **kw)  # type: ignore[arg-type]


FIELDS: tuple[FieldSpec, ...] = (
    # 客户基本信息
    _f("name", "basic", "Company name", "企业名称", required=True),
    _f("archive_no", "basic", "Archive number", "档案编号", max_length=64),
    _f("address", "basic", "Address", "地址"),
    _f("postcode", "basic", "Postcode", "邮编", max_length=12),
    _f("owner", "basic", "Owner", "所有者"),
    _f("legal_rep", "basic", "Legal representative", "法人代表"),
    _f("founded", "basic", "Founded", "成立时间", "date"),
    _f("nature", "basic", "Company nature", "企业性质"),
    _f("industry", "basic", "Industry", "所属行业"),
    _f("credit_code", "basic", "Unified social credit code", "统一社会信用代码", "credit_code"),
    # Kept as text: licences state it in other currencies too ("100万美元").
    _f("registered_capital", "basic", "Registered capital", "注册资本"),
    _f("business_scope", "basic", "Business scope", "经营范围", "longtext"),
    _f("website", "basic", "Website", "网址", "url"),
    _f("phone", "basic", "Phone", "电话", "phone"),
    _f("fax", "basic", "Fax", "传真", "phone"),
    _f("email", "basic", "Email", "邮箱", "email"),
    _f("customer_type", "basic", "Customer type", "客户类型", "enum", enum=CustomerType),
    # 客户特征资料
    _f("revenue", "characteristics", "Revenue", "营业额", "money"),
    _f("employees", "characteristics", "Employees", "员工人数", "int"),
    _f(
        "purchasing_traits",
        "characteristics",
        "Purchasing-decision traits",
        "采购决策特征",
        "longtext",
    ),
    _f("needs", "characteristics", "Concrete needs", "具体需求", "longtext"),
    _f("decision_maker", "characteristics", "Decision maker", "决策者"),
    _f("dm_hobbies", "characteristics", "Decision maker's hobbies", "决策者爱好"),
    _f("dm_preferences", "characteristics", "Decision maker's preferences", "决策者偏好"),
    _f("dm_birthday", "characteristics", "Decision maker's birthday", "决策者生日", "date"),
    _f("business_trend", "characteristics", "Business trend", "业务发展趋势", "longtext"),
    _f("service_area", "characteristics", "Service area", "服务区域"),
    _f("growth_potential", "characteristics", "Growth potential", "发展潜力"),
    _f(
        "philosophy",
        "characteristics",
        "Business philosophy and policy",
        "经营观念与方针",
        "longtext",
    ),
    # 客户交易资料
    _f(
        "competitor_coop",
        "transactions",
        "Cooperation with competitors",
        "与竞争对手合作信息",
        "longtext",
    ),
    _f("coop_mode", "transactions", "Cooperation mode", "合作方式"),
    _f("payment_method", "transactions", "Payment method", "付款方式"),
    _f("contract_no", "transactions", "Contract number", "合同编号"),
    _f("churn_reason", "transactions", "Churn reason", "流失原因", "longtext"),
    _f("credit_status", "transactions", "Credit status", "信用状况"),
    _f(
        "results_notes",
        "transactions",
        "Yearly/quarterly results and finances",
        "年度、季度业绩和财务状况",
        "longtext",
    ),
    # the office's bookkeeping
    _f("source", "bookkeeping", "Source", "信息来源", "enum", enum=Source),
    _f("responsible", "bookkeeping", "Responsible salesperson", "负责人", max_length=64),
    _f("region", "bookkeeping", "Region", "区域", max_length=64),
    _f("tags", "bookkeeping", "Tags", "标签", "tags"),
    _f("status", "bookkeeping", "Status", "客户状态", "enum", enum=Status),
    _f("tier", "bookkeeping", "Tier", "客户等级", "enum", enum=Tier),
    _f("tier_manual", "bookkeeping", "Tier set by hand", "手动设定等级", "bool"),
    _f("note", "bookkeeping", "Note", "备注", "longtext"),
)

FIELD_BY_NAME: dict[str, FieldSpec] = {spec.name: spec for spec in FIELDS}

CONTACT_FIELDS: tuple[FieldSpec, ...] = (
    _f("name", "contact", "Name", "姓名", required=True, max_length=100),
    _f("title", "contact", "Title", "职务", max_length=100),
    _f("phone", "contact", "Phone", "电话", "phone"),
    _f("mobile", "contact", "Mobile", "手机", "phone"),
    _f("fax", "contact", "Fax", "传真", "phone"),
    _f("email", "contact", "Email", "邮箱", "email"),
    _f("is_primary", "contact", "Primary contact", "主要联系人", "bool"),
    _f("note", "contact", "Note", "备注", "longtext"),
)

FOLLOW_UP_FIELDS: tuple[FieldSpec, ...] = (
    _f("date", "follow_up", "Date", "日期", "date", required=True),
    _f("kind", "follow_up", "Kind", "方式", "enum", enum=FollowUpKind, required=True),
    _f("summary", "follow_up", "Summary", "内容", "longtext", required=True),
    _f("by_user", "follow_up", "By", "记录人", required=True, max_length=64),
)

TRANSACTION_FIELDS: tuple[FieldSpec, ...] = (
    _f("date", "transaction", "Date", "日期", "date", required=True),
    _f("mode", "transaction", "Cooperation mode", "合作方式"),
    _f("amount", "transaction", "Amount", "交易额", "money", required=True, signed=True),
    _f("payment_method", "transaction", "Payment method", "付款方式"),
    _f("contract_no", "transaction", "Contract number", "合同编号"),
    _f("note", "transaction", "Note", "备注", "longtext"),
)


def find_field(key: str, specs: tuple[FieldSpec, ...] = FIELDS) -> FieldSpec | None:
    """The field whose code name, English label or Chinese label is ``key`` (case-insensitive,
    surrounding spaces ignored): maps spreadsheet headers written in either language."""
    wanted = " ".join(str(key).split()).casefold()
    for spec in specs:
        if wanted in (spec.name.casefold(), spec.label_en.casefold(), spec.label_zh.casefold()):
            return spec
    return None


# The dataclasses and the registries must agree; checked once at import (cheap, catches typos).
for _cls, _specs in (
    (Customer, FIELDS),
    (Contact, CONTACT_FIELDS),
    (FollowUp, FOLLOW_UP_FIELDS),
    (Transaction, TRANSACTION_FIELDS),
):
    _names = {f.name for f in _dc_fields(_cls)} - {"id", "customer_id", "version", "contacts"}
    if _names != {s.name for s in _specs}:  # pragma: no cover - a programming error
        raise RuntimeError(
            f"{_cls.__name__} and its field registry disagree: {_names ^ {s.name for s in _specs}}"
        )
del _cls, _specs, _names
