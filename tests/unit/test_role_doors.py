"""Every role through every door: each command a role can reach, run as that role on data that
gives hits, is allowed or refused as the rules say, and returns nothing the role may not see.

The office: administrator boss, manager zhao, regional manager qian (华东), salesperson sun
(华东, responsible for the private person 王小明), clerk wang (a salesperson of 华东 with a
company of his own, outside 王小明's scope), custodian zhou, and li, a salesperson of 华北.

王小明 is a private person: his phone, address and e-mail, his contact's mobile and e-mail and
his hobbies are sensitive. Only sun (who collected them) sees them as they are; managers and
the administrator see masks and may reveal a field for a logged purpose; qian sees the card
masked; wang, zhou and li do not see the card at all. A search may match the sensitive values
only for those who may see them (sun, zhao, boss): a match reveals what it matched.

Each door is one CLI command (the window calls the same services: the last tests run the
window's own jobs). Outputs are checked as text (stdout, JSON, sort order) and as files
(workbooks read back with openpyxl, PDFs with pdftotext).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop import errors
from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

from pdf_support import pdf_text

PW = "a good password 1"
PASSPHRASE = "correct horse battery staple 电池"

ROLES = ("boss", "zhao", "qian", "sun", "wang", "zhou", "li")
PEOPLE = (
    ("zhao", "赵经理", "manager", None),
    ("qian", "钱区域", "regional_manager", "华东"),
    ("sun", "孙业务", "salesperson", "华东"),
    ("wang", "王客服", "salesperson", "华东"),
    ("zhou", "周档案", "custodian", None),
    ("li", "李业务", "salesperson", "华北"),
)

PERSON = "王小明"
PHONE, MOBILE = "13912345678", "13787654321"
ADDRESS = "上海市浦东新区世纪大道88号"
EMAIL, CONTACT_EMAIL = "wxm@example.com", "wtt@example.net"
#: What must not show to a role that does not see 王小明's sensitive fields plainly, in a
#: form that survives formatting (outputs are compared with spaces and dashes removed).
SECRETS = ("912345", "876543", "世纪大道", "wxm@", "wtt@", "高尔夫", "1391234", "1378765")

SEES_CARD = {"boss", "zhao", "qian", "sun"}
SEES_PLAINLY = {"sun"}
MAY_MATCH_SENSITIVE = {"boss", "zhao", "sun"}


@dataclass
class Office:
    path: Path
    person_no: str
    company_no: str


@pytest.fixture(scope="module")
def office(tmp_path_factory) -> Office:
    path = tmp_path_factory.mktemp("doors") / "office.carc"
    archive = Archive.create(path, PASSPHRASE)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    people = {"boss": admin}
    for i, (name, display, role, region) in enumerate(PEOPLE):
        accounts.add_user(
            admin,
            name,
            display,
            role,
            region,
            PW,
            admin_password=PW if i == 0 else None,
            must_change_password=False,
        )
        people[name] = accounts.login(name, PW)
    sun = CustomerService(archive, people["sun"])
    pid = sun.add(
        {
            "name": PERSON,
            "region": "华东",
            "customer_type": "individual",
            "phone": "13900000000",
            "address": ADDRESS,
            "email": EMAIL,
            "dm_hobbies": "高尔夫",
        },
        [{"name": "王太太", "mobile": MOBILE, "email": CONTACT_EMAIL}],
    )
    card = sun.get(pid)
    sun.edit(pid, {"phone": PHONE}, card.version, reason="新号码")  # the history holds phones
    sun.add_follow_up(pid, "2026-11-20", "visit", "回访王小明")
    sun.add_transaction(pid, "2026-11-21", "1200.00", "现金")
    wang = CustomerService(archive, people["wang"])
    cid = wang.add({"name": "上海东方贸易有限公司", "region": "华东", "phone": "021-62345678"})
    CustomerService(archive, people["li"]).add(
        {"name": "北京长城科技有限公司", "region": "华北", "tags": "长城专属", "industry": "军工"}
    )
    # li asks for access to the card: the approver sees which card, li only its number
    CustomerService(archive, people["li"]).request_access(pid, "客户来电", hours=24)
    with pytest.raises(errors.ApprovalRequested):  # a request a manager decides
        sun.set_tier(pid, "A", reason="大客户")
    person_no = str(sun.get(pid).values["archive_no"])
    company_no = str(wang.get(cid).values["archive_no"])
    archive.close()
    return Office(path, person_no, company_no)


def run(cli, office: Office, who: str, *args: str):
    return cli.run(
        ["-a", office.path, "--passphrase-stdin", "--password-stdin", "--user", who, *args],
        stdin=f"{PASSPHRASE}\n{PW}\n",
    )


def readable(text: str) -> str:
    """Output as a reader sees it: JSON decoded (no \\u escapes), spaces and dashes gone."""
    try:
        text = json.dumps(json.loads(text), ensure_ascii=False)
    except ValueError:
        pass
    return re.sub(r"[\s\-()]", "", text)


def leaks(text: str) -> list[str]:
    flat = readable(text)
    return [s for s in SECRETS if s in flat]


def workbook_text(path: Path) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    return "\n".join(
        str(v)
        for ws in wb.worksheets
        for row in ws.iter_rows(values_only=True)
        for v in row
        if v is not None
    )


def check_output(who: str, text: str, *, hides_card: bool = True) -> None:
    if who not in SEES_PLAINLY:
        assert leaks(text) == [], f"{who} was shown {leaks(text)}"
    if hides_card and who not in SEES_CARD:
        assert PERSON not in readable(text), f"{who} was shown {PERSON}'s card"


# ------------------------------------------------------------------------ the card
@pytest.mark.parametrize("who", ROLES)
def test_show(cli, office, who):
    r = run(cli, office, who, "customers", "show", office.person_no)
    if who in SEES_CARD:
        assert r.code == 0, r.err
        assert PERSON in r.out
        assert (PHONE in readable(r.out)) == (who in SEES_PLAINLY)
    else:
        assert r.code == 16, r.err
    check_output(who, r.out + r.err)


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("form", [(), ("--json",)], ids=["text", "json"])
def test_list(cli, office, who, form):
    r = run(cli, office, who, *form, "customers", "list")
    assert r.code == 0, r.err
    assert (PERSON in readable(r.out)) == (who in SEES_CARD)
    if who == "wang":
        assert "上海东方贸易有限公司" in readable(r.out)
    check_output(who, r.out + r.err)


@pytest.mark.parametrize("who", ROLES)
def test_sorting_by_phone_tells_nothing(cli, office, who):
    """The order of a list sorted by phone may not reveal a masked number: a masked phone
    sorts as an empty one, whatever its digits."""
    r = run(cli, office, who, "--json", "customers", "list", "--sort", "phone")
    assert r.code == 0, r.err
    rows = json.loads(r.out)["customers"]
    check_output(who, r.out)
    names = [row["name"] for row in rows]
    if who in SEES_CARD and who not in SEES_PLAINLY:
        assert names[0] == PERSON  # among the empty ones, not between 021… and others


@pytest.mark.parametrize("who", ROLES)
def test_history(cli, office, who):
    r = run(cli, office, who, "customers", "history", office.person_no)
    if who in SEES_CARD:
        assert r.code == 0, r.err
        assert "新号码" in r.out  # the phone change is there, its values masked
    else:
        assert r.code == 16, r.err
    check_output(who, r.out + r.err)


# ------------------------------------------------------------------------ search
@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("door", ["search", "list"])
def test_search_with_hits(cli, office, who, door):
    args = (
        ("customers", "search", PERSON)
        if door == "search"
        else ("customers", "list", "--query", "王")
    )
    r = run(cli, office, who, "--json", *args)
    assert r.code == 0, r.err
    assert (PERSON in readable(r.out)) == (who in SEES_CARD)
    check_output(who, r.out + r.err)


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize(
    "query",
    [PHONE, "139 1234 5678", "世纪大道", "wxm@example", MOBILE, "wtt@example"],
    ids=["phone", "phone-spaced", "address", "email", "contact-mobile", "contact-email"],
)
def test_a_search_matches_sensitive_values_only_for_who_may_see_them(cli, office, who, query):
    r = run(cli, office, who, "--json", "customers", "search", query)
    assert r.code == 0, r.err
    assert (PERSON in readable(r.out)) == (who in MAY_MATCH_SENSITIVE), r.out
    check_output(who, r.out + r.err)


# ------------------------------------------------------------------------ exports and prints
@pytest.mark.parametrize("who", ROLES)
def test_export_list(cli, office, who, tmp_path):
    out = tmp_path / "list.xlsx"
    r = run(cli, office, who, "export", "xlsx", str(out), "--query", "王")
    if who == "zhou":
        assert r.code == 16, r.err
        assert not out.exists()
        return
    assert r.code == 0, r.err
    text = workbook_text(out)
    assert (PERSON in text) == (who in SEES_CARD)
    check_output(who, text)


@pytest.mark.parametrize("who", ROLES)
def test_export_full(cli, office, who, tmp_path):
    out = tmp_path / "full.xlsx"
    r = run(cli, office, who, "export", "xlsx", str(out), "--full", "--reason", "年度审计")
    expected = {"boss": 0, "zhao": 0, "qian": 18}.get(who, 16)
    assert r.code == expected, r.err
    assert out.exists() == (expected == 0)


@pytest.mark.parametrize("who", ROLES)
def test_print_card(cli, office, who, tmp_path):
    out = tmp_path / "card.pdf"
    r = run(cli, office, who, "customers", "print", office.person_no, str(out))
    if who not in SEES_CARD:
        assert r.code == 16, r.err
        assert not out.exists()
        return
    assert r.code == 0, r.err
    text = pdf_text(out)
    assert PERSON in text
    check_output(who, text)


@pytest.mark.parametrize("who", ROLES)
def test_backup_is_a_full_copy(cli, office, who, tmp_path):
    out = tmp_path / "copy.carc"
    r = run(cli, office, who, "backup", str(out))
    if who in ("boss", "zhao"):
        assert r.code == 0, r.err
        assert out.exists()
    else:
        assert r.code == 16, r.err
        assert not out.exists()


# ------------------------------------------------------------------------ other doors
@pytest.mark.parametrize("who", ROLES)
def test_register(cli, office, who):
    for args in (("loans", "list"), ("items", "list")):
        r = run(cli, office, who, "--json", *args)
        assert r.code == 0, r.err
        # the register names a dossier by number and name (the custodian's work), no more
        check_output(who, r.out + r.err, hides_card=who != "zhou")


@pytest.mark.parametrize("who", ROLES)
def test_analysis(cli, office, who):
    r = run(cli, office, who, "--json", "analysis", "credit")
    assert r.code in (0, 16), r.err
    check_output(who, r.out + r.err)


@pytest.mark.parametrize("who", ROLES)
def test_audit(cli, office, who):
    r = run(cli, office, who, "--json", "audit", "list")
    assert r.code == (0 if who in ("boss", "zhao") else 16), r.err
    check_output(who, r.out + r.err, hides_card=False)


@pytest.mark.parametrize("who", ROLES)
@pytest.mark.parametrize("which", [(), ("--mine",), ("--all",)], ids=["waiting", "mine", "all"])
def test_approvals(cli, office, who, which):
    r = run(cli, office, who, "--json", "approvals", "list", *which)
    assert r.code in (0, 16), r.err
    check_output(who, r.out + r.err)
    if who in ("boss", "zhao") and not which:
        assert PERSON in readable(r.out)  # the approver sees which card the request is for


# ------------------------------------------------------------------------ the window's jobs
@pytest.mark.parametrize("who", ROLES)
def test_the_windows_search_and_list_jobs(office, who):
    from desktop.gui import customer_jobs
    from desktop.services.archive_service import ArchiveService
    from desktop.storage.customers import Filter

    archive = Archive.open(office.path, PASSPHRASE)
    try:
        actor = AccountService(archive).login(who, PW)
        person_id = CustomerService(archive, AccountService(archive).login("boss", PW)).search(
            PERSON
        )[0]
        svc = ArchiveService.__new__(ArchiveService)
        svc.archive, svc.actor = archive, actor
        for query in ("王", PERSON, PHONE, "世纪大道"):
            found = customer_jobs.find(query, Filter(), None, False, 50)(svc)
            rows = customer_jobs.list_rows(found.ids)(svc)
            text = json.dumps([found.first_rows, rows], ensure_ascii=False, default=str)
            check_output(who, text)
            if query in (PHONE, "世纪大道"):
                assert (PERSON in text) == (who in MAY_MATCH_SENSITIVE)
            else:
                assert (PERSON in text) == (who in SEES_CARD)
            # "Found in" names only what the user may match, and only customers they see
            where = customer_jobs.matched_fields(query, [person_id])(svc)
            expected = {PHONE: ["phones"], "世纪大道": ["address"]}.get(query, ["name"])
            if query in (PHONE, "世纪大道"):
                assert where == ({person_id: expected} if who in MAY_MATCH_SENSITIVE else {})
            else:
                assert where == ({person_id: expected} if who in SEES_CARD else {})
            assert found.matches == {k: v for k, v in where.items() if k in found.ids} | {
                k: v for k, v in found.matches.items() if k != person_id
            }
        lists = customer_jobs.value_lists(svc)
        check_output(who, json.dumps(lists.__dict__, ensure_ascii=False))
        # the filter menus offer what the user's own customers hold, not others' tags
        assert ("长城专属" in lists.tags) == (who in ("boss", "zhao", "li"))
        assert ("军工" in lists.industries) == (who in ("boss", "zhao", "li"))
    finally:
        archive.close()
