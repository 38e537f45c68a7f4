"""One Customer Archive window in a process of its own (offscreen), driven by lines on stdin:
another person's computer, for tests/integration/test_shared_file.py and the benchmark.

    python gui_instance.py ARCHIVE [POLL_MS]     (the passphrase is the first stdin line)

Commands, one per line; each answers one line on stdout:
  edit ARCHIVE_NO VALUE    open the card, type VALUE as its region, save     -> saved
  wait ARCHIVE_NO VALUE    until the list shows VALUE as that region         -> seen SECONDS
  quit                                                                       -> bye
At the start it prints "ready" once the list shows the customers.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402

from desktop import config  # noqa: E402
from desktop.gui.app import make_app  # noqa: E402
from desktop.gui.customer_model import COL_ARCHIVE_NO, COL_REGION  # noqa: E402
from desktop.gui.main_window import MainWindow  # noqa: E402
from desktop.secrets.keystore import KeyLookup, KeyState, KeyStore  # noqa: E402


class OneKey(KeyStore):
    """The office's passphrase for any archive id (no system keyring in the test)."""

    def __init__(self, secret: str) -> None:
        super().__init__(backend=None)
        self._secret = secret

    def state(self) -> KeyState:
        return KeyState.FOUND

    def get(self, archive_id: str) -> KeyLookup:
        return KeyLookup(KeyState.FOUND, secret=self._secret)

    def set(self, archive_id: str, secret: str) -> KeyState:
        return KeyState.FOUND

    def delete(self, archive_id: str) -> KeyState:
        return KeyState.FOUND


def say(text: str) -> None:
    print(text, flush=True)


def main() -> int:
    path = sys.argv[1]
    poll_ms = int(sys.argv[2]) if len(sys.argv) > 2 else None
    secret = sys.stdin.readline().rstrip("\n")
    app = make_app([sys.argv[0]])
    window = MainWindow(config.load(), keystore=OneKey(secret))
    if poll_ms:
        window.watcher.set_interval_ms(poll_ms)
    window.show()
    window.start(path)
    page = window.customer_list
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(
        target=lambda: [lines.put(line.strip()) for line in sys.stdin], daemon=True
    ).start()
    state: dict = {"ready": False, "task": None}

    def row_of(archive_no: str) -> int | None:
        model = page.model
        for row in range(model.rowCount()):
            if model.data(model.index(row, COL_ARCHIVE_NO)) == archive_no:
                return row
        return None

    def step() -> None:
        if not state["ready"]:
            if page.active and page.model.rowCount() > 0 and not window.worker.busy:
                state["ready"] = True
                say("ready")
            return
        task = state["task"]
        if task is None:
            try:
                line = lines.get_nowait()
            except queue.Empty:
                return
            words = line.split(" ", 2)
            if words[0] == "quit":
                say("bye")
                window.close()
                app.quit()
                return
            state["task"] = task = {
                "kind": words[0],
                "no": words[1],
                "value": words[2],
                "start": time.monotonic(),
                "card": None,
            }
        row = row_of(task["no"])
        if task["kind"] == "edit":
            card = task["card"]
            if card is None and row is not None:
                task["card"] = page.open_card(page.model.id_at(row))
            elif card is not None and card.card is not None and not task.get("sent"):
                card.editors["region"].line.setText(task["value"])
                card.save()
                task["sent"] = True
            elif task.get("sent") and not card._busy and not card.is_dirty():
                card.force_close()
                state["task"] = None
                say("saved")
        elif task["kind"] == "wait":
            model = page.model
            if row is not None and model.data(model.index(row, COL_REGION)) == task["value"]:
                state["task"] = None
                say(f"seen {time.monotonic() - task['start']:.3f}")

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(10)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
