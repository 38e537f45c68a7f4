"""A program's first save on a shared file does not keep the lock while it loads the pinyin
dictionaries (about 0.7 s on an idle machine, seconds on a busy one): everyone else's saves
would wait that long. Run in a fresh process, where nothing has loaded them yet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from processes import env

from desktop.services.accounts import AccountService
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

FIRST_SAVE = r"""
import contextlib, json, sys, time
from desktop.services.customers import CustomerService
from desktop.storage.archive import Archive

archive = Archive.open(sys.argv[1], sys.stdin.readline().rstrip("\n"))
plain_write = archive.write
held = []

@contextlib.contextmanager
def timed_write(*args, **kwargs):
    with plain_write(*args, **kwargs) as conn:
        loaded = "pypinyin.core" in sys.modules
        yield conn
    held.append(loaded)

archive.write = timed_write
cs = CustomerService(archive, "boss")
cid = int(sys.argv[2])
cs.edit(cid, {"industry": "软件开发"}, version=cs.get(cid).version)
print(json.dumps({"loaded_when_lock_taken": held, "pinyin": "pypinyin.core" in sys.modules}))
archive.close()
"""


def test_the_first_save_of_a_program_does_not_hold_the_lock_while_loading_pinyin(
    archive_path: Path, passphrase: str
):
    Archive.create(archive_path, passphrase).close()
    with Archive.open(archive_path, passphrase) as a:
        AccountService(a).ensure_first_admin("boss")
        cid = CustomerService(a, "boss").add({"name": "北京华信科技有限公司", "industry": "软件"})
    done = subprocess.run(
        [sys.executable, "-c", FIRST_SAVE, str(archive_path), str(cid)],
        input=passphrase + "\n",
        capture_output=True,
        text=True,
        env=env(),
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout)
    assert result["pinyin"]  # the save did need them (search index)
    assert result["loaded_when_lock_taken"] == [True]
    with Archive.open(archive_path, passphrase) as a:
        assert CustomerService(a, "boss").get(cid).values["industry"] == "软件开发"
