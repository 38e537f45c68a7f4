"""A long import on a shared file while someone else keeps saving a card: the import goes in
short transactions, so every one of the other person's saves goes through quickly (none is
refused as "busy"), and the import is still undone as one unit."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.services.importing import ImportService
from desktop.storage.archive import Archive
from processes import saves_beside_import

ROWS = 4000


def sheet(path: Path) -> Path:
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("客户")
    ws.append(["企业名称", "电话", "地址", "所属行业"])
    for i in range(ROWS):
        ws.append(
            [
                f"导入测试{i:05d}号贸易有限公司",
                f"0571{88000000 + i}",
                f"杭州市文一路{i}号",
                "批发零售",
            ]
        )
    wb.save(path)
    return path


def test_saves_during_a_long_import_go_through_and_the_import_undoes_as_one(
    archive_path: Path, passphrase: str, tmp_path: Path
):
    Archive.create(archive_path, passphrase).close()
    with Archive.open(archive_path, passphrase) as a:
        AccountService(a).ensure_first_admin("boss")
        cid = CustomerService(a, "boss").add({"name": "北京华信科技有限公司", "industry": "软件"})
    book = sheet(tmp_path / "客户资料.xlsx")

    result = tmp_path / "import.json"
    with Archive.open(archive_path, passphrase) as a:
        beside = saves_beside_import(a, passphrase, book, result, cid)
        assert beside.returncode == 0, beside.stderr
        assert json.loads(result.read_text("utf-8"))["counts"]["create"] == ROWS
        assert beside.failures == []
        waits = sorted(beside.waits)
        p95 = waits[int(len(waits) * 0.95)]
        assert len(waits) > 20 and p95 < 2.0, (len(waits), p95, waits[-1])

        undo = ImportService(a, "boss").undo_last()
        assert undo.deleted == ROWS
        names = [r[0] for r in a.query("SELECT name FROM customers")]
        assert names == ["北京华信科技有限公司"]
