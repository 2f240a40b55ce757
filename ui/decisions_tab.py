"""五议两公开 tab (placeholder; the real decision-log tab comes with its own issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govdesk.services.bundle import Services
from ui.jobs import JobRunner
from ui.placeholder_tab import PlaceholderTab


class DecisionsTab(PlaceholderTab):
    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__("五议两公开台账功能正在建设", parent)
        self.services = services
        self.jobs = jobs
