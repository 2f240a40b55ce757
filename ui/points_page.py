"""组织生活 → 积分台账: the ledger of points (SQL-paged, filtered by year, branch and rule, searched by
name or note), 记分, 更正 of the selected entry, and the 积分公示 print of the year or a quarter.

The 积分 pages are registered here, one module each: 积分细则 (``ui.points_rules_page``), 年终测评
(``ui.points_assessment_page``) and 积分排名 (``ui.points_ranking_page``)."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from govdesk.changes import Changes
from govdesk.errors import RefusedError
from govdesk.services.bundle import Services
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.points_dialogs import CorrectionDialog, EntryDialog
from ui.points_models import LEDGER_WIDTHS as COLUMN_WIDTHS
from ui.print_actions import PrintRequest, preview_document


class PointsLedgerPage(ListTab):
    count_noun = "条"
    shows = Changes.POINTS | Changes.MEMBERS

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.points, parent, search_hint="党员姓名 / 细则 / 说明")
        self.show_ended.hide()  # entries are never ended, only corrected
        this_year = services.points.today().year
        self.year_filter = self.add_filter("year", "年度", [(f"{y}年", y) for y in services.points.years()])
        self.add_filter("branch_id", "支部", [])
        self.add_filter("rule_code", "细则", [])
        self.add_filter("member_id", "党员", [])
        self.refresh_choices()
        self.add_action("记分", "fa5s.plus", self.add_entry)
        self.add_action("更正", "fa5s.undo", self.correct_current, needs_row=True)
        self.print_button = QPushButton(qta.icon("fa5s.print"), "积分公示")
        self.print_button.requests = []  # type: ignore[attr-defined]
        menu = QMenu(self.print_button)
        menu.addAction("本年度积分公示（按综合得分排名）…", lambda: self.print_wall(None))
        for quarter in (1, 2, 3, 4):
            menu.addAction(f"第{'一二三四'[quarter - 1]}季度积分公示…", lambda q=quarter: self.print_wall(q))
        self.print_button.setMenu(menu)
        self.actions_bar.addWidget(self.print_button)
        self.table.setObjectName("points.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("note"))
        self.finish_layout()
        self.year_filter.setCurrentIndex(max(self.year_filter.findData(this_year), 0))

    def refresh_choices(self) -> None:
        self.set_filter_choices("branch_id", [(b.name, b.id) for b in self.services.village.branches()])
        year = self.selected_year()
        self.set_filter_choices("rule_code", [(f"{r.code} {r.name}", r.code) for r in self.services.points.rules(year)])
        if "member_id" in self._filters:
            members = self.services.points.members_on(self.services.points.today())
            self.set_filter_choices("member_id", [(name, member_id) for member_id, name, _branch in members])

    def selected_year(self) -> int:
        chosen = self.year_filter.currentData() if hasattr(self, "year_filter") else None
        return int(chosen) if chosen else self.services.points.today().year

    def _apply_filters(self) -> None:
        super()._apply_filters()
        if hasattr(self, "year_filter") and "rule_code" in self._filters:
            year = self.selected_year()
            rules = [(f"{r.code} {r.name}", r.code) for r in self.services.points.rules(year)]
            self.set_filter_choices("rule_code", rules)

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.POINTS:
            self.set_filter_choices("year", [(f"{y}年", y) for y in self.services.points.years()])
        if changes & Changes.MEMBERS:
            self.refresh_choices()
        super().on_changes(changes)

    # --- actions ---------------------------------------------------------------------------
    def add_entry(self) -> None:
        self.open_dialog(lambda: EntryDialog(self.services, None, self), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def correct_current(self) -> None:
        row = self.current_row()
        found = self.model.row_at(row) if row is not None else None
        if found is None:
            return
        values = found.values
        summary = f"{values[1]} {values[2]} {values[4]} {values[5]} 分"
        if values[-1]:
            self.report(RefusedError(f"第 {found.id} 条{values[-1]}，不能再更正"))
            return
        self.open_dialog(lambda: CorrectionDialog(self.services, found.id, summary, self), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def print_wall(self, quarter: int | None) -> PrintRequest:
        """Preview the 积分公示 of the selected year (or its quarter); archived when printed."""
        from govdesk.services.points_report import ARCHIVE_WALL

        build = _wall_builder(self.services, self.selected_year(), quarter)
        request = preview_document(self, self.services, self.jobs, build, ARCHIVE_WALL, label="正在生成积分公示…")
        self.print_button.requests.append(request)  # type: ignore[attr-defined]
        return request


def _wall_builder(services: Services, year: int, quarter: int | None) -> Callable[[Callable[[str], None]], object]:
    def build(_progress: Callable[[str], None]) -> object:
        from govdesk.services.points_report import PointReports  # reportlab only when printing

        return PointReports(services.db).wall_pdf(year, quarter)

    return build


def _ledger(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return PointsLedgerPage(services, jobs)


PAGES.register(PageSpec("points", "积分台账", 20, _ledger))
