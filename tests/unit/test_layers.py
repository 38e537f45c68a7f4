"""docs/architecture.md, Layers (issue 12): arrows point down, SQL lives in desktop/storage.

The layers contract, read from the imports (ast): the window (desktop/gui) on top, then
desktop/services, then domain, storage, secrets and reports. import-linter would say the same
in its configuration; it is not a dependency, and the lock (``packaging/dev.py lock``) cannot be
refreshed without the package index, so the contract is written here. Also checked: the window
runs no SQL of its own, and neither the window nor the command line uses another module's
private (``_x``) names.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "desktop"

# Top to bottom: a layer may import the layers below it, never one above.
LAYERS = ("gui", "services", ("domain", "storage", "secrets", "reports"))
DRIVERS = ("sqlcipher3", "sqlite3")
# Below the window only storage talks to the database driver, except these (each until
# issue 12 moves the driver's errors into storage):
DRIVER_EXCEPTIONS = {
    "desktop/about.py": "shows SQLCipher's version in the About dialog",
}
SQL_CALLS = ("execute", "executemany", "executescript", "query", "query_one")
PRIVATE_CHECKED = ("gui", "cli")
# SQL as this code base writes it (keywords in capitals), not a sentence starting "Select".
SQL_TEXT = re.compile(
    r"\s*(SELECT\b.*\bFROM\b|INSERT (OR \w+ )?INTO\b|UPDATE \w+ SET\b|DELETE FROM\b|PRAGMA \w+)",
    re.S,
)


def modules(*top: str) -> list[Path]:
    found = sorted(
        p
        for p in PACKAGE.rglob("*.py")
        if "forms" not in p.relative_to(PACKAGE).parts  # uic's output
        and (not top or p.relative_to(PACKAGE).parts[0] in top)
    )
    assert found, top
    return found


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported(tree: ast.AST, module: str, is_package: bool) -> list[tuple[int, str, list[str]]]:
    """(line, module, names) of every import, relative ones made absolute."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name, []) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:
                base = module.split(".")
                if not is_package:
                    base = base[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
            out.append((node.lineno, target, [a.name for a in node.names]))
    return out


def layer_of(name: str) -> int | None:
    parts = name.split(".")
    if parts[0] != "desktop" or len(parts) < 2:
        return None
    for i, layer in enumerate(LAYERS):
        if parts[1] in (layer if isinstance(layer, tuple) else (layer,)):
            return i
    return None


def layer_problems(source: str, path: str) -> list[str]:
    """Imports that point up, the window's imports of storage, and the driver outside storage."""
    module = module_name(REPO / path)
    is_package = path.endswith("__init__.py")
    own = layer_of(module)
    found = []
    for line, target, names in imported(ast.parse(source), module, is_package):
        targets = [target] + [f"{target}.{n}" for n in names]
        for t in targets:
            other = layer_of(t)
            if own is not None and other is not None and other < own:
                found.append(f"{path}:{line}: {module} imports {t}, a layer above it")
            if module.startswith("desktop.gui") and t.startswith("desktop.storage"):
                found.append(f"{path}:{line}: the window imports {t}")
        if target.split(".")[0] in DRIVERS:
            if not module.startswith("desktop.storage") and path not in DRIVER_EXCEPTIONS:
                found.append(f"{path}:{line}: imports the database driver {target}")
    return sorted(set(found))


def sql_problems(source: str, path: str) -> list[str]:
    """SQL run by the window: a call of execute…, the archive's query/query_one, a reach for
    the connection, or SQL text."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name, receiver = node.func.attr, ast.unparse(node.func.value)
            if name in SQL_CALLS and (
                name.startswith("execute") or receiver.split(".")[-1] == "archive"
            ):
                found.append(f"{path}:{node.lineno}: {ast.unparse(node.func)}(…)")
        if isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"{path}:{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_TEXT.match(node.value):
                found.append(f"{path}:{node.lineno}: SQL text {node.value[:40]!r}")
    return sorted(set(found))


def private_problems(source: str, path: str) -> list[str]:
    """``from .x import _y`` and ``x._y`` where ``x`` is an imported module of the project."""
    module = module_name(REPO / path)
    tree = ast.parse(source)
    found = []
    imported_modules: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            for a in node.names:
                if a.name.startswith("_") and not a.name.startswith("__"):
                    dots = "." * node.level
                    found.append(
                        f"{path}:{node.lineno}: from {dots}{node.module or ''} import {a.name}"
                    )
                # ``from . import archive_jobs``: a module of the project under a local name
                if node.level or (node.module or "").startswith("desktop"):
                    imported_modules.add(a.asname or a.name)
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] == "desktop":
                    imported_modules.add(a.asname or a.name.split(".")[0])
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and node.attr.startswith("_")
            and not node.attr.startswith("__")
            and isinstance(node.value, ast.Name)
            and node.value.id in imported_modules
        ):
            found.append(f"{path}:{node.lineno}: {node.value.id}.{node.attr} in {module}")
    return sorted(set(found))


def _scan(check, paths: list[Path]) -> dict[str, list[str]]:
    problems = {}
    for p in paths:
        rel = p.relative_to(REPO).as_posix()
        found = check(p.read_text("utf-8"), rel)
        if found:
            problems[rel] = found
    return problems


def test_imports_point_down_and_the_window_never_imports_storage():
    assert _scan(layer_problems, modules()) == {}


def test_the_window_runs_no_sql_of_its_own():
    assert _scan(sql_problems, modules("gui")) == {}


def test_the_window_and_the_command_line_use_no_private_names_of_other_modules():
    assert _scan(private_problems, modules(*PRIVATE_CHECKED)) == {}


def _cycles(package: str) -> list[str]:
    """Import cycles between the modules of ``desktop.<package>`` (lazy imports inside
    functions included; the package's own ``__init__`` is the one place that may import its
    modules, and is left out)."""
    base = f"desktop.{package}"
    graph: dict[str, set[str]] = {}
    for p in modules(package):
        name = module_name(p)
        if name == base:
            continue
        graph[name] = {
            t
            for _line, t, names in imported(ast.parse(p.read_text("utf-8")), name, False)
            for t in [t, *(f"{t}.{n}" for n in names)]
            if t.startswith(base + ".") and t != name
        }
    found: set[str] = set()

    def walk(node: str, path: list[str]) -> None:
        for nxt in sorted(graph.get(node, ())):
            if nxt in path:
                cycle = path[path.index(nxt) :]
                start = cycle.index(min(cycle))
                found.add(" -> ".join(cycle[start:] + cycle[:start] + [min(cycle)]))
            elif nxt in graph and len(path) < 12:
                walk(nxt, [*path, nxt])

    for node in sorted(graph):
        walk(node, [node])
    return sorted(found)


def test_the_command_line_has_no_import_cycle_between_its_commands():
    """commands_customers registers commands_print's subcommands; the filters both use are
    cli/filters.py's, so commands_print needs nothing of commands_customers."""
    assert _cycles("cli") == []


def test_the_services_have_no_import_cycle():
    """The approvals import none of the services that own request kinds: those supply their
    hooks and ``services/__init__.py`` installs them (approvals.KindHooks)."""
    assert _cycles("services") == []


#: The services that still run SQL of their own (issue 12 moves it into storage/, one
#: service at a time): every other service must run none, and a service that no longer does
#: must leave this list (so it cannot start again).
SQL_STILL_IN_SERVICES = {
    "desktop/services/customers.py",
    "desktop/services/demo.py",
    "desktop/services/exporting.py",
    "desktop/services/loans.py",
}


def service_sql(source: str, path: str) -> list[str]:
    """SQL a service runs itself: execute… calls, the archive's query/query_one, SQL text.
    (Handing its connection to a storage function is how a service should use storage.)"""
    return [p for p in sql_problems(source, path) if not p.endswith((".conn", "conn"))]


def test_sql_stays_out_of_the_services_that_are_free_of_it():
    found = _scan(service_sql, modules("services"))
    assert sorted(set(found) - SQL_STILL_IN_SERVICES) == []
    assert sorted(SQL_STILL_IN_SERVICES - set(found)) == []  # free now: take it off the list


def test_the_checks_catch_what_they_should():
    gui = "desktop/gui/some_view.py"
    assert layer_problems("from ..storage.customers import Filter\n", gui)
    assert layer_problems("from ..storage import audit\n", gui)
    assert layer_problems("from .. import storage\n", gui)
    assert layer_problems("import sqlcipher3\n", gui)
    assert layer_problems(
        "from ..services.customers import CustomerService\n", "desktop/storage/x.py"
    )
    assert layer_problems("from ..gui import worker\n", "desktop/services/x.py")
    assert layer_problems("import sqlcipher3\n", "desktop/services/x.py")
    assert not layer_problems("import sqlcipher3\n", "desktop/storage/x.py")
    assert not layer_problems("from ..services.customers import Filter\n", gui)
    assert not layer_problems("from ..domain import customer\nfrom .. import errors\n", gui)

    assert sql_problems("def job(svc):\n    svc.archive.query_one('SELECT 1')\n", gui)
    assert sql_problems("def job(svc):\n    return user_count(svc.archive.conn)\n", gui)
    assert sql_problems("def f(c):\n    c.execute(x)\n", gui)
    assert sql_problems("Q = 'SELECT id FROM customers WHERE archive_no = ?'\n", gui)
    assert not sql_problems("text = 'Select the customers to print'\n", gui)
    assert not sql_problems('"""Delete and merge customers from the list"""\n', gui)
    assert sql_problems("q = f'DELETE FROM sessions WHERE id = {i}'\n", gui)
    assert not sql_problems("def job(svc):\n    return CustomerService(svc.archive).get(1)\n", gui)
    assert not sql_problems("def job(svc):\n    return AuditService(svc.archive).query(1)\n", gui)

    assert private_problems("from .archive_jobs import _adopt\n", gui)
    assert private_problems("from . import archive_jobs\narchive_jobs._adopt(1)\n", gui)
    assert private_problems("from ..services import backups\nbackups._pattern('x')\n", gui)
    assert private_problems("from .commands_customers import _filter\n", "desktop/cli/x.py")
    assert not private_problems("from . import archive_jobs\narchive_jobs.adopt(1)\n", gui)
    assert not private_problems("class A:\n    def f(self):\n        self._x = 1\n", gui)
