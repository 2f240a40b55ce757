"""设置 → 村和组织, and the first-run dialog a new installation opens on.

A new user's database is empty: no village, no 支部, no 村民小组, no cadres, so nothing else in
the window can be filled in. The first-run dialog asks for the village's name at once; the
organisation dialog then builds the rest, one small form at a time, each through the service.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from govdesk.services.bundle import Services
from govdesk.services.organisation import OrganisationService
from govdesk.services.village import VillageService
from ui.dialogs.org_forms import VillageDialog
from ui.dialogs.org_pages import CadrePage, Page, PartyPage, TeamPage, VillagePage

LATER_HINT = "尚未填写村的信息：可随时在菜单“设置 → 村和组织”中填写。"


class OrganisationDialog(QDialog):
    """Tabs 村的信息 / 党组织 / 村民小组 / 网格 / 村干部（两委）; ``changed`` is set after any save."""

    def __init__(self, village: VillageService, org: OrganisationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("村和组织")
        self.changed = False
        self.tabs = QTabWidget()
        self.village_page = VillagePage(village, self._run, self)
        self.party_page = PartyPage(org, self._run, self)
        self.groups_page = TeamPage(org, self._run, grids=False, parent=self)
        self.grids_page = TeamPage(org, self._run, grids=True, parent=self)
        self.cadre_page = CadrePage(org, self._run, self)
        pages: list[tuple[Page, str]] = [
            (self.village_page, "村的信息"),
            (self.party_page, "党组织"),
            (self.groups_page, "村民小组"),
            (self.grids_page, "网格"),
            (self.cadre_page, "村干部（两委）"),
        ]
        for page, title in pages:
            self.tabs.addTab(page, title)
            page.changed.connect(self._mark_changed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(820, 560)

    def _mark_changed(self) -> None:
        self.changed = True

    def _run(self, dialog: QDialog) -> bool:
        return self.run_dialog(dialog)

    def run_dialog(self, dialog: QDialog) -> bool:
        """Modal form; a seam the tests replace to fill forms without blocking."""
        return dialog.exec() == QDialog.DialogCode.Accepted


def open_organisation(parent: QWidget, services: Services, after: Callable[[], None]) -> OrganisationDialog:
    """设置 → 村和组织: window-modal, ``after`` runs when it closes (titles, filters refresh)."""
    dialog = OrganisationDialog(services.village, services.organisation, parent)
    dialog.finished.connect(lambda _r: after())
    dialog.open()
    return dialog


def offer_first_run(parent: QWidget, services: Services, done: Callable[[bool], None]) -> VillageDialog | None:
    """On an empty database ask for the village at once; ``done(saved)`` runs when it closes."""
    if services.village.has_village():
        return None
    dialog = VillageDialog(services.village, parent, first_run=True)
    dialog.finished.connect(lambda result: done(result == QDialog.DialogCode.Accepted.value))
    dialog.open()
    return dialog
