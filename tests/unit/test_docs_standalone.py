"""The project stands on its own: what a reader is sent to read is in the repository.

The README and the code's comments cite pages of ``docs/`` ("see docs/domain.md, Roles"). A
reader of a fresh checkout must find every cited page and section there; no file may send them
to the design notes that lived outside the repository.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Where a reader of the repository reads: the sources, the tests, the packaging, the forms and
# translations, and the documents.
SCANNED = ("desktop", "tests", "packaging", "forms", "resources", "docs")
DOCUMENTS = ("README.md", "CONTRIBUTING.md", "CHANGELOG.md", "pyproject.toml")
SKIPPED_DIRS = {"__pycache__", ".pytest_cache"}

# The outside pages, by their names and by the short forms the comments used ("… §4",
# "… #3"). Built from pieces so that this file does not name them itself.
_OUTSIDE_NAMES = ("DESIGN", "DOMAIN", "STYLE")
OUTSIDE = re.compile(
    r"\b(?:"
    + "|".join(_OUTSIDE_NAMES)
    + r")(?:\.md\b|\s*§|\s+#\d)"
    + "|"
    + re.escape(".." + "/shared")
)

# "docs/domain.md" and what follows it; a section is named after ", ".
CITATION = re.compile(r"docs/([\w.-]+\.md)(, )?")
# A citation that wraps onto the next line of a comment or docstring.
WRAP = re.compile(r"\s*\n\s*(?:#:?|--)?\s*")


def text_files() -> list[Path]:
    files = [ROOT / name for name in DOCUMENTS if (ROOT / name).is_file()]
    for top in SCANNED:
        for path in sorted((ROOT / top).rglob("*")):
            if path.is_file() and not SKIPPED_DIRS & set(path.parts):
                files.append(path)
    texts = []
    for path in files:
        try:
            path.read_text("utf-8")
        except UnicodeDecodeError:  # icons, compiled translations
            continue
        texts.append(path)
    return texts


def headings(page: Path) -> list[str]:
    return [
        line.lstrip("#").strip()
        for line in page.read_text("utf-8").splitlines()
        if line.startswith("## ")
    ]


def test_no_file_sends_the_reader_outside_the_repository():
    found = []
    for path in text_files():
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if OUTSIDE.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == [], "cites a page that is not in the repository:\n" + "\n".join(found)


# A link between the documents, and the section it names: "[domain.md](domain.md), *Roles*".
LINK = re.compile(r"\]\(([^)#:\s]+\.md)\)(?:, \*([^*]+)\*)?")


def test_the_docs_pages_are_there_and_the_readme_leads_to_them():
    readme = (ROOT / "README.md").read_text("utf-8")
    for page in (
        "docs/architecture.md",
        "docs/domain.md",
        "docs/adding-a-feature.md",
        "CONTRIBUTING.md",
        "CHANGELOG.md",
    ):
        assert (ROOT / page).is_file(), f"{page} is missing"
        assert f"]({page})" in readme, f"the README does not link to {page}"
    broken = []
    for document in [
        ROOT / "README.md",
        ROOT / "CONTRIBUTING.md",
        ROOT / "CHANGELOG.md",
        *sorted((ROOT / "docs").glob("*.md")),
    ]:
        for target, section in LINK.findall(document.read_text("utf-8")):
            page = (document.parent / target).resolve()
            if not page.is_file():
                broken.append(f"{document.relative_to(ROOT)}: {target} does not exist")
            elif section and " ".join(section.split()) not in headings(page):
                broken.append(f"{document.relative_to(ROOT)}: {target} has no section {section!r}")
    assert broken == [], "\n".join(broken)


def test_every_cited_page_and_section_exists():
    cited, broken = 0, []
    for path in text_files():
        text = path.read_text("utf-8")
        for match in CITATION.finditer(text):
            where = f"{path.relative_to(ROOT)}:{text.count(chr(10), 0, match.start()) + 1}"
            page = ROOT / "docs" / match.group(1)
            cited += 1
            if not page.is_file():
                broken.append(f"{where}: docs/{match.group(1)} does not exist")
                continue
            if match.group(2):
                after = WRAP.sub(" ", text[match.end() : match.end() + 160])
                if not any(after.startswith(h) for h in headings(page)):
                    broken.append(
                        f"{where}: no section of docs/{match.group(1)} begins {after[:40]!r}"
                    )
    assert broken == [], "\n".join(broken)
    # The code does cite the pages (a check that finds no citation would prove nothing).
    assert cited >= 50
