"""Roster settings dialogs: the weekly two-committee meeting, and duties served before the program."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from govdesk.roster.calendar import WEEKDAY_NAMES
from govdesk.roster.views import CadreRef
from govdesk.services.roster import RosterService
from ui.dialogs.roster_dialogs import RosterFormDialog, cadre_combo


class MeetingDialog(RosterFormDialog):
    """例会设置: when the two committees meet each week; printed on the roster."""

    def __init__(self, service: RosterService, parent: QWidget | None = None) -> None:
        super().__init__("两委例会设置", parent)
        self.service = service
        m = service.meeting()
        self.set_intro("每周例会会标在值班表的对应日子上，并印在张贴的值班表上。")
        self.weekday = QComboBox()
        self.weekday.addItems(["周" + n for n in WEEKDAY_NAMES])
        self.weekday.setCurrentIndex(m.weekday)
        self.time = QLineEdit(m.time)
        self.title = QLineEdit(m.title)
        self.place = QLineEdit(m.place)
        self.add_row("meeting_weekday", self.weekday)
        self.add_row("meeting_time", self.time)
        self.add_row("meeting_title", self.title)
        self.add_row("meeting_place", self.place)

    def submit(self) -> object:
        self.service.set_meeting(self.weekday.currentIndex(), self.time.text(), self.title.text(), self.place.text())
        return None


class CarryOverDialog(RosterFormDialog):
    """期初次数: duties each cadre served before rosters were kept here, so fairness starts right."""

    def __init__(self, service: RosterService, cadres: list[CadreRef], parent: QWidget | None = None) -> None:
        super().__init__("期初值班次数", parent)
        self.service = service
        self.set_intro("启用本程序之前各人已值班的次数。生成草稿时与以后的值班次数累加，工作日、周末、节假日分别均衡。")
        self.cadre = cadre_combo(cadres)
        self.counts = [QSpinBox() for _ in range(3)]
        for box in self.counts:
            box.setRange(0, 9999)
        self.add_row("duty_cadre", self.cadre)
        for key, box in zip(("duty_workdays", "duty_weekends", "duty_holidays"), self.counts, strict=True):
            self.add_row(key, box)
        self.cadre.currentIndexChanged.connect(self._load)
        self._load()

    def _load(self) -> None:
        cid = self.cadre.currentData()
        if cid is None:
            return
        for box, value in zip(self.counts, self.service.carry_over(int(cid)), strict=True):
            box.setValue(value)

    def submit(self) -> object:
        w, e, h = (box.value() for box in self.counts)
        self.service.set_carry_over(int(self.cadre.currentData()), w, e, h)
        return None
