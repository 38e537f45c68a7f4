"""Reading raw values: text, phones, emails, credit codes, dates, amounts, whole customer rows."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.customer import CustomerType, Source, Status, Tier
from desktop.domain.validation import (
    CREDIT_CODE_CHARSET,
    ValidationError,
    ValidationProblem,
    check_credit_code,
    credit_code_check_char,
    credit_code_problem,
    format_phone,
    normalise_email,
    normalise_phone,
    normalise_text,
    normalise_url,
    parse_amount,
    parse_bool,
    parse_date,
    parse_enum,
    parse_int,
    parse_tags,
    valid_email,
    validate_contact,
    validate_customer,
    validate_follow_up,
    validate_transaction,
)

TODAY = dt.date(2026, 3, 5)


# ---------------------------------------------------------------------------------- text


def test_text_folds_fullwidth_letters_digits_and_spaces():
    assert normalise_text("ＡＢＣ　科技１２３") == "ABC 科技123"
    assert normalise_text("  北京   星辰\t科技 \n 有限公司 ") == "北京 星辰 科技 有限公司"


def test_text_keeps_chinese_punctuation():
    assert normalise_text("华为技术（深圳）有限公司") == "华为技术（深圳）有限公司"
    assert normalise_text("一、软件；二：硬件，三？好！") == "一、软件；二：硬件，三？好！"
    # symbols that have no place in Chinese typography do become ASCII
    assert normalise_text("Ｐ＆Ｇ ｉｎｆｏ＠ｘ．ｃｎ") == "P&G info@x.cn"


def test_text_drops_invisible_characters():
    assert normalise_text("\ufeff星辰\u200b科技\x07") == "星辰科技"


def test_longtext_keeps_line_breaks_but_not_runs_of_blank_lines():
    raw = "第一行  有空格 \r\n\r\n\r\n\r\n  第二行\n"
    assert normalise_text(raw, multiline=True) == "第一行 有空格\n\n第二行"
    assert normalise_text(raw) == "第一行 有空格 第二行"


@given(st.text())
def test_text_normalisation_is_idempotent(s):
    once = normalise_text(s)
    assert normalise_text(once) == once
    assert once == once.strip()
    assert "  " not in once
    multi = normalise_text(s, multiline=True)
    assert normalise_text(multi, multiline=True) == multi


# ---------------------------------------------------------------------------------- phones


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("010-12345678", "+861012345678"),
        ("(010)12345678", "+861012345678"),
        ("010 1234 5678", "+861012345678"),
        ("+86 10 1234 5678", "+861012345678"),
        ("0086 10 12345678", "+861012345678"),
        ("０１０－１２３４５６７８", "+861012345678"),
        ("13812345678", "+8613812345678"),
        ("+86 138 1234 5678", "+8613812345678"),
        ("138-1234-5678", "+8613812345678"),
        ("１３８１２３４５６７８", "+8613812345678"),
        (13812345678, "+8613812345678"),
        (13812345678.0, "+8613812345678"),
        (Decimal("13812345678"), "+8613812345678"),
        (1012345678, "+861012345678"),  # Excel dropped the leading 0 of 010
        ("0755-88888888", "+8675588888888"),
        ("400-810-8888", "+864008108888"),
        ("010-12345678转123", "+861012345678;ext=123"),
        ("010-12345678-123", "+861012345678;ext=123"),
        ("010-12345678 分机 45", "+861012345678;ext=45"),
        ("+1 650 253 0000", "+16502530000"),
    ],
)
def test_phone_numbers_are_stored_in_e164(raw, expected):
    assert normalise_phone(raw) == expected


def test_normalised_phone_is_a_fixed_point():
    for raw in ("010-12345678", "13812345678", "010-12345678转123", "+1 650 253 0000"):
        stored = normalise_phone(raw)
        assert normalise_phone(stored) == stored


@pytest.mark.parametrize(
    "raw,code",
    [
        ("0755-8888888", "phone_invalid"),  # Shenzhen numbers have eight digits
        ("1381234567", "phone_invalid"),  # a mobile digit short
        ("12345", "phone_invalid"),
        ("电话", "phone_invalid"),
        ("", "phone_empty"),
        (13812345678.5, "phone_invalid"),
        (True, "phone_invalid"),
        ("010-12345678 / 13812345678", "phone_several"),
    ],
)
def test_bad_phone_numbers_are_refused(raw, code):
    with pytest.raises(ValidationError) as info:
        normalise_phone(raw)
    assert info.value.code == code


def test_phones_are_displayed_in_the_familiar_form():
    assert format_phone("+861012345678") == "010 1234 5678"
    assert format_phone("+8613812345678") == "138 1234 5678"
    assert format_phone("+16502530000") == "+1 650-253-0000"
    assert "123" in format_phone("+861012345678;ext=123")
    assert format_phone("not a number") == "not a number"


# ---------------------------------------------------------------------------------- email, url


@pytest.mark.parametrize(
    "s", ["zhang.san@example.com", "sales+cn@xingchen-tech.com.cn", "a@b.co", "info@例子.中国"]
)
def test_valid_emails(s):
    assert valid_email(s)


@pytest.mark.parametrize(
    "s",
    [
        "",
        "zhangsan",
        "zhang@",
        "@example.com",
        "a@b",
        "a b@example.com",
        "a@@example.com",
        "a@example..com",
        ".a@example.com",
        "a.@example.com",
        "a@-example.com",
        "张三@example.com",
    ],
)
def test_invalid_emails(s):
    assert not valid_email(s)


def test_email_normalisation():
    assert normalise_email("  Zhang.San＠Example.COM ") == "Zhang.San@example.com"
    with pytest.raises(ValidationError) as info:
        normalise_email("zhangsan#example.com")
    assert info.value.code == "email_invalid"


def test_urls():
    assert normalise_url("www.xingchen.com.cn") == "www.xingchen.com.cn"
    assert (
        normalise_url("HTTPS://www.xingchen.com.cn/about?x=1")
        == "https://www.xingchen.com.cn/about?x=1"
    )
    assert normalise_url("ｗｗｗ．ｘｉｎｇｃｈｅｎ．ｃｎ") == "www.xingchen.cn"
    for bad in ("星辰科技", "http://", "www example com", "ftp://x.cn"):
        with pytest.raises(ValidationError):
            normalise_url(bad)


# ---------------------------------------------------------------------------------- credit code

# 91350100M000100Y43 is the example commonly quoted with GB 32100-2015; the others are the
# published codes of 华为技术有限公司, 深圳市腾讯计算机系统有限公司 and 北京小米科技有限责任公司.
PUBLISHED_CODES = [
    "91350100M000100Y43",
    "914403001922038216",
    "91440300708461136T",
    "91110108551385082Q",
]


@pytest.mark.parametrize("code", PUBLISHED_CODES)
def test_published_credit_codes_are_valid(code):
    assert check_credit_code(code)
    assert credit_code_check_char(code[:17]) == code[17]


def test_check_character_worked_example():
    # 91350100M000100Y4 → Σ value×weight = 307; 307 mod 31 = 28; 31 − 28 = 3 → "3"
    body = "91350100M000100Y4"
    values = [CREDIT_CODE_CHARSET.index(ch) for ch in body]
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    total = sum(v * w for v, w in zip(values, weights, strict=True))
    assert total % 31 == 28
    assert credit_code_check_char(body) == "3"


def test_credit_code_is_forgiving_about_case_spaces_and_width():
    assert check_credit_code(" 91350100m000100y43 ")
    assert check_credit_code("９１３５０１００Ｍ０００１００Ｙ４３")


@pytest.mark.parametrize(
    "code,problem",
    [
        ("91350100M000100Y4", "credit_code_length"),
        ("91350100M000100Y433", "credit_code_length"),
        ("91350100M000100I43", "credit_code_chars"),  # I is never used
        ("913501O0M000100Y43", "credit_code_chars"),  # letter O for zero
        ("9135A100M000100Y43", "credit_code_region"),
        ("91350100M000100Y44", "credit_code_check"),
        ("91350100M000010Y43", "credit_code_check"),  # two digits swapped
    ],
)
def test_bad_credit_codes_are_refused_with_the_reason(code, problem):
    assert not check_credit_code(code)
    assert credit_code_problem(code).code == problem


def test_check_character_zero_case():
    # a body whose weighted sum is a multiple of 31 gets check character "0", not "31"
    body = "00000000000000000"
    assert credit_code_check_char(body) == "0"
    assert check_credit_code(body + "0")


_body = st.tuples(
    st.text(CREDIT_CODE_CHARSET, min_size=2, max_size=2),
    st.text("0123456789", min_size=6, max_size=6),
    st.text(CREDIT_CODE_CHARSET, min_size=9, max_size=9),
).map("".join)


@given(_body)
def test_any_body_with_its_computed_check_char_validates(body):
    assert check_credit_code(body + credit_code_check_char(body))


@given(_body, st.integers(0, 17), st.sampled_from(CREDIT_CODE_CHARSET))
def test_changing_any_one_character_invalidates(body, position, replacement):
    code = body + credit_code_check_char(body)
    if code[position] == replacement:
        replacement = CREDIT_CODE_CHARSET[(CREDIT_CODE_CHARSET.index(replacement) + 1) % 31]
    changed = code[:position] + replacement + code[position + 1 :]
    assert not check_credit_code(changed)


@given(_body, st.integers(0, 15))
def test_swapping_two_adjacent_different_characters_invalidates(body, position):
    code = body + credit_code_check_char(body)
    a, b = code[position], code[position + 1]
    swapped = code[:position] + b + a + code[position + 2 :]
    if a != b:
        assert not check_credit_code(swapped)


# ---------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "raw",
    [
        "2026-03-05",
        "2026-3-5",
        "2026/3/5",
        "2026/03/05",
        "2026.3.5",
        "2026年3月5日",
        "2026年03月05日",
        "2026年3月5号",
        "20260305",
        "２０２６－０３－０５",
        "２０２６年３月５日",
        "2026-03-05 14:30:00",
        "2026-03-05T14:30",
        20260305,
        46086,
        46086.0,
        46086.75,  # Excel serial numbers (46086.75 is 18:00 that day)
        dt.date(2026, 3, 5),
        dt.datetime(2026, 3, 5, 9, 0),
    ],
)
def test_dates(raw):
    assert parse_date(raw) == dt.date(2026, 3, 5)


def test_excel_serials_around_the_1900_leap_year_bug():
    assert parse_date(1) == dt.date(1900, 1, 1)
    assert parse_date(59) == dt.date(1900, 2, 28)
    assert parse_date(61) == dt.date(1900, 3, 1)
    with pytest.raises(ValidationError):
        parse_date(60)  # Excel's 29 February 1900 never existed


@pytest.mark.parametrize(
    "raw,code",
    [
        ("2026-02-30", "date_invalid"),
        ("2026年13月1日", "date_invalid"),
        ("20261340", "date_invalid"),
        ("05/03/2026", "date_format"),  # day or month first? refused, not guessed
        ("2026-03", "date_format"),
        ("2026-3/5", "date_format"),
        ("明天", "date_format"),
        ("", "date_empty"),
        (0, "date_format"),
        (-5, "date_format"),
        (True, "date_format"),
    ],
)
def test_bad_dates(raw, code):
    with pytest.raises(ValidationError) as info:
        parse_date(raw)
    assert info.value.code == code


@given(st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(9999, 12, 31)))
def test_dates_round_trip_through_every_text_form(d):
    assert parse_date(d.isoformat()) == d
    assert parse_date(f"{d.year}/{d.month}/{d.day}") == d
    assert parse_date(f"{d.year}年{d.month}月{d.day}日") == d
    assert parse_date(f"{d.year:04}{d.month:02}{d.day:02}") == d
    serial = (d - dt.date(1899, 12, 30)).days
    assert parse_date(serial) == d


# ---------------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("1,234.50", "1234.50"),
        ("1234", "1234"),
        ("¥1234", "1234"),
        ("￥1,234", "1234"),
        ("1234元", "1234"),
        ("1.2万", "12000"),
        ("1.2万元", "12000"),
        ("人民币5万元", "50000"),
        ("RMB 3,000", "3000"),
        ("3亿", "300000000"),
        ("１２３４．５", "1234.5"),
        (" 12 345 ", "12345"),
        ("0", "0"),
        (1234, "1234"),
        (1234.5, "1234.5"),
        (0.1 + 0.2, "0.30"),  # binary float noise from a spreadsheet is rounded away
        (Decimal("99.90"), "99.9"),
    ],
)
def test_amounts(raw, expected):
    amount = parse_amount(raw)
    assert isinstance(amount, Decimal)
    assert amount == Decimal(expected)
    assert amount.as_tuple().exponent == -2  # always in fen


@pytest.mark.parametrize(
    "raw,code",
    [
        ("-100", "amount_negative"),
        ("¥-100", "amount_negative"),
        ("1,23", "amount_grouping"),
        ("1.234,50", "amount_format"),  # European style: refused, not guessed
        ("12.345", "amount_precision"),
        ("一万", "amount_format"),
        ("12万美元", "amount_format"),
        ("", "amount_empty"),
        ("1e5", "amount_format"),
        ("NaN", "amount_format"),
        (float("inf"), "amount_format"),
        (True, "amount_format"),
    ],
)
def test_bad_amounts(raw, code):
    with pytest.raises(ValidationError) as info:
        parse_amount(raw)
    assert info.value.code == code


def test_negative_amounts_where_allowed():
    assert parse_amount("-1,000", allow_negative=True) == Decimal("-1000")
    assert parse_amount("-0", allow_negative=False) == 0


@given(st.decimals(min_value=0, max_value=Decimal("1e12"), places=2))
def test_amounts_round_trip_through_text(d):
    assert parse_amount(str(d)) == d
    assert parse_amount(f"¥{d:,}") == d
    assert parse_amount(f"{d}元") == d


# ---------------------------------------------------------------------------------- ints, bools, enums, tags


def test_whole_numbers():
    assert parse_int("200") == 200
    assert parse_int("约200人") == 200
    assert parse_int("1,200") == 1200
    assert parse_int("1.2万") == 12000
    assert parse_int(350.0) == 350
    assert parse_int("３５０") == 350
    for bad in ("-3", "2.5", "100-200", "很多", 2.5):
        with pytest.raises(ValidationError):
            parse_int(bad)


def test_bools():
    for yes in (True, 1, "yes", "TRUE", "是", "√"):
        assert parse_bool(yes) is True
    for no in (False, 0, "no", "False", "否"):
        assert parse_bool(no) is False
    with pytest.raises(ValidationError):
        parse_bool("maybe")


@pytest.mark.parametrize(
    "enum_cls,raw,expected",
    [
        (Status, "cooperating", Status.COOPERATING),
        (Status, "Cooperating", Status.COOPERATING),
        (Status, "COOPERATING", Status.COOPERATING),
        (Status, "已合作客户", Status.COOPERATING),
        (Status, "followed up", Status.FOLLOWED_UP),
        (Status, "已跟进未合作客户", Status.FOLLOWED_UP),
        (Status, "流失客户", Status.LOST),
        (Status, " 潜在客户 ", Status.PROSPECT),
        (Tier, "A", Tier.A),
        (Tier, "a", Tier.A),
        (Tier, "ａ", Tier.A),
        (Tier, "主力客户", Tier.A),
        (Tier, "B类", Tier.B),
        (Tier, "Occasional customer", Tier.C),
        (CustomerType, "政府机构", CustomerType.GOVERNMENT),
        (CustomerType, "ordinary_company", CustomerType.ORDINARY_COMPANY),
        (CustomerType, "Ordinary company", CustomerType.ORDINARY_COMPANY),
        (Source, "老客户介绍", Source.REFERRAL),
        (Source, "trade show", Source.TRADE_SHOW),
        (Source, "展会", Source.TRADE_SHOW),
    ],
)
def test_enums_accept_value_label_and_chinese_label(enum_cls, raw, expected):
    assert parse_enum(enum_cls, raw) is expected


def test_unknown_enum_value_lists_the_choices():
    with pytest.raises(ValidationError) as info:
        parse_enum(Tier, "D")
    assert info.value.code == "enum_invalid"
    assert "A, B, C" in info.value.message
    with pytest.raises(ValidationError):
        parse_enum(Tier, Status.LOST)


def test_tags():
    assert parse_tags("重点，华北、 VIP ;vip;; 展会2026") == ["重点", "华北", "VIP", "展会2026"]
    assert parse_tags(["a", " a ", "", "Ｂ", "b"]) == ["a", "B"]
    assert parse_tags("") == []
    with pytest.raises(ValidationError):
        parse_tags("x" * 41)


# ---------------------------------------------------------------------------------- whole rows


def test_a_full_row_from_a_spreadsheet_is_normalised():
    row = {
        "name": " 北京星辰科技有限公司 ",
        "archive_no": "KH-2026-0001",
        "address": "北京市海淀区中关村大街１号",
        "postcode": 100080,
        "legal_rep": "王五",
        "founded": "2015年6月1日",
        "credit_code": "91350100m000100y43",
        "registered_capital": "500万元",
        "phone": "010-12345678",
        "fax": 1087654321.0,
        "email": "Info＠Xingchen.CN",
        "website": "www.xingchen.cn",
        "customer_type": "普通公司",
        "revenue": "1.2万",
        "employees": "约200人",
        "dm_birthday": "1975/8/8",
        "source": "展会",
        "tags": "重点，华北",
        "status": "已合作客户",
        "tier": "a",
        "note": "第一行\n第二行",
    }
    values, problems = validate_customer(row, today=TODAY)
    assert problems == {}
    assert values["name"] == "北京星辰科技有限公司"
    assert values["address"] == "北京市海淀区中关村大街1号"
    assert values["postcode"] == "100080"
    assert values["founded"] == dt.date(2015, 6, 1)
    assert values["credit_code"] == "91350100M000100Y43"
    assert values["registered_capital"] == "500万元"
    assert values["phone"] == "+861012345678"
    assert values["fax"] == "+861087654321"
    assert values["email"] == "Info@xingchen.cn"
    assert values["customer_type"] is CustomerType.ORDINARY_COMPANY
    assert values["revenue"] == Decimal("12000")
    assert values["employees"] == 200
    assert values["source"] is Source.TRADE_SHOW
    assert values["tags"] == ["重点", "华北"]
    assert values["status"] is Status.COOPERATING
    assert values["tier"] is Tier.A
    assert values["tier_manual"] is True  # a tier given by hand is a manual tier
    assert values["note"] == "第一行\n第二行"


def test_every_problem_is_reported_at_once_with_a_code():
    values, problems = validate_customer(
        {
            "name": "星辰",
            "phone": "0755-8888888",
            "email": "no-at-sign",
            "credit_code": "91350100M000100Y44",
            "founded": "2026-02-30",
            "revenue": "-5",
            "status": "maybe",
            "colour": "red",
            "id": 3,
        },
        today=TODAY,
    )
    assert set(problems) == {
        "phone",
        "email",
        "credit_code",
        "founded",
        "revenue",
        "status",
        "colour",
        "id",
    }
    assert {k: p.code for k, p in problems.items()} == {
        "phone": "phone_invalid",
        "email": "email_invalid",
        "credit_code": "credit_code_check",
        "founded": "date_invalid",
        "revenue": "amount_negative",
        "status": "enum_invalid",
        "colour": "unknown_field",
        "id": "not_settable",
    }
    assert all(
        isinstance(p, ValidationProblem) and isinstance(p, str) and p for p in problems.values()
    )
    assert "0755-8888888" in problems["phone"]
    assert values == {"name": "星辰"}


def test_name_is_required():
    _, problems = validate_customer({"phone": "13812345678"})
    assert problems["name"].code == "required"
    _, problems = validate_customer({"name": "　 "})  # an ideographic space is blank too
    assert problems["name"].code == "required"


def test_partial_update_needs_no_name_but_cannot_blank_it():
    values, problems = validate_customer({"phone": "13812345678"}, partial=True)
    assert problems == {} and values == {"phone": "+8613812345678"}
    _, problems = validate_customer({"name": ""}, partial=True)
    assert problems["name"].code == "required"


def test_blank_clears_optional_fields_and_leaves_status_alone():
    values, problems = validate_customer(
        {"name": "星辰", "phone": "", "tags": "", "founded": None, "status": "", "tier": " "}
    )
    assert problems == {}
    assert values == {"name": "星辰", "phone": None, "tags": [], "founded": None}


def test_explicit_tier_manual_is_respected():
    values, _ = validate_customer({"name": "星辰", "tier": "B", "tier_manual": "否"})
    assert values["tier"] is Tier.B and values["tier_manual"] is False


def test_dates_of_founding_and_birthday_cannot_be_in_the_future():
    _, problems = validate_customer({"name": "星辰", "founded": "2026-03-06"}, today=TODAY)
    assert problems["founded"].code == "date_future"
    _, problems = validate_customer({"name": "星辰", "founded": "2026-03-05"}, today=TODAY)
    assert problems == {}


def test_text_that_is_too_long():
    _, problems = validate_customer({"name": "星" * 201})
    assert problems["name"].code == "too_long"
    _, problems = validate_customer({"name": "星" * 200, "business_scope": "经营" * 6000})
    assert set(problems) == {"business_scope"}


def test_numbers_from_excel_in_text_fields():
    values, problems = validate_customer(
        {"name": "星辰", "contract_no": 20260001.0, "postcode": 10000}
    )
    assert problems == {}
    assert values["contract_no"] == "20260001"
    assert values["postcode"] == "010000"  # Hohhot's postcode lost its leading zero in Excel


def test_postcode_must_look_like_one():
    _, problems = validate_customer({"name": "星辰", "postcode": "北京"})
    assert problems["postcode"].code == "postcode_invalid"


def test_contacts_are_validated_with_the_customer():
    values, problems = validate_customer(
        {
            "name": "星辰",
            "contacts": [
                {"name": "张三", "title": "采购经理", "mobile": "13812345678", "is_primary": "是"},
                {"name": "李四", "email": "lisi@", "is_primary": True},
                {"title": "前台"},
            ],
        }
    )
    assert values["contacts"][0] == {
        "name": "张三",
        "title": "采购经理",
        "mobile": "+8613812345678",
        "is_primary": True,
    }
    assert problems["contacts[1].email"].code == "email_invalid"
    assert problems["contacts[2].name"].code == "required"
    assert problems["contacts"].code == "several_primary"


def test_contact_follow_up_and_transaction_records():
    values, problems = validate_contact({"name": "王经理", "phone": "021 6888 8888"})
    assert problems == {} and values["phone"] == "+862168888888"

    values, problems = validate_follow_up(
        {"date": "2026/3/5", "kind": "电话", "summary": "询问报价", "by_user": "zhangsan"}
    )
    assert problems == {}
    assert values["kind"].value == "call" and values["date"] == dt.date(2026, 3, 5)
    _, problems = validate_follow_up({"date": "2026/3/5"})
    assert set(problems) == {"kind", "summary", "by_user"}

    values, problems = validate_transaction({"date": 46086, "amount": "-1,000元", "mode": "退款"})
    assert problems == {} and values["amount"] == Decimal("-1000")  # a refund may be negative
    _, problems = validate_transaction({"date": "2026-03-05"})
    assert problems["amount"].code == "required"


@settings(max_examples=200)
@given(
    st.dictionaries(
        st.sampled_from(
            ["name", "phone", "email", "revenue", "founded", "tags", "status", "tier", "nope"]
        ),
        st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.booleans()),
    )
)
def test_validate_customer_never_raises_and_splits_every_key(values):
    out, problems = validate_customer(values, partial=True, today=TODAY)
    # every given key ends up either normalised or reported (status/tier blanks: neither)
    for key in values:
        assert key in out or key in problems or key in ("status", "tier")
    assert not set(out) & set(problems) - {"tier_manual"}


_any_raw = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.decimals(),
    st.text(),
    st.text("0123456789,.-+¥万亿元年月日/ ０１２３４５６７８９", max_size=20),
)


@settings(max_examples=300)
@given(_any_raw)
def test_parsers_fail_only_with_validation_errors(raw):
    for parse in (
        parse_amount,
        parse_date,
        parse_int,
        normalise_phone,
        normalise_email,
        normalise_url,
        parse_bool,
        parse_tags,
        lambda v: parse_enum(Status, v),
    ):
        try:
            parse(raw)
        except ValidationError as err:
            assert err.code and err.message


# ---------------------------------------------------------------------------------- bidi controls

# Every bidirectional control: embeddings and overrides, isolates, the marks.
BIDI = [chr(cp) for cp in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C)]

# One field of each kind a person types text into, with a clean value of that kind.
FIELD_KINDS = {
    "text": ("name", "北京星辰科技有限公司"),
    "longtext": ("note", "第一行\n第二行"),
    "phone": ("phone", "010-12345678"),
    "email": ("email", "info@example.cn"),
    "url": ("website", "https://www.example.cn/about"),
    "credit_code": ("credit_code", "91110108551385082Q"),
    "date": ("founded", "2020-03-05"),
    "money": ("revenue", "1.2万"),
    "int": ("employees", "120"),
    "enum": ("customer_type", "company"),
    "tags": ("tags", "重点, 华北"),
}


def _with_controls(text: str, controls: str) -> str:
    """``text`` with ``controls`` at its start, in its middle and at its end."""
    middle = len(text) // 2
    return controls + text[:middle] + controls + text[middle:] + controls


@pytest.mark.parametrize("kind", sorted(FIELD_KINDS))
def test_bidi_controls_are_stripped_from_every_field_kind(kind):
    name, clean = FIELD_KINDS[kind]
    expected, problems = validate_customer({"name": "星辰", name: clean}, today=TODAY)
    assert problems == {}
    for control in BIDI:
        got, problems = validate_customer(
            {"name": "星辰", name: _with_controls(clean, control)}, today=TODAY
        )
        assert problems == {}, (kind, hex(ord(control)))
        assert got == expected, (kind, hex(ord(control)))


def test_a_right_to_left_override_cannot_disguise_a_name():
    # "gpj.exe" displayed reversed would read as "exe.jpg": stored, the override is gone
    spoof = "合同\u202egpj.exe"
    assert normalise_text(spoof) == "合同gpj.exe"
    assert not any(ch in normalise_text(spoof, multiline=True) for ch in BIDI)


def test_bidi_controls_are_stripped_from_contacts_follow_ups_and_transactions():
    rlo, lri = "\u202e", "\u2066"
    contact, problems = validate_contact(
        {
            "name": f"{rlo}张三{lri}",
            "mobile": f"138{rlo}12345678",
            "email": f"zhang{rlo}@example.cn",
        }
    )
    assert problems == {}
    assert contact["name"] == "张三"
    assert contact["mobile"] == normalise_phone("13812345678")
    assert contact["email"] == "zhang@example.cn"
    follow_up, problems = validate_follow_up(
        {
            "date": "2026-03-01",
            "kind": f"call{rlo}",
            "summary": f"谈{rlo}价格",
            "by_user": f"li{lri}",
        }
    )
    assert problems == {}
    assert (follow_up["summary"], follow_up["by_user"]) == ("谈价格", "li")
    tx, problems = validate_transaction(
        {
            "date": "2026-03-01",
            "amount": f"{rlo}-120.50",
            "contract_no": f"HT{rlo}-001",
            "note": f"退{lri}款",
        }
    )
    assert problems == {}
    assert (tx["amount"], tx["contract_no"], tx["note"]) == (Decimal("-120.50"), "HT-001", "退款")
