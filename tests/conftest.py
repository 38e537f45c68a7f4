"""Fixtures for every test (unit, gui, integration): nothing touches the real user.

Every test gets its own HOME and XDG data/config/state/cache folders under pytest's tmp
folder, and the ``keyring`` library is pointed at its "fail" backend, so a test run on a
developer's desktop never reads or writes the real keyring. Tests that want a real keyring
(tests/integration) start a private one and lift that override themselves.

Archives made by tests use a cheap SQLCipher KDF (one PBKDF2 iteration instead of 256 000):
the variable below is set for the whole run, and desktop.storage.archive honours it only
under pytest. Tests of the KDF itself, the keyring, wrong passphrases and backups where the
KDF matters are marked ``real_kdf`` and get SQLCipher's default. CLI processes a test starts
inherit whichever the test has, so every create and open of one file agree.

Nothing here imports Qt; GUI fixtures live in tests/gui/conftest.py.
"""

from __future__ import annotations

import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.storage.archive import TEST_KDF_ITER_ENV

PASSPHRASE = "correct horse battery staple 电池"

TEST_KDF_ITER = "1"


def pytest_configure(config: pytest.Config) -> None:
    # For the whole run, so module-scoped fixtures' archives get it too.
    os.environ[TEST_KDF_ITER_ENV] = TEST_KDF_ITER


@pytest.fixture(autouse=True)
def _kdf_setting(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cheap test KDF, or SQLCipher's real one for a test marked ``real_kdf``."""
    if request.node.get_closest_marker("real_kdf") is not None:
        monkeypatch.delenv(TEST_KDF_ITER_ENV, raising=False)
    else:
        monkeypatch.setenv(TEST_KDF_ITER_ENV, TEST_KDF_ITER)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Leave the ``package`` tests (they build and run the .deb, minutes) out unless ``-m`` asks
    for them: ``dev.py test -m package tests/integration/test_package.py``."""
    if config.getoption("markexpr"):
        return
    chosen = [item for item in items if item.get_closest_marker("package") is None]
    if len(chosen) != len(items):
        config.hook.pytest_deselected(items=[i for i in items if i not in chosen])
        items[:] = chosen


@dataclass(frozen=True)
class UserDirs:
    """The per-test stand-ins for the user's folders."""

    home: Path
    data: Path  # XDG_DATA_HOME
    config: Path  # XDG_CONFIG_HOME
    state: Path  # XDG_STATE_HOME (the log lives under it on Linux)
    cache: Path  # XDG_CACHE_HOME

    def all(self) -> list[Path]:
        return [self.home, self.data, self.config, self.state, self.cache]


@pytest.fixture(autouse=True)
def user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> UserDirs:
    root = tmp_path_factory.mktemp("user")
    dirs = UserDirs(
        home=root / "home",
        data=root / "data",
        config=root / "config",
        state=root / "state",
        cache=root / "cache",
    )
    for folder in dirs.all():
        folder.mkdir()
    monkeypatch.setenv("HOME", str(dirs.home))
    monkeypatch.setenv("XDG_DATA_HOME", str(dirs.data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(dirs.config))
    monkeypatch.setenv("XDG_STATE_HOME", str(dirs.state))
    monkeypatch.setenv("XDG_CACHE_HOME", str(dirs.cache))
    # Never the developer's real keyring: "no keyring on this system" unless a test says otherwise.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")
    return dirs


@pytest.fixture(autouse=True)
def _fresh_process_state():
    """Undo what an in-process ``main()`` leaves behind: cached stdin lines, the log handler."""
    root = logging.getLogger()
    level = root.level
    _reset_cli_stdin()
    yield
    _reset_cli_stdin()
    for handler in list(root.handlers):
        if getattr(handler, "_customer_archive", False):  # added by desktop.logsetup.setup()
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _reset_cli_stdin() -> None:
    module = sys.modules.get("desktop.cli.passphrase")
    if module is not None:
        module.reset_stdin()


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def archive_path(tmp_path: Path) -> Path:
    """Where a test's archive goes (not created). The folder name has a space and Chinese
    characters, as office shares often do."""
    folder = tmp_path / "共享 drive"
    folder.mkdir()
    return folder / "office.carc"
