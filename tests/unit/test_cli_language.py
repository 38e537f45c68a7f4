"""The command line in the office's language: a card, a list and a search read in Chinese
(labels, statuses, yes/no, phone numbers as people write them) or in English, never mixed;
statuses and tiers are given by their Chinese labels too."""

from __future__ import annotations

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
    assert missing.code == 15 and missing.err.startswith("customer-archive: 未找到（")
    refused = cli.run(
        [*base, "--lang", "zh_CN", "customers", "list", "--status", "沉睡客户"],
        stdin=passphrase + "\n",
    )
    assert refused.code == 14 and "输入内容无法使用（" in refused.err
    english = cli.run(
        [*base, "--lang", "en", "customers", "show", "KH-2026-0999"], stdin=passphrase + "\n"
    )
    assert english.code == 15 and "未找到" not in english.err and "KH-2026-0999" in english.err
