"""农户 tab: the household list (SQL-paged) above, the selected household's residents below."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QSplitter, QWidget

from govdesk.changes import Changes
from govdesk.services.bundle import Services
from govdesk.vocabulary import HOUSEHOLD_CATEGORIES
from ui.dialogs.end_record_dialog import EndRecordDialog
from ui.dialogs.household_dialog import HouseholdDialog
from ui.excel_actions import add_excel_actions
from ui.household_details_pane import HouseholdDetailsPane
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import register_print_button
from ui.residents_pane import ResidentsPane

COLUMN_WIDTHS = {
    "number": 5,
    "head": 5,
    "resident_count": 3.5,
    "villager_group": 6,
    "grid": 7,
    "address": 14,
    "phone": 7,
    "categories": 10,
}
HOUSEHOLD_END_REASONS = ("整户迁出", "合户", "户内人员均已去世", "录入错误", "其他")


class HouseholdsTab(ListTab):
    count_noun = "户"
    shows = Changes.HOUSEHOLDS | Changes.RESIDENTS | Changes.MEMBERS | Changes.VILLAGE_LIFE  # +荣誉 in the pane

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            jobs,
            services.households,
            parent,
            search_hint="户号 / 姓名 / 拼音首字母 / 身份证后几位",
        )
        self.add_filter("villager_group_id", "村民小组", [])
        self.add_filter("grid_id", "网格", [])
        self.add_filter("category", "类别", [(c, c) for c in HOUSEHOLD_CATEGORIES])
        self.add_filter("branch_id", "党员所在支部", [])
        self.refresh_choices()
        self.add_filter("is_central", "中心户", [("仅中心户", True)])
        self.add_action("新增", "fa5s.plus", self.add_household)
        self.add_action("修改", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("注销", "fa5s.ban", self.end_current, needs_active=True)
        self.print_button = register_print_button(self, services, jobs, "households")  # 打印: 公开版 / 内部版
        self.add_first_action(self.print_button)
        add_excel_actions(self, "households")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("address"))

        self.residents = ResidentsPane(services.households, services.household_details, self._run_dialog, self)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._show_residents())
        self.model.modelReset.connect(self._show_residents)
        self.details = HouseholdDetailsPane(services.households, services.household_details, self._run_dialog, self)
        self.details.honours = services.honours  # 评先评优 shown beside the star ratings
        # What the panes write comes back as a change: the list re-reads (on_changes), keeping the household.

        below = QSplitter(Qt.Orientation.Vertical)
        below.setObjectName("households.panes")  # sizes and column widths remembered by these keys
        below.addWidget(self.residents)
        below.addWidget(self.details)
        below.setChildrenCollapsible(False)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("households.split")
        self.table.setObjectName("households.table")
        self.residents.table.setObjectName("households.residents")
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.finish_layout(splitter)

    def _run_dialog(self, dialog: QDialog) -> bool:
        """The panes' dialogs go through the tab's seam (tests replace ``run_dialog`` on the tab)."""
        return self.run_dialog(dialog)

    def _show_residents(self) -> None:
        row = self.current_row()
        found = self.model.row_at(row) if row is not None else None
        if found is None:
            self.residents.set_household(None)
            self.details.set_household(None)
            return
        number, head = found.values[0], found.values[1]
        title = f"户号 {number}" + (f" · 户主 {head}" if head else " · 尚无户主")
        if found.ended:
            title += "（已注销）"
        self.residents.set_household(found.id, title)
        self.details.set_household(found.id)

    def refresh_choices(self) -> None:
        """Filter choices from the organisation; refreshed when the organisation changes."""
        village = self.services.village
        self.set_filter_choices("villager_group_id", [(g.name, g.id) for g in village.villager_groups()])
        self.set_filter_choices("grid_id", [(g.name, g.id) for g in village.grids()])
        self.set_filter_choices("branch_id", [(b.name, b.id) for b in village.branches()])

    def _household_dialog(self, household_id: int | None) -> HouseholdDialog:
        return HouseholdDialog(self.services.households, self.services.village, household_id, self)

    def add_household(self) -> None:
        self.open_dialog(lambda: self._household_dialog(None), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def edit_current(self) -> None:
        self.edit_selected(self._household_dialog)

    def end_current(self) -> None:
        households = self.services.households

        def dialog(household_id: int) -> EndRecordDialog:
            return EndRecordDialog(
                f"农户 {households.get(household_id).number}",
                lambda on, reason: households.end(household_id, on, reason),
                self,
                reasons=HOUSEHOLD_END_REASONS,
                note="注销农户时，户内在册居民将一并注销（注明“随户注销”）。",
            )

        self.edit_selected(dialog, active_only=True, keep=False)
