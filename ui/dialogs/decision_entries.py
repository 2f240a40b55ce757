"""Dialogs for the non-meeting entries of a matter: open it, suggestion, notices, objections,
answers, implementation progress and what to do after a failed vote.

Each one can also correct an earlier entry of its kind: it opens filled with the entry's
values, asks for the 更正原因, and records a new entry pointing at the old one.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from govdesk.decisions.inputs import (
    DEFAULT_NOTICE_PLACE,
    DEFAULT_POSTING_DAYS,
    MAX_POSTING_DAYS,
    AnswerInput,
    Disposition,
    MatterInput,
    NoticeInput,
    ObjectionInput,
    ProgressInput,
    SuggestionInput,
)
from govdesk.decisions.procedures import CATEGORIES, KIND_MEETING, KIND_SUGGESTION, SOURCES
from govdesk.errors import RefusedError
from govdesk.services.decisions import DecisionService
from govdesk.services.decisions_query import MatterView, StepStatus
from ui.dialogs.common import DateField, FieldDialog, date_of, spin

if TYPE_CHECKING:  # detached log rows from the decision service, read only
    from govdesk.models import LogEntry


def _details(entry: LogEntry | None) -> dict[str, Any]:
    if entry is None:
        return {}
    try:
        return dict(json.loads(entry.details or "{}"))
    except ValueError:
        return {}


def _yuan(fen: int | None) -> str:
    if not fen:
        return ""
    return f"{fen / 100:.2f}".rstrip("0").rstrip(".")


class CorrectableForm(FieldDialog):
    """A form that either records a new entry or corrects ``correcting`` with a reason."""

    def __init__(self, title: str, svc: DecisionService, correcting: LogEntry | None, parent: QWidget | None) -> None:
        super().__init__(f"更正：{title}" if correcting else title, parent)
        self.svc = svc
        self.correcting = correcting
        self.details = _details(correcting)
        self.reason = None

    def event_day(self, field: str, default: date | None = None) -> DateField:
        """A correction starts from the corrected entry's day; a new entry from ``default`` or today."""
        day = self.correcting.event_date if self.correcting is not None else (default or self.svc.today())
        return self.date_field(field, day)

    def entry_text(self, field: str, height: int = 70) -> QPlainTextEdit:
        """The entry's text box, holding the corrected entry's text when correcting."""
        return self.text_box(field, self.correcting.text if self.correcting is not None else "", height)

    def add_reason(self) -> None:
        if self.correcting is not None:
            self.reason = self.text_box("correction_reason", "", 50)

    def save(self, data: Any, record: Any) -> Any:
        if self.correcting is not None and self.reason is not None:
            return self.svc.correct(self.correcting.id, self.reason.toPlainText(), data)
        return record(data)


class MatterDialog(CorrectableForm):
    """立项: a new matter with its source and procedure (or a correction of its header)."""

    def __init__(self, svc: DecisionService, parent: QWidget | None = None, correcting: LogEntry | None = None) -> None:
        super().__init__("新建事项（立项）", svc, correcting, parent)
        d = self.details
        today = svc.today()
        self.number = self.line("matter_number", d.get("number") or svc.next_number(today.year))
        self.title_edit = self.line("matter_title", d.get("title", ""), "如：三组至五组村道硬化工程")
        self.category = self.combo("matter_category", CATEGORIES, d.get("category", ""))
        self.amount = self.line("matter_amount", _yuan(d.get("amount_fen")), "元，如 125000 或 12.5万")
        self.source = self.combo("matter_source", SOURCES, d.get("source", ""))
        self.detail = self.text_box("matter_source_detail", d.get("source_detail", ""))
        self.procedure = QComboBox()
        for code, name, desc in svc.procedures():
            self.procedure.addItem(name, code)
            self.procedure.setItemData(self.procedure.count() - 1, desc, 3)  # tooltip role
        self.add_row("matter_procedure", self.procedure)
        self.raised = self.date_field("matter_raised_on", date.fromisoformat(d["raised_on"]) if d else today)
        if correcting is not None:
            for w in (self.number, self.source, self.procedure, self.raised):
                w.setEnabled(False)
        self.add_reason()
        self.resize(520, self.sizeHint().height())

    def submit(self) -> Any:
        data = MatterInput(
            title=self.title_edit.text(),
            category=self.category.currentText(),
            amount=self.amount.text(),
            source=self.source.currentText(),
            source_detail=self.detail.toPlainText(),
            procedure_code=self.procedure.currentData(),
            raised_on=date_of(self.raised),
            number=self.number.text(),
        )
        return self.save(data, self.svc.create_matter)


class MatterForm(CorrectableForm):
    """An entry about one matter (a step's entry also names its ``step``): the title says which
    matter, ``build`` adds the fields, and a correction asks for its reason last."""

    heading = ""  # e.g. 登记异议; a step's form is titled after the step

    def __init__(
        self,
        svc: DecisionService,
        matter: MatterView,
        parent: QWidget | None = None,
        correcting: LogEntry | None = None,
        *,
        step: StepStatus | None = None,
    ) -> None:
        heading = self.heading or f"登记{step.title if step else ''}"
        super().__init__(f"{matter.number} {heading}", svc, correcting, parent)
        self.matter = matter
        self.step: Any = step
        self.build(self.details)
        self.add_reason()
        self.resize(520, self.sizeHint().height())

    def build(self, d: dict[str, Any]) -> None:
        raise NotImplementedError


class SuggestionDialog(MatterForm):
    heading = "登记建议"

    def build(self, d: dict[str, Any]) -> None:
        self.day = self.event_day("matter_raised_on", self.matter.raised_on)
        self.by = self.line("suggested_by", d.get("by", ""))
        self.text = self.entry_text("suggestion_text")

    def submit(self) -> Any:
        data = SuggestionInput(date_of(self.day), self.by.text(), self.text.toPlainText())
        return self.save(data, lambda x: self.svc.record_suggestion(self.matter.id, self.step.position, x))


class NoticeDialog(MatterForm):
    """决议公开 / 实施结果公开: posted on, for how many days (default 7), where, whom to call."""

    def build(self, d: dict[str, Any]) -> None:
        hint = QLabel("先从“打印”菜单打印公告并张贴，再在此登记张贴日期；公示期从张贴当日算起。")
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.form.addRow(hint)
        self.posted = self.event_day("notice_posted_on")
        self.days = self.add_row("notice_days", spin(MAX_POSTING_DAYS, int(d.get("days", DEFAULT_POSTING_DAYS))))
        self.days.setMinimum(1)
        self.days.setSuffix(" 天")
        place = self.correcting.place if self.correcting else DEFAULT_NOTICE_PLACE
        self.place = self.line("notice_place", place)
        self.phone = self.line("notice_phone", d.get("phone", ""), "留空：使用村里的监督电话")
        self.text = self.entry_text("notice_text", 90)
        self.text.setPlaceholderText("留空：使用决议的决定事项")

    def submit(self) -> Any:
        data = NoticeInput(
            date_of(self.posted), self.days.value(), self.place.text(), self.phone.text(), self.text.toPlainText()
        )
        return self.save(data, lambda x: self.svc.record_notice(self.matter.id, self.step.position, x))


class ObjectionDialog(MatterForm):
    heading = "登记异议"

    def build(self, d: dict[str, Any]) -> None:
        self.day = self.event_day("objection_date")
        self.who = self.line("objection_from", d.get("from", ""))
        self.text = self.entry_text("objection_text")

    def submit(self) -> Any:
        data = ObjectionInput(date_of(self.day), self.who.text(), self.text.toPlainText())
        return self.save(data, lambda x: self.svc.record_objection(self.matter.id, x))


class AnswerDialog(MatterForm):
    """Answer one open objection (chosen from a list), or correct an answer."""

    heading = "答复异议"

    def build(self, d: dict[str, Any]) -> None:
        self.objection = QComboBox()
        if self.correcting is None:
            for o in self.svc.open_objections(self.matter.id):
                who = _details(o).get("from", "")
                self.objection.addItem(f"第 {o.seq} 条 · {who}：{o.text[:30]}", o.id)
        else:
            self.objection.addItem("（原异议）", self.correcting.answers_id)
            self.objection.setEnabled(False)
        self.add_row("objection_text", self.objection, "所答复的异议")
        self.day = self.event_day("answer_date")
        self.by = self.line("answer_by", d.get("by", ""))
        self.text = self.entry_text("answer_text")

    def submit(self) -> Any:
        data = AnswerInput(date_of(self.day), self.by.text(), self.text.toPlainText())
        oid = self.objection.currentData()
        if oid is None and self.correcting is None:
            raise RefusedError("没有待答复的异议")
        return self.save(data, lambda x: self.svc.answer_objection(int(oid), x))


class ProgressDialog(MatterForm):
    """Implementation progress: what was done, money spent, contractor, completion and acceptance."""

    heading = "登记实施情况"

    def build(self, d: dict[str, Any]) -> None:
        self.day = self.event_day("progress_date")
        self.text = self.entry_text("progress_text")
        self.spent = self.line("amount_spent", _yuan(d.get("amount_spent_fen")), "本次支出，元")
        self.contractor = self.line("contractor", d.get("contractor", "") or self.matter.state.contractor)
        self.completed, self.completed_box = self._optional_date("completed_on", d.get("completed_on"))
        self.accepted, self.accepted_box = self._optional_date("accepted_on", d.get("accepted_on"))

    def _optional_date(self, field: str, value: str | None) -> tuple[DateField, QCheckBox]:
        holder = QWidget()
        lay = QHBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        box = QCheckBox("已" + ("完工" if field == "completed_on" else "验收"))
        edit = DateField(date.fromisoformat(value) if value else self.svc.today(), key=field)
        box.setChecked(bool(value))
        edit.setEnabled(bool(value))
        box.toggled.connect(edit.setEnabled)
        lay.addWidget(box)
        lay.addWidget(edit, 1)
        self.add_row(field, holder)
        return edit, box

    def submit(self) -> Any:
        data = ProgressInput(
            date_of(self.day),
            self.text.toPlainText(),
            self.spent.text(),
            self.contractor.text(),
            date_of(self.completed) if self.completed_box.isChecked() else None,
            date_of(self.accepted) if self.accepted_box.isChecked() else None,
        )
        return self.save(data, lambda x: self.svc.record_progress(self.matter.id, x))


class DispositionPicker(QWidget):
    """退回至 [step] / 终止 — the user's choice after a failed vote (used in two dialogs)."""

    def __init__(self, matter: MatterView, failed_position: int | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.back = QRadioButton("退回至")
        self.end = QRadioButton("终止办理")
        self.steps = QComboBox()
        limit = failed_position if failed_position is not None else 10**6
        for st in matter.steps:
            if st.kind in (KIND_MEETING, KIND_SUGGESTION) and st.position <= limit:
                self.steps.addItem(st.title + ("（重新召开）" if st.position == failed_position else ""), st.position)
        self.steps.setCurrentIndex(self.steps.count() - 1)
        group = QButtonGroup(self)
        group.addButton(self.back)
        group.addButton(self.end)
        self.back.setChecked(True)
        self.back.toggled.connect(self.steps.setEnabled)
        lay.addWidget(self.back)
        lay.addWidget(self.steps, 1)
        lay.addWidget(self.end)

    def disposition(self, reason: str, on: date | None = None) -> Disposition:
        back_to = None if self.end.isChecked() else int(self.steps.currentData())
        return Disposition(back_to, reason, on)


class DispositionDialog(FieldDialog):
    """A failed vote waiting for a decision: send it back or end the matter."""

    def __init__(self, svc: DecisionService, matter: MatterView, parent: QWidget | None = None) -> None:
        super().__init__(f"{matter.number} {matter.state.stage}：退回或终止", parent)
        self.svc, self.matter = svc, matter
        self.picker = self.add_row("back_to", DispositionPicker(matter, matter.state.failed_position))
        self.day = self.add_row("meeting_date", DateField(svc.today()), "处理日期")
        self.reason = self.text_box("disposal_reason", "")

    def submit(self) -> Any:
        d = self.picker.disposition(self.reason.toPlainText(), date_of(self.day))
        self.svc.dispose_failed(self.matter.id, d)
        return self.matter.id
