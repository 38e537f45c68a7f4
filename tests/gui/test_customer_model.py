"""The customer table model without a window or a worker (docs/architecture.md, Table models): lazy
pages, the cache, labels per language, and sorting that is asked of SQL, never done in Python."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop.gui import customer_model as cm
from desktop.gui.customer_model import (
    COL_ARCHIVE_NO,
    COL_NAME,
    COL_PHONE,
    COL_STATUS,
    COL_TIER,
    CustomerTableModel,
)
from desktop.storage.customers import LIST_COLUMNS


class FakeFetcher:
    """Delivers made-up rows at once (like the worker would, later) and counts the calls."""

    def __init__(self, deliver_now: bool = True) -> None:
        self.calls: list[list[int]] = []
        self.waiting: list = []
        self.deliver_now = deliver_now

    def __call__(self, ids, deliver) -> None:
        self.calls.append(list(ids))
        rows = {
            i: (
                f"KH-{i:04}",
                f"客户{i}",
                "cooperating",
                "A",
                "制造业",
                "华东",
                "lijun",
                "+861012345678",
                "2026-03-05T09:15:00+08:00",
            )
            for i in ids
        }
        if self.deliver_now:
            deliver(rows)
        else:
            self.waiting.append((deliver, rows))


def test_columns_follow_the_storage_list_columns():
    assert cm.COLUMN_NAMES == LIST_COLUMNS + ("match",)  # and "Found in", which is no stored value
    assert LIST_COLUMNS[COL_ARCHIVE_NO] == "archive_no" and LIST_COLUMNS[COL_NAME] == "name"
    model = CustomerTableModel(FakeFetcher())
    assert model.columnCount() == len(LIST_COLUMNS) + 1
    assert model.headerData(cm.COL_MATCH, Qt.Horizontal) == "Found in"
    assert model.headerData(COL_NAME, Qt.Horizontal) == "Name"
    assert model.headerData(COL_PHONE, Qt.Horizontal, cm.SORT_ROLE) == "phone"


def test_rows_are_fetched_a_page_at_a_time_and_cached():
    fetch = FakeFetcher()
    model = CustomerTableModel(fetch, language="en")
    model.set_ids(range(1, 10_001))
    assert model.rowCount() == 10_000
    assert fetch.calls == []  # nothing is read before something is shown
    assert model.data(model.index(0, COL_NAME)) == "客户1"
    assert model.data(model.index(199, COL_ARCHIVE_NO)) == "KH-0200"
    assert len(fetch.calls) == 1 and len(fetch.calls[0]) == cm.PAGE_SIZE
    assert model.data(model.index(5_000, COL_NAME)) == "客户5001"
    assert len(fetch.calls) == 2 and fetch.calls[1][0] == 5_001
    model.data(model.index(3, COL_STATUS))  # cached page: no new fetch
    assert len(fetch.calls) == 2
    # The cache is bounded: walking every page keeps only the newest CACHE_PAGES.
    for row in range(0, 10_000, cm.PAGE_SIZE):
        model.data(model.index(row, COL_NAME))
    assert len(model.cached_pages()) == cm.CACHE_PAGES
    assert model.id_at(9_999) == 10_000 and model.data(model.index(9_999, 0), cm.ID_ROLE) == 10_000


def test_rows_arriving_later_fill_in_and_stale_ones_are_dropped(qtbot):
    fetch = FakeFetcher(deliver_now=False)
    model = CustomerTableModel(fetch, language="en")
    model.set_ids([1, 2, 3])
    assert model.data(model.index(0, COL_NAME)) == "…"  # placeholder while it loads
    model.data(model.index(1, COL_NAME))
    assert len(fetch.calls) == 1  # one request per page in flight
    deliver, rows = fetch.waiting.pop()
    with qtbot.waitSignal(model.dataChanged):
        deliver(rows)
    assert model.data(model.index(0, COL_NAME)) == "客户1"

    model.set_ids([4, 5])
    model.data(model.index(0, COL_NAME))  # asked for, not answered yet
    model.set_ids([7, 8])  # a newer search replaced the list
    model.data(model.index(0, COL_NAME))
    (stale, _), (fresh, fresh_rows) = fetch.waiting
    stale({7: ("X",) * 9, 8: ("X",) * 9})  # the answer for the older list
    assert model.data(model.index(0, COL_NAME)) == "…"
    fresh(fresh_rows)
    assert model.data(model.index(1, COL_NAME)) == "客户8"


def test_labels_follow_the_language():
    zh = CustomerTableModel(FakeFetcher(), language="zh")
    zh.set_ids([1])
    assert zh.data(zh.index(0, COL_STATUS)) == "已合作客户"
    assert zh.data(zh.index(0, COL_TIER)) == "A · 主力客户"
    en = CustomerTableModel(FakeFetcher(), language="en")
    en.set_ids([1])
    assert en.data(en.index(0, COL_STATUS)) == "Cooperating"
    assert en.data(en.index(0, COL_TIER)) == "A · Key account"
    assert en.data(en.index(0, COL_PHONE)) == "010 1234 5678"
    assert en.data(en.index(0, COL_PHONE), cm.RAW_ROLE) == "+861012345678"
    assert en.data(en.index(0, cm.COL_UPDATED)) == "2026-03-05"
    assert en.data(en.index(0, cm.COL_UPDATED), Qt.ToolTipRole) == "2026-03-05 09:15"


def test_sort_asks_for_a_new_order_instead_of_sorting():
    model = CustomerTableModel(FakeFetcher())
    model.set_ids([3, 1, 2])
    asked = []
    model.sort_requested.connect(lambda column, descending: asked.append((column, descending)))
    model.sort(COL_NAME, Qt.DescendingOrder)
    assert asked == [("name", True)]
    assert model.ids() == [3, 1, 2]  # unchanged until the owner hands over the SQL order


# ---------------------------------------------------------------------- with a real archive
@pytest.fixture(scope="module")
def demo_archive(tmp_path_factory):
    from desktop.services.customers import CustomerService
    from desktop.services.demo import fill_demo
    from desktop.storage.archive import Archive

    archive = Archive.create(
        tmp_path_factory.mktemp("model") / "demo.carc", "model test passphrase"
    )
    fill_demo(archive, 3000, seed=7)
    yield CustomerService(archive, "tester")
    archive.close()


def test_a_real_archive_in_pinyin_order(demo_archive):
    cs = demo_archive
    fetched = []

    def fetch(ids, deliver):
        fetched.append(len(ids))
        deliver(cs.list_rows(ids))

    model = CustomerTableModel(fetch, language="zh")
    model.sort_requested.connect(
        lambda column, desc: model.set_ids(cs.find("", sort=column, descending=desc))
    )
    model.set_ids(cs.find(""))
    assert model.rowCount() == 3000
    model.sort(COL_NAME, Qt.AscendingOrder)
    names = [model.data(model.index(r, COL_NAME)) for r in range(model.rowCount())]
    assert fetched == [cm.PAGE_SIZE] * (3000 // cm.PAGE_SIZE)
    first = {
        city: next(i for i, n in enumerate(names) if n.startswith(city))
        for city in ("北京", "上海", "广州", "重庆")
    }
    # By reading, as a card index: beijing < chongqing < guangzhou < shanghai.
    assert first["北京"] < first["重庆"] < first["广州"] < first["上海"]
    beijing = [n for n in names if n.startswith("北京")]
    assert names.index(beijing[-1]) < first["重庆"]  # all of 北京 before the first 重庆

    fetched.clear()
    model.sort(COL_NAME, Qt.DescendingOrder)
    assert model.data(model.index(0, COL_NAME)) == names[-1]
    assert fetched == [cm.PAGE_SIZE]  # only the page shown is read again

    model.sort(COL_STATUS, Qt.AscendingOrder)
    raw = [model.data(model.index(r, COL_STATUS), cm.RAW_ROLE) for r in range(0, 3000, 97)]
    assert raw == sorted(raw)
