"""村务 → 理事会/村规民约: the councils (SQL-paged, searchable by name, duty or member, filtered by
kind and 村湾), and below the chosen council its members' terms, its meetings with their minutes
and its 章程 versions; the 村规民约 (every version readable, a new one adopted, the current one
printed for the board)."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from govdesk.changes import Changes
from govdesk.councils.rules import COUNCIL_KINDS
from govdesk.services.bundle import Services
from govdesk.services.listing import ColumnSpec, Row
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.village_affairs import PAGES
from ui.dialogs.council_dialogs import (
    CouncilDialog,
    EndTermDialog,
    MeetingDialog,
    TermDialog,
    VersionDialog,
    VersionsDialog,
)
from ui.jobs import JobRunner
from ui.list_tab import ListTab, make_table_view, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document
from ui.table_model import RowListModel

COLUMN_WIDTHS = {"name": 12, "kind": 6, "group": 6, "parent": 10, "chair": 5, "members": 4, "meetings": 4}
TERM_COLUMNS = (
    ColumnSpec("name", "姓名"),
    ColumnSpec("role", "职务"),
    ColumnSpec("started_on", "任职日期"),
    ColumnSpec("ended_on", "离任日期"),
)
MEETING_COLUMNS = (
    ColumnSpec("held_on", "会议日期"),
    ColumnSpec("topic", "议题"),
    ColumnSpec("attendees", "参会"),
    ColumnSpec("place", "地点"),
)
VERSION_COLUMNS = (
    ColumnSpec("version_no", "版本"),
    ColumnSpec("title", "标题"),
    ColumnSpec("adopted", "通过"),
    ColumnSpec("state", "状态"),
)


def _small_table(columns: tuple[ColumnSpec, ...], parent: QWidget) -> tuple[RowListModel, QWidget]:
    model = RowListModel(columns, parent=parent)
    view = make_table_view(parent)
    view.setModel(model)
    return model, view


class CouncilsPage(ListTab):
    count_noun = "个"
    shows = Changes.VILLAGE_LIFE | Changes.RESIDENTS | Changes.DECISIONS

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.councils, parent, search_hint="理事会名称 / 职责 / 成员姓名")
        self.show_ended.hide()
        self.add_filter("kind", "类别", [(k, k) for k in COUNCIL_KINDS])
        self.add_filter("villager_group_id", "村湾", [])
        self.refresh_choices()
        self.add_action("新建", "fa5s.plus", self.add_council)
        self.add_action("修改", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("添加成员", "fa5s.user-plus", self.add_term, needs_row=True)
        self.add_action("成员离任", "fa5s.user-minus", self.end_term, needs_row=True)
        self.add_action("记录会议", "fa5s.users", self.add_meeting, needs_row=True)
        self.add_action("章程新版本", "fa5s.file-signature", self.new_charter, needs_row=True)
        self.rules_button = QPushButton(qta.icon("fa5s.scroll"), "村规民约")
        self.rules_button.requests = []  # type: ignore[attr-defined]
        menu = QMenu(self.rules_button)
        menu.addAction("查看各版本 / 录入新版本…", self.show_rules)
        menu.addAction("打印现行村规民约（张贴）…", self.print_rules)
        self.rules_button.setMenu(menu)
        self.add_first_action(self.rules_button)
        self.table.setObjectName("councils.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("name"))

        self.terms, terms_view = _small_table(TERM_COLUMNS, self)
        self.terms_view = terms_view
        self.meetings, meetings_view = _small_table(MEETING_COLUMNS, self)
        self.meetings_view = meetings_view
        self.minutes = QLabel()
        self.minutes.setWordWrap(True)
        self.minutes.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.minutes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        meetings_box = QWidget()
        box = QVBoxLayout(meetings_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(meetings_view, 3)
        box.addWidget(self.minutes, 1)
        self.charters, charters_view = _small_table(VERSION_COLUMNS, self)
        self.charters_view = charters_view
        charters_view.doubleClicked.connect(lambda _i: self.show_charters())
        self.details = QTabWidget()
        self.details.setObjectName("councils.details")
        self.details.addTab(terms_view, "成员")
        self.details.addTab(meetings_box, "会议")
        self.details.addTab(charters_view, "章程（双击查看全文）")
        meetings_view.selectionModel().selectionChanged.connect(lambda *_a: self._show_minutes())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.show_council())
        self.model.modelReset.connect(self.show_council)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("councils.split")
        splitter.addWidget(self.table)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.finish_layout(splitter)
        self.show_council()

    # --- reading ---------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        self.set_filter_choices("villager_group_id", [(g.name, g.id) for g in self.services.village.villager_groups()])

    def show_council(self) -> None:
        council_id = self.current_id()
        if council_id is None:
            for model in (self.terms, self.meetings, self.charters):
                model.set_rows([])
            self.minutes.setText("<span style='color:#777'>选中一个理事会，查看成员、会议和章程。</span>")
            return
        councils = self.services.councils
        self.terms.set_rows(
            [
                Row(t.id, (t.name, t.role, t.started_on, t.ended_on), ended=t.ended_on is not None)
                for t in councils.terms(council_id)
            ]
        )
        self._meetings = councils.meetings(council_id)
        self.meetings.set_rows(
            [Row(m.id, (m.held_on, m.topic, f"{len(m.attendees)} 人", m.place)) for m in self._meetings]
        )
        self.charters.set_rows(
            [
                Row(v.id, (f"第 {v.version_no} 版", v.title, v.adopted_text(), "现行" if v.current else "已废止"))
                for v in councils.versions(council_id)
            ]
        )
        self._show_minutes()

    def _show_minutes(self) -> None:
        rows = self.meetings_view.selectionModel().selectedRows()
        meeting = self._meetings[rows[0].row()] if rows and rows[0].row() < len(self._meetings) else None
        if meeting is None:
            self.minutes.setText("<span style='color:#777'>选中一次会议，查看参会成员和纪要。</span>")
            return
        guests = f"；列席：{meeting.guests}" if meeting.guests else ""
        self.minutes.setText(f"参会：{'、'.join(meeting.attendees)}{guests}\n纪要：{meeting.minutes or '—'}")
        self.minutes.setTextFormat(Qt.TextFormat.PlainText)

    def current_term(self) -> Row | None:
        rows = self.terms_view.selectionModel().selectedRows()
        return self.terms.row_at(rows[0].row()) if rows else None

    # --- actions ---------------------------------------------------------------------------
    def add_council(self) -> None:
        self.open_dialog(lambda: CouncilDialog(self.services, None, self), lambda d: d.result_id)  # type: ignore[attr-defined]

    def edit_current(self) -> None:
        self.edit_selected(lambda cid: CouncilDialog(self.services, cid, self))

    def add_term(self) -> None:
        self.edit_selected(lambda cid: TermDialog(self.services, cid, self))

    def end_term(self) -> None:
        term = self.current_term()
        if term is None or term.ended:
            self.report_hint("请先在下方“成员”中选中一位在任成员")
            return
        self.edit_selected(lambda _cid: EndTermDialog(self.services, term.id, str(term.values[0]), self))

    def add_meeting(self) -> None:
        self.edit_selected(lambda cid: MeetingDialog(self.services, cid, self))

    def new_charter(self) -> None:
        self.edit_selected(lambda cid: VersionDialog(self.services, cid, self))

    def show_charters(self) -> None:
        council_id = self.current_id()
        if council_id is not None:
            self.run_dialog(VersionsDialog(self.services, council_id, self))

    def show_rules(self) -> None:
        self.run_dialog(VersionsDialog(self.services, None, self))

    def report_hint(self, text: str) -> None:
        from govdesk.errors import RefusedError

        self.report(RefusedError(text))

    def print_rules(self) -> PrintRequest:
        """The 村规民约 in force as a board notice; archived when printed or saved."""
        from govdesk.services.charters_print import ARCHIVE_RULES

        request = preview_document(
            self, self.services, self.jobs, _rules_builder(self.services), ARCHIVE_RULES, label="正在生成村规民约…"
        )
        self.rules_button.requests.append(request)  # type: ignore[attr-defined]
        return request


def _rules_builder(services: Services) -> Callable[[Callable[[str], None]], object]:
    def build(_progress: Callable[[str], None]) -> object:
        from govdesk.services.charters_print import CharterPrints  # reportlab only when printing

        return CharterPrints(services.db).village_rules_pdf()

    return build


def _build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return CouncilsPage(services, jobs)


PAGES.register(PageSpec("councils", "理事会/村规民约", 40, _build))
