"""The office's rules through the customer service: who sees what, what waits for approval,
what the change history keeps, handover, and the audit trail of it all (docs/domain.md, Roles;
Changes and handover)."""

from __future__ import annotations

import pytest

from desktop import errors
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from desktop.storage import audit
from desktop.storage.archive import Archive

PW = "a good password 1"


@pytest.fixture
def office(archive_path, passphrase):
    """An office: administrator, manager, a regional manager (华东), two salespeople, custodian."""
    archive = Archive.create(archive_path, passphrase)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    people = {"admin": admin}
    first = True
    for name, display, role, region in (
        ("zhao", "赵经理", "manager", None),
        ("qian", "钱区域", "regional_manager", "华东"),
        ("sun", "孙业务", "salesperson", "华东"),
        ("li", "李业务", "salesperson", "华北"),
        ("zhou", "周档案", "custodian", None),
    ):
        accounts.add_user(
            admin,
            name,
            display,
            role,
            region,
            PW,
            admin_password=PW if first else None,
            must_change_password=False,
        )
        first = False
        people[name] = accounts.login(name, PW)
    svc = {k: CustomerService(archive, a) for k, a in people.items()}
    ids = {
        "sun1": svc["sun"].add(
            {
                "name": "上海东方贸易有限公司",
                "region": "华东",
                "customer_type": "individual",
                "phone": "13812345678",
                "dm_hobbies": "高尔夫",
            }
        ),
        "li1": svc["li"].add({"name": "北京长城科技有限公司", "region": "华北"}),
        "hz": svc["zhao"].add(
            {"name": "杭州瑞丰食品有限公司", "region": "华东", "responsible": "li"}
        ),
    }
    yield archive, people, svc, ids
    archive.close()


def _visible(svc: CustomerService) -> set[str]:
    return {
        svc.archive.query_one("SELECT name FROM customers WHERE id = ?", (i,))[0]
        for i in svc.find()
    }


def test_each_role_sees_its_scope_in_list_search_and_card(office):
    _, _, svc, ids = office
    everything = {"上海东方贸易有限公司", "北京长城科技有限公司", "杭州瑞丰食品有限公司"}
    assert _visible(svc["admin"]) == everything
    assert _visible(svc["zhao"]) == everything
    assert _visible(svc["qian"]) == {"上海东方贸易有限公司", "杭州瑞丰食品有限公司"}  # region 华东
    assert _visible(svc["sun"]) == {"上海东方贸易有限公司"}
    assert _visible(svc["li"]) == {"北京长城科技有限公司", "杭州瑞丰食品有限公司"}
    assert _visible(svc["zhou"]) == set()
    assert svc["sun"].search("长城") == [] and svc["li"].search("长城") == [ids["li1"]]
    with pytest.raises(errors.PermissionDenied):
        svc["sun"].get(ids["li1"])
    with pytest.raises(errors.PermissionDenied):
        svc["zhou"].add({"name": "档案员不能建档"})


def test_sensitive_fields_are_masked_and_revealing_is_logged(office):
    archive, _, svc, ids = office
    own = svc["sun"].get(ids["sun1"])  # the responsible person sees them
    assert own.values["dm_hobbies"] == "高尔夫" and own.masked == []
    regional = svc["qian"].get(ids["sun1"])  # a private person's phone and the hobbies are masked
    assert "phone" in regional.masked and "dm_hobbies" in regional.masked
    assert regional.values["dm_hobbies"] != "高尔夫" and "13812345678" not in str(
        regional.values["phone"]
    )
    with pytest.raises(errors.PermissionDenied):
        svc["qian"].reveal(ids["sun1"], "phone", "回访")
    assert str(regional.values["phone"]).startswith("138")  # shown as the person knows it
    managers = svc["zhao"].get(ids["sun1"])  # managers may reveal, one logged field at a time
    assert "dm_hobbies" in managers.masked
    assert svc["zhao"].reveal(ids["sun1"], "dm_hobbies", "准备拜访礼品") == "高尔夫"
    entry = audit.query(archive.conn, action="view_sensitive")[0]
    assert entry.user_name == "zhao" and entry.details["purpose"] == "准备拜访礼品"
    # Saving the card with the masks as shown keeps the real values behind them.
    svc["zhao"].edit(
        ids["sun1"],
        {
            "phone": managers.values["phone"],
            "dm_hobbies": managers.values["dm_hobbies"],
            "note": "经理补充",
        },
        version=managers.version,
    )
    assert svc["sun"].get(ids["sun1"]).values["phone"] == "+8613812345678"
    assert svc["sun"].get(ids["sun1"]).values["dm_hobbies"] == "高尔夫"


def test_status_change_by_a_salesperson_waits_for_a_manager(office):
    archive, people, svc, ids = office
    with pytest.raises(errors.ApprovalRequested) as asked:
        svc["sun"].set_status(ids["sun1"], "followed_up", reason="已电话联系")
    request = asked.value.details["approval_id"]
    assert svc["sun"].get(ids["sun1"]).values["status"].value == "prospect"  # nothing changed yet
    assert [a.id for a in ApprovalService(archive, people["zhao"]).waiting_for_me()] == [request]
    assert ApprovalService(archive, people["sun"]).waiting_for_me() == []
    with pytest.raises(errors.PermissionDenied):  # never one's own request
        ApprovalService(archive, people["sun"]).approve(request)
    ApprovalService(archive, people["qian"]).approve(request, "同意")  # regional manager, 华东
    card = svc["sun"].get(ids["sun1"])
    assert card.values["status"].value == "followed_up"
    change = svc["sun"].changes(ids["sun1"])[-1]
    assert (change["field"], change["old"], change["new"]) == ("status", "prospect", "followed_up")
    assert (
        change["by_user"] == "sun"
        and change["approved_by"] == "qian"
        and change["reason"] == "已电话联系"
    )


def test_own_plain_edit_applies_at_once_and_is_kept_field_by_field(office):
    _, _, svc, ids = office
    svc["sun"].edit(
        ids["sun1"], {"address": "上海市中山路1号", "postcode": "200001"}, reason="客户搬迁"
    )
    history = {(c["field"], c["new"]) for c in svc["sun"].changes(ids["sun1"])}
    assert {("address", "上海市中山路1号"), ("postcode", "200001")} <= history


def test_editing_someone_elses_card_and_deleting_need_approval_reject_keeps_it(office):
    archive, people, svc, ids = office
    with pytest.raises(errors.ApprovalRequested):
        svc["qian"].edit(ids["hz"], {"note": "区域经理补充"}, reason="补充信息")
    with pytest.raises(errors.ApprovalRequested) as asked:
        svc["li"].delete(ids["li1"], reason="重复")
    rid = asked.value.details["approval_id"]
    ApprovalService(archive, people["zhao"]).reject(rid, "不是重复客户")
    assert svc["li"].get(ids["li1"]).values["name"] == "北京长城科技有限公司"
    svc["zhao"].delete(ids["li1"], reason="测试删除")  # a manager deletes directly
    with pytest.raises(errors.NotFound):
        svc["zhao"].get(ids["li1"])


def test_an_approved_change_that_lost_the_race_fails_and_changes_nothing(office):
    archive, people, svc, ids = office
    with pytest.raises(errors.ApprovalRequested) as asked:
        svc["sun"].set_tier(ids["sun1"], "A", reason="大单")
    svc["sun"].edit(ids["sun1"], {"note": "meanwhile"})  # the card moves on
    with pytest.raises(errors.ConflictError):
        ApprovalService(archive, people["zhao"]).approve(asked.value.details["approval_id"])
    assert (
        ApprovalService(archive, people["zhao"]).get(asked.value.details["approval_id"]).state
        == "failed"
    )
    assert svc["sun"].get(ids["sun1"]).values["tier"].value == "C"


def test_access_outside_scope_is_granted_by_approval(office):
    archive, people, svc, ids = office
    rid = svc["sun"].request_access(ids["li1"], "协助李业务跟进", hours=2)
    ApprovalService(archive, people["zhao"]).approve(rid)
    assert svc["sun"].get(ids["li1"]).values["name"] == "北京长城科技有限公司"
    assert "北京长城科技有限公司" in _visible(svc["sun"])


def test_handover_moves_every_customer_in_one_step_and_keeps_the_list(office):
    archive, people, svc, ids = office
    with pytest.raises(errors.ApprovalRequested) as asked:
        svc["qian"].handover("li", "sun", "李业务离职")
    ApprovalService(archive, people["admin"]).approve(asked.value.details["approval_id"])
    assert _visible(svc["sun"]) == {
        "上海东方贸易有限公司",
        "北京长城科技有限公司",
        "杭州瑞丰食品有限公司",
    }
    assert _visible(svc["li"]) == set()
    moved = archive.query_one("SELECT items FROM handovers")[0]
    assert "北京长城科技有限公司" in moved and "杭州瑞丰食品有限公司" in moved


def test_every_change_is_in_an_intact_audit_chain(office):
    archive, _, svc, ids = office
    svc["zhao"].edit(ids["hz"], {"industry": "食品饮料"}, reason="补录")
    actions = [e.action for e in audit.query(archive.conn, limit=100)]
    assert {"create", "change", "login"} <= set(actions)
    assert audit.verify(archive.conn).ok


def test_single_user_office_is_never_asked_for_approval(archive_path, passphrase):
    archive = Archive.create(archive_path, passphrase)
    try:
        me = AccountService(archive).ensure_first_admin("owner")
        svc = CustomerService(archive, me)
        cid = svc.add({"name": "个体户王五", "customer_type": "individual", "phone": "13900001111"})
        svc.set_status(cid, "cooperating")
        svc.delete(cid, reason="试用")
        assert svc.find() == []
    finally:
        archive.close()


def test_cli_request_approve_and_history(cli, made_archive, passphrase):
    base = ["-a", made_archive, "--passphrase-stdin", "--password-stdin"]
    r = cli.run(
        [
            *base,
            "users",
            "add",
            "sun",
            "--display-name",
            "孙业务",
            "--role",
            "salesperson",
            "--region",
            "华东",
            "--keep-password",
        ],
        stdin=f"{passphrase}\n{PW}\n{PW}\n",
    )
    assert r.code == 0, r.err
    with Archive.open(made_archive, passphrase) as archive:
        admin_name = [
            u.user_name for u in AccountService(archive).users() if u.role == "administrator"
        ][0]
    as_admin = [*base, "--user", admin_name]
    as_sun = [*base, "--user", "sun"]
    r = cli.run(
        [
            *as_admin,
            "customers",
            "add",
            "--name",
            "上海东方贸易有限公司",
            "--set",
            "responsible=sun",
            "--set",
            "region=华东",
        ],
        stdin=f"{passphrase}\n{PW}\n",
    )
    assert r.code == 0, r.err
    r = cli.run(
        [*as_sun, "customers", "edit", "1", "--set", "status=followed_up", "--reason", "电话联系"],
        stdin=f"{passphrase}\n{PW}\n",
    )
    assert (
        r.code == errors.ApprovalRequested.exit_status and "request #1" in r.assert_one_line_error()
    )
    r = cli.run([*as_admin, "--json", "approvals", "list"], stdin=f"{passphrase}\n{PW}\n")
    assert [a["id"] for a in r.json()] == [1]
    r = cli.run([*as_sun, "approvals", "approve", "1"], stdin=f"{passphrase}\n{PW}\n")
    assert r.code == errors.PermissionDenied.exit_status
    assert (
        cli.run(
            [*as_admin, "approvals", "approve", "1", "--note", "同意"],
            stdin=f"{passphrase}\n{PW}\n",
        ).code
        == 0
    )
    r = cli.run([*as_sun, "--json", "customers", "history", "1"], stdin=f"{passphrase}\n{PW}\n")
    assert [(h["field"], h["new"], h["approved_by"]) for h in r.json()] == [
        ("status", "followed_up", admin_name)
    ]


def test_cli_audit_list_needs_a_role_that_reviews_the_log(cli, office, archive_path, passphrase):
    archive, *_ = office
    archive.close()
    base = ["-a", archive_path, "--passphrase-stdin", "--password-stdin"]
    r = cli.run([*base, "--user", "sun", "audit", "list"], stdin=f"{passphrase}\n{PW}\n")
    assert r.code == errors.PermissionDenied.exit_status and "audit" in r.assert_one_line_error()
    r = cli.run([*base, "--user", "zhao", "--json", "audit", "list"], stdin=f"{passphrase}\n{PW}\n")
    assert r.code == 0 and any(e["action"] == "create" for e in r.json())


def test_the_office_chooses_what_needs_approval(cli, office, archive_path, passphrase):
    archive, people, svc, ids = office
    archive.close()
    base = ["-a", archive_path, "--passphrase-stdin", "--password-stdin", "--json"]
    r = cli.run(
        [*base, "--user", "sun", "approvals", "policy", "--require", "delete_customer"],
        stdin=f"{passphrase}\n{PW}\n",
    )
    assert r.code == errors.PermissionDenied.exit_status  # only administrators set it
    r = cli.run(
        [
            *base,
            "--user",
            people["admin"].user_name,
            "approvals",
            "policy",
            "--require",
            "delete_customer,edit_customer",
        ],
        stdin=f"{passphrase}\n{PW}\n",
    )
    assert r.code == 0 and r.json()["require_approval"] == ["delete_customer", "edit_customer"]
    with Archive.open(archive_path, passphrase) as again:
        sun = CustomerService(again, people["sun"])
        sun.set_status(ids["sun1"], "followed_up", reason="no longer needs approval")
        with pytest.raises(errors.ApprovalRequested):  # now every edit does
            sun.edit(ids["sun1"], {"note": "改备注"}, reason="补充")
