"""Shared machinery of the decision-log dialogs: labelled fields, errors under their field.

A dialog gathers raw input into the service's input dataclass and calls the service; every
rule lives there. A ``ValidationError`` lands in red under each named field, any other
refusal (a step out of order, a closed objection period) above the buttons, and the dialog
stays open with the input so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govdesk.errors import GovdeskError, ValidationError
from govdesk.labels import label
from ui.dialogs.common import SubmitDialog, error_label


def spin(maximum: int = 100_000, value: int = 0) -> QSpinBox:
    w = QSpinBox()
    w.setRange(0, maximum)
    w.setValue(value)
    return w


class DecisionForm(SubmitDialog):
    """A decision-log form: field labels from FIELD_LABELS, each error under its own field.

    ``result_id`` is what ``submit()`` returned (the matter or entry id the tab selects next).
    """

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self._errors: dict[str, QLabel] = {}

    @property
    def result_id(self) -> Any:
        return self.result_value

    def add(self, field: str, widget: QWidget, text: str | None = None) -> QWidget:
        """A row labelled from FIELD_LABELS with a hidden red error line under the widget."""
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = error_label()
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
        self.error.hide()
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
            self.error.setText("\n".join(unplaced))
            self.error.show()


def run_form(form: DecisionForm, on_done: Callable[[Any], None]) -> None:
    if form.exec() == QDialog.DialogCode.Accepted:
        on_done(form.result_id)
