"""Shared machinery of the record dialogs: fields, live validation, errors next to fields.

Every rule lives in the domain validators (``validate_member``, ``validate_resident``…); a
dialog only gathers raw text into the service's input dataclass and asks the validator, a
moment after each keystroke, what is wrong. Each ``FieldError`` is shown in red under its
field and 确定 stays disabled while anything is wrong. Errors of fields the user has not
touched yet are not shouted at them; the line above the buttons says what is still missing.
A ``ValidationError`` raised when saving (e.g. a duplicate ID number, only the database
knows) lands under its field the same way, and the dialog stays open with the input.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.errors import FieldError, GovdeskError, ValidationError
from govdesk.labels import label
from govdesk.validation import parse_date
from ui.dialogs.common import error_label, ok_cancel_buttons

VALIDATE_DELAY_MS = 200
DATE_PLACEHOLDER = "如 1990-01-05、1990.1.5、19900105"
FIELD_MIN_WIDTH = 260


def date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))


class FormDialog(QDialog):
    """Base of the record dialogs. Subclasses add fields, then implement the three hooks."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self._widgets: dict[str, QWidget] = {}
        self._error_labels: dict[str, QLabel] = {}
        self._touched: set[str] = set()
        self._show_all = False
        self._errors: list[FieldError] = []
        self._loading = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)

        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.general_error = error_label()
        self.buttons = ok_cancel_buttons()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.addLayout(self.form)
        outer.addWidget(self.general_error)
        outer.addWidget(self.buttons)

    # --- hooks -------------------------------------------------------------------------
    def build_input(self) -> Any:
        """The service input dataclass filled from the fields (raw values, unchecked)."""
        raise NotImplementedError

    def check(self, data: Any) -> None:
        """Call the domain validator; it raises ValidationError listing every problem."""
        raise NotImplementedError

    def save(self, data: Any) -> None:
        """Call the service's create/update; may raise ValidationError or GovdeskError."""
        raise NotImplementedError

    # --- building fields ----------------------------------------------------------------
    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _add_row(self, key: str, widget: QWidget, text: str | None = None) -> None:
        error = error_label()
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        lay.addWidget(error)
        widget.setMinimumWidth(FIELD_MIN_WIDTH)
        self.form.addRow(f"{text or label(key)}：", box)
        self._widgets[key] = widget
        self._error_labels[key] = error

    def add_line(self, key: str, value: Any = "", *, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        edit = QLineEdit(date_text(value))
        if placeholder:
            edit.setPlaceholderText(placeholder)
        if max_length:
            edit.setMaxLength(max_length)
        edit.textEdited.connect(lambda _t, k=key: self._touch(k))
        edit.textChanged.connect(self._schedule)
        self._add_row(key, edit)
        return edit

    def add_date(self, key: str, value: Any = None) -> QLineEdit:
        """A date typed the way registers write it; tidied to YYYY-MM-DD when the field is left."""
        edit = self.add_line(key, value, placeholder=DATE_PLACEHOLDER)

        def tidy() -> None:
            try:
                parsed = parse_date(edit.text())
            except ValueError:
                return
            if parsed is not None and edit.text() != parsed.isoformat():
                edit.setText(parsed.isoformat())

        edit.editingFinished.connect(tidy)
        return edit

    def add_combo(
        self, key: str, items: Sequence[tuple[str, Any]], value: Any = None, *, editable: bool = False
    ) -> QComboBox:
        """Items are (text, data); an editable combo also takes free text (e.g. a new post)."""
        combo = QComboBox()
        combo.setEditable(editable)
        for text, data in items:
            combo.addItem(text, data)
        self.set_combo(combo, value)
        combo.activated.connect(lambda _i, k=key: self._touch(k))
        combo.currentIndexChanged.connect(self._schedule)
        if editable:
            line = combo.lineEdit()
            line.textEdited.connect(lambda _t, k=key: self._touch(k))
            combo.editTextChanged.connect(self._schedule)
        self._add_row(key, combo)
        return combo

    def add_notes(self, key: str = "notes", value: Any = "") -> QPlainTextEdit:
        edit = QPlainTextEdit(str(value or ""))
        edit.setFixedHeight(60)
        edit.setTabChangesFocus(True)
        edit.textChanged.connect(self._schedule)
        self._add_row(key, edit)
        return edit

    @staticmethod
    def set_combo(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value) if value is not None else -1
        if index < 0 and isinstance(value, str):
            index = combo.findText(value)
        if index >= 0:
            combo.setCurrentIndex(index)
        elif combo.isEditable() and value not in (None, ""):
            combo.setEditText(str(value))
        elif combo.count():
            combo.setCurrentIndex(0)

    def value(self, key: str) -> Any:
        """The raw value of a field: text of a line edit, data (or typed text) of a combo."""
        widget = self._widgets[key]
        if isinstance(widget, QLineEdit):
            return widget.text()
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QComboBox):
            if widget.isEditable():
                text = widget.currentText()
                idx = widget.findText(text)
                data = widget.itemData(idx) if idx >= 0 else None
                return data if data is not None else text
            return widget.currentData()
        raise TypeError(f"unsupported field widget for {key}")

    def widget(self, key: str) -> QWidget:
        return self._widgets[key]

    def error_text(self, key: str) -> str:
        """What is shown under a field now (tests and screen readers)."""
        lab = self._error_labels.get(key)
        return lab.text() if lab is not None and not lab.isHidden() else ""

    # --- validation ---------------------------------------------------------------------
    def _touch(self, key: str) -> None:
        self._touched.add(key)

    def _schedule(self, *_args: Any) -> None:
        if not self._loading:
            self._timer.start()

    def show_all_errors(self) -> None:
        """Editing an existing record: every field already has a value, so show every problem."""
        self._show_all = True

    def validate_now(self) -> list[FieldError]:
        self._timer.stop()
        try:
            self.check(self.build_input())
            errors: list[FieldError] = []
        except ValidationError as exc:
            errors = exc.errors
        self._errors = errors
        self._display(errors, general="")
        return errors

    def _display(self, errors: list[FieldError], general: str) -> None:
        by_field: dict[str, list[str]] = {}
        for e in errors:
            by_field.setdefault(e.field, []).append(e.message)
        hidden: list[str] = []
        for key, lab in self._error_labels.items():
            messages = by_field.pop(key, [])
            visible = bool(messages) and (self._show_all or key in self._touched)
            lab.setText("；".join(messages) if visible else "")
            lab.setVisible(visible)
            if messages and not visible:
                hidden.append(label(key))
        lines = [general] if general else []
        lines.extend(f"{e.label}：{e.message}" for e in errors if e.field in by_field)  # fields not on the form
        if hidden:
            lines.append("尚需填写或更正：" + "、".join(dict.fromkeys(hidden)))
        self.general_error.setText("\n".join(lines))
        self.general_error.setVisible(bool(lines))
        self.ok_button.setEnabled(not errors)

    def accept(self) -> None:
        self._show_all = True
        if self.validate_now():
            return
        try:
            self.save(self.build_input())
        except ValidationError as exc:  # e.g. duplicate ID number: shown at its field, input kept
            self._errors = exc.errors
            self._display(exc.errors, general="")
            self.ok_button.setEnabled(True)  # the clerk may change the field and try again
            return
        except GovdeskError as exc:
            self._display([], general=str(exc))
            return
        super().accept()

    def finish_loading(self) -> None:
        """Call at the end of a subclass constructor: validate the initial values once."""
        self._loading = False
        self.validate_now()

    def start_loading(self) -> None:
        self._loading = True
