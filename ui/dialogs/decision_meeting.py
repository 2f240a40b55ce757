"""Recording one meeting of 五议两公开: the tick list of who should attend, votes, and the live verdict.

The tick list is the should-attend roster ON THE MEETING DATE (changing the date reloads it,
keeping ticks of people still on it). While staff tick and type, the line
应到 N · 实到 M · 需 ≥ K and the verdict under it follow every change, computed by the same
quorum table the service applies — so what the screen says is what gets recorded. A meeting
that misses a rule is still recorded, as 未通过 with the rule and the shortfall, and the
user can decide at once to send the matter back or end it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.decisions import quorum
from govdesk.decisions.attendance import Seat
from govdesk.decisions.inputs import ATTACHMENT_KINDS, MeetingInput
from govdesk.errors import ValidationError
from govdesk.services.decisions import DecisionService
from govdesk.services.decisions_query import MatterView, StepStatus
from govdesk.vocabulary import BODIES
from ui.dialogs.common import ERROR_STYLE, OK_STYLE, date_of, spin
from ui.dialogs.decision_entries import CorrectableForm, DispositionPicker

KEY_ROLE = Qt.ItemDataRole.UserRole + 1

if TYPE_CHECKING:  # detached log rows from the decision service, read only
    from govdesk.models import AttendanceTick, LogEntry


def rule_words(r: quorum.Rule) -> str:
    """How a rule reads above the tick list (the same words as on the registration sheet)."""
    return quorum.describe(r)


class MeetingDialog(CorrectableForm):
    def __init__(
        self,
        svc: DecisionService,
        matter: MatterView,
        step: StepStatus,
        parent: QWidget | None = None,
        correcting: LogEntry | None = None,
        ticks: list[AttendanceTick] | None = None,
    ) -> None:
        super().__init__(f"{matter.number} {matter.title} — 登记{step.title}", svc, correcting, parent)
        self.matter, self.step = matter, step
        self.rule = quorum.rule(step.rule_id)
        intro = QLabel(rule_words(self.rule) + f"\n依据：{self.rule.source}")
        intro.setWordWrap(True)
        intro.setStyleSheet("color: #555;")
        self.form.addRow(intro)
        c = correcting
        self.day = self.event_day("meeting_date")
        self.place = self.line("meeting_place", c.place if c else "村党群服务中心会议室")
        self.host = self.line("meeting_host", c.host if c else "")
        self.recorder = self.line("meeting_recorder", c.recorder if c else "")
        self.seats: list[Seat] = []
        self.tick_model = QStandardItemModel(self)
        self.add_row("present", self._tick_panel(), f"到会勾选（应到：{self.rule.seat_words}）")
        votes = QWidget()
        vl = QHBoxLayout(votes)
        vl.setContentsMargins(0, 0, 0, 0)
        self.yes, self.no, self.abstain = spin(), spin(), spin()
        for name, box in (("赞成", self.yes), ("反对", self.no), ("弃权", self.abstain)):
            vl.addWidget(QLabel(name))
            vl.addWidget(box)
        vl.addStretch(1)
        self.add_row("yes_votes", votes, "表决")
        self.figures_label = QLabel()
        self.figures_label.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.votes_label = QLabel()
        self.verdict_label = QLabel()
        self.verdict_label.setWordWrap(True)
        live = QWidget()
        ll = QVBoxLayout(live)
        ll.setContentsMargins(0, 4, 0, 4)
        for w in (self.figures_label, self.votes_label, self.verdict_label):
            ll.addWidget(w)
        self.form.addRow(live)
        self.decided = self.entry_text("decided_text", 80)
        self.attachments: list[tuple[str, str]] = []
        self.add_row("attachment", self._attachment_panel(), "附件（签到表、会议记录扫描件）")
        self.dispose_now = QCheckBox("未通过时现在就处理：")
        self.picker = DispositionPicker(matter, step.position)
        self.dispose_reason = QLineEdit()
        self.dispose_reason.setPlaceholderText("处理理由，如：到会人数不足，择日重新召开")
        fail_box = QWidget()
        fl = QVBoxLayout(fail_box)
        fl.setContentsMargins(0, 0, 0, 0)
        fl.addWidget(self.dispose_now)
        fl.addWidget(self.picker)
        fl.addWidget(self.dispose_reason)
        self.failure_row = self.add_row("disposal_reason", fail_box, "未通过的处理")
        self.dispose_now.toggled.connect(self.picker.setEnabled)
        self.dispose_now.toggled.connect(self.dispose_reason.setEnabled)
        self.dispose_now.setChecked(False)
        self.picker.setEnabled(False)
        self.dispose_reason.setEnabled(False)
        if c is not None:
            self.dispose_now.setVisible(False)
        self.add_reason()

        present = {(t.person_kind, t.person_id) for t in ticks or [] if t.present}
        self.reload_seats(present)
        if c is not None:
            self.yes.setValue(c.yes_votes or 0)
            self.no.setValue(c.no_votes or 0)
            self.abstain.setValue(c.abstain_votes or 0)
        self.day.dateChanged.connect(lambda _d: self.reload_seats(self.present_keys()))
        self.tick_model.itemChanged.connect(lambda _i: self.refresh_live())
        for box in (self.yes, self.no, self.abstain):
            box.valueChanged.connect(lambda _v: self.refresh_live())
        self.refresh_live()
        self.resize(720, 860)

    # --- tick list -------------------------------------------------------------------------
    def _tick_panel(self) -> QWidget:
        panel = QWidget()
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("筛选姓名")
        all_in = QPushButton("全部到会")
        none_in = QPushButton("全部清除")
        all_in.clicked.connect(lambda: self.set_all(True))
        none_in.clicked.connect(lambda: self.set_all(False))
        row.addWidget(self.filter, 1)
        row.addWidget(all_in)
        row.addWidget(none_in)
        lay.addLayout(row)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.tick_model)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(proxy.setFilterFixedString)
        self.tick_view = QListView()
        self.tick_view.setModel(proxy)
        self.tick_view.setFlow(QListView.Flow.LeftToRight)
        self.tick_view.setWrapping(True)
        self.tick_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.tick_view.setUniformItemSizes(True)
        self.tick_view.setSpacing(2)
        self.tick_view.setMinimumHeight(180)
        lay.addWidget(self.tick_view)
        return panel

    def reload_seats(self, keep: Iterable[tuple[str, int]] = ()) -> None:
        """The should-attend list for the chosen date; ticks kept for people still on it."""
        keep = set(keep)
        self.seats = self.svc.should_attend(self.rule.id, date_of(self.day))
        self.tick_model.blockSignals(True)
        self.tick_model.clear()
        for seat in self.seats:
            shown_role = seat.role if seat.role and seat.role not in BODIES else ""
            item = QStandardItem(f"{seat.name}（{shown_role}）" if shown_role else seat.name)
            item.setCheckable(True)
            item.setEditable(False)
            item.setCheckState(Qt.CheckState.Checked if seat.key in keep else Qt.CheckState.Unchecked)
            item.setData(seat.key, KEY_ROLE)
            self.tick_model.appendRow(item)
        self.tick_model.blockSignals(False)
        self.tick_model.layoutChanged.emit()
        self.refresh_live()

    def present_keys(self) -> list[tuple[str, int]]:
        out = []
        for row in range(self.tick_model.rowCount()):
            item = self.tick_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(tuple(item.data(KEY_ROLE)))
        return out  # type: ignore[return-value]

    def set_present(self, keys: Iterable[tuple[str, int]]) -> None:
        wanted = set(keys)
        for row in range(self.tick_model.rowCount()):
            item = self.tick_model.item(row)
            state = Qt.CheckState.Checked if tuple(item.data(KEY_ROLE)) in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def set_all(self, present: bool) -> None:
        self.set_present([s.key for s in self.seats] if present else [])

    # --- live verdict ----------------------------------------------------------------------
    def current_verdict(self) -> quorum.Verdict | None:
        try:
            return quorum.evaluate(
                self.rule.id,
                len(self.seats),
                len(self.present_keys()),
                self.yes.value(),
                self.no.value(),
                self.abstain.value(),
            )
        except ValidationError as exc:
            self.verdict_label.setText(str(exc))
            self.verdict_label.setStyleSheet(ERROR_STYLE)
            return None

    def refresh_live(self) -> None:
        present = len(self.present_keys())
        v = self.current_verdict()
        if v is None:
            probe = quorum.evaluate(self.rule.id, len(self.seats), min(present, len(self.seats)))
            self.figures_label.setText(probe.figures)
            return
        self.figures_label.setText(v.figures)
        self.figures_label.setStyleSheet(
            "font-size: 15pt; font-weight: bold;" + (OK_STYLE if v.attendance_ok else ERROR_STYLE)
        )
        self.votes_label.setText(v.vote_figures)
        if v.passed:
            self.verdict_label.setText(f"符合议事规则：表决通过（到会比例 {v.ratio_text}）")
            self.verdict_label.setStyleSheet(OK_STYLE)
        else:
            self.verdict_label.setText(f"将记为未通过：{v.failure}")
            self.verdict_label.setStyleSheet(ERROR_STYLE)
        self.failure_row.setEnabled(not v.passed)

    # --- attachments -----------------------------------------------------------------------
    def _attachment_panel(self) -> QWidget:
        panel = QWidget()
        lay = QHBoxLayout(panel)
        lay.setContentsMargins(0, 0, 0, 0)
        self.attachment_list = QListWidget()
        self.attachment_list.setMaximumHeight(60)
        self.attachment_kind = QComboBox()
        self.attachment_kind.addItems(ATTACHMENT_KINDS)
        add = QPushButton("添加文件…")
        add.clicked.connect(self._pick_attachment)
        side = QVBoxLayout()
        side.addWidget(self.attachment_kind)
        side.addWidget(add)
        lay.addWidget(self.attachment_list, 1)
        lay.addLayout(side)
        return panel

    def add_attachment(self, kind: str, path: str) -> None:
        self.attachments.append((kind, path))
        self.attachment_list.addItem(f"{kind}：{Path(path).name}")

    def _pick_attachment(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "选择扫描件", "", "扫描件 (*.pdf *.jpg *.jpeg *.png);;所有文件 (*)")
        if path:
            self.add_attachment(self.attachment_kind.currentText(), path)

    # --- save ------------------------------------------------------------------------------
    def meeting_input(self) -> MeetingInput:
        return MeetingInput(
            date_of(self.day),
            self.place.text(),
            self.host.text(),
            self.recorder.text(),
            self.present_keys(),
            self.yes.value(),
            self.no.value(),
            self.abstain.value(),
            self.decided.toPlainText(),
            list(self.attachments),
        )

    def submit(self) -> Any:
        data = self.meeting_input()
        if self.correcting is not None:
            return self.save(data, None)
        if_failed = None
        if self.dispose_now.isChecked():
            if_failed = self.picker.disposition(self.dispose_reason.text(), date_of(self.day))
        entry_id, verdict = self.svc.record_meeting(self.matter.id, self.step.position, data, if_failed)
        self.last_verdict = verdict
        return entry_id
