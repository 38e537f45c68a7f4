#!/usr/bin/env python3
"""The two commands of the README, with all their set-up.

    python3 packaging/dev.py run  [ARGS…]   start Customer Archive (makes the default archive)
    python3 packaging/dev.py test [PYTEST ARGS…]   run the test suite
    python3 packaging/dev.py build [--reuse-bundle]   the Linux bundle and .deb (packaging/deb.py)

Both make ``.venv`` beside the sources when it is missing, install the program with its
test dependencies into it (again only when pyproject.toml changed), build the generated
forms and translations, and then run. On Debian, missing system packages
(packaging/debian-packages.txt) are installed with apt-get when running as root;
otherwise the command to install them is printed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
PY = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def say(text: str) -> None:
    print(f"[dev] {text}", file=sys.stderr, flush=True)


def system_packages() -> None:
    if not shutil.which("dpkg-query"):
        return
    wanted = [
        line.strip() for line in (ROOT / "packaging/debian-packages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    missing = []
    for name in wanted:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                             capture_output=True, text=True)
        if "install ok installed" not in out.stdout:
            missing.append(name)
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing system packages: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
                       check=True, env=env, stdout=subprocess.DEVNULL)
    else:
        say("missing system packages; install them with:\n  sudo apt-get install " + " ".join(missing))


def venv() -> None:
    if not PY.exists():
        say("creating .venv")
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    stamp = VENV / ".customer-archive-installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say("installing Customer Archive and its dependencies into .venv")
    pip = [str(PY), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip", "setuptools", "wheel"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test]"], check=True)
    stamp.write_text(digest)


def build() -> None:
    subprocess.run([str(PY), str(ROOT / "packaging/build_resources.py")], check=True)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "setup", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    system_packages()
    venv()
    build()
    if argv[0] == "setup":
        return 0
    if argv[0] == "build":  # PyInstaller comes with the "package" extra
        if subprocess.run([str(PY), "-c", "import PyInstaller"], capture_output=True).returncode:
            subprocess.run([str(PY), "-m", "pip", "-q", "install", "-e", f"{ROOT}[package]"], check=True)
        return subprocess.run([str(PY), str(ROOT / "packaging/deb.py"), *argv[1:]]).returncode
    if argv[0] == "run":
        return subprocess.run([str(PY), "-m", "desktop.cli.main", *argv[1:]], cwd=ROOT).returncode
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    code = subprocess.run([str(PY), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env).returncode
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
