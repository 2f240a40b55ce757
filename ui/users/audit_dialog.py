"""文件 → 操作记录: who changed what, newest first, filtered by user, record kind and id, and dates.

The list is the SQL-paged ``PagedTableModel`` over ``AuditService`` (a busy desk writes thousands
of rows a year); the selected row's values before and after are shown below it.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.audit import field_label
from ui.list_model import ROW_ID_ROLE
from ui.table_model import PagedTableModel

if TYPE_CHECKING:
    from govdesk.services.bundle import Services

EVERYONE, EVERY_KIND = "（全部用户）", "（全部记录）"


def _shown(value: object) -> str:
    if value is None or value == "":
        return "（空）"
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _values(text: str | None) -> str:
    if not text:
        return "—"
    try:
        values = json.loads(text)
    except ValueError:
        return text
    if isinstance(values, dict):
        return "；".join(f"{field_label(k)}：{_shown(v)}" for k, v in values.items())
    return str(values)


class AuditDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("操作记录")
        self.resize(1000, 600)
        self.user_box = QComboBox()
        self.user_box.addItems([EVERYONE, *services.audit.user_names()])
        self.kind_box = QComboBox()
        self.kind_box.addItem(EVERY_KIND, "")
        for table, label in services.audit.kinds():
            self.kind_box.addItem(label, table)
        self.record_edit = QLineEdit()
        self.record_edit.setPlaceholderText("记录编号")
        self.since_edit = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until_edit = QDateEdit(QDate.currentDate())
        for edit in (self.since_edit, self.until_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("内容中的文字（姓名、户号…）")
        search = QPushButton("查找")
        search.clicked.connect(self.apply_filters)
        bar = QHBoxLayout()
        for widget in (
            QLabel("用户"), self.user_box, QLabel("记录"), self.kind_box, self.record_edit,
            QLabel("从"), self.since_edit, QLabel("到"), self.until_edit, self.text_edit, search,
        ):  # fmt: skip
            bar.addWidget(widget)
        self.model = PagedTableModel(services.audit, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSortingEnabled(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setResizeContentsPrecision(0)  # fit to the rows on screen: no paging
        self.view.selectionModel().currentRowChanged.connect(self.show_details)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(110)
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.count_label)
        self.apply_filters()

    def filters(self) -> dict[str, object]:
        user = self.user_box.currentText()
        since: date = self.since_edit.date().toPython()  # type: ignore[assignment]
        until: date = self.until_edit.date().toPython()  # type: ignore[assignment]
        return {
            "user": "" if user == EVERYONE else user,
            "kind": self.kind_box.currentData() or "",
            "record_id": self.record_edit.text().strip(),
            "since": since,
            "until": until,
        }

    def apply_filters(self) -> None:
        self.model.set_filters(self.filters())
        self.model.set_text(self.text_edit.text())
        self.count_label.setText(f"共 {self.model.rowCount():,} 条")
        self.view.resizeColumnsToContents()
        self.details.clear()

    def show_details(self, current, _previous=None) -> None:  # noqa: ANN001 - Qt's indexes
        entry_id = self.model.data(current.sibling(current.row(), 0), ROW_ID_ROLE) if current.isValid() else None
        entry = self.services.audit.get(int(entry_id)) if entry_id is not None else None
        if entry is None:
            self.details.clear()
            return
        lines = [entry.summary]
        if entry.before:
            lines.append(f"{'修改前' if entry.after else '删除前'}：{_values(entry.before)}")
        if entry.after:
            lines.append(f"{'修改后' if entry.before else '内容'}：{_values(entry.after)}")
        self.details.setPlainText("\n".join(lines))
