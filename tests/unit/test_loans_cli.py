"""``loans`` and ``items`` on the command line: what a custodian and a borrower type and see."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date.today()


def ok(result):
    assert result.code == 0, (result.code, result.out, result.err)
    return result


def test_a_loan_on_the_command_line_from_request_to_return(as_user):
    ok(
        as_user(
            "zhou",
            "items",
            "add",
            "YP-001",
            "--kind",
            "sample",
            "--description",
            "不锈钢阀门样品",
            "--shelf",
            "A-3",
        )
    )
    r = ok(
        as_user(
            "sun",
            "loans",
            "request",
            "YP-001",
            "--purpose",
            "给客户演示",
            "--until",
            str(TODAY + dt.timedelta(days=5)),
            "--json",
        )
    ).json()
    assert r["state"] == "requested"
    loan = r["id"]
    assert ok(
        as_user(
            "sun",
            "loans",
            "request",
            "yp-001",
            "--purpose",
            "again",
            "--until",
            str(TODAY + dt.timedelta(days=5)),
        )
    ).out.startswith(f"Loan #{loan + 1} requested")
    ok(as_user("sun", "loans", "cancel", str(loan + 1)))

    waiting = ok(as_user("zhou", "loans", "today", "--json")).json()["waiting"]
    assert [w["id"] for w in waiting] == [loan]
    assert "approved" in ok(as_user("zhou", "loans", "approve", str(loan), "--note", "同意")).out
    out = ok(as_user("zhou", "loans", "checkout", "--item", "YP-001", "--condition", "完好"))
    assert out.out.strip() == (
        f"Item YP-001 handed out to sun (loan #{loan}), due back {TODAY + dt.timedelta(days=5)}."
    )
    again = as_user("wu", "loans", "checkout", str(loan), "--condition", "完好")
    assert again.code == 17 and "out" in again.error_line()

    listed = ok(as_user("sun", "loans", "list", "--state", "out", "--json")).json()
    assert [(loan["id"], loan["item_no"], loan["handed_out_by"]) for loan in listed] == [
        (loan, "YP-001", "zhou")
    ]
    assert "(no loans)" in ok(as_user("sun", "loans", "list", "--overdue")).out
    back = ok(as_user("wu", "loans", "return", "--item", "yp-001", "--condition", "完好"))
    assert back.out.strip() == f"Item YP-001 returned (loan #{loan})."
    shown = ok(as_user("zhou", "loans", "show", str(loan))).out
    assert "handed out by: zhou" in shown and "received by: wu" in shown
    item = ok(as_user("zhou", "items", "show", "YP-001", "--json")).json()
    assert item["state"] == "available" and [loan["state"] for loan in item["register"]] == [
        "cancelled",
        "returned",
    ]


def test_errors_are_one_line_with_their_exit_status(as_user):
    ok(
        as_user(
            "zhou",
            "items",
            "add",
            "CL-9",
            "--kind",
            "customer_material",
            "--description",
            "原版合同",
            "--value-class",
            "valuable",
            "--in-store",
        )
    )
    assert as_user("sun", "items", "add", "X", "--kind", "sample", "--description", "x").code == 16
    r = as_user("sun", "loans", "request", "NOPE", "--purpose", "x", "--until", str(TODAY))
    assert r.code == 15 and "NOPE" in r.error_line()
    r = as_user("sun", "loans", "request", "CL-9", "--purpose", "x", "--until", "tomorrow")
    assert r.code == 14 and "Not a date: tomorrow" in r.error_line()
    loan = ok(
        as_user(
            "sun", "loans", "request", "CL-9", "--purpose", "核对", "--until", str(TODAY), "--json"
        )
    ).json()["id"]
    r = as_user("zhou", "loans", "approve", str(loan))
    assert r.code == 16 and r.error_line()  # valuable: a manager approves
    r = as_user("zhou", "loans", "checkout", str(loan), "--condition", "完好")
    assert r.code == 17 and "requested" in r.error_line()
    ok(as_user("zhao", "loans", "approve", str(loan)))
    ok(as_user("zhou", "loans", "checkout", str(loan), "--condition", "完好"))
    ok(as_user("li", "loans", "reserve", "CL-9", "--purpose", "也要核对"))
    r = as_user("li", "loans", "reserve", "CL-9", "--purpose", "again")
    assert r.code == 17 and "already in the queue" in r.error_line()


def test_queue_renewal_lost_and_restore(as_user):
    ok(as_user("zhou", "items", "add", "SB-1", "--kind", "equipment", "--description", "投影仪"))
    loan = ok(
        as_user(
            "zhao",
            "loans",
            "request",
            "SB-1",
            "--purpose",
            "会议",
            "--until",
            str(TODAY + dt.timedelta(days=1)),
            "--json",
        )
    ).json()["id"]
    ok(as_user("zhou", "loans", "checkout", str(loan), "--condition", "完好"))
    assert (
        "number 1 in the queue"
        in ok(as_user("li", "loans", "reserve", "SB-1", "--purpose", "培训")).out
    )
    renew = ok(
        as_user(
            "zhao",
            "loans",
            "renew",
            str(loan),
            "--until",
            str(TODAY + dt.timedelta(days=4)),
            "--reason",
            "会议延期",
        )
    )
    assert f"due {TODAY + dt.timedelta(days=4)}" in renew.out
    assert ok(as_user("zhou", "loans", "list", "--due-soon", "--json")).json() == []
    ok(as_user("zhou", "loans", "lost", str(loan), "--note", "会后找不到"))
    restored = ok(as_user("zhou", "items", "restore", "SB-1", "--note", "在会议室找到"))
    assert "li is first in the queue" in restored.out
    today = ok(as_user("zhou", "loans", "today")).out
    assert "SB-1 投影仪 → tell li" in today
    assert (
        ok(as_user("zhou", "items", "list", "--kind", "equipment", "--json")).json()[0]["state"]
        == "available"
    )


def test_a_customer_material_taken_in(as_user):
    ok(
        as_user(
            "zhou",
            "items",
            "add",
            "CL-2",
            "--kind",
            "customer_material",
            "--description",
            "样机",
            "--customer",
            ok(as_user("sun", "items", "list", "--kind", "dossier", "--json")).json()[0][
                "customer_archive_no"
            ],
        )
    )
    loan = ok(
        as_user(
            "sun",
            "loans",
            "request",
            "CL-2",
            "--direction",
            "taken_in",
            "--borrower",
            "上海东方贸易有限公司",
            "--borrower-kind",
            "outside",
            "--purpose",
            "代为保管",
            "--until",
            str(TODAY + dt.timedelta(days=30)),
            "--json",
        )
    ).json()["id"]
    ok(as_user("zhou", "loans", "approve", str(loan)))
    scan = ok(as_user("zhou", "loans", "scan", "CL-2", "--json")).json()
    assert scan["action"] == "checkout" and scan["loan"]["id"] == loan
    ok(as_user("zhou", "loans", "checkout", "--item", "CL-2", "--condition", "完好"))
    assert ok(as_user("zhou", "items", "show", "CL-2", "--json")).json()["state"] == "available"
    ok(as_user("zhou", "loans", "return", str(loan)))
    assert ok(as_user("zhou", "items", "show", "CL-2", "--json")).json()["state"] == "with_owner"


def test_items_edit_moves_the_shelf_and_refuses_a_stale_version(as_user):
    ok(as_user("zhou", "items", "add", "SB-2", "--kind", "equipment", "--description", "相机"))
    out = ok(
        as_user(
            "zhou",
            "items",
            "edit",
            "SB-2",
            "--shelf",
            "柜 C-1",
            "--value-class",
            "valuable",
            "--json",
        )
    ).json()
    assert (out["shelf_location"], out["value_class"], out["version"]) == ("柜 C-1", "valuable", 2)
    r = as_user("wu", "items", "edit", "SB-2", "--shelf", "柜 D", "--version", "1")
    assert r.code == 17 and "changed by someone else" in r.error_line()
    r = as_user("zhou", "items", "edit", "SB-2")
    assert r.code == 14
    assert as_user("sun", "items", "edit", "SB-2", "--shelf", "x").code == 16


def test_the_items_list_names_a_dossier_s_customer_once(as_user):
    ok(as_user("zhou", "items", "add", "YP-002", "--kind", "sample", "--description", "阀门样品"))
    lines = ok(as_user("zhou", "items", "list")).out.splitlines()
    dossiers = [line for line in lines if " dossier " in line]
    assert dossiers
    for line in dossiers:
        name = line.split()[-1]
        assert line.count(name) == 1, line
    sample = next(line for line in lines if line.startswith("YP-002"))
    assert "阀门样品" in sample


def test_a_hand_out_on_the_command_line_needs_the_condition(as_user):
    ok(as_user("zhou", "items", "add", "YP-7", "--kind", "sample", "--description", "阀门"))
    loan = ok(
        as_user(
            "sun",
            "loans",
            "request",
            "YP-7",
            "--purpose",
            "演示",
            "--until",
            str(TODAY + dt.timedelta(days=2)),
            "--json",
        )
    ).json()["id"]
    ok(as_user("zhou", "loans", "approve", str(loan)))
    for extra in ([], ["--condition", " "]):
        r = as_user("zhou", "loans", "checkout", str(loan), *extra)
        assert r.code == 14 and "condition" in r.error_line()
    assert ok(as_user("zhou", "loans", "show", str(loan), "--json")).json()["state"] == "approved"
    ok(as_user("zhou", "loans", "checkout", "--item", "YP-7", "--condition", "完好"))
