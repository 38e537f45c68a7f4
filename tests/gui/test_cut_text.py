"""Names are not cut short: the register's Today lists and the card's status history give
their wide column the room its text needs (scrolling sideways if the window is narrow), and a
text too long even for that shows in full as its tooltip."""

from __future__ import annotations

import datetime as dt

from desktop.services.customers import CustomerService
from test_loan_register import db, open_register

NAME = "北京东方永印务集团有限公司"
LONG_NAME = "北京东方永印务集团有限公司华北分公司第二营业部（朝阳门外大街）"


def whole(table, row: int, column: int) -> bool:
    """The cell's text is shown without "…": its column is at least as wide as the text."""
    return (
        table.columnWidth(column)
        >= table.sizeHintForIndex(table.model().index(row, column)).width()
    )


def test_the_today_lists_show_whole_names(qtbot, open_window):
    def job(loans):
        for name, no in ((NAME, "DA-0001"), (LONG_NAME, "DA-0002")):
            CustomerService(loans.archive, loans.actor).add({"name": name})
            item = loans.add_item(no, "sample", name, shelf_location="A-3")
            loans.request(item, purpose="审计", wanted_until=dt.date.today() + dt.timedelta(days=2))

    db(open_window, job)
    view = open_register(qtbot, open_window)
    view.resize(900, 600)
    table = view.ui.handOutTable
    rows = {table.item(r, 1).text(): r for r in range(table.rowCount())}
    qtbot.waitUntil(lambda: whole(table, rows["DA-0001"], 2))
    short, long = table.item(rows["DA-0001"], 2), table.item(rows["DA-0002"], 2)
    assert NAME in short.text() and short.toolTip() == ""
    assert not whole(table, rows["DA-0002"], 2) and long.toolTip() == long.text()
    assert LONG_NAME in long.toolTip()
    header = table.horizontalHeader()
    assert table.columnWidth(2) >= header.sectionSizeFromContents(2).width()  # its title too


def test_the_status_history_shows_the_whole_reason(qtbot, open_window):
    from gui_support import db as customers_db

    reason = "客户已转向竞争对手，合同到期后不再续约"
    cid = customers_db(open_window, lambda cs: cs.add({"name": NAME}))
    customers_db(open_window, lambda cs: cs.set_status(cid, "cooperating"))
    customers_db(open_window, lambda cs: cs.set_status(cid, "lost", reason=reason))
    card = open_window.customer_list.open_card(cid)
    qtbot.waitUntil(lambda: card.card is not None)
    card.ui.tabs.setCurrentWidget(card.ui.historyTab)
    card.resize(420, 500)  # as narrow as the card gets (about 600 pixels)
    table = card.ui.statusHistoryTable
    row = next(r for r in range(table.rowCount()) if table.item(r, 4).text() == reason)
    qtbot.waitUntil(lambda: whole(table, row, 4))
    for column in range(table.columnCount()):  # the dates, statuses and names fit as well
        assert table.columnWidth(column) >= table.sizeHintForColumn(column)
