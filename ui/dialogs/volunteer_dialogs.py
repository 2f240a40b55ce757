"""志愿服务 dialogs: a team, a volunteer joining or leaving, an activity with its participants'
hours. Each is a ``FieldDialog`` whose 确定 calls one service method; the domain's Chinese
messages land beside the fields they name and nothing is written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from govdesk.errors import FieldError, ValidationError
from govdesk.services.volunteers import ActivityInput, TeamInput, VolunteerService
from ui.dialogs.common import FieldDialog, date_of
from ui.search_picker import SearchPicker

ID_ROLE = Qt.ItemDataRole.UserRole


class ResidentPicker(SearchPicker):
    """Type part of a name (or the ID number's last digits); pick the resident from the matches."""

    def __init__(self, volunteers: VolunteerService, parent: QWidget | None = None) -> None:
        super().__init__("姓名 / 身份证后几位", parent)
        self.volunteers = volunteers
        self.list.setMinimumHeight(90)
        self.list.setMaximumHeight(130)

    def matches(self, text: str) -> list[tuple[int, str]]:
        return self.volunteers.find_residents(text)

    def resident_id(self) -> int | None:
        return self.chosen_id()


def team_combo(volunteers: VolunteerService, current: int | None = None) -> QComboBox:
    combo = QComboBox()
    for t in volunteers.teams():
        combo.addItem(t.name, t.id)
    if current is not None:
        combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class TeamDialog(FieldDialog):
    """新建 / 修改 a team: name, leader (a resident), what it does."""

    def __init__(self, volunteers: VolunteerService, team_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("修改服务队" if team_id else "新建服务队", parent, min_width=480)
        self.volunteers, self.team_id = volunteers, team_id
        team = next((t for t in volunteers.teams() if t.id == team_id), None)
        self.set_intro("如 应急救助、日常服务、矛盾调解、环境卫生、关爱老人服务队。队长从居民中选（一般由党员担任）。")
        self.name = self.line("volunteer_team_name", team.name if team else "", max_length=40)
        caption = f"队长（现为 {team.leader_name}）" if team and team.leader_name else "队长"
        self.leader = self.add_row("volunteer_team_leader", ResidentPicker(volunteers), caption)
        self._leader_now = team.leader_resident_id if team else None
        self.purpose = self.text_box("volunteer_team_purpose", team.purpose if team else "", 60)

    def submit(self) -> int:
        leader = self.leader.resident_id() or self._leader_now
        return self.volunteers.save_team(TeamInput(self.name.text(), leader, self.purpose.toPlainText()), self.team_id)


class JoinDialog(FieldDialog):
    """A resident joins a team on a day."""

    def __init__(self, volunteers: VolunteerService, team_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__("志愿者加入服务队", parent, min_width=480)
        self.volunteers = volunteers
        self.team = self.add_row("volunteer_team", team_combo(volunteers, team_id))
        self.picker = self.add_row("volunteer_name", ResidentPicker(volunteers))
        self.joined = self.date_field("volunteer_joined_on", volunteers.today())
        self.note = self.line("volunteer_note", "", max_length=200)

    def submit(self) -> int:
        rid = self.picker.resident_id()
        if rid is None:
            raise ValidationError([FieldError("volunteer_name", "志愿者", "请先搜索并选中一位居民")])
        if self.team.currentData() is None:
            raise ValidationError([FieldError("volunteer_team", "服务队", "请先新建服务队")])
        return self.volunteers.join(int(self.team.currentData()), rid, date_of(self.joined), self.note.text())


class LeaveDialog(FieldDialog):
    """A volunteer leaves: the first day no longer on the team."""

    def __init__(self, volunteers: VolunteerService, volunteer_id: int, name: str, parent: QWidget | None = None):
        super().__init__("志愿者退出服务队", parent, min_width=380)
        self.volunteers, self.volunteer_id = volunteers, volunteer_id
        self.set_intro(f"{name} 退出服务队。已登记的活动保留；退出日期起不能再参加本队活动。")
        self.left = self.date_field("volunteer_left_on", volunteers.today())

    def submit(self) -> None:
        self.volunteers.leave(self.volunteer_id, date_of(self.left))


class ActivityDialog(FieldDialog):
    """登记 / 修改 an activity: the team's volunteers on the day are listed; tick who took part
    and their hours (the other team's members, or those not yet joined, cannot be chosen)."""

    def __init__(
        self,
        volunteers: VolunteerService,
        activity_id: int | None = None,
        team_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("修改志愿服务活动" if activity_id else "登记志愿服务活动", parent, min_width=620)
        self.volunteers, self.activity_id = volunteers, activity_id
        view = volunteers.activity(activity_id) if activity_id else None
        self._hours: dict[int, float] = dict(view.hours) if view else {}
        self._names: dict[int, str] = dict(view.names) if view else {}
        self.team = self.add_row("volunteer_team", team_combo(volunteers, view.team_id if view else team_id))
        self.day = self.date_field("volunteer_activity_day", view.day if view else volunteers.today())
        self.place = self.line("volunteer_activity_place", view.place if view else "", max_length=100)
        self.content = self.text_box("volunteer_activity_content", view.content if view else "", 60)
        self.people = QTableWidget(0, 2)
        self.people.setHorizontalHeaderLabels(["志愿者（勾选参加的）", "服务时长（小时）"])
        self.people.horizontalHeader().setStretchLastSection(True)
        self.people.setColumnWidth(0, 260)
        self.people.verticalHeader().setVisible(False)
        self.people.setMinimumHeight(200)
        self.add_row("volunteer_participants", self.people)
        self.team.currentIndexChanged.connect(lambda _i: self.fill_people())
        self.day.dateChanged.connect(lambda _d: self.fill_people())
        self.fill_people()

    def _keep_ticks(self) -> None:
        for row in range(self.people.rowCount()):
            item = self.people.item(row, 0)
            spin = self.people.cellWidget(row, 1)
            rid = item.data(ID_ROLE)
            if item.checkState() == Qt.CheckState.Checked:
                self._hours[rid] = spin.value()  # type: ignore[union-attr]
            else:
                self._hours.pop(rid, None)

    def fill_people(self) -> None:
        """The team's volunteers on the chosen day, ticked as they were."""
        if self.people.rowCount():
            self._keep_ticks()
        try:
            day = self.day.value() or date.today()
        except ValueError:
            return
        team = self.team.currentData()
        on = self.volunteers.volunteers_on(int(team), day) if team is not None else []
        self.people.setRowCount(len(on))
        for row, (rid, name) in enumerate(on):
            self._names[rid] = name
            item = QTableWidgetItem(name)
            item.setData(ID_ROLE, rid)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rid in self._hours else Qt.CheckState.Unchecked)
            self.people.setItem(row, 0, item)
            spin = QDoubleSpinBox()
            spin.setRange(0, 24)
            spin.setSingleStep(0.5)
            spin.setDecimals(1)
            spin.setValue(self._hours.get(rid, 2.0))
            self.people.setCellWidget(row, 1, spin)

    def tick(self, resident_id: int, hours: float) -> None:
        """Tick one volunteer with their hours (the keyboard way, and the tests')."""
        for row in range(self.people.rowCount()):
            item = self.people.item(row, 0)
            if item.data(ID_ROLE) == resident_id:
                item.setCheckState(Qt.CheckState.Checked)
                self.people.cellWidget(row, 1).setValue(hours)  # type: ignore[union-attr]

    def chosen(self) -> dict[int, object]:
        self._keep_ticks()
        shown = {self.people.item(r, 0).data(ID_ROLE) for r in range(self.people.rowCount())}
        return {rid: h for rid, h in self._hours.items() if rid in shown}

    def submit(self) -> int:
        team = self.team.currentData()
        if team is None:
            raise ValidationError([FieldError("volunteer_team", "服务队", "请先新建服务队")])
        data = ActivityInput(int(team), date_of(self.day), self.place.text(), self.content.toPlainText(), self.chosen())
        return self.volunteers.save_activity(data, self.activity_id)

    def saved(self) -> None:
        notes = self.volunteers.points_withheld(int(self.result_value))
        if notes:
            self.tell("活动已保存。以下党员的志愿服务积分因达到积分上限未记入：\n" + "\n".join(notes))
