"""Table models of the decisions tab: the paged matters list, the needs-action list, a matter's history.

``MatterListModel`` pages through the service's ``Listing`` (count once, 100-row pages on
demand, sort and filter in SQL); it stands in for the shared ``PagedTableModel`` until that
lands on main, with the same ``setQuery`` / ``row_id`` surface. The other two are small
in-memory lists (a dozen reminders, a few dozen history entries).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from govdesk.services.decisions_query import ActionItem, HistoryItem
from govdesk.services.listing import ColumnSpec, Listing, ListQuery, Row

PAGE_SIZE = 100
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


class MatterListModel(QAbstractTableModel):
    def __init__(self, listing: Listing, parent: Any = None) -> None:
        super().__init__(parent)
        self._listing = listing
        self._columns: tuple[ColumnSpec, ...] = tuple(listing.columns)
        self._query = ListQuery()
        self._pages: dict[int, list[Row]] = {}
        self._count = listing.count(self._query)

    @property
    def query(self) -> ListQuery:
        return self._query

    def setQuery(self, query: ListQuery) -> None:  # noqa: N802 - same surface as PagedTableModel
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._count = self._listing.count(query)
        self.endResetModel()

    def refresh(self) -> None:
        self.setQuery(self._query)

    def row_at(self, row: int) -> Row | None:
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, PAGE_SIZE)
        if number not in self._pages:
            self._pages[number] = self._listing.page(self._query, number * PAGE_SIZE, PAGE_SIZE)
        page = self._pages[number]
        return page[offset] if offset < len(page) else None

    def row_id(self, row: int) -> int | None:
        r = self.row_at(row)
        return r.id if r else None

    def row_of_id(self, row_id: int) -> int | None:
        for number, page in self._pages.items():
            for offset, r in enumerate(page):
                if r.id == row_id:
                    return number * PAGE_SIZE + offset
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        row = self.row_at(index.row())
        if row is None:
            return None
        value = row.values[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(value)
        if role == Qt.ItemDataRole.ForegroundRole and self._columns[index.column()].key in ("state", "stage"):
            color = STATE_COLORS.get(str(row.values[6]))
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.TextAlignmentRole and self._columns[index.column()].key == "amount":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].label if 0 <= section < len(self._columns) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self._columns[column].key if 0 <= column < len(self._columns) else None
        desc = order == Qt.SortOrder.DescendingOrder
        if key == self._query.sort_key and desc == self._query.descending:
            return
        self.setQuery(dataclasses.replace(self._query, sort_key=key, descending=desc))


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
    headers = ("台账编号", "事项", "待办", "期限", "逾期")

    def cells(self, item: ActionItem) -> tuple[str, ...]:
        return (item.number, item.title, item.what, item.due_on.isoformat(), item.overdue_text)

    def color(self, item: ActionItem, column: int) -> QColor | None:
        return RED if item.days_overdue > 0 and column == 4 else None


class HistoryModel(_ListModel):
    headers = ("序号", "日期", "事项", "内容", "结果", "更正", "校验码")

    def cells(self, item: HistoryItem) -> tuple[str, ...]:
        return (
            str(item.seq),
            _text(item.event_date),
            item.title if item.kind in ("步骤", "立项") else f"{item.kind}",
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
