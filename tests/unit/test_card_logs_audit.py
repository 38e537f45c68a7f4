"""Follow-ups, transactions and attachments are in the audit log, as the README promises for
every create: entered by a salesperson, read by the manager who reviews the log, with
nothing of a private person's data in the entry's text."""

from __future__ import annotations

import json

import pytest

from desktop import errors
from desktop.services.audit import AuditService
from desktop.services.customers import CustomerService
from desktop.storage import audit as audit_store
from loans_support import PW, make_office

PHONE = "13912345678"
ID_NUMBER = "110101199003077777"
SUMMARY = f"上门拜访，客户说手机{PHONE}，身份证{ID_NUMBER}"
NOTE = f"现金，身份证{ID_NUMBER}"
FILE_NAME = f"身份证{ID_NUMBER}.jpg"
AMOUNT = "8765.43"


@pytest.fixture
def office(archive_path, passphrase):
    office = make_office(archive_path, passphrase)
    yield office
    office.archive.close()


@pytest.fixture
def private_card(office):
    """A private person sun (a salesperson) looks after, with personal data on the card."""
    sun = CustomerService(office.archive, office.people["sun"])
    cid = sun.add(
        {
            "name": "王小明",
            "customer_type": "individual",
            "phone": PHONE,
            "address": "上海市徐汇区某路1号",
            "region": "华东",
        }
    )
    return sun, cid


def _entries_about(office, cid, who="zhao"):
    return AuditService(office.archive, office.people[who].user_name).list(
        target_type="customer", target_id=cid
    )


def test_what_a_salesperson_adds_to_a_card_is_in_the_audit_log(office, private_card):
    sun, cid = private_card
    fid = sun.add_follow_up(cid, "2026-03-06", "visit", SUMMARY)
    tid = sun.add_transaction(cid, "2026-03-07", AMOUNT, note=NOTE)
    aid = sun.add_attachment(cid, FILE_NAME, b"\xff\xd8 a scan")
    entries = {e.action: e for e in _entries_about(office, cid)}
    for action, key, record in (
        ("follow_up_add", "follow_up", fid),
        ("transaction_add", "transaction", tid),
        ("attachment_add", "attachment", aid),
    ):
        entry = entries[action]
        assert entry.user_name == "sun"
        assert entry.details[key] == record
        assert entry.details["archive_no"] == sun.get(cid).values["archive_no"]
    assert entries["follow_up_add"].details["date"] == "2026-03-06"
    assert entries["follow_up_add"].details["kind"] == "visit"
    assert entries["transaction_add"].details["date"] == "2026-03-07"
    assert entries["attachment_add"].details["size"] == len(b"\xff\xd8 a scan")
    assert AuditService(office.archive, "zhao").verify().ok


def test_the_audit_text_holds_none_of_the_private_persons_data(office, private_card):
    sun, cid = private_card
    sun.add_follow_up(cid, "2026-03-06", "call", SUMMARY)
    sun.add_transaction(cid, "2026-03-07", AMOUNT, note=NOTE, contract_no=f"HT-{ID_NUMBER}")
    sun.add_attachment(cid, FILE_NAME, b"scan")
    # what the manager reviewing the log reads: every entry, as text
    entries = _entries_about(office, cid)
    assert {"follow_up_add", "transaction_add", "attachment_add"} <= {e.action for e in entries}
    text = json.dumps([e.to_json() for e in entries], ensure_ascii=False)
    for secret in (PHONE, ID_NUMBER, "上门拜访", "现金", AMOUNT, "8765"):
        assert secret not in text
    # the manager sees the card's phone masked, so the log must not show it either
    assert "phone" in CustomerService(office.archive, office.people["zhao"]).get(cid).masked


@pytest.mark.parametrize("add", ["follow_up", "transaction", "attachment"])
def test_no_record_without_its_audit_entry(office, private_card, monkeypatch, add):
    sun, cid = private_card
    before = len(_entries_about(office, cid))

    def broken(*args, **kwargs):
        raise errors.DiskFull("The disk holding the archive is full.")

    monkeypatch.setattr(audit_store, "append", broken)
    with pytest.raises(errors.DiskFull):
        {
            "follow_up": lambda: sun.add_follow_up(cid, "2026-03-06", "call", "电话"),
            "transaction": lambda: sun.add_transaction(cid, "2026-03-07", "100"),
            "attachment": lambda: sun.add_attachment(cid, "a.pdf", b"%PDF"),
        }[add]()
    monkeypatch.undo()
    card = sun.get(cid)
    assert (card.follow_ups, card.transactions, card.attachments) == ([], [], [])
    assert len(_entries_about(office, cid)) == before


def test_the_manager_finds_them_with_audit_list_on_the_command_line(
    cli, office, private_card, passphrase, tmp_path
):
    sun, cid = private_card
    office.archive.close()
    scan = tmp_path / FILE_NAME
    scan.write_bytes(b"scan")

    def run(who, *args):
        return cli.run(
            [
                "-a",
                office.archive.path,
                "--passphrase-stdin",
                "--password-stdin",
                "--user",
                who,
                *map(str, args),
            ],
            stdin=f"{passphrase}\n{PW}\n",
        )

    assert (
        run(
            "sun",
            "customers",
            "follow-up",
            cid,
            "--kind",
            "call",
            "--date",
            "2026-03-06",
            "--summary",
            SUMMARY,
        ).code
        == 0
    )
    assert (
        run("sun", "customers", "transaction", cid, "--date", "2026-03-07", "--amount", AMOUNT).code
        == 0
    )
    assert run("sun", "customers", "attach", cid, scan).code == 0
    listed = run("zhao", "audit", "list", "--customer", cid)
    assert listed.code == 0, listed.err
    lines = [line for line in listed.out.splitlines() if "sun@" in line]
    assert [
        a
        for a in ("attachment_add", "transaction_add", "follow_up_add")
        if any(f"  {a}  " in line for line in lines)
    ] == ["attachment_add", "transaction_add", "follow_up_add"]
    assert PHONE not in listed.out and ID_NUMBER not in listed.out and AMOUNT not in listed.out
    # a salesperson may not read the log at all
    assert run("sun", "audit", "list").code == errors.PermissionDenied.exit_status
