"""Deleting and merging customers from the list, as each role meets it: the Edit menu, the
context menu and Del, with the question, the reason and the approval flow of the CLI."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from desktop.gui import customer_actions
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from gui_support import settle
from test_people import log_in, on_worker, open_office


def names(window) -> list[str]:
    return on_worker(
        window,
        lambda svc: sorted(
            c.values["name"]
            for c in (
                CustomerService(svc.archive, svc.actor).get(i)
                for i in CustomerService(svc.archive, svc.actor).find("")
            )
        ),
    )


def select(qtbot, window, *wanted: str) -> None:
    page = window.customer_list
    view = page.ui.tableView
    view.clearSelection()
    for name in wanted:
        row = next(
            r
            for r in range(page.model.rowCount())
            if page.model.data(page.model.index(r, 1)) == name
        )
        index = page.model.index(row, 1)
        view.selectionModel().select(index, QItemSelectionModel.Select | QItemSelectionModel.Rows)
    view.setFocus()


def answer_reason(monkeypatch, text: str) -> list[str]:
    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        staticmethod(lambda parent, title, label, *a, **kw: (asked.append(label), (text, True))[1]),
    )
    return asked


def test_a_manager_deletes_a_card_with_del_after_a_question_and_a_reason(
    qtbot, window, office, questions, monkeypatch, messages
):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    edit = window.ui.menuEdit
    assert window.customer_actions.delete_action in edit.actions()
    select(qtbot, window, "杭州瑞丰食品有限公司")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    questions.answer = QMessageBox.No  # the question's default
    qtbot.keyClick(window.customer_list.ui.tableView, Qt.Key_Delete)
    assert "杭州瑞丰食品有限公司" in questions[-1][1] and "cannot be undone" in questions[-1][1]
    assert "杭州瑞丰食品有限公司" in names(window)

    questions.answer = QMessageBox.Yes
    answer_reason(monkeypatch, "   ")
    qtbot.keyClick(window.customer_list.ui.tableView, Qt.Key_Delete)
    assert "needs a reason" in messages[-1][1] and "杭州瑞丰食品有限公司" in names(window)

    answer_reason(monkeypatch, "重复录入")
    qtbot.keyClick(window.customer_list.ui.tableView, Qt.Key_Delete)
    qtbot.waitUntil(lambda: "deleted" in window.statusBar().currentMessage(), timeout=10000)
    settle(qtbot, window)
    assert "杭州瑞丰食品有限公司" not in names(window)
    shown = [
        window.customer_list.model.data(window.customer_list.model.index(r, 1))
        for r in range(window.customer_list.model.rowCount())
    ]
    assert "杭州瑞丰食品有限公司" not in shown


def test_a_salespersons_deletion_becomes_a_request(
    qtbot, window, office, questions, monkeypatch, messages
):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "sun")
    select(qtbot, window, "上海东方贸易有限公司")
    questions.answer = QMessageBox.Yes
    answer_reason(monkeypatch, "客户已注销")
    window.customer_actions.delete_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "approval" in messages[-1][1] and "#2" in messages[-1][1]
    assert "上海东方贸易有限公司" in names(window)
    waiting = on_worker(window, lambda svc: ApprovalService(svc.archive, svc.actor).get(2))
    assert waiting.kind == "delete" and waiting.state == "pending"


def test_merging_two_selected_customers_from_the_context_menu(
    qtbot, window, office, monkeypatch, messages
):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    actions = window.customer_actions
    select(qtbot, window, "杭州瑞丰食品有限公司")
    assert not actions.merge_action.isEnabled()  # one selected: nothing to merge with
    select(qtbot, window, "上海东方贸易有限公司", "杭州瑞丰食品有限公司")
    view = window.customer_list.ui.tableView
    view.customContextMenuRequested.emit(
        view.visualRect(view.selectionModel().selectedRows()[0]).center()
    )
    menu = actions.last_menu
    assert actions.merge_action in menu.actions() and actions.merge_action.isEnabled()
    menu.close()

    offered = []
    monkeypatch.setattr(
        customer_actions, "ask_keep", lambda parent, a, b: offered.append((a, b)) or None
    )
    actions.merge_action.trigger()  # cancelled: nothing merged
    assert len(names(window)) == 3

    monkeypatch.setattr(
        customer_actions,
        "ask_keep",
        lambda parent, a, b: offered.append((a, b)) or (0 if a.startswith("上海东方") else 1),
    )
    answer_reason(monkeypatch, "同一家公司")
    actions.merge_action.trigger()
    qtbot.waitUntil(lambda: "merged" in window.statusBar().currentMessage(), timeout=10000)
    assert "上海东方贸易有限公司" in names(window) and "杭州瑞丰食品有限公司" not in names(window)
    assert "杭州瑞丰食品有限公司" in offered[-1][0] + offered[-1][1]


def test_a_salesperson_cannot_merge_and_is_told_why(qtbot, window, office, monkeypatch, messages):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "sun")
    select(qtbot, window, "上海东方贸易有限公司", "杭州瑞丰食品有限公司")
    monkeypatch.setattr(customer_actions, "ask_keep", lambda parent, a, b: 0)
    answer_reason(monkeypatch, "")
    window.customer_actions.merge_action.trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "manager" in messages[-1][1] and len(names(window)) == 3
