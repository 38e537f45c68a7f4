"""The window's approvals view shows the approver which card an access request is for, for how
long, and (in the list) why."""

from __future__ import annotations

from desktop.gui.approvals_view import change_rows
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

PW = "a good password 1"


def test_an_access_request_names_the_card_and_the_duration(qtbot, archive_path, passphrase):
    with Archive.create(archive_path, passphrase) as a:
        accounts = AccountService(a)
        admin = accounts.ensure_first_admin("boss")
        accounts.add_user(
            admin,
            "li",
            "李销售",
            "salesperson",
            "华东",
            PW,
            admin_password=PW,
            must_change_password=False,
        )
        cid = CustomerService(a, "boss").add({"name": "上海东方贸易有限公司", "region": "华北"})
        rid = CustomerService(a, "li").request_access(int(cid), "客户来电询价", hours=48)
        request = ApprovalService(a, "boss").get(rid)
    ((label, card, how_long),) = change_rows(request, "en")
    assert "上海东方贸易有限公司" in card and "48" in how_long
    assert request.reason == "客户来电询价"
