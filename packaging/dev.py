#!/usr/bin/env python3
"""The two commands of the README, with all their set-up, and the tools around them.

    python3 packaging/dev.py run  [ARGS…]          start Customer Archive (makes the default archive)
    python3 packaging/dev.py test [PYTEST ARGS…]   run the test suite
    python3 packaging/dev.py test --latest […]     the same in .venv-latest, on the newest releases
                                                   pyproject.toml allows (learns of breakage early)
    python3 packaging/dev.py check                 ruff check (and mypy once pyproject.toml has
                                                   [tool.mypy]), as .ci/run does before the tests
    python3 packaging/dev.py lock [UV ARGS…]       refresh packaging/requirements-lock.txt
    python3 packaging/dev.py setup                 only the set-up
    python3 packaging/dev.py build [--reuse-bundle]  the Linux bundle and .deb (packaging/deb.py)

All make ``.venv`` beside the sources when it is missing and install into it exactly the
versions of packaging/requirements-lock.txt, checked against the hashes there (again only when
the lock or pyproject.toml changed), then the program itself as an editable install, build the
generated forms and translations, and then run. Plain pip does the install: a fresh machine
needs nothing but python3 with venv. On Debian, missing system packages
(packaging/debian-packages.txt) are installed with apt-get when running as root; otherwise the
command to install them is printed.

``lock`` resolves pyproject.toml's ranges (every extra) and packaging/requirements-build.in
anew with uv (pinned below, pip-installed into .venv on first use) for every platform and
Python >= 3.11, moving every package to its newest allowed release; with arguments, these go to
``uv pip compile`` instead of ``--upgrade`` (``--upgrade-package reportlab`` moves one package).
Then it adds the hashes of what this machine's local (file://) indexes serve for the locked
versions, which uv does not see and pip would otherwise refuse.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
VENV_LATEST = ROOT / ".venv-latest"
LOCK = ROOT / "packaging/requirements-lock.txt"
BUILD_IN = ROOT / "packaging/requirements-build.in"
EXTRAS = "test,dev,package"  # every extra is in the lock; .venv gets them all
LATEST_EXTRAS = "test,dev"  # --latest tests the program, not the bundler
UV = "uv==0.13.9"  # the resolver behind `lock`; pinned so a refresh is repeatable
LOCK_COMMAND = "python3 packaging/dev.py lock"


def python_of(venv_dir: Path) -> Path:
    return venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


PY = python_of(VENV)


def say(text: str) -> None:
    print(f"[dev] {text}", file=sys.stderr, flush=True)


def system_packages() -> None:
    if not shutil.which("dpkg-query"):
        return
    wanted = [
        line.strip()
        for line in (ROOT / "packaging/debian-packages.txt").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    missing = []
    for name in wanted:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", name], capture_output=True, text=True
        )
        if "install ok installed" not in out.stdout:
            missing.append(name)
    if not missing:
        return
    if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get"):
        say("installing system packages: " + " ".join(missing))
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
            check=True,
            env=env,
            stdout=subprocess.DEVNULL,
        )
    else:
        say(
            "missing system packages; install them with:\n  sudo apt-get install "
            + " ".join(missing)
        )


def pip_command(py: Path) -> list[str]:
    return [str(py), "-m", "pip", "--disable-pip-version-check", "-q"]


def make_venv(venv_dir: Path) -> Path:
    py = python_of(venv_dir)
    if not py.exists():
        say(f"creating {venv_dir.name}")
        subprocess.run([sys.executable, "-m", "venv", str(venv_dir)], check=True)
    return py


def install_digest() -> str:
    """What the installed .venv was made from: a change to either file reinstalls."""
    digest = hashlib.sha256()
    for path in (ROOT / "pyproject.toml", LOCK):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def venv() -> None:
    make_venv(VENV)
    stamp = VENV / ".customer-archive-installed"
    if not LOCK.exists():
        raise SystemExit(f"[dev] {LOCK.relative_to(ROOT)} is missing; make it with: {LOCK_COMMAND}")
    digest = install_digest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    say(f"installing the locked dependencies ({LOCK.relative_to(ROOT)}) into .venv")
    pip = pip_command(PY)
    # Exactly the lock: every package pinned and checked against its hashes, nothing resolved
    # anew (--no-deps). pip, setuptools and wheel are in the lock too, so the editable install
    # of the program below builds with the locked setuptools and fetches nothing.
    subprocess.run([*pip, "install", "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    subprocess.run(
        [*pip, "install", "--no-deps", "--no-build-isolation", "-e", str(ROOT)], check=True
    )
    extra = not_in_lock(PY)
    if extra:  # dropped from the lock since .venv was made: exactly the lock
        say("removing what the lock no longer holds: " + " ".join(extra))
        subprocess.run([*pip, "uninstall", "-y", *extra], check=True)
    stale = lock_gaps(PY)
    if stale:
        raise SystemExit(
            "[dev] the lock does not hold what pyproject.toml asks for:\n  "
            + "\n  ".join(stale)
            + f"\nrefresh it with: {LOCK_COMMAND}"
        )
    stamp.write_text(digest)


def not_in_lock(py: Path) -> list[str]:
    """What .venv holds beside the lock, the program itself and uv (which `lock` installs)."""
    out = subprocess.run(
        [
            str(py),
            "-m",
            "pip",
            "--disable-pip-version-check",
            "list",
            "--format=freeze",
            "--exclude-editable",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    keep = set(locked_versions()) | {"customer-archive", canonical(UV.partition("==")[0])}
    names = [line.partition("==")[0] for line in out.splitlines() if "==" in line]
    return [name for name in names if canonical(name) not in keep]


def lock_gaps(py: Path) -> list[str]:
    """pip check's complaints about the program itself: a dependency added to pyproject.toml
    but not yet locked, or a range the locked version falls outside of."""
    out = subprocess.run(
        [str(py), "-m", "pip", "--disable-pip-version-check", "check"],
        capture_output=True,
        text=True,
    )
    return [
        line for line in out.stdout.splitlines() if line.lower().startswith("customer-archive ")
    ]


def latest_venv() -> Path:
    """.venv-latest with the newest releases pyproject.toml allows (no lock), upgraded each time."""
    py = make_venv(VENV_LATEST)
    say("installing the newest allowed releases into .venv-latest")
    pip = pip_command(py)
    subprocess.run([*pip, "install", "--upgrade", "pip", "setuptools", "wheel"], check=True)
    subprocess.run(
        [
            *pip,
            "install",
            "--upgrade",
            "--upgrade-strategy",
            "eager",
            "-e",
            f"{ROOT}[{LATEST_EXTRAS}]",
        ],
        check=True,
    )
    newer = newer_than_lock(py)
    say("newer than the lock: " + (", ".join(newer) if newer else "nothing"))
    return py


def locked_versions() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in LOCK.read_text().splitlines():
        if line and not line[0].isspace() and not line.startswith("#") and "==" in line:
            name, _, rest = line.partition("==")
            pins[canonical(name)] = rest.split()[0].rstrip(";\\").strip()
    return pins


def canonical(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(".", "-")


def newer_than_lock(py: Path) -> list[str]:
    out = subprocess.run(
        [str(py), "-m", "pip", "--disable-pip-version-check", "list", "--format=freeze"],
        capture_output=True,
        text=True,
        check=True,
    )
    pins = locked_versions()
    newer = []
    for line in out.stdout.splitlines():
        name, _, version = line.partition("==")
        locked = pins.get(canonical(name))
        if locked and version and version != locked:
            newer.append(f"{name} {version} (lock {locked})")
    return newer


def local_indexes(py: Path) -> list[Path]:
    """The folders of pip's file:// indexes and find-links (pip.conf, PIP_* variables)."""
    out = subprocess.run(
        [str(py), "-m", "pip", "--disable-pip-version-check", "config", "list"],
        capture_output=True,
        text=True,
    ).stdout
    found: list[Path] = []
    for line in out.splitlines():
        key, _, value = line.partition("=")
        if key.rpartition(".")[2] in ("index-url", "extra-index-url", "find-links"):
            for url in value.strip().strip("'\"").split():
                path = Path(url.removeprefix("file://"))
                if (url.startswith("file://") or url.startswith("/")) and path.is_dir():
                    found.append(path)
    return list(dict.fromkeys(found))


def file_name_version(file_name: str) -> tuple[str, str]:
    if file_name.endswith(".whl"):
        name, version = file_name.split("-")[:2]
    else:  # an sdist: NAME-VERSION.tar.gz / .zip
        stem = re.sub(r"\.(tar\.gz|tar\.bz2|zip)$", "", file_name)
        name, _, version = stem.rpartition("-")
    return canonical(name), version


def local_files(folder: Path, name: str) -> list[tuple[str, str]]:
    """(file name, sha256) of what a local simple index or find-links folder offers for NAME."""
    page = folder / name / "index.html"
    if page.is_file():
        return re.findall(r'href="[^"#]*?([^/"#]+)#sha256=([0-9a-f]{64})"', page.read_text())
    return [
        (file.name, hashlib.sha256(file.read_bytes()).hexdigest())
        for file in folder.glob("*")
        if file.is_file()
        and file.name.endswith((".whl", ".tar.gz", ".zip"))
        and file_name_version(file.name)[0] == name
    ]


def add_local_hashes(py: Path) -> list[str]:
    """uv reads neither pip.conf nor PIP_* and hashes what PyPI serves; this machine's pip also
    looks in local indexes, and a file there whose hash the lock lacks (a rebuilt wheel, say)
    would be refused. Adds those hashes to the lock; returns the files they are for."""
    text = LOCK.read_text()
    added: list[str] = []
    folders = local_indexes(py)
    for name, version in locked_versions().items():
        extra = [
            (file_name, sha)
            for folder in folders
            for file_name, sha in local_files(folder, name)
            if file_name_version(file_name) == (name, version) and sha not in text
        ]
        if not extra:
            continue
        pin = re.search(
            rf"^{re.escape(name)}=={re.escape(version)}(?: ;[^\\\n]*?)? \\\n", text, re.M | re.I
        )
        if pin is None:  # spelled otherwise in the lock: leave it, say so
            say(f"not in the lock as {name}=={version}: {', '.join(f for f, _ in extra)}")
            continue
        lines = "".join(f"    --hash=sha256:{sha} \\\n" for _, sha in dict.fromkeys(extra))
        text = text[: pin.end()] + lines + text[pin.end() :]
        added += [file_name for file_name, _ in extra]
    if added:
        LOCK.write_text(text)
    return added


def lock(args: list[str]) -> int:
    # Only a .venv to hold uv: installing the old lock first would refuse to go on exactly
    # when a refresh is needed (a dependency added to pyproject.toml but not yet locked).
    make_venv(VENV)
    uv = VENV / ("Scripts/uv.exe" if os.name == "nt" else "bin/uv")
    have = (
        subprocess.run([str(uv), "--version"], capture_output=True, text=True).stdout.split()[1:2]
        if uv.exists()
        else []
    )
    if have != [UV.partition("==")[2]]:
        say(f"installing {UV} into .venv")
        subprocess.run([*pip_command(PY), "install", UV], check=True)
    command = [
        str(uv),
        "pip",
        "compile",
        "pyproject.toml",
        str(BUILD_IN.relative_to(ROOT)),
        "--all-extras",
        "--universal",
        "--python-version",
        "3.11",
        "--generate-hashes",
        "--custom-compile-command",
        LOCK_COMMAND,
        "--quiet",
        "-o",
        str(LOCK.relative_to(ROOT)),
        *(args or ["--upgrade"]),
    ]
    code = subprocess.run(command, cwd=ROOT).returncode
    if code == 0:
        for file_name in add_local_hashes(PY):
            say(f"added the local index's hash of {file_name}")
        say(f"{LOCK.relative_to(ROOT)}: {len(locked_versions())} packages pinned")
        venv()
    return code


def build_resources(py: Path = PY) -> None:
    subprocess.run([str(py), str(ROOT / "packaging/build_resources.py")], check=True)


CHECKED = ("desktop", "tests", "packaging")


def check() -> int:
    """The checks .ci/run makes before the tests (settings in pyproject.toml); .pre-commit-config.yaml
    runs the same: ruff's lint, ruff's formatting (`ruff format` fixes it), and mypy on the files
    [tool.mypy] names."""
    say("ruff check " + " ".join(CHECKED))
    code = subprocess.run([str(PY), "-m", "ruff", "check", *CHECKED], cwd=ROOT).returncode
    say("ruff format --check " + " ".join(CHECKED))
    code = (
        subprocess.run([str(PY), "-m", "ruff", "format", "--check", *CHECKED], cwd=ROOT).returncode
        or code
    )
    say("mypy")
    return subprocess.run([str(PY), "-m", "mypy"], cwd=ROOT).returncode or code


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("run", "test", "setup", "check", "lock", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    system_packages()
    if argv[0] == "lock":
        return lock(argv[1:])
    py = PY
    if argv[0] == "test" and "--latest" in argv[1:]:
        argv = [arg for arg in argv if arg != "--latest"]
        py = latest_venv()
    else:
        venv()
    build_resources(py)
    if argv[0] == "setup":
        return 0
    if argv[0] == "build":  # PyInstaller is in the lock (the "package" extra)
        return subprocess.run([str(py), str(ROOT / "packaging/deb.py"), *argv[1:]]).returncode
    if argv[0] == "check":
        return check()
    if argv[0] == "run":
        return subprocess.run([str(py), "-m", "desktop.cli.main", *argv[1:]], cwd=ROOT).returncode
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    args = argv[1:]
    # Tests run in parallel (pytest-xdist), one worker per core, unless the caller chose how
    # (-n/--numprocesses, or -p no:xdist to run in one process, e.g. for a debugger).
    chose = any(
        a in ("-n", "--numprocesses", "--dist") or a.startswith(("-n", "--numprocesses="))
        for a in args
    ) or any(
        args[i] == "-p" and i + 1 < len(args) and "xdist" in args[i + 1] for i in range(len(args))
    )
    if not chose:
        args = ["-n", "auto", *args]
    return subprocess.run([str(py), "-m", "pytest", *args], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
