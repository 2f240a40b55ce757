"""党员 tab: the member roster, searchable by name, pinyin initials, ID or phone suffix."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from govdesk.errors import GovdeskError
from govdesk.models.people import MEMBER_STATUSES
from govdesk.services.bundle import Services
from ui.dialogs.end_record_dialog import EndRecordDialog
from ui.dialogs.member_dialog import MemberDialog
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths

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
}
MEMBER_END_REASONS = ("转出", "去世", "出党", "停止党籍", "录入错误", "其他")


class MembersTab(ListTab):
    count_noun = "人"

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(
            services,
            jobs,
            services.members,
            parent,
            search_hint="姓名 / 拼音首字母 / 身份证或电话后几位",
        )
        self.add_filter("branch_id", "支部", [(b.name, b.id) for b in services.village.branches()])
        self.add_filter("status", "党员状态", [(s, s) for s in MEMBER_STATUSES])
        self.add_action("新增", "fa5s.user-plus", self.add_member)
        self.add_action("修改", "fa5s.user-edit", self.edit_current, needs_row=True)
        self.add_action("注销", "fa5s.user-slash", self.end_current, needs_active=True)
        set_column_widths(self.table, [c.key for c in self.model.columns], COLUMN_WIDTHS)
        self.finish_layout()

    def add_member(self) -> None:
        dialog = MemberDialog(self.services, None, self)
        if self.run_dialog(dialog):
            self.reload(dialog.saved_id)

    def edit_current(self) -> None:
        member_id = self.current_id()
        if member_id is None:
            return
        try:
            dialog = MemberDialog(self.services, member_id, self)
        except GovdeskError as exc:
            self.report(exc)
            return
        if self.run_dialog(dialog):
            self.reload(member_id)

    def end_current(self) -> None:
        member_id = self.current_active_id()
        if member_id is None:
            return
        name = self.services.members.get(member_id).name
        dialog = EndRecordDialog(
            f"党员 {name}",
            lambda on, reason: self.services.members.end(member_id, on, reason),
            self,
            reasons=MEMBER_END_REASONS,
        )
        if self.run_dialog(dialog):
            self.reload()
