"""Every error a user can meet is raised with one literal English template filled from its
details, so the template can be extracted for translation and said in the user's language
(desktop/errors.py)."""

from __future__ import annotations

import ast
from pathlib import Path

from desktop import errors

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
ERROR_NAMES = {
    name
    for name, value in vars(errors).items()
    if isinstance(value, type) and issubclass(value, errors.ArchiveError)
}


def _raise_sites():
    """(file:line, first argument) of every ``errors.X(...)`` call in desktop/."""
    for path in sorted(DESKTOP.rglob("*.py")):
        if "resources" in path.parts or "forms" in path.parts:
            continue
        tree = ast.parse(path.read_text("utf-8"))
        imported = "errors" in {
            alias.asname or alias.name
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom)
            for alias in node.names
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Name)
                and func.value.id == "errors"
                and func.attr in ERROR_NAMES
                and imported
            ):
                yield f"{path.relative_to(DESKTOP.parent)}:{node.lineno}", node.args[0]


def _built(arg: ast.expr) -> bool:
    """Whether a message is built in code (f-string, +, %, .format) instead of a literal."""
    if isinstance(arg, ast.JoinedStr) and any(
        isinstance(v, ast.FormattedValue) for v in arg.values
    ):
        return True
    if isinstance(arg, ast.BinOp):
        return True
    if isinstance(arg, ast.IfExp):
        return _built(arg.body) or _built(arg.orelse)
    return (
        isinstance(arg, ast.Call)
        and isinstance(arg.func, ast.Attribute)
        and arg.func.attr == "format"
    )


def test_no_error_message_is_built_with_an_f_string_or_format():
    built = [where for where, arg in _raise_sites() if _built(arg)]
    assert built == [], f"{len(built)} raise sites build their message: {built[:10]}"


def test_the_scan_sees_a_built_message():
    tree = ast.parse('f"No customer {ref}."').body[0]
    assert isinstance(tree, ast.Expr) and _built(tree.value)
    assert not _built(ast.parse('"No customer {ref}."').body[0].value)  # type: ignore[attr-defined]


def test_an_error_says_its_template_filled_from_its_details():
    exc = errors.NotFound("No customer {ref}.", ref="KH-2026-0999")
    assert exc.message == "No customer KH-2026-0999." == str(exc)
    assert exc.template == "No customer {ref}."
    assert exc.details == {"ref": "KH-2026-0999"}


def test_braces_in_a_plain_message_do_not_break_it():
    exc = errors.ValidationError("A {weird} path.", path="/tmp/{x}")
    assert exc.message == "A {weird} path."


def _build_resources():
    import importlib.util

    path = DESKTOP.parent / "packaging" / "build_resources.py"
    spec = importlib.util.spec_from_file_location("build_resources_for_test", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def test_the_committed_template_list_is_what_the_build_would_write():
    # A new raise site needs `packaging/build_resources.py --lupdate` (and its translation).
    build = _build_resources()
    committed = (DESKTOP / "error_templates.py").read_text("utf-8")
    assert committed == build.error_templates_source(), (
        "desktop/error_templates.py is out of date: run packaging/build_resources.py --lupdate"
    )


def test_every_literal_raise_site_is_in_the_template_list():
    from desktop import error_templates

    listed = set(error_templates.TEMPLATES)
    literals = {arg.value for _, arg in _raise_sites() if isinstance(arg, ast.Constant)}
    assert literals and literals <= listed, sorted(literals - listed)[:5]
