#!/usr/bin/env python3
"""The Linux bundle and the .deb made from it (``python3 packaging/dev.py build``).

    python packaging/deb.py [--reuse-bundle]      (from the venv; dev.py build runs this)

1. PyInstaller makes the one-folder bundle from packaging/customer-archive.spec into
   build/dist/customer-archive (``--reuse-bundle`` keeps one already there).
2. The .deb, built with ``dpkg-deb --build --root-owner-group`` (no debhelper), installs:

     /opt/customer-archive/                 the bundle
     /usr/bin/customer-archive              a two-line script that starts it
     /usr/share/applications/customer-archive.desktop
     /usr/share/metainfo/org.customerarchive.CustomerArchive.metainfo.xml   (AppStream)
     /usr/share/icons/hicolor/<n>x<n>/apps/customer-archive.png, and scalable/ the SVG

   and nothing else: no maintainer scripts, so removing the package removes exactly the
   files ``dpkg-deb -c`` lists (the icon and menu caches are refreshed by dpkg triggers of
   hicolor-icon-theme and desktop-file-utils, not by us).
   ``Depends:`` names the Debian packages that hold the shared libraries the bundle asks for
   and does not carry itself (found with objdump and ``dpkg -S``).

Writes dist/customer-archive_<version>_<arch>.deb and prints its path last.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "build" / "dist" / "customer-archive"
STAGE = ROOT / "build" / "deb"
OUT = ROOT / "dist"
APP_ID = "org.customerarchive.CustomerArchive"
PACKAGE = "customer-archive"
DESKTOP = ROOT / "packaging" / "customer-archive.desktop"
METAINFO = ROOT / "packaging" / "linux" / f"{APP_ID}.metainfo.xml"
LAUNCHER = """#!/bin/sh
exec /opt/customer-archive/customer-archive "$@"
"""

sys.path.insert(0, str(ROOT / "packaging"))
import icons  # noqa: E402 - after the sys.path line above


def say(text: str) -> None:
    print(f"[build] {text}", file=sys.stderr, flush=True)


def version() -> str:
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def build_bundle() -> Path:
    say("building the PyInstaller bundle (about two minutes)")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUNDLE.parent),
            "--workpath",
            str(ROOT / "build" / "work"),
            str(ROOT / "packaging" / "customer-archive.spec"),
        ],
        check=True,
        cwd=ROOT,
    )
    return BUNDLE


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as f:
                if f.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


def outside_sonames(bundle: Path) -> list[str]:
    """The sonames some file of the bundle needs that the bundle does not hold itself."""
    inside = {p.name for p in bundle.rglob("*")}
    return sorted({name for f in elf_files(bundle) for name in needed(f)} - inside)


def system_library(soname: str) -> str:
    """Where the dynamic loader finds ``soname`` on this machine (ldconfig's cache)."""
    out = subprocess.run(["/sbin/ldconfig", "-p"], capture_output=True, text=True).stdout
    paths = [
        line.split(" => ")[1].strip()
        for line in out.splitlines()
        if " => " in line and line.split()[0] == soname
    ]
    # This machine's own architecture first (x86_64-linux-gnu), not a 32-bit copy.
    triplet = getattr(sys.implementation, "_multiarch", "")
    paths.sort(key=lambda path: triplet not in path)
    if not paths:
        raise SystemExit(f"the bundle needs {soname}, which this machine does not have")
    return paths[0]


def owner(path: str) -> str:
    """The Debian package that installed ``path`` (trying the /lib and /usr/lib spellings)."""
    real = os.path.realpath(path)
    candidates = {path, real}
    for p in (path, real):
        if p.startswith("/usr/lib/"):
            candidates.add(p[len("/usr") :])
        elif p.startswith("/lib/"):
            candidates.add("/usr" + p)
    for candidate in sorted(candidates):
        out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if out.returncode == 0:
            return out.stdout.split(":")[0].split(",")[0].strip()
    raise SystemExit(f"no Debian package holds {path}")


def installed_version(package: str) -> str:
    return subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=True
    ).stdout


def depends(bundle: Path) -> tuple[list[str], dict[str, str]]:
    """``Depends:`` entries and the soname -> package table they come from."""
    table = {soname: owner(system_library(soname)) for soname in outside_sonames(bundle)}
    packages = sorted(set(table.values()))
    # The bundle was linked against this machine's C library: at least its upstream version.
    glibc = re.match(r"[\d.]+", installed_version("libc6")).group(0)
    return [f"libc6 (>= {glibc})" if p == "libc6" else p for p in packages], table


def stage(bundle: Path) -> Path:
    if STAGE.exists():
        shutil.rmtree(STAGE)
    root = STAGE / "root"
    shutil.copytree(bundle, root / "opt" / PACKAGE, symlinks=True)
    bin_dir = root / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / PACKAGE).write_text(LAUNCHER)
    (bin_dir / PACKAGE).chmod(0o755)
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(DESKTOP, share / "applications" / DESKTOP.name)
    (share / "metainfo").mkdir()
    shutil.copy2(METAINFO, share / "metainfo" / METAINFO.name)
    hicolor = share / "icons" / "hicolor"
    for size, png in icons.render(STAGE / "icons").items():
        target = hicolor / f"{size}x{size}" / "apps"
        target.mkdir(parents=True)
        shutil.copy2(png, target / f"{PACKAGE}.png")
    (hicolor / "scalable" / "apps").mkdir(parents=True)
    shutil.copy2(icons.SVG, hicolor / "scalable" / "apps" / f"{PACKAGE}.svg")
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        if path.is_dir():
            path.chmod(0o755)
        else:
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
    return root


def installed_size_kib(root: Path) -> int:
    return sum(-(-p.lstat().st_size // 1024) for p in root.rglob("*") if not p.is_dir())


def control(root: Path, deps: list[str]) -> str:
    arch = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()
    return (
        f"Package: {PACKAGE}\n"
        f"Version: {version()}\n"
        f"Architecture: {arch}\n"
        "Maintainer: The Customer Archive developers <customer-archive@localhost>\n"
        f"Installed-Size: {installed_size_kib(root)}\n"
        f"Depends: {', '.join(deps)}\n"
        # printed cards embed a CJK TrueType font only when one is installed (reports/pdf_layout.py)
        "Recommends: fonts-wqy-zenhei | fonts-wqy-microhei\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: encrypted customer files for small offices (客户档案)\n"
        " Customer Archive keeps an office's customer files in one encrypted archive:\n"
        " profile cards, tiers and status, instant search in Chinese (characters,\n"
        " pinyin, initials), printed cards, Excel export and import, backups.\n"
        " .\n"
        " This package holds the self-contained PyInstaller bundle in /opt/customer-archive.\n"
    ), arch


def build_deb(bundle: Path) -> Path:
    say("staging the .deb")
    root = stage(bundle)
    deps, table = depends(root / "opt" / PACKAGE)
    for soname, package in sorted(table.items()):
        say(f"  needs {soname} from {package}")
    text, arch = control(root, deps)
    (root / "DEBIAN").mkdir()
    (root / "DEBIAN" / "control").write_text(text, encoding="utf-8")
    OUT.mkdir(exist_ok=True)
    deb = OUT / f"{PACKAGE}_{version()}_{arch}.deb"
    say("packing with dpkg-deb")
    # zstd: Debian 12's dpkg reads it, and it packs the 250 MB bundle in seconds where xz took
    # minutes on a loaded 2-core machine (for a few MB more).
    subprocess.run(
        ["dpkg-deb", "--build", "--root-owner-group", "-Zzstd", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description="Build the Linux bundle and its .deb.")
    parser.add_argument(
        "--reuse-bundle", action="store_true", help="package build/dist/customer-archive as it is"
    )
    args = parser.parse_args(argv)
    for tool in ("dpkg-deb", "objdump"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: install the Debian packages dpkg-dev binutils")
    bundle = BUNDLE if args.reuse_bundle and (BUNDLE / PACKAGE).exists() else build_bundle()
    deb = build_deb(bundle)
    say(
        f"{deb.name}: {deb.stat().st_size / 2**20:.1f} MiB, "
        f"installed {installed_size_kib(STAGE / 'root') / 1024:.1f} MiB"
    )
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
