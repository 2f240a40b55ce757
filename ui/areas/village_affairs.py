"""村务: the village's small ledgers — 志愿服务, 评先评优, 五星支部, 理事会与村规民约 — one page each."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area
from ui.areas.pages import PageRegistry

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner

# Each page module calls ``PAGES.register(PageSpec(...))`` when imported.
PAGES = PageRegistry(
    modules=(
        "ui.honours_page",
        "ui.councils_page",
        "ui.volunteers_page",
        "ui.stars_page",
    )
)


def build(services: Services, jobs: JobRunner, navigate: Navigate) -> QWidget:
    from ui.areas.pages import PagedArea

    return PagedArea(PAGES, services, jobs, navigate, "village_affairs")


register_area(AreaSpec("village_affairs", "村务", "fa5s.landmark", 80, build))
