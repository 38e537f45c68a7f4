"""docs/architecture.md, Layers: nothing below desktop/gui imports Qt. Checked by reading the
imports (ast), and by
importing every such module in a fresh interpreter and looking at what got loaded."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "desktop"
QT = ("PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt5", "PyQt6", "PyQt4", "sip", "qtpy")
# The CLI is also the GUI's launcher: it may start the GUI, but only from inside a function,
# so that importing the CLI never loads Qt.
MAY_LAUNCH_GUI = ("desktop/cli/",)


def non_gui_modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if not p.relative_to(PACKAGE).parts[0] == "gui")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def violations(
    source: str, module: str, *, is_package: bool = False, may_launch_gui: bool = False
) -> list[str]:
    """The Qt (or desktop.gui) imports in ``source``, as ``line: what``."""
    tree = ast.parse(source)
    found = []
    # Imports at module level (not inside a def) run when the module is imported.
    top_level = {id(n) for n in ast.walk(tree)} - {
        id(inner)
        for fn in ast.walk(tree)
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
        for inner in ast.walk(fn)
    }
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = _resolve(node, module, is_package)
            names = [target] + [f"{target}.{a.name}" for a in node.names]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and getattr(node.func, "attr", getattr(node.func, "id", ""))
            in ("import_module", "__import__")
        ):
            names = [node.args[0].value]
        for name in names:
            if name.split(".")[0] in QT:
                found.append(f"{node.lineno}: {name}")
            elif name == "desktop.gui" or name.startswith("desktop.gui."):
                if not (may_launch_gui and id(node) not in top_level):
                    found.append(f"{node.lineno}: {name}")
    return sorted(set(found))


def test_no_qt_below_the_gui_by_reading_imports():
    modules = non_gui_modules()
    assert len(modules) >= 15, [str(m) for m in modules]  # the walk did find the package
    problems = {}
    for path in modules:
        rel = path.relative_to(REPO).as_posix()
        found = violations(
            path.read_text("utf-8"),
            _module_name(path),
            is_package=path.name == "__init__.py",
            may_launch_gui=rel.startswith(MAY_LAUNCH_GUI),
        )
        if found:
            problems[rel] = found
    assert problems == {}, f"Qt imported outside desktop/gui: {problems}"


def test_the_checker_catches_what_it_should():
    m = "desktop.storage.repo"
    assert violations("import PySide6.QtCore", m)
    assert violations("from PySide6 import QtWidgets", m)
    assert violations("import shiboken6", m)
    assert violations("from PyQt6.QtCore import QObject", m)
    assert violations("def f():\n    from PySide6.QtCore import Signal\n", m)
    assert violations("import importlib\nimportlib.import_module('PySide6.QtGui')", m)
    assert violations("from ..gui import app", m)
    assert violations("from desktop.gui.worker import Worker", m)
    assert violations("from .. import gui", m)
    assert violations("from ..gui.app import main", "desktop.cli.main", may_launch_gui=True)
    assert not violations(
        "def f():\n    from ..gui.app import main\n", "desktop.cli.main", may_launch_gui=True
    )
    assert not violations("import sqlite3\nfrom ..domain import passphrase\n", m)
    assert not violations("import pyside_helpers_unrelated", m)


def test_importing_every_non_gui_module_loads_no_qt():
    names = [_module_name(p) for p in non_gui_modules()]
    script = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {QT!r} "
        "or m.startswith('desktop.gui'))))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
