"""新增 / 修改农户 (the household itself; its residents are edited in the detail pane)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govdesk.services.households import HouseholdInput, HouseholdService, validate_household
from govdesk.services.village import VillageService
from ui.dialogs.forms import RecordForm

NO_CHOICE = "（未指定）"


class HouseholdDialog(RecordForm):
    def __init__(
        self,
        households: HouseholdService,
        village: VillageService,
        household_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("修改农户信息" if household_id else "新增农户", household_id, parent)
        self.households = households
        data = households.as_input(household_id) if household_id else HouseholdInput()
        self.add_line("number", data.number, placeholder="如 0301", max_length=40)
        self.add_line("address", data.address, max_length=200)
        self.add_line("phone", data.phone, placeholder="手机 11 位或 区号-号码")
        groups = village.villager_groups()
        grids = village.grids()
        self.add_combo(
            "villager_group_id", [(NO_CHOICE, None)] + [(g.name, g.id) for g in groups], data.villager_group_id
        )
        self.add_combo("grid_id", [(NO_CHOICE, None)] + [(g.name, g.id) for g in grids], data.grid_id)
        self.add_notes("notes", data.notes)
        self.finish_loading()

    def build_input(self) -> HouseholdInput:
        return HouseholdInput(
            number=self.value("number"),
            address=self.value("address"),
            phone=self.value("phone"),
            villager_group_id=self.value("villager_group_id"),
            grid_id=self.value("grid_id"),
            notes=self.value("notes"),
        )

    def check(self, data: HouseholdInput) -> None:
        validate_household(data)

    def save(self, data: HouseholdInput) -> None:
        self.create_or_update(data, self.households.update, self.households.create)
