"""值班: the month's duty roster and the duty log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    from ui.roster_tab import RosterTab

    return RosterTab(services, jobs)


register_area(AreaSpec("roster", "值班", "fa5s.calendar-alt", 50, build))
