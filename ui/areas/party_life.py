"""组织生活: the Party members' practices — 会议 (三会一课, 主题党日 …), 积分, 党费, 设岗定责 — one page each."""

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
        "ui.posts_page",
        "ui.points_page",
        "ui.points_rules_page",
        "ui.points_assessment_page",
        "ui.points_ranking_page",
        "ui.meetings_page",
        "ui.party_life.dues_page",
    )
)


def build(services: Services, jobs: JobRunner, navigate: Navigate) -> QWidget:
    from ui.areas.pages import PagedArea

    return PagedArea(PAGES, services, jobs, navigate, "party_life")


register_area(AreaSpec("party_life", "组织生活", "fa5s.flag", 30, build))
