#!/usr/bin/env python3
"""The build step: Designer forms to Python, translations to .qm, resources into the package.

    python packaging/build_resources.py            build what is out of date
    python packaging/build_resources.py --lupdate  also refresh the .ts sources from the code

Generated files are not committed (see README): ``desktop/gui/forms/ui_*.py`` from
``forms/*.ui`` and ``desktop/resources/`` from ``resources/``. The package finds them with
importlib.resources, the same way from a checkout, a wheel or a PyInstaller bundle.
Run by ``packaging/dev.py`` (install, run and test) and by the PyInstaller spec.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
FORMS_OUT = ROOT / "desktop/gui/forms"
RES = ROOT / "resources"
RES_OUT = ROOT / "desktop/resources"
TS = RES / "translations"
LANGUAGES = ("zh_CN", "en")
ERROR_TEMPLATES = ROOT / "desktop/error_templates.py"
ERROR_TEMPLATES_HEAD = '''"""Every literal English template of the errors raised in desktop/ (``errors.X("...")``), for
lupdate to extract into the "ServiceErrors" context. Written by
``packaging/build_resources.py --lupdate`` (``error_templates_source``): do not edit by hand;
tests/unit/test_error_templates.py fails when this file is not what it would write now.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    return text


TEMPLATES = (
'''


def tool(name: str) -> str:
    here = Path(sys.executable).parent
    found = shutil.which(name, path=str(here)) or shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install PySide6-Essentials)")
    return found


def stale(src: Path, out: Path) -> bool:
    return not out.exists() or out.stat().st_mtime < src.stat().st_mtime


def build_forms() -> None:
    FORMS_OUT.mkdir(parents=True, exist_ok=True)
    init = FORMS_OUT / "__init__.py"
    if not init.exists():
        init.write_text(
            '"""Modules generated from forms/*.ui by packaging/build_resources.py."""\n'
        )
    for ui in sorted(FORMS.glob("*.ui")):
        out = FORMS_OUT / f"ui_{ui.stem}.py"
        if stale(ui, out):
            subprocess.run(
                [tool("pyside6-uic"), "--from-imports", str(ui), "-o", str(out)], check=True
            )
            print(f"uic  {ui.relative_to(ROOT)} -> {out.relative_to(ROOT)}")


def error_templates(root: Path = ROOT) -> list[str]:
    """The literal templates (first arguments) of every ``errors.X(...)`` call in desktop/,
    sorted and deduplicated; both literal branches of ``"a" if c else "b"`` count."""
    found: set[str] = set()
    for path in sorted((root / "desktop").rglob("*.py")):
        if "resources" in path.parts or "forms" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (
                isinstance(node, ast.Call)
                and node.args
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id == "errors"
                and node.func.attr[:1].isupper()
            ):
                continue
            arg = node.args[0]
            branches = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
            for branch in branches:
                if isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                    if branch.value:
                        found.add(branch.value)
    return sorted(found)


def _quoted(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def error_templates_source(root: Path = ROOT) -> str:
    """The text of desktop/error_templates.py, laid out as ``ruff format`` keeps it."""
    lines = [ERROR_TEMPLATES_HEAD]
    for template in error_templates(root):
        one_line = f'    QT_TRANSLATE_NOOP("ServiceErrors", {_quoted(template)}),'
        if len(one_line) <= 100:
            lines.append(one_line + "\n")
        else:
            lines.append(
                f'    QT_TRANSLATE_NOOP(\n        "ServiceErrors",\n        {_quoted(template)},\n    ),\n'
            )
    lines.append(")\n")
    return "".join(lines)


def write_error_templates() -> None:
    text = error_templates_source()
    if not ERROR_TEMPLATES.exists() or ERROR_TEMPLATES.read_text("utf-8") != text:
        ERROR_TEMPLATES.write_text(text, "utf-8")
        print(f"wrote {ERROR_TEMPLATES.relative_to(ROOT)}")


def lupdate() -> None:
    write_error_templates()
    sources = [
        str(p) for p in sorted((ROOT / "desktop/gui").rglob("*.py")) if "forms" not in p.parts
    ]
    # the errors' texts, shared with the CLI: the window's own and every raise site's template
    sources += [str(ROOT / "desktop/error_messages.py"), str(ERROR_TEMPLATES)]
    sources += [str(p) for p in sorted(FORMS.glob("*.ui"))]
    for lang in LANGUAGES:
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                "-no-obsolete",
                "-locations",
                "none",
                *sources,
                "-ts",
                str(TS / f"customer_archive_{lang}.ts"),
            ],
            check=True,
        )


def build_translations() -> None:
    out_dir = RES_OUT / "translations"
    out_dir.mkdir(parents=True, exist_ok=True)
    for ts in sorted(TS.glob("*.ts")):
        qm = out_dir / f"{ts.stem}.qm"
        if stale(ts, qm):
            subprocess.run(
                [tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True
            )
            print(f"lrelease {ts.relative_to(ROOT)} -> {qm.relative_to(ROOT)}")
        errors_json = out_dir / f"{ts.stem}.errors.json"
        if stale(ts, errors_json):
            write_error_texts(ts, errors_json)


def write_error_texts(ts: Path, out: Path) -> None:
    """The "Errors", "ServiceErrors" and "ErrorDetails" texts of a .ts as JSON (source →
    translation) for the command line, which says its errors with the window's texts without
    loading Qt (desktop/cli/error_output.py)."""
    import json
    import xml.etree.ElementTree as ET

    texts = {}
    for context in ET.parse(ts).getroot().iter("context"):
        if context.findtext("name") not in ("Errors", "ServiceErrors", "ErrorDetails"):
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "vanished",
                "obsolete",
            ):
                continue
            if translation.text:
                texts[message.findtext("source")] = translation.text
    out.write_text(json.dumps(texts, ensure_ascii=False, indent=0, sort_keys=True) + "\n", "utf-8")


def copy_resources() -> None:
    for src in RES.rglob("*"):
        if src.is_dir() or src.suffix == ".ts":
            continue
        dst = RES_OUT / src.relative_to(RES)
        if stale(src, dst):
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)
    init = RES_OUT / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated by packaging/build_resources.py from resources/."""\n')


def main(argv: list[str]) -> int:
    if "--lupdate" in argv:
        lupdate()
    build_forms()
    build_translations()
    copy_resources()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
