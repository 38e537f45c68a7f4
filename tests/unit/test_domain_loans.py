"""The register's rules: which action each loan state allows, where the item goes, who approves."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from desktop.domain import loans as rules
from desktop.domain.loans import Direction, ItemState, LoanAction, LoanState
from desktop.domain.permissions import Actor

TODAY = dt.date(2026, 12, 1)


def test_every_state_and_action_pair_is_either_a_listed_transition_or_refused():
    expected = {
        LoanState.REQUESTED: {LoanAction.APPROVE, LoanAction.REJECT, LoanAction.CANCEL},
        LoanState.APPROVED: {LoanAction.CANCEL, LoanAction.CHECKOUT},
        LoanState.OUT: {LoanAction.RETURN, LoanAction.RENEW, LoanAction.LOST, LoanAction.DAMAGED},
    }
    for state, action in itertools.product(LoanState, LoanAction):
        if action in expected.get(state, set()):
            rules.next_state(state, action)
        else:
            with pytest.raises(rules.LoanRuleError) as info:
                rules.next_state(state, action)
            assert info.value.code == "not_allowed"
        assert (action in rules.allowed_actions(state)) == (action in expected.get(state, set()))
    for state in rules.FINAL:
        assert rules.allowed_actions(state) == frozenset()


def test_a_loan_runs_request_to_return():
    state = LoanState.REQUESTED
    for action in (LoanAction.APPROVE, LoanAction.CHECKOUT, LoanAction.RENEW, LoanAction.RETURN):
        state = rules.next_state(state, action)
    assert state is LoanState.RETURNED


def test_the_item_follows_the_loan_in_both_directions():
    assert rules.item_state_after(Direction.LENT_OUT, LoanAction.CHECKOUT) is ItemState.OUT
    assert rules.item_state_after(Direction.LENT_OUT, LoanAction.RETURN) is ItemState.AVAILABLE
    assert rules.item_state_after(Direction.LENT_OUT, LoanAction.DAMAGED) is ItemState.DAMAGED
    assert rules.item_state_after(Direction.LENT_OUT, LoanAction.LOST) is ItemState.LOST
    # A customer's material: received into custody, then given back to its owner.
    assert rules.item_state_after(Direction.TAKEN_IN, LoanAction.CHECKOUT) is ItemState.AVAILABLE
    assert rules.item_state_after(Direction.TAKEN_IN, LoanAction.RETURN) is ItemState.WITH_OWNER
    assert rules.item_state_after(Direction.LENT_OUT, LoanAction.RENEW) is None
    rules.check_checkout(Direction.LENT_OUT, ItemState.AVAILABLE)
    for state in (ItemState.OUT, ItemState.LOST, ItemState.DAMAGED, ItemState.WITH_OWNER):
        with pytest.raises(rules.LoanRuleError, match="cannot be handed out"):
            rules.check_checkout(Direction.LENT_OUT, state)
    rules.check_checkout(Direction.TAKEN_IN, ItemState.WITH_OWNER)
    with pytest.raises(rules.LoanRuleError):
        rules.check_return(Direction.TAKEN_IN, ItemState.OUT)  # lent inside: get it back first


def test_overdue_and_due_soon():
    out = LoanState.OUT
    assert rules.is_overdue(out, TODAY - dt.timedelta(days=1), TODAY)
    assert not rules.is_overdue(out, TODAY, TODAY)  # due today is not late yet
    assert not rules.is_overdue(LoanState.RETURNED, TODAY - dt.timedelta(days=9), TODAY)
    assert rules.is_due_soon(out, TODAY, TODAY)
    assert rules.is_due_soon(out, TODAY + dt.timedelta(days=2), TODAY)
    assert not rules.is_due_soon(out, TODAY + dt.timedelta(days=3), TODAY)
    assert not rules.is_due_soon(out, TODAY - dt.timedelta(days=1), TODAY)  # that is overdue
    assert not rules.is_due_soon(LoanState.APPROVED, TODAY, TODAY)
    assert rules.due_soon_until(TODAY) == TODAY + dt.timedelta(days=2)


def test_dates_of_a_wish():
    rules.check_dates(TODAY, TODAY, TODAY)
    with pytest.raises(rules.LoanRuleError, match="on or after"):
        rules.check_dates(TODAY + dt.timedelta(days=5), TODAY + dt.timedelta(days=2), TODAY)
    with pytest.raises(rules.LoanRuleError, match="passed"):
        rules.check_dates(TODAY - dt.timedelta(days=5), TODAY - dt.timedelta(days=1), TODAY)
    with pytest.raises(rules.LoanRuleError, match="at most"):
        rules.check_dates(TODAY, TODAY + dt.timedelta(days=400), TODAY)
    with pytest.raises(rules.LoanRuleError, match="later"):
        rules.check_renewal(TODAY, TODAY, TODAY - dt.timedelta(days=3))


def _actor(name, role, region=None):
    return Actor(name, name, role, region)


@pytest.mark.parametrize(
    "approver, value_class, custodian, region, allowed",
    [
        (_actor("zhao", "manager"), "valuable", None, None, True),
        (_actor("root", "administrator"), "valuable", None, None, True),
        (_actor("qian", "regional_manager", "华东"), "valuable", None, "华东", True),
        (_actor("qian", "regional_manager", "华东"), "valuable", None, "华北", False),
        (_actor("zhou", "custodian"), "valuable", None, None, False),  # valuable: a manager
        (_actor("zhou", "custodian"), "ordinary", None, None, True),
        (_actor("zhou", "custodian"), "ordinary", "wu", None, False),  # not this item's custodian
        (_actor("wu", "custodian"), "ordinary", "wu", None, True),
        (_actor("sun", "salesperson"), "ordinary", None, None, False),
        (_actor("sun", "salesperson"), "ordinary", "sun", None, True),  # named custodian of it
    ],
)
def test_who_approves_depends_on_the_value_class(approver, value_class, custodian, region, allowed):
    assert (
        rules.may_approve(
            approver,
            requester="li",
            value_class=value_class,
            item_custodian=custodian,
            customer_region=region,
            user_count=5,
        )
        is allowed
    )


def test_nobody_approves_their_own_request_in_an_office_of_several():
    zhao = _actor("zhao", "manager")
    assert not rules.may_approve(
        zhao,
        requester="ZHAO",
        value_class="ordinary",
        item_custodian=None,
        customer_region=None,
        user_count=2,
    )
    assert rules.may_approve(
        zhao,
        requester="zhao",
        value_class="ordinary",
        item_custodian=None,
        customer_region=None,
        user_count=1,
    )
