"""Where the program keeps its files, per user and OS (platformdirs).

On Linux these follow XDG_DATA_HOME, XDG_CONFIG_HOME and XDG_STATE_HOME, which the tests
point at temporary folders.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

from . import APP_NAME


def data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def default_archive() -> Path:
    return data_dir() / "archive.carc"
