"""民情 area: the 民情台账 list (SQL-paged, searchable, filtered), the selected item in full below,
and the actions — 登记, 修改, 答复/办结, 转为五议两公开事项 (one or several items), 类别, 打印."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from html import escape

import qtawesome as qta
from PySide6.QtWidgets import QAbstractItemView, QMenu, QPushButton, QWidget

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from govdesk.voices.rules import CHANNELS, STATUSES
from ui.dialogs.voice_dialogs import AnswerDialog, CategoriesDialog, ToMatterDialog, VoiceDialog
from ui.jobs import JobRunner
from ui.list_tab import ListTab, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document

COLUMN_WIDTHS = {
    "id": 3,
    "received_on": 6,
    "channel": 5,
    "raised_by": 6,
    "category": 5,
    "content": 20,
    "deadline": 6,
    "status": 4,
    "days_overdue": 4,
    "matter": 10,
}
HINT = "选中一件民情，在这里查看全文、答复和关联的五议两公开事项。"


class VoicesTab(ListTab):
    count_noun = "件"
    shows = Changes.VOICES | Changes.DECISIONS  # an item shows its matter's state

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(services, jobs, services.voices, parent, search_hint="反映内容 / 反映人 / 答复")
        self.show_ended.hide()  # items are never ended, only answered
        self.add_filter("status", "办理状态", [(s, s) for s in STATUSES])
        self.add_filter("channel", "收集渠道", [(c, c) for c in CHANNELS])
        self.add_filter("category", "类别", [])
        self.add_filter("overdue", "逾期", [("仅逾期未答复", True)])
        self.refresh_choices()
        self.add_action("登记", "fa5s.plus", self.add_item)
        self.add_action("修改", "fa5s.edit", self.edit_current, needs_row=True)
        self.add_action("答复/办结", "fa5s.reply", self.answer_current, needs_row=True)
        self.add_action("转为五议两公开事项", "fa5s.share-square", self.to_matter, needs_row=True)
        self.add_action("类别…", "fa5s.tags", self.edit_categories)
        self.print_button = QPushButton(qta.icon("fa5s.print"), "打印")
        self.print_button.requests = []  # type: ignore[attr-defined]
        menu = QMenu(self.print_button)
        for text, public, months_back in (
            ("本月民情月报（内部）…", False, 0),
            ("上月民情月报（内部）…", False, 1),
            ("本月民情办理公开（张贴，姓名隐去）…", True, 0),
            ("上月民情办理公开（张贴，姓名隐去）…", True, 1),
        ):
            menu.addAction(text, lambda p=public, b=months_back: self.print_month(p, b))
        self.print_button.setMenu(menu)
        self.add_first_action(self.print_button)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setObjectName("voices.table")
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("content"))

        self.finish_with_detail("voices", self.show_detail, (3, 1))
        self.show_detail()

    # --- reading ---------------------------------------------------------------------------
    def refresh_choices(self) -> None:
        self.set_filter_choices("category", [(c, c) for c in self.services.voices.categories()])

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.VOICES:
            self.refresh_choices()
        super().on_changes(changes)

    def show_overdue(self) -> None:
        """Only the items waiting past their deadline (the home page opens the list this way)."""
        for key, combo in self._filters.items():
            combo.setCurrentIndex(1 if key == "overdue" else 0)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.table.selectionModel().selectedRows())
        return [rid for r in rows if (rid := self.model.row_id(r)) is not None]

    def show_detail(self) -> None:
        """The selected item in full: content, the answer, the matter it became (and its result)."""
        voice_id = self.current_id()
        if voice_id is None:
            self.detail.setText(
                "<span style='color:#777'>选中一件民情，在这里查看全文、答复和关联的五议两公开事项。</span>"
            )
            return
        try:
            v = self.services.voices.get(voice_id)
        except GovdeskError:
            self.detail.setText("")
            return
        d = v.data
        late = f"<b style='color:#c62828'>　已逾期 {v.days_overdue} 天</b>" if v.days_overdue else ""
        parts = [
            f"<b>第 {v.id} 号</b>　{d.received_on}　{escape(str(d.channel))}　{escape(v.raised_by)}"
            f"　{escape(str(d.category))}　受理人：{escape(str(d.taken_by)) or '—'}",
            f"<b>反映内容：</b>{escape(str(d.content))}",
            f"<b>办理状态：</b>{d.status}　答复期限 {d.deadline}{late}",
        ]
        if d.reply:
            parts.append(
                f"<b>答复：</b>{escape(str(d.reply))}（{escape(str(d.replied_by))}，{d.replied_on or ''}；"
                f"{escape(str(d.satisfaction))}）"
            )
        for m in v.matters:
            parts.append(f"<b>五议两公开事项：</b>{escape(m.text())}")
        if v.duty_log_id:
            parts.append("<span style='color:#777'>由值班记录转来</span>")
        self.detail.setText("<br>".join(parts))

    # --- actions ---------------------------------------------------------------------------
    def add_item(self) -> None:
        self.open_dialog(lambda: VoiceDialog(self.services, None, self), lambda d: d.saved_id)  # type: ignore[attr-defined]

    def edit_current(self) -> None:
        self.edit_selected(lambda vid: VoiceDialog(self.services, vid, self))

    def answer_current(self) -> None:
        self.edit_selected(lambda vid: AnswerDialog(self.services, vid, self))

    def to_matter(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.open_dialog(lambda: ToMatterDialog(self.services, ids, self), lambda _d: ids[0])

    def edit_categories(self) -> None:
        self.open_dialog(lambda: CategoriesDialog(self.services, self))

    def print_month(self, public: bool, months_back: int = 0) -> PrintRequest:
        """Preview the month's report (internal) or its board list (public, archived when printed)."""
        day = self.services.voices.today().replace(day=1)
        for _ in range(months_back):
            day = (day - timedelta(days=1)).replace(day=1)
        build = _month_builder(self.services, day, public)
        from govdesk.services.voices_report import ARCHIVE_BOARD

        request = preview_document(self, self.services, self.jobs, build, ARCHIVE_BOARD, label="正在生成民情月报…")
        self.print_button.requests.append(request)  # type: ignore[attr-defined]
        return request


def _month_builder(services: Services, month: date, public: bool) -> Callable[[Callable[[str], None]], object]:
    def build(_progress: Callable[[str], None]) -> object:
        from govdesk.services.voices_report import VoiceReports  # reportlab only when printing

        reports = VoiceReports(services.db)
        return (reports.board_pdf if public else reports.month_pdf)(month.year, month.month)

    return build
