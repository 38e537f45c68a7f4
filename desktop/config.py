"""Per-user program settings (not archive data): language, auto-lock, recent archives.

Kept as a small JSON file in the user config folder, written atomically. No secret is
ever stored here: keys live in the OS keyring or nowhere.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import paths
from .atomic import write_atomic

log = logging.getLogger(__name__)

MAX_RECENT = 8


@dataclass
class Config:
    language: str = ""  # "" follows the system locale; else "zh_CN" or "en"
    auto_lock_minutes: int = 10  # 0 turns auto-lock off
    recent_archives: list[str] = field(default_factory=list)
    remember_key: bool = True  # the unlock dialog's "remember" box, as the user last left it

    @property
    def last_archive(self) -> str | None:
        return self.recent_archives[0] if self.recent_archives else None

    def remember_archive(self, path: str | os.PathLike) -> None:
        path = str(Path(path).absolute())
        self.recent_archives = [path] + [p for p in self.recent_archives if p != path]
        del self.recent_archives[MAX_RECENT:]

    def forget_archive(self, path: str | os.PathLike) -> None:
        path = str(Path(path).absolute())
        self.recent_archives = [p for p in self.recent_archives if p != path]


def config_file() -> Path:
    return paths.config_dir() / "settings.json"


def load() -> Config:
    try:
        raw = json.loads(config_file().read_text("utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, ValueError) as exc:
        log.warning("settings unreadable, using defaults: %s", exc)
        return Config()
    known = {k: v for k, v in raw.items() if k in Config.__dataclass_fields__}
    try:
        return Config(**known)
    except TypeError:
        return Config()


def save(config: Config) -> None:
    write_atomic(config_file(), json.dumps(asdict(config), ensure_ascii=False, indent=2).encode())
