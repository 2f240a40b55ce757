"""五议两公开 tab: the decision ledger, what needs action, and one matter's whole history.

Left: reminders with days overdue above the paged list of matters. Right: the chosen
matter — its procedure as a row of steps (done / failed / next), the buttons for what can
be recorded now, and the append-only history with corrections and hash prefixes. Every
button opens a dialog that calls the decision service; every refusal is the service's own
Chinese message.
"""

from __future__ import annotations

import dataclasses
import html
import json
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.decisions.procedures import KIND_MEETING, KIND_RESULT_NOTICE, KIND_SUGGESTION
from govdesk.decisions.state import STATE_COMPLETED, STATE_ENDED, STATE_FAILED, STATE_POSTED, STATES
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from govdesk.services.decisions_query import MatterView
from govdesk.services.voices import VoiceLine
from ui.dialogs.common import FieldDialog
from ui.dialogs.decision_entries import (
    AnswerDialog,
    DispositionDialog,
    MatterDialog,
    NoticeDialog,
    ObjectionDialog,
    ProgressDialog,
    SuggestionDialog,
)
from ui.dialogs.decision_meeting import MeetingDialog
from ui.dialogs.decision_models import ActionModel, HistoryModel, MatterListModel
from ui.jobs import JobRunner, show_error
from ui.list_tab import add_column_chooser, make_table_view, open_record_dialog, stretch_column

MARK_STYLE = {
    "已通过": ("✔", "#2e7d32"),
    "已完成": ("✔", "#2e7d32"),
    "未通过": ("✘", "#c62828"),
    "待办": ("▶", "#1565c0"),
    "未到": ("○", "#999999"),
    "已终止": ("—", "#999999"),
}


def steps_html(view: MatterView) -> str:
    parts = []
    for st in view.steps:
        sign, color = MARK_STYLE.get(st.mark, ("○", "#999"))
        weight = "bold" if st.mark == "待办" else "normal"
        # A step's name never breaks across lines (a zero-width word joiner between its characters):
        # the row wraps between steps.
        name = "\u2060".join(html.escape(ch) for ch in st.title)
        parts.append(f'<span style="color:{color}; font-weight:{weight}">{sign}&nbsp;{name}</span>')
    return " &nbsp;→&nbsp; ".join(parts)


def header_html(view: MatterView, voices: list[VoiceLine] | tuple[()] = ()) -> str:
    """The matter's header; ``voices``: the 民情 items it was made from (转为五议两公开事项)."""
    st = view.state
    facts = [view.category, view.amount, view.source, view.procedure, f"提出 {view.raised_on.isoformat()}"]
    lines = [
        f'<span style="font-size:15pt; font-weight:bold">{html.escape(view.number)} {html.escape(view.title)}</span>',
        " · ".join(html.escape(f) for f in facts if f),
        f"状态：<b>{html.escape(st.state)}</b>（{html.escape(st.stage)}）",
    ]
    if voices:
        items = "、".join(f"第 {v.id} 号 {v.raised_by}（{v.received_on}）" for v in voices)
        lines.append(f"来源民情：{html.escape(items)}")
    if st.posted_on:
        lines.append(f"决议公示：{st.posted_on} 至 {st.posting_ends_on}；未答复异议 {st.open_objections} 条")
    if st.amount_spent_fen or st.accepted_on:
        spent = f"{st.amount_spent_fen / 100:,.2f} 元"
        lines.append(f"已支出 {spent}；承建 {html.escape(st.contractor or '—')}；验收 {st.accepted_on or '—'}")
    if st.result_posted_on:
        lines.append(f"结果公示：{st.result_posted_on} 至 {st.result_posting_ends_on}")
    lines.append(f'<span style="color:#888">最新校验码 {view.head_hash[:12].upper()}</span>')
    return "<br>".join(lines)


MATTER_COLUMNS_HIDDEN = ("category", "procedure", "last_event_on")


class DecisionsTab(QWidget):
    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.jobs = jobs
        self.svc = services.decisions
        self.current: MatterView | None = None

        self.new_button = QPushButton("新建事项")
        self.new_button.clicked.connect(self.new_matter)
        self.search = QLineEdit()
        self.search.setPlaceholderText("搜索台账编号或事项名称")
        self.search.textChanged.connect(self._apply_filter)
        self.state_filter = QComboBox()
        self.state_filter.addItem("全部状态", "")
        for s in STATES:
            self.state_filter.addItem(s, s)
        self.state_filter.currentIndexChanged.connect(self._apply_filter)
        self.seats_button = QPushButton("村民代表、监委会名单")
        self.seats_button.clicked.connect(self.edit_seats)
        top = QHBoxLayout()
        top.addWidget(self.new_button)
        top.addWidget(self.seats_button)
        top.addWidget(self.search, 1)
        top.addWidget(self.state_filter)

        self.actions_model = ActionModel(self)
        self.actions_view = self._table(self.actions_model)
        self.actions_view.clicked.connect(lambda i: self.show_matter(self.actions_model.items[i.row()].matter_id))
        self.actions_view.setColumnHidden(ActionModel.DUE_COLUMN, True)  # the 逾期/剩余 tooltip names the day
        stretch_column(self.actions_view, 1)
        self.actions_box = QGroupBox("待办提醒")
        QVBoxLayout(self.actions_box).addWidget(self.actions_view)

        self.model = MatterListModel(self.svc, self)
        self.table = self._table(self.model)
        self.table.setObjectName("decisions.matters")  # remembered by these keys (ui/window_state)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        # 类别, 议事程序 and 最近办理 are in the detail header; the header's right-click menu shows them.
        keys = [c.key for c in self.model.columns]
        add_column_chooser(self.table, [keys.index(k) for k in MATTER_COLUMNS_HIDDEN])
        stretch_column(self.table, keys.index("title"))

        left = QSplitter(Qt.Orientation.Vertical)
        left.setObjectName("decisions.left")
        left.addWidget(self.actions_box)
        left.addWidget(self.table)
        left.setStretchFactor(1, 3)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("decisions.split")
        splitter.addWidget(left)
        splitter.addWidget(self._detail_pane())
        # At 1280×800 the lists get a little more than half: the matter name and the 待办 text
        # are what people read; the detail pane wraps its header and history text.
        splitter.setStretchFactor(0, 6)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([680, 580])
        left.setSizes([190, 600])

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(splitter, 1)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _table(self, model: Any) -> QTableView:
        view = make_table_view(self)
        view.setModel(model)
        return view

    def _detail_pane(self) -> QWidget:
        pane = QWidget()
        lay = QVBoxLayout(pane)
        self.header = QLabel("请选择左侧的事项")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps_label = QLabel()
        self.steps_label.setTextFormat(Qt.TextFormat.RichText)
        self.steps_label.setWordWrap(True)
        self.steps_label.setStyleSheet("font-size: 11pt; padding: 6px; background: #f5f5f5; border-radius: 4px;")
        self.next_button = QPushButton("登记下一步")
        self.next_button.setStyleSheet("font-weight: bold;")
        self.next_button.clicked.connect(self.record_next)
        self.dispose_button = QPushButton("退回或终止")
        self.dispose_button.clicked.connect(lambda: self._open(lambda: DispositionDialog(self.svc, self._cur(), self)))
        self.objection_button = QPushButton("登记异议")
        self.objection_button.clicked.connect(lambda: self._open(lambda: ObjectionDialog(self.svc, self._cur(), self)))
        self.answer_button = QPushButton("答复异议")
        self.answer_button.clicked.connect(lambda: self._open(lambda: AnswerDialog(self.svc, self._cur(), self)))
        self.progress_button = QPushButton("登记实施情况")
        self.progress_button.clicked.connect(lambda: self._open(lambda: ProgressDialog(self.svc, self._cur(), self)))
        self.correct_button = QPushButton("更正所选记录")
        self.correct_button.clicked.connect(self.correct_selected)
        self.print_button = QToolButton()
        self.print_button.setText("打印")
        self.print_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.print_menu = QMenu(self.print_button)
        self.print_button.setMenu(self.print_menu)
        self._build_print_menu()
        buttons = QHBoxLayout()
        for b in (
            self.next_button,
            self.dispose_button,
            self.objection_button,
            self.answer_button,
            self.progress_button,
            self.correct_button,
            self.print_button,
        ):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.history_model = HistoryModel(self)
        self.history = self._table(self.history_model)
        self.history.setWordWrap(True)
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.horizontalHeader().setStretchLastSection(False)
        self.history.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        lay.addWidget(self.header)
        lay.addWidget(self.steps_label)
        lay.addLayout(buttons)
        lay.addWidget(QLabel("办理记录（只增不改：更正以新记录登记，原记录保留）"))
        lay.addWidget(self.history, 1)
        return pane

    def _build_print_menu(self) -> None:
        """Print targets come from ui.dialogs.decision_print. The PDF engine is part of govdesk: if it
        cannot be imported that is a broken installation, reported as an error, never a greyed-out button."""
        from ui.dialogs.decision_print import add_print_actions

        add_print_actions(self, self.print_menu)

    # --- data ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.refresh()
        items = self.svc.needs_action(self.svc.today())
        self.actions_model.set_items(items)
        overdue = sum(1 for i in items if i.days_overdue > 0)
        self.actions_box.setTitle(f"待办提醒（{len(items)} 项，其中逾期 {overdue} 项）")
        for col in (0, 2, 4):
            self.actions_view.resizeColumnToContents(col)
        keys = [c.key for c in self.model.columns]
        for key in ("number", "amount", "source", "state", "stage"):
            self.table.resizeColumnToContents(keys.index(key))
        if self.current is not None:
            self.show_matter(self.current.id)

    def on_changes(self, changes: Changes) -> None:
        """Matters, seats, or the cadres who should attend (设置 → 村和组织) changed: read again; a
        meeting recorded from a 党员大会审议 shows in the history ("见组织生活：会议 …")."""
        if changes & (Changes.DECISIONS | Changes.ORGANISATION | Changes.MEETINGS):
            self.refresh()

    def apply_filters(self, filters: dict[str, Any]) -> None:
        """Opened from another area (ui/areas): ``state`` filters the ledger, ``matter_id`` shows one matter."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        index = self.state_filter.findData(filters.get("state") or "")
        self.state_filter.blockSignals(True)
        self.state_filter.setCurrentIndex(max(index, 0))
        self.state_filter.blockSignals(False)
        self._apply_filter()
        matter_id = filters.get("matter_id")
        if matter_id is not None:
            row = self.model.row_of_id(matter_id)
            if row is not None:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
            self.show_matter(matter_id)

    def _apply_filter(self) -> None:
        q = dataclasses.replace(
            self.model.query, text=self.search.text(), filters={"state": self.state_filter.currentData()}
        )
        self.model.setQuery(q)

    def _row_changed(self, current: Any, _previous: Any) -> None:
        mid = self.model.row_id(current.row()) if current.isValid() else None
        if mid is not None:
            self.show_matter(mid)

    def _cur(self) -> MatterView:
        assert self.current is not None
        return self.current

    def show_matter(self, matter_id: int) -> None:
        try:
            view = self.svc.matter(matter_id)
        except GovdeskError as exc:
            show_error(exc, self)
            return
        self.current = view
        self.header.setText(header_html(view, self.services.voices.items_of_matter(matter_id)))
        self.steps_label.setText(steps_html(view))
        self.history_model.set_items(self.svc.history(matter_id))
        self.history.resizeColumnsToContents()
        for col, widest in ((2, 130), (5, 170)):  # step title, correction note: wrap rather than squeeze 内容
            self.history.setColumnWidth(col, min(self.history.columnWidth(col), widest))
        self.history.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.history.resizeRowsToContents()
        self._update_buttons()

    def _update_buttons(self) -> None:
        view = self.current
        st = view.state if view else None
        nxt = view.next_step if view else None
        can_next = bool(nxt and st and st.state not in (STATE_ENDED, STATE_FAILED))
        if nxt and nxt.kind == KIND_RESULT_NOTICE and st and st.state != STATE_COMPLETED:
            can_next = False
        self.next_button.setText(f"登记：{nxt.title}" if nxt else "程序已完成")
        self.next_button.setEnabled(can_next)
        self.dispose_button.setEnabled(bool(st and st.state == STATE_FAILED))
        self.objection_button.setEnabled(bool(st and st.posted_on))
        self.answer_button.setEnabled(bool(st and st.open_objections))
        self.progress_button.setEnabled(bool(st and st.state in (STATE_POSTED, STATE_COMPLETED)))
        item = self._selected_history()
        self.correct_button.setEnabled(bool(item and item.correctable))
        self.print_button.setEnabled(view is not None and self.print_menu.actions() != [])

    def _selected_history(self) -> Any:
        idx = self.history.currentIndex()
        if not idx.isValid() or idx.row() >= len(self.history_model.items):
            return None
        return self.history_model.items[idx.row()]

    # --- actions -------------------------------------------------------------------------
    def _open(self, make: Callable[[], FieldDialog], after: Callable[[Any], None] | None = None) -> bool:
        """The one "dialog → service → re-read" path; ``after`` gets the id the form returned."""

        def done(form: Any) -> None:  # the ledger has already re-read on the change the form's write reported
            if after is not None:
                after(form.result_id)

        return open_record_dialog(self, make, self.run_dialog, done)

    def run_dialog(self, dialog: Any) -> bool:
        """Modal dialog; a seam tests may replace."""
        return bool(dialog.exec() == FieldDialog.DialogCode.Accepted)

    def edit_seats(self) -> None:
        from ui.dialogs.decision_seats import SeatsDialog

        SeatsDialog(self.svc.seats, self.svc.today(), self).exec()

    def new_matter(self) -> None:
        self._open(lambda: MatterDialog(self.svc, self), after=self._select_new)

    def _select_new(self, matter_id: Any) -> None:
        self.show_matter(int(matter_id))

    def next_dialog(self) -> FieldDialog | None:
        view = self.current
        step = view.next_step if view else None
        if view is None or step is None:
            return None
        if step.kind == KIND_SUGGESTION:
            return SuggestionDialog(self.svc, view, self, step=step)
        if step.kind == KIND_MEETING:
            return MeetingDialog(self.svc, view, step, self)
        return NoticeDialog(self.svc, view, self, step=step)

    def record_next(self) -> None:
        if self.current is not None and self.current.next_step is not None:
            self._open(self.next_dialog)  # type: ignore[arg-type]

    def correction_dialog(self, entry_id: int) -> FieldDialog:
        view = self._cur()
        entry, ticks, _ = self.svc.entry(entry_id)
        details = json.loads(entry.details or "{}")
        kind = details.get("corrected_kind", entry.kind)
        if kind == "立项":
            return MatterDialog(self.svc, self, correcting=entry)
        if kind == "异议":
            return ObjectionDialog(self.svc, view, self, correcting=entry)
        if kind == "答复":
            return AnswerDialog(self.svc, view, self, correcting=entry)
        if kind == "实施":
            return ProgressDialog(self.svc, view, self, correcting=entry)
        step = next(s for s in view.steps if s.position == entry.step_position)
        if step.kind == KIND_SUGGESTION:
            return SuggestionDialog(self.svc, view, self, correcting=entry, step=step)
        if step.kind == KIND_MEETING:
            return MeetingDialog(self.svc, view, step, self, correcting=entry, ticks=ticks)
        return NoticeDialog(self.svc, view, self, correcting=entry, step=step)

    def correct_selected(self) -> None:
        item = self._selected_history()
        if item is not None and item.correctable:
            self._open(lambda: self.correction_dialog(item.entry_id))
