"""Starting the GUI: the application object, translations, the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .. import APP_NAME, __version__, config, logsetup
from . import i18n
from .main_window import MainWindow
from .resources import app_icon
from .stop_signals import StopSignals

log = logging.getLogger(__name__)


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or [APP_NAME])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Customer Archive")
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(APP_NAME)
    app.setWindowIcon(app_icon())
    return app


def main(archive: str | None = None, argv: list[str] | None = None, readonly: bool = False) -> int:
    logsetup.setup()
    app = make_app(argv or sys.argv[:1])
    cfg = config.load()
    language = i18n.install(app, cfg.language)
    log.info("starting Customer Archive %s (%s)", __version__, language)
    window = MainWindow(cfg)
    StopSignals(window)  # logging out or kill: close as by the close button
    window.show()
    QTimer.singleShot(0, lambda: window.start(archive, readonly))
    return app.exec()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
