"""The archive register through the loan service: request, approval by value class, hand-out,
return, queue, renewal, lost and damaged, the lists, scanning, visibility and the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop import errors
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from desktop.services.loans import LoanService
from desktop.storage import audit
from desktop.storage.archive import Archive

from loans_support import make_office

DAY = dt.timedelta(days=1)


@pytest.fixture
def office(archive_path, passphrase):
    o = make_office(archive_path, passphrase)
    yield o
    o.archive.close()


@pytest.fixture
def sample(office):
    """An ordinary sample (no customer) and a valuable customer material in store."""
    zhou = office.loans("zhou")
    ordinary = zhou.add_item("YP-001", "sample", "不锈钢阀门样品", shelf_location="A-3")
    valuable = zhou.add_item(
        "CL-001",
        "customer_material",
        "客户原版合同",
        value_class="valuable",
        customer_id=office.customers["sun"],
        state="available",
    )
    return ordinary, valuable


def _actions(office, target_id) -> list[str]:
    return [
        e.action
        for e in audit.query(office.archive.conn, limit=1000)
        if e.target_id == str(target_id) and e.target_type == "loan"
    ][::-1]


def test_a_loan_from_request_to_return_with_its_register_and_audit_trail(office, sample):
    ordinary, _ = sample
    today = office.clock()
    loan = office.loans("sun").request(ordinary, purpose="给客户演示", wanted_until=today + 5 * DAY)
    assert loan["state"] == "requested" and loan["borrower"] == "sun" and loan["approval_id"]
    assert loan["pending_approval"]["kind"] == "loan"

    approved = office.loans("zhou").approve(loan["id"], note="可以")  # ordinary: the custodian
    assert approved["state"] == "approved" and approved["decided_by"] == "zhou"
    out = office.loans("zhou").checkout(loan["id"], "完好")
    assert (
        out["state"] == "out" and out["handed_out_by"] == "zhou" and out["condition_out"] == "完好"
    )
    assert office.loans("zhou").get_item(ordinary)["state"] == "out"

    back = office.loans("wu").return_(loan["id"], "完好，有轻微划痕")
    assert back["loan"]["state"] == "returned" and back["loan"]["received_by"] == "wu"
    assert back["loan"]["condition_in"] == "完好，有轻微划痕" and back["next_in_queue"] is None
    assert office.loans("zhou").get_item(ordinary)["state"] == "available"
    assert [r["id"] for r in office.loans("zhou").register_of_item(ordinary)] == [loan["id"]]
    assert [r["id"] for r in office.loans("zhou").register_of_borrower("SUN")] == [loan["id"]]
    assert _actions(office, loan["id"]) == [
        "loan_request",
        "approval_request",
        "approval_approve",
        "loan_checkout",
        "loan_return",
    ]
    assert (
        ApprovalService(office.archive, office.people["zhou"]).get(loan["approval_id"]).state
        == "applied"
    )


def test_a_valuable_item_needs_a_manager_and_nobody_approves_their_own(office, sample):
    _, valuable = sample
    loan = office.loans("sun").request(
        valuable, purpose="核对条款", wanted_until=office.clock() + 2 * DAY
    )
    with pytest.raises(errors.PermissionDenied):
        office.loans("zhou").approve(loan["id"])
    assert [
        a.id for a in ApprovalService(office.archive, office.people["zhou"]).waiting_for_me()
    ] == []
    assert [
        a.id for a in ApprovalService(office.archive, office.people["qian"]).waiting_for_me()
    ] == [loan["approval_id"]]  # the regional manager of the customer's region (华东)
    with pytest.raises(errors.PermissionDenied):
        office.loans("sun").approve(loan["id"])
    assert office.loans("zhao").approve(loan["id"])["state"] == "approved"


def test_who_needs_no_approval(office, sample):
    ordinary, valuable = sample
    until = office.clock() + 3 * DAY
    assert (
        office.loans("zhao").request(valuable, purpose="谈判", wanted_until=until)["state"]
        == "approved"
    )
    # A custodian could approve an ordinary item anyway; a valuable one still needs a manager.
    assert (
        office.loans("zhou").request(ordinary, purpose="盘点", wanted_until=until)["state"]
        == "approved"
    )
    assert (
        office.loans("zhou").request(valuable, purpose="盘点", wanted_until=until)["state"]
        == "requested"
    )


def test_rejecting_in_the_approvals_window_rejects_the_loan(office, sample):
    ordinary, _ = sample
    loan = office.loans("li").request(ordinary, purpose="展会", wanted_until=office.clock() + DAY)
    ApprovalService(office.archive, office.people["zhao"]).reject(
        loan["approval_id"], "展会样品不够"
    )
    assert office.loans("li").get(loan["id"])["state"] == "rejected"
    with pytest.raises(errors.ConflictError):
        office.loans("zhou").checkout(loan["id"], "完好")
    withdrawn = office.loans("li").request(
        ordinary, purpose="展会", wanted_until=office.clock() + DAY
    )
    ApprovalService(office.archive, office.people["li"]).cancel(withdrawn["approval_id"])
    assert office.loans("li").get(withdrawn["id"])["state"] == "cancelled"


def test_cancel_withdraws_the_waiting_request(office, sample):
    ordinary, _ = sample
    loan = office.loans("li").request(ordinary, purpose="展会", wanted_until=office.clock() + DAY)
    with pytest.raises(errors.NotFound):
        office.loans("sun").cancel(loan["id"])  # sun does not see li's loan of a sample
    assert office.loans("li").cancel(loan["id"], "不需要了")["state"] == "cancelled"
    assert (
        ApprovalService(office.archive, office.people["zhao"]).get(loan["approval_id"]).state
        == "cancelled"
    )
    with pytest.raises(errors.ConflictError):
        office.loans("zhou").approve(loan["id"])


def test_an_item_is_never_handed_out_twice(office, sample):
    ordinary, _ = sample
    until = office.clock() + 2 * DAY
    a = office.loans("zhao").request(ordinary, purpose="一", wanted_until=until)
    b = office.loans("boss").request(
        ordinary, purpose="二", wanted_until=until, borrower="市场部", borrower_kind="department"
    )
    office.loans("zhou").checkout(a["id"], "完好")
    with pytest.raises(errors.ConflictError, match="already out"):
        office.loans("wu").checkout(b["id"], "完好")
    assert office.archive.query_one("SELECT count(*) FROM loans WHERE state = 'out'")[0] == 1
    with pytest.raises(errors.ConflictError):
        office.loans("wu").checkout(a["id"], "完好")  # the same loan twice
    with pytest.raises(errors.ConflictError):
        office.loans("wu").checkout(b["id"], "完好", version=b["version"] + 5)  # stale screen


def test_only_the_custodian_hands_out_and_takes_back(office, sample):
    ordinary, _ = sample
    loan = office.loans("zhao").request(ordinary, purpose="一", wanted_until=office.clock() + DAY)
    for who in ("sun", "zhao", "qian"):
        with pytest.raises(errors.PermissionDenied):
            office.loans(who).checkout(loan["id"], "完好")
    office.loans("boss").checkout(
        loan["id"], "完好"
    )  # the administrator keeps a small office's register
    with pytest.raises(errors.PermissionDenied):
        office.loans("zhao").return_(loan["id"])


def test_the_queue_serves_the_first_to_reserve(office, sample):
    ordinary, _ = sample
    until = office.clock() + 2 * DAY
    zhou = office.loans("zhou")
    first = office.loans("zhao").request(ordinary, purpose="一", wanted_until=until)
    with pytest.raises(errors.ConflictError, match="request it"):
        office.loans("li").reserve(ordinary, purpose="等")  # in store: ask for it directly
    zhou.checkout(first["id"], "完好")
    r_li = office.loans("li").reserve(ordinary, purpose="展会")
    r_sun = office.loans("sun").reserve(ordinary, purpose="拜访")
    with pytest.raises(errors.ConflictError, match="already in the queue"):
        office.loans("sun").reserve(ordinary, purpose="again")
    # sun asks (and gets approval) before li, but li queued first.
    sun_loan = office.loans("sun").request(ordinary, purpose="拜访", wanted_until=until + 3 * DAY)
    zhou.approve(sun_loan["id"])
    back = zhou.return_(first["id"])
    assert back["next_in_queue"]["borrower"] == "li" and back["next_in_queue"]["state"] == "ready"
    assert [r["borrower"] for r in zhou.today_view().ready] == ["li"]
    with pytest.raises(errors.ConflictError, match="li is first in the queue"):
        zhou.checkout(sun_loan["id"], "完好")
    li_loan = office.loans("li").request(ordinary, purpose="展会", wanted_until=until + 3 * DAY)
    assert li_loan["reservation_id"] == r_li["id"]
    zhou.approve(li_loan["id"])
    zhou.checkout(li_loan["id"], "完好")
    assert [r["borrower"] for r in zhou.queue(ordinary)] == ["sun"]
    assert zhou.return_(li_loan["id"])["next_in_queue"]["id"] == r_sun["id"]
    zhou.checkout(sun_loan["id"], "完好")  # sun is first now, with the loan asked for earlier


def test_cancelling_a_ready_reservation_tells_the_next(office, sample):
    ordinary, _ = sample
    zhou = office.loans("zhou")
    loan = office.loans("zhao").request(ordinary, purpose="一", wanted_until=office.clock() + DAY)
    zhou.checkout(loan["id"], "完好")
    r1 = office.loans("li").reserve(ordinary, purpose="展会")
    r2 = office.loans("sun").reserve(ordinary, purpose="拜访")
    zhou.return_(loan["id"])
    with pytest.raises(errors.PermissionDenied):
        office.loans("sun").cancel_reservation(r1["id"])
    assert office.loans("li").cancel_reservation(r1["id"])["state"] == "cancelled"
    assert [(r["id"], r["state"]) for r in zhou.queue(ordinary)] == [(r2["id"], "ready")]


def test_a_renewal_is_an_approved_extension(office, sample):
    ordinary, valuable = sample
    today = office.clock()
    loan = office.loans("zhao").request(
        valuable, purpose="谈判", wanted_until=today + 2 * DAY, borrower="sun"
    )
    office.loans("zhou").checkout(loan["id"], "完好")
    asked = office.loans("sun").renew(loan["id"], today + 9 * DAY, "谈判延期")
    assert not asked["applied"] and asked["loan"]["due"] == (today + 2 * DAY).isoformat()
    with pytest.raises(errors.ConflictError, match="already waits"):
        office.loans("sun").renew(loan["id"], today + 10 * DAY, "again")
    with pytest.raises(errors.PermissionDenied):
        office.loans("zhou").approve(loan["id"])  # valuable: a manager decides the renewal too
    renewed = office.loans("zhao").approve(loan["id"])
    assert renewed["due"] == (today + 9 * DAY).isoformat() and renewed["state"] == "out"
    assert [(r["old_due"], r["new_due"]) for r in renewed["renewals"]] == [
        ((today + 2 * DAY).isoformat(), (today + 9 * DAY).isoformat())
    ]
    with pytest.raises(errors.ValidationError, match="later"):
        office.loans("zhao").renew(loan["id"], today + 3 * DAY, "earlier")
    other = office.loans("zhao").request(ordinary, purpose="x", wanted_until=today + DAY)
    with pytest.raises(errors.ConflictError):
        office.loans("zhao").renew(other["id"], today + 5 * DAY, "not out yet")


def test_overdue_due_soon_and_today(office, sample):
    ordinary, valuable = sample
    zhou = office.loans("zhou")
    today = office.clock()
    late = office.loans("zhao").request(ordinary, purpose="一", wanted_until=today + DAY)
    zhou.checkout(late["id"], "完好")
    soon = office.loans("zhao").request(valuable, purpose="二", wanted_until=today + 4 * DAY)
    zhou.checkout(soon["id"], "完好")
    waiting = office.loans("sun").request(valuable, purpose="三", wanted_until=today + 9 * DAY)
    office.clock.day = today + 2 * DAY
    assert [loan["id"] for loan in zhou.list(overdue=True)] == [late["id"]]
    assert zhou.get(late["id"])["days_overdue"] == 1
    assert [loan["id"] for loan in zhou.list(due_soon=True)] == [soon["id"]]
    t = zhou.today_view()
    assert [loan["id"] for loan in t.overdue] == [late["id"]]
    assert [loan["id"] for loan in t.to_collect] == [soon["id"]]
    assert [loan["id"] for loan in t.waiting] == [waiting["id"]]
    assert t.to_hand_out == []
    office.loans("zhao").approve(waiting["id"])
    assert [loan["id"] for loan in zhou.today_view().to_hand_out] == [waiting["id"]]


def test_lost_then_found_damaged_then_repaired(office, sample):
    ordinary, _ = sample
    zhou = office.loans("zhou")
    until = office.clock() + DAY
    loan = office.loans("zhao").request(ordinary, purpose="一", wanted_until=until)
    zhou.checkout(loan["id"], "完好")
    assert zhou.mark_lost(loan["id"], "借用人报告遗失")["loan"]["state"] == "lost"
    assert zhou.get_item(ordinary)["state"] == "lost"
    with pytest.raises(errors.ConflictError, match="lost"):
        office.loans("zhao").request(ordinary, purpose="二", wanted_until=until)
    zhou.restore_item(ordinary, "在会议室找到")
    again = office.loans("zhao").request(ordinary, purpose="二", wanted_until=until)
    zhou.checkout(again["id"], "完好")
    with pytest.raises(errors.ValidationError):
        zhou.mark_damaged(again["id"], "")
    assert zhou.return_(again["id"], "外壳开裂", damaged=True)["loan"]["state"] == "damaged"
    assert zhou.get_item(ordinary)["state"] == "damaged"
    third = office.loans("zhao").request(ordinary, purpose="三", wanted_until=until)
    with pytest.raises(errors.ConflictError, match="damaged"):
        zhou.checkout(third["id"], "完好")
    zhou.restore_item(ordinary)
    assert zhou.checkout(third["id"], "完好")["state"] == "out"


def test_a_customer_material_taken_into_custody_and_given_back(office):
    zhou = office.loans("zhou")
    item = zhou.add_item(
        "CL-002", "customer_material", "客户提供的样机", customer_id=office.customers["sun"]
    )
    assert zhou.get_item(item)["state"] == "with_owner"
    loan = office.loans("sun").request(
        item,
        borrower="上海东方贸易有限公司",
        borrower_kind="outside",
        direction="taken_in",
        purpose="代为保管检测",
        wanted_until=office.clock() + 30 * DAY,
    )
    zhou.approve(loan["id"])
    assert zhou.scan("cl-002").action == "checkout"
    zhou.checkout(loan["id"], "外观完好，附件齐全")
    assert zhou.get_item(item)["state"] == "available"  # in our store now
    assert zhou.scan("CL-002").action == "return"
    zhou.return_(loan["id"], "原样交还")
    assert zhou.get_item(item)["state"] == "with_owner"
    with pytest.raises(errors.ValidationError, match="customer's material"):
        office.loans("zhao").request(
            office.dossier("sun"),
            direction="taken_in",
            purpose="x",
            wanted_until=office.clock() + DAY,
        )


def test_scanning_finds_what_to_do(office, sample):
    ordinary, _ = sample
    zhou = office.loans("zhou")
    with pytest.raises(errors.NotFound):
        zhou.scan("NO-SUCH")
    assert zhou.scan(" yp-001 \n").action is None
    loan = office.loans("zhao").request(ordinary, purpose="一", wanted_until=office.clock() + DAY)
    scan = zhou.scan("YP-001")
    assert (scan.action, scan.loan["id"]) == ("checkout", loan["id"])
    zhou.checkout(scan.loan["id"], "完好")
    scan = zhou.scan("YP-001")
    assert (scan.action, scan.loan["id"]) == ("return", loan["id"])


def test_salespeople_see_their_customers_items_and_their_own_loans(office, sample):
    ordinary, valuable = sample
    until = office.clock() + DAY
    li_dossier, sun_dossier = office.dossier("li"), office.dossier("sun")
    mine = office.loans("li").request(ordinary, purpose="展会", wanted_until=until)
    of_li_customer = office.loans("zhao").request(li_dossier, purpose="审计", wanted_until=until)
    of_sun_customer = office.loans("zhao").request(valuable, purpose="谈判", wanted_until=until)
    seen = lambda who: {loan["id"] for loan in office.loans(who).list()}  # noqa: E731
    assert seen("li") == {mine["id"], of_li_customer["id"]}
    assert seen("sun") == {of_sun_customer["id"]}
    assert seen("qian") == {of_sun_customer["id"]}  # region 华东
    assert seen("zhou") == seen("zhao") == {mine["id"], of_li_customer["id"], of_sun_customer["id"]}
    with pytest.raises(errors.NotFound):
        office.loans("sun").get(of_li_customer["id"])
    with pytest.raises(errors.PermissionDenied):
        office.loans("sun").request(li_dossier, purpose="看看", wanted_until=until)
    items = {i["item_no"] for i in office.loans("sun").list_items()}
    assert "YP-001" in items and office.loans("zhou").get_item(sun_dossier)["item_no"] in items
    assert office.loans("zhou").get_item(li_dossier)["item_no"] not in items
    assert [
        loan["id"] for loan in office.loans("zhao").register_of_customer(office.customers["li"])
    ] == [of_li_customer["id"]]


def test_a_hand_out_without_the_items_condition_is_refused(office, sample):
    ordinary, _ = sample
    zhou = office.loans("zhou")
    loan = office.loans("sun").request(ordinary, purpose="演示", wanted_until=office.clock() + DAY)
    zhou.approve(loan["id"])
    for empty in (None, "", "   "):
        with pytest.raises(errors.ValidationError, match="condition"):
            zhou.checkout(loan["id"], empty)
    assert zhou.get(loan["id"])["state"] == "approved"
    assert zhou.get_item(ordinary)["state"] == "available"
    assert zhou.checkout(loan["id"], "完好")["condition_out"] == "完好"


def test_bad_input_is_refused_with_a_clear_message(office, sample):
    ordinary, _ = sample
    zhou = office.loans("zhou")
    today = office.clock()
    with pytest.raises(errors.ValidationError, match="already used"):
        zhou.add_item("yp-001", "sample", "again")
    with pytest.raises(errors.ValidationError, match="kind"):
        zhou.add_item("X-1", "car", "a car")
    with pytest.raises(errors.PermissionDenied):
        office.loans("sun").add_item("X-1", "sample", "样品")
    with pytest.raises(errors.ValidationError, match="purpose"):
        zhou.request(ordinary, purpose=" ", wanted_until=today)
    with pytest.raises(errors.ValidationError, match="Not a date: next week"):
        zhou.request(ordinary, purpose="x", wanted_until="next week")
    with pytest.raises(errors.ValidationError, match="passed"):
        zhou.request(ordinary, purpose="x", wanted_until=today - DAY)
    assert office.archive.query_one("SELECT count(*) FROM loans")[0] == 0


def test_single_user_archive_needs_no_approval(archive_path, passphrase):
    with Archive.create(archive_path, passphrase) as archive:
        cid = CustomerService(archive, "boss").add({"name": "深圳华信电子有限公司"})
        svc = LoanService(archive, "boss")
        dossier = svc.list_items(customer_id=cid)[0]
        loan = svc.request(dossier["id"], purpose="年审", wanted_until=dt.date.today())
        assert loan["state"] == "approved" and loan["approval_id"] is None
        assert svc.checkout(loan["id"], "完好")["state"] == "out"


def test_a_handover_moves_the_open_loans_and_queue_places_with_the_customers(
    office, sample, tmp_path
):
    """docs/domain.md, Changes and handover: when sun leaves, the files sun holds go to the
    successor in the same step."""
    from desktop.services.printing import PrintService
    from pdf_support import pdf_text

    ordinary, valuable = sample
    today = office.clock()
    zhou = office.loans("zhou")
    returned = office.loans("sun").request(ordinary, purpose="演示", wanted_until=today + DAY)
    zhou.approve(returned["id"])
    zhou.checkout(returned["id"], "完好")
    zhou.return_(returned["id"], "完好")
    out = office.loans("sun").request(ordinary, purpose="给客户演示", wanted_until=today + 5 * DAY)
    zhou.approve(out["id"])
    zhou.checkout(out["id"], "完好")
    waiting = office.loans("sun").request(
        valuable, purpose="核对条款", wanted_until=today + 2 * DAY
    )
    queued = office.loans("li").reserve(ordinary, purpose="下周演示")  # li waits behind sun's loan
    mine = office.loans("zhou").reserve(ordinary, borrower="sun", purpose="再借一次")

    result = CustomerService(office.archive, office.people["zhao"]).handover(
        "sun", "li", "孙业务离职"
    )

    moved = {loan["id"]: loan for loan in result["loans"]}
    assert set(moved) == {out["id"], waiting["id"]}
    assert moved[out["id"]]["item_no"] == "YP-001" and moved[out["id"]]["state"] == "out"
    register = {
        loan["id"]: loan
        for loan in zhou.register_of_item(ordinary) + zhou.register_of_item(valuable)
    }
    assert register[out["id"]]["borrower"] == "li" and register[waiting["id"]]["borrower"] == "li"
    assert register[returned["id"]]["borrower"] == "sun"  # closed loans keep their history
    borrowers = dict(office.archive.query("SELECT id, borrower FROM reservations"))
    assert borrowers[mine["id"]] == "li" and borrowers[queued["id"]] == "li"
    # li can now bring back what sun had, and the approval sun asked for still decides it
    assert zhou.return_(out["id"], "完好")["loan"]["state"] == "returned"
    assert office.loans("zhao").approve(waiting["id"])["borrower"] == "li"
    # the printed handover list names the items that moved
    printer = PrintService(office.archive, office.people["zhao"])
    target = tmp_path / "handover.pdf"
    printer.handover_pdf(printer.latest_handover_id("sun"), target, "zh_CN")
    text = pdf_text(target)
    assert "在借物品（共2件）" in text and "YP-001不锈钢阀门样品借出中" in text and "CL-001" in text
