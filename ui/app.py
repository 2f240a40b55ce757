"""Start the window: one QApplication, bundled fonts, the crash handler, the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from govdesk import __version__
from govdesk.db import Database
from govdesk.logs import setup_logging
from govdesk.services.bundle import Services
from resources import resource_path
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
    app.setWindowIcon(QIcon(str(resource_path("icons", "govdesk.png"))))
    apply_application_font(app)
    install_chinese_translations(app)
    return app


def install_chinese_translations(app: QApplication) -> bool:
    """Qt's own dialogs (print preview, file dialogs, message-box buttons) in Chinese too."""
    if app.property("govdesk_translated"):
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_", folder):
        log.warning("Qt Chinese translations not found in %s", folder)
        return False
    app.installTranslator(translator)
    app.setProperty("govdesk_translated", True)
    return True


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
