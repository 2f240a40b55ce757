"""Pick a household by 户号, head name, pinyin or ID suffix (moving a resident, 联户, 中心户).

The same search as the households tab, limited to the first matches: a small in-memory list.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget

from govdesk.services.households import HouseholdService
from govdesk.services.listing import ListQuery
from ui.search_picker import SearchPicker

MAX_MATCHES = 30


class HouseholdPicker(SearchPicker):
    def __init__(self, households: HouseholdService, parent: QWidget | None = None, *, exclude: int | None = None):
        super().__init__("户号 / 户主姓名 / 拼音首字母 / 身份证后几位", parent)
        self.households = households
        self.exclude = exclude
        self.list.setMinimumHeight(140)

    def matches(self, text: str) -> Iterator[tuple[int, str]]:
        for row in self.households.page(ListQuery(text=text), 0, MAX_MATCHES):
            if row.id == self.exclude:
                continue
            number, head, count, group = row.values[0], row.values[1], row.values[2], row.values[3]
            yield row.id, f"{number}  户主 {head or '（无）'}  {count} 人  {group or ''}"

    def household_id(self) -> int | None:
        return self.chosen_id()
