"""村务 → 评先评优: the ledger of nominations and awards (SQL-paged, searchable, filtered by year,
honour, level, status and recipient), the selected entry in full below, and the actions —
提名/登记, 修改, 评定 (授予 / 未评上), 删除提名, 荣誉目录, 打印光荣榜, 导出 Excel."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import qtawesome as qta
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QPushButton, QWidget

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.honours.rules import LEVELS, RECIPIENTS, STATUS_AWARDED, STATUSES
from govdesk.services.bundle import Services
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.village_affairs import PAGES
from ui.dialogs.honour_dialogs import CatalogueDialog, DecideDialog, HonourDialog
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document

COLUMN_WIDTHS = {
    "year": 4,
    "honour": 7,
    "recipient": 8,
    "kind": 3,
    "level": 4,
    "status": 4,
    "nominated_on": 6,
    "awarded_on": 6,
    "matter": 14,
    "note": 14,
}


class HonoursPage(ListTab):
    count_noun = "条"
    shows = Changes.VILLAGE_LIFE | Changes.DECISIONS | Changes.HOUSEHOLDS | Changes.RESIDENTS

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.honours, parent, search_hint="姓名 / 户主 / 荣誉 / 事迹")
        self.show_ended.hide()  # entries are never ended
        self.add_filter("year", "年度", [])
        self.add_filter("honour", "荣誉", [])
        self.add_filter("level", "级别", [(x, x) for x in LEVELS])
        self.add_filter("status", "状态", [(x, x) for x in STATUSES])
        self.add_filter("recipient", "对象", [(x, x) for x in RECIPIENTS])
        self.refresh_choices()
        self.add_action("提名/登记", "fa5s.plus", self.add_entry)
        self.add_action("修改", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("评定", "fa5s.gavel", self.decide_current, needs_row=True)
        self.add_action("删除提名", "fa5s.trash-alt", self.remove_current, needs_row=True)
        self.add_action("荣誉目录…", "fa5s.list", self.edit_catalogue)
        self.print_button = QPushButton(qta.icon("fa5s.print"), "打印")
        self.print_button.requests = []  # type: ignore[attr-defined]
        menu = QMenu(self.print_button)
        menu.addAction("光荣榜（所选年度，张贴）…", self.print_roll)
        menu.addAction("导出本年度评先评优 Excel…", self.export_year)
        self.print_button.setMenu(menu)
        self.add_first_action(self.print_button)
        self.table.setObjectName("honours.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("note"))

        self.finish_with_detail("honours", self.show_detail, (4, 1))
        self.show_detail()

    # --- reading ---------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        honours = self.services.honours
        self.set_filter_choices("year", [(f"{y} 年", y) for y in honours.years()])
        self.set_filter_choices("honour", [(n, n) for n, _r in honours.catalogue()])

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.VILLAGE_LIFE:
            self.refresh_choices()
        super().on_changes(changes)

    def chosen_year(self) -> int:
        """The year filtered on, else the year whose honours were last given (last year early on)."""
        year = self._filters["year"].currentData()
        return int(year) if year is not None else self.services.honours.today().year

    def show_detail(self) -> None:
        award_id = self.current_id()
        if award_id is None:
            self.detail.setText("<span style='color:#777'>选中一条记录，在这里查看事迹、评定结果和决策事项。</span>")
            return
        try:
            v = self.services.honours.get(award_id)
        except GovdeskError:
            self.detail.setText("")
            return
        d = v.data
        parts = [
            f"<b>{d.year} 年度 {escape(str(d.honour))}</b>（{escape(str(d.level))}）　"
            f"{escape(v.recipient_name)}（{escape(v.recipient)}）　<b>{escape(str(d.status))}</b>",
            f"提名：{d.nominated_on or '—'}　{escape(str(d.nominated_by)) or ''}"
            + (f"　授予：{d.awarded_on}" if d.status == STATUS_AWARDED else ""),
        ]
        if v.matter:
            parts.append(f"<b>决策事项：</b>{escape(v.matter)}")
        if d.note:
            parts.append(f"<b>事迹：</b>{escape(str(d.note))}")
        self.detail.setText("<br>".join(parts))

    # --- actions ---------------------------------------------------------------------------
    def add_entry(self) -> None:
        self.open_dialog(lambda: HonourDialog(self.services, None, self), lambda d: d.result_id)  # type: ignore[attr-defined]

    def edit_current(self) -> None:
        self.edit_selected(lambda aid: HonourDialog(self.services, aid, self))

    def decide_current(self) -> None:
        self.edit_selected(lambda aid: DecideDialog(self.services, aid, self))

    def remove_current(self) -> None:
        award_id = self.current_id()
        if award_id is None:
            return
        view = self.services.honours.get(award_id)
        question = f"删除 {view.data.year} 年度“{view.data.honour}”对 {view.recipient_name} 的提名？"
        if QMessageBox.question(self, "删除提名", question) != QMessageBox.StandardButton.Yes:
            return
        try:
            self.services.honours.remove_nomination(award_id)
        except GovdeskError as exc:
            self.report(exc)

    def edit_catalogue(self) -> None:
        self.open_dialog(lambda: CatalogueDialog(self.services, self))

    def print_roll(self) -> PrintRequest:
        """The chosen year's 光荣榜 in the preview; archived when printed or saved."""
        from govdesk.services.honours_print import ARCHIVE_ROLL

        build = _roll_builder(self.services, self.chosen_year())
        request = preview_document(self, self.services, self.jobs, build, ARCHIVE_ROLL, label="正在生成光荣榜…")
        self.print_button.requests.append(request)  # type: ignore[attr-defined]
        return request

    def choose_save_path(self, title: str, suggested: str) -> str:
        """A seam the tests replace: where the Excel file goes."""
        return QFileDialog.getSaveFileName(self, title, suggested, "Excel 文件 (*.xlsx)")[0]

    def export_year(self) -> None:
        year = self.chosen_year()
        path = self.choose_save_path("导出评先评优", f"{year}年度评先评优.xlsx")
        if not path:
            return

        def work(_ctx: object) -> int:
            from pathlib import Path

            from govdesk.services.honours_print import HonourPrints  # openpyxl only when exporting

            return HonourPrints(self.services.db).export_year(year, Path(path))

        self.jobs.submit(
            work,
            lambda n: QMessageBox.information(self, "导出完成", f"{year}年度评先评优已导出：{n} 条\n{path}"),
            progress_label="正在导出…",
            parent=self,
        )


def _roll_builder(services: Services, year: int) -> Callable[[Callable[[str], None]], object]:
    def build(_progress: Callable[[str], None]) -> object:
        from govdesk.services.honours_print import HonourPrints  # reportlab only when printing

        return HonourPrints(services.db).roll_pdf(year)

    return build


def _build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return HonoursPage(services, jobs)


PAGES.register(PageSpec("honours", "评先评优", 20, _build))
