"""``customers attach`` takes regular files only and never reads past the limit: a device, a
FIFO or a folder is refused at once with one line, a file over the limit before it is read,
and a file that says it is small but yields more (a /proc file, a file growing while it is
read) is cut off one byte past the limit. Nothing is attached when it is refused."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cli_support import spawn_cli
from desktop import errors
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive
from loans_support import PW


def _argv(office_file, *args):
    return [
        "-a",
        office_file,
        "--passphrase-stdin",
        "--password-stdin",
        "--user",
        "sun",
        "customers",
        "attach",
        *map(str, args),
    ]


@pytest.fixture
def attach(cli, office_file, passphrase):
    """``customers attach`` as salesperson sun, on sun's own customer (id 1)."""

    def run(path, customer=1):
        return cli.run(_argv(office_file, customer, path), stdin=f"{passphrase}\n{PW}\n")

    return run


def _attachments(office_file, passphrase) -> list[dict]:
    with Archive.open(office_file, passphrase) as a:
        return CustomerService(a, "boss").get(1).attachments


def _set_limit(office_file, passphrase, limit: int) -> None:
    with Archive.open(office_file, passphrase) as a:
        a.set_setting("attachment_limit", str(limit))


def test_a_regular_file_is_attached_whole(attach, office_file, passphrase, tmp_path):
    scan = tmp_path / "营业执照.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(3000))
    result = attach(scan)
    assert result.code == 0, result.err
    with Archive.open(office_file, passphrase) as a:
        name, data = CustomerService(a, "boss").attachment_data(int(result.out))
    assert (name, data) == ("营业执照.pdf", scan.read_bytes())


# Started as real processes with a timeout: the old code read /dev/zero until the kernel
# killed it, and a FIFO's open waited forever for a writer.
@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_device_or_fifo_is_refused_at_once(office_file, passphrase, tmp_path, kind):
    if kind == "device":
        target = Path("/dev/zero")
        if not target.exists():
            pytest.skip("needs /dev/zero (a POSIX system)")
    else:
        if not hasattr(os, "mkfifo"):
            pytest.skip("needs os.mkfifo (a POSIX system)")
        target = tmp_path / "pipe"
        os.mkfifo(target)
    result = spawn_cli(_argv(office_file, 1, target), f"{passphrase}\n{PW}\n", timeout=60)
    line = result.assert_one_line_error()
    assert result.code == errors.ValidationError.exit_status, line
    assert str(target) in line and "not a file" in line
    assert _attachments(office_file, passphrase) == []


def test_a_folder_is_refused(attach, office_file, passphrase, tmp_path):
    result = attach(tmp_path)
    line = result.assert_one_line_error()
    assert result.code == errors.ValidationError.exit_status, line
    assert "folder" in line
    assert _attachments(office_file, passphrase) == []


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    attach, office_file, passphrase, tmp_path, monkeypatch
):
    _set_limit(office_file, passphrase, 2 * 1024 * 1024)
    big = tmp_path / "big.bin"
    size = 100 * 1024**3  # 100 GB, sparse: nothing written; reading it whole cannot work
    try:
        with open(big, "wb") as f:
            f.truncate(size)
    except OSError as exc:
        pytest.skip(f"this file system has no sparse 100 GB files: {exc}")
    read = []
    real_read = os.read
    monkeypatch.setattr(os, "read", lambda fd, n: read.append(n) or real_read(fd, n))
    result = attach(big)
    monkeypatch.undo()
    line = result.assert_one_line_error()
    assert result.code == errors.ValidationError.exit_status, line
    assert f"big.bin is {size / 1024**2:.1f} MB; attachments may be at most 2 MB." in line
    assert read == []  # refused by its size alone
    assert _attachments(office_file, passphrase) == []


def test_a_file_yielding_more_than_it_claims_is_read_only_to_the_limit(
    attach, office_file, passphrase, tmp_path, monkeypatch
):
    limit = 64 * 1024
    _set_limit(office_file, passphrase, limit)
    growing = tmp_path / "growing.log"
    growing.write_bytes(b"x" * 100)  # small when looked at ...
    real_read, read = os.read, []

    def read_and_grow(fd, n):  # ... and growing while it is read, as a busy log file does
        with open(growing, "ab") as f:
            f.write(b"y" * 8192)
        chunk = real_read(fd, n)
        read.append(len(chunk))
        return chunk

    monkeypatch.setattr(os, "read", read_and_grow)
    result = attach(growing)
    monkeypatch.undo()
    line = result.assert_one_line_error()
    assert result.code == errors.ValidationError.exit_status, line
    assert "growing.log is more than" in line and "at most" in line
    assert sum(read) == limit + 1
    assert _attachments(office_file, passphrase) == []


def test_a_proc_file_claiming_zero_bytes_is_cut_off_at_the_limit(attach, office_file, passphrase):
    proc = Path("/proc/self/maps")  # size 0 by stat, kilobytes when read
    if not proc.exists():
        pytest.skip("needs Linux's /proc")
    _set_limit(office_file, passphrase, 100)
    result = attach(proc)
    line = result.assert_one_line_error()
    assert result.code == errors.ValidationError.exit_status, line
    assert "maps is more than" in line
    assert _attachments(office_file, passphrase) == []
