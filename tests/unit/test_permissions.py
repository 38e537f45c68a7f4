"""The permission policy (desktop.domain.permissions): matrix, visibility, approvals, masking.

The expected matrix is written out here by hand, not computed from the code: a change of policy
has to change both places.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest
import sqlcipher3

from desktop import errors
from desktop.domain import permissions as pm
from desktop.domain.permissions import Action, Actor, ApprovalKind, Role
from desktop.storage import visibility as vs

S, R, M, C, A = "salesperson", "regional_manager", "manager", "custodian", "administrator"
ROLES = (S, R, M, C, A)

# Rows: action; columns: salesperson, regional manager, manager, custodian, administrator.
EXPECTED = """
view_customer       Y Y Y Y Y
create_customer     Y Y Y - Y
edit_customer       Y Y Y - Y
delete_customer     Y Y Y - Y
reassign_customer   Y Y Y - Y
change_status       Y Y Y - Y
change_tier         Y Y Y - Y
view_sensitive      - - Y - Y
export_list         Y Y Y - Y
export_full         - Y Y - Y
print               Y Y Y Y Y
import              - Y Y - Y
manage_users        - - - - Y
manage_settings     - - - - Y
approve             - Y Y - Y
view_audit          - - Y - Y
handover            - Y Y - Y
manage_register     - - - Y Y
request_loan        Y Y Y Y Y
"""
TABLE = {
    (line.split()[0], role): flag == "Y"
    for line in EXPECTED.strip().splitlines()
    for role, flag in zip(ROLES, line.split()[1:], strict=True)
}


def actor(role: str, name: str = "zhang", region: str | None = None) -> Actor:
    return Actor(name, "张三", role, region)


# ------------------------------------------------------------------------------ roles


def test_roles_match_the_schema_and_have_labels():
    assert [r.value for r in Role] == list(ROLES)
    assert pm.ROLE_LABELS[Role.SALESPERSON] == ("Salesperson / service clerk", "业务员/客服")
    assert pm.role_label("regional_manager", "zh_CN") == "区域经理"
    assert pm.role_label(Role.MANAGER, "zh") == "经理/总监"
    assert pm.role_label(Role.CUSTODIAN, "zh") == "档案管理员"
    assert pm.role_label(Role.ADMINISTRATOR, "zh") == "系统管理员"
    assert pm.role_label(Role.ADMINISTRATOR) == "Administrator"


def test_actor_takes_role_strings_and_blank_region():
    a = Actor("li", "李四", "manager", "  ")
    assert a.role is Role.MANAGER and a.region is None
    with pytest.raises(ValueError):
        Actor("li", "李四", "boss")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.role = Role.SALESPERSON  # frozen


def test_actor_names_compare_like_sqlite_nocase():
    a = Actor("Zhang", "张三", S)
    assert a.is_("zhang") and a.is_("ZHANG")
    assert not a.is_(None) and not a.is_("zhang ")
    assert pm.nocase("ABC 张三 É") == "abc 张三 É"  # only ASCII letters fold, as in SQLite


# ------------------------------------------------------------------------------ the matrix


def test_expected_table_covers_every_action():
    assert {a for a, _ in TABLE} == {a.value for a in Action}
    assert len(TABLE) == len(Action) * len(ROLES)


@pytest.mark.parametrize(("action", "role"), sorted(TABLE))
def test_matrix_cell(action: str, role: str):
    assert pm.allowed(actor(role), action) is TABLE[(action, role)]


def test_require_raises_permission_denied():
    pm.require(actor(A), Action.MANAGE_USERS)
    with pytest.raises(errors.PermissionDenied) as info:
        pm.require(actor(S), Action.MANAGE_USERS)
    assert "manage users" in info.value.message


# ------------------------------------------------------------------------------ visibility

NOW = "2026-03-01T10:00:00+08:00"


@pytest.mark.parametrize(
    ("role", "expected"), [(S, "own"), (R, "region"), (M, "all"), (C, "own"), (A, "all")]
)
def test_scope(role, expected):
    assert pm.scope(actor(role, region="华东")) == expected


def test_can_see_salesperson_own_only():
    me = actor(S, "Zhang")
    assert pm.can_see(me, "zhang", "华北")
    assert pm.can_see(me, "ZHANG", None)
    assert not pm.can_see(me, "li", "华东")
    assert not pm.can_see(me, None, None)
    assert pm.can_see(me, "li", "华东", granted=True)


def test_can_see_regional_manager_region_and_own():
    me = actor(R, "wang", "华东")
    assert pm.can_see(me, "li", "华东")
    assert pm.can_see(me, "wang", "华北")
    assert not pm.can_see(me, "li", "华北")
    assert not pm.can_see(me, "li", None)
    assert pm.can_see(actor(R, "wang", "East"), "li", "east")
    no_region = actor(R, "wang", None)
    assert not pm.can_see(no_region, "li", "华东")
    assert pm.can_see(no_region, "wang", "华东")


@pytest.mark.parametrize("role", [M, A])
def test_can_see_all(role):
    assert pm.can_see(actor(role), "anyone", None)


def test_custodian_sees_only_own():
    assert not pm.can_see(actor(C, "keeper"), "li", "华东")
    assert pm.can_see(actor(C, "keeper"), "keeper", "华东")


@pytest.fixture
def db():
    conn = sqlcipher3.connect(":memory:")
    conn.executescript(
        "CREATE TABLE customers (id INTEGER PRIMARY KEY, responsible TEXT, region TEXT);"
        "CREATE TABLE access_grants (id INTEGER PRIMARY KEY, user_name TEXT NOT NULL, "
        "customer_id INTEGER NOT NULL, approval_id INTEGER NOT NULL, expires_at TEXT NOT NULL);"
    )
    people = ["zhang", "Zhang", "li", "wang", None, "o'brien", "x' OR 1=1 --"]
    regions = ["华东", "华北", "east", "EAST", None, "x' OR '1'='1"]
    rows = list(itertools.product(people, regions))
    conn.executemany("INSERT INTO customers(responsible, region) VALUES (?, ?)", rows)
    # zhang has access to customer 40 until after NOW, and had access to 41 (expired).
    conn.execute(
        "INSERT INTO access_grants(user_name, customer_id, approval_id, expires_at) "
        "VALUES ('ZHANG', 40, 1, '2026-03-02T00:00:00+08:00')"
    )
    conn.execute(
        "INSERT INTO access_grants(user_name, customer_id, approval_id, expires_at) "
        "VALUES ('zhang', 41, 2, '2026-02-01T00:00:00+08:00')"
    )
    yield conn
    conn.close()


ACTORS = [
    actor(S, "zhang"),
    actor(S, "o'brien"),
    actor(S, "x' OR 1=1 --"),
    actor(R, "wang", "华东"),
    actor(R, "wang", "East"),
    actor(R, "li", None),
    actor(R, "zhang", "x' OR '1'='1"),
    actor(M, "boss"),
    actor(C, "keeper"),
    actor(A, "admin"),
]


def _expected_ids(db, a: Actor) -> set[int]:
    grants = {
        cid
        for (cid,) in db.execute(
            "SELECT customer_id FROM access_grants WHERE lower(user_name) = lower(?) "
            "AND expires_at > ?",
            (a.user_name, NOW),
        )
    }
    return {
        cid
        for cid, resp, region in db.execute("SELECT id, responsible, region FROM customers")
        if pm.can_see(a, resp, region, granted=cid in grants)
    }


@pytest.mark.parametrize("who", ACTORS, ids=lambda a: f"{a.role}-{a.user_name}-{a.region}")
def test_visibility_sql_agrees_with_can_see(db, who):
    where, params = vs.where(pm.visibility(who, NOW))
    got = {r[0] for r in db.execute(f"SELECT id FROM customers WHERE {where}", params)}
    assert got == _expected_ids(db, who)
    literal = vs.literal_where(pm.visibility(who, NOW))
    assert {r[0] for r in db.execute(f"SELECT id FROM customers WHERE {literal}")} == got
    allowed_ids = vs.ids_select(pm.visibility(who, NOW))
    if pm.scope(who) == "all":
        assert where == "1" and params == () and allowed_ids is None
        assert len(got) == 42
    else:
        assert {r[0] for r in db.execute(allowed_ids)} == got
        assert len(got) < 42


def test_visibility_grants_expire(db):
    zhang = actor(S, "zhang")
    where, params = vs.where(pm.visibility(zhang, NOW))
    ids = {r[0] for r in db.execute(f"SELECT id FROM customers WHERE {where}", params)}
    assert 40 in ids and 41 not in ids
    later = dt.datetime(2026, 3, 2, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    where, params = vs.where(pm.visibility(zhang, later))
    assert params[-1] == "2026-03-02T01:00:00+08:00"
    ids = {r[0] for r in db.execute(f"SELECT id FROM customers WHERE {where}", params)}
    assert 40 not in ids


def test_visibility_literal_resists_injection(db):
    evil = actor(S, "x' OR 1=1 --")
    literal = vs.literal_where(pm.visibility(evil, NOW))
    assert "'x'' OR 1=1 --'" in literal
    ids = {r[0] for r in db.execute(f"SELECT id FROM customers WHERE {literal}")}
    rows = dict((r[0], r[1]) for r in db.execute("SELECT id, responsible FROM customers"))
    assert ids and all(rows[i] == "x' OR 1=1 --" for i in ids)
    # the literal also survives being embedded as a subquery, as search does
    sub = vs.ids_select(pm.visibility(evil, NOW))
    assert {r[0] for r in db.execute(f"SELECT id FROM customers WHERE id IN ({sub})")} == ids
    with pytest.raises(ValueError):
        vs.literal_where(pm.visibility(actor(S, "a\x00b"), NOW))
    with pytest.raises(ValueError):
        vs.where(pm.visibility(evil, NOW), alias="c; DROP TABLE customers")


def test_visibility_sql_alias(db):
    where, params = vs.where(pm.visibility(actor(R, "wang", "华东"), NOW), alias="c")
    assert "c.responsible" in where and "c.region" in where and "c.id IN" in where
    rows = db.execute(f"SELECT c.id FROM customers AS c WHERE {where}", params).fetchall()
    assert rows


def test_the_domain_decides_visibility_as_data_and_writes_no_sql():
    from pathlib import Path

    import desktop.domain

    for path in Path(desktop.domain.__file__).parent.glob("*.py"):
        text = path.read_text("utf-8")
        for word in ("SELECT ", "WHERE ", "COLLATE", " IN ("):
            assert word not in text, (path.name, word)
    seen = pm.visibility(actor(R, "wang", "华东"), NOW)
    assert (seen.everything, seen.user, seen.region) == (False, "wang", "华东")
    assert pm.visibility(actor(Role.MANAGER, "zhao"), NOW).everything


def test_sql_literal():
    assert vs.sql_literal("it's") == "'it''s'"
    assert vs.sql_literal("张三") == "'张三'"


# ------------------------------------------------------------------------------ approvals

DEFAULTS = pm.APPROVAL_DEFAULTS


def test_approval_defaults():
    assert DEFAULTS == {
        "delete_customer",
        "reassign_customer",
        "change_status",
        "change_tier",
        "edit_not_responsible",
    }
    assert DEFAULTS <= pm.POLICY_KEYS


@pytest.mark.parametrize("role", [S, R])
@pytest.mark.parametrize(
    ("action", "responsible", "expected"),
    [
        (Action.DELETE_CUSTOMER, True, True),
        (Action.REASSIGN_CUSTOMER, True, True),
        (Action.CHANGE_STATUS, True, True),
        (Action.CHANGE_TIER, True, True),
        (Action.EDIT_CUSTOMER, True, False),
        (Action.EDIT_CUSTOMER, False, True),
        (Action.CREATE_CUSTOMER, True, False),
        (Action.EXPORT_LIST, False, False),
        (Action.EXPORT_FULL, False, True),
        (Action.HANDOVER, False, True),
        (Action.REQUEST_LOAN, False, True),
    ],
)
def test_needs_approval_defaults_for_staff(role, action, responsible, expected):
    assert (
        pm.needs_approval(
            actor(role, region="华东"),
            action,
            is_responsible=responsible,
            policy=DEFAULTS,
            single_user=False,
        )
        is expected
    )


@pytest.mark.parametrize("role", [M, A])
@pytest.mark.parametrize(
    "action",
    [
        Action.DELETE_CUSTOMER,
        Action.REASSIGN_CUSTOMER,
        Action.CHANGE_STATUS,
        Action.CHANGE_TIER,
        Action.EDIT_CUSTOMER,
        Action.EXPORT_FULL,
        Action.HANDOVER,
        Action.REQUEST_LOAN,
    ],
)
def test_managers_changes_are_direct(role, action):
    assert not pm.needs_approval(
        actor(role), action, is_responsible=False, policy=DEFAULTS, single_user=False
    )


def test_manager_delete_four_eyes_is_a_policy_choice():
    policy = DEFAULTS | {pm.MANAGER_DELETE}
    for role in (M, A):
        assert pm.needs_approval(
            actor(role),
            Action.DELETE_CUSTOMER,
            is_responsible=True,
            policy=policy,
            single_user=False,
        )
        assert not pm.needs_approval(
            actor(role), Action.CHANGE_TIER, is_responsible=True, policy=policy, single_user=False
        )
        assert not pm.needs_approval(
            actor(role),
            Action.DELETE_CUSTOMER,
            is_responsible=True,
            policy=policy,
            single_user=True,
        )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", list(Action))
def test_single_user_never_needs_approval(role, action):
    policy = pm.POLICY_KEYS
    assert not pm.needs_approval(
        actor(role), action, is_responsible=False, policy=policy, single_user=True
    )


def test_policy_is_configurable():
    s = actor(S)
    strict = DEFAULTS | {"edit_customer"}
    assert pm.needs_approval(
        s, "edit_customer", is_responsible=True, policy=strict, single_user=False
    )
    lax: set[str] = set()
    for action in (Action.DELETE_CUSTOMER, Action.CHANGE_TIER, Action.EDIT_CUSTOMER):
        assert not pm.needs_approval(s, action, is_responsible=False, policy=lax, single_user=False)
    # full export, handover and loans are always requests for staff
    assert pm.needs_approval(
        s, Action.EXPORT_FULL, is_responsible=True, policy=lax, single_user=False
    )


def test_approval_kinds():
    assert {k.value for k in ApprovalKind} >= {
        "edit",
        "delete",
        "access",
        "handover",
        "export_full",
        "loan",
    }
    assert pm.APPROVAL_KIND_FOR[Action.DELETE_CUSTOMER] is ApprovalKind.DELETE
    assert pm.APPROVAL_KIND_FOR[Action.VIEW_CUSTOMER] is ApprovalKind.ACCESS


@pytest.mark.parametrize("role", [M, A])
@pytest.mark.parametrize("kind", list(ApprovalKind))
def test_managers_approve_every_kind_of_others(role, kind):
    boss = actor(role, "boss")
    assert pm.can_approve(boss, kind, "zhang", user_count=5)
    assert not pm.can_approve(boss, kind, "boss", user_count=5)
    assert not pm.can_approve(boss, kind, "BOSS", user_count=2)


@pytest.mark.parametrize("role", [S, C])
@pytest.mark.parametrize("kind", list(ApprovalKind))
def test_staff_approve_nothing(role, kind):
    assert not pm.can_approve(
        actor(role, "li", "华东"), kind, "zhang", user_count=5, customer_region="华东"
    )


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("edit", True),
        ("status", True),
        ("tier", True),
        ("loan", True),
        ("delete", False),
        ("reassign", False),
        ("access", False),
        ("handover", False),
        ("export_full", False),
        ("something_new", False),
    ],
)
def test_regional_manager_approves_some_kinds_in_region(kind, expected):
    wang = actor(R, "wang", "华东")
    assert pm.can_approve(wang, kind, "zhang", user_count=3, customer_region="华东") is expected
    assert not pm.can_approve(wang, kind, "zhang", user_count=3, customer_region="华北")
    assert not pm.can_approve(wang, kind, "zhang", user_count=3)  # region unknown
    assert not pm.can_approve(wang, kind, "wang", user_count=3, customer_region="华东")


def test_sole_user_may_decide_own_leftover_request():
    assert pm.can_approve(actor(A, "admin"), "delete", "admin", user_count=1)


# ------------------------------------------------------------------------------ sensitive data


def test_sensitive_fields():
    assert pm.sensitive_fields("ordinary_company") == {
        "dm_birthday",
        "dm_hobbies",
        "dm_preferences",
    }
    assert pm.sensitive_fields(None) == pm.SENSITIVE_FIELDS
    individual = pm.sensitive_fields("individual")
    assert {"address", "phone", "email", "revenue", "dm_birthday"} <= individual
    from desktop.domain.customer import FIELD_BY_NAME, CustomerType

    assert pm.sensitive_fields(CustomerType.INDIVIDUAL) == individual
    assert individual <= set(FIELD_BY_NAME)
    assert pm.sensitive_contact_fields("individual") == {"phone", "mobile", "fax", "email"}
    assert pm.sensitive_contact_fields("government") == frozenset()


@pytest.mark.parametrize(
    ("role", "responsible", "expected"),
    [
        (S, True, True),
        (S, False, False),
        (R, True, True),
        (R, False, False),
        (M, False, True),
        (A, False, True),
        (C, False, False),
        (C, True, True),
    ],
)
def test_may_view_sensitive(role, responsible, expected):
    assert pm.may_view_sensitive(actor(role), is_responsible=responsible) is expected


def test_may_view_sensitive_single_user_and_grant():
    assert pm.may_view_sensitive(actor(S), is_responsible=False, single_user=True)
    assert pm.may_view_sensitive(actor(R), is_responsible=False, granted=True)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("13812345678", "138******78"),
        ("138-1234-5678", "138-****-**78"),
        ("+86 10 6552 9988", "+86 1* **** **88"),
        ("021-62345678", "021-******78"),
        ("zhang.san@example.com", "z•••@example.com"),
        ("北京市朝阳区建国路88号", "•••"),
        ("1985-03-02", "•••"),
        ("1985/3/2", "•••"),
        ("1234567.89", "•••"),
        ("-1234567", "•••"),
        ("12345", "•••"),
        (None, ""),
        ("", ""),
    ],
)
def test_mask(value, expected):
    assert pm.mask(value) == expected


def test_mask_non_text_values():
    from decimal import Decimal

    assert pm.mask(Decimal("1234567.89")) == "•••"
    assert pm.mask(dt.date(1985, 3, 2)) == "•••"
    assert pm.mask(12345678901) == "•••"
