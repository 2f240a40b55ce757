"""注销: a record leaves the active list with a date and a reason; nothing is deleted.

The clerk is asked years later "when did he move out and why" — so 'delete' in this program
always means 'end on a date, for a reason', and the ended row stays visible on request.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label
from govdesk.services.people_common import end_reason_checked
from govdesk.validation import clean_text, parse_date
from ui.dialogs.forms import FormDialog

END_REASONS = ("迁出", "去世", "转出", "出党", "合户", "录入错误", "其他")

EndAction = Callable[[date | None, str], None]


class EndRecordDialog(FormDialog):
    """Asks 注销日期 and 注销原因, then calls ``end(on, reason)`` (a service method)."""

    def __init__(
        self,
        what: str,
        end: EndAction,
        parent: QWidget | None = None,
        *,
        reasons: Sequence[str] = END_REASONS,
        note: str = "",
        intro: str = "",
    ) -> None:
        super().__init__(f"注销：{what}", parent)
        self._end = end
        self.start_loading()
        first = QLabel(intro or f"注销后“{what}”不再出现在默认列表中，记录和历史仍然保留（勾选“显示已注销”可查看）。")
        first.setWordWrap(True)
        self.form.addRow(first)
        if note:
            extra = QLabel(note)
            extra.setWordWrap(True)
            self.form.addRow(extra)
        self.add_date("ended_on", date.today())
        self.add_combo("end_reason", [("", "")] + [(r, r) for r in reasons], "", editable=True)
        self.ok_button.setText("注销")
        self.finish_loading()

    def build_input(self) -> dict[str, Any]:
        return {"ended_on": self.value("ended_on"), "end_reason": self.value("end_reason")}

    def check(self, data: dict[str, Any]) -> None:
        """Date format here; the rule itself (date not in the future, a reason) is the domain's."""
        try:
            day = parse_date(data["ended_on"])
        except ValueError as exc:
            errors = [FieldError("ended_on", label("ended_on"), str(exc))]
            try:
                end_reason_checked(date.today(), data["end_reason"])
            except ValidationError as more:
                errors += more.errors
            raise ValidationError(errors) from None
        end_reason_checked(day, data["end_reason"])

    def save(self, data: dict[str, Any]) -> None:
        self._end(parse_date(data["ended_on"]), clean_text(data["end_reason"]))
