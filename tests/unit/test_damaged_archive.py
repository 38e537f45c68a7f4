"""An archive file that was cut short (a copy interrupted, a full USB stick) is called damaged,
with exit status 20, not "not an archive": it opens with its passphrase, so it is ours. A
text file or random bytes are still "not a Customer Archive file" (exit 5)."""

from __future__ import annotations

import os
import shutil

import pytest

from desktop import errors
from desktop.services.customers import CustomerService
from desktop.storage.archive import PAGE_SIZE, Archive


@pytest.fixture(scope="module")
def full_archive(tmp_path_factory):
    """An archive of a few hundred pages (made once: the cases below cut copies of it)."""
    passphrase = "a passphrase for the damaged-file tests"
    path = tmp_path_factory.mktemp("whole") / "office.carc"
    with Archive.create(path, passphrase) as a:
        svc = CustomerService(a, "admin")
        for i in range(120):
            svc.add({"name": f"测试客户{i}有限公司", "note": "备注" * 200})
    return path, passphrase


def _check(cli, path, passphrase):
    return cli.run(["check", "-a", path, "--passphrase-stdin"], stdin=passphrase + "\n")


def _cut_copy(full_archive, tmp_path, size: int):
    src, _ = full_archive
    path = tmp_path / "copied.carc"
    shutil.copy(src, path)
    os.truncate(path, size)
    return path


@pytest.mark.parametrize("cut", ["mid-page", "a few bytes", "at a page boundary"])
def test_a_cut_archive_is_damaged_not_foreign(cli, full_archive, tmp_path, cut):
    src, passphrase = full_archive
    size = os.path.getsize(src)
    new_size = {
        "mid-page": size - 5 * PAGE_SIZE - 100,
        "a few bytes": size - 7,
        "at a page boundary": size - 5 * PAGE_SIZE,
    }[cut]
    path = _cut_copy(full_archive, tmp_path, new_size)
    result = _check(cli, path, passphrase)
    line = result.assert_one_line_error()
    assert result.code == errors.ArchiveDamaged.exit_status == 20, line
    assert "is a Customer Archive, but damaged" in line and "not a Customer Archive" not in line
    if new_size % PAGE_SIZE:
        assert f"cut short ({new_size} bytes" in line
    assert passphrase not in line
    assert os.path.getsize(path) == new_size  # nothing was written


def test_customers_list_on_a_cut_archive_says_damaged_too(cli, full_archive, tmp_path):
    src, passphrase = full_archive
    path = _cut_copy(full_archive, tmp_path, os.path.getsize(src) // 2 + 123)
    result = cli.run(
        ["-a", path, "--passphrase-stdin", "customers", "list"], stdin=passphrase + "\n"
    )
    line = result.assert_one_line_error()
    assert result.code == errors.ArchiveDamaged.exit_status, line
    assert "damaged" in line and "cut short" in line


@pytest.mark.parametrize("content", ["text", "random bytes"])
def test_a_text_file_or_random_bytes_is_not_an_archive(cli, full_archive, tmp_path, content):
    _, passphrase = full_archive
    path = tmp_path / "other.carc"
    path.write_bytes(
        "客户名单\nname,phone\n".encode() * 800
        if content == "text"
        else os.urandom(5 * PAGE_SIZE + 321)
    )
    result = _check(cli, path, passphrase)
    line = result.assert_one_line_error()
    assert result.code == errors.NotAnArchive.exit_status, line
    assert line == f"customer-archive: {path} is not a Customer Archive file."


def test_a_text_file_of_whole_pages_is_not_an_archive_either(cli, full_archive, tmp_path):
    # before, a text file of exactly N pages was taken for an archive with a wrong passphrase
    _, passphrase = full_archive
    path = tmp_path / "notes.carc"
    path.write_bytes(b"meeting notes 2026 " * 2000)
    os.truncate(path, 4 * PAGE_SIZE)
    result = _check(cli, path, passphrase)
    assert result.code == errors.NotAnArchive.exit_status, result.err
