"""农户: the household register with each household's residents and details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    from ui.households_tab import HouseholdsTab

    return HouseholdsTab(services, jobs)


register_area(AreaSpec("households", "农户", "fa5s.home", 40, build))
