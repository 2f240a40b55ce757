"""Start the window: one QApplication, bundled fonts, the crash handler, the main window."""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
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

# Start-up benchmark hook (tests/perf/bench_startup.py): with GOVDESK_EXIT_WHEN_SHOWN=1 the program
# prints "govdesk-shown <time.monotonic()>" once the window has been exposed and painted, then quits.
EXIT_WHEN_SHOWN = "GOVDESK_EXIT_WHEN_SHOWN"


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


class _ExitWhenShown(QObject):
    """On the window's first Expose: let the first paint finish, print the clock, quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Expose and watched.isExposed():  # type: ignore[attr-defined]
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)
        return False

    def _report(self) -> None:
        print(f"govdesk-shown {time.monotonic():.6f}", flush=True)
        QApplication.quit()


def run(db: Database, demo: bool = False) -> int:
    """Open the window on a database and block until it is closed; returns the exit code."""
    setup_logging()  # idempotent; the CLI has usually done it already
    app = application()
    crash.install()
    window = build_window(db, demo)
    if os.environ.get(EXIT_WHEN_SHOWN) == "1":
        window.winId()  # creates the native window, so its expose event can be watched
        probe = _ExitWhenShown(window)
        window.windowHandle().installEventFilter(probe)
    window.show()
    log.info("window opened on %s", db.describe())
    code = app.exec()
    db.dispose()
    return int(code)
