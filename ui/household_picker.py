"""Pick a household by 户号, head name, pinyin or ID suffix (moving a resident, 联户, 中心户).

The same search as the households tab, limited to the first matches: a small in-memory list.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from govdesk.services.households import HouseholdService
from govdesk.services.listing import ListQuery

MAX_MATCHES = 30


class HouseholdPicker(QWidget):
    picked = Signal(object)  # household id or None

    def __init__(self, households: HouseholdService, parent: QWidget | None = None, *, exclude: int | None = None):
        super().__init__(parent)
        self.households = households
        self.exclude = exclude
        self.search = QLineEdit()
        self.search.setPlaceholderText("户号 / 户主姓名 / 拼音首字母 / 身份证后几位")
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.list.currentItemChanged.connect(lambda *_a: self.picked.emit(self.household_id()))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.list)

    def refresh(self) -> None:
        self._timer.stop()
        self.list.clear()
        text = self.search.text().strip()
        if not text:
            return
        for row in self.households.page(ListQuery(text=text), 0, MAX_MATCHES):
            if row.id == self.exclude:
                continue
            number, head, count, group = row.values[0], row.values[1], row.values[2], row.values[3]
            item = QListWidgetItem(f"{number}  户主 {head or '（无）'}  {count} 人  {group or ''}")
            item.setData(256, row.id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def household_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(256) if item is not None else None
