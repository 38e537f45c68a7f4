"""Lifecycle status transitions: prospect → followed up → cooperating → lost, and back."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from desktop.domain.customer import Status
from desktop.domain.lifecycle import (
    StatusChange,
    TransitionError,
    allowed_next,
    check_transition,
    reason_required,
)

P, F, C, L = Status.PROSPECT, Status.FOLLOWED_UP, Status.COOPERATING, Status.LOST


@pytest.mark.parametrize("old,new", [(P, F), (F, C), (P, C), (L, P), (L, F), (L, C)])
def test_forward_moves_and_comebacks_need_no_reason(old, new):
    check_transition(old, new, None)
    check_transition(old, new, "")


@pytest.mark.parametrize("old", [F, C])
def test_marking_lost_needs_a_reason(old):
    with pytest.raises(TransitionError) as info:
        check_transition(old, L, "   ")
    assert info.value.code == "reason_required"
    assert "reason" in info.value.message.lower()
    check_transition(old, L, "转向竞争对手采购，价格原因")


@pytest.mark.parametrize("old,new", [(C, P), (C, F), (F, P), (P, L)])
def test_backward_moves_are_refused_and_say_what_is_possible(old, new):
    with pytest.raises(TransitionError) as info:
        check_transition(old, new, "随便")
    err = info.value
    assert err.code == "not_allowed"
    assert (err.old, err.new) == (old, new)
    assert isinstance(err, ValueError)
    assert "possible:" in err.message


def test_refusal_message_names_both_statuses_and_the_way_out():
    with pytest.raises(TransitionError) as info:
        check_transition(C, P, None)
    msg = info.value.message
    assert "from cooperating to prospect" in msg
    assert "possible: lost" in msg
    assert "correction" in msg


def test_the_whole_matrix_matches_the_rules():
    for old, new in itertools.product(Status, Status):
        if old == new:
            continue
        ok = new in allowed_next(old)
        try:
            check_transition(old, new, "原因")
        except TransitionError:
            assert not ok, (old, new)
        else:
            assert ok, (old, new)
    # every status can be left, and lost can always come back to cooperating
    assert all(allowed_next(s) for s in Status)
    assert C in allowed_next(L)


def test_no_change_is_not_a_transition():
    with pytest.raises(TransitionError) as info:
        check_transition(C, C, "x")
    assert info.value.code == "unchanged"


def test_a_correction_allows_any_change_with_a_reason():
    check_transition(C, P, "录入错误，尚未合作", correction=True)
    with pytest.raises(TransitionError) as info:
        check_transition(C, P, None, correction=True)
    assert info.value.code == "reason_required"
    assert reason_required(C, P, correction=True)
    assert not reason_required(P, F)


def test_a_new_customer_may_start_in_any_status():
    for status in (P, F, C):
        check_transition(None, status, None)
    with pytest.raises(TransitionError):
        check_transition(None, L, None)
    check_transition(None, L, "导入的历史流失客户")


def test_plain_strings_are_accepted():
    check_transition("prospect", "followed_up", None)
    with pytest.raises(ValueError):
        check_transition("prospect", "married", None)


def test_reason_length_is_limited():
    with pytest.raises(TransitionError) as info:
        check_transition(C, L, "太" * 2001)
    assert info.value.code == "reason_too_long"


def test_status_change_record():
    at = dt.datetime(2026, 3, 5, 10, 30)
    change = StatusChange(customer_id=7, old=C, new=L, reason="公司倒闭", by_user="zhangsan", at=at)
    change.check()
    assert (change.customer_id, change.old, change.new, change.by_user, change.at) == (
        7,
        C,
        L,
        "zhangsan",
        at,
    )
    with pytest.raises(TransitionError):
        StatusChange(7, C, L, None, "zhangsan", at).check()


def test_why_not_names_the_rule_for_every_refused_move_and_nothing_else():
    from desktop.domain.lifecycle import ALLOWED, why_not

    for old in Status:
        for new in Status:
            code = why_not(old, new)
            if new is old or new in ALLOWED[old]:
                assert code is None
            else:  # exactly what check_transition refuses
                with pytest.raises(TransitionError):
                    check_transition(old, new, "why")
                assert code == ("no_relationship" if new is Status.LOST else "backwards")
    assert why_not(Status.PROSPECT, Status.LOST) == "no_relationship"
    assert why_not(Status.COOPERATING, Status.PROSPECT) == "backwards"
