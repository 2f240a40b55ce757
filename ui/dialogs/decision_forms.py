"""Shared machinery of the decision-log dialogs: labelled fields, errors under their field.

A dialog gathers raw input into the service's input dataclass and calls the service; every
rule lives there. A ``ValidationError`` lands in red under each named field, any other
refusal (a step out of order, a closed objection period) above the buttons, and the dialog
stays open with the input so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govdesk.errors import GovdeskError, ValidationError
from govdesk.labels import label

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


def date_edit(value: date | None = None) -> QDateEdit:
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    w.setDate(QDate(value or date.today()))
    return w


def qdate(w: QDateEdit) -> date:
    return w.date().toPython()  # type: ignore[no-any-return]


def spin(maximum: int = 100_000, value: int = 0) -> QSpinBox:
    w = QSpinBox()
    w.setRange(0, maximum)
    w.setValue(value)
    return w


class DecisionForm(QDialog):
    """A form dialog whose 确定 calls ``submit()``; errors keep it open."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._errors: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setStyleSheet(ERROR_STYLE)
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.result_id: Any = None

    def finish_layout(self) -> None:
        """Call after adding fields: the error line and the buttons go last."""
        self.body.addWidget(self.general_error)
        self.body.addWidget(self.buttons)

    def add(self, field: str, widget: QWidget, text: str | None = None) -> QWidget:
        """A row labelled from FIELD_LABELS with a hidden red error line under the widget."""
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = QLabel()
        err.setStyleSheet(ERROR_STYLE)
        err.setWordWrap(True)
        err.hide()
        lay.addWidget(err)
        self._errors[field] = err
        self.form.addRow(text or label(field), holder)
        return widget

    def line(self, field: str, value: str = "", placeholder: str = "") -> QLineEdit:
        w = QLineEdit(value)
        w.setPlaceholderText(placeholder)
        self.add(field, w)
        return w

    def text_box(self, field: str, value: str = "", height: int = 70) -> QPlainTextEdit:
        w = QPlainTextEdit(value)
        w.setFixedHeight(height)
        self.add(field, w)
        return w

    def combo(self, field: str, items: Sequence[str], current: str = "") -> QComboBox:
        w = QComboBox()
        w.addItems(list(items))
        if current in items:
            w.setCurrentText(current)
        self.add(field, w)
        return w

    def show_error(self, error: GovdeskError) -> None:
        for lab in self._errors.values():
            lab.hide()
        self.general_error.hide()
        unplaced: list[str] = []
        if isinstance(error, ValidationError):
            for e in error.errors:
                lab = self._errors.get(e.field)
                if lab is not None:
                    lab.setText(e.message)
                    lab.show()
                else:
                    unplaced.append(str(e))
        else:
            unplaced.append(str(error))
        if unplaced:
            self.general_error.setText("\n".join(unplaced))
            self.general_error.show()

    def submit(self) -> Any:
        """Call the service; return what to keep as ``result_id``. Raise GovdeskError to stay open."""
        raise NotImplementedError

    def _try_accept(self) -> None:
        try:
            self.result_id = self.submit()
        except GovdeskError as exc:
            self.show_error(exc)
            return
        self.accept()


def run_form(form: DecisionForm, on_done: Callable[[Any], None]) -> None:
    if form.exec() == QDialog.DialogCode.Accepted:
        on_done(form.result_id)
