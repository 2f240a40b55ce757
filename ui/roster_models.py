"""Qt models of the 值班 tab: the month as a calendar grid, the counts panel and the duty log.

All three show small in-memory lists (a month, seven-odd cadres, a day's log) handed over by
the roster services as frozen views, so nothing here queries the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from govdesk.roster.calendar import DAY_HOLIDAY, DAY_KINDS, DAY_WEEKEND, WEEKDAY_NAMES
from govdesk.roster.views import DutyLogView, LogRow, RosterDay, RosterView
from ui.list_model import Column, ListTableModel

Index = QModelIndex | QPersistentModelIndex
DATE_ROLE = Qt.ItemDataRole.UserRole + 1

KIND_COLORS = {DAY_WEEKEND: QColor("#e3f2fd"), DAY_HOLIDAY: QColor("#ffebee")}
ADJUSTED_COLOR = QColor("#fff8e1")
SWAP_COLOR = QColor("#6a1b9a")
CARRIED_COLOR = QColor("#fff3cd")
MINE_COLOR = QColor("#ffe082")
OVERDUE_COLOR = QColor("#c62828")


def cell_text(rd: RosterDay) -> str:
    lines = [f"{rd.day.day}日"]
    if rd.holiday_name:
        lines[0] += f"  {rd.holiday_name}"
    lines.append(rd.cadre_name or "（未排）")
    if rd.meeting:
        lines.append("◆ " + rd.meeting)
    if rd.swap_note:
        lines.append("↔ " + rd.swap_note)
    return "\n".join(lines)


class RosterMonthModel(QAbstractTableModel):
    """7 columns (周一…周日) × the weeks of the month; cells outside the month are empty."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._view: RosterView | None = None
        self._cells: list[list[RosterDay | None]] = []
        self.today: date | None = None

    def set_view(self, view: RosterView | None) -> None:
        self.beginResetModel()
        self._view = view
        self._cells = []
        if view is not None and view.days:
            offset = view.days[0].day.weekday()
            flat: list[RosterDay | None] = [None] * offset + list(view.days)
            flat += [None] * (-len(flat) % 7)
            self._cells = [flat[i : i + 7] for i in range(0, len(flat), 7)]
        self.endResetModel()

    def day_at(self, index: Index) -> RosterDay | None:
        if not index.isValid() or index.row() >= len(self._cells) or not 0 <= index.column() < 7:
            return None
        return self._cells[index.row()][index.column()]

    def index_of(self, d: date) -> QModelIndex:
        for r, week in enumerate(self._cells):
            for c, rd in enumerate(week):
                if rd is not None and rd.day == d:
                    return self.index(r, c)
        return QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._cells)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < 7:
            return "周" + WEEKDAY_NAMES[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._cells):
            return f"第{section + 1}周"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.day_at(index) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        rd = self.day_at(index)
        if rd is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(rd)
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [f"{rd.day.isoformat()} {rd.kind}" + (f"（{rd.holiday_name}）" if rd.holiday_name else "")]
            if rd.cadre:
                parts.append(f"值班：{rd.cadre.name}（{rd.cadre.post}）{rd.cadre.phone}")
            if rd.fixed:
                parts.append("手工指定（重新生成时保留）")
            if rd.meeting:
                parts.append(f"两委例会：{rd.meeting}")
            if rd.swap_note:
                parts.append(rd.swap_note)
            return "\n".join(parts)
        if role == Qt.ItemDataRole.BackgroundRole:
            if rd.adjusted:
                return QBrush(ADJUSTED_COLOR)
            color = KIND_COLORS.get(rd.kind)
            return QBrush(color) if color else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if rd.swap_note:
                return QBrush(SWAP_COLOR)
            if rd.kind == DAY_HOLIDAY:
                return QBrush(QColor("#b71c1c"))
            return None
        if role == Qt.ItemDataRole.FontRole:
            if rd.fixed or (self.today is not None and rd.day == self.today):
                f = QFont()
                f.setBold(True)
                return f
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        if role == DATE_ROLE:
            return rd.day
        return None


def _tally_column(kind: str) -> Column:
    return Column(
        f"{kind}（此前→本月→累计）",
        lambda t: f"{t.before[kind]} → +{t.period[kind]} → {t.after[kind]}",
        Qt.AlignmentFlag.AlignCenter,
    )


class TallyModel(ListTableModel):
    """Each cadre's counts per kind — why the generator chose as it did."""

    def __init__(self, parent: Any = None) -> None:
        columns = [Column("值班人", lambda t: t.cadre.name), Column("职务", lambda t: t.cadre.post)]
        super().__init__(columns + [_tally_column(k) for k in DAY_KINDS], parent)

    def set_view(self, view: RosterView | None) -> None:
        self.set_items(view.tallies if view else [])


def _closed(r: LogRow) -> str:
    return f"{r.closed_on.isoformat()} {r.closing_note}".strip() if r.closed_on else "未办结"


LOG_COLUMNS = (
    Column("登记日期", lambda r: r.day.isoformat() + ("（转来）" if r.carried else "")),
    Column("来访人", lambda r: r.visitor),
    Column("来访事项", lambda r: r.matter),
    Column("处理情况", lambda r: r.handling),
    Column("转交", lambda r: r.passed_to),
    Column("首问负责人", lambda r: r.owner),
    Column("办结期限", lambda r: r.due_on.isoformat() if r.due_on else ""),
    Column("办结", _closed),
)
LOG_MATTER_COLUMN = 2
LOG_DUE_COLUMN = 6


class DutyLogModel(ListTableModel):
    """Open items carried over from earlier days first (highlighted), then the day's own entries."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(
            LOG_COLUMNS,
            parent,
            background=self._background_of,
            foreground=self._foreground_of,
            tooltip=lambda r, _c: f"{r.matter}\n值班人：{r.duty_cadre}\n首问负责：{r.owner}",
        )
        self._view: DutyLogView | None = None

    def set_view(self, view: DutyLogView | None) -> None:
        self._view = view
        self.set_items(list(view.carried) + list(view.entries) if view else [])

    def row_at(self, index: Index) -> LogRow | None:
        return self.item(index.row()) if index.isValid() else None  # type: ignore[no-any-return]

    def _background_of(self, r: LogRow, _column: int) -> QColor | None:
        view = self._view
        if view is not None and view.on_duty is not None and r.owner_id == view.on_duty.id and r.is_open:
            return MINE_COLOR
        return CARRIED_COLOR if r.carried else None

    def _foreground_of(self, r: LogRow, column: int) -> QColor | None:
        view = self._view
        return OVERDUE_COLOR if view is not None and column == LOG_DUE_COLUMN and r.overdue(view.day) else None


def _leave_text(item: tuple[int, Any, date, date, str]) -> str:
    _id, cadre, start, end, reason = item
    span = f"{start.month}月{start.day}日" + (f"—{end.month}月{end.day}日" if end != start else "")
    return f"{cadre.name}  {span}  {reason}".rstrip()


def leave_list_model(parent: Any = None) -> ListTableModel:
    """The month's leave: (id, cadre, start, end, reason) rows from the service, one line each."""
    return ListTableModel([Column("本月请假", _leave_text)], parent)
