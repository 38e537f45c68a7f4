"""GUI fixtures: an offscreen Qt, a fresh archive folder per test, an injected keystore."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desktop import config  # noqa: E402
from desktop.secrets.keystore import KeyLookup, KeyState, KeyStore  # noqa: E402
from desktop import errors  # noqa: E402
from desktop.services.accounts import AccountService  # noqa: E402
from desktop.services.customers import CustomerService  # noqa: E402
from desktop.storage.archive import Archive, archive_id  # noqa: E402
from gui_support import ASCII_PASS, PW, create_first_run  # noqa: E402

PASS = "correct horse battery staple 电池"


class MemoryKeyStore(KeyStore):
    """A keyring in memory: fast and deterministic for GUI tests (the real one is tested
    in tests/integration)."""

    def __init__(self, state: KeyState = KeyState.FOUND) -> None:
        super().__init__(backend=None)
        self.entries: dict[str, str] = {}
        self._state = state

    def state(self) -> KeyState:
        return KeyState.NO_BACKEND if self._state is KeyState.NO_BACKEND else KeyState.FOUND

    def backend_name(self) -> str:
        return "memory"

    def get(self, archive_id: str) -> KeyLookup:
        if self._state is not KeyState.FOUND:
            return KeyLookup(self._state)
        if archive_id in self.entries:
            return KeyLookup(KeyState.FOUND, secret=self.entries[archive_id])
        return KeyLookup(KeyState.MISSING)

    def set(self, archive_id: str, secret: str) -> KeyState:
        if self._state is not KeyState.FOUND:
            return self._state
        self.entries[archive_id] = secret
        return KeyState.FOUND

    def delete(self, archive_id: str) -> KeyState:
        return KeyState.FOUND if self.entries.pop(archive_id, None) else KeyState.MISSING


@pytest.fixture(autouse=True)
def _own_user_folders(tmp_path, monkeypatch):
    """Each GUI test gets empty data, config and log folders (a first run)."""
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / "home" / var.lower()))


@pytest.fixture
def keystore():
    return MemoryKeyStore()


@pytest.fixture
def window(qtbot, keystore):
    from desktop.gui.main_window import MainWindow

    w = MainWindow(config.load(), keystore=keystore)
    qtbot.addWidget(w)
    w.show()
    yield w
    if w.isVisible():
        w.close()


@pytest.fixture
def messages(monkeypatch):
    """Record message boxes instead of showing them (a modal box would block the test)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(
            QMessageBox,
            kind,
            staticmethod(lambda parent, title, text, *a, _k=kind, **kw: shown.append((_k, text))),
        )
    return shown


@pytest.fixture
def open_window(qtbot, window):
    """The main window with a new, empty archive open (made through the first-run dialog)."""
    create_first_run(qtbot, window)
    return window


class Questions(list):
    """The questions asked with QMessageBox.question: (title, text); ``answer`` is returned."""

    answer = None


@pytest.fixture(autouse=True)
def questions(monkeypatch):
    """A modal question would block the test run: record it and answer ``questions.answer``
    (default: Discard, so closing windows at the end of a test never waits)."""
    from PySide6.QtWidgets import QMessageBox

    asked = Questions()
    asked.answer = QMessageBox.Discard

    def question(parent, title, text, *args, **kwargs):
        asked.append((title, text))
        return asked.answer

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    return asked


@pytest.fixture
def office(tmp_path, keystore):
    """An archive of four people (administrator "boss", manager "zhao", regional manager
    "qian" and salesperson "sun" of 华东), three customers of sun's (one a private person),
    and one request of sun's already waiting (a tier change)."""
    path = tmp_path / "office.carc"
    archive = Archive.create(path, ASCII_PASS)
    accounts = AccountService(archive)
    admin = accounts.ensure_first_admin("boss")
    accounts.add_user(
        admin, "zhao", "赵经理", "manager", None, PW, admin_password=PW, must_change_password=False
    )
    accounts.add_user(admin, "sun", "孙业务", "salesperson", "华东", PW, must_change_password=False)
    accounts.add_user(
        admin, "qian", "钱区域", "regional_manager", "华东", PW, must_change_password=False
    )
    sun = CustomerService(archive, accounts.login("sun", PW))
    ids = {
        "dongfang": sun.add({"name": "上海东方贸易有限公司", "region": "华东"}),
        "ruifeng": sun.add({"name": "杭州瑞丰食品有限公司", "region": "华东"}),
        "wang": sun.add(
            {
                "name": "王小明",
                "region": "华东",
                "customer_type": "individual",
                "phone": "13812345678",
                "dm_birthday": "1980-05-04",
            }
        ),
    }
    with pytest.raises(errors.ApprovalRequested):
        sun.set_tier(ids["ruifeng"], "A", reason="年采购额超过两百万")
    archive.close()
    keystore.entries[archive_id(path)] = (
        ASCII_PASS  # opens from the "keyring": only the login is asked
    )
    return path, ids
