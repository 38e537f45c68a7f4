"""An open archive tells its own audit entries from other programs' (the views refresh only
for the second kind: docs/architecture.md, Sharing a file)."""

from __future__ import annotations

from desktop.storage import audit
from desktop.storage.archive import Archive

PASS = "correct horse battery staple 电池"


def _append(archive: Archive, user: str, action: str = "change") -> int:
    with archive.write() as conn:
        return audit.append(conn, user_name=user, action=action).id


def test_entries_of_another_connection_stand_out_between_our_own(tmp_path):
    path = tmp_path / "office.carc"
    ours = Archive.create(path, PASS)
    theirs = Archive.open(path, PASS)
    try:
        start = _append(ours, "wang")
        assert ours.foreign_entries_after(start) is None  # nothing since
        mine = [_append(ours, "wang"), _append(ours, "wang")]
        assert ours.foreign_entries_after(start) is None  # only our own
        other = _append(theirs, "li")
        mine.append(_append(ours, "wang"))  # ours again, after theirs
        assert mine[-1] > other > mine[0]
        assert ours.foreign_entries_after(start) == other
        # the other connection sees the reverse
        assert theirs.foreign_entries_after(start) == mine[-1]
        assert ours.foreign_entries_after(mine[-1]) is None
    finally:
        theirs.close()
        ours.close()


def test_a_long_session_alone_keeps_one_range(tmp_path):
    archive = Archive.create(tmp_path / "office.carc", PASS)
    try:
        first = _append(archive, "wang")
        for _ in range(50):
            _append(archive, "wang")
        assert len(archive.own_entries) == 1  # contiguous writes merge into one range
        assert archive.foreign_entries_after(first - 1) is None
    finally:
        archive.close()
