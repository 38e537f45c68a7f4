"""Logging to a rotating file in the user log folder.

Nothing secret is ever logged: passphrases are never passed to a logger, and errors are
logged by type and path. A filter also drops any record that carries a registered secret,
as a second line of defence.
"""

from __future__ import annotations

import logging
import logging.handlers
import threading

from . import paths

LOG_NAME = "customer-archive.log"
_secrets: set[str] = set()
_lock = threading.Lock()


def register_secret(secret: str) -> None:
    """Remember a secret so that no log record that contains it is ever written."""
    if secret:
        with _lock:
            _secrets.add(secret)


class _RedactSecrets(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if not _secrets:
            return True
        try:
            text = record.getMessage()
        except Exception:  # noqa: BLE001
            return True
        with _lock:
            for secret in _secrets:
                if secret in text:
                    record.msg, record.args = "[a record containing a secret was withheld]", ()
                    break
        return True


def setup(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(getattr(h, "_customer_archive", False) for h in root.handlers):
        return
    folder = paths.log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            folder / LOG_NAME, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
    except OSError:
        handler = logging.NullHandler()  # a read-only home must not stop the program
    handler._customer_archive = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_RedactSecrets())
    root.addHandler(handler)
    root.setLevel(level)
