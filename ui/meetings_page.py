"""组织生活 → 会议: the meetings register (SQL-paged, filtered by kind, unit and year, searched by
topic), the selected meeting's attendance below, and the schedule warnings above."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.meetings.kinds import ABSENT, EXCUSED, MEETING_KINDS
from govdesk.services.bundle import Services
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.dialogs.meeting_dialog import FromDecisionDialog, MeetingDialog
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document

if TYPE_CHECKING:
    from govdesk.meetings.schedule import ScheduleWarning

COLUMN_WIDTHS = {"id": 3, "held_on": 6, "kind": 6, "unit": 9, "topic": 20, "host": 5, "place": 9, "decision": 12}
WARNINGS_SHOWN = 6


class MeetingsPage(ListTab):
    count_noun = "次"
    shows = Changes.MEETINGS | Changes.DECISIONS | Changes.MEMBERS  # a sheet reads the roster and the ticks

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.meetings, parent, search_hint="主题 / 会议记录 / 主持人 / 地点")
        self.show_ended.hide()
        self.add_filter("kind", "会议类型", [(k, k) for k in MEETING_KINDS])
        self.add_filter("unit_id", "支部/党小组", [])
        self.add_filter("year", "年度", [])
        self.refresh_choices()
        self.add_action("登记", "fa5s.plus", self.add_meeting)
        self.add_action("修改/考勤", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("删除", "fa5s.trash", self.delete_current, needs_row=True)
        self.add_action("从五议两公开登记…", "fa5s.link", self.from_decision)
        self.add_action("打印会议记录", "fa5s.print", self.print_current, needs_row=True)
        self.table.setObjectName("meetings.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("topic"))

        self.warnings = QLabel()
        self.warnings.setObjectName("meetings.warnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.layout_.insertWidget(0, self.warnings)

        self.finish_with_detail("meetings", self.show_detail, (3, 1))
        self.show_warnings()
        self.show_detail()

    # --- reading ---------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        meetings = self.services.meetings
        self.set_filter_choices("unit_id", [(name, uid) for uid, name, _kind in meetings.units()])
        self.set_filter_choices("year", [(f"{y}年", y) for y in meetings.years()])

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.MEETINGS:
            self.refresh_choices()
        if changes & (Changes.MEETINGS | Changes.ORGANISATION):
            self.show_warnings()
        super().on_changes(changes)

    def show_warnings(self) -> None:
        """The schedule warnings (支部工作条例): the longest behind first, the rest counted."""
        found: list[ScheduleWarning] = self.services.meetings.schedule_warnings()
        if not found:
            self.warnings.setText("<span style='color:#2e7d32'>各支部、党小组的三会一课均按期召开。</span>")
            return
        lines = [escape(w.text) for w in found[:WARNINGS_SHOWN]]
        more = f"<br>另有 {len(found) - WARNINGS_SHOWN} 项未按期召开" if len(found) > WARNINGS_SHOWN else ""
        self.warnings.setText(
            f"<b style='color:#c62828'>未按期召开（{len(found)} 项）：</b><br>"
            f"<span style='color:#c62828'>{'<br>'.join(lines)}{more}</span>"
        )

    def show_detail(self) -> None:
        meeting_id = self.current_id()
        if meeting_id is None:
            self.detail.setText("<span style='color:#777'>选中一次会议，在这里查看出席情况和会议记录。</span>")
            return
        try:
            v = self.services.meetings.get(meeting_id)
        except GovdeskError:
            self.detail.setText("")
            return
        d = v.data
        parts = [
            f"<b>{d.held_on} {escape(v.unit_name)} {escape(str(d.kind))}</b>　{escape(str(d.topic))}",
            f"地点：{escape(str(d.place)) or '—'}　主持人：{escape(str(d.host)) or '—'}　"
            f"记录人：{escape(str(d.recorder)) or '—'}",
            f"<b>出席情况：</b>{v.summary()}",
        ]
        for mark in (EXCUSED, ABSENT):
            names = [a.name + (f"（{a.reason}）" if a.reason else "") for a in v.sheet if a.mark == mark]
            if names:
                parts.append(f"<b>{mark}：</b>{escape('、'.join(names))}")
        if v.decision:
            parts.append(f"<b>五议两公开：</b>{escape(v.decision.text())}（到会名单以决策台账为准）")
        if d.minutes:
            parts.append(f"<b>会议记录：</b>{escape(str(d.minutes))}")
        self.detail.setText("<br>".join(parts))

    # --- actions ---------------------------------------------------------------------------
    def add_meeting(self) -> None:
        f = self.model.query.filters
        self.open_dialog(
            lambda: MeetingDialog(self.services, None, self, kind=f.get("kind") or "", unit_id=f.get("unit_id")),
            lambda d: d.saved_id,  # type: ignore[attr-defined]
        )

    def edit_current(self) -> None:
        self.edit_selected(lambda mid: MeetingDialog(self.services, mid, self))

    def from_decision(self) -> None:
        self.open_dialog(lambda: FromDecisionDialog(self.services, self), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def print_current(self) -> PrintRequest | None:
        """The selected meeting's 会议记录 with its sign-in table, in the print preview (内部资料)."""
        meeting_id = self.current_id()
        if meeting_id is None:
            return None
        db = self.services.db

        def build(_progress: object) -> object:
            from govdesk.services.meetings_print import meeting_record_pdf  # reportlab only when printing

            return meeting_record_pdf(db, meeting_id)

        return preview_document(self, self.services, self.jobs, build, "meetings.record", label="正在生成会议记录…")

    def delete_current(self) -> None:
        meeting_id = self.current_id()
        if meeting_id is None or not self.confirm_delete(meeting_id):
            return
        try:
            self.services.meetings.delete(meeting_id)
        except GovdeskError as exc:
            self.report(exc)

    def confirm_delete(self, meeting_id: int) -> bool:
        """A seam the tests replace (a modal question)."""
        v = self.services.meetings.get(meeting_id)
        answer = QMessageBox.question(
            self, "删除会议", f"删除 {v.data.held_on} {v.unit_name}{v.data.kind}及其出席记录？（录入错误时使用）"
        )
        return answer == QMessageBox.StandardButton.Yes


def build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return MeetingsPage(services, jobs)


PAGES.register(PageSpec("meetings", "会议", 10, build))
