"""党员 tab: the member roster, searchable by name, pinyin initials, ID or phone suffix."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govdesk.changes import Changes
from govdesk.services.bundle import Services
from govdesk.services.home_rules import AGE_BAND_NAMES
from govdesk.vocabulary import HOUSEHOLD_CATEGORIES, MEMBER_STATUSES
from ui.dialogs.end_record_dialog import EndRecordDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.dialogs.people_dialogs import PlaqueDialog
from ui.dialogs.people_member_links import MemberLinksDialog
from ui.excel_actions import add_excel_actions
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import register_print_button

COLUMN_WIDTHS = {
    "name": 5,
    "sex": 2.5,
    "birth_date": 6,
    "id_number": 11,
    "status": 5,
    "branch": 8,
    "party_group": 8,
    "joined_on": 6,
    "phone": 7.5,
    "plaque_kind": 6,
}
MEMBER_END_REASONS = ("转出", "去世", "出党", "停止党籍", "录入错误", "其他")


class MembersTab(ListTab):
    count_noun = "人"
    shows = Changes.MEMBERS | Changes.HOUSEHOLDS | Changes.MEETINGS  # 户类别 filter; the meetings pane

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            jobs,
            services.members,
            parent,
            search_hint="姓名 / 拼音首字母 / 身份证或电话后几位",
        )
        self.add_filter("branch_id", "支部", [])
        self.add_filter("party_group_id", "党小组", [])
        self.add_filter("status", "党员状态", [(s, s) for s in MEMBER_STATUSES])
        self.add_filter("villager_group_id", "村民小组", [])
        self.add_filter("grid_id", "网格", [])
        self.refresh_choices()
        self.add_filter("category", "户类别", [(c, c) for c in HOUSEHOLD_CATEGORIES])
        self.add_filter("age_band", "年龄段", [(b, b) for b in AGE_BAND_NAMES])
        self.add_filter("anniversary", "入党纪念日", [("本月及近7天", True)])
        self.add_action("新增", "fa5s.user-plus", self.add_member)
        self.add_action("修改", "fa5s.user-edit", self.edit_current, needs_row=True)
        self.add_action("注销", "fa5s.user-slash", self.end_current, needs_active=True)
        self.print_button = register_print_button(self, services, jobs, "members")  # 打印: 公开版 / 内部版
        self.add_first_action(self.print_button)
        self.add_action("联户", "fa5s.hands-helping", self.edit_links, needs_active=True)
        self.add_action("挂牌", "fa5s.award", self.edit_plaque, needs_active=True)
        self.add_action("岗位/状态", "fa5s.history", self.change_status, needs_active=True)
        self.add_action("荣誉", "fa5s.medal", self.show_honours, needs_row=True)
        add_excel_actions(self, "members")
        self.add_action("积分", "fa5s.star", self.show_points, needs_row=True)
        self.add_action("党费", "fa5s.yen-sign", self.show_dues, needs_row=True)
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("post"))
        self.table.setObjectName("members.table")  # its column widths are remembered by this key
        self.finish_layout(self._with_meetings_pane())

    def _with_meetings_pane(self) -> QWidget:
        """The list above, the selected member's meetings this year below (issue G)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter

        from ui.member_meetings_pane import MemberMeetingsPane

        self.meetings_pane = MemberMeetingsPane(self.services.member_details, self.jobs)
        self.table.selectionModel().selectionChanged.connect(
            lambda *_a: self.meetings_pane.show_member(self.current_id())
        )
        self.model.modelReset.connect(lambda: self.meetings_pane.show_member(self.current_id()))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("members.split")
        splitter.addWidget(self.table)
        splitter.addWidget(self.meetings_pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        return splitter

    def refresh_choices(self) -> None:
        """Filter choices from the organisation; refreshed when the organisation changes."""
        village = self.services.village
        self.set_filter_choices("branch_id", [(b.name, b.id) for b in village.branches()])
        self.set_filter_choices("party_group_id", [(g.name, g.id) for g in village.party_groups()])
        self.set_filter_choices("villager_group_id", [(g.name, g.id) for g in village.villager_groups()])
        self.set_filter_choices("grid_id", [(g.name, g.id) for g in village.grids()])

    def _member_dialog(self, member_id: int | None) -> MemberDialog:
        posts = [name for _id, name in self.services.posts.post_names()]
        return MemberDialog(self.services.members, self.services.village, member_id, self, posts)

    def add_member(self) -> None:
        self.open_dialog(lambda: self._member_dialog(None), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def edit_current(self) -> None:
        self.edit_selected(self._member_dialog)

    def end_current(self) -> None:
        members = self.services.members

        def dialog(member_id: int) -> EndRecordDialog:
            return EndRecordDialog(
                f"党员 {members.get(member_id).name}",
                lambda on, reason: members.end(member_id, on, reason),
                self,
                reasons=MEMBER_END_REASONS,
            )

        self.edit_selected(dialog, active_only=True, keep=False)

    def edit_links(self) -> None:
        """党员联户: the households this member keeps in touch with."""
        member_id = self.current_active_id()
        if member_id is None:
            return
        s = self.services
        name = s.members.get(member_id).name
        self.run_dialog(MemberLinksDialog(name, member_id, s.member_details, s.households, self.run_dialog, self))

    def edit_plaque(self) -> None:
        """挂牌亮户: the plaque on the member's home and since when."""
        members, details = self.services.members, self.services.member_details

        def dialog(member_id: int) -> PlaqueDialog:
            m = members.get(member_id)
            return PlaqueDialog(
                m.plaque_kind, m.plaque_on, lambda kind, on: details.set_plaque(member_id, kind, on or None), self
            )

        self.edit_selected(dialog, active_only=True)

    def change_status(self) -> None:
        """岗位与状态: the member's posts and status history, and a 状态变更 (转正, 流动, 留党察看 …)."""
        from ui.dialogs.post_dialogs import StatusChangeDialog

        self.edit_selected(lambda member_id: StatusChangeDialog(self.services, member_id, self), active_only=True)

    def show_points(self) -> None:
        """The member's points this year (积分制): summary line and entries."""
        from ui.points_member_dialog import MemberPointsDialog

        member_id = self.current_id()
        if member_id is not None:
            name = self.services.members.get(member_id).name
            self.run_dialog(MemberPointsDialog(self.services, member_id, name, self))

    def show_dues(self) -> str:
        """The member's 党费 this year: monthly amount, months paid, arrears (组织生活 → 党费 has the book)."""
        member_id = self.current_id()
        if member_id is None:
            return ""
        name = self.services.members.get(member_id).name
        text = self.services.member_details.dues_this_year(member_id)
        self.say(f"{name}　{text}")
        return text

    def say(self, text: str) -> None:
        """A seam: tests read what was said instead of a message box."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, "党费", text)

    def show_honours(self) -> None:
        """The member's 评先评优 (优秀共产党员 …), read only; entered on 村务 → 评先评优."""
        from ui.dialogs.honour_dialogs import MemberHonoursDialog

        member_id = self.current_id()
        if member_id is not None:
            name = self.services.members.get(member_id).name
            self.run_dialog(MemberHonoursDialog(self.services, member_id, name, self))
