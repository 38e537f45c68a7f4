"""The printing commands: export cards, customers print, handovers and handover-list; real
PDFs checked with poppler; masks for a salesperson; the print in the audit log."""

from __future__ import annotations

import pytest

from desktop import errors
from desktop.services.accounts import AccountService
from desktop.services.approvals import ApprovalService
from desktop.services.customers import CustomerService
from desktop.storage import audit
from desktop.storage.archive import Archive

from pdf_support import cjk_fonts_embedded, pdf_pages, pdf_text


PW = "a good password 1"
SCOPE = "".join(f"第{i}类：技术开发、技术咨询、技术服务、技术转让；" for i in range(110))


@pytest.fixture
def office(archive_path, passphrase):
    """boss (administrator), zhao (manager), sun and li (salespeople); three customers of sun,
    one of li."""
    archive = Archive.create(archive_path, passphrase)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    first = True
    for name, display, role, region in (
        ("zhao", "赵经理", "manager", None),
        ("sun", "孙业务", "salesperson", "华东"),
        ("li", "李业务", "salesperson", "华北"),
    ):
        accounts.add_user(
            admin,
            name,
            display,
            role,
            region,
            PW,
            admin_password=PW if first else None,
            must_change_password=False,
        )
        first = False
    sun = CustomerService(archive, accounts.login("sun", PW))
    ids = {
        "private": sun.add(
            {
                "name": "上海东方贸易有限公司",
                "region": "华东",
                "customer_type": "individual",
                "phone": "13812345678",
                "dm_hobbies": "高尔夫",
                "tier": "A",
            }
        ),
        "long": sun.add(
            {"name": "杭州瑞丰食品有限公司", "region": "华东", "business_scope": SCOPE}
        ),
        "other": sun.add(
            {"name": "南京金陵机械有限公司", "region": "华东", "status": "cooperating"}
        ),
    }
    ids["li"] = CustomerService(archive, accounts.login("li", PW)).add(
        {"name": "北京长城科技有限公司", "region": "华北"}
    )
    li = CustomerService(archive, accounts.login("li", PW))
    ApprovalService(archive, accounts.login("zhao", PW)).approve(
        li.request_access(ids["private"], "协助跟进")
    )
    nos = {
        k: archive.query_one("SELECT archive_no FROM customers WHERE id = ?", (v,))[0]
        for k, v in ids.items()
    }
    archive.close()
    return archive_path, ids, nos


def _as(user, archive_path):
    return ["-a", archive_path, "--passphrase-stdin", "--user", user, "--password-stdin"]


def _stdin(passphrase):
    return f"{passphrase}\n{PW}\n"


def test_customers_print_writes_a_card_with_chinese_text_and_embedded_font(
    cli, office, passphrase, tmp_path
):
    path, ids, nos = office
    out = tmp_path / "card.pdf"
    r = cli.run(
        [*_as("sun", path), "customers", "print", nos["private"], out, "--lang", "zh_CN", "--json"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    assert r.json()["pages"] == pdf_pages(out) == 1
    text = pdf_text(out)
    assert "上海东方贸易有限公司" in text and nos["private"] in text and "主力客户" in text
    assert "13812345678" in text and "高尔夫" in text  # the responsible salesperson sees them
    assert cjk_fonts_embedded(out)


def test_masked_fields_are_masked_for_another_salesperson(cli, office, passphrase, tmp_path):
    path, ids, nos = office
    out = tmp_path / "masked.pdf"
    r = cli.run(
        [*_as("li", path), "customers", "print", str(ids["private"]), out, "--lang", "zh_CN"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    text = pdf_text(out)
    assert "上海东方贸易有限公司" in text
    assert "13812345678" not in text and "138******78" in text and "高尔夫" not in text


def test_long_business_scope_makes_two_pages_and_all_text_is_present(
    cli, office, passphrase, tmp_path
):
    path, ids, nos = office
    out = tmp_path / "long.pdf"
    r = cli.run(
        [*_as("sun", path), "customers", "print", nos["long"], out, "--lang", "zh"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    assert pdf_pages(out) == 2
    assert SCOPE in pdf_text(out, body=True)


def test_export_cards_by_filter_ids_and_query(cli, office, passphrase, tmp_path):
    path, ids, nos = office
    out = tmp_path / "all.pdf"
    r = cli.run(
        [*_as("sun", path), "export", "cards", out, "--json", "--lang", "en"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    assert (
        r.json()["customers"] == 3 and r.json()["pages"] == pdf_pages(out) == 4
    )  # one card has 2 pages
    text = pdf_text(out)
    assert "北京长城科技有限公司" not in text  # not sun's
    out = tmp_path / "coop.pdf"
    r = cli.run(
        ["export", "cards", out, "--status", "cooperating", *_as("sun", path)],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    assert pdf_pages(out) == 1 and "南京金陵机械有限公司" in pdf_text(out)
    out = tmp_path / "ids.pdf"
    r = cli.run(
        [*_as("zhao", path), "export", "cards", out, "--ids", f"{nos['li']},{ids['other']}"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    text = pdf_text(out)
    assert text.index("北京长城科技有限公司") < text.index(
        "南京金陵机械有限公司"
    )  # in the given order
    out = tmp_path / "q.pdf"
    r = cli.run(
        [*_as("zhao", path), "export", "cards", out, "--query", "jinling"], stdin=_stdin(passphrase)
    )
    assert r.code == 0, r.err
    assert pdf_pages(out) == 1 and "南京金陵机械有限公司" in pdf_text(out)


def test_prints_are_in_the_audit_log(cli, office, passphrase, tmp_path):
    path, ids, nos = office
    assert (
        cli.run(
            [*_as("li", path), "customers", "print", nos["private"], tmp_path / "a.pdf"],
            stdin=_stdin(passphrase),
        ).code
        == 0
    )
    assert (
        cli.run(
            [*_as("sun", path), "export", "cards", tmp_path / "b.pdf"], stdin=_stdin(passphrase)
        ).code
        == 0
    )
    archive = Archive.open(path, passphrase)
    try:
        prints = audit.query(archive.conn, action="print")
    finally:
        archive.close()
    assert [(e.user_name, e.details["count"]) for e in reversed(prints)] == [("li", 1), ("sun", 3)]
    assert prints[-1].details["customers"] == [nos["private"]]
    assert prints[-1].target_id == str(ids["private"])


def test_refusals_are_one_line_with_their_status(cli, office, passphrase, tmp_path):
    path, ids, nos = office
    out = tmp_path / "x.pdf"
    r = cli.run([*_as("sun", path), "customers", "print", nos["li"], out], stdin=_stdin(passphrase))
    r.assert_one_line_error()
    assert r.code == errors.PermissionDenied.exit_status and not out.exists()
    r = cli.run(
        [*_as("sun", path), "export", "cards", out, "--region", "西北"], stdin=_stdin(passphrase)
    )
    assert r.code == errors.NotFound.exit_status and "nothing printed" in r.assert_one_line_error()
    r = cli.run(
        [*_as("sun", path), "customers", "print", "KH-1999-9999", out], stdin=_stdin(passphrase)
    )
    assert r.code == errors.NotFound.exit_status
    r = cli.run([*_as("sun", path), "customers", "handover-list", out], stdin=_stdin(passphrase))
    assert r.code == errors.NotFound.exit_status and not out.exists()


def test_handover_list_from_the_command_line(cli, office, passphrase, tmp_path):
    path, ids, nos = office
    r = cli.run(
        [*_as("zhao", path), "customers", "handover", "sun", "li", "--reason", "孙业务离职"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    r = cli.run([*_as("zhao", path), "--json", "customers", "handovers"], stdin=_stdin(passphrase))
    assert r.code == 0, r.err
    [handover] = r.json()
    assert handover["customers"] == 3
    out = tmp_path / "h.pdf"
    r = cli.run(
        [
            *_as("zhao", path),
            "customers",
            "handover-list",
            str(handover["id"]),
            out,
            "--lang",
            "zh_CN",
        ],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    text = pdf_text(out)
    for key in ("private", "long", "other"):
        assert nos[key] in text
    assert "孙业务离职" in text and "客户交接清单" in text
    out2 = tmp_path / "newest.pdf"
    r = cli.run(
        [*_as("li", path), "customers", "handover-list", out2, "--from", "sun"],
        stdin=_stdin(passphrase),
    )
    assert r.code == 0, r.err
    assert nos["other"] in pdf_text(out2)


def test_an_unwritable_target_is_one_clear_line_and_nothing_is_logged(
    cli, office, passphrase, tmp_path
):
    path, ids, nos = office
    folder = tmp_path / "cards.pdf"
    folder.mkdir()  # a folder where the file should go
    r = cli.run(
        [*_as("sun", path), "customers", "print", nos["other"], folder], stdin=_stdin(passphrase)
    )
    assert r.code == errors.ValidationError.exit_status and "folder" in r.assert_one_line_error()
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        r = cli.run(
            [*_as("sun", path), "export", "cards", locked / "x.pdf"], stdin=_stdin(passphrase)
        )
    finally:
        locked.chmod(0o700)
    import os

    if os.geteuid() != 0:  # root writes anyway
        assert (
            r.code == errors.FolderNotWritable.exit_status
            and "permission" in r.assert_one_line_error()
        )
    archive = Archive.open(path, passphrase)
    try:
        prints = [
            e
            for e in audit.query(archive.conn, action="print")
            if e.details.get("file") == "cards.pdf"
        ]
    finally:
        archive.close()
    assert prints == []


def test_a_read_only_archive_prints_nothing_since_the_print_cannot_be_logged(
    cli, office, passphrase, tmp_path
):
    path, ids, nos = office
    out = tmp_path / "ro.pdf"
    r = cli.run(
        [*_as("sun", path), "--read-only", "customers", "print", nos["other"], out],
        stdin=_stdin(passphrase),
    )
    assert (
        r.code == errors.FolderNotWritable.exit_status and "read-only" in r.assert_one_line_error()
    )
    assert not out.exists()
