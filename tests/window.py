"""The main window and its pages as the tests open them: over given services, their worker stopped after."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner
    from ui.main_window import MainWindow

W = TypeVar("W")


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


@contextmanager
def page_on_its_own(qtbot: Any, services: Services, make: Callable[[Services, JobRunner], W]) -> Iterator[W]:
    """A page (or tab) built by ``make(services, jobs)`` on its own, as in the window: its own worker,
    and what the services write comes back through its ``on_changes``; the worker stopped after."""
    from ui.change_relay import ChangeRelay
    from ui.jobs import JobRunner

    jobs = JobRunner()
    widget = make(services, jobs)
    ChangeRelay(services.db, widget).changed.connect(widget.on_changes)  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    try:
        yield widget
    finally:
        jobs.shutdown()
