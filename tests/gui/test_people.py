"""People at work on one archive (docs/domain.md, Accounts and login): login, who is working, a
salesperson's change
waiting for a manager, approving and rejecting, the change history, the audit log, accounts."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QToolButton

from desktop import errors
from desktop.gui.approvals_view import ApprovalsView
from desktop.gui.audit_view import AuditView
from desktop.gui.handover_dialog import HandoverDialog
from desktop.gui.login_dialog import PAGE_CHANGE, LoginDialog
from desktop.gui.main_window import PAGE_ARCHIVE, PAGE_LOCKED
from desktop.gui.unlock_dialog import UnlockDialog
from desktop.gui.users_dialog import UserEditDialog, UsersDialog
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.audit import AuditService, KnownEntry, save_known
from desktop.services.customers import CustomerService
from desktop.storage.archive import archive_id
from desktop.gui.customer_model import COL_PHONE, COL_RESPONSIBLE
from gui_support import ASCII_PASS as PASS, PW, settle, shown


def open_office(qtbot, window, office) -> LoginDialog:
    window.start(str(office[0]))
    qtbot.waitUntil(lambda: isinstance(window.dialog, LoginDialog), timeout=10000)
    return window.dialog


def log_in(qtbot, window, user: str, password: str = PW) -> None:
    d = window.dialog
    assert isinstance(d, LoginDialog)
    d.ui.userEdit.clear()
    qtbot.keyClicks(d.ui.userEdit, user)
    d.ui.passwordEdit.clear()
    qtbot.keyClicks(d.ui.passwordEdit, password)
    qtbot.keyClick(d.ui.passwordEdit, Qt.Key_Return)
    qtbot.waitUntil(
        lambda: window.actor is not None and window.actor.user_name == user, timeout=10000
    )
    settle(qtbot, window)


def switch_user(qtbot, window, user: str) -> None:
    window.ui.actionSwitchUser.trigger()
    qtbot.waitUntil(lambda: isinstance(window.dialog, LoginDialog), timeout=10000)
    assert (
        window.ui.pages.currentIndex() == PAGE_LOCKED and window.customer_list.model.rowCount() == 0
    )
    log_in(qtbot, window, user)


def on_worker(window, fn):
    return window.worker.run_sync(lambda ctx: fn(ctx.service))


def open_approvals(qtbot, window) -> ApprovalsView:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_A, Qt.ControlModifier | Qt.ShiftModifier)
    view = window.approvals_view
    assert isinstance(view, ApprovalsView)
    qtbot.waitUntil(lambda: view.lists is not None, timeout=10000)
    return view


def texts(table, column: int) -> list[str]:
    return [table.item(r, column).text() for r in range(table.rowCount())]


def test_login_asks_who_is_working_and_shows_nothing_before(qtbot, window, office, messages):
    d = open_office(qtbot, window, office)
    assert window.ui.pages.currentIndex() == PAGE_LOCKED
    assert not window.customer_list.active and window.customer_list.model.rowCount() == 0
    assert not window.ui.actionApprovals.isEnabled()

    qtbot.keyClicks(d.ui.userEdit, "sun")
    qtbot.keyClicks(d.ui.passwordEdit, "not my password")
    qtbot.keyClick(d.ui.passwordEdit, Qt.Key_Return)
    qtbot.waitUntil(d.ui.errorLabel.isVisible, timeout=10000)
    assert "wrong password" in d.ui.errorLabel.text() and d.isVisible()
    for _ in range(2):  # the third failure starts the delay
        qtbot.keyClick(d.ui.passwordEdit, Qt.Key_Return)
        qtbot.waitUntil(lambda: not d._busy, timeout=10000)
    qtbot.keyClick(d.ui.passwordEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: d.waiting, timeout=10000)
    assert "try again in 1 seconds" in d.ui.errorLabel.text().lower()
    assert not d.ok_button.isEnabled()
    qtbot.waitUntil(lambda: not d.waiting, timeout=5000)
    assert d.ok_button.isEnabled()

    log_in(qtbot, window, "sun")
    assert window.ui.pages.currentIndex() == PAGE_ARCHIVE
    assert window.dialog is None
    assert "孙业务" in window.windowTitle()
    assert window.user_label.text() == "孙业务 · Salesperson / service clerk"
    assert sorted(
        window.customer_list.model.data(window.customer_list.model.index(r, 1))
        for r in range(window.customer_list.model.rowCount())
    ) == ["上海东方贸易有限公司", "杭州瑞丰食品有限公司", "王小明"]
    # a salesperson has no audit log, accounts or handover in the menu at all
    assert not window.ui.actionAudit.isVisible()
    assert not window.ui.actionUsers.isVisible()
    assert not window.ui.actionHandover.isVisible()
    assert window.ui.actionApprovals.isEnabled() and window.ui.actionSwitchUser.isEnabled()
    qtbot.waitUntil(lambda: window.summary is not None and window.summary.mine_pending == 1)
    assert window.pending_label.isVisible() and "1" in window.pending_label.text()


def test_a_status_change_waits_for_the_manager_and_the_card_keeps_the_history(
    qtbot, window, office, messages, monkeypatch
):
    _, ids = office
    open_office(qtbot, window, office)
    log_in(qtbot, window, "sun")

    card = window.customer_list.open_card(ids["dongfang"])
    qtbot.waitUntil(lambda: card.card is not None, timeout=10000)
    status = card.editors["status"].combo
    status.setCurrentIndex(status.findData("followed_up"))
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        staticmethod(
            lambda parent, title, text, *a, **kw: (
                asked.append(title),
                ("客户已回电，有采购意向", True),
            )[1]
        ),
    )
    qtbot.keyClick(card, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert asked == ["Reason for the Change"]  # a request needs a reason
    assert "request #2" in messages[-1][1]  # "sent for approval", not an error
    qtbot.waitUntil(lambda: card.editors["status"].value() == "prospect", timeout=10000)
    assert not card.is_dirty()

    switch_user(qtbot, window, "zhao")
    assert "赵经理" in window.windowTitle()
    assert window.ui.actionAudit.isVisible() and window.ui.actionHandover.isVisible()
    assert not window.ui.actionUsers.isVisible()
    qtbot.waitUntil(lambda: window.summary is not None and window.summary.waiting == 2)
    assert "2" in window.pending_label.text()

    view = open_approvals(qtbot, window)
    table = view.ui.waitingTable
    assert texts(table, 0) == ["1", "2"]
    assert texts(table, 1) == ["Change a customer's tier", "Change a customer's status"]
    assert texts(table, 3) == ["孙业务", "孙业务"]
    assert "上海东方贸易有限公司" in table.item(1, 2).text()
    table.selectRow(1)
    changes = view.ui.changesTable
    assert [changes.item(0, c).text() for c in range(3)] == [
        "Status",
        "Prospect",
        "Followed up, not yet cooperating",
    ]
    assert "#2" in view.ui.detailTitle.text()
    qtbot.mouseClick(view.ui.approveButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.ui.waitingTable.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: window.summary.waiting == 1, timeout=10000)
    assert "1" in window.pending_label.text()
    view.close()

    card = window.customer_list.open_card(ids["dongfang"])
    qtbot.waitUntil(lambda: card.card is not None and bool(card.change_log), timeout=10000)
    assert card.editors["status"].value() == "followed_up"
    history = card.ui.changesTable
    assert history.rowCount() == 1
    row = [history.item(0, c).text() for c in range(7)]
    assert row[1:] == [
        "孙业务",
        "Status",
        "Prospect",
        "Followed up, not yet cooperating",
        "客户已回电，有采购意向",
        "赵经理",
    ]  # people by their display names


def test_rejecting_needs_a_note_that_the_requester_reads(
    qtbot, window, office, monkeypatch, messages
):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    view = open_approvals(qtbot, window)
    view.ui.waitingTable.selectRow(0)
    assert [view.ui.changesTable.item(0, c).text() for c in range(3)] == [
        "Tier",
        "C · Occasional customer",
        "A · Key account",
    ]

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **kw: ("  ", True)))
    qtbot.mouseClick(view.ui.rejectButton, Qt.LeftButton)
    assert "needs a note" in messages[-1][1]  # nothing was rejected
    assert view.ui.waitingTable.rowCount() == 1

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **kw: ("先看第四季度的数字", True))
    )
    qtbot.mouseClick(view.ui.rejectButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.ui.waitingTable.rowCount() == 0, timeout=10000)
    assert view.ui.waitingEmpty.isVisible()
    decided = on_worker(window, lambda svc: ApprovalService(svc.archive, svc.actor).get(1))
    assert decided.state == "rejected" and decided.decision_note == "先看第四季度的数字"

    switch_user(qtbot, window, "sun")
    view = open_approvals(qtbot, window)
    view.ui.tabs.setCurrentIndex(1)
    assert texts(view.ui.mineTable, 6) == ["rejected"]
    view.ui.mineTable.selectRow(0)
    assert "先看第四季度的数字" in view.ui.detailInfo.text()
    assert "zhao" in view.ui.detailInfo.text()
    assert not view.ui.cancelRequestButton.isEnabled()  # decided: nothing to withdraw


def test_approving_a_deletion_asks_first_and_keeps_a_note(
    qtbot, window, office, monkeypatch, questions
):
    _, ids = office
    open_office(qtbot, window, office)
    log_in(qtbot, window, "sun")

    def ask_delete(svc):
        with pytest.raises(errors.ApprovalRequested):
            CustomerService(svc.archive, svc.actor).delete(ids["ruifeng"], reason="重复录入")

    on_worker(window, ask_delete)
    switch_user(qtbot, window, "zhao")
    view = open_approvals(qtbot, window)
    table = view.ui.waitingTable
    row = texts(table, 1).index("Delete a customer")
    table.selectRow(row)

    def still_there():
        return on_worker(
            window,
            lambda svc: CustomerService(svc.archive, svc.actor).get(ids["ruifeng"]).values["name"],
        )

    questions.answer = QMessageBox.No  # the default of the question
    qtbot.mouseClick(view.ui.approveButton, Qt.LeftButton)
    assert "杭州瑞丰食品有限公司" in questions[-1][1] and "Delete it?" in questions[-1][1]
    assert table.rowCount() == 2 and still_there() == "杭州瑞丰食品有限公司"

    questions.answer = QMessageBox.Yes
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **kw: ("核实为重复", True))
    )
    qtbot.mouseClick(view.ui.approveButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.ui.waitingTable.rowCount() == 1, timeout=10000)
    with pytest.raises(errors.ArchiveError):
        still_there()
    decided = on_worker(window, lambda svc: ApprovalService(svc.archive, svc.actor).get(2))
    assert decided.kind == "delete" and decided.decision_note == "核实为重复"


def test_the_audit_log_filters_verifies_and_exports(qtbot, window, office, tmp_path):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    window.ui.actionAudit.trigger()
    view = window.audit_view
    assert isinstance(view, AuditView)
    qtbot.waitUntil(lambda: bool(view.entries), timeout=10000)
    assert view.entries[0].user_name == "zhao" and view.entries[0].action == "login"
    ids = [e.id for e in view.entries]
    assert ids == sorted(ids, reverse=True)  # newest first

    qtbot.waitUntil(lambda: view.ui.userCombo.count() == 5)  # (anyone) + four accounts
    view.ui.userCombo.setCurrentIndex(view.ui.userCombo.findData("sun"))
    view.ui.userCombo.activated.emit(view.ui.userCombo.currentIndex())
    qtbot.waitUntil(lambda: {e.user_name for e in view.entries} == {"sun"}, timeout=10000)
    shown = texts(view.ui.table, 4)
    assert "Customer added" in shown and "Request made" in shown
    assert set(texts(view.ui.table, 2)) == {"孙业务 (sun)"}  # who: the name and the login

    view.ui.customerEdit.setText("#nothing")
    qtbot.keyClick(view.ui.customerEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: "No customer" in view.ui.countLabel.text(), timeout=10000)
    view.ui.customerEdit.clear()
    qtbot.keyClick(view.ui.customerEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: bool(view.entries), timeout=10000)

    qtbot.mouseClick(view.ui.verifyButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.last_verify is not None, timeout=10000)
    assert view.last_verify.ok
    assert "intact" in view.ui.verifyLabel.text() and view.ui.verifyLabel.isVisible()

    target = tmp_path / "审计.xlsx"
    rows = len(view.entries)
    view.export_to(str(target))
    qtbot.waitUntil(lambda: "exported" in view.ui.noticeLabel.text(), timeout=10000)
    ws = load_workbook(target).active
    assert ws.max_row == rows + 1 and ws.freeze_panes == "A2"
    assert {ws.cell(r, 3).value for r in range(2, ws.max_row + 1)} == {"sun"}
    assert "上海东方贸易有限公司" in "".join(
        str(ws.cell(r, 9).value) for r in range(2, ws.max_row + 1)
    )
    exported = on_worker(
        window, lambda svc: AuditService(svc.archive, "zhao").list(action="export")
    )
    assert exported[0].user_name == "zhao" and exported[0].details["rows"] == rows
    assert exported[0].details["filters"] == {"user": "sun"}


def test_an_administrator_adds_an_account_and_keeps_the_last_administrator(qtbot, window, office):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "boss")
    assert window.ui.actionUsers.isVisible() and window.ui.actionAudit.isVisible()
    window.ui.actionUsers.trigger()
    d = window.dialog
    assert isinstance(d, UsersDialog)
    qtbot.waitUntil(lambda: d.data is not None, timeout=10000)
    assert texts(d.ui.usersTable, 0) == ["boss", "qian", "sun", "zhao"]
    assert texts(d.ui.usersTable, 2) == [
        "Administrator",
        "Regional manager",
        "Salesperson / service clerk",
        "Manager / director",
    ]

    qtbot.mouseClick(d.ui.addButton, Qt.LeftButton)
    e = d.editor
    assert isinstance(e, UserEditDialog) and not e.ui.adminBox.isVisible()  # boss has a password
    qtbot.keyClicks(e.ui.userNameEdit, "li")
    e.ui.displayNameEdit.insert("李区域")
    e.ui.roleCombo.setCurrentIndex(e.ui.roleCombo.findData("regional_manager"))
    qtbot.keyClicks(e.ui.passwordEdit, "welcome to the office")
    qtbot.keyClicks(e.ui.repeatEdit, "welcome to the office")
    qtbot.keyClick(e.ui.repeatEdit, Qt.Key_Return)
    qtbot.waitUntil(e.ui.errorLabel.isVisible, timeout=10000)
    assert "needs a region" in e.ui.errorLabel.text() and e.isVisible()
    e.ui.regionCombo.setCurrentText("华北")
    qtbot.keyClick(e.ui.repeatEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: d.editor is None, timeout=10000)
    qtbot.waitUntil(lambda: d.ui.usersTable.rowCount() == 5, timeout=10000)
    row = texts(d.ui.usersTable, 0).index("li")
    assert [d.ui.usersTable.item(row, c).text() for c in range(6)] == [
        "li",
        "李区域",
        "Regional manager",
        "华北",
        "yes",
        "must change",
    ]

    d.ui.usersTable.selectRow(0)  # boss, the only administrator
    assert d.ui.activeButton.text() == "&Deactivate"
    qtbot.mouseClick(d.ui.activeButton, Qt.LeftButton)
    qtbot.waitUntil(d.ui.errorLabel.isVisible, timeout=10000)
    assert "last active administrator" in d.ui.errorLabel.text()
    d.reject()

    # the new person chooses their own password right after the first login
    switch_user_to_new(qtbot, window)


def switch_user_to_new(qtbot, window) -> None:
    window.ui.actionSwitchUser.trigger()
    qtbot.waitUntil(lambda: isinstance(window.dialog, LoginDialog), timeout=10000)
    d = window.dialog
    qtbot.keyClicks(d.ui.userEdit, "li")
    qtbot.keyClicks(d.ui.passwordEdit, "welcome to the office")
    qtbot.keyClick(d.ui.passwordEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: d.ui.pages.currentIndex() == PAGE_CHANGE, timeout=10000)
    assert window.actor is None and window.ui.pages.currentIndex() == PAGE_LOCKED
    qtbot.keyClicks(d.ui.newEdit, "my own secret words")
    qtbot.keyClicks(d.ui.repeatEdit, "my own secret wordz")
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    assert "differ" in d.ui.errorLabel.text()
    d.ui.repeatEdit.setText("my own secret words")
    qtbot.keyClick(d.ui.repeatEdit, Qt.Key_Return)
    qtbot.waitUntil(
        lambda: window.actor is not None and window.actor.user_name == "li", timeout=10000
    )
    assert window.user_label.text() == "李区域 · Regional manager"
    user = on_worker(window, lambda svc: AccountService(svc.archive).get("li"))
    assert not user.must_change_password


def test_hidden_sensitive_fields_are_read_only_and_revealing_asks_why(
    qtbot, window, office, monkeypatch, messages
):
    _, ids = office
    open_office(qtbot, window, office)
    log_in(qtbot, window, "qian")  # sees 华东, but not a private person's personal details
    card = window.customer_list.open_card(ids["wang"])
    qtbot.waitUntil(lambda: card.card is not None, timeout=10000)
    assert "phone" in card.card.masked and "dm_birthday" in card.card.masked
    masked = card.findChild(QLineEdit, "masked_phone")
    assert masked.isVisible() and masked.isReadOnly()
    assert "*" in masked.text() and "12345" not in masked.text()  # masked from the stored +86…
    assert not card.editors["phone"].editor.isVisible()
    assert card.findChild(QLineEdit, "masked_dm_birthday").text() == "•••"
    assert "phone" not in card.changes()  # the mask is never sent back as a value

    asked = []
    monkeypatch.setattr(
        QInputDialog,
        "getText",
        staticmethod(
            lambda parent, title, text, *a, **kw: (asked.append(title), ("回访", True))[1]
        ),
    )
    qtbot.mouseClick(card.findChild(QToolButton, "reveal_phone"), Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert asked == ["Reveal Phone"]
    # the service decides: a regional manager may not see it (managers may, and it is logged)
    assert "may not see" in messages[-1][1]
    assert "12345" not in masked.text()


def test_a_manager_hands_a_leavers_customers_over(qtbot, window, office):
    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    window.ui.actionHandover.trigger()
    d = window.dialog
    assert isinstance(d, HandoverDialog)
    qtbot.waitUntil(lambda: d.ui.fromCombo.count() == 4, timeout=10000)
    d.ui.fromCombo.setCurrentIndex(d.ui.fromCombo.findData("sun"))
    d.ui.toCombo.setCurrentIndex(d.ui.toCombo.findData("qian"))
    qtbot.mouseClick(d.ok_button, Qt.LeftButton)
    assert "reason" in d.ui.errorLabel.text()  # a handover says why
    d.ui.reasonEdit.insert("孙业务离职")
    qtbot.mouseClick(d.ok_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: d.result_value is not None, timeout=10000)
    assert d.ui.movedList.count() == 3 and "3" in d.ui.resultLabel.text()
    assert "王小明" in "".join(d.ui.movedList.item(i).text() for i in range(3))
    responsible = on_worker(
        window,
        lambda svc: {
            CustomerService(svc.archive, svc.actor).get(i).values["responsible"]
            for i in office[1].values()
        },
    )
    assert responsible == {"qian"}


def test_locking_asks_for_the_passphrase_and_then_who_is_working(qtbot, window, office):
    _, ids = office
    open_office(qtbot, window, office)
    log_in(qtbot, window, "sun")
    card = window.customer_list.open_card(ids["dongfang"])
    qtbot.waitUntil(lambda: card.card is not None, timeout=10000)
    window.lock()
    assert not card.isVisible() and window.approvals_view is None
    window.unlock()
    d = window.dialog
    assert isinstance(d, UnlockDialog)
    qtbot.keyClicks(d.ui.passphraseEdit, PASS)
    qtbot.keyClick(d.ui.passphraseEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: isinstance(window.dialog, LoginDialog), timeout=10000)
    assert window.ui.pages.currentIndex() == PAGE_LOCKED and not card.isVisible()
    assert window.ui.unlockButton.text() == "&Log In…"
    log_in(qtbot, window, "sun")  # the same person: the card comes back
    assert card.isVisible()


def test_verifying_on_a_computer_that_knows_no_entry_says_what_it_cannot_prove(
    qtbot, window, office
):
    from desktop.services.audit import known_file
    from desktop.storage.audit import last_entry

    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    window.ui.actionAudit.trigger()
    view = window.audit_view
    qtbot.waitUntil(lambda: bool(view.entries), timeout=10000)
    known_file().unlink()  # as on a computer that never saw this archive
    qtbot.mouseClick(view.ui.verifyButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.last_verify is not None, timeout=10000)
    text = view.ui.verifyLabel.text()
    assert "intact" in text and "cannot be ruled out without an anchor" in text
    newest_id, newest_hash = on_worker(window, lambda svc: last_entry(svc.archive.conn))
    assert f"{newest_id}:{newest_hash}" in text  # to note down

    view.last_verify = None
    qtbot.mouseClick(view.ui.verifyButton, Qt.LeftButton)  # now this computer remembers it
    qtbot.waitUntil(lambda: view.last_verify is not None, timeout=10000)
    text = view.ui.verifyLabel.text()
    assert "cannot be ruled out" not in text and f"Entry {newest_id}" in text


def test_a_cut_audit_log_is_reported_when_the_archive_opens(qtbot, window, office, messages):
    save_known(
        archive_id(office[0]),
        KnownEntry(999, "ab" * 32, "2026-11-25T10:00:00.000+00:00", "2026-11-25T10:00:00+00:00"),
    )
    open_office(qtbot, window, office)
    assert messages and messages[0][0] == "warning"
    assert "entry 999" in messages[0][1] or "999" in messages[0][1]
    assert "audit log" in messages[0][1].lower()


def test_people_are_shown_by_name_and_the_responsible_person_is_picked_from_the_accounts(
    qtbot, window, office
):
    _, ids = office
    open_office(qtbot, window, office)
    log_in(qtbot, window, "zhao")
    page = window.customer_list
    qtbot.waitUntil(lambda: "孙业务" in shown(page, COL_RESPONSIBLE), timeout=10000)
    assert "sun" not in shown(page, COL_RESPONSIBLE)  # the display name, not the login name
    assert page.model.data(page.model.index(0, COL_RESPONSIBLE), Qt.ToolTipRole) == "孙业务 (sun)"
    menu = [a.text() for a in page.filters["responsible"].menu.actions()]
    assert menu == ["孙业务"]
    # a private person's phone is masked for a manager, and shown masked (not as "13878")
    assert "138 **** **78" in shown(page, COL_PHONE)

    card = page.open_card(ids["dongfang"])
    qtbot.waitUntil(lambda: card.card is not None, timeout=10000)
    editor = card.editors["responsible"]
    combo = editor.combo
    assert combo.currentText() == "孙业务 (sun)" and editor.value() == "sun"
    assert not card.is_dirty()  # shown by name, still the same value
    offered = [combo.itemText(i) for i in range(combo.count())]
    assert "钱区域 (qian)" in offered and "赵经理 (zhao)" in offered

    card.ui.tabs.setCurrentWidget(card.ui.bookkeepingTab)
    combo.setEditText("sunn")  # a typo is pointed out at the field
    combo.lineEdit().textEdited.emit("sunn")
    assert editor.error.isVisible() and "No account is called “sunn”" in editor.error.text()
    combo.setCurrentIndex(combo.findData("qian"))
    assert not editor.error.isVisible() and editor.value() == "qian"
    card.save()
    qtbot.waitUntil(lambda: not card._busy and not card.worker.busy, timeout=10000)
    saved = on_worker(
        window, lambda svc: CustomerService(svc.archive, svc.actor).get(ids["dongfang"])
    )
    assert saved.values["responsible"] == "qian"
    table = card.ui.changesTable  # the change history names people the same way
    qtbot.waitUntil(lambda: table.rowCount() > 0 and "钱区域" in texts(table, 4), timeout=10000)
    row = texts(table, 4).index("钱区域")
    assert table.item(row, 3).text() == "孙业务" and table.item(row, 1).text() == "赵经理"
    card.close()
