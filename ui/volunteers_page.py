"""村务 → 志愿服务: the teams (with this year's activities and hours) above two SQL-paged lists,
the activities and the volunteers, each with its actions (登记活动, 加入, 退出 …) and the prints
(the year's volunteer-hours list, a team's roster). Writes go through ``VolunteerService``."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.labels import label
from govdesk.services.bundle import Services
from govdesk.services.listing import ColumnSpec, Row
from govdesk.services.volunteers import VolunteerService
from ui.areas.pages import PageSpec
from ui.areas.village_affairs import PAGES
from ui.dialogs.volunteer_dialogs import ActivityDialog, JoinDialog, LeaveDialog, TeamDialog
from ui.jobs import JobRunner, show_error
from ui.list_tab import ListTab, make_table_view, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document
from ui.table_model import RowListModel

TEAM_COLUMNS = (
    ColumnSpec("name", label("volunteer_team")),
    ColumnSpec("leader", label("volunteer_team_leader")),
    ColumnSpec("volunteers", "现有队员"),
    ColumnSpec("activities", label("volunteer_activities_this_year")),
    ColumnSpec("hours", label("volunteer_hours_this_year")),
    ColumnSpec("purpose", label("volunteer_team_purpose")),
)


class TeamFilteredList(ListTab):
    """A 志愿服务 list with a 服务队 filter whose choices follow changes to the teams."""

    volunteers: VolunteerService

    def refresh_choices(self) -> None:
        self.set_filter_choices("team_id", [(t.name, t.id) for t in self.volunteers.teams()])

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.VILLAGE_LIFE:
            self.refresh_choices()
        super().on_changes(changes)


class ActivitiesList(TeamFilteredList):
    count_noun = "次活动"
    shows = Changes.VILLAGE_LIFE

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        self.volunteers: VolunteerService = services.volunteers
        super().__init__(services, jobs, self.volunteers.activity_list, parent, search_hint="服务内容 / 地点")
        self.show_ended.hide()
        self.add_filter("team_id", "服务队", [])
        year = self.volunteers.today().year
        self.add_filter("year", "年份", [(f"{y}年", y) for y in range(year, year - 5, -1)])
        self.refresh_choices()
        self.add_action("登记活动", "fa5s.plus", self.add_activity)
        self.add_action("修改", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("删除", "fa5s.trash-alt", self.delete_current, needs_row=True)
        self.table.setObjectName("volunteers.activities")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, {"day": 6, "team": 8, "place": 8, "content": 20, "participants": 4})
        stretch_column(self.table, keys.index("content"))
        self.finish_layout()

    def add_activity(self) -> None:
        team = self._filters["team_id"].currentData()
        self.open_dialog(lambda: ActivityDialog(self.volunteers, None, team, self), lambda d: d.result_id)

    def edit_current(self) -> None:
        self.edit_selected(lambda aid: ActivityDialog(self.volunteers, aid, None, self))

    def delete_current(self) -> None:
        aid = self.current_id()
        if aid is None:
            return
        answer = QMessageBox.question(self, "删除活动", "删除这次志愿服务活动（及参加人员的时长）？")
        if answer == QMessageBox.StandardButton.Yes:
            try:
                self.volunteers.delete_activity(aid)
            except Exception as exc:  # noqa: BLE001 - a Chinese message for the clerk, never a traceback
                show_error(exc, self)


class VolunteersList(TeamFilteredList):
    count_noun = "人次"
    shows = Changes.VILLAGE_LIFE | Changes.RESIDENTS | Changes.MEMBERS

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        self.volunteers: VolunteerService = services.volunteers
        super().__init__(services, jobs, self.volunteers.volunteer_list, parent, search_hint="志愿者姓名")
        self.show_ended.setText("显示已退出")
        self.add_filter("team_id", "服务队", [])
        self.refresh_choices()
        self.add_action("加入", "fa5s.user-plus", self.join)
        self.add_action("退出", "fa5s.user-minus", self.leave_current, needs_active=True)
        self.table.setObjectName("volunteers.people")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, {"name": 6, "team": 8, "joined_on": 6, "left_on": 6, "is_member": 3})
        self.finish_layout()

    def _update_count(self) -> None:
        suffix = "（含已退出）" if self.model.query.include_ended else ""
        self.count_label.setText(f"共 {self.model.rowCount():,} {self.count_noun}{suffix}")

    def join(self) -> None:
        team = self._filters["team_id"].currentData()
        self.open_dialog(lambda: JoinDialog(self.volunteers, team, self), lambda d: d.result_id)

    def edit_current(self) -> None:
        """Double-click: nothing to edit in a membership but its end (退出)."""

    def leave_current(self) -> None:
        row = self.current_row()
        found = self.model.row_at(row) if row is not None else None
        if found is None or found.ended:
            return
        name = str(found.values[0])
        self.edit_selected(lambda vid: LeaveDialog(self.volunteers, vid, name, self), active_only=True)


class VolunteersPage(QWidget):
    """The 志愿服务 page: teams on top, activities and volunteers below."""

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.jobs = services, jobs
        self.volunteers = services.volunteers
        self.requests: list[PrintRequest] = []
        self.team_model = RowListModel(TEAM_COLUMNS, parent=self)
        self.teams = make_table_view(self)
        self.teams.setObjectName("volunteers.teams")
        self.teams.setModel(self.team_model)
        self.teams.setSortingEnabled(False)
        keys = [c.key for c in TEAM_COLUMNS]
        set_column_widths(self.teams, keys, {"name": 8, "leader": 5, "volunteers": 4, "activities": 6, "hours": 8})
        self.teams.doubleClicked.connect(lambda _i: self.edit_team())
        self.teams.selectionModel().selectionChanged.connect(lambda *_a: self._team_picked())

        bar = QHBoxLayout()
        self.summary = QLabel()
        bar.addWidget(QLabel("<b>志愿服务队</b>"))
        bar.addWidget(self.summary, 1)
        for text, icon, slot in (
            ("新建服务队", "fa5s.plus", self.add_team),
            ("修改服务队", "fa5s.edit", self.edit_team),
        ):
            button = QPushButton(qta.icon(icon), text)
            button.clicked.connect(lambda _c=False, s=slot: s())
            bar.addWidget(button)
        self.print_button = QPushButton(qta.icon("fa5s.print"), "打印")
        menu = QMenu(self.print_button)
        menu.addAction("今年志愿服务时长名单…", self.print_year)
        menu.addAction("所选服务队队员名单…", self.print_roster)
        menu.addSeparator()
        menu.addAction("导出今年志愿服务台账（Excel）…", self.export_year)
        self.print_button.setMenu(menu)
        bar.addWidget(self.print_button)

        top = QWidget()
        top_lay = QVBoxLayout(top)
        top_lay.setContentsMargins(0, 0, 0, 0)
        top_lay.addLayout(bar)
        top_lay.addWidget(self.teams)
        self.activities = ActivitiesList(services, jobs, self)
        self.people = VolunteersList(services, jobs, self)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.activities, "活动记录")
        self.tabs.addTab(self.people, "志愿者")
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("volunteers.split")
        split.addWidget(top)
        split.addWidget(self.tabs)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.addWidget(split)
        self.refresh_teams()

    # --- teams -----------------------------------------------------------------------------
    def refresh_teams(self) -> None:
        keep = self.current_team()
        teams = self.volunteers.teams()
        self.team_model.set_rows(
            [Row(t.id, (t.name, t.leader_name, t.volunteers, t.activities, f"{t.hours:g}", t.purpose)) for t in teams]
        )
        acts, hours = sum(t.activities for t in teams), sum(t.hours for t in teams)
        self.summary.setText(f"　{len(teams)} 支队，今年开展活动 {acts} 次，累计 {hours:g} 小时")
        if keep is not None:
            for row in range(self.team_model.rowCount()):
                if self.team_model.row_id(row) == keep:
                    self.teams.selectRow(row)

    def current_team(self) -> int | None:
        rows = self.teams.selectionModel().selectedRows() if self.teams.selectionModel() else []
        return self.team_model.row_id(rows[0].row()) if rows else None

    def _team_picked(self) -> None:
        team = self.current_team()
        for tab in (self.activities, self.people):
            combo = tab._filters["team_id"]
            combo.setCurrentIndex(max(combo.findData(team), 0) if team is not None else 0)

    def run_dialog(self, dialog: object) -> bool:
        return self.activities.run_dialog(dialog)  # type: ignore[arg-type]

    def add_team(self) -> None:
        self.activities.open_dialog(lambda: TeamDialog(self.volunteers, None, self))

    def edit_team(self) -> None:
        team = self.current_team()
        if team is not None:
            self.activities.open_dialog(lambda: TeamDialog(self.volunteers, team, self))

    def on_changes(self, changes: Changes) -> None:
        if changes & (Changes.VILLAGE_LIFE | Changes.RESIDENTS):
            self.refresh_teams()
        self.activities.on_changes(changes)
        self.people.on_changes(changes)

    # --- prints and Excel ----------------------------------------------------------------
    def export_year(self) -> object:
        from ui.village_exports import export_year

        return export_year(self, self.services, self.jobs, "volunteers", self.volunteers.today().year)

    def _preview(self, build: Callable[[object], object], kind: str) -> PrintRequest:
        request = preview_document(self, self.services, self.jobs, build, kind, label="正在生成志愿服务名单…")
        self.requests.append(request)
        return request

    def print_year(self) -> PrintRequest:
        year = self.volunteers.today().year
        db = self.services.db

        def build(_progress: object) -> object:
            from govdesk.services.volunteers_report import VolunteerReports

            return VolunteerReports(db, self.volunteers.today()).year_pdf(year)

        return self._preview(build, "volunteers.year")

    def print_roster(self) -> PrintRequest | None:
        team = self.current_team()
        if team is None:
            QMessageBox.information(self, "打印队员名单", "请先在上方选中一支服务队。")
            return None
        db = self.services.db

        def build(_progress: object) -> object:
            from govdesk.services.volunteers_report import VolunteerReports

            return VolunteerReports(db, self.volunteers.today()).roster_pdf(team)

        return self._preview(build, "volunteers.roster")


PAGES.register(PageSpec("volunteers", "志愿服务", 10, lambda services, jobs, _nav: VolunteersPage(services, jobs)))
