"""The register's state machine run by hypothesis over random sequences of actions, against the
real service on a real (encrypted) archive.

A small model of the office's rules says, for every step, whether it must succeed and what
must follow; after every step the archive must agree with the model and keep its invariants:
an item is never out twice, the queue is served in order, every state is a legal one, the
item's state matches its loans, a refused action changes nothing, and the audit chain holds.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from desktop import errors
from desktop.domain.loans import ItemState, LoanState
from desktop.storage import audit

from loans_support import make_office

MANAGER, CUSTODIAN = "zhao", "zhou"
PEOPLE = ("zhao", "zhou", "sun", "li")
_numbers = itertools.count(1)
SEEN: collections.Counter = collections.Counter()  # (rule, "done" | "refused") → count


@dataclass
class ItemModel:
    id: int
    valuable: bool  # the valuable one belongs to sun's customer
    state: str = "available"
    queue: list = field(default_factory=list)  # reservation ids, in order, still active


@dataclass
class ResModel:
    id: int
    item: ItemModel
    borrower: str
    state: str = "waiting"
    loan: int | None = None


@dataclass
class LoanModel:
    id: int
    item: ItemModel
    requester: str
    state: str
    due: dt.date
    wanted_from: dt.date
    reservation: ResModel | None = None
    renewal: dt.date | None = None  # a renewal waiting for a decision
    renewal_by: str | None = None  # and who asked for it


def sees(who: str, loan: LoanModel) -> bool:
    return (
        who in (MANAGER, CUSTODIAN)
        or who == loan.requester
        or (who == "sun" and loan.item.valuable)
    )


def may_decide(who: str, loan: LoanModel) -> bool:
    if who == (loan.renewal_by if loan.renewal is not None else loan.requester):
        return False
    return who == MANAGER or (who == CUSTODIAN and not loan.item.valuable)


def direct(who: str, item: ItemModel) -> bool:
    return who == MANAGER or (who == CUSTODIAN and not item.valuable)


class Register(RuleBasedStateMachine):
    office = None  # set by the test: one office for every run (accounts are slow to make)

    def __init__(self) -> None:
        super().__init__()
        o = self.office
        o.clock.day = dt.date(2026, 12, 1)
        n = next(_numbers)
        zhou = o.loans(CUSTODIAN)
        self.items = [
            ItemModel(zhou.add_item(f"YP-{n}", "sample", "样品"), valuable=False),
            ItemModel(
                zhou.add_item(
                    f"CL-{n}",
                    "customer_material",
                    "原版合同",
                    value_class="valuable",
                    customer_id=o.customers["sun"],
                    state="available",
                ),
                valuable=True,
            ),
        ]
        self.loans: list[LoanModel] = []
        self.reservations: list[ResModel] = []

    # ------------------------------------------------------------------ helpers
    def svc(self, who):
        return self.office.loans(who)

    def snapshot(self):
        ids = tuple(i.id for i in self.items)
        q = ",".join("?" * len(ids))
        a = self.office.archive
        return (
            a.query(f"SELECT * FROM items WHERE id IN ({q}) ORDER BY id", ids),
            a.query(f"SELECT * FROM loans WHERE item_id IN ({q}) ORDER BY id", ids),
            a.query(f"SELECT * FROM reservations WHERE item_id IN ({q}) ORDER BY id", ids),
        )

    def attempt(self, ok: bool, fn):
        """Run ``fn``; it must succeed exactly when the model says so, and a refusal changes nothing."""
        before = self.snapshot()
        action = sys._getframe(1).f_code.co_name
        try:
            result = fn()
        except errors.ArchiveError as exc:
            assert not ok, f"refused although allowed: {exc.message}"
            assert isinstance(
                exc,
                (
                    errors.ConflictError,
                    errors.PermissionDenied,
                    errors.NotFound,
                    errors.ValidationError,
                ),
            ), exc
            assert self.snapshot() == before, "a refused action changed the register"
            SEEN[(action, "refused")] += 1
            return None
        assert ok, "allowed although the rules refuse it"
        SEEN[(action, "done")] += 1
        return result

    def promote(self, item: ItemModel) -> None:
        if item.state != "available" or any(
            r.state == "ready" for r in self.reservations if r.item is item
        ):
            return
        waiting = [r for r in self.reservations if r.item is item and r.state == "waiting"]
        if waiting:
            waiting[0].state = "ready"

    def release(self, loan: LoanModel) -> None:
        r = loan.reservation
        if r is not None and r.state in ("waiting", "ready"):
            r.state = "cancelled"
            self.promote(loan.item)

    @staticmethod
    def decider(loan: LoanModel) -> str:
        return next((p for p in (CUSTODIAN, MANAGER) if may_decide(p, loan)), MANAGER)

    def pick(self, seq, i, want=None):
        """Mostly one for which the action makes sense (``want``), sometimes any: both the
        allowed and the refused paths get their share."""
        aimed = [x for x in seq if want(x)] if want and i % 4 else []
        pool = aimed or seq
        return pool[i % len(pool)]

    # ------------------------------------------------------------------ rules
    # A few open loans at a time, so that runs take them further than the request.
    @precondition(
        lambda self: sum(loan.state in ("requested", "approved", "out") for loan in self.loans) < 4
    )
    @rule(
        i=st.integers(0, 9),
        who=st.sampled_from(("zhao", "zhou", "sun", "li")),
        days=st.integers(0, 10),
    )
    def request(self, i, who, days):
        item = self.pick(self.items, i)
        visible = not (who == "li" and item.valuable)
        ok = visible and item.state != "lost"
        today = self.office.clock.day
        loan = self.attempt(
            ok,
            lambda: self.svc(who).request(
                item.id, purpose="用途", wanted_until=today + dt.timedelta(days=days)
            ),
        )
        if loan is None:
            return
        state = "approved" if direct(who, item) else "requested"
        assert loan["state"] == state
        m = LoanModel(loan["id"], item, who, state, today + dt.timedelta(days=days), today)
        mine = next(
            (
                r
                for r in self.reservations
                if r.item is item
                and r.borrower == who
                and r.state in ("waiting", "ready")
                and r.loan is None
            ),
            None,
        )
        if mine is not None:
            mine.loan, m.reservation = m.id, mine
        self.loans.append(m)

    @precondition(
        lambda self: any(loan.state == "requested" or loan.renewal for loan in self.loans)
    )
    @rule(i=st.integers(0, 99), who=st.sampled_from(PEOPLE), aim=st.booleans())
    def approve(self, i, who, aim):
        loan = self.pick(self.loans, i, lambda loan: loan.state == "requested" or loan.renewal)
        who = self.decider(loan) if aim else who
        pending = loan.state == "requested" or loan.renewal is not None
        ok = sees(who, loan) and pending and may_decide(who, loan)
        if ok and loan.renewal is not None and loan.state != "out":
            # The loan came back before the renewal was decided: it cannot be applied.
            self.attempt(False, lambda: self.svc(who).approve(loan.id))
            loan.renewal = None
            return
        if self.attempt(ok, lambda: self.svc(who).approve(loan.id)) is None:
            return
        if loan.state == "requested":
            loan.state = "approved"
        else:
            loan.due, loan.renewal = loan.renewal, None

    @precondition(
        lambda self: any(loan.state == "requested" or loan.renewal for loan in self.loans)
    )
    @rule(i=st.integers(0, 99), who=st.sampled_from(PEOPLE), aim=st.booleans())
    def reject(self, i, who, aim):
        loan = self.pick(self.loans, i, lambda loan: loan.state == "requested" or loan.renewal)
        who = self.decider(loan) if aim else who
        pending = loan.state == "requested" or loan.renewal is not None
        ok = sees(who, loan) and pending and may_decide(who, loan)
        if self.attempt(ok, lambda: self.svc(who).reject(loan.id, "不同意")) is None:
            return
        if loan.state == "requested":
            loan.state = "rejected"
            self.release(loan)
        else:
            loan.renewal = None

    @precondition(lambda self: any(loan.state in ("requested", "approved") for loan in self.loans))
    @rule(i=st.integers(0, 99), who=st.sampled_from(PEOPLE), aim=st.booleans())
    def cancel(self, i, who, aim):
        loan = self.pick(self.loans, i, lambda loan: loan.state in ("requested", "approved"))
        who = loan.requester if aim else who
        ok = (
            sees(who, loan)
            and loan.state in ("requested", "approved")
            and (who in (MANAGER, CUSTODIAN) or who == loan.requester)
        )
        if self.attempt(ok, lambda: self.svc(who).cancel(loan.id, "不要了")) is None:
            return
        loan.state = "cancelled"
        self.release(loan)

    @precondition(lambda self: any(loan.state == "approved" for loan in self.loans))
    @rule(i=st.integers(0, 99), who=st.sampled_from(("zhou", "zhou", "zhou", "sun")))
    def checkout(self, i, who):
        loan = self.pick(self.loans, i, lambda loan: loan.state == "approved")
        item = loan.item
        ready = next((r for r in self.reservations if r.item is item and r.state == "ready"), None)
        ok = (
            who == CUSTODIAN
            and loan.state == "approved"
            and item.state == "available"
            and (ready is None or ready is loan.reservation)
        )
        if who != CUSTODIAN and not sees(who, loan):
            ok = False
        if self.attempt(ok, lambda: self.svc(who).checkout(loan.id, "完好")) is None:
            return
        loan.state, item.state = "out", "out"
        if loan.reservation is not None:
            loan.reservation.state = "fulfilled"

    @precondition(lambda self: any(loan.state == "out" for loan in self.loans))
    @rule(i=st.integers(0, 99), damaged=st.booleans())
    def give_back(self, i, damaged):
        loan = self.pick(self.loans, i, lambda loan: loan.state == "out")
        ok = loan.state == "out"
        result = self.attempt(
            ok,
            lambda: self.svc(CUSTODIAN).return_(
                loan.id, "外壳开裂" if damaged else "完好", damaged=damaged
            ),
        )
        if result is None:
            return
        loan.state = "damaged" if damaged else "returned"
        loan.item.state = "damaged" if damaged else "available"
        self.promote(loan.item)
        ready = next(
            (r for r in self.reservations if r.item is loan.item and r.state == "ready"), None
        )
        assert (result["next_in_queue"] or {}).get("id") == (ready.id if ready else None)

    @precondition(lambda self: any(loan.state == "out" for loan in self.loans))
    @rule(i=st.integers(0, 99))
    def lost(self, i):
        loan = self.pick(self.loans, i, lambda loan: loan.state == "out")
        if (
            self.attempt(
                loan.state == "out", lambda: self.svc(CUSTODIAN).mark_lost(loan.id, "遗失")
            )
            is None
        ):
            return
        loan.state, loan.item.state = "lost", "lost"

    @precondition(lambda self: any(x.state in ("lost", "damaged") for x in self.items))
    @rule(i=st.integers(0, 9))
    def restore(self, i):
        item = self.pick(self.items, i, lambda x: x.state in ("lost", "damaged"))
        ok = item.state in ("lost", "damaged")
        if self.attempt(ok, lambda: self.svc(CUSTODIAN).restore_item(item.id)) is None:
            return
        item.state = "available"
        self.promote(item)

    @precondition(lambda self: any(loan.state == "out" for loan in self.loans))
    @rule(
        i=st.integers(0, 99),
        who=st.sampled_from(PEOPLE),
        days=st.integers(-1, 20),
        aim=st.booleans(),
    )
    def renew(self, i, who, days, aim):
        loan = self.pick(self.loans, i, lambda loan: loan.state == "out")
        who = loan.requester if aim else who
        new_due = loan.due + dt.timedelta(days=days)
        ok = (
            sees(who, loan)
            and loan.state == "out"
            and days > 0
            and loan.renewal is None
            and (new_due - loan.wanted_from).days <= 366
            and (who in (MANAGER, CUSTODIAN) or who == loan.requester)
        )
        result = self.attempt(ok, lambda: self.svc(who).renew(loan.id, new_due, "延期"))
        if result is None:
            return
        assert result["applied"] == direct(who, loan.item)
        if result["applied"]:
            loan.due = new_due
        else:
            loan.renewal, loan.renewal_by = new_due, who

    @precondition(lambda self: any(x.state == "out" for x in self.items))
    @rule(i=st.integers(0, 9), who=st.sampled_from(PEOPLE), aim=st.booleans())
    def reserve(self, i, who, aim):
        item = self.pick(self.items, i, lambda x: x.state == "out")
        if aim:  # someone who may see it and is not in its queue yet
            free = [
                p
                for p in PEOPLE
                if not (p == "li" and item.valuable)
                and not any(
                    r.item is item and r.borrower == p and r.state in ("waiting", "ready")
                    for r in self.reservations
                )
            ]
            who = free[i % len(free)] if free else who
        visible = not (who == "li" and item.valuable)
        queued = any(
            r.item is item and r.borrower == who and r.state in ("waiting", "ready")
            for r in self.reservations
        )
        ok = visible and item.state == "out" and not queued
        r = self.attempt(ok, lambda: self.svc(who).reserve(item.id, purpose="排队"))
        if r is not None:
            self.reservations.append(ResModel(r["id"], item, who))

    @precondition(lambda self: any(r.state in ("waiting", "ready") for r in self.reservations))
    @rule(i=st.integers(0, 99), who=st.sampled_from(PEOPLE), aim=st.booleans())
    def cancel_reservation(self, i, who, aim):
        r = self.pick(self.reservations, i, lambda r: r.state in ("waiting", "ready"))
        who = r.borrower if aim else who
        visible = not (who == "li" and r.item.valuable)
        ok = (
            visible
            and r.state in ("waiting", "ready")
            and (who in (MANAGER, CUSTODIAN) or who == r.borrower)
        )
        if self.attempt(ok, lambda: self.svc(who).cancel_reservation(r.id)) is None:
            return
        r.state = "cancelled"
        self.promote(r.item)

    @rule(days=st.integers(1, 4))
    def days_pass(self, days):
        self.office.clock.day += dt.timedelta(days=days)

    # ------------------------------------------------------------------ invariants
    @invariant()
    def never_out_twice_and_the_item_follows_its_loans(self):
        a = self.office.archive
        assert (
            a.query(
                "SELECT item_id FROM loans WHERE state = 'out' GROUP BY item_id, direction "
                "HAVING count(*) > 1"
            )
            == []
        )
        for item in self.items:
            (state,) = a.query_one("SELECT state FROM items WHERE id = ?", (item.id,))
            assert state == item.state
            out = a.query_one(
                "SELECT count(*) FROM loans WHERE item_id = ? AND state = 'out'", (item.id,)
            )[0]
            assert out == (1 if state == ItemState.OUT else 0)

    @invariant()
    def loans_are_as_the_rules_say(self):
        legal = {s.value for s in LoanState}
        for m in self.loans:
            state, due, approval = self.office.archive.query_one(
                "SELECT state, due, approval_id FROM loans WHERE id = ?", (m.id,)
            )
            assert state in legal and state == m.state, (m, state)
            assert due == m.due.isoformat()
            pending = self.office.archive.query_one(
                "SELECT count(*) FROM approvals WHERE target_type = 'loan' AND target_id = ? "
                "AND state = 'pending'",
                (m.id,),
            )[0]
            assert pending == int(m.state == "requested" or m.renewal is not None)
            if approval is not None and state not in ("requested", "rejected", "cancelled"):
                assert (
                    self.office.archive.query_one(
                        "SELECT state FROM approvals WHERE id = ?", (approval,)
                    )[0]
                    == "applied"
                )

    @invariant()
    def the_queue_is_served_in_order(self):
        a = self.office.archive
        for item in self.items:
            rows = a.query(
                "SELECT id, state FROM reservations WHERE item_id = ? ORDER BY id", (item.id,)
            )
            assert rows == [(r.id, r.state) for r in self.reservations if r.item is item]
            ready = [rid for rid, s in rows if s == "ready"]
            assert len(ready) <= 1
            if ready:
                assert not any(s == "waiting" and rid < ready[0] for rid, s in rows)
                assert item.state == "available"

    def teardown(self):
        assert audit.verify(self.office.archive.conn).ok


def run_register_machine(archive_path, passphrase) -> None:
    """The state machine over one office's archive, then the check that the runs reached
    every action both allowed and refused (else the test proves little)."""
    office = make_office(archive_path, passphrase)
    Register.office = office
    # Fixed examples (derandomize): the same sequences on every machine, no flaky runs. Shrinking
    # a failure to its shortest sequence takes minutes on a shared machine; ask for it with
    # LOANS_SHRINK=1 when debugging (the unshrunk sequence is printed either way).
    phases = [p for p in Phase if p is not Phase.shrink or os.environ.get("LOANS_SHRINK")]
    try:
        run_state_machine_as_test(
            Register,
            settings=settings(
                max_examples=150,
                stateful_step_count=50,
                deadline=None,
                derandomize=True,
                database=None,
                phases=phases,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
            ),
        )
    finally:
        office.archive.close()
    for action in (
        "request",
        "approve",
        "reject",
        "cancel",
        "checkout",
        "give_back",
        "lost",
        "restore",
        "renew",
        "reserve",
        "cancel_reservation",
    ):
        assert SEEN[(action, "done")] > 0 and SEEN[(action, "refused")] > 0, (action, dict(SEEN))


def test_random_sequences_of_register_actions_keep_the_rules(tmp_path, passphrase):
    # In a fresh interpreter: even with fixed examples, which rules hypothesis drew changed
    # with what the test process had loaded before (seen: the same selection passing alone
    # and reaching no refused cancel_reservation after another test imported the PDF layout).
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); import test_loans_stateful as t; "
        "t.run_register_machine(sys.argv[2], sys.stdin.readline().rstrip('\\n'))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(Path(__file__).parent), str(tmp_path / "register.carc")],
        input=passphrase + "\n",
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
