"""Finding the package's resources (icons, .qm) the same way from source, wheel or bundle."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon


def resource_dir() -> Path:
    # desktop/resources is made by packaging/build_resources.py and shipped in the package.
    return Path(str(resources.files("desktop") / "resources"))


def translations_dir() -> Path:
    return resource_dir() / "translations"


def app_icon() -> QIcon:
    return QIcon(str(resource_dir() / "icons" / "customer-archive.svg"))
