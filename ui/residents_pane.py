"""The household detail pane: the selected household's residents, with add / edit / end.

A household has a handful of residents, so they are loaded at once into a small
``RowListModel``; the household list above stays SQL-paged.
"""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from ui.dialogs.end_record_dialog import EndRecordDialog
from ui.dialogs.people_dialogs import MoveResidentDialog
from ui.dialogs.resident_dialog import ResidentDialog
from ui.jobs import show_error
from ui.list_tab import make_table_view, set_column_widths
from ui.table_model import RowListModel

COLUMN_WIDTHS = {"name": 5, "relation": 5.5, "sex": 2.5, "birth_date": 6, "id_number": 11, "ethnicity": 4}
RunDialog = Callable[[QDialog], bool]
RESIDENT_END_REASONS = ("迁出", "去世", "出嫁迁出", "入学迁出", "参军", "录入错误", "其他")


class ResidentsPane(QWidget):
    """One household's residents. What it writes reaches the list above as a change (govdesk.changes)."""

    def __init__(self, services: Services, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.run_dialog = run_dialog  # the owning tab's seam, so tests drive dialogs in one place
        self.household_id: int | None = None
        self.household_label = ""
        self.model = RowListModel(services.households.resident_columns, parent=self)
        self.title = QLabel("请在上方选择一户")
        self.title.setStyleSheet("font-weight: bold;")
        self.show_ended = QCheckBox("显示已注销居民")
        self.show_ended.toggled.connect(lambda _c: self.reload())
        self.add_button = QPushButton(qta.icon("fa5s.user-plus"), "添加居民")
        self.edit_button = QPushButton(qta.icon("fa5s.user-edit"), "修改")
        self.end_button = QPushButton(qta.icon("fa5s.user-slash"), "注销")
        self.move_button = QPushButton(qta.icon("fa5s.exchange-alt"), "迁移")
        self.move_button.setToolTip("迁到本村另一户（婚嫁、分户…），迁移记录保留")
        self.move_button.clicked.connect(lambda _c=False: self.move_current())
        self.add_button.clicked.connect(lambda _c=False: self.add_resident())
        self.edit_button.clicked.connect(lambda _c=False: self.edit_current())
        self.end_button.clicked.connect(lambda _c=False: self.end_current())

        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit_current())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        set_column_widths(self.table, [c.key for c in self.model.columns], COLUMN_WIDTHS)
        self.table.horizontalHeader().setStretchLastSection(False)  # no column is worth the spare width

        bar = QHBoxLayout()
        bar.addWidget(self.title)
        bar.addStretch(1)
        bar.addWidget(self.show_ended)
        for b in (self.add_button, self.edit_button, self.move_button, self.end_button):
            bar.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        self._update_buttons()

    def set_household(self, household_id: int | None, title: str = "") -> None:
        self.household_id = household_id
        self.household_label = title
        self.reload()

    def reload(self) -> None:
        if self.household_id is None:
            self.model.set_rows([])
            self.title.setText("请在上方选择一户")
        else:
            rows = self.services.households.residents(self.household_id, include_ended=self.show_ended.isChecked())
            self.model.set_rows(rows)
            active = sum(1 for r in rows if not r.ended)
            self.title.setText(f"{self.household_label} · 在册 {active} 人")
        self._update_buttons()

    def current_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.household_id is not None)
        selected = self.current_id() is not None
        self.edit_button.setEnabled(selected)
        self.end_button.setEnabled(selected and not self._current_ended())
        self.move_button.setEnabled(selected and not self._current_ended())

    def _current_ended(self) -> bool:
        rows = self.table.selectionModel().selectedRows()
        found = self.model.row_at(rows[0].row()) if rows else None
        return bool(found and found.ended)

    def add_resident(self) -> None:
        if self.household_id is None:
            return
        dialog = ResidentDialog(self.services, self.household_id, None, self, household_label=self.household_label)
        if self.run_dialog(dialog):
            self.reload()

    def edit_current(self) -> None:
        resident_id = self.current_id()
        if resident_id is None or self.household_id is None:
            return
        try:
            dialog = ResidentDialog(
                self.services, self.household_id, resident_id, self, household_label=self.household_label
            )
        except GovdeskError as exc:
            show_error(exc, self)
            return
        if self.run_dialog(dialog):
            self.reload()

    def end_current(self) -> None:
        resident_id = self.current_id()
        if resident_id is None:
            return
        name = self.services.households.get_resident(resident_id).name
        dialog = EndRecordDialog(
            f"居民 {name}",
            lambda on, reason: self.services.households.end_resident(resident_id, on, reason),
            self,
            reasons=RESIDENT_END_REASONS,
        )
        if self.run_dialog(dialog):
            self.reload()

    def move_current(self) -> None:
        """迁移: the selected resident joins another household; the move is kept as history."""
        resident_id = self.current_id()
        if resident_id is None:
            return
        name = self.services.households.get_resident(resident_id).name
        details = self.services.household_details
        dialog = MoveResidentDialog(
            name,
            self.services.households,
            lambda hid, relation, on, reason: details.move_resident(resident_id, hid, relation, on, reason),
            self,
            from_household=self.household_id,
        )
        if self.run_dialog(dialog):
            self.reload()
