"""首页: the morning page — today, what needs action, the village in numbers. Open on first start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner


def build(services: Services, jobs: JobRunner, navigate: Navigate) -> QWidget:
    from ui.home_page import HomePage  # the page's module is imported when it is first shown

    return HomePage(services, jobs, navigate)


register_area(AreaSpec("home", "首页", "fa5s.sun", 10, build))
