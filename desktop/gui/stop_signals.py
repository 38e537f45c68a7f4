"""Closing the window when the system asks the program to stop (SIGTERM, SIGINT).

A desktop logging out, ``systemctl``/``kill`` and Ctrl+C in the terminal send these. Python's
default would end the process at once: the archive not closed, no backup after changes, and the
entry in *Who Is Working* left behind for two minutes. Instead the window is closed as by its
close button (a card with unsaved edits still asks), and the program ends with status 0.

The signal reaches Python only when the interpreter runs; while Qt's event loop waits, a byte
written to a socket (``signal.set_wakeup_fd``) wakes it through a QSocketNotifier.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

STOP_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGINT", None)) if s is not None
)


class StopSignals(QObject):
    """Owned by the window; closes it on SIGTERM or SIGINT (POSIX; elsewhere it does nothing)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.notifier: QSocketNotifier | None = None
        if not hasattr(socket, "socketpair") or not hasattr(signal, "set_wakeup_fd"):
            return
        try:
            self.reader, self.writer = socket.socketpair()
        except OSError:
            return
        self.reader.setblocking(False)
        self.writer.setblocking(False)
        try:
            signal.set_wakeup_fd(self.writer.fileno(), warn_on_full_buffer=False)
        except ValueError:  # not the main thread: leave Python's defaults alone
            return
        for number in STOP_SIGNALS:
            signal.signal(number, self._received)
        self.notifier = QSocketNotifier(self.reader.fileno(), QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._drain)

    def _drain(self, *_args) -> None:
        try:
            while self.reader.recv(64):
                pass
        except OSError:
            pass

    def _received(self, number: int, _frame) -> None:
        log.info("signal %s: closing the window", signal.Signals(number).name)
        QTimer.singleShot(0, self.window.close)
