"""值班 tab: draft, adjust, sign off, swap and print a month's duty roster; keep the duty log.

The month is shown as a calendar grid (weeks × 周一…周日) with day kinds coloured and the weekly
two-committee meeting marked; beside it each cadre's counts explain the draft. Below, the duty
log of the selected day shows open items carried over from earlier days first, highlighted for
whoever is on duty. Drafting runs on the job runner; every other action is one short service call.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.roster.views import DutyLogView, RosterView
from govdesk.services.bundle import Services
from govdesk.services.roster_print_kinds import ARCHIVE_PLAQUE, ARCHIVE_ROSTER
from ui.dialogs.roster_dialogs import AssignDialog, LeaveDialog, SignOffDialog, SwapDialog
from ui.dialogs.roster_holidays import WARNING_STYLE, HolidayDialog
from ui.dialogs.roster_log import CloseLogDialog, LogEntryDialog
from ui.dialogs.roster_settings import CarryOverDialog, MeetingDialog
from ui.flow_layout import FlowLayout
from ui.jobs import JobRunner, show_error
from ui.list_tab import captioned, make_table_view, open_record_dialog, push_button, stretch_column
from ui.print_actions import PrintRequest, preview_document
from ui.roster_models import LOG_MATTER_COLUMN, DutyLogModel, RosterMonthModel, TallyModel, leave_list_model

STATUS_STYLE = {"草稿": "color: #8d6e00;", "已签发": "color: #1b5e20;", "未生成": "color: #666;"}


class RosterTab(QWidget):
    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.jobs = jobs
        self.today: date = date.today()
        self.view: RosterView | None = None
        self.log_view: DutyLogView | None = None
        self.selected: date = self.today
        self.print_requests: list[PrintRequest] = []  # tests look at the previews opened
        # Tests replace this to answer dialogs without a person.
        self.run_dialog: Callable[[object], bool] = lambda dlg: bool(dlg.exec())  # type: ignore[attr-defined]
        self._build()
        self.set_month(self.today.year, self.today.month)

    # ----- layout ---------------------------------------------------------------------------------
    def _build(self) -> None:
        self.month = QDateEdit(QDate(self.today.year, self.today.month, 1))
        self.month.setDisplayFormat("yyyy年M月")
        self.month.setCalendarPopup(True)
        self.month.dateChanged.connect(lambda q: self.set_month(q.year(), q.month()))
        self.status = QLabel()
        self.btn_draft = push_button("生成草稿", self.draft, "按公平规则排出本月（手工指定的日子保留）")
        self.btn_adjust = push_button("调整", self.adjust, "草稿中为选中的日子指定值班人")
        self.btn_sign = push_button("签发", self.sign_off, "支部书记签发后张贴")
        self.btn_swap = push_button("换班", self.swap, "签发后两天互换，登记申请人和原因")
        self.btn_leave = push_button("请假", self.add_leave)
        self.btn_holidays = push_button("节假日设置", self.edit_holidays)
        self.btn_print = push_button("打印值班表", self.print_roster)
        self.btn_plaque = push_button("打印今日挂牌", self.print_plaque)
        self.status.setWordWrap(True)  # the row fits a narrow window at 特大
        buttons = FlowLayout(align_right=True)  # wraps onto a second row rather than widen the window
        for b in (
            self.btn_draft,
            self.btn_adjust,
            self.btn_sign,
            self.btn_swap,
            self.btn_leave,
            self.btn_holidays,
            self.btn_print,
            self.btn_plaque,
        ):
            buttons.addWidget(b)
        top = QHBoxLayout()
        top.addWidget(captioned("月份", self.month))
        top.addWidget(self.status, 1)
        top.addLayout(buttons, 2)

        self.flash = QLabel()
        self.flash.setWordWrap(True)
        self.flash.hide()
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.meeting = QLabel()
        self.meeting.setStyleSheet("color: #0d47a1;")
        self.btn_meeting = push_button("例会设置", self.edit_meeting)
        meeting_bar = QHBoxLayout()
        meeting_bar.addWidget(self.meeting, 1)
        meeting_bar.addWidget(self.btn_meeting)

        self.grid_model = RosterMonthModel(self)
        self.grid = QTableView()
        self.grid.setModel(self.grid_model)
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setWordWrap(True)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.grid.verticalHeader().setMinimumSectionSize(64)
        self.grid.clicked.connect(self._grid_clicked)
        self.grid.doubleClicked.connect(self._grid_double_clicked)

        self.tally_model = TallyModel(self)
        self.tally = QTableView()
        self.tally.setModel(self.tally_model)
        self.tally.verticalHeader().hide()
        self.tally.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAlignment(Qt.AlignmentFlag.AlignTop)
        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        self.btn_carry = push_button("期初次数", self.edit_carry_over, "启用本程序前各人已值班的次数")
        tally_bar = QHBoxLayout()
        tally_bar.addWidget(QLabel("各人值班次数（此前 → 本月 → 累计）：工作日、周末、节假日分别均衡"), 1)
        tally_bar.addWidget(self.btn_carry)
        self.leave_model = leave_list_model(self)
        self.leave_list = QListView()
        self.leave_list.setModel(self.leave_model)
        self.btn_leave_remove = push_button("删除所选请假", self.remove_leave)
        leave_bar = QHBoxLayout()
        leave_bar.addWidget(QLabel("本月请假（不排班）："), 1)
        leave_bar.addWidget(self.btn_leave_remove)
        side_lay.addLayout(tally_bar)
        side_lay.addWidget(self.tally, 3)
        side_lay.addWidget(self.notes, 1)
        side_lay.addLayout(leave_bar)
        side_lay.addWidget(self.leave_list, 1)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.setObjectName("roster.upper")  # remembered by these keys (ui/window_state)
        upper.addWidget(self.grid)
        upper.addWidget(side)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 2)

        self.log_title = QLabel()
        self.log_title.setWordWrap(True)
        self.log_model = DutyLogModel(self)
        self.log = make_table_view(self)
        self.log.setModel(self.log_model)
        stretch_column(self.log, LOG_MATTER_COLUMN)  # 来访事项: the text people read, not 办结
        self.btn_log_add = push_button("登记来访", self.add_log)
        self.btn_log_close = push_button("办结所选", self.close_log)
        self.btn_log_voice = push_button("转为民情", self.log_to_voice, "把所选来访中群众反映的问题登入民情台账")
        log_bar = QHBoxLayout()
        log_bar.addWidget(self.log_title, 1)
        log_bar.addWidget(self.btn_log_add)
        log_bar.addWidget(self.btn_log_close)
        log_bar.addWidget(self.btn_log_voice)
        lower = QWidget()
        lower_lay = QVBoxLayout(lower)
        lower_lay.setContentsMargins(0, 0, 0, 0)
        lower_lay.addLayout(log_bar)
        lower_lay.addWidget(self.log)

        main = QSplitter(Qt.Orientation.Vertical)
        main.setObjectName("roster.main")
        main.addWidget(upper)
        main.addWidget(lower)
        main.setStretchFactor(0, 5)
        main.setStretchFactor(1, 2)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.flash)
        lay.addWidget(self.warning)
        lay.addLayout(meeting_bar)
        lay.addWidget(main, 1)

    def say(self, text: str, *, warn: bool = False) -> None:
        """A message line above the grid (no modal box: the desk keeps working)."""
        self.flash.setStyleSheet("color: #b35c00; font-weight: bold;" if warn else "color: #1b5e20;")
        self.flash.setText(text)
        self.flash.show()

    # ----- loading ----------------------------------------------------------------------------------
    def set_today(self, today: date) -> None:
        """For the demo and tests: the day the desk considers 'today'."""
        self.today = today
        self.selected = today
        self.grid_model.today = today
        self.month.setDate(QDate(today.year, today.month, 1))
        self.set_month(today.year, today.month)

    def apply_filters(self, filters: dict[str, Any]) -> None:
        """Opened from another area (ui/areas): ``day`` shows that day's month and its duty log."""
        day = filters.get("day")
        if isinstance(day, date):
            self.selected = day
            self.month.blockSignals(True)
            self.month.setDate(QDate(day.year, day.month, 1))
            self.month.blockSignals(False)
            self.set_month(day.year, day.month)  # keeps ``selected`` (same month) and shows its log

    def set_month(self, year: int, month: int) -> None:
        try:
            view = self.services.roster.roster((year, month))
        except GovdeskError as exc:
            show_error(exc, self)
            return
        if self.selected.year != year or self.selected.month != month:
            self.selected = date(year, month, 1)
        self.show_view(view)

    def reload(self) -> None:
        if self.view is not None:
            self.set_month(self.view.year, self.view.month)

    def on_changes(self, changes: Changes) -> None:
        """Rosters, leave and holidays, or the cadres (设置 → 村和组织): read the month again."""
        if changes & (Changes.ROSTER | Changes.ORGANISATION | Changes.VILLAGE):
            self.reload()
        elif changes & Changes.DUTY_LOG:
            self.show_log(self.selected)

    def show_view(self, view: RosterView) -> None:
        self.view = view
        self.grid_model.today = self.today
        self.grid_model.set_view(view)
        self.tally_model.set_view(view)
        signed = f"（{view.signed_by} {view.signed_on.isoformat()} 签发）" if view.signed_on else ""
        self.status.setText(f"{view.year}年{view.month}月值班表：{view.status}{signed}")
        self.status.setStyleSheet(STATUS_STYLE.get(view.status, ""))
        self.warning.setText("⚠ " + view.warning if view.warning else "")
        self.warning.setVisible(bool(view.warning))
        self.meeting.setText(f"◆ {view.meeting.text()}（在值班表上标出）")
        lines = list(view.notes)
        lines += ["换班：" + s.text() for s in view.swaps]
        if not view.exists:
            lines = ["本月还没有值班表：点“生成草稿”按公平规则排班，再“调整”“签发”。"]
        self.notes.setText("\n".join(lines) if lines else "排班说明：没有无法避免的连续值班，各类日子已均衡。")
        draft = view.status == "草稿"
        self.btn_adjust.setEnabled(draft)
        self.btn_draft.setEnabled(view.status != "已签发")
        self.btn_sign.setEnabled(draft)
        self.btn_swap.setEnabled(view.status == "已签发")
        first, last = view.days[0].day, view.days[-1].day
        self.leave_model.set_items(self.services.roster.leaves(first, last))
        idx = self.grid_model.index_of(self.selected)
        if idx.isValid():
            self.grid.setCurrentIndex(idx)
        self.show_log(self.selected)

    def show_log(self, day: date) -> None:
        self.log_view = self.services.duty_log.for_day(day)
        self.log_model.set_view(self.log_view)
        v = self.log_view
        who = f"{v.on_duty.name}（{v.on_duty.post}）" if v.on_duty else "未排班"
        carried = f"；{len(v.carried)} 件未办结事项从前几天转来，请跟进" if v.carried else ""
        self.log_title.setText(f"<b>值班记录 {day.month}月{day.day}日 — 值班：{who}</b>{carried}")
        self.log.resizeColumnsToContents()

    def _grid_clicked(self, index: object) -> None:
        rd = self.grid_model.day_at(index)  # type: ignore[arg-type]
        if rd is not None:
            self.selected = rd.day
            self.show_log(rd.day)

    def _grid_double_clicked(self, index: object) -> None:
        self._grid_clicked(index)
        if self.view is None:
            return
        if self.view.status == "草稿":
            self.adjust()
        elif self.view.status == "已签发":
            self.swap()

    # ----- actions ------------------------------------------------------------------------------------
    def draft(self) -> None:
        if self.view is None:
            return
        key = self.view.key
        self.btn_draft.setEnabled(False)

        def done(view: RosterView) -> None:
            self.show_view(view)

        def failed(exc: BaseException) -> None:
            self.reload()
            show_error(exc, self)

        self.jobs.submit(lambda ctx: self.services.roster.draft(key), done, failed, parent=self)

    def _open(self, make: Callable[[], Any], after: Callable[[Any], None] | None = None) -> None:
        """The tab's "dialog → service" path: what the service wrote comes back through on_changes;
        ``after`` gets what the service returned (warnings to say)."""
        open_record_dialog(self, make, self.run_dialog, (lambda dlg: after(dlg.result_value)) if after else None)

    def adjust(self) -> None:
        if self.view is None or self.view.day(self.selected) is None:
            return
        view, assign = self.view, self.services.roster.assign

        def after(warnings: list[str]) -> None:
            if warnings:
                self.say("请注意：" + "；".join(warnings), warn=True)

        self._open(lambda: AssignDialog(view, self.selected, lambda *a: assign(view.key, *a), self), after)

    def sign_off(self) -> None:
        if self.view is not None:
            view, sign = self.view, self.services.roster.sign_off
            self._open(lambda: SignOffDialog(view, self.today, lambda n, d: sign(view.key, n, d), self))

    def swap(self) -> None:
        if self.view is not None and self.view.day(self.selected) is not None:
            view, swap = self.view, self.services.roster.swap
            self._open(lambda: SwapDialog(view, self.selected, lambda *a: swap(view.key, *a), self))

    def add_leave(self) -> None:
        if self.view is None:
            return
        view = self.view

        def after(clash: list[date]) -> None:
            if clash:
                days = "、".join(f"{d.month}月{d.day}日" for d in clash)
                self.say(f"已签发的值班表中，请假期间仍排有值班：{days}。请用“换班”调整。", warn=True)

        self._open(lambda: LeaveDialog(view.cadres, self.selected, self.services.roster.add_leave, self), after)

    def remove_leave(self) -> None:
        idx = self.leave_list.currentIndex()
        if not idx.isValid():
            self.say("请先在“本月请假”中选中一条", warn=True)
            return
        self.services.roster.remove_leave(self.leave_model.items[idx.row()][0])

    def edit_meeting(self) -> None:
        self._open(lambda: MeetingDialog(self.services.roster, self))

    def edit_carry_over(self) -> None:
        if self.view is not None:
            cadres = self.view.cadres
            self._open(lambda: CarryOverDialog(self.services.roster, cadres, self))

    def edit_holidays(self) -> None:
        year = self.view.year if self.view else self.today.year
        self.run_dialog(HolidayDialog(self.services.roster, year, self))

    def add_log(self) -> None:
        if self.view is None:
            return
        on_duty = self.log_view.on_duty if self.log_view else None
        cadres, add = self.view.cadres, self.services.duty_log.add
        self._open(lambda: LogEntryDialog(self.selected, cadres, on_duty, add, self))

    def close_log(self) -> None:
        row = self.log_model.row_at(self.log.currentIndex())
        if row is None:
            self.say("请先在值班记录中选中一条", warn=True)
            return
        if not row.is_open:
            self.say("这条记录已经办结", warn=True)
            return
        self._open(lambda: CloseLogDialog(row, self.today, self.services.duty_log.close, self))

    def log_to_voice(self) -> None:
        row = self.log_model.row_at(self.log.currentIndex())
        if row is None:
            self.say("请先在值班记录中选中一条", warn=True)
            return
        try:
            voice_id = self.services.voices.from_duty_log(row.id)
        except GovdeskError as exc:
            self.say(str(exc), warn=True)
            return
        self.say(f"已登入民情台账第 {voice_id} 号（在“民情”中答复、办结）")

    # ----- printing ----------------------------------------------------------------------------------
    def print_roster(self) -> PrintRequest | None:
        """Preview the month's board (A4 calendar grid); a signed-off roster is archived when printed."""
        if self.view is None:
            return None
        from govdesk.services.roster_prints import roster_document  # the PDF engine loads when something prints

        key, signed = self.view.key, self.view.status == "已签发"
        request = preview_document(
            self,
            self.services,
            self.jobs,
            lambda progress: roster_document(self.services, key)[1],
            ARCHIVE_ROSTER,
            label="正在生成值班表…",
            archive=signed,  # a draft is checked on screen, not posted
        )
        self.print_requests.append(request)
        return request

    def print_plaque(self) -> PrintRequest:
        """Preview today's duty plaque (挂牌上岗)."""
        from govdesk.services.roster_prints import plaque_document

        day = self.today
        request = preview_document(
            self,
            self.services,
            self.jobs,
            lambda progress: plaque_document(self.services, day),
            ARCHIVE_PLAQUE,
            label="正在生成值班挂牌…",
        )
        self.print_requests.append(request)
        return request
