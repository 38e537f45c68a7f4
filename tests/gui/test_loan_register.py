"""The archive register window: Today, scanning an item to hand it out and take it back, a
request through its dialog, the register's filters, and the window in Chinese."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop.gui.loan_register import LoanActionDialog, LoanRegister, LoanRequestDialog
from desktop.services.customers import CustomerService
from desktop.services.loans import LoanService


def db(window, fn):
    return window.worker.run_sync(
        lambda ctx: fn(LoanService(ctx.service.archive, ctx.service.actor))
    )


def ok(qtbot, dialog):
    qtbot.mouseClick(dialog.ui.buttonBox.button(QDialogButtonBox.Ok), Qt.LeftButton)


def idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.worker.busy, timeout=10000)


def _setup(window):
    def job(loans: LoanService):
        CustomerService(loans.archive, loans.actor).add({"name": "上海东方贸易有限公司"})
        item = loans.add_item("YP-001", "sample", "Valve sample", shelf_location="A-3")
        loan = loans.request(
            item, purpose="trade show", wanted_until=dt.date.today() + dt.timedelta(days=2)
        )
        return item, loan["id"]

    return db(window, job)


def open_register(qtbot, window) -> LoanRegister:
    window.register_action.trigger()
    view = window.register_view
    assert isinstance(view, LoanRegister) and view.isVisible()
    idle(qtbot, window)
    return view


def test_scan_hand_out_and_take_back(qtbot, open_window):
    window = open_window
    item, loan = _setup(window)
    view = open_register(qtbot, window)
    assert view.ui.handOutTable.rowCount() == 1
    assert view.ui.handOutTable.item(0, 1).text() == "YP-001"
    assert view.ui.handOutBox.title() == "To hand out (1)"

    # The scanner types the number and Enter; Enter again opens the hand-out, again confirms.
    qtbot.keyClicks(view.ui.scanEdit, "yp-001")
    qtbot.keyClick(view.ui.scanEdit, Qt.Key_Return)
    idle(qtbot, window)
    assert "hand it out?" in view.ui.scanResult.text()
    assert view.ui.scanEdit.text() == ""
    assert view.ui.handOutButton.isDefault() and view.ui.handOutButton.hasFocus()
    qtbot.keyClick(view.ui.handOutButton, Qt.Key_Return)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanActionDialog))
    assert not view.dialog.ui.damagedCheck.isVisible()
    qtbot.keyClicks(view.dialog.ui.noteEdit, "as new")
    qtbot.keyClick(view.dialog.ui.noteEdit, Qt.Key_Return)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: view.ui.collectTable.rowCount() == 1)
    got = db(window, lambda s: s.get(loan))
    assert (got["state"], got["condition_out"]) == ("out", "as new")
    assert view.ui.handOutTable.rowCount() == 0
    assert "Handed out YP-001" in view.ui.scanResult.text()
    assert view.focusWidget() is view.ui.scanEdit

    qtbot.keyClicks(view.ui.scanEdit, "YP-001")
    qtbot.keyClick(view.ui.scanEdit, Qt.Key_Return)
    idle(qtbot, window)
    assert "take it back?" in view.ui.scanResult.text()
    qtbot.mouseClick(view.ui.takeBackButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanActionDialog))
    d = view.dialog
    assert d.ui.damagedCheck.isVisible()
    d.ui.damagedCheck.setChecked(True)
    ok_button = d.ui.buttonBox.button(QDialogButtonBox.Ok)
    assert not ok_button.isEnabled() and "needs a note" in ok_button.toolTip()  # damaged: say how
    qtbot.keyClicks(d.ui.noteEdit, "cracked lid")
    ok(qtbot, d)
    idle(qtbot, window)
    assert db(window, lambda s: s.get_item(item))["state"] == "damaged"
    qtbot.waitUntil(lambda: view.ui.collectTable.rowCount() == 0)

    qtbot.keyClicks(view.ui.scanEdit, "NOPE-9")
    qtbot.keyClick(view.ui.scanEdit, Qt.Key_Return)
    idle(qtbot, window)
    assert "NOPE-9" in view.ui.scanResult.text()
    assert not view.ui.handOutButton.isEnabled() and not view.ui.takeBackButton.isEnabled()


def test_a_hand_out_needs_the_items_condition(qtbot, open_window):
    window = open_window
    item, loan = _setup(window)
    view = open_register(qtbot, window)
    view.ui.handOutTable.selectRow(0)
    qtbot.mouseClick(view.ui.handOutButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanActionDialog))
    d = view.dialog
    button = d.ui.buttonBox.button(QDialogButtonBox.Ok)
    assert not button.isEnabled() and "condition" in button.toolTip()
    qtbot.keyClicks(d.ui.noteEdit, "   ")
    qtbot.keyClick(d.ui.noteEdit, Qt.Key_Return)
    assert not button.isEnabled() and d.isVisible()  # blanks are no condition
    assert db(window, lambda s: s.get(loan))["state"] == "approved"
    qtbot.keyClicks(d.ui.noteEdit, "scratch on the lid")
    assert button.isEnabled() and button.toolTip() == ""
    ok(qtbot, d)
    idle(qtbot, window)
    got = db(window, lambda s: s.get(loan))
    assert (got["state"], got["condition_out"]) == ("out", "scratch on the lid")


def test_request_through_the_dialog_and_the_register_filters(qtbot, open_window):
    window = open_window
    item, first = _setup(window)
    view = open_register(qtbot, window)
    qtbot.mouseClick(view.ui.requestButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanRequestDialog))
    d = view.dialog
    d.ui.itemEdit.clear()
    ok(qtbot, d)
    assert d.isVisible() and d.ui.problemLabel.text()
    qtbot.keyClicks(d.ui.itemEdit, "YP-001")
    qtbot.keyClicks(d.ui.borrowerEdit, "Marketing")
    d.ui.kindCombo.setCurrentIndex(d.ui.kindCombo.findData("department"))
    qtbot.keyClicks(d.ui.purposeEdit, "customer visit")
    ok(qtbot, d)
    idle(qtbot, window)
    loans = db(window, lambda s: s.list())
    assert [(loan["borrower"], loan["borrower_kind"], loan["purpose"]) for loan in loans][0] == (
        "Marketing",
        "department",
        "customer visit",
    )
    assert "approved" in view.ui.scanResult.text()

    view.ui.tabs.setCurrentWidget(view.ui.registerTab)
    qtbot.waitUntil(lambda: view.ui.registerTable.rowCount() == 2)
    qtbot.keyClicks(view.ui.borrowerFilter, "marketing")
    qtbot.keyClick(view.ui.borrowerFilter, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.ui.registerTable.rowCount() == 1)
    assert view.ui.registerTable.item(0, 3).text() == "Marketing"
    view.ui.registerTable.selectRow(0)
    assert view.ui.cancelLoanButton.isEnabled() and not view.ui.renewButton.isEnabled()
    qtbot.mouseClick(view.ui.cancelLoanButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanActionDialog))
    ok(qtbot, view.dialog)
    idle(qtbot, window)
    qtbot.waitUntil(lambda: "Cancelled" in view.ui.registerTable.item(0, 6).text())
    view.ui.viewCombo.setCurrentIndex(view.ui.viewCombo.findData("open"))
    qtbot.waitUntil(lambda: view.ui.registerTable.rowCount() == 0)
    view.ui.tabs.setCurrentWidget(view.ui.itemsTab)
    assert view.ui.itemsTable.rowCount() == 2  # the sample and the customer's dossier


def test_the_register_in_chinese(qtbot, keystore):
    from desktop import config
    from desktop.gui import i18n
    from desktop.gui.main_window import MainWindow

    from gui_support import create_first_run

    app = QApplication.instance()
    try:
        assert i18n.install(app, "zh_CN") == "zh_CN"
        w = MainWindow(config.load(), keystore=keystore)
        qtbot.addWidget(w)
        w.show()
        create_first_run(qtbot, w)
        _setup(w)
        assert w.register_action.text().startswith("档案借阅登记簿")
        view = open_register(qtbot, w)
        assert view.windowTitle() == "档案借阅登记簿"
        assert view.ui.tabs.tabText(0).startswith("今日")
        assert view.ui.overdueBox.title().startswith("逾期")
        assert view.ui.handOutButton.text().startswith("借出")
        assert view.ui.takeBackButton.text().startswith("归还")
        assert view.ui.handOutTable.item(0, 6).text() == "已批准"
        view.close()
        w.close()
    finally:
        i18n.install(app, "en")


def test_slip_and_export_from_the_window(qtbot, open_window, monkeypatch, tmp_path):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    window = open_window
    _, loan = _setup(window)
    view = open_register(qtbot, window)
    view.ui.handOutTable.selectRow(0)
    assert view.current["id"] == loan and view.ui.slipButton.isEnabled()
    slip = tmp_path / "slip.pdf"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(slip), ""))
    )
    qtbot.mouseClick(view.ui.slipButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: "Loan slip saved" in view.ui.scanResult.text(), timeout=10000)
    assert slip.read_bytes().startswith(b"%PDF")

    out = tmp_path / "register.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), ""))
    )
    view.ui.tabs.setCurrentWidget(view.ui.registerTab)
    view.ui.viewCombo.setCurrentIndex(view.ui.viewCombo.findData("overdue"))  # filters apply
    idle(qtbot, window)
    qtbot.mouseClick(view.ui.exportButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: "exported" in view.ui.scanResult.text(), timeout=10000)
    assert load_workbook(out).active.max_row == 1  # nothing overdue: the header only
    view.ui.viewCombo.setCurrentIndex(view.ui.viewCombo.findData(None))
    idle(qtbot, window)
    qtbot.mouseClick(view.ui.exportButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: "1 loan(s) exported" in view.ui.scanResult.text(), timeout=10000)
    ws = load_workbook(out).active
    assert ws.cell(2, 2).value == "YP-001" and ws.cell(1, 1).value == "Loan"


def test_the_approvals_window_says_what_a_loan_request_is(qapp):
    from desktop.gui.approvals_view import _target, change_rows
    from desktop.services.approvals import Approval

    def approval(kind, payload):
        return Approval(
            7,
            kind,
            "loan",
            3,
            payload,
            "谈判",
            "sun",
            "2026-12-01T09:00:00+08:00",
            "pending",
            None,
            None,
            None,
        )

    loan = approval(
        "loan",
        {
            "loan_id": 3,
            "item_no": "CL-1",
            "item": "原版合同",
            "value_class": "valuable",
            "borrower": "sun",
            "wanted_from": "2026-12-01",
            "wanted_until": "2026-12-05",
        },
    )
    assert _target(loan, {}) == "CL-1 原版合同"
    assert change_rows(loan, "en") == [
        ("Borrower", "", "sun"),
        ("Loan period", "", "2026-12-01 — 2026-12-05"),
        ("Value class", "", "valuable: a manager decides"),
    ]
    renewal = approval(
        "loan_renewal",
        {"loan_id": 3, "item_no": "CL-1", "due": "2026-12-05", "new_due": "2026-12-12"},
    )
    assert change_rows(renewal, "en") == [("Due back", "2026-12-05", "2026-12-12")]


def test_a_salespersons_request_waits_for_the_custodian_who_approves_and_hands_out(
    qtbot, window, keystore, tmp_path
):
    from desktop.gui.login_dialog import LoginDialog
    from desktop.services.accounts import AccountService
    from desktop.storage.archive import Archive, archive_id

    from gui_support import ASCII_PASS, settle

    pw = "a good password 1"
    path = tmp_path / "office.carc"
    archive = Archive.create(path, ASCII_PASS)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    accounts.add_user(
        admin,
        "sun",
        "孙业务",
        "salesperson",
        "华东",
        pw,
        admin_password=pw,
        must_change_password=False,
    )
    accounts.add_user(admin, "zhou", "周档案", "custodian", None, pw, must_change_password=False)
    CustomerService(archive, accounts.login("sun", pw)).add({"name": "上海东方贸易有限公司"})
    dossier = archive.query_one("SELECT item_no FROM items")[0]
    archive.close()
    keystore.entries[archive_id(path)] = ASCII_PASS

    def log_in(user):
        qtbot.waitUntil(lambda: isinstance(window.dialog, LoginDialog), timeout=10000)
        d = window.dialog
        d.ui.userEdit.clear()
        qtbot.keyClicks(d.ui.userEdit, user)
        qtbot.keyClicks(d.ui.passwordEdit, pw)
        qtbot.keyClick(d.ui.passwordEdit, Qt.Key_Return)
        qtbot.waitUntil(
            lambda: window.actor is not None and window.actor.user_name == user, timeout=10000
        )
        settle(qtbot, window)

    window.start(str(path))
    log_in("sun")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window, Qt.Key_R, Qt.ControlModifier | Qt.ShiftModifier
    )  # Office › Archive Register…
    view = window.register_view
    assert isinstance(view, LoanRegister)
    idle(qtbot, window)
    qtbot.mouseClick(view.ui.requestButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanRequestDialog))
    qtbot.keyClicks(view.dialog.ui.itemEdit, dossier)
    qtbot.keyClicks(view.dialog.ui.purposeEdit, "contract renewal")
    ok(qtbot, view.dialog)
    qtbot.waitUntil(lambda: "waits for approval" in view.ui.scanResult.text(), timeout=10000)
    idle(qtbot, window)
    assert view.ui.waitingTable.rowCount() == 1

    window.ui.actionSwitchUser.trigger()
    log_in("zhou")
    assert window.register_view is None  # the other person's windows closed with the switch
    view = open_register(qtbot, window)
    assert view.ui.waitingTable.rowCount() == 1 and view.ui.waitingTable.item(0, 3).text() == "sun"
    view.ui.waitingTable.selectRow(0)
    assert view.ui.approveButton.isEnabled()
    qtbot.mouseClick(view.ui.approveButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: view.ui.handOutTable.rowCount() == 1, timeout=10000)
    assert view.ui.waitingTable.rowCount() == 0
    qtbot.keyClicks(view.ui.scanEdit, dossier)
    qtbot.keyClick(view.ui.scanEdit, Qt.Key_Return)
    idle(qtbot, window)
    qtbot.mouseClick(view.ui.handOutButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, LoanActionDialog))
    qtbot.keyClicks(view.dialog.ui.noteEdit, "sealed")
    ok(qtbot, view.dialog)
    qtbot.waitUntil(
        lambda: view.ui.collectTable.rowCount() == 0 and view.ui.handOutTable.rowCount() == 0,
        timeout=10000,
    )
    view.ui.tabs.setCurrentWidget(view.ui.registerTab)
    assert "Out" in view.ui.registerTable.item(0, 6).text()


def test_the_custodian_registers_an_item_in_the_window(qtbot, open_window, messages):
    from desktop.gui.loan_register import ItemDialog

    window = open_window
    _setup(window)
    view = open_register(qtbot, window)
    view.ui.tabs.setCurrentWidget(view.ui.itemsTab)
    qtbot.mouseClick(view.ui.addItemButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, ItemDialog))
    d = view.dialog
    assert not d.ui.inStoreCheck.isVisible()
    d.ui.kindCombo.setCurrentIndex(d.ui.kindCombo.findData("customer_material"))
    assert d.ui.inStoreCheck.isVisible()
    qtbot.keyClicks(d.ui.numberEdit, "CL-7")
    qtbot.keyClicks(d.ui.descriptionEdit, "original contract")
    d.ui.valueCombo.setCurrentIndex(d.ui.valueCombo.findData("valuable"))
    d.ui.inStoreCheck.setChecked(True)
    ok(qtbot, d)
    qtbot.waitUntil(lambda: view.ui.itemsTable.rowCount() == 3, timeout=10000)
    item = db(window, lambda s: s.find_item("CL-7"))
    assert (item["kind"], item["value_class"], item["state"]) == (
        "customer_material",
        "valuable",
        "available",
    )
    qtbot.mouseClick(
        view.ui.addItemButton, Qt.LeftButton
    )  # the same number again: refused, said why
    qtbot.waitUntil(lambda: isinstance(view.dialog, ItemDialog))
    qtbot.keyClicks(view.dialog.ui.numberEdit, "cl-7")
    qtbot.keyClicks(view.dialog.ui.descriptionEdit, "again")
    ok(qtbot, view.dialog)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "already used" in messages[-1][1]


def test_the_items_tab_shows_who_waits_in_line(qtbot, open_window):
    window = open_window
    item, loan = _setup(window)

    def queue_up(s: LoanService):
        s.checkout(loan, "完好")
        s.reserve(item, borrower="li", purpose="expo")
        s.reserve(item, borrower="sun", purpose="visit")

    db(window, queue_up)
    view = open_register(qtbot, window)
    view.ui.tabs.setCurrentWidget(view.ui.itemsTab)
    row = next(
        r
        for r in range(view.ui.itemsTable.rowCount())
        if view.ui.itemsTable.item(r, 0).text() == "YP-001"
    )
    assert view.ui.itemsTable.item(row, 5).text() == "lent out"
    assert view.ui.itemsTable.item(row, 6).text() == "li, sun"


def test_the_register_filtered_by_a_customers_archive_number(qtbot, open_window, messages):
    from desktop.gui.loan_register import ItemDialog

    window = open_window
    _setup(window)

    def dossier_out(loans: LoanService):
        cs = CustomerService(loans.archive, loans.actor)
        cid = cs.find("上海东方贸易", limit=1)[0]
        number = cs.get(cid).values["archive_no"]
        dossier = next(i for i in loans.list_items() if i["customer_id"] == cid)
        loans.request(
            dossier["id"], purpose="audit", wanted_until=dt.date.today() + dt.timedelta(days=3)
        )
        return number

    number = db(window, dossier_out)
    view = open_register(qtbot, window)
    view.ui.tabs.setCurrentWidget(view.ui.registerTab)
    qtbot.waitUntil(lambda: view.ui.registerTable.rowCount() == 2)
    qtbot.keyClicks(view.ui.customerFilter, number)
    qtbot.keyClick(view.ui.customerFilter, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.ui.registerTable.rowCount() == 1)
    assert view.ui.registerTable.item(0, 2).text() != "Valve sample"
    view.ui.customerFilter.clear()
    qtbot.keyClicks(view.ui.customerFilter, "NO-SUCH-NUMBER")
    qtbot.keyClick(view.ui.customerFilter, Qt.Key_Return)
    qtbot.waitUntil(lambda: view.ui.registerTable.rowCount() == 0)

    # a new item of a customer no card has: refused, and the dialog says which number
    view.ui.tabs.setCurrentWidget(view.ui.itemsTab)
    qtbot.mouseClick(view.ui.addItemButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: isinstance(view.dialog, ItemDialog))
    d = view.dialog
    qtbot.keyClicks(d.ui.numberEdit, "CL-9")
    qtbot.keyClicks(d.ui.descriptionEdit, "contract copy")
    qtbot.keyClicks(d.ui.customerEdit, "NO-SUCH-NUMBER")
    ok(qtbot, d)
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert "NO-SUCH-NUMBER" in messages[-1][1]
