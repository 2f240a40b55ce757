"""The person part shared by the member and resident dialogs: name, ID number, sex, birth date.

Typing a complete, valid ID number fills sex and birth date from it (GB 11643 carries both),
so the clerk types one thing instead of three and the three can never disagree.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit

from govdesk import idcard
from govdesk.vocabulary import DEFAULT_ETHNICITY, ETHNIC_GROUPS, SEX_FEMALE, SEX_MALE
from ui.dialogs.common import DateField
from ui.dialogs.forms import FormDialog


class PersonFields:
    """Adds the person rows to a FormDialog and keeps sex/birth date in step with the number."""

    def __init__(self, dialog: FormDialog, data: Any) -> None:
        self.dialog = dialog
        self.name: QLineEdit = dialog.add_line("name", data.name, max_length=50)
        self.id_number: QLineEdit = dialog.add_line(
            "id_number", data.id_number, placeholder="18 位，末位可为 X", max_length=22
        )
        self.sex: QComboBox = dialog.add_combo(
            "sex", [("（按身份证号）", ""), (SEX_MALE, SEX_MALE), (SEX_FEMALE, SEX_FEMALE)], data.sex or ""
        )
        self.birth_date: DateField = dialog.add_date("birth_date", data.birth_date)
        self.ethnicity: QComboBox = dialog.add_combo(
            "ethnicity", [(e, e) for e in ETHNIC_GROUPS], data.ethnicity or DEFAULT_ETHNICITY, editable=True
        )
        self.id_hint = ""
        self.id_number.textChanged.connect(self._fill_from_number)

    def _fill_from_number(self, text: str) -> None:
        try:
            info = idcard.check(text)
        except idcard.IdNumberError:
            self.id_hint = ""
            return
        self.id_hint = "；".join(info.warnings)
        FormDialog.set_combo(self.sex, info.sex)
        if self.birth_date.text() != info.birth_date.isoformat():
            self.birth_date.setText(info.birth_date.isoformat())
        if info.warnings:
            self.id_number.setToolTip(self.id_hint)
