"""值班记录 dialogs: record a visit or matter; close an item with how it ended."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from govdesk.roster.views import CadreRef, LogRow
from ui.dialogs.common import DateField, date_of
from ui.dialogs.roster_dialogs import RosterFormDialog, cadre_combo


class LogEntryDialog(RosterFormDialog):
    def __init__(
        self,
        day: date,
        cadres: list[CadreRef],
        on_duty: CadreRef | None,
        add: Callable[..., int],
        parent: QWidget | None = None,
    ):
        super().__init__(f"登记值班记录 {day.isoformat()}", parent)
        self._add, self._day = add, day
        who = on_duty.name if on_duty else "（当天未排班）"
        self.set_intro(f"当天值班：{who}。首问负责：谁先接待谁负责跟进到底，默认是当天值班人。")
        self.visitor = QLineEdit()
        self.matter = QPlainTextEdit()
        self.matter.setFixedHeight(70)
        self.handling = QPlainTextEdit()
        self.handling.setFixedHeight(60)
        self.passed_to = QLineEdit()
        self.owner = cadre_combo(cadres, on_duty.id if on_duty else None)
        self.has_due = QCheckBox("需要跟进，期限：")
        self.has_due.setChecked(True)
        self.due_on = DateField(day + timedelta(days=3), key="log_due_on")
        self.has_due.toggled.connect(self.due_on.setEnabled)
        self.add_row("log_visitor", self.visitor)
        self.add_row("log_matter", self.matter)
        self.add_row("log_handling", self.handling)
        self.add_row("log_passed_to", self.passed_to)
        self.add_row("log_owner", self.owner)
        self.form.addRow(self.has_due, self.due_on)

    def submit(self) -> object:
        return self._add(
            self._day,
            self.matter.toPlainText(),
            visitor=self.visitor.text(),
            handling=self.handling.toPlainText(),
            passed_to=self.passed_to.text(),
            owner_cadre_id=self.owner.currentData(),
            due_on=date_of(self.due_on) if self.has_due.isChecked() else None,
        )


class CloseLogDialog(RosterFormDialog):
    def __init__(
        self, row: LogRow, today: date, close: Callable[[int, date, str], None], parent: QWidget | None = None
    ):
        super().__init__("办结值班记录", parent)
        self._close, self._id = close, row.id
        self.set_intro(f"{row.day.isoformat()} {row.visitor}：{row.matter}")
        self.closed_on = self.date_field("log_closed_on", max(today, row.day))
        self.note = self.add_row("log_closing_note", QLineEdit())
        self.note.setPlaceholderText("例如：已修好，已回访")

    def submit(self) -> object:
        self._close(self._id, date_of(self.closed_on), self.note.text())
        return None
