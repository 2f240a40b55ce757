"""Table models over the services' ``Listing`` protocol.

``PagedTableModel`` never loads a whole table: it asks ``count()`` once per query and then
fetches 200-row pages only for the rows the view actually paints, sorted and filtered in
SQL. A township file holds ~200,000 residents; scrolling to row 150,000 costs one page
query, not 150,000 objects. ``RowListModel`` is the in-memory ``ListTableModel`` for the
handful of ``Row``s of a detail pane.
"""

from __future__ import annotations

import dataclasses
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from govdesk.services.listing import ColumnSpec, Listing, ListQuery, Row
from ui.list_model import ROW_ID_ROLE, Column, ListTableModel

PAGE_SIZE = 200
MAX_CACHED_PAGES = 64  # 12,800 rows in memory at most, however far the clerk scrolls
ENDED_COLOR = QColor(150, 150, 150)
ENDED_ROLE = Qt.ItemDataRole.UserRole + 2

ModelIndex = QModelIndex | QPersistentModelIndex


def display_value(value: Any) -> str:
    """How a cell value reads on screen: dates as YYYY-MM-DD, nothing as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "是" if value else "否"
    return str(value)


def _cell_data(row: Row, column: int, role: int) -> Any:
    if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
        value = row.values[column] if column < len(row.values) else None
        text = display_value(value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{text}（已注销）" if row.ended and text else None
        return text
    if role == Qt.ItemDataRole.ForegroundRole:
        return QBrush(ENDED_COLOR) if row.ended else None
    if role == Qt.ItemDataRole.TextAlignmentRole:
        value = row.values[column] if column < len(row.values) else None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
    if role == ROW_ID_ROLE:
        return row.id
    if role == ENDED_ROLE:
        return row.ended
    return None


class PagedTableModel(QAbstractTableModel):
    """A read-only, SQL-paged view of any ``Listing`` (members, households, later rosters…)."""

    def __init__(
        self,
        listing: Listing,
        query: ListQuery | None = None,
        *,
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._listing = listing
        self._columns: tuple[ColumnSpec, ...] = tuple(listing.columns)
        self._query = query or ListQuery()
        self._page_size = page_size
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._count = self._listing.count(self._query)
        self.page_fetches = 0  # for tests and the benchmark: how many SQL pages were read

    # --- the query ---------------------------------------------------------------------
    @property
    def query(self) -> ListQuery:
        return self._query

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        return self._columns

    def setQuery(self, query: ListQuery) -> None:  # noqa: N802 - Qt naming style
        """Replace the whole query (text, filters, sort, ended rows) and reload."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._count = self._listing.count(query)
        self.endResetModel()

    def set_text(self, text: str) -> None:
        if text != self._query.text:
            self.setQuery(dataclasses.replace(self._query, text=text))

    def set_filters(self, filters: dict[str, Any]) -> None:
        clean = {k: v for k, v in filters.items() if v not in (None, "")}
        if clean != self._query.filters:
            self.setQuery(dataclasses.replace(self._query, filters=clean))

    def set_include_ended(self, include: bool) -> None:
        if include != self._query.include_ended:
            self.setQuery(dataclasses.replace(self._query, include_ended=include))

    def refresh(self) -> None:
        """Re-read after an edit: same query, fresh count and pages."""
        self.setQuery(self._query)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; column -1 (or an unsortable one) means the service's default order."""
        if 0 <= column < len(self._columns) and self._columns[column].sortable:
            key: str | None = self._columns[column].key
        else:
            key = None
        descending = order == Qt.SortOrder.DescendingOrder and key is not None
        if key == self._query.sort_key and descending == self._query.descending:
            return
        # A reset, not layoutChanged: the new positions are only known to SQL, so persistent
        # indexes cannot be remapped; the row count stays, so no new count() is needed.
        self.beginResetModel()
        self._query = dataclasses.replace(self._query, sort_key=key, descending=descending)
        self._pages.clear()
        self.endResetModel()

    # --- rows ------------------------------------------------------------------------
    def row_at(self, row: int) -> Row | None:
        """The Row behind a view row (fetching its page if needed)."""
        if not 0 <= row < self._count:
            return None
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None:
            page = self._listing.page(self._query, number * self._page_size, self._page_size)
            self.page_fetches += 1
            self._pages[number] = page
            while len(self._pages) > MAX_CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(number)
        return page[offset] if offset < len(page) else None

    def row_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def row_of_id(self, row_id: int) -> int | None:
        """The view row of a record, if it is in a page already fetched (to reselect after edits)."""
        for number, page in self._pages.items():
            for offset, r in enumerate(page):
                if r.id == row_id:
                    return number * self._page_size + offset
        return None

    # --- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        row = self.row_at(index.row())
        if row is None:  # the table changed under us since count(); show an empty cell
            return None
        return _cell_data(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(self._columns):
                return self._columns[section].label
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class RowListModel(ListTableModel):
    """A small in-memory list of ``Row`` (a household's residents) with the paged lists' look."""

    def __init__(self, columns: Sequence[ColumnSpec], rows: Sequence[Row] = (), parent: Any = None) -> None:
        super().__init__([Column(c.label, _value_text(i)) for i, c in enumerate(columns)], parent)
        self._specs = tuple(columns)
        self.items = list(rows)

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        return self._specs

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.set_items(rows)

    def row_at(self, row: int) -> Row | None:
        return self.item(row)  # type: ignore[no-any-return]

    def row_id(self, row: int) -> int | None:
        found = self.row_at(row)
        return found.id if found else None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or index.column() >= len(self._specs):
            return None
        return _cell_data(row, index.column(), role)


def _value_text(column: int) -> Any:
    return lambda row: display_value(row.values[column] if column < len(row.values) else None)
