"""Reading and checking raw field values: from a dialog, a CLI ``--set``, or a spreadsheet cell.

Pure Python (no Qt, no SQL, no I/O). Every parser raises ``ValidationError`` (a ``ValueError``
with a short stable ``code`` and a plain English ``message``); ``validate_customer`` and friends
collect the problems per field as ``ValidationProblem`` strings that also carry the code, so the
GUI can translate by code and the CLI can print the message.

Decisions, documented here once:

* Free text (``normalise_text``) is NOT run through NFKC, which would rewrite the full-width
  punctuation that is correct in Chinese (北京（中国）, 一、二；三). Only full-width digits and
  Latin letters, the full-width symbols that have no place in Chinese typography (＠ ＃ ＆ －
  ．／ …) and the ideographic space U+3000 become ASCII; ！（），：；？ stay as typed. Runs of
  whitespace collapse to one space, zero-width characters, bidirectional controls (U+202A-E,
  U+2066-9, U+200E/F, U+061C) and control characters go, ends are stripped. Long text keeps its line breaks (at most one blank line in a row). Comparisons
  (search, duplicate detection) use full NFKC + casefold in ``search_text`` instead, so
  北京(中国) and 北京（中国） still match there.
* Structured values (phone, email, credit code, dates, amounts, numbers) are NFKC-normalised
  first, so full-width digits and ＠ work.
* Phones are stored in E.164 (``+861012345678``, ``+8613812345678``), with an extension as
  ``;ext=123`` (RFC 3966 style). E.164 is unambiguous, compares equal however it was typed
  (010-12345678, (010)12345678, +86 10 1234 5678 are one number) and ``format_phone`` turns it
  back into the familiar national form for display. A number must be *valid* for its region
  by libphonenumber's metadata, so a digit too few or too many is caught (0755-8888888).
* Excel gives numbers as int/float: a phone 13812345678.0 is read as 13812345678, a landline
  whose leading 0 Excel dropped (1012345678) is still read as Beijing 010-12345678; a
  numeric postcode is zero-padded to six digits (Excel turns 010000 into 10000).
* Dates: year-month-day only (2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日, 20260305, with
  an optional time that is ignored), Excel serial numbers (1900 date system) and date/datetime
  objects. Day-first or month-first forms such as 05/03/2026 are refused as ambiguous.
* Amounts are Decimal yuan rounded to fen (two places): "1,234.50", "¥1234", "1234元",
  "1.2万" (12000), "3亿", "人民币5万元". Text with more than two decimal places after the unit
  is refused (a typo, not something to round away silently); a float from Excel is rounded to
  two places because binary floats carry noise. Negatives only where the field allows them.
* Blank input (None, "", spaces) means "no value": optional fields become None (tags: []),
  required fields are an error, and status / tier / tier_manual (which always have a value)
  are left out of the result so the card keeps its current or default value.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from typing import Any, TypeVar, cast

import phonenumbers

from desktop.domain.customer import (
    CONTACT_FIELDS,
    ENUM_ALIASES,
    ENUM_LABELS,
    FIELDS,
    FOLLOW_UP_FIELDS,
    TRANSACTION_FIELDS,
    FieldSpec,
)

E = TypeVar("E", bound=Enum)


# --------------------------------------------------------------------------------------------
# Errors
# --------------------------------------------------------------------------------------------


class ValidationError(ValueError):
    """A raw value that cannot be read. ``code`` is stable; ``message`` is plain English."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class ValidationProblem(str):
    """A problem with one field: behaves as its English message (a ``str``) and carries ``code``.

    ``problems["phone"] == "Not a valid phone number: 123"`` and ``problems["phone"].code ==
    "phone_invalid"`` both hold.
    """

    code: str

    def __new__(cls, code: str, message: str) -> "ValidationProblem":
        obj = super().__new__(cls, message)
        obj.code = code
        return obj

    @property
    def message(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        return f"ValidationProblem({self.code!r}, {str(self)!r})"


def _problem(err: ValidationError) -> ValidationProblem:
    return ValidationProblem(err.code, err.message)


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

# Full-width punctuation that is correct in Chinese text and stays as typed.
_KEEP_FULLWIDTH = frozenset("！（），：；？")
_WIDTH_MAP: dict[int, str] = {
    cp: chr(cp - 0xFEE0) for cp in range(0xFF01, 0xFF5F) if chr(cp) not in _KEEP_FULLWIDTH
}
_WIDTH_MAP[0x3000] = " "
# Zero-width characters and the BOM that spreadsheets and web pages leave behind.
for _cp in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD):
    _WIDTH_MAP[_cp] = ""
# Bidirectional controls: embeddings and overrides (U+202A-U+202E), isolates (U+2066-U+2069),
# the left-to-right and right-to-left marks and the Arabic letter mark. None belongs in a
# Chinese card, and a right-to-left override makes text display as something else than what
# is stored ("txt.exe" shown for "exe.txt", a name that reads like another customer's).
BIDI_CONTROLS = frozenset([*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C])
for _cp in BIDI_CONTROLS:
    _WIDTH_MAP[_cp] = ""
del _cp

_HSPACE = re.compile(r"[^\S\n]+")  # whitespace other than a line break
_BLANK_LINES = re.compile(r"\n{3,}")


def normalise_text(s: str, multiline: bool = False) -> str:
    """Tidy free text for storage (see the module docstring for what is changed and why).

    ``multiline=False`` (names, addresses): line breaks become spaces. ``multiline=True`` (notes,
    business scope): line breaks are kept, at most one blank line in a row.
    """
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).translate(_WIDTH_MAP)
    s = s.replace("\r\n", "\n").replace("\r", "\n")
    # drop control characters except line breaks and tabs (tabs are whitespace below)
    s = "".join(ch for ch in s if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    if not multiline:
        return " ".join(s.split())
    lines = [_HSPACE.sub(" ", line).strip() for line in s.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def _nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s).translate(_WIDTH_MAP).strip()


def _integral_number(value: object) -> int | None:
    """An int for an int, an integral float or Decimal (Excel's 13812345678.0); else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, Decimal) and value.is_finite() and value == value.to_integral_value():
        return int(value)
    return None


def _as_text(value: object) -> str:
    """A spreadsheet cell or Python value as text for a text field."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        raise ValidationError("type", "Expected text, got a yes/no value")
    n = _integral_number(value)
    if n is not None:
        return str(n)
    if isinstance(value, (float, Decimal)):
        return str(value)
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    raise ValidationError("type", f"Expected text, got {type(value).__name__}")


# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

# "转" and "分机" are how Chinese writes an extension; phonenumbers understands "ext.".
_EXT_WORDS = re.compile(r"\s*(?:转|分机号?|內線|内线)\s*")
_HYPHEN_EXT = re.compile(r"^(.*\d)\s*-\s*(\d{1,6})$")


def normalise_phone(value: object, region: str = "CN") -> str:
    """A phone or fax number in E.164, with ``;ext=N`` for an extension.

    Accepts 010-12345678, (010)12345678, 13812345678, +86 138 1234 5678, 0086…, full-width
    digits, "010-12345678转123" / "-123" / "ext. 123", and numbers from Excel (int or float).
    ``region`` is the ISO country assumed for numbers without a +country code.
    Raises ``ValidationError`` (codes ``phone_empty``, ``phone_invalid``).
    """
    if isinstance(value, bool):
        raise ValidationError("phone_invalid", "Not a phone number: a yes/no value")
    n = _integral_number(value)
    if n is not None:
        text = str(n)
    elif isinstance(value, str):
        text = _nfkc(value)
    else:
        raise ValidationError("phone_invalid", f"Not a phone number: {value!r}")
    if not text:
        raise ValidationError("phone_empty", "The phone number is empty")
    if re.search(r"[,;/、]|\s或\s", text) and ";ext=" not in text:
        raise ValidationError(
            "phone_several", f"Enter one number per field (add contacts for others): {text}"
        )
    text = _EXT_WORDS.sub(" ext. ", text)

    number = _parse_valid(text, region)
    if number is None:
        m = _HYPHEN_EXT.match(text)  # 010-12345678-123: a trailing group after a valid number
        if m:
            number = _parse_valid(m.group(1), region)
            if number is not None and not number.extension:
                number.extension = m.group(2)
            elif number is not None:
                number = None
    if number is None:
        raise ValidationError("phone_invalid", f"Not a valid phone number: {text}")
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164


def _parse_valid(text: str, region: str) -> phonenumbers.PhoneNumber | None:
    try:
        number = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def format_phone(stored: str, region: str = "CN") -> str:
    """A stored (E.164) number for display: national form at home (010 1234 5678, 138 1234
    5678), international abroad (+1 650-253-0000). Unparseable text is returned unchanged."""
    try:
        number = phonenumbers.parse(stored, region)
    except phonenumbers.NumberParseException:
        return stored
    home = phonenumbers.region_code_for_number(number) == region
    fmt = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if home
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, fmt)


# --------------------------------------------------------------------------------------------
# Email and web address
# --------------------------------------------------------------------------------------------

_EMAIL_LOCAL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$"
)
_DOMAIN_LABEL = r"(?:[^\W_](?:[\w-]{0,61}[^\W_])?)"
_DOMAIN = re.compile(
    rf"^{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})*\.(?:[^\W\d_]{{2,63}}|xn--[a-z0-9-]+)$"
)


def normalise_email(value: object) -> str:
    """An email address: NFKC (full-width ＠ works), spaces stripped, domain lower-cased.
    Raises ``ValidationError`` (``email_invalid``) unless ``valid_email`` would accept it."""
    text = _nfkc(_as_text(value))
    if "@" in text:
        local, _, domain = text.rpartition("@")
        text = f"{local}@{domain.lower()}"
    if not valid_email(text):
        raise ValidationError("email_invalid", f"Not a valid email address: {text}")
    return text


def valid_email(s: str) -> bool:
    """A pragmatic check: one @, a dot-atom local part (ASCII), a domain with at least two labels
    (Unicode letters allowed, e.g. 例子.中国). No DNS look-up."""
    if not isinstance(s, str) or len(s) > 254 or s.count("@") != 1:
        return False
    local, domain = s.split("@")
    return len(local) <= 64 and bool(_EMAIL_LOCAL.match(local)) and bool(_DOMAIN.match(domain))


_URL = re.compile(
    rf"^(?:(?P<scheme>https?)://)?(?P<host>{_DOMAIN_LABEL}(?:\.{_DOMAIN_LABEL})+)(?::\d{{1,5}})?(?:[/?#]\S*)?$",
    re.IGNORECASE,
)


def normalise_url(value: object) -> str:
    """A web address: NFKC, stripped, scheme lower-cased. A bare ``www.example.com`` is kept as
    typed (no scheme is invented). Raises ``ValidationError`` (``url_invalid``)."""
    text = _nfkc(_as_text(value))
    m = _URL.match(text)
    if not m:
        raise ValidationError("url_invalid", f"Not a valid web address: {text}")
    if m.group("scheme"):
        text = m.group("scheme").lower() + text[len(m.group("scheme")) :]
    return text


# --------------------------------------------------------------------------------------------
# Unified social credit code (统一社会信用代码, GB 32100-2015)
# --------------------------------------------------------------------------------------------

CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CC_VALUE = {ch: i for i, ch in enumerate(CREDIT_CODE_CHARSET)}


def normalise_credit_code(value: object) -> str:
    """NFKC, upper case, spaces and hyphens removed (the code as printed on a licence)."""
    return re.sub(r"[\s-]+", "", _nfkc(_as_text(value))).upper()


def credit_code_check_char(body: str) -> str:
    """The 18th character for the first 17: ``31 - (Σ value×weight mod 31)``, 31 → 0."""
    if len(body) != 17 or any(ch not in _CC_VALUE for ch in body):
        raise ValueError("A credit code body is 17 characters from " + CREDIT_CODE_CHARSET)
    total = sum(_CC_VALUE[ch] * w for ch, w in zip(body, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_CHARSET[(31 - total % 31) % 31]


def credit_code_problem(code: str) -> ValidationProblem | None:
    """Why ``code`` (already normalised) is not a valid credit code, or None.

    Checks the length (18), the character set, that characters 3–8 are digits (the
    administrative-division code of the registering authority) and the check character.
    """
    if len(code) != 18:
        return ValidationProblem(
            "credit_code_length", f"A unified social credit code has 18 characters, not {len(code)}"
        )
    bad = sorted({ch for ch in code if ch not in _CC_VALUE})
    if bad:
        return ValidationProblem(
            "credit_code_chars",
            f"A unified social credit code cannot contain {' '.join(bad)} (I, O, Z, S, V are never used)",
        )
    if not code[2:8].isdigit():
        return ValidationProblem(
            "credit_code_region",
            "Characters 3 to 8 of a credit code are the region code: digits only",
        )
    if credit_code_check_char(code[:17]) != code[17]:
        return ValidationProblem(
            "credit_code_check",
            "The check character (the last one) does not match: a character has been mistyped",
        )
    return None


def check_credit_code(code: str) -> bool:
    """True if ``code`` is a well-formed unified social credit code with a correct check
    character. Case, surrounding spaces and full-width characters are forgiven."""
    if not isinstance(code, str):
        return False
    return credit_code_problem(normalise_credit_code(code)) is None


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------

_TIME = r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_DATE_PATTERNS = (
    re.compile(rf"^(\d{{4}})\s*([-/.])\s*(\d{{1,2}})\s*\2\s*(\d{{1,2}}){_TIME}$"),
    re.compile(rf"^(\d{{4}})\s*(年)\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*[日号]?{_TIME}$"),
    re.compile(r"^(\d{4})()(\d{2})(\d{2})$"),
)
_EXCEL_EPOCH = _dt.date(1899, 12, 30)
_EXCEL_MAX_SERIAL = 2958465  # 9999-12-31


def parse_date(value: object) -> _dt.date:
    """A date from text, an Excel serial number or a date/datetime (see module docstring).

    Raises ``ValidationError`` (``date_empty``, ``date_format``, ``date_invalid``).
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, bool):
        raise ValidationError("date_format", "Not a date: a yes/no value")
    if isinstance(value, (int, float, Decimal)):
        return _from_number(value)
    if not isinstance(value, str):
        raise ValidationError("date_format", f"Not a date: {value!r}")
    text = _nfkc(value)
    if not text:
        raise ValidationError("date_empty", "The date is empty")
    for pattern in _DATE_PATTERNS:
        m = pattern.match(text)
        if m:
            year, month, day = int(m.group(1)), int(m.group(3)), int(m.group(4))
            try:
                return _dt.date(year, month, day)
            except ValueError:
                raise ValidationError("date_invalid", f"No such date: {text}") from None
    raise ValidationError(
        "date_format", f"Not a date: {text} (write year-month-day, e.g. 2026-03-05 or 2026年3月5日)"
    )


def _from_number(value: int | float | Decimal) -> _dt.date:
    if (
        isinstance(value, float)
        and not math.isfinite(value)
        or isinstance(value, Decimal)
        and not value.is_finite()
    ):
        raise ValidationError("date_format", f"Not a date: {value}")
    whole = int(value)  # a fraction is the time of day
    if 19000101 <= whole <= 99991231 and whole == value:  # 20260305 typed into a number cell
        text = str(whole)
        try:
            return _dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            raise ValidationError("date_invalid", f"No such date: {text}") from None
    if not 1 <= whole <= _EXCEL_MAX_SERIAL:
        raise ValidationError("date_format", f"Not a date: {value}")
    if whole == 60:  # Excel's (Lotus's) 29 February 1900, which never existed
        raise ValidationError("date_invalid", "No such date: 1900-02-29")
    if whole < 60:
        return _dt.date(1899, 12, 31) + _dt.timedelta(days=whole)
    return _EXCEL_EPOCH + _dt.timedelta(days=whole)


# --------------------------------------------------------------------------------------------
# Amounts and counts
# --------------------------------------------------------------------------------------------

_UNITS = {
    "": 1,
    "千": 1000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
}
_CURRENCY = r"(?:人民币|rmb|cny|¥)"
_AMOUNT = re.compile(
    rf"^(?P<s1>[-+−]?){_CURRENCY}?(?P<s2>[-+−]?)"
    r"(?P<num>\d[\d,]*(?:\.\d+)?|\.\d+)"
    r"(?P<unit>十万|百万|千万|千|万|亿)?"
    rf"(?:元|圆|块)?(?:{_CURRENCY})?$",
    re.IGNORECASE,
)
_GROUPED = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")
_CENT = Decimal("0.01")
# A ceiling far above any office's figures: it catches a pasted phone or account number and
# keeps every amount within Decimal's default 28-digit precision.
MAX_AMOUNT = Decimal("1e15")


def parse_amount(value: object, *, allow_negative: bool = False) -> Decimal:
    """An amount of money in yuan as a Decimal with two places (see module docstring).

    Raises ``ValidationError`` (``amount_empty``, ``amount_format``, ``amount_grouping``,
    ``amount_precision``, ``amount_negative``, ``amount_too_large`` from 10^15 yuan up).
    """
    if isinstance(value, bool):
        raise ValidationError("amount_format", "Not an amount: a yes/no value")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise ValidationError("amount_format", f"Not an amount: {value}")
        amount = Decimal(repr(value))
        if abs(amount) < MAX_AMOUNT:
            amount = amount.quantize(_CENT, ROUND_HALF_UP)
    elif isinstance(value, Decimal):
        if not value.is_finite():
            raise ValidationError("amount_format", f"Not an amount: {value}")
        amount = value
    elif isinstance(value, str):
        amount = _amount_from_text(value)
    else:
        raise ValidationError("amount_format", f"Not an amount: {value!r}")
    if abs(amount) >= MAX_AMOUNT:
        raise ValidationError("amount_too_large", f"The amount is too large: {value}")
    if amount != amount.quantize(_CENT, ROUND_HALF_UP):
        raise ValidationError("amount_precision", f"Use at most two decimal places (fen): {value}")
    if amount < 0 and not allow_negative:
        raise ValidationError("amount_negative", f"The amount cannot be negative: {value}")
    return amount.quantize(_CENT, ROUND_HALF_UP) + 0  # + 0 turns -0.00 into 0.00


def _amount_from_text(value: str) -> Decimal:
    text = re.sub(r"\s+", "", _nfkc(value))
    if not text:
        raise ValidationError("amount_empty", "The amount is empty")
    m = _AMOUNT.match(text)
    if not m or (m.group("s1") and m.group("s2")):
        raise ValidationError(
            "amount_format", f"Not an amount: {text} (e.g. 1234.50, ¥1,234, 1.2万)"
        )
    num = m.group("num")
    if "," in num:
        if not _GROUPED.match(num):
            raise ValidationError(
                "amount_grouping", f"Commas must separate groups of three digits: {text}"
            )
        num = num.replace(",", "")
    try:
        amount = Decimal(num) * _UNITS[m.group("unit") or ""]
    except InvalidOperation:  # pragma: no cover - the regex admits only decimal numbers
        raise ValidationError("amount_format", f"Not an amount: {text}") from None
    if (m.group("s1") or m.group("s2")) in ("-", "−"):
        amount = -amount
    return amount


_INT = re.compile(
    r"^(?:约|大约|approx\.?|about|~)?(?P<num>\d[\d,]*(?:\.\d+)?)(?P<unit>千|万)?(?:人|名)?$", re.I
)


MAX_INT = 2**63 - 1  # what the archive file can store


def parse_int(value: object, *, minimum: int | None = 0) -> int:
    """A whole number such as a head count: 200, "1,200", "200人", "约200", "1.2万", 200.0.

    Raises ``ValidationError`` (``int_empty``, ``int_format``, ``int_negative``).
    """
    if isinstance(value, bool):
        raise ValidationError("int_format", "Not a whole number: a yes/no value")
    n = _integral_number(value)
    if n is None:
        if not isinstance(value, str):
            raise ValidationError("int_format", f"Not a whole number: {value!r}")
        text = re.sub(r"\s+", "", _nfkc(value))
        if not text:
            raise ValidationError("int_empty", "The number is empty")
        sign = -1 if text[:1] in ("-", "−") else 1
        m = _INT.match(text.lstrip("-−+"))
        if not m or ("," in m.group("num") and not _GROUPED.match(m.group("num"))):
            raise ValidationError("int_format", f"Not a whole number: {text}")
        number = Decimal(m.group("num").replace(",", "")) * _UNITS[m.group("unit") or ""]
        if number != number.to_integral_value():
            raise ValidationError("int_format", f"Not a whole number: {text}")
        n = sign * int(number)
    if minimum is not None and n < minimum:
        raise ValidationError("int_negative", f"The number must be at least {minimum}: {n}")
    if abs(n) > MAX_INT:
        raise ValidationError("int_too_large", f"The number is too large: {n}")
    return n


_TRUE = {"true", "yes", "y", "1", "是", "对", "真", "√", "✓", "on"}
_FALSE = {"false", "no", "n", "0", "否", "不", "不是", "假", "×", "✗", "off"}


def parse_bool(value: object) -> bool:
    """Yes/no from a checkbox, a spreadsheet (TRUE, 1, 是/否) or the CLI (yes/no, true/false)."""
    if isinstance(value, bool):
        return value
    n = _integral_number(value)
    if n in (0, 1):
        return bool(n)
    if isinstance(value, str):
        text = _nfkc(value).casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    raise ValidationError("bool_format", f"Not yes or no: {value}")


# --------------------------------------------------------------------------------------------
# Enums and tags
# --------------------------------------------------------------------------------------------


def _enum_key(s: str) -> str:
    return " ".join(_nfkc(s).replace("_", " ").split()).casefold()


def parse_enum(enum_cls: type[E], value: object) -> E:
    """An enum member from its value, its name, its English or Chinese label or a known alias,
    in any case: "cooperating", "Cooperating", "已合作客户", tier "a", "A类", "主力客户".

    Raises ``ValidationError`` (``enum_invalid``) listing the accepted values.
    """
    if isinstance(value, enum_cls):
        return value
    if isinstance(value, str):
        key = _enum_key(value)
        labels = ENUM_LABELS.get(enum_cls, {})
        for member in enum_cls:
            names = (member.value, member.name, *labels.get(member, ()))
            if key in {_enum_key(str(n)) for n in names}:
                return member
        for alias, aliased in ENUM_ALIASES.get(enum_cls, {}).items():
            if key == _enum_key(alias):
                return cast(E, aliased)  # ENUM_ALIASES[enum_cls] holds members of enum_cls
    choices = ", ".join(str(m.value) for m in enum_cls)
    raise ValidationError("enum_invalid", f"Unknown value {value!r}: use one of {choices}")


_TAG_SEPARATORS = re.compile(r"[,，;；、|\n]+")
MAX_TAG_LENGTH = 40
MAX_TAGS = 50


def parse_tags(value: object) -> list[str]:
    """Tags from a list or from text separated by , ， ; ； 、 | or line breaks. Each tag is
    tidied like free text; empty ones are dropped, duplicates (ignoring case and width) too,
    first spelling and order kept."""
    if value is None:
        return []
    if isinstance(value, str):
        items: list[object] = _TAG_SEPARATORS.split(value)
    elif isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
    else:
        raise ValidationError("tags_format", f"Tags are text or a list, not {type(value).__name__}")
    tags: list[str] = []
    seen: set[str] = set()
    for item in items:
        tag = normalise_text(_as_text(item))
        if not tag:
            continue
        if len(tag) > MAX_TAG_LENGTH:
            raise ValidationError(
                "tag_too_long", f"A tag has at most {MAX_TAG_LENGTH} characters: {tag}"
            )
        key = unicodedata.normalize("NFKC", tag).casefold()
        if key not in seen:
            seen.add(key)
            tags.append(tag)
    if len(tags) > MAX_TAGS:
        raise ValidationError("too_many_tags", f"At most {MAX_TAGS} tags")
    return tags


# --------------------------------------------------------------------------------------------
# Records
# --------------------------------------------------------------------------------------------

_POSTCODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,10}$")
# Fields that always hold a value: blank input leaves them out of the result.
_ALWAYS_SET = frozenset({"status", "tier", "tier_manual", "is_primary"})
_NOT_SETTABLE = frozenset({"id", "version", "customer_id"})
_NOT_IN_FUTURE = frozenset({"founded", "dm_birthday"})


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not normalise_text(value)
    if isinstance(value, (list, tuple, set, frozenset)):
        return len(value) == 0
    return False


def read_value(spec: FieldSpec, value: object, *, region: str = "CN") -> object:
    """One non-blank raw value read according to its field's kind. Raises ``ValidationError``."""
    kind = spec.kind
    if kind in ("text", "longtext"):
        if spec.name == "postcode" and _integral_number(value) is not None:
            text = str(_integral_number(value)).zfill(6)
        else:
            text = normalise_text(_as_text(value), multiline=kind == "longtext")
        if spec.name == "postcode" and not _POSTCODE.match(text):
            raise ValidationError("postcode_invalid", f"Not a postcode: {text}")
        result: object = text
    elif kind == "date":
        result = parse_date(value)
    elif kind == "int":
        result = parse_int(value, minimum=None if spec.signed else 0)
    elif kind == "money":
        result = parse_amount(value, allow_negative=spec.signed)
    elif kind == "phone":
        result = normalise_phone(value, region)
    elif kind == "email":
        result = normalise_email(value)
    elif kind == "url":
        result = normalise_url(value)
    elif kind == "credit_code":
        code = normalise_credit_code(value)
        problem = credit_code_problem(code)
        if problem is not None:
            raise ValidationError(problem.code, problem.message)
        result = code
    elif kind == "enum":
        assert spec.enum is not None
        result = parse_enum(spec.enum, value)
    elif kind == "tags":
        result = parse_tags(value)
    elif kind == "bool":
        result = parse_bool(value)
    else:  # pragma: no cover - a programming error in the registry
        raise ValueError(f"Unknown field kind {kind!r}")
    limit = spec.limit
    if isinstance(result, str) and limit is not None and len(result) > limit:
        raise ValidationError("too_long", f"At most {limit} characters (this has {len(result)})")
    return result


def validate_record(
    specs: tuple[FieldSpec, ...],
    values: dict[str, object],
    *,
    partial: bool = False,
    region: str = "CN",
    today: _dt.date | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Read every value of ``values`` (field name → raw value) against ``specs``.

    Returns (normalised values, problems by field name). Only the fields given appear in the
    result; blank means None (tags: [], always-set fields: left out). With ``partial=False``
    (a new record, a spreadsheet row) required fields must be present and non-blank; with
    ``partial=True`` (an edit, ``--set``) they must only not be blanked.
    """
    by_name = {spec.name: spec for spec in specs}
    out: dict[str, Any] = {}  # each value of its field's kind (date, Decimal, enum, list…)
    problems: dict[str, str] = {}
    today = today or _dt.date.today()
    for name, raw in values.items():
        spec = by_name.get(name)
        if spec is None:
            if name in _NOT_SETTABLE:
                problems[name] = ValidationProblem(
                    "not_settable", f"The field {name} cannot be set"
                )
            else:
                problems[name] = ValidationProblem("unknown_field", f"Unknown field: {name}")
            continue
        if _blank(raw):
            if spec.required:
                problems[name] = ValidationProblem("required", f"{spec.label_en} is required")
            elif spec.name in _ALWAYS_SET:
                pass
            else:
                out[name] = [] if spec.kind == "tags" else None
            continue
        try:
            value = read_value(spec, raw, region=region)
        except ValidationError as err:
            problems[name] = _problem(err)
            continue
        if name in _NOT_IN_FUTURE and isinstance(value, _dt.date) and value > today:
            problems[name] = ValidationProblem(
                "date_future", f"{spec.label_en} cannot be in the future: {value}"
            )
            continue
        out[name] = value
    if not partial:
        for spec in specs:
            if spec.required and spec.name not in values:
                problems[spec.name] = ValidationProblem("required", f"{spec.label_en} is required")
    return out, problems


def validate_customer(
    values: dict[str, object],
    *,
    partial: bool = False,
    region: str = "CN",
    today: _dt.date | None = None,
) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate raw customer values (from a dialog, CLI ``--set`` or a spreadsheet row).

    Returns (normalised values, {field: problem}); each problem is a ``ValidationProblem``: an
    English message with a ``code``. Unknown fields are problems; ``name`` is required (with
    ``partial=True`` only when given). Setting ``tier`` without ``tier_manual`` marks the tier as
    set by hand. ``contacts``, if given, is a list of dicts validated with ``validate_contact``;
    their problems are keyed ``contacts[i].field`` and the result holds a list of dicts.
    """
    card = {k: v for k, v in values.items() if k != "contacts"}
    out, problems = validate_record(FIELDS, card, partial=partial, region=region, today=today)
    if "tier" in out and "tier_manual" not in values:
        out["tier_manual"] = True
    if "contacts" in values:
        contacts, contact_problems = validate_contacts(values["contacts"], region=region)
        out["contacts"] = contacts
        problems.update(contact_problems)
    return out, problems


def validate_contact(
    values: dict[str, object], *, partial: bool = False, region: str = "CN"
) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate one contact person's raw values (``CONTACT_FIELDS``); ``name`` is required."""
    return validate_record(CONTACT_FIELDS, values, partial=partial, region=region)


def validate_contacts(
    value: object, *, region: str = "CN"
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """Validate a list of contacts; at most one may be primary."""
    if value is None:
        return [], {}
    if not isinstance(value, (list, tuple)) or not all(isinstance(c, dict) for c in value):
        return [], {
            "contacts": ValidationProblem("contacts_format", "Contacts must be a list of records")
        }
    contacts: list[dict[str, Any]] = []
    problems: dict[str, str] = {}
    for i, raw in enumerate(value):
        out, errs = validate_contact(raw, region=region)
        contacts.append(out)
        problems.update({f"contacts[{i}].{k}": v for k, v in errs.items()})
    if sum(1 for c in contacts if c.get("is_primary")) > 1:
        problems["contacts"] = ValidationProblem(
            "several_primary", "Only one contact can be the primary contact"
        )
    return contacts, problems


def validate_follow_up(values: dict[str, object]) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate a follow-up log entry (``FOLLOW_UP_FIELDS``): date, kind, summary, by_user."""
    return validate_record(FOLLOW_UP_FIELDS, values)


def validate_transaction(values: dict[str, object]) -> tuple[dict[str, Any], dict[str, str]]:
    """Validate a transaction (``TRANSACTION_FIELDS``); the amount may be negative (a refund)."""
    return validate_record(TRANSACTION_FIELDS, values)


__all__ = [
    "CREDIT_CODE_CHARSET",
    "CREDIT_CODE_WEIGHTS",
    "ValidationError",
    "ValidationProblem",
    "check_credit_code",
    "credit_code_check_char",
    "credit_code_problem",
    "format_phone",
    "normalise_credit_code",
    "normalise_email",
    "normalise_phone",
    "normalise_text",
    "normalise_url",
    "parse_amount",
    "parse_bool",
    "parse_date",
    "parse_enum",
    "parse_int",
    "parse_tags",
    "read_value",
    "valid_email",
    "validate_contact",
    "validate_contacts",
    "validate_customer",
    "validate_follow_up",
    "validate_record",
    "validate_transaction",
]
