"""The main window as the tests open it: over given services, shown, filled, its worker stopped after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govdesk.services.bundle import Services
    from ui.main_window import MainWindow


@contextmanager
def shown_window(qtbot: Any, services: Services, *, demo: bool = True) -> Iterator[MainWindow]:
    """The window shown and filled (its first area built, the counts asked), as at start-up."""
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(services, demo=demo)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    try:
        yield win
    finally:
        win.jobs.shutdown()
