"""The customer list as a user meets it: sample data, instant search, filters, sorting, keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop.gui.customer_dialog import CustomerDialog
from desktop.gui.customer_list import PAGE_EMPTY
from desktop.gui.customer_model import COL_MATCH, COL_NAME, COL_STATUS, RAW_ROLE
from desktop.storage.customers import Filter
from gui_support import add_sample_data, db, settle, shown


@pytest.fixture
def sample_window(qtbot, open_window):
    add_sample_data(qtbot, open_window)
    return open_window


def test_an_empty_archive_offers_sample_data(qtbot, open_window):
    page = open_window.customer_list
    settle(qtbot, open_window)
    assert page.ui.listStack.currentIndex() == PAGE_EMPTY
    add_sample_data(qtbot, open_window)
    assert page.model.rowCount() == 200
    assert page.ui.countLabel.text() == "200 customers"
    assert all(shown(page))  # the first page came with the ids: no placeholders


def test_search_while_typing_chinese_and_pinyin(qtbot, sample_window):
    page = sample_window.customer_list
    before = page.query_count
    page.ui.searchEdit.insert("北京")  # as an input method commits it
    settle(qtbot, sample_window)
    names = shown(page)
    assert names and all("北京" in n for n in names)
    assert page.ui.countLabel.text() == f"{len(names)} found"
    assert page.query_count == before + 1

    page.ui.searchEdit.clear()
    settle(qtbot, sample_window)
    before = page.query_count
    qtbot.keyClicks(page.ui.searchEdit, "beijing")  # seven keystrokes inside the debounce time
    settle(qtbot, sample_window)
    assert page.query_count == before + 1
    names = shown(page)
    assert names[0].startswith("北京")
    assert sum("北京" in n for n in names) >= len(names) * 0.8

    page.ui.searchEdit.clear()
    qtbot.keyClicks(page.ui.searchEdit, "no such customer xyz")
    settle(qtbot, sample_window)
    assert page.model.rowCount() == 0
    assert page.ui.countLabel.text() == "Nothing matches “no such customer xyz”."
    assert page.ui.listStack.currentIndex() != PAGE_EMPTY  # no matches is not an empty archive


def test_search_results_say_where_each_customer_was_found(qtbot, sample_window):
    page = sample_window.customer_list
    view = page.ui.tableView
    assert view.isColumnHidden(COL_MATCH)  # no search, no "Found in"
    # a contact's name that is in no customer's name: the company is found by its contact
    contact = db(
        sample_window,
        lambda cs: next(
            c["name"]
            for cid in cs.list_ids()
            for c in cs.get(cid).contacts
            if c["name"]
            and all(c["name"] not in cs.get(i).values["name"] for i in cs.search(c["name"]))
        ),
    )
    page.ui.searchEdit.insert(contact)
    settle(qtbot, sample_window)
    assert not view.isColumnHidden(COL_MATCH)
    model = page.model
    qtbot.waitUntil(
        lambda: model.rowCount() > 0 and bool(model.data(model.index(0, COL_MATCH))), timeout=10000
    )
    for row in range(model.rowCount()):
        assert "contact" in model.data(model.index(row, COL_MATCH)).split(", ")
        assert "name" not in model.data(model.index(row, COL_MATCH)).split(", ")

    page.ui.searchEdit.clear()
    page.ui.searchEdit.insert("北京")
    settle(qtbot, sample_window)
    qtbot.waitUntil(lambda: model.data(model.index(0, COL_MATCH)) is not None, timeout=10000)
    assert model.data(model.index(0, COL_MATCH)).startswith("name")
    page.ui.searchEdit.clear()
    settle(qtbot, sample_window)
    assert view.isColumnHidden(COL_MATCH)


def test_a_newer_query_supersedes_an_older_one(qtbot, sample_window):
    page = sample_window.customer_list
    for text in ("上", "上海", "上海x", "上海"):  # each sent at once, as after pauses
        page.ui.searchEdit.setText(text)
        page.run_query()
    settle(qtbot, sample_window)
    names = shown(page)
    assert names and all("上海" in n for n in names)


def test_filters_change_the_count_and_can_be_saved(qtbot, sample_window, monkeypatch):
    page = sample_window.customer_list
    everyone = page.model.rowCount()
    lost = db(sample_window, lambda cs: len(cs.find("", Filter(statuses=["lost"]))))
    page.filters["statuses"].action("lost").trigger()
    settle(qtbot, sample_window)
    assert page.model.rowCount() == lost < everyone
    assert page.ui.countLabel.text() == f"{lost} found"
    assert {
        page.model.data(page.model.index(r, COL_STATUS), RAW_ROLE)
        for r in range(page.model.rowCount())
    } == {"lost"}
    assert "Lost" in page.ui.statusButton.text()

    region = db(sample_window, lambda cs: cs.value_lists()["region"][0])
    page.filters["regions"].action(region).trigger()
    settle(qtbot, sample_window)
    both = page.model.rowCount()
    assert both <= lost

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **kw: ("流失 " + region, True))
    )
    page.save_filter_action.trigger()
    qtbot.waitUntil(lambda: "流失 " + region in [a.text() for a in page.saved_menu.actions()])

    qtbot.mouseClick(page.ui.clearFiltersButton, Qt.LeftButton)
    settle(qtbot, sample_window)
    assert page.model.rowCount() == everyone
    next(a for a in page.saved_menu.actions() if a.text() == "流失 " + region).trigger()
    settle(qtbot, sample_window)
    assert page.model.rowCount() == both


def test_header_click_sorts_in_sql(qtbot, sample_window):
    page = sample_window.customer_list
    header = page.ui.tableView.horizontalHeader()
    x = header.sectionViewportPosition(COL_NAME) + 5
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, 5))
    settle(qtbot, sample_window)
    first = shown(page)
    expected = db(sample_window, lambda cs: cs.find("", sort="name"))
    assert page.model.ids() == expected
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, 5))
    settle(qtbot, sample_window)
    assert page.model.ids() == db(
        sample_window, lambda cs: cs.find("", sort="name", descending=True)
    )
    assert shown(page)[0] != first[0]


def test_keyboard_find_move_and_open(qtbot, sample_window):
    window = sample_window
    page = window.customer_list
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.ui.tableView.setFocus()
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert QApplication.focusWidget() is page.ui.searchEdit
    page.ui.searchEdit.insert("上海")
    settle(qtbot, window)
    qtbot.keyClick(page.ui.searchEdit, Qt.Key_Down)
    assert QApplication.focusWidget() is page.ui.tableView
    qtbot.keyClick(page.ui.tableView, Qt.Key_Down)
    assert page.ui.tableView.currentIndex().row() == 1
    wanted = page.current_id()
    qtbot.keyClick(page.ui.tableView, Qt.Key_Return)
    card = page.cards[wanted][0]
    qtbot.waitUntil(lambda: card.card is not None)
    assert card.editors["name"].value() == shown(page)[1]
    card.force_close()


def test_double_click_opens_the_card_once(qtbot, sample_window):
    page = sample_window.customer_list
    view = page.ui.tableView
    rect = view.visualRect(page.model.index(0, COL_NAME))

    def double_click():  # QTest's double click needs the press that precedes it
        qtbot.mouseClick(view.viewport(), Qt.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.LeftButton, pos=rect.center())

    double_click()
    cid = page.model.id_at(0)
    qtbot.waitUntil(lambda: cid in page.cards)
    double_click()
    assert len(page.cards[cid]) == 1  # the open card is raised, not opened twice
    page.cards[cid][0].force_close()


def test_new_card_with_a_chinese_name_appears_in_the_list(qtbot, sample_window):
    window = sample_window
    page = window.customer_list
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.ui.tableView.setFocus()
    qtbot.keyClick(window, Qt.Key_N, Qt.ControlModifier)
    card = page.cards[None][0]
    assert isinstance(card, CustomerDialog)
    qtbot.waitUntil(card.isActiveWindow)
    card.editors["name"].line.insert("张三丰科技有限公司")
    qtbot.keyClicks(card.editors["phone"].line, "0571-88886666")
    qtbot.keyClick(card, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: card.customer_id is not None, timeout=10000)
    settle(qtbot, window)
    assert card.windowTitle().startswith("张三丰科技有限公司")
    assert card.editors["archive_no"].value().startswith("KH-")
    assert page.current_id() == card.customer_id  # the list shows and selects the new card
    assert page.model.rowCount() == 201
    page.ui.searchEdit.insert("张三丰")
    settle(qtbot, window)
    assert shown(page) == ["张三丰科技有限公司"]
    card.force_close()


def test_lock_hides_the_list_and_unlock_brings_it_back(qtbot, sample_window):
    window = sample_window
    page = window.customer_list
    card = page.open_card(page.model.id_at(0))
    qtbot.waitUntil(lambda: card.card is not None)
    card.editors["address"].line.insert("x")  # an unsaved change survives the lock
    window.lock()
    assert page.model.rowCount() == 0 and not card.isVisible()
    qtbot.mouseClick(window.ui.unlockButton, Qt.LeftButton)
    from gui_support import ASCII_PASS

    qtbot.waitUntil(lambda: window.dialog is not None)
    qtbot.keyClicks(window.dialog.ui.passphraseEdit, ASCII_PASS)
    qtbot.keyClick(window.dialog.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=10000)
    assert card.isVisible() and card.is_dirty()
    card.force_close()
