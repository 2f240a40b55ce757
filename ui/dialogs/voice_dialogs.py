"""民情台账 dialogs: take or edit an item, answer it (答复/办结), turn items into a matter, edit the
categories. Each is a ``FieldDialog`` whose 确定 calls one service method; the domain's Chinese
messages land beside the fields they name and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from govdesk.decisions.procedures import CATEGORIES as MATTER_CATEGORIES
from govdesk.services.bundle import Services
from govdesk.services.voices import VoiceView, summary
from govdesk.voices.rules import (
    CHANNELS,
    DEFAULT_DEADLINE_DAYS,
    SATISFACTION,
    STATUS_ANSWERED,
    STATUS_DONE,
    STATUS_WORKING,
    STATUSES,
    VoiceInput,
)
from ui.dialogs.common import FieldDialog
from ui.household_picker import HouseholdPicker


def _id_combo(choices: list[Any], current: int | None) -> QComboBox:
    combo = QComboBox()
    combo.addItem("（不填）", None)
    for c in choices:
        combo.addItem(c.name, c.id)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class VoiceDialog(FieldDialog):
    """新增 / 修改 a 民情 item. The deadline follows the date (seven days) until it is typed."""

    def __init__(self, services: Services, voice_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("修改民情" if voice_id else "登记民情", parent, min_width=560)
        self.voices, self.voice_id = services.voices, voice_id
        view: VoiceView | None = self.voices.get(voice_id) if voice_id else None
        d = view.data if view else VoiceInput(received_on=self.voices.today())
        self._data = d
        self.saved_id: int | None = voice_id
        self.set_intro("反映人可从农户中选，也可直接填写（外来人员写明身份）。答复期限默认为反映日期后 7 天。")
        self.received = self.date_field("voice_received_on", d.received_on)
        self.channel = self.combo("voice_channel", CHANNELS, d.channel or CHANNELS[0])
        self.raised_by = self.line("voice_raised_by", d.raised_by_name, "姓名，或“外村人 张某”", max_length=100)
        self.picker = self.add_row("voice_household", HouseholdPicker(services.households), "所在农户")
        self.picker.list.setMinimumHeight(60)
        self.picker.list.setMaximumHeight(90)
        village = services.village
        self.group = self.add_row("voice_villager_group", _id_combo(village.villager_groups(), d.villager_group_id))
        self.grid = self.add_row("voice_grid", _id_combo(village.grids(), d.grid_id))
        self.category = self.combo("voice_category", self.voices.categories(), d.category)
        self.content = self.text_box("voice_content", d.content, 80)
        self.taken_by = self.line("voice_taken_by", d.taken_by, max_length=50)
        self.deadline = self.date_field("voice_deadline", d.deadline, "默认反映日期后 7 天")
        self.status = self.combo("voice_status", STATUSES, d.status)
        self._deadline_typed = view is not None
        self.deadline.textEdited.connect(lambda _t: setattr(self, "_deadline_typed", True))
        self.received.dateChanged.connect(self._follow)
        if view and view.data.raised_by_household_id:
            self.picker.search.setPlaceholderText("已选农户；如需更换请搜索")

    def _follow(self, day: date) -> None:
        if not self._deadline_typed:
            self.deadline.setDate(day + timedelta(days=DEFAULT_DEADLINE_DAYS))

    def input(self) -> VoiceInput:
        d = self._data
        household = self.picker.household_id()
        return VoiceInput(
            received_on=self.received.text(),
            channel=self.channel.currentText(),
            raised_by_name=self.raised_by.text(),
            raised_by_resident_id=d.raised_by_resident_id if household is None else None,
            raised_by_household_id=household if household is not None else d.raised_by_household_id,
            villager_group_id=self.group.currentData(),
            grid_id=self.grid.currentData(),
            category=self.category.currentText(),
            content=self.content.toPlainText(),
            taken_by=self.taken_by.text(),
            deadline=self.deadline.text(),
            status=self.status.currentText(),
            reply=d.reply,
            replied_by=d.replied_by,
            replied_on=d.replied_on,
            satisfaction=d.satisfaction,
        )

    def submit(self) -> int:
        if self.voice_id is None:
            self.saved_id = self.voices.create(self.input())
        else:
            self.voices.update(self.voice_id, self.input())
        return self.saved_id  # type: ignore[return-value]


class AnswerDialog(FieldDialog):
    """答复 / 办结: 事事有回应 — the reply, who gave it and when; whether the person was satisfied."""

    def __init__(self, services: Services, voice_id: int, parent: QWidget | None = None) -> None:
        super().__init__("答复 / 办结", parent, min_width=520)
        self.voices, self.voice_id = services.voices, voice_id
        view = self.voices.get(voice_id)
        d = view.data
        self.set_intro(f"第 {view.id} 号　{view.raised_by}：{summary(str(d.content), 60)}")
        current = d.status if d.status != "待办" else STATUS_ANSWERED
        self.status = self.combo("voice_status", (STATUS_WORKING, STATUS_ANSWERED, STATUS_DONE), current)
        self.reply = self.text_box("voice_reply", str(d.reply), 90)
        self.replied_by = self.line("voice_replied_by", d.replied_by, max_length=50)
        self.replied_on = self.date_field("voice_replied_on", d.replied_on or self.voices.today())
        self.satisfaction = self.combo("voice_satisfaction", SATISFACTION, str(d.satisfaction))

    def submit(self) -> int:
        self.voices.answer(
            self.voice_id,
            self.status.currentText(),
            self.reply.toPlainText(),
            self.replied_by.text(),
            self.replied_on.text(),
            self.satisfaction.currentText(),
        )
        return self.voice_id


class ToMatterDialog(FieldDialog):
    """转为五议两公开事项: a new matter at its 建议 step, its source the selected items."""

    def __init__(self, services: Services, voice_ids: list[int], parent: QWidget | None = None) -> None:
        super().__init__("转为五议两公开事项", parent, min_width=520)
        self.services, self.voice_ids = services, voice_ids
        views = [services.voices.get(v) for v in voice_ids]
        lines = [f"第 {v.id} 号　{v.raised_by}：{summary(str(v.data.content), 40)}" for v in views]
        self.set_intro("以下民情将作为事项来源（建议），事项登记后在两处互相关联：\n" + "\n".join(lines))
        self.title = self.line("matter_title", summary(str(views[0].data.content), 30) if views else "", max_length=200)
        self.category = self.combo("matter_category", MATTER_CATEGORIES, "公益事业建设")
        self.amount = self.line("matter_amount", "", "如 12万、36000（可不填）")
        self.matter_id: int | None = None

    def submit(self) -> int:
        self.matter_id = self.services.voices.to_matter(
            self.services.decisions, self.voice_ids, self.title.text(), self.category.currentText(), self.amount.text()
        )
        return self.matter_id


class CategoriesDialog(FieldDialog):
    """The category catalogue, one per line (items keep the category they were filed under)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("民情类别", parent, min_width=360)
        self.voices = services.voices
        self.set_intro("每行一个类别，按显示顺序排列。已登记的民情保留原类别。")
        self.names = self.text_box("voice_category_name", "\n".join(self.voices.categories()), 220)

    def submit(self) -> None:
        self.voices.set_categories(self.names.toPlainText().splitlines())
