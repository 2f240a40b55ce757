"""积分 dialogs: 记分 (one entry by hand, caps enforced by the service) and 更正 (a reversing entry)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from govdesk.points.rules import points_text
from govdesk.services.bundle import Services
from govdesk.services.points import EntryInput
from ui.dialogs.common import FieldDialog, optional_date_of


def member_combo(members: list[tuple[int, str, str]], current: int | None = None) -> QComboBox:
    """The members on the roster, typed to find (姓名 or 支部), ``current`` selected."""
    combo = QComboBox()
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItem("", None)
    for member_id, name, branch in members:
        combo.addItem(f"{name}（{branch}）" if branch else name, member_id)
    completer = combo.completer()
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    return combo


class EntryDialog(FieldDialog):
    """记分: member, date, the year's rule, a note and who records it. Past a cap the service refuses
    with its one sentence (本月「参加志愿服务」已加 10 分，已达每月上限 10 分) and nothing is written."""

    def __init__(self, services: Services, member_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("记分", parent, min_width=500)
        self.points = services.points
        today = self.points.today()
        self.saved_id: int | None = None
        self.set_intro("积分一经记入不能修改或删除；记错了请选中该条后点“更正”。")
        self.member = self.add_row("point_member", member_combo(self.points.members_on(today), member_id))
        self.day = self.date_field("point_day", today)
        self.rule = self.add_row("point_rule", QComboBox())
        self.note = self.line("point_note", "", "如：清扫河道、调解王李两家宅基地纠纷", max_length=200)
        self.recorded_by = self.line("point_recorded_by", "", max_length=50)
        self._year = 0
        self._fill_rules(today.year)
        self.day.dateChanged.connect(lambda d: self._fill_rules(d.year))

    def _fill_rules(self, year: int) -> None:
        if year == self._year:
            return
        self._year = year
        self.rule.clear()
        for r in self.points.open_year(year):
            caps = "，".join(
                f"{what}上限 {points_text(cap)}"
                for what, cap in (("每月", r.monthly_cap), ("每年", r.yearly_cap))
                if cap is not None
            )
            sign = "-" if r.kind == "扣分" else "+"
            veto = "，一票否决" if r.veto else ""
            self.rule.addItem(
                f"{r.code} {r.name}（{sign}{points_text(r.points)}{'，' + caps if caps else ''}{veto}）", r.id
            )

    def submit(self) -> int:
        self.saved_id = self.points.add_entry(
            EntryInput(
                self.member.currentData(),
                optional_date_of(self.day),
                self.rule.currentData(),
                self.note.text(),
                self.recorded_by.text(),
            )
        )
        return self.saved_id


class CorrectionDialog(FieldDialog):
    """更正: a new entry with the opposite points names the one it puts right; the old stays visible."""

    def __init__(self, services: Services, entry_id: int, summary: str, parent: QWidget | None = None) -> None:
        super().__init__("更正积分", parent, min_width=480)
        self.points, self.entry_id = services.points, entry_id
        self.saved_id: int | None = None
        self.set_intro(f"将记一笔分值相反的更正记录，抵消第 {entry_id} 条：{summary}\n原记录保留，台账中注明已更正。")
        self.note = self.line("point_note", "", "更正原因，如：记错了党员", max_length=200)
        self.recorded_by = self.line("point_recorded_by", "", max_length=50)

    def submit(self) -> int:
        self.saved_id = self.points.reverse(self.entry_id, self.note.text(), self.recorded_by.text())
        return self.saved_id
