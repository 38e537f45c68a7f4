#!/usr/bin/env python3
"""The program's icon as PNG files in the hicolor sizes, rendered with Qt from its SVG.

    python packaging/icons.py OUT_DIR     writes OUT_DIR/<size>.png for every size below

Used by the PyInstaller spec (the Windows .ico and macOS .icns are made from the 256 and
512 px ones) and by the .deb (usr/share/icons/hicolor/<size>x<size>/apps/).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "customer-archive.svg"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(out_dir: Path, sizes: tuple[int, ...] = SIZES) -> dict[int, Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])  # noqa: F841 - Qt needs one
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {SVG}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        path = out_dir / f"{size}.png"
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written[size] = path
    return written


if __name__ == "__main__":
    for size, path in render(Path(sys.argv[1])).items():
        print(f"icon {size}x{size} -> {path}")
