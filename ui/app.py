"""Start the window: one QApplication, bundled fonts, the crash handler, the main window.

The window paints first, then fills its lists: ``run`` shows the window's frame (menus, the
area names, "正在打开数据库…") before SQLAlchemy, the models, the services or qtawesome are
imported; once it has been exposed and painted, ``OpenAfterPaint`` opens the database (migrating
after a backup, as every start does) through ``Services.open_target`` and attaches the services.
A database that cannot be opened is one Chinese message in a dialog, then exit 1.
"""

from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from govdesk import __version__
from govdesk.errors import GovdeskError
from govdesk.logs import setup_logging
from resources import resource_path
from ui import crash
from ui.fonts import apply_application_font
from ui.main_window import MainWindow

if TYPE_CHECKING:
    from govdesk.db import Database
    from govdesk.services.bundle import Services

log = logging.getLogger("govdesk.ui")

# Start-up benchmark hook (tests/perf/bench_startup.py): with GOVDESK_EXIT_WHEN_SHOWN=1 the program
# prints "govdesk-shown <time.monotonic()> <time.process_time()>" once the window has been exposed
# and painted, then "govdesk-filled <monotonic> <process time>" once the database is open and the
# first area and the counts are filled, then quits.
EXIT_WHEN_SHOWN = "GOVDESK_EXIT_WHEN_SHOWN"
# If the window is never exposed (started minimised on some desktops), open the database anyway.
OPEN_AT_THE_LATEST_MS = 1500


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
    """The window on an already opened database (tests, benchmarks): frame and services at once."""
    from govdesk.services.bundle import Services

    return MainWindow(Services.open(db), demo=demo)


def show_open_failure(parent: QWidget, message: str) -> None:
    """The database could not be opened: say why (a seam tests replace, a modal dialog blocks)."""
    QMessageBox.critical(parent, "无法打开数据库", message)


def open_services(target: str | Path | None) -> Services:
    from govdesk.services.bundle import Services  # SQLAlchemy, the models, the services: after the paint

    return Services.open_target(target)


class OpenAfterPaint(QObject):
    """On the window's first Expose: let the paint finish, then open the database and attach it.

    ``failed(message)`` runs when the database cannot be opened (the window then closes with
    exit code 1); with ``report`` the benchmark hears when the frame was shown and when filled.
    """

    def __init__(
        self,
        window: MainWindow,
        target: str | Path | None,
        *,
        report: bool = False,
        opener: Callable[[str | Path | None], Services] = open_services,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.report = report
        self.opener = opener
        self.done = False
        window.winId()  # creates the native window, so its expose event can be watched
        window.windowHandle().installEventFilter(self)
        if report:
            window.filled.connect(self._report_filled)
        QTimer.singleShot(OPEN_AT_THE_LATEST_MS, self.open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Expose and watched.isExposed():  # type: ignore[attr-defined]
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        if self.report:
            print(f"govdesk-shown {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
        QTimer.singleShot(0, self.open)  # the shown frame reaches the screen before the import

    def open(self) -> None:
        if self.done:
            return
        self.done = True
        try:
            services = self.opener(self.target)
        except GovdeskError as exc:
            log.info("database not opened: %s", exc)
            show_open_failure(self.window, str(exc))
            QApplication.exit(1)
            return
        except OSError as exc:
            log.exception("database not opened")
            show_open_failure(self.window, f"文件或磁盘错误，无法打开数据库（未做任何修改）：{exc}")
            QApplication.exit(1)
            return
        from ui.users.login import ask_log_in  # once an administrator exists, log in before the lists fill

        if not ask_log_in(self.window, services):
            services.close()
            QApplication.exit(0)
            return
        self.window.attach(services)
        log.info("window opened on %s as %s", services.db.describe(), services.db.actor.label)

    def _report_filled(self) -> None:
        print(f"govdesk-filled {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
        QApplication.quit()


def run(
    target: str | Path | None = None,
    demo: bool = False,
    opener: Callable[[str | Path | None], Services] = open_services,
) -> int:
    """Show the window, open the database at ``target`` once it has painted; returns the exit code.

    ``opener`` turns the target into the services (``govdesk demo`` fills an empty demo file first).
    """
    setup_logging()  # idempotent; the CLI has usually done it already
    app = application()
    crash.install()
    window = MainWindow(demo=demo)
    OpenAfterPaint(window, target, report=os.environ.get(EXIT_WHEN_SHOWN) == "1", opener=opener)
    window.show()
    code = app.exec()
    if window.isVisible():  # exit(1) after a failed open leaves the frame up
        window.hide()
    if window.services is not None:
        window.services.close()
    return int(code)
