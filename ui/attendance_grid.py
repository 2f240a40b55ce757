"""The attendance grid of a meeting: one row per member who should attend, 出席 / 请假 / 缺席.

Keyboard first, for a clerk going down a paper sign-in sheet: 1 出席, 2 请假 (the reason cell
opens), 3 缺席, each moving to the next member; Enter in the reason cell does the same. The
mark of a member whose presence is the decision log's (the meeting was a 五议两公开 党员大会审议)
can only go between 请假 and 缺席 when absent, and not at all when present.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QStyledItemDelegate, QTableView, QWidget

from govdesk.meetings.attendance import Attendee
from govdesk.meetings.kinds import ABSENT, EXCUSED, MARKS, PRESENT
from govdesk.vocabulary import STATUS_FULL

ModelIndex = QModelIndex | QPersistentModelIndex
COL_NAME, COL_STATUS, COL_MARK, COL_REASON = range(4)
HEADERS = ("姓名", "当日身份", "出席情况", "请假事由")
MARK_KEYS = {Qt.Key.Key_1: PRESENT, Qt.Key.Key_2: EXCUSED, Qt.Key.Key_3: ABSENT}
_COLORS = {PRESENT: QColor(46, 125, 50), EXCUSED: QColor(239, 108, 0), ABSENT: QColor(198, 40, 40)}
FIXED_NOTE = "（决策台账）"


class AttendanceModel(QAbstractTableModel):
    """The sheet being edited: ``Attendee`` rows, their marks and reasons."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Attendee] = []

    def set_rows(self, rows: Sequence[Attendee]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()
        self.changed.emit()

    def allowed_marks(self, row: int) -> tuple[str, ...]:
        a = self.rows[row]
        if a.ticked is True:
            return (PRESENT,)
        if a.ticked is False:
            return (EXCUSED, ABSENT)
        return MARKS

    def set_mark(self, row: int, mark: str, reason: str | None = None) -> bool:
        if not 0 <= row < len(self.rows) or mark not in self.allowed_marks(row):
            return False
        a = self.rows[row]
        new_reason = a.reason if reason is None else reason
        self.rows[row] = replace(a, mark=mark, reason=new_reason if mark == EXCUSED else "")
        self.dataChanged.emit(self.index(row, COL_MARK), self.index(row, COL_REASON))
        self.changed.emit()
        return True

    def set_all_present(self) -> None:
        for row in range(len(self.rows)):
            if self.rows[row].ticked is None:
                self.rows[row] = replace(self.rows[row], mark=PRESENT, reason="")
        if self.rows:
            self.dataChanged.emit(self.index(0, COL_MARK), self.index(len(self.rows) - 1, COL_REASON))
        self.changed.emit()

    def marks(self) -> dict[int, tuple[str, str]]:
        return {a.member_id: (a.mark, a.reason) for a in self.rows if a.mark}

    def counts(self) -> dict[str, int]:
        return {m: sum(1 for a in self.rows if a.mark == m) for m in MARKS}

    # --- Qt ----------------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal and 0 <= section < 4:
            return HEADERS[section]
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        a = self.rows[index.row()]
        if index.column() == COL_MARK and a.ticked is not True:
            return base | Qt.ItemFlag.ItemIsEditable
        if index.column() == COL_REASON and a.mark == EXCUSED:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        a, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == COL_NAME:
                return a.name
            if column == COL_STATUS:
                return a.status_on_day
            if column == COL_MARK:
                if role == Qt.ItemDataRole.EditRole:
                    return a.mark
                return a.mark + (FIXED_NOTE if a.ticked is not None and a.mark else "") if a.mark else "未登记"
            return a.reason
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_MARK:
                return QBrush(_COLORS.get(a.mark, QColor(120, 120, 120)))
            if column == COL_STATUS and a.status_on_day != STATUS_FULL:
                return QBrush(QColor(21, 101, 192))  # 预备党员 and others stand out
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_MARK and a.ticked is not None:
            return "本次会议即五议两公开的党员大会审议：是否到会以决策台账的实到名单为准，请假事由在此登记"
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        if index.column() == COL_MARK:
            return self.set_mark(index.row(), str(value))
        if index.column() == COL_REASON and self.rows[index.row()].mark == EXCUSED:
            return self.set_mark(index.row(), EXCUSED, str(value))
        return False


class MarkDelegate(QStyledItemDelegate):
    """A drop-down of the marks a row allows."""

    def createEditor(self, parent: QWidget, _option: Any, index: ModelIndex) -> QWidget:  # noqa: N802
        combo = QComboBox(parent)
        model = index.model()
        assert isinstance(model, AttendanceModel)
        combo.addItems(list(model.allowed_marks(index.row())))
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        current = index.data(Qt.ItemDataRole.EditRole)
        if current:
            editor.setCurrentText(str(current))

    def setModelData(self, editor: QWidget, model: Any, index: ModelIndex) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText())


class AttendanceView(QTableView):
    """The grid, driven from the keyboard: 1 / 2 / 3 mark and move on (2 opens the reason)."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.grid = model
        self.setItemDelegateForColumn(COL_MARK, MarkDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.horizontalHeader().setStretchLastSection(True)
        self.setAlternatingRowColors(True)
        self.setToolTip("键盘登记：1 出席，2 请假（随后填写事由，回车确认），3 缺席；自动跳到下一人")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        mark = MARK_KEYS.get(Qt.Key(event.key()))
        index = self.currentIndex()
        if mark is not None and index.isValid() and self.state() != QAbstractItemView.State.EditingState:
            row = index.row()
            if self.grid.set_mark(row, mark):
                if mark == EXCUSED:
                    reason = self.grid.index(row, COL_REASON)
                    self.setCurrentIndex(reason)
                    self.edit(reason)
                else:
                    self.move_to(row + 1)
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QStyledItemDelegate.EndEditHint) -> None:  # noqa: N802
        row, column = self.currentIndex().row(), self.currentIndex().column()
        super().closeEditor(editor, hint)
        if column == COL_REASON and hint == QStyledItemDelegate.EndEditHint.SubmitModelCache:
            self.move_to(row + 1)

    def move_to(self, row: int) -> None:
        if 0 <= row < self.grid.rowCount():
            self.setCurrentIndex(self.grid.index(row, COL_MARK))
