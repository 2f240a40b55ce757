"""组织生活 → 党费: the year's dues book (a member per row, a column per month: √ paid, 欠 in
arrears, — not owed), searchable and filtered by branch and arrears, the selected member's
ledger below, and the actions — 登记交费 (asking when the amount is not months × the monthly
amount), 更正 (a reversing line), 月交纳额, 同上年, 打印公示."""

from __future__ import annotations

from html import escape
from typing import Any

import qtawesome as qta
from PySide6.QtWidgets import QMessageBox, QPushButton, QSpinBox, QWidget

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from govdesk.services.dues_query import ARREARS_FILTERS
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.dialogs.dues_dialogs import PaymentDialog, RateDialog, ReverseDialog, ask_yes_no
from ui.jobs import JobRunner, show_error
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document

COLUMN_WIDTHS: dict[str, float] = {
    "name": 5,
    "branch": 6,
    "rate": 7.5,
    "paid_months": 7.5,
    "paid_amount": 7.5,
    "arrears": 5.5,
}
COLUMN_WIDTHS.update({f"m{m}": 2 for m in range(1, 13)})
HINT = "选中一名党员，在这里查看本年交费记录。√ 已交，欠 欠缴，— 不需交纳（未在册或免交）。"


class DuesPage(ListTab):
    count_noun = "人"
    shows = Changes.DUES | Changes.MEMBERS | Changes.POSTS  # the roster and status history decide who owed

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.dues, parent, search_hint="姓名 / 拼音首字母")
        self.show_ended.hide()  # the book lists whoever was on the roster in the year
        self.dues = services.dues
        self.ask = ask_yes_no  # a seam: tests answer the amount question without a message box
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(self.dues.today().year)
        self.year.setSuffix(" 年")
        self.year.valueChanged.connect(lambda _y: self._apply_filters())
        self.add_filter_field("年度", self.year)
        self.add_filter("branch_id", "支部", [])
        self.add_filter("arrears", "欠缴", list(ARREARS_FILTERS))
        self.refresh_choices()
        self._apply_filters()
        self.add_action("登记交费", "fa5s.plus", self.record_payment, needs_row=True)
        self.add_action("更正", "fa5s.undo", self.reverse_payment, needs_row=True)
        self.add_action("月交纳额", "fa5s.edit", self.set_rate, needs_row=True)
        self.add_action("同上年", "fa5s.copy", self.copy_rates)
        self.add_action("导出 Excel", "fa5s.file-export", self.export_year)
        self.print_button = QPushButton(qta.icon("fa5s.print"), "打印公示")
        self.print_button.clicked.connect(lambda _c=False: self.print_notice())
        self.print_button.requests = []  # type: ignore[attr-defined]
        self.add_first_action(self.print_button)
        self.table.setObjectName("dues.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)  # type: ignore[arg-type]
        stretch_column(self.table, keys.index("warning"))

        self.finish_with_detail("dues", self.show_detail, (4, 1))
        self.show_detail()

    # --- filters -----------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        self.set_filter_choices("branch_id", [(b.name, b.id) for b in self.services.village.branches()])

    def _apply_filters(self) -> None:
        filters: dict[str, Any] = {key: combo.currentData() for key, combo in self._filters.items()}
        filters["year"] = self.year.value()
        self.model.set_filters(filters)

    def apply_filters(self, filters: dict[str, Any]) -> None:
        """Opened from 首页 (``{"arrears": "listed"}``) or another area: the year given or this year."""
        self.year.blockSignals(True)
        self.year.setValue(int(filters.get("year") or self.dues.today().year))
        self.year.blockSignals(False)
        super().apply_filters(filters)
        self._apply_filters()

    # --- reading ---------------------------------------------------------------------------------
    def show_detail(self) -> None:
        member_id = self.current_id()
        if member_id is None:
            self.detail.setText(f"<span style='color:#777'>{HINT}</span>")
            return
        try:
            view = self.dues.member_year(member_id, self.year.value())
            lines = self.dues.payments(member_id, self.year.value())
        except GovdeskError:
            self.detail.setText("")
            return
        parts = [f"<b>{escape(view.name)}</b>　{escape(view.branch)}　{escape(view.summary())}"]
        if view.arrears.charter_warning:
            from govdesk.dues.rules import CHARTER_NOTE

            parts.append(f"<b style='color:#c62828'>{escape(CHARTER_NOTE)}</b>")
        parts += [escape(p.text() + (f"（{p.taken_by}）" if p.taken_by else "")) for p in lines]
        if not lines:
            parts.append("<span style='color:#777'>本年尚无交费记录</span>")
        self.detail.setText("<br>".join(parts))

    # --- actions ---------------------------------------------------------------------------------
    def record_payment(self) -> None:
        self.edit_selected(lambda mid: PaymentDialog(self.dues, mid, self.year.value(), self, ask=self.ask))

    def edit_current(self) -> None:
        self.record_payment()

    def reverse_payment(self) -> None:
        self.edit_selected(lambda mid: ReverseDialog(self.dues, mid, self.year.value(), self))

    def set_rate(self) -> None:
        self.edit_selected(lambda mid: RateDialog(self.dues, mid, self.year.value(), self))

    def copy_rates(self) -> int:
        """同上年: members without an amount this year get last year's (amounts already set are kept)."""
        year = self.year.value()
        try:
            n = self.dues.copy_rates(year)
        except GovdeskError as exc:
            show_error(exc, self)
            return 0
        self.say(f"已按{year - 1}年的月交纳额为 {n} 名党员设定{year}年的月交纳额（已设定的保持不变）。")
        return n

    def choose_save_path(self, title: str, suggested: str) -> str:
        """A seam: tests give the path instead of a file dialog."""
        from PySide6.QtWidgets import QFileDialog

        return QFileDialog.getSaveFileName(self, title, suggested, "Excel 文件 (*.xlsx)")[0]

    def export_year(self) -> None:
        """The year's book and its ledger as a workbook, written on the worker."""
        year = self.year.value()
        path = self.choose_save_path(f"导出{year}年党费收缴台账", f"{year}年党费收缴台账.xlsx")
        if not path:
            return
        db = self.services.db

        def work(_ctx: Any) -> int:
            from pathlib import Path

            from govdesk.services.dues_report import DuesReports  # openpyxl only when exporting

            return DuesReports(db).export_year(year, Path(path))

        self.jobs.submit(
            work,
            lambda n: self.say(f"{year}年党费收缴台账已导出：{n} 名党员\n{path}"),
            progress_label="正在导出党费收缴台账…",
            parent=self,
        )

    def say(self, text: str) -> None:
        """A seam: tests read what was said instead of a message box."""
        QMessageBox.information(self, "党费", text)

    def print_notice(self) -> PrintRequest:
        year = self.year.value()
        db = self.services.db

        def build(_progress: Any) -> Any:
            from govdesk.services.dues_report import DuesReports  # reportlab only when printing

            return DuesReports(db).notice_pdf(year)

        from govdesk.services.dues_report import ARCHIVE_NOTICE

        request = preview_document(self, self.services, self.jobs, build, ARCHIVE_NOTICE, label="正在生成党费公示…")
        self.print_button.requests.append(request)  # type: ignore[attr-defined]
        return request


def _build(services: Services, jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return DuesPage(services, jobs)


PAGES.register(PageSpec("dues", "党费", 30, _build))
