"""The built .deb, unpacked as dpkg would install it, and the frozen program run as a user would.

Marked ``package``: not in the default run (it builds the bundle when there is none, which takes
minutes). Run it with ``python3 packaging/dev.py test -p no:xdist -m package tests/integration/test_package.py``;
it takes the newest dist/customer-archive_*.deb, or the one named by CUSTOMER_ARCHIVE_DEB, and
builds one with packaging/deb.py when there is none (in one process: ``-p no:xdist``, so that
two workers do not build into the same folder at once).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from integration_support import REPO
from system_tools import need

pytestmark = pytest.mark.package

PASSPHRASE = "frozen program passphrase 冻结的口令 for the package test"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def find_or_build_deb() -> Path:
    named = os.environ.get("CUSTOMER_ARCHIVE_DEB")
    if named:
        return Path(named)
    built = sorted((REPO / "dist").glob("customer-archive_*.deb"), key=lambda p: p.stat().st_mtime)
    if built:
        return built[-1]
    out = subprocess.run(
        [sys.executable, str(REPO / "packaging" / "deb.py")],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    return Path(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def deb() -> Path:
    path = find_or_build_deb()
    assert path.is_file(), f"no .deb at {path}"
    return path


@pytest.fixture(scope="module")
def installed(deb, tmp_path_factory) -> Path:
    """A scratch root with the package's files where dpkg would put them."""
    root = tmp_path_factory.mktemp("root")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def field(deb: Path, name: str) -> str:
    return subprocess.run(
        ["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True, check=True
    ).stdout.strip()


def frozen(installed: Path) -> Path:
    return installed / "opt" / "customer-archive" / "customer-archive"


def run(
    installed: Path, args: list, stdin: str = "", env: dict | None = None
) -> subprocess.CompletedProcess:
    """The frozen program with the test's (throw-away) HOME; never the checkout's sources."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONPATH", None)
    return subprocess.run(
        [str(frozen(installed)), *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=env.get("HOME"),
    )


def size_report(deb: Path) -> str:
    return (
        f"{deb.name}: {deb.stat().st_size / 2**20:.1f} MiB, "
        f"installed {int(field(deb, 'Installed-Size')) / 1024:.1f} MiB"
    )


def test_package_installs_program_menu_entry_metainfo_and_icons_only(deb, installed):
    listed = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    paths = {line.split(None, 5)[5].split(" -> ")[0].lstrip(".") for line in listed}
    files = {p for p in paths if not p.endswith("/")}
    assert "/usr/bin/customer-archive" in files
    assert "/opt/customer-archive/customer-archive" in files
    assert "/usr/share/applications/customer-archive.desktop" in files
    assert "/usr/share/metainfo/org.customerarchive.CustomerArchive.metainfo.xml" in files
    for size in HICOLOR_SIZES:
        assert f"/usr/share/icons/hicolor/{size}x{size}/apps/customer-archive.png" in files
    assert "/usr/share/icons/hicolor/scalable/apps/customer-archive.svg" in files
    strays = sorted(
        p for p in files if not p.startswith(("/opt/customer-archive/", "/usr/bin/", "/usr/share/"))
    )
    assert strays == []
    # What removing the package removes is exactly this list: no maintainer scripts that write
    # anything else (dpkg-deb -I lists the control members).
    info = subprocess.run(
        ["dpkg-deb", "-I", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    for script in ("preinst", "postinst", "prerm", "postrm"):
        assert f" {script}" not in info
    # Without a CJK TrueType font a printed card's Chinese is not embedded: apt brings one along.
    assert "fonts-wqy-zenhei" in field(deb, "Recommends").split(" | ")
    launcher = (installed / "usr/bin/customer-archive").read_text()
    assert "/opt/customer-archive/customer-archive" in launcher
    print(size_report(deb))


def test_depends_names_the_package_of_every_library_the_bundle_takes_from_the_system(
    deb, installed
):
    need("objdump")
    bundle = installed / "opt" / "customer-archive"
    inside = {p.name for p in bundle.rglob("*")}
    wanted = set()
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink() and path.read_bytes()[:4] == b"\x7fELF":
            out = subprocess.run(
                ["objdump", "-p", str(path)], capture_output=True, text=True
            ).stdout
            wanted |= {line.split()[1] for line in out.splitlines() if "NEEDED" in line}
    outside = sorted(wanted - inside)
    assert outside, "the bundle takes nothing from the system: the check would prove nothing"
    depends = {d.strip().split()[0] for d in field(deb, "Depends").split(",")}
    for soname in outside:
        # The loader on this machine finds it, and the package it comes from is a dependency.
        out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
        found = [
            line.split(" => ")[1]
            for line in out.splitlines()
            if " => " in line and line.split()[0] == soname
        ]
        assert found, f"{soname} is not on this machine"
        owners = set()
        for path in found:
            for candidate in {path, os.path.realpath(path)}:
                res = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
                if res.returncode == 0:
                    owners.add(res.stdout.split(":")[0])
        assert owners & depends, f"{soname} comes from {owners}, which Depends: does not name"
    print(f"{len(outside)} sonames from the system: {' '.join(outside)}")
    print(f"Depends: {field(deb, 'Depends')}")


def test_frozen_version(installed):
    import desktop

    out = run(installed, ["--version"])
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["customer-archive", desktop.__version__]


def test_frozen_program_keeps_searches_and_prints_an_archive(installed, secret_service, tmp_path):
    """init with the key in the (real) keyring, demo data, a Chinese search, a printed card."""
    need("pdffonts")
    archive = tmp_path / "office.carc"
    made = run(
        installed,
        ["init", "-a", archive, "--passphrase-stdin", "--json"],
        f"{PASSPHRASE}\n{PASSPHRASE}\n",
    )
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["keyring"] == "found"  # the Secret Service backend was found

    # From here on the key comes from the keyring: no passphrase on standard input.
    demo = run(installed, ["-a", archive, "demo", "--customers", "30", "--json"])
    assert demo.returncode == 0, demo.stderr
    listed = run(installed, ["-a", archive, "customers", "list", "--json"])
    assert listed.returncode == 0, listed.stderr
    customers = json.loads(listed.stdout)["customers"]
    assert len(customers) == 30

    someone = customers[len(customers) // 2]
    words = someone["name"][2:5]  # three characters from inside the name, past the city
    found = run(installed, ["-a", archive, "customers", "search", words, "--json"])
    assert found.returncode == 0, found.stderr
    hits = json.loads(found.stdout)
    assert someone["archive_no"] in [h["archive_no"] for h in hits]

    card = tmp_path / "card.pdf"
    printed = run(installed, ["-a", archive, "customers", "print", someone["archive_no"], card])
    assert printed.returncode == 0, printed.stderr
    fonts = subprocess.run(
        ["pdffonts", str(card)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    cjk = [line for line in fonts if "TrueType" in line or "CID" in line]
    assert cjk, "the card has no CJK font at all"
    # pdffonts' columns from the right: object ID (2), uni, sub, emb
    assert all(line.split()[-5] == "yes" for line in cjk), "\n".join(fonts)


def test_frozen_window_starts_offscreen_and_quits_on_sigterm(installed, secret_service, tmp_path):
    archive = tmp_path / "office.carc"
    made = run(
        installed,
        ["init", "-a", archive, "--passphrase-stdin", "--json"],
        f"{PASSPHRASE}\n{PASSPHRASE}\n",
    )
    assert made.returncode == 0 and json.loads(made.stdout)["keyring"] == "found", made.stderr

    def sessions(pid: int) -> list[dict]:
        out = run(installed, ["sessions", "-a", archive, "--json"])
        assert out.returncode == 0, out.stderr
        return [s for s in json.loads(out.stdout)["sessions"] if s["pid"] == pid]

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    window = subprocess.Popen(
        [str(frozen(installed)), "-a", str(archive)],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 90
        while not sessions(window.pid):
            assert window.poll() is None, window.communicate()[1][-2000:]
            assert time.monotonic() < deadline, "the window never opened the archive"
            time.sleep(0.5)
        window.send_signal(signal.SIGTERM)
        _, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
            window.wait()
    assert window.returncode == 0, err[-2000:]
    assert "Traceback" not in err
    assert sessions(window.pid) == []


def test_install_then_remove_leaves_nothing_behind(deb, tmp_path):
    """dpkg itself, on a scratch root with its own package database: what it installs is the
    list dpkg-deb -c shows, and removing the package takes all of it away again."""
    root = tmp_path / "root"
    admin = root / "var" / "lib" / "dpkg"
    (admin / "info").mkdir(parents=True)
    (admin / "updates").mkdir()
    (admin / "status").touch()
    dpkg = ["dpkg", f"--root={root}", "--log=/dev/null", "--force-not-root", "--force-depends"]

    def present() -> set[str]:
        return {
            "/" + str(p.relative_to(root))
            for p in root.rglob("*")
            if not p.is_dir() and not p.is_relative_to(root / "var")
        }

    out = subprocess.run([*dpkg, "-i", str(deb)], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    listed = subprocess.run(
        ["dpkg-deb", "-c", str(deb)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    files = {
        line.split(None, 5)[5].split(" -> ")[0].lstrip(".")
        for line in listed
        if not line.startswith("d")
    }
    assert present() == files

    out = subprocess.run([*dpkg, "-r", "customer-archive"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-2000:]
    assert present() == set()
    assert [p for p in root.iterdir() if p.name != "var"] == []  # not even an empty /opt or /usr
