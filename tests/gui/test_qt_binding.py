"""The Qt binding itself: faults of a PySide6 release that would crash the program or the
test run, caught before they do."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtTest import QTest


def test_processing_events_keeps_every_reference_to_none(qapp):
    # PySide6 6.12.0 dropped one reference to None per processEvents()/qWait() call: the
    # interpreter aborts ("deallocating None") after some 16 000 calls, in a long print job's
    # progress or a long test run. pyproject.toml holds the version below it.
    before = sys.getrefcount(None)
    for _ in range(2000):
        QCoreApplication.processEvents(QEventLoop.AllEvents)
    for _ in range(20):
        QTest.qWait(1)
    assert sys.getrefcount(None) >= before - 50
