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

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QMessageBox, QPlainTextEdit, QWidget

from govdesk.errors import FieldError, GovdeskError, NeedsConfirmation, ValidationError
from govdesk.labels import label
from ui.dialogs.common import DateField, FieldDialog

VALIDATE_DELAY_MS = 200
FIELD_MIN_WIDTH = 260


class FormDialog(FieldDialog):
    """A ``FieldDialog`` that validates while typing. Subclasses add fields, then implement the
    three hooks; 确定 (``submit``) saves ``build_input()`` once the validator has no complaint."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self._touched: set[str] = set()
        self._show_all = False
        self._errors: list[FieldError] = []
        self._loading = False

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(VALIDATE_DELAY_MS)
        self._timer.timeout.connect(self.validate_now)
        self.general_error = self.error

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
    def _add_row(self, key: str, widget: QWidget, text: str | None = None) -> None:
        widget.setMinimumWidth(FIELD_MIN_WIDTH)
        self.add_row(key, widget, text)

    def add_line(self, key: str, value: Any = "", *, placeholder: str = "", max_length: int = 0) -> QLineEdit:
        edit = self.line(key, value, placeholder, max_length=max_length)
        edit.setMinimumWidth(FIELD_MIN_WIDTH)
        edit.textEdited.connect(lambda _t, k=key: self._touch(k))
        edit.textChanged.connect(self._schedule)
        return edit

    def add_date(self, key: str, value: Any = None) -> DateField:
        """A date typed the way registers write it (or picked); tidied to YYYY-MM-DD when left."""
        field = self.date_field(key, value)
        field.setMinimumWidth(FIELD_MIN_WIDTH)
        field.textEdited.connect(lambda _t, k=key: self._touch(k))
        field.dateChanged.connect(lambda _d, k=key: self._touch(k))
        field.textChanged.connect(self._schedule)
        return field

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
        if isinstance(widget, QLineEdit | DateField):
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
        warning = ""
        try:
            self.check(self.build_input())
            errors: list[FieldError] = []
        except ValidationError as exc:
            errors = exc.errors
        except NeedsConfirmation as exc:  # savable once confirmed (an age over 120): said, not refused
            errors, warning = [], str(exc)
        self._errors = errors
        self._display(errors, general=warning)
        return errors

    def _display(self, errors: list[FieldError], general: str) -> None:
        held = self.show_errors(errors, general, shown=lambda key: self._show_all or key in self._touched)
        if held:
            lines = [self.error.text()] if self.error.text() else []
            lines.append("尚需填写或更正：" + "、".join(dict.fromkeys(label(k) for k in held)))
            self.error.setText("\n".join(lines))
            self.error.show()
        self.ok_button.setEnabled(not errors)

    def show_error(self, error: GovdeskError) -> None:
        if isinstance(error, ValidationError):  # e.g. duplicate ID number: shown at its field, input kept
            self._errors = error.errors
            self._display(error.errors, general="")
            self.ok_button.setEnabled(True)  # the clerk may change the field and try again
        else:
            self._display([], general=str(error))

    def submit(self) -> None:
        data = self.build_input()
        try:
            self.save(data)
        except NeedsConfirmation as exc:
            if not self.confirm(str(exc)):
                raise  # the dialog stays open with the question above the buttons
            self.save(dataclasses.replace(data, confirmed=True))

    def confirm(self, question: str) -> bool:
        """The clerk's answer to a warning the domain asks to confirm (an age over 120)."""
        answer = QMessageBox.question(self, "请确认", question)
        return answer == QMessageBox.StandardButton.Yes

    def accept(self) -> None:
        self._show_all = True
        if self.validate_now():
            return
        super().accept()

    def finish_loading(self) -> None:
        """Call at the end of a subclass constructor: validate the initial values once."""
        self._loading = False
        self.validate_now()

    def start_loading(self) -> None:
        self._loading = True


class RecordForm(FormDialog):
    """A form that adds a record or edits ``record_id`` (titled for which); an existing record's
    problems are shown at once, since every field already holds a value. ``saved_id`` after 确定."""

    def __init__(self, title: str, record_id: int | None, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.record_id = record_id
        self.saved_id: int | None = None
        self.start_loading()

    def finish_loading(self) -> None:
        if self.record_id:
            self.show_all_errors()
        super().finish_loading()

    def create_or_update(self, data: Any, update: Callable[[int, Any], object], create: Callable[[Any], int]) -> None:
        """``update`` the record being edited or ``create`` a new one; ``saved_id`` is its id."""
        if self.record_id:
            update(self.record_id, data)
            self.saved_id = self.record_id
        else:
            self.saved_id = create(data)
