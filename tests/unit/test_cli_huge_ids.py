"""A number too large for any id (typed, pasted, a script's bug) is "no such …", never a crash.

SQLite's integers end at 2**63 - 1; Python refused to bind a larger one (OverflowError), and
the user saw "unexpected error". Every command that takes an id is tried here.
"""

from __future__ import annotations

import pytest

from desktop import errors

HUGE = "99999999999999999999999"


@pytest.fixture
def as_boss(as_user, tmp_path):
    return lambda *args: as_user("boss", *[str(a).format(tmp=tmp_path) for a in args])


COMMANDS = {
    "customers show": ["customers", "show", HUGE],
    "customers edit": ["customers", "edit", HUGE, "--set", "note=x"],
    "customers delete": ["customers", "delete", HUGE, "--reason", "x"],
    "customers history": ["customers", "history", HUGE],
    "customers reveal": ["customers", "reveal", HUGE, "phone", "--purpose", "x"],
    "customers request-access": ["customers", "request-access", HUGE, "--reason", "x"],
    "customers merge": ["customers", "merge", "1", HUGE],
    "customers follow-up": [
        "customers",
        "follow-up",
        HUGE,
        "--kind",
        "call",
        "--date",
        "2026-01-01",
        "--summary",
        "s",
    ],
    "customers transaction": [
        "customers",
        "transaction",
        HUGE,
        "--date",
        "2026-01-01",
        "--amount",
        "1",
    ],
    "customers attach": ["customers", "attach", HUGE, __file__],
    "customers print": ["customers", "print", HUGE, "{tmp}/card.pdf"],
    "customers handover-list": ["customers", "handover-list", HUGE, "{tmp}/list.pdf"],
    "export cards": ["export", "cards", "{tmp}/cards.pdf", "--ids", HUGE],
    "approvals show": ["approvals", "show", HUGE],
    "approvals approve": ["approvals", "approve", HUGE],
    "approvals reject": ["approvals", "reject", HUGE, "--note", "x"],
    "approvals cancel": ["approvals", "cancel", HUGE],
    "loans show": ["loans", "show", HUGE],
    "loans approve": ["loans", "approve", HUGE],
    "loans reject": ["loans", "reject", HUGE, "--note", "x"],
    "loans cancel": ["loans", "cancel", HUGE],
    "loans checkout": ["loans", "checkout", HUGE, "--condition", "x"],
    "loans return": ["loans", "return", HUGE],
    "loans lost": ["loans", "lost", HUGE],
    "loans renew": ["loans", "renew", HUGE, "--until", "2027-01-01", "--reason", "x"],
    "loans slip": ["loans", "slip", HUGE, "{tmp}/slip.pdf"],
    "loans unreserve": ["loans", "unreserve", HUGE],
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_a_huge_id_is_not_found(as_boss, name):
    result = as_boss(*COMMANDS[name])
    line = result.assert_one_line_error()
    assert result.code == errors.NotFound.exit_status, (name, line)
    assert HUGE in line and "unexpected" not in line


def test_a_huge_version_is_a_conflict_naming_the_cards_version(as_boss):
    result = as_boss("customers", "edit", "1", "--set", "note=x", "--version", HUGE)
    line = result.assert_one_line_error()
    assert result.code == errors.ConflictError.exit_status, line
    assert "version 1" in line
    assert as_boss("customers", "show", "1", "--json").json()["note"] is None  # nothing changed


@pytest.mark.parametrize(
    "argv, key, first",
    [
        (["customers", "search", "上海", "--limit", HUGE], "name", "上海东方贸易有限公司"),
        (["audit", "list", "--limit", HUGE], "id", 1),
        (["items", "list", "--limit", HUGE], "kind", "dossier"),
    ],
)
def test_a_huge_limit_means_no_limit(as_boss, argv, key, first):
    result = as_boss(*argv, "--json")
    assert result.code == 0, result.err
    assert first in [row[key] for row in result.json()]
