"""What every small dialog of the window shares: the red error line, 确定/取消, the date field,
and the rule that an expected refusal (a ``GovdeskError``) keeps the dialog open with the input
so nothing typed is lost. The record forms with live validation (``forms.FormDialog``) build on
the same pieces."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from govdesk.errors import GovdeskError

ERROR_STYLE = "color: #c62828;"
OK_STYLE = "color: #2e7d32;"


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


def date_edit(value: date | None = None) -> QDateEdit:
    """A date field with a calendar pop-up, ISO display, today when no value is given."""
    w = QDateEdit(QDate(value or date.today()))
    w.setCalendarPopup(True)
    w.setDisplayFormat("yyyy-MM-dd")
    return w


def date_of(w: QDateEdit) -> date:
    """The day a date field shows, as a Python date."""
    return w.date().toPython()  # type: ignore[no-any-return]


class SubmitDialog(QDialog):
    """A form dialog whose 确定 runs ``submit()``: its return value is kept in ``result_value``;
    a ``GovdeskError`` is shown by ``show_error`` and the dialog stays open."""

    def __init__(self, title: str, parent: QWidget | None = None, *, min_width: int = 0) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        if min_width:
            self.setMinimumWidth(min_width)
        self.form = QFormLayout()
        self.error = error_label()
        self.buttons = ok_cancel_buttons()
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)
        self.body.addLayout(self.form)
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)
        self.result_value: object = None

    def submit(self) -> object:
        """Call the service; raise GovdeskError to keep the dialog open."""
        raise NotImplementedError

    def show_error(self, error: GovdeskError) -> None:
        self.error.setText(str(error))
        self.error.show()

    def accept(self) -> None:
        try:
            self.result_value = self.submit()
        except GovdeskError as exc:
            self.show_error(exc)
            return
        super().accept()
