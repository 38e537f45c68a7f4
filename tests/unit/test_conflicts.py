"""Field-by-field conflicts: who changed what, defaults, and merging the user's choices."""

from __future__ import annotations

import pytest

from desktop import errors
from desktop.services.conflicts import Changed, field_diff, merge, undecided
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

BASE = {"name": "华信科技", "owner": "张三", "postcode": "100000", "website": "", "phone": "010-1"}


def test_only_differing_fields_are_listed_with_who_changed_them():
    theirs = dict(BASE, owner="李四", postcode="200000")
    mine = dict(BASE, owner="王五", website="http://hx.cn", phone="010-1")
    diffs = {d.name: d for d in field_diff(BASE, theirs, mine)}
    assert set(diffs) == {"owner", "postcode", "website"}
    assert diffs["owner"].changed is Changed.BOTH and diffs["owner"].default is None
    assert diffs["postcode"].changed is Changed.THEIRS and diffs["postcode"].default == "theirs"
    assert diffs["website"].changed is Changed.MINE and diffs["website"].default == "mine"
    assert (diffs["owner"].theirs, diffs["owner"].mine) == ("李四", "王五")


def test_the_same_change_on_both_sides_and_blank_versus_none_are_no_conflict():
    theirs = dict(BASE, owner="李四", website=None)
    mine = dict(BASE, owner="李四", website="")
    assert field_diff(BASE, theirs, mine) == []


def test_merge_needs_a_choice_for_every_field_both_changed():
    theirs = dict(BASE, owner="李四", postcode="200000")
    mine = dict(BASE, owner="王五", website="http://hx.cn")
    diffs = field_diff(BASE, theirs, mine)
    assert undecided(diffs, {}) == ["owner"]
    with pytest.raises(ValueError, match="owner"):
        merge(diffs, {})
    # theirs kept for postcode (saved already: not in the result), mine for the rest
    assert merge(diffs, {"owner": "mine"}) == {"owner": "王五", "website": "http://hx.cn"}
    assert merge(diffs, {"owner": "theirs"}) == {"website": "http://hx.cn"}
    # the user may also drop their own change, or take theirs back
    assert merge(diffs, {"owner": "theirs", "website": "theirs"}) == {}
    assert merge(diffs, {"owner": "mine", "postcode": "mine"})["postcode"] == "100000"


def test_merged_values_save_against_the_new_version_and_keep_both_changes(made_archive, passphrase):
    with Archive.open(made_archive, passphrase) as a:
        cs = CustomerService(a, "boss")
        cid = cs.add({"name": "北京华信科技有限公司", "owner": "张三"})
        start = cs.get(cid)
        cs.edit(cid, {"postcode": "200000", "owner": "李四"}, version=start.version)  # the other PC
        mine = {"owner": "王五", "website": "http://hx.cn"}
        with pytest.raises(errors.ConflictError):
            cs.edit(cid, mine, version=start.version)
        now = cs.get(cid)
        base = {k: start.values.get(k) for k in ("owner", "postcode", "website")}
        theirs = {k: now.values.get(k) for k in base}
        diffs = field_diff(base, theirs, dict(base, **mine))
        cs.edit(cid, merge(diffs, {"owner": "mine"}), version=now.version)
        final = cs.get(cid).values
        assert (final["owner"], final["postcode"], final["website"]) == (
            "王五",
            "200000",
            "http://hx.cn",
        )


def _another_save_between_read_and_write(monkeypatch, a, passphrase, cid: int) -> None:
    """Another computer saves the card once, just after this program read it for an edit
    (the edit reads the card before it takes the write lock)."""
    original = CustomerService._load_visible
    done = []

    def load_then_other_saves(self, conn, customer_id):
        row = original(self, conn, customer_id)
        if not done:
            done.append(True)
            with Archive.open(a.path, passphrase) as other:
                CustomerService(other, "boss").edit(cid, {"postcode": "300000"})
        return row

    monkeypatch.setattr(CustomerService, "_load_visible", load_then_other_saves)


def test_a_save_without_a_version_keeps_a_save_that_came_between_its_read_and_write(
    made_archive, passphrase, monkeypatch
):
    with Archive.open(made_archive, passphrase) as a:
        cs = CustomerService(a, "boss")
        cid = cs.add({"name": "北京华信科技有限公司", "owner": "张三"})
        _another_save_between_read_and_write(monkeypatch, a, passphrase, cid)
        cs.edit(cid, {"owner": "李四"})  # the command line: no version named
        card = cs.get(cid)
        assert (card.values["owner"], card.values["postcode"]) == ("李四", "300000")


def test_a_save_from_a_version_refuses_when_a_save_came_between_its_read_and_write(
    made_archive, passphrase, monkeypatch
):
    with Archive.open(made_archive, passphrase) as a:
        cs = CustomerService(a, "boss")
        cid = cs.add({"name": "北京华信科技有限公司", "owner": "张三"})
        version = cs.get(cid).version
        _another_save_between_read_and_write(monkeypatch, a, passphrase, cid)
        with pytest.raises(errors.ConflictError):
            cs.edit(cid, {"owner": "李四"}, version=version)
        card = cs.get(cid)
        assert (card.values["owner"], card.values["postcode"]) == ("张三", "300000")
