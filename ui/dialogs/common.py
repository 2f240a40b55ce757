"""The one base of the window's dialogs, and the one date field.

``FieldDialog``: labelled rows, each with a red error line under its field; 确定 runs
``submit()``, which calls one service method. A ``ValidationError`` lands beside the fields it
names (an error for a field not on the form, or any other ``GovdeskError``, on the line above the
buttons) and the dialog stays open with everything typed, so nothing is lost. The record forms
with live validation (``forms.FormDialog``) are this dialog plus a validator asked while typing.

``DateField``: a date typed the way registers write it (1990-01-05, 1990.1.5, 19900105) or
picked from a calendar, tidied to YYYY-MM-DD when the field is left; it may be left empty
where the service allows it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from govdesk.errors import FieldError, GovdeskError, ValidationError
from govdesk.labels import label
from govdesk.validation import parse_date

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"
DATE_PLACEHOLDER = "如 1990-01-05、1990.1.5、19900105"


def error_label(hidden: bool = True) -> QLabel:
    """A wrapped red line for a refusal in Chinese; hidden until there is something to say."""
    w = QLabel()
    w.setStyleSheet(ERROR_STYLE)
    w.setWordWrap(True)
    if hidden:
        w.hide()
    return w


def ok_cancel_buttons() -> QDialogButtonBox:
    """确定 / 取消 in Chinese whatever the system language of Qt's own strings."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
    return buttons


def spin(maximum: int = 100_000, value: int = 0) -> QSpinBox:
    w = QSpinBox()
    w.setRange(0, maximum)
    w.setValue(value)
    return w


def date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, date) else ("" if value is None else str(value))


class DateField(QWidget):
    """A date line with a calendar button. ``text()`` is what was typed (services parse it);
    ``value()`` the day it names; ``dateChanged`` fires whenever the text names another day."""

    dateChanged = Signal(object)  # noqa: N815 - the Qt name, as on QDateEdit

    def __init__(
        self, value: date | None = None, parent: QWidget | None = None, *, placeholder: str = "", key: str = ""
    ) -> None:
        super().__init__(parent)
        self.key = key  # the field it stands for (FieldDialog.add_row sets it): errors name it
        self.line = QLineEdit(date_text(value))
        self.line.setPlaceholderText(placeholder or DATE_PLACEHOLDER)
        self.textChanged = self.line.textChanged
        self.textEdited = self.line.textEdited
        self.editingFinished = self.line.editingFinished
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        menu.aboutToShow.connect(self._show_calendar)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("从日历中选择")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(menu)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.line, 1)
        lay.addWidget(self.button)
        self.setFocusProxy(self.line)
        self._last: date | None = self._parsed()
        self.line.textChanged.connect(self._text_changed)
        self.line.editingFinished.connect(self._tidy)

    def lineEdit(self) -> QLineEdit:  # noqa: N802 - as QComboBox and QDateEdit name it
        return self.line

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:  # noqa: N802 - reads like QLineEdit
        self.line.setText(text)

    def setDate(self, value: date | QDate | None) -> None:  # noqa: N802 - reads like QDateEdit
        day = value.toPython() if isinstance(value, QDate) else value
        self.line.setText(date_text(day))

    def value(self) -> date | None:
        """The day typed, None when empty; ``ValueError`` (Chinese) when it is not a date."""
        return parse_date(self.line.text())

    def _parsed(self) -> date | None:
        try:
            return self.value()
        except ValueError:
            return None

    def _text_changed(self, _text: str) -> None:
        day = self._parsed()
        if day is not None and day != self._last:
            self._last = day
            self.dateChanged.emit(day)

    def _tidy(self) -> None:
        day = self._parsed()
        if day is not None and self.line.text() != day.isoformat():
            self.line.setText(day.isoformat())

    def _show_calendar(self) -> None:
        self.calendar.setSelectedDate(QDate(self._parsed() or date.today()))

    def _picked(self, day: QDate) -> None:
        self.setDate(day)
        self.button.menu().hide()


def date_of(field: DateField) -> date:
    """The day a required date field names; otherwise a ValidationError shown beside the field."""
    try:
        day = field.value()
    except ValueError as exc:
        message = str(exc)
    else:
        if day is not None:
            return day
        message = "不能为空"
    key = field.key or "date"
    raise ValidationError([FieldError(key, label(key) if field.key else "日期", message)])


def optional_date_of(field: DateField) -> date | None:
    """The day a date field names, None when left empty; a ValidationError when it is no date."""
    return date_of(field) if field.text().strip() else None


class FieldDialog(QDialog):
    """A form dialog whose 确定 runs ``submit()``; its return value is kept in ``result_value``.

    Rows added with ``add_row`` (or the helpers) carry their own red error line; ``show_error``
    puts each error of a ``ValidationError`` beside its field and everything else above the
    buttons. A refused ``submit`` keeps the dialog open with the input.
    """

    def __init__(self, title: str, parent: QWidget | None = None, *, min_width: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        if min_width:
            self.setMinimumWidth(min_width)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.error = error_label()
        self.buttons = ok_cancel_buttons()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addWidget(self.intro)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)
        self.result_value: Any = None
        self._widgets: dict[str, QWidget] = {}
        self._error_labels: dict[str, QLabel] = {}

    # --- building ------------------------------------------------------------------------
    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    @property
    def result_id(self) -> Any:
        """What ``submit()`` returned (e.g. the id of the record to select next)."""
        return self.result_value

    def set_intro(self, text: str) -> None:
        """A line of explanation above the fields."""
        self.intro.setText(text)
        self.intro.show()

    def add_row(self, field: str, widget: QWidget, text: str | None = None) -> Any:
        """A row labelled from FIELD_LABELS (or ``text``) with a hidden red error line under it."""
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        err = error_label()
        lay.addWidget(err)
        caption = text or label(field)
        self.form.addRow(caption if caption.endswith("：") else f"{caption}：", holder)
        if isinstance(widget, DateField):
            widget.key = field
        self._widgets[field] = widget
        self._error_labels[field] = err
        return widget

    def line(self, field: str, value: Any = "", placeholder: str = "", *, max_length: int = 0) -> QLineEdit:
        w = QLineEdit(date_text(value))
        if placeholder:
            w.setPlaceholderText(placeholder)
        if max_length:
            w.setMaxLength(max_length)
        return self.add_row(field, w)  # type: ignore[no-any-return]

    def text_box(self, field: str, value: str = "", height: int = 70) -> QPlainTextEdit:
        w = QPlainTextEdit(value)
        w.setFixedHeight(height)
        w.setTabChangesFocus(True)
        return self.add_row(field, w)  # type: ignore[no-any-return]

    def combo(self, field: str, items: Sequence[str], current: str = "", *, editable: bool = False) -> QComboBox:
        w = QComboBox()
        w.setEditable(editable)
        w.addItems(list(items))
        if current in items or (editable and current):
            w.setCurrentText(current)
        return self.add_row(field, w)  # type: ignore[no-any-return]

    def date_field(self, field: str, value: date | None = None, placeholder: str = "") -> DateField:
        return self.add_row(field, DateField(value, placeholder=placeholder))  # type: ignore[no-any-return]

    def widget(self, key: str) -> QWidget:
        return self._widgets[key]

    def error_text(self, key: str) -> str:
        """What is shown under a field now (tests and screen readers)."""
        lab = self._error_labels.get(key)
        return lab.text() if lab is not None and not lab.isHidden() else ""

    # --- errors --------------------------------------------------------------------------
    def show_errors(
        self, errors: Sequence[FieldError], general: str = "", shown: Callable[[str], bool] = lambda _key: True
    ) -> list[str]:
        """Each error under its field (where ``shown`` allows); the rest, and ``general``, above
        the buttons. Returns the fields whose errors are held back."""
        by_field: dict[str, list[str]] = {}
        for e in errors:
            by_field.setdefault(e.field, []).append(e.message)
        held: list[str] = []
        for key, lab in self._error_labels.items():
            messages = by_field.pop(key, [])
            visible = bool(messages) and shown(key)
            lab.setText("；".join(messages) if visible else "")
            lab.setVisible(visible)
            if messages and not visible:
                held.append(key)
        lines = [general] if general else []
        lines.extend(f"{e.label}：{e.message}" for e in errors if e.field in by_field)  # fields not on the form
        self.error.setText("\n".join(lines))
        self.error.setVisible(bool(lines))
        return held

    def show_error(self, error: GovdeskError) -> None:
        if isinstance(error, ValidationError):
            self.show_errors(error.errors)
        else:
            self.show_errors([], general=str(error))

    # --- submitting ----------------------------------------------------------------------
    def submit(self) -> Any:
        """Call the service; raise GovdeskError to keep the dialog open."""
        raise NotImplementedError

    def accept(self) -> None:
        try:
            self.result_value = self.submit()
        except GovdeskError as exc:
            self.show_error(exc)
            return
        self.saved()
        super().accept()

    def saved(self) -> None:
        """After a successful save, before the dialog closes: what the clerk should still be told
        (e.g. points a cap withheld). Nothing by default."""

    def tell(self, text: str) -> None:
        """A seam: tests read what was said instead of a message box."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, self.windowTitle(), text)
