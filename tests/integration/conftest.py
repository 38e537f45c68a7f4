"""A real Secret Service for the test: a private D-Bus session bus and gnome-keyring-daemon.

Each test that asks for ``secret_service`` gets its own bus and its own keyring daemon (with
its own HOME and data folder, separate from the test's user folders), unlocked with a
throw-away password. ``DBUS_SESSION_BUS_ADDRESS`` points at that bus and the root conftest's
"no keyring" override is lifted, so both in-process code and CLI subprocesses use it.
Teardown stops both daemons. Skips with a reason where the programs are not installed.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

KEYRING_PASSWORD = "keyring-login-password-for-tests"


@dataclass
class SecretService:
    address: str
    keyring_home: Path  # the daemon's own HOME/XDG_DATA_HOME (its keyring files)
    processes: list = field(default_factory=list)

    def backend(self):
        """keyring's Secret Service backend, talking to this private daemon."""
        import keyring.backends.SecretService

        return keyring.backends.SecretService.Keyring()

    def _collection(self):
        import secretstorage

        return secretstorage.get_default_collection(secretstorage.dbus_init())

    def lock(self) -> None:
        collection = self._collection()
        collection.lock()
        assert collection.is_locked()

    def items(self) -> list[dict]:
        """The attributes of every stored item (readable while locked; no secrets)."""
        import secretstorage

        bus = secretstorage.dbus_init()
        return [
            dict(item.get_attributes())
            for collection in secretstorage.get_all_collections(bus)
            for item in collection.get_all_items()
        ]

    def collections(self) -> list[str]:
        import secretstorage

        return sorted(
            c.collection_path for c in secretstorage.get_all_collections(secretstorage.dbus_init())
        )

    def keyring_files(self) -> list[Path]:
        return sorted(p for p in self.keyring_home.rglob("*") if p.is_file())


def _read_line(proc: subprocess.Popen, timeout: float) -> str:
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        raise TimeoutError("dbus-daemon printed no address")
    return proc.stdout.readline().decode().strip()


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


# A session bus with no activatable services: the only Secret Service on it is the daemon
# started below. (With the system's session.conf, the first call to org.freedesktop.secrets
# can race our daemon and D-Bus-activate a second, locked gnome-keyring.)
BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@pytest.fixture
def secret_service(tmp_path_factory, monkeypatch) -> SecretService:
    missing = [p for p in ("dbus-daemon", "gnome-keyring-daemon") if shutil.which(p) is None]
    if missing:
        pytest.skip(f"needs {' and '.join(missing)} (Debian: apt-get install dbus gnome-keyring)")
    pytest.importorskip("secretstorage", reason="needs SecretStorage (pip install SecretStorage)")

    base = tmp_path_factory.mktemp("secret-service")
    home, runtime = base / "home", base / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)
    config = base / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket=base / "bus"))
    bus = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    service = SecretService(address="", keyring_home=home, processes=[bus])
    try:
        service.address = _read_line(bus, 10)
        env = dict(
            os.environ,
            DBUS_SESSION_BUS_ADDRESS=service.address,
            HOME=str(home),
            XDG_DATA_HOME=str(home / ".local/share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_RUNTIME_DIR=str(runtime),
        )
        daemon = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
            stdin=subprocess.PIPE,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        service.processes.append(daemon)
        daemon.stdin.write(KEYRING_PASSWORD.encode())
        daemon.stdin.close()

        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", service.address)
        monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)  # use the real one
        _wait_for_default_collection(daemon)
        yield service
    finally:
        for proc in reversed(service.processes):
            _stop(proc)


def _wait_for_default_collection(daemon: subprocess.Popen, timeout: float = 10) -> None:
    import secretstorage
    from jeepney.bus_messages import message_bus
    from jeepney.io.blocking import Proxy

    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if daemon.poll() is not None:
            pytest.fail(f"gnome-keyring-daemon exited with status {daemon.returncode}")
        try:
            bus = secretstorage.dbus_init()
            owned = Proxy(message_bus, bus).NameHasOwner("org.freedesktop.secrets")[0] == 1
            if owned:
                # By alias only: get_default_collection() would ask the daemon to make one
                # (an unlock prompt nobody can answer) if asked before the login keyring is up.
                collection = secretstorage.get_collection_by_alias(bus, "default")
                if not collection.is_locked():
                    return
        except Exception as exc:  # noqa: BLE001 - not up yet
            last = exc
        time.sleep(0.05)
    pytest.fail(f"the private keyring did not come up unlocked: {last!r}")


@pytest.fixture
def no_bus_env(tmp_path) -> dict:
    """The environment of a machine without any keyring: the session bus address leads nowhere."""
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=f"unix:path={tmp_path / 'no-such-bus'}")
    env.pop("PYTHON_KEYRING_BACKEND", None)
    return env
