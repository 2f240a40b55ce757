"""Table models of the decisions tab: the paged matters list, the needs-action list, a matter's history.

``MatterListModel`` is the shared ``PagedTableModel`` (count once, pages on demand, sort and
filter in SQL) with the state columns coloured. The other two are small in-memory lists (a
dozen reminders, a few dozen history entries).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from govdesk.services.decisions_query import HistoryItem
from govdesk.services.listing import Listing, ListQuery
from ui.list_model import Column, ListTableModel
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


class ActionModel(ListTableModel):
    """待办提醒: a dozen reminders, the overdue ones red."""

    DUE_COLUMN = 3  # the tab hides it to fit a narrow pane; the 逾期/剩余 cell's tooltip names the day

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("台账编号", lambda i: i.number),
                Column("事项", lambda i: i.title),
                Column("待办", lambda i: i.what),
                Column("期限", lambda i: i.due_on.isoformat()),
                Column("逾期/剩余", lambda i: i.overdue_text),
            ],
            parent,
            foreground=lambda i, col: RED if i.days_overdue > 0 and col == 4 else None,
            tooltip=lambda i, _col: f"{i.title}：{i.what}，期限 {i.due_on.isoformat()}（{i.overdue_text}）",
        )


def _history_step(item: HistoryItem) -> str:
    if item.kind in ("步骤", "立项"):
        return item.title
    return f"更正：{item.title}" if item.kind == "更正" else item.kind


def _history_color(item: HistoryItem, column: int) -> QColor | None:
    if item.outcome == "未通过" or item.kind in ("终止", "退回"):
        return RED
    if not item.correctable:
        return GREY
    if column == 4 and item.outcome == "通过":
        return GREEN
    return None


class HistoryModel(ListTableModel):
    """A matter's history, oldest first: failed red, superseded grey, passed green."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            [
                Column("序号", lambda i: str(i.seq)),
                Column("日期", lambda i: _text(i.event_date)),
                Column("事项", _history_step),
                Column("内容", lambda i: i.summary),
                Column("结果", lambda i: i.outcome),
                Column("更正", lambda i: i.note),
                Column("校验码", lambda i: i.hash_short),
            ],
            parent,
            foreground=_history_color,
            full_text_tips=True,
        )
