"""Small in-memory models of 设置 → 村和组织: a few dozen rows at most, so no paging.

``RowsModel`` shows a list of frozen dataclass rows through column getters; ``unit_tree_model``
builds the 党总支 → 党支部 → 党小组 tree as a QStandardItemModel whose items carry the unit id.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel

from govdesk.services.organisation import UnitRow

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ENDED_COLOR = QColor("#888888")
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]


class RowsModel(QAbstractTableModel):
    """Rows with an ``id``; ``is_ended`` greys out a row that is kept only for the record."""

    def __init__(self, columns: Sequence[Column], is_ended: Callable[[Any], bool] | None = None) -> None:
        super().__init__()
        self.columns = list(columns)
        self.rows: list[Any] = []
        self._is_ended = is_ended

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt API
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.columns[index.column()].text(row)
        if role == ROW_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and self._is_ended is not None and self._is_ended(row):
            return QBrush(ENDED_COLOR)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].header
        return None

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, r in enumerate(self.rows) if r.id == row_id), None)


def unit_tree_model(units: Sequence[UnitRow]) -> QStandardItemModel:
    """Columns 组织 / 类别 / 书记（组长）; children under their parent, orphans at the top."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["组织名称", "类别", "书记（组长）"])
    items: dict[int, QStandardItem] = {}
    known = {u.id for u in units}
    pending = list(units)
    while pending:  # parents first, whatever order the rows came in
        rest = []
        for u in pending:
            if u.parent_id is not None and u.parent_id in known and u.parent_id not in items:
                rest.append(u)
                continue
            row = [QStandardItem(u.name), QStandardItem(u.kind), QStandardItem(u.leader_name or "（未设置）")]
            for item in row:
                item.setEditable(False)
                item.setData(u.id, ROW_ID_ROLE)
            parent = items.get(u.parent_id) if u.parent_id is not None else None
            (parent or model.invisibleRootItem()).appendRow(row)
            items[u.id] = row[0]
        if len(rest) == len(pending):
            break
        pending = rest
    return model
