"""登记 / 修改 a meeting (三会一课, 主题党日 …) with its attendance grid, saved in one go.

The grid lists who should attend on the chosen date (the service computes it from the roster);
changing the kind, the unit or the date re-reads it, keeping the marks of members still on it.
A meeting that was a 五议两公开 党员大会审议 shows that matter and keeps its date and kind: who
was present is the decision log's tick list, only leave reasons and non-voters are entered here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govdesk.meetings.attendance import Attendee
from govdesk.meetings.kinds import MEETING_KINDS
from govdesk.services.bundle import Services
from govdesk.services.meetings import MeetingInput, MeetingView
from govdesk.vocabulary import ORG_BRANCH, ORG_GROUP
from ui.attendance_grid import AttendanceModel, AttendanceView
from ui.dialogs.common import FieldDialog

_INDENT = {ORG_BRANCH: "　", ORG_GROUP: "　　"}
DEFAULT_PLACE = "村党群服务中心会议室"


class MeetingDialog(FieldDialog):
    def __init__(
        self,
        services: Services,
        meeting_id: int | None = None,
        parent: QWidget | None = None,
        *,
        kind: str = "",
        unit_id: int | None = None,
    ) -> None:
        super().__init__("修改会议记录" if meeting_id else "登记会议", parent, min_width=720)
        self.meetings, self.meeting_id = services.meetings, meeting_id
        view: MeetingView | None = self.meetings.get(meeting_id) if meeting_id else None
        today = self.meetings.today()
        d = view.data if view else MeetingInput(kind or MEETING_KINDS[0], unit_id, today, DEFAULT_PLACE)
        self.view = view
        self.saved_id: int | None = meeting_id
        self.kind = self.combo("meeting_kind", MEETING_KINDS, str(d.kind))
        self.unit = self.add_row("meeting_unit", self._unit_combo(d.unit_id))
        self.day = self.date_field("meeting_date", d.held_on)
        self.place = self.line("meeting_place", d.place, max_length=200)
        self.host = self.line("meeting_host", d.host, max_length=50)
        self.recorder = self.line("meeting_recorder", d.recorder, max_length=50)
        self.topic = self.line("meeting_topic", d.topic, "如：学习贯彻党的二十届四中全会精神", max_length=200)
        self.minutes = self.text_box("meeting_minutes", str(d.minutes), 90)
        if view and view.decision:
            self.set_intro(
                f"本次会议即五议两公开事项 {view.decision.text()}：日期和会议类型以决策台账为准，"
                "是否到会以决策台账的实到名单为准（如有错误请在五议两公开中更正）；这里登记请假事由和预备党员等的出席情况。"
            )
            self.kind.setEnabled(False)
            self.day.setEnabled(False)
        self.grid = AttendanceModel(self)
        self.summary = QLabel()
        self.add_row("meeting_attendance", self._grid_panel())
        self.grid.changed.connect(self._show_summary)
        if view is not None:
            self.grid.set_rows(view.sheet)
        else:
            self.reload_expected()
        self.kind.currentTextChanged.connect(lambda _t: self.reload_expected())
        self.unit.currentIndexChanged.connect(lambda _i: self.reload_expected())
        self.day.dateChanged.connect(lambda _d: self.reload_expected())
        self.resize(780, 720)

    def _unit_combo(self, current: object) -> QComboBox:
        combo = QComboBox()
        units = self.meetings.units()
        for uid, name, kind in units:
            combo.addItem(_INDENT.get(kind, "") + name, uid)
        index = combo.findData(current) if current is not None else -1
        if index < 0:  # a new meeting: the first branch
            index = next((i for i, (_u, _n, kind) in enumerate(units) if kind == ORG_BRANCH), 0)
        combo.setCurrentIndex(index)
        return combo

    def _grid_panel(self) -> QWidget:
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        everyone = QPushButton("其余全部出席")
        everyone.setToolTip("把尚未登记的人都记为出席（决策台账决定的不变）")
        everyone.clicked.connect(lambda _c=False: self.grid.set_all_present())
        row.addWidget(everyone)
        lay.addLayout(row)
        self.table = AttendanceView(self.grid)
        self.table.setMinimumHeight(300)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 100)
        self.table.setColumnWidth(2, 140)
        lay.addWidget(self.table)
        hint = QLabel("键盘登记：1 出席　2 请假（填写事由后回车）　3 缺席，自动跳到下一人")
        hint.setStyleSheet("color: #666;")
        lay.addWidget(hint)
        return panel

    def _show_summary(self) -> None:
        c = self.grid.counts()
        unmarked = len(self.grid.rows) - sum(c.values())
        rest = f"，未登记 {unmarked} 人" if unmarked else ""
        self.summary.setText(
            f"应到 {len(self.grid.rows)} 人：出席 {c['出席']} 人，请假 {c['请假']} 人，缺席 {c['缺席']} 人{rest}"
        )

    def reload_expected(self) -> None:
        """Who should attend for the kind, unit and date now chosen; marks kept by member."""
        day, unit = self.day.value(), self.unit.currentData()
        if day is None or unit is None:
            return
        kept: dict[int, Attendee] = {a.member_id: a for a in self.grid.rows}
        rows = []
        for a in self.meetings.expected(self.kind.currentText(), int(unit), day):
            old = kept.get(a.member_id)
            if old is not None:
                a = Attendee(a.member_id, a.name, a.status_on_day, old.mark, old.reason, old.ticked)
            rows.append(a)
        self.grid.set_rows(rows)

    def input(self) -> MeetingInput:
        return MeetingInput(
            kind=self.kind.currentText(),
            unit_id=self.unit.currentData(),
            held_on=self.day.text(),
            place=self.place.text(),
            host=self.host.text(),
            recorder=self.recorder.text(),
            topic=self.topic.text(),
            minutes=self.minutes.toPlainText(),
        )

    def submit(self) -> int:
        marks = self.grid.marks()
        if self.meeting_id is None:
            self.saved_id = self.meetings.create(self.input(), marks)
        else:
            self.meetings.update(self.meeting_id, self.input(), marks)
        return self.saved_id  # type: ignore[return-value]

    def saved(self) -> None:
        if self.saved_id is not None:
            _tell_withheld(self, self.meetings.points_withheld(self.saved_id))


class FromDecisionDialog(FieldDialog):
    """登记 a 五议两公开 党员大会审议 as this register's 支部党员大会: choose the entry and the unit;
    date, place, host, recorder and who was present come from the decision log."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__("从五议两公开登记党员大会", parent, min_width=560)
        self.meetings = services.meetings
        self.saved_id: int | None = None
        self.set_intro(
            "五议两公开的“党员大会审议”也是一次支部党员大会。选择后，会议日期、地点、主持人、记录人和到会名单"
            "均取自决策台账，不必重复登记；之后可补充请假事由和预备党员的出席情况。"
        )
        self.entry = QComboBox()
        for choice in self.meetings.decision_choices():
            self.entry.addItem(choice.text(), choice.entry_id)
        self.add_row("meeting_decision", self.entry)
        self.unit = self.add_row("meeting_unit", QComboBox())
        for uid, name, kind in self.meetings.units():
            if kind != ORG_GROUP:
                self.unit.addItem(_INDENT.get(kind, "") + name, uid)

    def submit(self) -> int:
        from govdesk.errors import RefusedError

        if self.entry.currentData() is None:
            raise RefusedError("没有尚未登记的党员大会审议记录")
        self.saved_id = self.meetings.create_from_decision(int(self.entry.currentData()), self.unit.currentData())
        return self.saved_id

    def saved(self) -> None:
        if self.saved_id is not None:
            _tell_withheld(self, self.meetings.points_withheld(self.saved_id))


def _tell_withheld(dialog: FieldDialog, notes: list[str]) -> None:
    """The meeting is saved; the members a cap left without their attendance points are named."""
    if notes:
        dialog.tell("会议已保存。以下党员的出席积分因达到积分上限未记入：\n" + "\n".join(notes))
