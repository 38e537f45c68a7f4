"""Another person's save shows up by itself (docs/architecture.md, Sharing a file): the window polls
data_version.

The other person is a real second process: the command line, on the same file.
"""

from __future__ import annotations

from cli_support import spawn_cli
from desktop import paths
from desktop.gui.customer_model import COL_REGION
from gui_support import ASCII_PASS, add_sample_data, db, settle


def other_pc(*args: str):
    """The command line in another process, on the window's archive (single-user office)."""
    result = spawn_cli(
        ["-a", paths.default_archive(), "--passphrase-stdin", "--no-keyring", *args],
        stdin=ASCII_PASS + "\n",
    )
    assert result.code == 0, result.err
    return result


def region_shown(page, cid: int) -> str:
    model = page.model
    return model.data(model.index(model.row_of_id(cid), COL_REGION))


def test_the_list_and_open_cards_follow_another_process_s_save(qtbot, open_window):
    window = open_window
    add_sample_data(qtbot, window)
    window.watcher.set_interval_ms(200)
    page = window.customer_list
    view = page.ui.tableView
    ids = page.model.ids()
    # The user has scrolled down and selected a customer; two cards are open, one with an edit.
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() // 2)
    scrolled = view.verticalScrollBar().value()
    assert scrolled > 0
    row = view.rowAt(view.viewport().height() // 2)
    view.selectRow(row)
    selected = page.current_id()
    clean = page.open_card(ids[1])
    dirty = page.open_card(ids[2])
    qtbot.waitUntil(lambda: clean.card is not None and dirty.card is not None)
    dirty.editors["owner"].line.insert("王五")
    archive_nos = db(
        window, lambda cs: {i: cs.get(i).values["archive_no"] for i in (selected, ids[1], ids[2])}
    )
    settle(qtbot, window)
    polls = window.watcher.polls

    other_pc("customers", "edit", archive_nos[selected], "--set", "region=西北边疆")
    other_pc("customers", "edit", archive_nos[ids[1]], "--set", "postcode=730000")
    other_pc("customers", "edit", archive_nos[ids[2]], "--set", "postcode=830000")

    qtbot.waitUntil(lambda: region_shown(page, selected) == "西北边疆", timeout=10000)
    assert window.watcher.polls > polls
    settle(qtbot, window)
    assert page.current_id() == selected
    assert view.verticalScrollBar().value() == scrolled
    qtbot.waitUntil(lambda: clean.editors["postcode"].value() == "730000", timeout=10000)
    assert not clean.is_dirty()
    # the card with an unsaved edit keeps it, and says that someone else saved meanwhile
    qtbot.waitUntil(dirty.ui.errorLabel.isVisible, timeout=10000)
    assert dirty.editors["owner"].value().endswith("王五")
    assert dirty.editors["postcode"].value() != "830000"


def test_heartbeats_of_other_programs_do_not_refresh_the_views(qtbot, open_window):
    window = open_window
    add_sample_data(qtbot, window)
    window.watcher.set_interval_ms(100)
    page = window.customer_list
    settle(qtbot, window)
    queries = page.query_count
    # another program's session comes and goes: commits, but no change anyone sees
    from desktop.services.archive_service import ArchiveService
    from desktop.storage.archive import Archive

    other = ArchiveService(Archive.open(paths.default_archive(), ASCII_PASS), ASCII_PASS)
    other.start_session("li")
    for _ in range(3):
        other.heartbeat()
        qtbot.wait(150)
    other.close()
    qtbot.wait(300)
    settle(qtbot, window)
    assert page.query_count == queries


def test_the_presence_panel_shows_who_else_has_the_archive_open(qtbot, open_window):
    from desktop.services.archive_service import ArchiveService
    from desktop.storage.archive import Archive

    window = open_window
    window.watcher.set_interval_ms(100)
    panel = window.presence
    assert not panel.isVisible()
    action = next(a for a in window.ui.menuTools.actions() if a.objectName() == "actionPresence")
    action.trigger()  # Tools › Who Is Working
    assert panel.isVisible()
    qtbot.waitUntil(lambda: len(panel.rows()) == 1)
    assert "(you)" in panel.rows()[0][0]

    other = ArchiveService(Archive.open(paths.default_archive(), ASCII_PASS), ASCII_PASS)
    other.start_session("li")  # someone opens it on another computer
    qtbot.waitUntil(lambda: any(r[0] == "li" for r in panel.rows()), timeout=5000)
    assert "One other person" in panel.ui.summaryLabel.text()
    assert "li" in window.presence_label.text()
    other.close()  # … and closes it again
    qtbot.waitUntil(lambda: len(panel.rows()) == 1, timeout=5000)
    assert "Only you" in panel.ui.summaryLabel.text()


def test_a_request_filed_on_another_computer_shows_up_in_the_open_approvals(
    qtbot, window, keystore, tmp_path
):
    import pytest
    from PySide6.QtCore import Qt

    from desktop import errors
    from desktop.gui.login_dialog import LoginDialog
    from desktop.services.accounts import AccountService
    from desktop.services.customers import CustomerService
    from desktop.storage.archive import Archive, archive_id

    pw = "a good password 1"
    path = tmp_path / "office.carc"
    with Archive.create(path, ASCII_PASS) as archive:
        accounts = AccountService(archive)
        admin = accounts.ensure_first_admin("boss")
        accounts.add_user(
            admin,
            "zhao",
            "赵经理",
            "manager",
            None,
            pw,
            admin_password=pw,
            must_change_password=False,
        )
        accounts.add_user(
            admin, "sun", "孙业务", "salesperson", "华东", pw, must_change_password=False
        )
        cid = CustomerService(archive, accounts.login("sun", pw)).add(
            {"name": "上海东方贸易有限公司", "region": "华东"}
        )
    keystore.entries[archive_id(path)] = ASCII_PASS
    window.start(str(path))
    qtbot.waitUntil(lambda: isinstance(window.dialog, LoginDialog), timeout=10000)
    qtbot.keyClicks(window.dialog.ui.userEdit, "zhao")
    qtbot.keyClicks(window.dialog.ui.passwordEdit, pw)
    qtbot.keyClick(window.dialog.ui.passwordEdit, Qt.Key_Return)
    qtbot.waitUntil(lambda: window.actor is not None, timeout=10000)
    window.watcher.set_interval_ms(200)
    view = window.show_approvals()
    qtbot.waitUntil(lambda: view.lists is not None, timeout=10000)
    assert view.lists.waiting == []

    with Archive.open(path, ASCII_PASS) as other:  # sun, at another desk
        sun = CustomerService(other, AccountService(other).login("sun", pw))
        with pytest.raises(errors.ApprovalRequested):
            sun.set_tier(cid, "A", reason="年采购额超过两百万")

    qtbot.waitUntil(lambda: len(view.lists.waiting) == 1, timeout=10000)
    assert view.lists.waiting[0].approval.kind and "(1)" in view.ui.tabs.tabText(0)
    qtbot.waitUntil(window.pending_label.isVisible, timeout=10000)  # and the status bar counts it
