"""Another process holding the archive: a clear "busy", never a raw "database is locked"."""

from __future__ import annotations

import subprocess
import sys
import threading
import time

import pytest

from desktop import errors
from desktop.storage.archive import Archive

# Another program (another PC on the share, say) that opens the archive and holds a lock.
# The passphrase comes on stdin's first line; "release" on the next line lets go.
HOLDER = r"""
import sys, sqlcipher3
from desktop.storage.archive import apply_key  # the passphrase, and the tests' KDF setting
path, mode = sys.argv[1], sys.argv[2]
key = sys.stdin.readline().rstrip("\n")
conn = sqlcipher3.connect(path, isolation_level=None)
apply_key(conn, key)
conn.execute("BEGIN " + mode)
conn.execute("UPDATE settings SET value = value WHERE 0")
print("holding", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
print("released", flush=True)
"""


class Holder:
    def __init__(self, path, passphrase, mode):
        self.proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(path), mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        self.proc.stdin.write(passphrase + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        assert line == "holding", self.proc.stderr.read()

    def release(self):
        if self.proc.poll() is None:
            self.proc.stdin.write("release\n")
            self.proc.stdin.flush()
            assert self.proc.stdout.readline().strip() == "released"
            self.proc.wait(timeout=10)

    def kill(self):
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)


@pytest.fixture
def hold(made_archive, passphrase):
    holders = []

    def start(mode: str) -> Holder:
        h = Holder(made_archive, passphrase, mode)
        holders.append(h)
        return h

    yield start
    for h in holders:
        h.kill()


def test_open_while_another_process_holds_an_exclusive_lock(made_archive, passphrase, hold):
    holder = hold("EXCLUSIVE")
    started = time.monotonic()
    with pytest.raises(errors.ArchiveBusy) as info:
        Archive.open(made_archive, passphrase, busy_timeout=0.3)
    waited = time.monotonic() - started
    assert 0.25 <= waited < 5, waited  # it waited for the lock, then gave up
    assert "in use by another program" in info.value.message
    holder.release()
    with Archive.open(made_archive, passphrase, busy_timeout=0.3) as a:
        assert a.integrity_check() == []


def test_a_write_waits_out_a_short_lock(made_archive, passphrase, hold):
    holder = hold("IMMEDIATE")  # a writer: readers may still read
    with Archive.open(made_archive, passphrase, busy_timeout=0.1) as a:
        assert a.get_setting("x") is None
        with pytest.raises(errors.ArchiveBusy):
            with a.write(retry_for=0.3) as c:
                c.execute("INSERT INTO settings(key, value) VALUES ('x', 'lost')")
        timer = threading.Timer(0.4, holder.release)
        timer.start()
        try:
            with a.write(retry_for=8) as c:  # retried with backoff until the other lets go
                c.execute("INSERT INTO settings(key, value) VALUES ('x', 'saved')")
        finally:
            timer.join()
        assert a.get_setting("x") == "saved"


def test_cli_check_on_a_busy_archive_exits_4(made_archive, passphrase, hold, cli):
    """The CLI has no option to shorten the wait: this takes the default busy timeout (~5 s)."""
    hold("EXCLUSIVE")
    result = cli.run(["check", "-a", made_archive, "--passphrase-stdin"], stdin=passphrase + "\n")
    assert result.code == errors.ArchiveBusy.exit_status == 4
    line = result.assert_one_line_error()
    assert "in use by another program" in line
