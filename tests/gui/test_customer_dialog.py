"""The customer card: validation next to the field, lost needs a reason, duplicates, unsaved
changes, conflicts, contacts and the logs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMessageBox

from shiboken6 import isValid

from desktop.gui.customer_dialog import CustomerDialog
from gui_support import add_sample_data, db, settle


@pytest.fixture
def sample_window(qtbot, open_window):
    add_sample_data(qtbot, open_window)
    return open_window


def open_card(qtbot, window, status: str | None = None) -> CustomerDialog:
    """Open the first customer (with ``status``) from the list, by keyboard."""
    page = window.customer_list
    if status:
        page.filters["statuses"].action(status).trigger()
        settle(qtbot, window)
    page.ui.tableView.setFocus()
    page.ui.tableView.selectRow(0)
    qtbot.keyClick(page.ui.tableView, Qt.Key_Return)
    card = page.cards[page.current_id()][0]
    qtbot.waitUntil(lambda: card.card is not None)
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    return card


def closed(card) -> bool:
    return not isValid(card) or not card.isVisible()  # a closed card is deleted soon after


def save(qtbot, card) -> None:
    qtbot.keyClick(card, Qt.Key_S, Qt.ControlModifier)
    qtbot.waitUntil(lambda: not card._busy and not card.worker.busy, timeout=10000)


def test_an_invalid_phone_is_shown_at_the_field_and_nothing_is_saved(qtbot, sample_window):
    card = open_card(qtbot, sample_window)
    before = db(sample_window, lambda cs: cs.get(card.customer_id).values)
    phone = card.editors["phone"]
    phone.line.selectAll()
    qtbot.keyClicks(phone.line, "12345")
    card.editors["address"].line.end(False)
    card.editors["address"].line.insert(" 2楼")
    card.ui.tabs.setCurrentWidget(card.ui.bookkeepingTab)
    save(qtbot, card)
    assert phone.error.isVisible() and "phone" in phone.error.text()
    assert card.ui.tabs.currentWidget() is card.ui.basicTab  # the field's tab is shown
    assert card.ui.errorLabel.isVisible()
    after = db(sample_window, lambda cs: cs.get(card.customer_id).values)
    assert after["version"] == before["version"] and after["address"] == before["address"]

    phone.line.selectAll()
    qtbot.keyClicks(phone.line, "021 6234 5678")
    save(qtbot, card)
    assert not phone.error.isVisible()
    after = db(sample_window, lambda cs: cs.get(card.customer_id).values)
    assert after["phone"] == "+862162345678" and after["address"].endswith("2楼")
    assert phone.value() == "021 6234 5678"
    assert not card.is_dirty()


def test_an_edited_card_says_it_has_unsaved_changes_until_saved(qtbot, sample_window):
    card = open_card(qtbot, sample_window)
    address = card.editors["address"].line
    address.end(False)
    address.insert(" 3楼")
    assert card.ui.savedLabel.text() == "Unsaved changes."
    save(qtbot, card)
    assert card.ui.savedLabel.text().startswith("Saved at")
    assert not card.isWindowModified()

    qtbot.keyClicks(address, "A")  # typed after the save: no longer "saved at…"
    assert card.ui.savedLabel.text() == "Unsaved changes."
    assert card.isWindowModified()
    qtbot.keyClick(address, Qt.Key_Backspace)  # taken back: the card is as saved again
    assert card.ui.savedLabel.text().startswith("Saved at") and not card.isWindowModified()

    table = card.ui.contactsTable  # a contact edited counts too
    table.item(0, 0).setText(table.item(0, 0).text() + "乙")
    assert card.ui.savedLabel.text() == "Unsaved changes."
    save(qtbot, card)
    assert card.ui.savedLabel.text().startswith("Saved at") and not card.isWindowModified()


def _status_choices(card) -> dict[str, tuple[bool, str]]:
    combo = card.editors["status"].combo
    model = combo.model()
    return {
        combo.itemData(i): (model.item(i).isEnabled(), model.item(i).toolTip())
        for i in range(combo.count())
    }


def test_impossible_status_moves_are_shown_but_disabled_with_the_reason(qtbot, sample_window):
    card = open_card(qtbot, sample_window, status="cooperating")
    choices = _status_choices(card)
    assert set(choices) == {"prospect", "followed_up", "cooperating", "lost"}  # none hidden
    assert choices["lost"] == (True, "") and choices["cooperating"][0]
    for back in ("prospect", "followed_up"):
        enabled, why = choices[back]
        assert not enabled and "cannot go back from Cooperating" in why, why
    combo = card.editors["status"].combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Up)  # the keyboard skips what cannot be chosen
    assert combo.currentData() == "cooperating"
    card.close()

    sample_window.customer_list.filters["statuses"].action("cooperating").trigger()
    card = open_card(qtbot, sample_window, status="prospect")
    enabled, why = _status_choices(card)["lost"]
    assert not enabled and "nobody has followed them up" in why and "Followed up" in why
    assert _status_choices(card)["followed_up"] == (True, "")


def test_marking_lost_asks_for_the_reason(qtbot, sample_window, monkeypatch):
    card = open_card(qtbot, sample_window, status="cooperating")
    status = card.editors["status"].combo
    asked = []
    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **kw: (asked.append(a[1]), ("", False))[1])
    )
    status.setCurrentIndex(status.findData("lost"))
    save(qtbot, card)
    assert asked and card.is_dirty()  # cancelled: nothing saved
    assert db(sample_window, lambda cs: cs.get(card.customer_id).values["status"]) == "cooperating"

    monkeypatch.setattr(
        QInputDialog, "getText", staticmethod(lambda *a, **kw: ("价格太高，转向竞争对手", True))
    )
    save(qtbot, card)
    saved = db(sample_window, lambda cs: cs.get(card.customer_id))
    assert saved.values["status"] == "lost"
    assert saved.status_history[-1]["reason"] == "价格太高，转向竞争对手"
    history = card.ui.statusHistoryTable
    assert history.rowCount() == len(saved.status_history)
    assert history.item(history.rowCount() - 1, 2).text() == "Lost"
    assert history.item(history.rowCount() - 1, 4).text() == "价格太高，转向竞争对手"


def test_a_new_card_shows_likely_duplicates(qtbot, sample_window):
    page = sample_window.customer_list
    existing = page.model.data(page.model.index(3, 1))
    card = page.new_card()
    card.editors["name"].line.insert(existing)
    card.editors["name"].changed.emit()  # what typing emits (insert() is the input method's commit)
    qtbot.waitUntil(card.ui.dupLabel.isVisible, timeout=5000)
    assert existing in card.ui.dupLabel.text()
    cid = page.model.id_at(3)
    card.ui.dupLabel.linkActivated.emit(str(cid))  # the user follows the link
    assert cid in page.cards


def test_a_card_closed_while_its_duplicates_are_looked_up_goes_quietly(
    qtbot, sample_window, questions
):
    page = sample_window.customer_list
    card = page.new_card()
    card.editors["name"].line.insert(page.model.data(page.model.index(3, 1)))
    card.check_duplicates()  # the look-up is on its way to the worker …
    questions.answer = QMessageBox.Discard
    card.reject()  # … when the card is closed and its widgets deleted
    from shiboken6 import delete

    delete(card.editors["name"].line)
    qtbot.waitUntil(lambda: not card.worker.busy, timeout=10000)
    settle(qtbot, sample_window)  # the answer arrives: nothing is shown, nothing raised


def test_unsaved_changes_are_asked_about(qtbot, sample_window, questions):
    card = open_card(qtbot, sample_window)
    qtbot.keyClick(card, Qt.Key_Escape)  # nothing changed: closes without a question
    assert closed(card) and questions == []

    card = open_card(qtbot, sample_window)
    card.editors["address"].line.insert("甲")
    questions.answer = QMessageBox.Cancel
    qtbot.keyClick(card, Qt.Key_Escape)
    assert card.isVisible() and len(questions) == 1

    questions.answer = QMessageBox.Save
    qtbot.keyClick(card, Qt.Key_Escape)
    cid = card.customer_id
    qtbot.waitUntil(lambda: closed(card), timeout=10000)
    assert db(sample_window, lambda cs: cs.get(cid).values["address"]).startswith("甲")

    card = open_card(qtbot, sample_window)
    card.editors["address"].line.insert("乙")
    questions.answer = QMessageBox.Discard
    card.close()
    assert closed(card)
    assert "乙" not in db(sample_window, lambda cs: cs.get(cid).values["address"])


def _race(qtbot, sample_window):
    """A card open here; another office PC saves owner and postcode; here owner and website
    are edited and saved: the conflict dialog comes up."""
    card = open_card(qtbot, sample_window)
    cid = card.customer_id
    db(sample_window, lambda cs: cs.edit(cid, {"postcode": "200000", "owner": "李四"}))
    card.editors["owner"].line.clear()
    card.editors["owner"].line.insert("王五")  # QTest types ASCII only
    qtbot.keyClicks(card.editors["website"].line, "http://hx.example.cn")
    save(qtbot, card)
    qtbot.waitUntil(lambda: card.conflict_dialog is not None and card.conflict_dialog.isVisible())
    return card, cid, card.conflict_dialog


def choose(qtbot, radio) -> None:
    """Click a radio button on its indicator (a cell is wider than the button's text)."""
    qtbot.mouseClick(radio, Qt.LeftButton, pos=QPoint(8, radio.height() // 2))


def test_a_card_saved_meanwhile_shows_both_versions_field_by_field(qtbot, sample_window):
    card, cid, dialog = _race(qtbot, sample_window)
    assert (
        db(sample_window, lambda cs: cs.get(cid).values["owner"]) == "李四"
    )  # nothing overwritten
    assert set(dialog.buttons) == {"owner", "postcode", "website"}
    theirs, mine = dialog.buttons["owner"]
    assert (theirs.text(), mine.text()) == ("李四", "王五")
    assert not theirs.isChecked() and not mine.isChecked()  # both changed it: no default
    assert dialog.buttons["postcode"][0].isChecked()  # only they changed it
    assert dialog.buttons["website"][1].isChecked()  # only I changed it
    assert not dialog.save_button.isEnabled() and dialog.ui.hintLabel.isVisible()
    choose(qtbot, mine)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not card.is_dirty() and not card.worker.busy, timeout=10000)
    values = db(sample_window, lambda cs: cs.get(cid).values)
    assert (values["owner"], values["postcode"], values["website"]) == (
        "王五",
        "200000",
        "http://hx.example.cn",
    )
    assert card.editors["postcode"].value() == "200000" and not card.ui.errorLabel.isVisible()


def test_choosing_theirs_keeps_their_value_and_still_saves_my_other_change(qtbot, sample_window):
    card, cid, dialog = _race(qtbot, sample_window)
    choose(qtbot, dialog.buttons["owner"][0])
    qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: not card.is_dirty() and not card.worker.busy, timeout=10000)
    values = db(sample_window, lambda cs: cs.get(cid).values)
    assert (values["owner"], values["postcode"], values["website"]) == (
        "李四",
        "200000",
        "http://hx.example.cn",
    )


def test_keep_editing_leaves_my_values_on_screen_over_the_new_version(qtbot, sample_window):
    card, cid, dialog = _race(qtbot, sample_window)
    qtbot.keyClick(dialog, Qt.Key_Escape)
    qtbot.waitUntil(lambda: card.conflict_dialog is None)
    assert card.editors["owner"].value() == "王五"
    assert card.editors["postcode"].value() == "200000"  # their change is under mine
    assert card.is_dirty() and card.ui.errorLabel.isVisible()
    card.activateWindow()
    qtbot.waitUntil(card.isActiveWindow)
    save(qtbot, card)  # saved against the new version
    qtbot.waitUntil(lambda: not card.is_dirty(), timeout=10000)
    values = db(sample_window, lambda cs: cs.get(cid).values)
    assert (values["owner"], values["postcode"]) == ("王五", "200000")


def test_a_save_after_someone_only_added_a_follow_up_goes_through_without_asking(
    qtbot, sample_window
):
    card = open_card(qtbot, sample_window)
    cid = card.customer_id
    db(
        sample_window, lambda cs: cs.add_follow_up(cid, "2026-11-30", "call", "电话回访")
    )  # another PC
    card.editors["owner"].line.insert("王五")
    save(qtbot, card)
    qtbot.waitUntil(lambda: not card.is_dirty() and not card.worker.busy, timeout=10000)
    assert card.conflict_dialog is None
    assert db(sample_window, lambda cs: cs.get(cid).values["owner"]).endswith("王五")
    assert "电话回访" in [
        f["summary"] for f in db(sample_window, lambda cs: cs.get(cid).follow_ups)
    ]


def test_contacts_are_edited_in_the_table(qtbot, sample_window):
    card = open_card(qtbot, sample_window)
    card.ui.tabs.setCurrentWidget(card.ui.contactsTab)
    rows = card.ui.contactsTable.rowCount()
    qtbot.mouseClick(card.ui.addContactButton, Qt.LeftButton)
    table = card.ui.contactsTable
    assert table.rowCount() == rows + 1
    table.item(rows, 0).setText("赵六")
    table.item(rows, 2).setText("123")  # phone
    save(qtbot, card)
    assert card.ui.contactsError.isVisible() and "赵六" not in str(
        db(sample_window, lambda cs: cs.get(card.customer_id).contacts)
    )
    table.item(rows, 2).setText("13912345678")
    save(qtbot, card)
    contacts = db(sample_window, lambda cs: cs.get(card.customer_id).contacts)
    assert contacts[-1]["name"] == "赵六" and contacts[-1]["phone"] == "+8613912345678"

    table.selectRow(table.rowCount() - 1)
    qtbot.mouseClick(card.ui.removeContactButton, Qt.LeftButton)
    save(qtbot, card)
    assert len(db(sample_window, lambda cs: cs.get(card.customer_id).contacts)) == rows


def test_follow_ups_transactions_and_attachments(qtbot, sample_window, monkeypatch, tmp_path):
    card = open_card(qtbot, sample_window)
    cid = card.customer_id
    card.ui.tabs.setCurrentWidget(card.ui.followUpsTab)
    follow_ups = card.ui.followUpsTable.rowCount()
    card.ui.followUpSummary.insert("电话回访，客户下月续签")
    qtbot.keyClick(card.ui.followUpSummary, Qt.Key_Return)
    qtbot.waitUntil(lambda: card.ui.followUpsTable.rowCount() == follow_ups + 1)
    assert card.ui.followUpSummary.text() == ""
    # Enter added the follow-up and nothing else: no button's menu popped up to take the keys
    assert QApplication.activePopupWidget() is None

    card.ui.tabs.setCurrentWidget(card.ui.transactionsTab)
    qtbot.keyClicks(card.ui.txAmount, "abc")
    qtbot.mouseClick(card.ui.addTransactionButton, Qt.LeftButton)
    qtbot.waitUntil(card.ui.transactionError.isVisible)
    card.ui.txAmount.setText("")
    card.ui.txAmount.insert("1.2万")
    qtbot.mouseClick(card.ui.addTransactionButton, Qt.LeftButton)
    qtbot.waitUntil(
        lambda: any(
            t["amount"] == "12000.00"
            for t in db(sample_window, lambda cs: cs.get(cid).transactions)
        )
    )

    db(sample_window, lambda cs: cs.archive.set_setting("attachment_limit", "1000"))
    big, small = tmp_path / "扫描件.pdf", tmp_path / "营业执照.png"
    big.write_bytes(b"x" * 5000)
    small.write_bytes(b"licence")
    card.ui.tabs.setCurrentWidget(card.ui.attachmentsTab)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **kw: (str(big), ""))
    )
    qtbot.mouseClick(card.ui.addAttachmentButton, Qt.LeftButton)
    qtbot.waitUntil(card.ui.attachmentError.isVisible)
    assert "MB" in card.ui.attachmentError.text()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **kw: (str(small), ""))
    )
    qtbot.mouseClick(card.ui.addAttachmentButton, Qt.LeftButton)
    qtbot.waitUntil(lambda: card.ui.attachmentsTable.rowCount() == 1)
    copy = tmp_path / "copy.png"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **kw: (str(copy), ""))
    )
    card.ui.attachmentsTable.selectRow(0)
    qtbot.mouseClick(card.ui.saveAttachmentButton, Qt.LeftButton)
    qtbot.waitUntil(copy.exists)
    assert copy.read_bytes() == b"licence"

    # The log entries bumped the card's version; our own edits still save without a conflict.
    card.editors["owner"].line.insert("孙七")
    save(qtbot, card)
    assert db(sample_window, lambda cs: cs.get(cid).values["owner"]) == "孙七"


def _answer_box(qtbot, press):
    """Answer the next modal message box as a user would: ``press(box)``; returns its text."""
    from PySide6.QtCore import QTimer

    seen = []

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        press(box)

    QTimer.singleShot(0, answer)
    return seen


def test_a_new_card_with_an_existing_name_is_saved_only_when_the_user_says_so(qtbot, sample_window):
    page = sample_window.customer_list
    existing = page.model.data(page.model.index(3, 1))
    count = db(sample_window, lambda cs: len(cs.find(existing, None, limit=1000)))
    card = page.new_card()
    card.editors["name"].line.insert(existing)
    # Enter on the question takes its default: Cancel.
    seen = _answer_box(qtbot, lambda box: qtbot.keyClick(box, Qt.Key_Return))
    qtbot.mouseClick(card.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and not card._busy, timeout=5000)
    assert "same name" in seen[0] and existing in seen[0] and "similar" not in seen[0]
    assert "same name" in card.ui.dupLabel.text()
    assert card.customer_id is None and "Not saved" in card.ui.savedLabel.text()
    assert db(sample_window, lambda cs: len(cs.find(existing, None, limit=1000))) == count

    seen = _answer_box(
        qtbot, lambda box: next(b for b in box.buttons() if b.text() == "Save Anyway").click()
    )
    qtbot.mouseClick(card.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: card.customer_id is not None, timeout=10000)
    assert db(sample_window, lambda cs: len(cs.find(existing, None, limit=1000))) == count + 1


@pytest.mark.parametrize(
    "language, records, block",
    [("en", "Transactions", "Trade details"), ("zh_CN", "交易记录", "客户交易资料")],
)
def test_the_transactions_have_one_name(qtbot, sample_window, language, records, block):
    from desktop.gui import i18n
    from desktop.reports.xlsx_export import SHEET_LABELS

    app = QApplication.instance()
    try:
        assert i18n.install(app, language) == language
        card = open_card(qtbot, sample_window)
        tabs = card.ui.tabs
        titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
        assert tabs.tabText(tabs.indexOf(card.ui.transactionsTab)) == records
        assert tabs.tabText(tabs.indexOf(card.ui.tradeTab)) == block
        assert len(set(titles)) == len(titles)
        assert not any("Transaction Log" in t or "交易资料" in t and t != block for t in titles)
        # the same name as the Excel export's sheet of them
        assert records == SHEET_LABELS["transactions"][1 if language == "zh_CN" else 0]
        card.close()
    finally:
        i18n.install(app, "en")
