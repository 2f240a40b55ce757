"""评先评优 dialogs: nominate or record an honour, decide a nomination (授予 / 未评上), edit the
catalogue, read a member's honours. Each is a ``FieldDialog`` whose 确定 calls one service
method; the domain's Chinese messages land beside the fields they name and nothing is written."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QSpinBox, QWidget

from govdesk.honours.rules import (
    LEVELS,
    RECIPIENT_HOUSEHOLD,
    STATUS_AWARDED,
    STATUS_NOMINATED,
    STATUS_NOT_CHOSEN,
    STATUSES,
    HonourInput,
    parse_catalogue,
)
from govdesk.services.bundle import Services
from govdesk.services.honours import HonourLine
from ui.dialogs.common import FieldDialog
from ui.household_picker import HouseholdPicker

NO_MATTER = "（不关联）"


def matter_combo(services: Services, current: int | None) -> QComboBox:
    """The decision-log matters, newest first, with 不关联 on top."""
    combo = QComboBox()
    combo.addItem(NO_MATTER, None)
    for matter_id, text in services.honours.matter_choices():
        combo.addItem(text, matter_id)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class HonourDialog(FieldDialog):
    """提名 / 登记 / 修改 an entry: the honour says whether a household or a person receives it."""

    def __init__(self, services: Services, award_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("修改评先评优记录" if award_id else "提名 / 登记荣誉", parent, min_width=560)
        self.services, self.honours, self.award_id = services, services.honours, award_id
        view = self.honours.get(award_id) if award_id else None
        d = view.data if view else HonourInput(year=self.honours.today().year)
        self._data = d
        self.set_intro(
            "荣誉授予农户（如最美家庭）时选一户；授予个人（如好媳妇）时先找到所在户，再选这个人。"
            "已有授予结果的，状态选“授予”并写明授予日期。"
        )
        self.year = self.add_row("honour_year", QSpinBox())
        self.year.setRange(1949, self.honours.today().year)
        self.year.setValue(int(d.year))
        self._kinds = dict(self.honours.catalogue())
        if view and view.data.honour not in self._kinds:
            self._kinds[str(view.data.honour)] = view.recipient
        self.honour = self.combo("honour", [f"{n}" for n in self._kinds], str(d.honour))
        self.kind_hint = QLabel()
        self.kind_hint.setStyleSheet("color:#555")
        self.add_row("honour_recipient_kind", self.kind_hint)
        self.current = QLabel(f"现为：{view.recipient_name}" if view else "")
        self.current.setVisible(view is not None)
        self.add_row("honour_recipient", self.current)
        self.picker = self.add_row("honour_household", HouseholdPicker(services.households), "查找农户")
        self.picker.list.setMinimumHeight(60)
        self.picker.list.setMaximumHeight(100)
        self.person = self.add_row("honour_person", QComboBox())
        self.picker.picked.connect(self._fill_people)
        self.level = self.combo("honour_level", LEVELS, str(d.level))
        self.status = self.combo("honour_status", STATUSES, str(d.status))
        self.nominated_on = self.date_field("honour_nominated_on", d.nominated_on)
        self.nominated_by = self.line(
            "honour_nominated_by", d.nominated_by, "如 村湾理事会推荐、网格员推荐", max_length=50
        )
        self.awarded_on = self.date_field("honour_awarded_on", d.awarded_on, "授予时填写")
        self.matter = self.add_row("honour_matter", matter_combo(services, d.matter_id))
        self.note = self.text_box("honour_note", str(d.note), 70)
        self.honour.currentTextChanged.connect(self._kind_changed)
        self._kind_changed(self.honour.currentText())

    def _kind(self) -> str:
        return self._kinds.get(self.honour.currentText(), RECIPIENT_HOUSEHOLD)

    def _kind_changed(self, _text: str) -> None:
        household = self._kind() == RECIPIENT_HOUSEHOLD
        self.kind_hint.setText("授予农户（选一户）" if household else "授予个人（先找到所在户，再选人）")
        self.person.setEnabled(not household)

    def _fill_people(self, household_id: int | None) -> None:
        self.person.clear()
        if household_id is None:
            return
        for row in self.services.households.residents(household_id, include_ended=False):
            self.person.addItem(f"{row.values[0]}（{row.values[1] or '—'}）", row.id)

    def input(self) -> HonourInput:
        d = self._data
        household = self.picker.household_id()
        household_id, resident_id, member_id = d.household_id, d.resident_id, d.member_id
        if household is not None:  # a new pick replaces the stored recipient
            if self._kind() == RECIPIENT_HOUSEHOLD:
                household_id, resident_id, member_id = household, None, None
            else:
                household_id, resident_id, member_id = None, self.person.currentData(), None
        elif self._kind() == RECIPIENT_HOUSEHOLD:
            resident_id = member_id = None
        else:
            household_id = None
        return HonourInput(
            year=self.year.value(),
            honour=self.honour.currentText(),
            household_id=household_id,
            resident_id=resident_id,
            member_id=member_id,
            level=self.level.currentText(),
            status=self.status.currentText(),
            nominated_on=self.nominated_on.text(),
            nominated_by=self.nominated_by.text(),
            awarded_on=self.awarded_on.text(),
            matter_id=self.matter.currentData(),
            note=self.note.toPlainText(),
        )

    def submit(self) -> int:
        if self.award_id is None:
            self.award_id = self.honours.create(self.input())
        else:
            self.honours.update(self.award_id, self.input())
        return self.award_id


class DecideDialog(FieldDialog):
    """评定: a nomination is 授予 (on a day; the matter that decided it, if any) or 未评上."""

    def __init__(self, services: Services, award_id: int, parent: QWidget | None = None) -> None:
        super().__init__("评定", parent, min_width=480)
        self.honours, self.award_id = services.honours, award_id
        view = self.honours.get(award_id)
        d = view.data
        self.set_intro(f"{d.year} 年度 {d.honour}（{d.level}）：{view.recipient_name}")
        current = d.status if d.status != STATUS_NOMINATED else STATUS_AWARDED
        self.status = self.combo("honour_status", (STATUS_AWARDED, STATUS_NOT_CHOSEN, STATUS_NOMINATED), str(current))
        self.awarded_on = self.date_field("honour_awarded_on", d.awarded_on or self.honours.today())
        self.matter = self.add_row("honour_matter", matter_combo(services, d.matter_id))

    def submit(self) -> int:
        status = self.status.currentText()
        on = self.awarded_on.text() if status == STATUS_AWARDED else None
        self.honours.decide(self.award_id, status, on, self.matter.currentData())
        return self.award_id


class CatalogueDialog(FieldDialog):
    """The honour catalogue, one per line: 名称 and 户 / 个人 (entries keep the honour they got)."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("荣誉目录", parent, min_width=380)
        self.honours = services.honours
        self.set_intro("每行一项：荣誉称号 + 空格 + 授予对象（户 或 个人），按显示顺序排列。已登记的记录保留原称号。")
        text = "\n".join(f"{n} {r}" for n, r in self.honours.catalogue())
        self.names = self.text_box("honour_kind_name", text, 240)

    def submit(self) -> None:
        self.honours.set_catalogue(parse_catalogue(self.names.toPlainText()))


def honour_lines_text(lines: list[HonourLine], with_names: bool = False) -> str:
    """A short list for a page: 2025 年 最美家庭（村级）…"""
    if not lines:
        return "暂无荣誉记录。"
    return "\n".join(f"{x.text()}{'　' + x.recipient_name if with_names else ''}" for x in lines)


class MemberHonoursDialog(FieldDialog):
    """A member's honours (read only): given to the member or to the resident the member is."""

    def __init__(self, services: Services, member_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(f"{name}的荣誉", parent, min_width=420)
        lines = services.honours.of_member(member_id)
        self.list = QLabel(honour_lines_text(lines))
        self.list.setWordWrap(True)
        self.add_row("honour", self.list, "评先评优")
        self.buttons.button(self.buttons.StandardButton.Cancel).hide()

    def submit(self) -> None:
        return None
