"""The one table model for small lists held in memory (a household's residents, a matter's
history, the cadres, the duty log of a day): a few hundred rows at most, loaded at once.

Long registers page in SQL (``table_model.PagedTableModel``); everything short is a
``ListTableModel`` given its rows and, per column, how a row reads. Colours and tooltips are
optional functions of the row, so each list says only what differs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
ModelIndex = QModelIndex | QPersistentModelIndex
CellColor = Callable[[Any, int], QColor | None]


@dataclass(frozen=True)
class Column:
    """A column: its header and the text of a row's cell; ``align`` e.g. for counts."""

    header: str
    text: Callable[[Any], str]
    align: Qt.AlignmentFlag | None = None


class ListTableModel(QAbstractTableModel):
    """Read-only rows (any objects; ``id`` if they have one) shown through ``Column``s.

    ``foreground`` / ``background`` give a cell's colour (row, column) or None; ``tooltip``
    gives a cell's tooltip (row, column); ``full_text_tips``: the tooltip is the cell's whole
    text (for columns too narrow to show it).
    """

    def __init__(
        self,
        columns: Sequence[Column],
        parent: Any = None,
        *,
        foreground: CellColor | None = None,
        background: CellColor | None = None,
        tooltip: Callable[[Any, int], str | None] | None = None,
        full_text_tips: bool = False,
    ) -> None:
        super().__init__(parent)
        self.list_columns = tuple(columns)
        self.items: list[Any] = []
        self._foreground = foreground
        self._background = background
        self._tooltip = tooltip or (self._cell_text if full_text_tips else None)

    def set_items(self, items: Sequence[Any]) -> None:
        self.beginResetModel()
        self.items = list(items)
        self.endResetModel()

    def item(self, row: int) -> Any:
        """The row's object, None outside the list."""
        return self.items[row] if 0 <= row < len(self.items) else None

    def row_of(self, row_id: int) -> int | None:
        return next((i for i, r in enumerate(self.items) if getattr(r, "id", None) == row_id), None)

    def _cell_text(self, item: Any, column: int) -> str:
        return self.list_columns[column].text(item)

    # --- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.list_columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self.list_columns):
            return None
        item = self.item(index.row())
        if item is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.list_columns[col].text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, col) if self._tooltip else None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _brush(self._foreground, item, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            return _brush(self._background, item, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            align = self.list_columns[col].align
            return int(align) if align is not None else None
        if role == ROW_ID_ROLE:
            return getattr(item, "id", None)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.list_columns[section].header if 0 <= section < len(self.list_columns) else None
        return super().headerData(section, orientation, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _brush(color: CellColor | None, item: Any, column: int) -> QBrush | None:
    found = color(item, column) if color else None
    return QBrush(found) if found is not None else None
