"""五议两公开: the decision ledger."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    from ui.decisions_tab import DecisionsTab

    return DecisionsTab(services, jobs)


register_area(AreaSpec("decisions", "五议两公开", "fa5s.clipboard-list", 60, build))
