"""Where exports, PDFs and saved copies land (desktop/atomic.py): a new path or a regular file
only, the file's mode kept, a link written through; a full disk is one clean message and
leaves nothing behind."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from pathlib import Path

import pytest

from cli_support import spawn_cli
from desktop import errors
from desktop.atomic import atomic_output, write_atomic
from loans_support import PW


@pytest.fixture
def as_boss(as_user):
    return lambda *args: as_user("boss", *args)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# ------------------------------------------------------------------------------ the mode


def test_a_re_export_over_a_private_file_keeps_it_private(as_boss, tmp_path):
    target = tmp_path / "客户.xlsx"
    umask = os.umask(0o027)
    try:
        assert as_boss("export", "xlsx", target).code == 0
    finally:
        os.umask(umask)
    assert _mode(target) == 0o666 & ~0o027  # a new file: the usual mode
    os.chmod(target, 0o600)
    before = target.stat().st_ino
    result = as_boss("export", "xlsx", target)
    assert result.code == 0, result.err
    assert _mode(target) == 0o600
    assert target.stat().st_ino != before  # replaced whole, not rewritten in place


# ------------------------------------------------------------------------------ what the target is


def _device(tmp_path: Path) -> Path:
    node = tmp_path / "null"
    try:
        os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    except (AttributeError, PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here (needs root on POSIX): {exc}")
    return node


def _fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs os.mkfifo (POSIX)")
    node = tmp_path / "pipe"
    os.mkfifo(node)
    return node


@pytest.mark.parametrize(
    "make, kind, is_kind",
    [(_device, "a device", stat.S_ISCHR), (_fifo, "a pipe (FIFO)", stat.S_ISFIFO)],
)
@pytest.mark.parametrize("command", [["export", "xlsx"], ["customers", "print", "1"]])
def test_a_device_or_fifo_is_refused_and_left_alone(
    as_boss, tmp_path, make, kind, is_kind, command
):
    node = make(tmp_path)
    result = as_boss(*command, node)
    line = result.assert_one_line_error()
    assert result.code == errors.ValidationError.exit_status, line
    assert f"{node} is {kind}, not a file" in line
    assert is_kind(os.lstat(node).st_mode)  # still the device or FIFO it was
    assert _leftovers(tmp_path) == []


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(errors.ValidationError, match="is a folder, not a file"):
        write_atomic(tmp_path, b"x")
    assert tmp_path.is_dir()


def test_a_link_is_written_through_to_its_file(as_boss, tmp_path):
    real = tmp_path / "shared" / "客户.xlsx"
    real.parent.mkdir()
    real.write_bytes(b"old")
    os.chmod(real, 0o640)
    link = tmp_path / "latest.xlsx"
    link.symlink_to(real)
    result = as_boss("export", "xlsx", link)
    assert result.code == 0, result.err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_bytes()[:2] == b"PK"  # the workbook went to the file the link names
    assert _mode(real) == 0o640
    assert _leftovers(tmp_path) == [] and _leftovers(real.parent) == []


def test_a_link_to_a_device_is_refused(tmp_path):
    node = _device(tmp_path)
    link = tmp_path / "out.pdf"
    link.symlink_to(node)
    with pytest.raises(errors.ValidationError, match="is a device"):
        write_atomic(link, b"%PDF")
    assert stat.S_ISCHR(os.stat(link).st_mode)


# ------------------------------------------------------------------------------ a full disk


def test_a_write_failing_for_want_of_space_is_disk_full_and_leaves_nothing(tmp_path, monkeypatch):
    target = tmp_path / "cards.pdf"
    target.write_bytes(b"the earlier export")

    class Full:
        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(errors.DiskFull, match=f"The disk is full: {target} was not written"):
        with atomic_output(target) as f:
            f.write(b"first part")
            monkeypatch.setattr(f, "_f", Full())
            f.write(b"second part")
    assert target.read_bytes() == b"the earlier export"
    assert _leftovers(tmp_path) == []


@pytest.fixture
def full_disk(tmp_path):
    """A 64 kB file system, almost full (mount needs root; skipped with the reason if not)."""
    folder = tmp_path / "usb stick"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {done.stderr.strip()}")
    try:
        with open(folder / "filler", "wb", buffering=0) as f:  # fill it, leave one page free
            try:
                while True:
                    f.write(os.urandom(4096))
            except OSError:
                pass
            f.truncate(max(0, f.tell() - 4096 - f.tell() % 4096))
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


# In a real process: what a shell sees, including what Python prints when it collects a
# half-written workbook after the message (the tracebacks this used to show).
@pytest.mark.parametrize(
    "before, after, suffix",
    [
        (["export", "xlsx"], ["--full"], ".xlsx"),
        (["analysis", "pdf"], [], ".pdf"),
        (["loans", "export"], [], ".xlsx"),
    ],
)
def test_an_export_onto_a_full_disk_is_one_line_and_leaves_nothing(
    office_file, passphrase, full_disk, before, after, suffix
):
    target = full_disk / f"out{suffix}"
    argv = [
        "-a",
        office_file,
        "--passphrase-stdin",
        "--password-stdin",
        "--user",
        "boss",
        *before,
        target,
        *after,
    ]
    result = spawn_cli(argv, f"{passphrase}\n{PW}\n", timeout=120)
    line = result.assert_one_line_error()
    assert result.code == errors.DiskFull.exit_status, line
    assert line == f"customer-archive: The disk is full: {target} was not written."
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler"]
