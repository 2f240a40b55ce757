"""Table models of the decisions tab: the paged matters list, the needs-action list, a matter's history.

``MatterListModel`` is the shared ``PagedTableModel`` (count once, pages on demand, sort and
filter in SQL) with the state columns coloured. The other two are small in-memory lists (a
dozen reminders, a few dozen history entries).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from govdesk.services.decisions_query import HistoryItem
from govdesk.services.decisions_reminders import ActionItem
from govdesk.services.listing import Listing, ListQuery
from ui.table_model import PagedTableModel

ModelIndex = QModelIndex | QPersistentModelIndex
RED = QColor(198, 40, 40)
GREEN = QColor(46, 125, 50)
GREY = QColor(130, 130, 130)
STATE_COLORS = {
    "未通过待处理": RED,
    "已终止": GREY,
    "已决议待公开": QColor(230, 120, 0),
    "已完工待公开": QColor(230, 120, 0),
}


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class MatterListModel(PagedTableModel):
    """The shared SQL-paged model, with the state columns coloured (failed red, ended grey)."""

    def __init__(self, listing: Listing, parent: Any = None) -> None:
        super().__init__(listing, ListQuery(sort_key="number", descending=True), parent=parent)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            key = self.columns[index.column()].key if index.column() < len(self.columns) else ""
            if key in ("state", "stage"):
                row = self.row_at(index.row())
                color = STATE_COLORS.get(str(row.values[6])) if row else None
                return QBrush(color) if color else None
        return super().data(index, role)


class _ListModel(QAbstractTableModel):
    """A small read-only list of dataclass rows shown through ``cells(row)``."""

    headers: tuple[str, ...] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.items: list[Any] = []

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def cells(self, item: Any) -> tuple[str, ...]:
        raise NotImplementedError

    def color(self, item: Any, column: int) -> QColor | None:
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            cells = self.cells(item)
            return cells[index.column()] if index.column() < len(cells) else None
        if role == Qt.ItemDataRole.ForegroundRole:
            color = self.color(item, index.column())
            return QBrush(color) if color else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class ActionModel(_ListModel):
    headers = ("台账编号", "事项", "待办", "期限", "逾期/剩余")
    DUE_COLUMN = 3  # the tab hides it to fit a narrow pane; the 逾期/剩余 cell's tooltip names the day

    def cells(self, item: ActionItem) -> tuple[str, ...]:
        return (item.number, item.title, item.what, item.due_on.isoformat(), item.overdue_text)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and 0 <= index.row() < len(self.items):
            item = self.items[index.row()]
            return f"{item.title}：{item.what}，期限 {item.due_on.isoformat()}（{item.overdue_text}）"
        return super().data(index, role)

    def color(self, item: ActionItem, column: int) -> QColor | None:
        return RED if item.days_overdue > 0 and column == 4 else None


class HistoryModel(_ListModel):
    headers = ("序号", "日期", "事项", "内容", "结果", "更正", "校验码")

    def cells(self, item: HistoryItem) -> tuple[str, ...]:
        return (
            str(item.seq),
            _text(item.event_date),
            item.title
            if item.kind in ("步骤", "立项")
            else f"更正：{item.title}"
            if item.kind == "更正"
            else item.kind,
            item.summary,
            item.outcome,
            item.note,
            item.hash_short,
        )

    def color(self, item: HistoryItem, column: int) -> QColor | None:
        if item.outcome == "未通过" or item.kind in ("终止", "退回"):
            return RED
        if not item.correctable and item.kind not in ("终止", "退回"):
            return GREY
        if column == 4 and item.outcome == "通过":
            return GREEN
        return None
