"""打印存档: the list of public prints that left the desk, newest first, with 重新打印.

The list pages through ``PrintService`` (count + page in SQL); a desk prints a few notices a
week, but years of them add up, so rows are fetched 200 at a time as the view scrolls.
重新打印 is handed in as a callback (``ui.print_actions.open_archive_dialog`` passes its
``reprint_archived``), so this dialog does not import the print actions that open it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk import paths
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery, Row

PAGE_SIZE = 200
_Index = QModelIndex | QPersistentModelIndex


class ArchiveModel(QAbstractTableModel):
    """Archive entries, fetched a page at a time (canFetchMore / fetchMore)."""

    def __init__(self, services: Services, parent: Any = None) -> None:
        super().__init__(parent)
        self.service = services.printing
        self.columns = list(self.service.columns)
        self._rows: list[Row] = []
        self._total = 0
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._total = self.service.count(ListQuery())
        self._rows = self.service.page(ListQuery(), 0, PAGE_SIZE)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802
        if parent.isValid():
            return
        more = self.service.page(ListQuery(), len(self._rows), PAGE_SIZE)
        if not more:
            self._total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self._rows[index.row()].values[index.column()]
            return "" if value is None else str(value)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].label
        return None

    def row_id(self, row: int) -> int | None:
        return self._rows[row].id if 0 <= row < len(self._rows) else None


class PrintArchiveDialog(QDialog):
    """Every archived public print; 重新打印 opens the archived file (hash checked) in the preview."""

    def __init__(
        self, services: Services, reprint: Callable[[QWidget, int], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self._reprint = reprint  # (dialog, archive id) -> the started print request
        self.last_request: Any = None
        self.setWindowTitle("打印存档")
        self.resize(980, 520)
        self.model = ArchiveModel(services, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.reprint())

        note = QLabel("这里保存着每一份打印或另存的公开版文件（原样副本和 SHA-256 校验值）。重新打印时会先核对校验值。")
        note.setWordWrap(True)
        self.reprint_button = QPushButton("重新打印…")
        self.reprint_button.clicked.connect(self.reprint)
        folder_button = QPushButton("打开存档文件夹")
        folder_button.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.archive_dir()))))
        close_button = QPushButton("关闭")
        close_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.reprint_button)
        row.addWidget(folder_button)
        row.addStretch(1)
        row.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        self.reprint_button.setEnabled(self.current_id() is not None)

    def current_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def reprint(self) -> None:
        archive_id = self.current_id()
        if archive_id is None:
            return
        self.last_request = self._reprint(self, archive_id)
