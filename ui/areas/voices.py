"""民情: the 民情台账 — what villagers raised and the answer each got."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    from ui.voices_tab import VoicesTab

    return VoicesTab(services, jobs)


register_area(AreaSpec("voices", "民情", "fa5s.comments", 70, build))
