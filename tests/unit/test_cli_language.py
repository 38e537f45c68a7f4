"""The command line in the office's language: a card, a list and a search read in Chinese
(labels, statuses, yes/no, phone numbers as people write them) or in English, never mixed;
statuses and tiers are given by their Chinese labels too."""

from __future__ import annotations

import datetime as dt
import re

import pytest

ADD = [
    "customers",
    "add",
    "--name",
    "北京华信科技有限公司",
    "--set",
    "phone=010-62345678",
    "--set",
    "tier_manual=false",
    "--set",
    "status=已合作客户",
    "--set",
    "tier=A",
    "--contact",
    "name=张伟,mobile=13912345678",
]


@pytest.fixture
def base(cli, made_archive, passphrase, monkeypatch):
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    args = ["-a", made_archive, "--passphrase-stdin", "--no-keyring"]
    assert cli.run([*args, *ADD], stdin=passphrase + "\n").code == 0
    return args


def run(cli, passphrase, *args):
    result = cli.run(list(args), stdin=passphrase + "\n")
    assert result.code == 0, result.err
    return result.out


def test_a_card_in_chinese_has_chinese_labels_and_values_only(cli, base, passphrase):
    out = run(cli, passphrase, *base, "--lang", "zh_CN", "customers", "show", "KH-2026-0001")
    assert "电话：010 6234 5678" in out  # as people write it, not +861062345678
    assert "+86" not in out
    assert "手动设定等级：否" in out  # not False
    assert "客户状态：已合作客户" in out
    assert "联系人：张伟 · 139 1234 5678" in out
    for english in ("Phone", "Status", "Contact", "False", "version"):
        assert english not in out, english


def test_a_card_in_english_says_yes_or_no(cli, base, passphrase):
    out = run(cli, passphrase, *base, "--lang", "en", "customers", "show", "KH-2026-0001")
    assert "Phone: 010 6234 5678" in out
    assert "Tier set by hand: no" in out
    assert "Status: Cooperating (cooperating)" in out
    assert "电话" not in out and "False" not in out


def test_the_locale_chooses_the_language(cli, base, passphrase, monkeypatch):
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    out = run(cli, passphrase, *base, "customers", "list")
    assert "[已合作客户/A]" in out and "010 6234 5678" in out
    assert "（共 1 位客户）" in out


@pytest.mark.parametrize("status", ["已合作客户", "Cooperating", "cooperating"])
def test_a_status_filter_takes_the_label_in_either_language(cli, base, passphrase, status):
    out = run(
        cli,
        passphrase,
        *base,
        "--json",
        "customers",
        "list",
        "--status",
        status,
        "--tier",
        "主力客户",
    )
    assert '"total": 1' in out


def test_an_unknown_status_is_an_error_not_an_empty_list(cli, base, passphrase):
    result = cli.run(
        [*base, "customers", "list", "--status", "cooperatng"], stdin=passphrase + "\n"
    )
    line = result.assert_one_line_error()
    assert result.code == 14 and "cooperatng" in line and "cooperating" in line


def test_a_search_without_hits_says_so(cli, base, passphrase):
    out = run(cli, passphrase, *base, "--lang", "zh", "customers", "search", "上海")
    assert out.strip() == "没有与“上海”匹配的客户。"
    out = run(cli, passphrase, *base, "customers", "search", "hx")
    assert "北京华信科技有限公司" in out


def test_errors_are_said_in_chinese_too_with_the_same_exit_status(cli, base, passphrase):
    wrong = cli.run(
        [*base, "--lang", "zh_CN", "customers", "show", "KH-2026-0001"],
        stdin="not the passphrase\n",
    )
    assert wrong.code == 3 and "密码短语错误" in wrong.err and "Wrong" not in wrong.err
    missing = cli.run(
        [*base, "--lang", "zh_CN", "customers", "show", "KH-2026-0999"], stdin=passphrase + "\n"
    )
    assert missing.code == 15 and missing.err == "customer-archive: 没有客户 KH-2026-0999。\n"
    refused = cli.run(
        [*base, "--lang", "zh_CN", "customers", "list", "--status", "沉睡客户"],
        stdin=passphrase + "\n",
    )
    assert refused.code == 14 and "输入内容无法使用（" in refused.err
    english = cli.run(
        [*base, "--lang", "en", "customers", "show", "KH-2026-0999"], stdin=passphrase + "\n"
    )
    assert english.code == 15 and "未找到" not in english.err and "KH-2026-0999" in english.err


def _latin_words(line: str) -> set[str]:
    """The words in Latin letters of an error line, after the program's name."""
    assert line.startswith("customer-archive: "), line
    return set(re.findall(r"[A-Za-z]+", line.removeprefix("customer-archive: ")))


def test_a_missing_customer_is_said_in_chinese_only(cli, base, passphrase):
    result = cli.run(
        [*base, "--lang", "zh_CN", "customers", "show", "999"], stdin=passphrase + "\n"
    )
    line = result.assert_one_line_error()
    assert result.code == 15 and "999" in line and "没有客户" in line
    assert _latin_words(line) == set(), line


def test_a_refused_role_action_and_a_conflict_are_said_in_chinese(as_user):
    refused = as_user("sun", "--lang", "zh_CN", "audit", "list")
    line = refused.assert_one_line_error()
    # the role and the action are said in Chinese too, the user name as it is
    assert refused.code == 16 and "业务员" in line and "审计日志" in line
    assert _latin_words(line) == {"sun"}, line

    z = ("--lang", "zh_CN")
    until = str(dt.date.today() + dt.timedelta(days=3))
    assert (
        as_user("zhou", "items", "add", "YP-7", "--kind", "sample", "--description", "阀门").code
        == 0
    )
    assert (
        as_user("sun", "loans", "request", "YP-7", "--purpose", "演示", "--until", until).code == 0
    )
    assert as_user("zhou", "loans", "approve", "1").code == 0
    assert as_user("zhou", "loans", "checkout", "1", "--condition", "完好").code == 0
    assert as_user("li", "loans", "reserve", "YP-7", "--purpose", "核对").code == 0
    again = as_user("li", *z, "loans", "reserve", "YP-7", "--purpose", "核对")
    line = again.assert_one_line_error()
    assert again.code == 17 and "预约队列" in line
    assert _latin_words(line) == {"li", "YP"}, line
