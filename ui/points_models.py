"""Table models of the 积分 pages: the catalogue (editable), the 年终测评 grid (editable scores) and
read-only rows (ranking, candidates). The grid and catalogue are edited in QTableViews; saving goes
through the points service, which checks everything again."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from govdesk.fullwidth import to_ascii
from govdesk.labels import label
from govdesk.points.rules import KIND_ADD, RuleTerms, points_text
from govdesk.services.points_query import RuleView

Index = QModelIndex | QPersistentModelIndex
# The ledger's column widths in characters (the 积分台账 page and a member's points dialog).
LEDGER_WIDTHS = {
    "id": 4,
    "day": 6,
    "member": 5,
    "branch": 6,
    "rule": 12,
    "points": 3,
    "note": 16,
    "recorded_by": 5,
    "correction": 7,
}
_DISPLAY = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole)


def parse_number(text: Any) -> float | None:
    """ "９２", " 85.5 ", "90分" → a number; "" → None; anything else raises ValueError."""
    cleaned = to_ascii(str(text or "")).strip().removesuffix("分").strip()
    return float(cleaned) if cleaned else None


class RowsModel(QAbstractTableModel):
    """Read-only rows under fixed headers (the ranking, the candidates)."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.rows: list[tuple[Any, ...]] = []
        self.ids: list[int] = []

    def set_rows(self, rows: Sequence[tuple[Any, ...]], ids: Sequence[int] = ()) -> None:
        self.beginResetModel()
        self.rows, self.ids = list(rows), list(ids)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        value = self.rows[index.row()][index.column()]
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return None


RULE_KEYS = ("code", "name", "kind", "points", "monthly_cap", "yearly_cap", "veto", "automatic")
RULE_HEADERS = tuple(
    label(k)
    for k in (
        "point_rule_code",
        "point_rule_name",
        "point_kind",
        "point_points",
        "point_monthly_cap",
        "point_yearly_cap",
        "point_veto",
        "point_automatic",
    )
)
_NUMBERS = {"points", "monthly_cap", "yearly_cap"}


class RulesModel(RowsModel):
    """积分细则 of one year, edited in place; ``terms()`` hands them to ``PointService.save_rules``."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(RULE_HEADERS, parent)
        self.lines: list[dict[str, Any]] = []
        self.dirty = False

    def set_rules(self, rules: Sequence[RuleView]) -> None:
        self.beginResetModel()
        self.lines = [{k: getattr(r, k) for k in RULE_KEYS} for r in rules]
        self.dirty = False
        self.endResetModel()

    def add_rule(self) -> int:
        row = len(self.lines)
        self.beginInsertRows(QModelIndex(), row, row)
        code = f"X{row + 1:02d}"
        self.lines.append(dict(zip(RULE_KEYS, (code, "", KIND_ADD, 1.0, None, None, False, ""), strict=True)))
        self.endInsertRows()
        self.dirty = True
        return row

    def remove_rule(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            self.endRemoveRows()
            self.dirty = True

    def terms(self) -> list[RuleTerms]:
        return [RuleTerms(**line) for line in self.lines]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if RULE_KEYS[index.column()] == "veto":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = RULE_KEYS[index.column()]
        value = self.lines[index.row()][key]
        if key == "veto":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role in _DISPLAY:
            if key in _NUMBERS:
                return "" if value is None else points_text(value)
            return value
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        key = RULE_KEYS[index.column()]
        line = self.lines[index.row()]
        if key == "veto" and role == Qt.ItemDataRole.CheckStateRole:
            line[key] = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role == Qt.ItemDataRole.EditRole and key in _NUMBERS:
            try:
                number = parse_number(value)
            except ValueError:
                return False
            if number is None and key == "points":
                return False
            line[key] = number
        elif role == Qt.ItemDataRole.EditRole and key != "veto":
            line[key] = str(value).strip()
        else:
            return False
        self.dirty = True
        self.dataChanged.emit(index, index, [role])
        return True


class AssessmentModel(RowsModel):
    """年终测评 for one branch or the village: one row a member, the score column editable."""

    SCORE = 3

    def __init__(self, parent: Any = None) -> None:
        super().__init__(("序号", label("name"), label("branch"), "测评得分（0–100）"), parent)
        self.scores: dict[int, float | None] = {}
        self.changed: dict[int, float | None] = {}

    def set_grid(self, grid: Sequence[tuple[int, str, str, float | None]]) -> None:
        self.beginResetModel()
        self.ids = [m for m, *_ in grid]
        self.rows = [(n, name, branch) for n, (_m, name, branch, _s) in enumerate(grid, start=1)]
        self.scores = {m: score for m, _n, _b, score in grid}
        self.changed = {}
        self.endResetModel()

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == self.SCORE else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.column() == self.SCORE:
            if role in _DISPLAY:
                score = self.scores.get(self.ids[index.row()])
                return "" if score is None else points_text(score)
            if role == Qt.ItemDataRole.BackgroundRole and self.ids[index.row()] in self.changed:
                from PySide6.QtGui import QColor

                return QColor("#FFF8E1")  # typed, not yet saved
            return None
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() != self.SCORE or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            score = parse_number(value)
        except ValueError:
            return False
        if score is not None and not 0 <= score <= 100:
            return False
        member = self.ids[index.row()]
        self.scores[member] = score
        self.changed[member] = score
        self.dataChanged.emit(index, index, [role])
        return True
