"""党员: the member roster."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.areas import AreaSpec, Navigate, register_area

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    from ui.members_tab import MembersTab

    return MembersTab(services, jobs)


register_area(AreaSpec("members", "党员", "fa5s.user-friends", 20, build))
