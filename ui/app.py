"""Start the window: one QApplication, bundled fonts, the crash handler, the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

from govdesk import __version__
from govdesk.db import Database
from govdesk.logs import setup_logging
from govdesk.services.bundle import Services
from ui import crash
from ui.fonts import apply_application_font
from ui.main_window import MainWindow

log = logging.getLogger("govdesk.ui")


def application() -> QApplication:
    """The running QApplication (tests and `govdesk demo` may already have one), set up once."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("govdesk")
    app.setApplicationDisplayName("govdesk")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("govdesk")
    apply_application_font(app)
    return app


def build_window(db: Database, demo: bool = False) -> MainWindow:
    services = Services.open(db)
    return MainWindow(services, demo=demo)


def run(db: Database, demo: bool = False) -> int:
    """Open the window on a database and block until it is closed; returns the exit code."""
    setup_logging()  # idempotent; the CLI has usually done it already
    app = application()
    crash.install()
    window = build_window(db, demo)
    window.show()
    log.info("window opened on %s", db.describe())
    code = app.exec()
    db.dispose()
    return int(code)
