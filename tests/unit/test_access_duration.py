"""An access request lasts 1 hour to 30 days (720 h): anything else is refused in one line
(exit 14) and files nothing; a request stored before the bound cannot crash its approval."""

from __future__ import annotations

import json

import pytest

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

PW = "a good password 1"


@pytest.fixture
def office(archive_path, passphrase):
    with Archive.create(archive_path, passphrase) as a:
        accounts = AccountService(a)
        admin = accounts.ensure_first_admin("boss")
        for name, full, role, region in (
            ("li", "李销售", "salesperson", "华东"),
            ("zhao", "赵经理", "manager", None),
        ):
            accounts.add_user(
                admin, name, full, role, region, PW, admin_password=PW, must_change_password=False
            )
        CustomerService(a, "boss").add(
            {"name": "上海东方贸易有限公司", "region": "华东", "responsible": "zhao"}
        )
    return archive_path


def run(cli, archive, passphrase, user, *args):
    return cli.run(
        [
            "-a",
            archive,
            "--passphrase-stdin",
            "--no-keyring",
            "--password-stdin",
            "--user",
            user,
            *args,
        ],
        stdin=f"{passphrase}\n{PW}\n",
    )


def requests(archive, passphrase) -> int:
    with Archive.open(archive, passphrase, readonly=True) as a:
        return a.conn.execute("SELECT count(*) FROM approvals").fetchone()[0]


@pytest.mark.parametrize("hours", ["-5", "0", "721", "8760000"])
def test_an_out_of_range_duration_is_refused_and_files_nothing(cli, office, passphrase, hours):
    result = run(
        cli,
        office,
        passphrase,
        "li",
        "customers",
        "request-access",
        "1",
        "--reason",
        "客户来电",
        "--hours",
        hours,
    )
    assert result.code == 14
    line = result.assert_one_line_error()
    assert "1 to 720 hours" in line and hours in line
    assert requests(office, passphrase) == 0


@pytest.mark.parametrize("hours", ["1", "720"])
def test_the_bounds_themselves_are_accepted_and_approved(cli, office, passphrase, hours):
    result = run(
        cli,
        office,
        passphrase,
        "li",
        "customers",
        "request-access",
        "1",
        "--reason",
        "客户来电",
        "--hours",
        hours,
        "--json",
    )
    assert result.code == 0, result.err
    rid = result.json()["approval_id"]
    assert run(cli, office, passphrase, "zhao", "approvals", "approve", str(rid)).code == 0


def test_an_unbounded_request_stored_earlier_is_refused_in_one_line_not_a_crash(
    cli, office, passphrase
):
    assert (
        run(
            cli,
            office,
            passphrase,
            "li",
            "customers",
            "request-access",
            "1",
            "--reason",
            "客户来电",
            "--hours",
            "24",
        ).code
        == 0
    )
    with Archive.open(office, passphrase) as a, a.write() as conn:
        conn.execute(
            "UPDATE approvals SET payload = ? WHERE id = 1",
            (json.dumps({"customer_id": 1, "hours": 8760000}),),
        )
    result = run(cli, office, passphrase, "zhao", "approvals", "approve", "1")
    assert result.code == 14
    assert "1 to 720 hours" in result.assert_one_line_error()


def test_the_approver_sees_which_card_how_long_and_why(cli, office, passphrase):
    assert (
        run(
            cli,
            office,
            passphrase,
            "li",
            "customers",
            "request-access",
            "1",
            "--reason",
            "客户来电询价",
            "--hours",
            "48",
        ).code
        == 0
    )
    text = run(cli, office, passphrase, "zhao", "approvals", "list")
    assert text.code == 0, text.err
    line = text.out.strip()
    assert "上海东方贸易有限公司" in line and "for 48 hours" in line and "客户来电询价" in line
    data = run(cli, office, passphrase, "zhao", "approvals", "list", "--json").json()
    assert data[0]["payload"]["name"] == "上海东方贸易有限公司"
    assert data[0]["payload"]["hours"] == 48 and data[0]["reason"] == "客户来电询价"
