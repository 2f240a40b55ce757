"""Under the members list: the selected member's meetings this year — attended, on leave,
absent, and the attendance rate (issue G: a member's own page shows their meetings)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from govdesk.services.meetings_query import MemberYear
from govdesk.services.member_details import MemberDetailsService
from ui.jobs import JobRunner
from ui.list_model import Column, ListTableModel
from ui.list_tab import make_table_view

COLUMNS = (
    Column("会议日期", lambda line: line.held_on.isoformat()),
    Column("会议类型", lambda line: line.kind),
    Column("主题", lambda line: line.topic),
    Column(
        "出席情况", lambda line: line.mark + (f"（{line.reason}）" if line.reason else "") if line.mark else "未登记"
    ),
)


class MemberMeetingsPane(QWidget):
    """Read on the job runner's worker (about 0.1 s: each meeting asks the roster rule for that day);
    only the latest selection's answer is shown."""

    def __init__(self, details: MemberDetailsService, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details, self.jobs = details, jobs
        self._asked = 0
        self.shown_member: int | None = None
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = ListTableModel(COLUMNS, self, full_text_tips=True)
        self.table: QTableView = make_table_view(self)
        self.table.setModel(self.model)
        self.table.setObjectName("members.meetings")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        self.show_member(None)

    def show_member(self, member_id: int | None) -> None:
        self._asked += 1
        asked = self._asked
        if member_id is None:
            self.summary.setText("<span style='color:#777'>选中一名党员，在这里查看本年参加会议的情况。</span>")
            self.model.set_items([])
            self.shown_member = None
            return
        self.jobs.submit(
            lambda _ctx: self.details.meetings(member_id),
            lambda year: self._show(member_id, year) if asked == self._asked else None,
            lambda _error: self.model.set_items([]) if asked == self._asked else None,  # the member was removed
            read_only=True,
        )

    def _show(self, member_id: int, year: MemberYear) -> None:
        self.summary.setText(f"<b>本年会议：</b>{year.summary()}")
        self.model.set_items(list(reversed(year.lines)))
        self.table.resizeColumnsToContents()
        self.shown_member = member_id
