"""村务 → 五星支部: a branch's quarter as an editable score grid (score and evidence per
indicator), each star's result with the change from last quarter, and the year view comparing
the quarters; the year's indicator catalogue opens in its own dialog. Writes go through
``StarService``; the grid is a small table model over the scorecard the service reads."""

from __future__ import annotations

from datetime import date
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.labels import label
from govdesk.services.bundle import Services
from govdesk.services.listing import ColumnSpec, Row
from govdesk.services.stars import Scorecard, ScoreLine, StarService
from govdesk.stars.rules import QUARTERS, STARS
from ui.areas.pages import PageSpec
from ui.areas.village_affairs import PAGES
from ui.dialogs.star_dialogs import CatalogueDialog
from ui.jobs import JobRunner, show_error
from ui.list_tab import make_table_view, open_record_dialog, set_column_widths, stretch_column
from ui.print_actions import PrintRequest, preview_document
from ui.table_model import RowListModel

ModelIndex = QModelIndex | QPersistentModelIndex
SCORE, EVIDENCE = 4, 5
GRID_HEADS = (
    label("star"),
    label("star_indicator"),
    label("star_target"),
    label("star_points"),
    label("star_score"),
    label("star_evidence"),
)
STAR_COLUMNS = tuple(
    ColumnSpec(k, t)
    for k, t in (
        ("star", "星"),
        ("points", "分值"),
        ("needed", "达标分"),
        ("score", "得分"),
        ("change", "较上季度"),
        ("earned", "摘星"),
    )
)
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")
YEAR_COLUMNS = (ColumnSpec("star", "星"), *(ColumnSpec(f"q{q}", QUARTER_NAMES[q - 1]) for q in QUARTERS))


class ScoreGridModel(QAbstractTableModel):
    """The quarter's indicators; 得分 and 佐证材料 are edited in place and kept until 保存."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.lines: list[ScoreLine] = []
        self.edits: dict[int, list[str]] = {}  # indicator id -> [score text, evidence]

    def set_lines(self, lines: list[ScoreLine]) -> None:
        self.beginResetModel()
        self.lines, self.edits = list(lines), {}
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(GRID_HEADS)

    def _values(self, line: ScoreLine) -> list[str]:
        score = "" if line.score is None else f"{line.score:g}"
        return self.edits.get(line.indicator.id, [score, line.evidence])

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            ind = line.indicator
            values = (ind.star, ind.name, ind.target, str(ind.points), *self._values(line))
            return values[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, SCORE):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return line.indicator.target
        if role == Qt.ItemDataRole.BackgroundRole and line.indicator.id in self.edits and column in (SCORE, EVIDENCE):
            from PySide6.QtGui import QColor

            return QColor("#fff7d6")
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in (SCORE, EVIDENCE):
            return False
        line = self.lines[index.row()]
        values = list(self._values(line))
        values[index.column() - SCORE] = str(value).strip()
        self.edits[line.indicator.id] = values
        self.dataChanged.emit(index, index)
        return True

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in (SCORE, EVIDENCE) else base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(GRID_HEADS)
        ):
            return GRID_HEADS[section]
        return None

    def changed_scores(self) -> dict[int, tuple[object, str]]:
        return {k: (v[0], v[1]) for k, v in self.edits.items()}


class StarsPage(QWidget):
    """The 五星支部 page."""

    def __init__(self, services: Services, jobs: JobRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.jobs = services, jobs
        self.stars: StarService = services.stars
        self.requests: list[PrintRequest] = []
        self.card: Scorecard | None = None
        self.year = QComboBox()
        self.branch = QComboBox()
        self.quarter = QComboBox()
        for q in QUARTERS:
            self.quarter.addItem(QUARTER_NAMES[q - 1], q)
        bar = QHBoxLayout()
        for caption, combo in (("年度", self.year), ("党支部", self.branch), ("季度", self.quarter)):
            bar.addWidget(QLabel(f"{caption}："))
            bar.addWidget(combo)
        bar.addStretch(1)
        self.save_button = self._button(bar, "保存得分", "fa5s.save", self.save_scores)
        self._button(bar, "撤销修改", "fa5s.undo", self.reload)
        self._button(bar, "指标目录…", "fa5s.list-ol", self.edit_catalogue)
        self._button(bar, "打印通报", "fa5s.print", self.print_quarter)
        self._button(bar, "导出 Excel", "fa5s.file-excel", self.export_year)

        self.grid_model = ScoreGridModel(self)
        self.grid = QTableView()
        self.grid.setObjectName("stars.grid")
        self.grid.setModel(self.grid_model)
        self.grid.setAlternatingRowColors(True)
        self.grid.verticalHeader().setVisible(False)
        self.grid.setWordWrap(False)
        heads = ["star", "name", "target", "points", "score", "evidence"]
        set_column_widths(self.grid, heads, {"star": 5, "name": 7, "target": 20, "points": 3, "score": 3})
        stretch_column(self.grid, 2)
        self.grid_model.dataChanged.connect(lambda *_a: self._dirty())

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.star_model = RowListModel(STAR_COLUMNS, parent=self)
        self.star_table = make_table_view(self)
        self.star_table.setObjectName("stars.results")
        self.star_table.setModel(self.star_model)
        set_column_widths(
            self.star_table,
            [c.key for c in STAR_COLUMNS],
            {"star": 5, "points": 3, "needed": 3, "score": 3, "change": 4},
        )
        self.year_model = RowListModel(YEAR_COLUMNS, parent=self)
        self.year_table = make_table_view(self)
        self.year_table.setObjectName("stars.year")
        self.year_table.setModel(self.year_model)
        set_column_widths(self.year_table, [c.key for c in YEAR_COLUMNS], {"star": 5, "q1": 6, "q2": 6, "q3": 6})

        side = QWidget()
        side_lay = QVBoxLayout(side)
        side_lay.setContentsMargins(0, 0, 0, 0)
        quarter_box = QGroupBox("本季度摘星情况")
        q_lay = QVBoxLayout(quarter_box)
        q_lay.addWidget(self.summary)
        q_lay.addWidget(self.star_table)
        year_box = QGroupBox("全年各季度对比（★ 为摘星）")
        y_lay = QVBoxLayout(year_box)
        y_lay.addWidget(self.year_table)
        side_lay.addWidget(quarter_box, 1)
        side_lay.addWidget(year_box, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("stars.split")
        split.addWidget(self.grid)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #777;")
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.hint)
        lay.addWidget(split, 1)
        self.fill_choices()
        self._shown: tuple[int, int, int] | None = None
        for combo in (self.year, self.branch, self.quarter):
            combo.currentIndexChanged.connect(lambda _i: self._selection_changed())
        self.reload()

    @staticmethod
    def _button(bar: QHBoxLayout, text: str, icon: str, slot: Any) -> QPushButton:
        button = QPushButton(qta.icon(icon), text)
        button.clicked.connect(lambda _c=False: slot())
        bar.addWidget(button)
        return button

    # --- reading -------------------------------------------------------------------------
    def fill_choices(self) -> None:
        """Years with a catalogue and this year; the branches; the quarter now (or the last one scored)."""
        today = date.today()
        years = sorted(set(self.stars.years()) | {today.year}, reverse=True)
        for combo, items in (
            (self.year, [(f"{y}年", y) for y in years]),
            (self.branch, [(name, bid) for bid, name in self.stars.branches()]),
        ):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0) if current is not None else 0)
            combo.blockSignals(False)
        if self.quarter.property("set") is None:
            self.quarter.blockSignals(True)
            self.quarter.setCurrentIndex(max((today.month - 1) // 3 - 1, 0))  # the last quarter that ended
            self.quarter.blockSignals(False)
            self.quarter.setProperty("set", True)

    def selection(self) -> tuple[int, int, int] | None:
        branch, year, quarter = self.branch.currentData(), self.year.currentData(), self.quarter.currentData()
        if branch is None or year is None:
            return None
        return int(branch), int(year), int(quarter)

    def ask_unsaved(self) -> str:
        """保存 / 放弃 / 取消 when another quarter is chosen with scores typed but not saved (a seam
        the tests replace)."""
        box = QMessageBox(QMessageBox.Icon.Question, "未保存的得分", "刚填写的得分还没有保存，要保存吗？", parent=self)
        save = box.addButton("保存", QMessageBox.ButtonRole.AcceptRole)
        drop = box.addButton("不保存", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton("取消", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return "save" if box.clickedButton() is save else "drop" if box.clickedButton() is drop else "cancel"

    def _selection_changed(self) -> None:
        """Never lose typed scores: ask before showing another branch or quarter."""
        if self.grid_model.edits and self._shown is not None and self.selection() != self._shown:
            choice = self.ask_unsaved()
            shown = self._shown
            if choice == "cancel" or (choice == "save" and not self._save(shown)):
                self._select(shown)
                return
        self.reload()

    def _select(self, chosen: tuple[int, int, int]) -> None:
        branch, year, quarter = chosen
        for combo, value in ((self.branch, branch), (self.year, year), (self.quarter, quarter)):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(combo.findData(value), 0))
            combo.blockSignals(False)

    def reload(self) -> None:
        chosen = self.selection()
        self._shown = chosen
        self.save_button.setEnabled(False)
        if chosen is None:
            self.card = None
            self.grid_model.set_lines([])
            self.hint.setText("还没有党支部：请先在“设置 → 村和组织”中建立党支部。")
            return
        branch, year, quarter = chosen
        try:
            self.card = self.stars.scorecard(branch, year, quarter)
            view = self.stars.year_view(branch, year)
        except GovdeskError as exc:
            show_error(exc, self)
            return
        card = self.card
        self.grid_model.set_lines(card.lines)
        self.hint.setText(
            f"{year}年还没有指标目录：点“指标目录…”填写（可从上一年复制）。"
            if not card.lines
            else "双击“得分”“佐证材料”填写，改完点“保存得分”。得分不超过该项分值；未评分的指标按 0 分计。"
        )
        self.summary.setText(card.summary() if card.lines else "")
        self.star_model.set_rows([Row(n, values) for n, values in enumerate(card.star_table())])
        year_rows = []
        for n, star in enumerate(STARS):
            cells = []
            for q in QUARTERS:
                results = view.quarters[q]
                r = next((x for x in results if x.star == star), None) if results else None
                cells.append("" if r is None else f"{r.score:g}{' ★' if r.earned else ''}")
            year_rows.append(Row(n, (star, *cells)))
        totals = []
        for q in QUARTERS:
            results = view.quarters[q]
            totals.append(
                "" if not results else f"{sum(r.score for r in results):g}（{sum(r.earned for r in results)} 星）"
            )
        year_rows.append(Row(len(STARS), ("合计", *totals)))
        self.year_model.set_rows(year_rows)

    def _dirty(self) -> None:
        self.save_button.setEnabled(bool(self.grid_model.edits))

    def on_changes(self, changes: Changes) -> None:
        if changes & (Changes.VILLAGE_LIFE | Changes.ORGANISATION):
            self.fill_choices()
            if not self.grid_model.edits:  # never throw away scores being typed
                self.reload()

    # --- writing -------------------------------------------------------------------------
    def save_scores(self) -> bool:
        chosen = self._shown
        if chosen is None or not self.grid_model.edits or not self._save(chosen):
            return False
        self.reload()
        return True

    def _save(self, chosen: tuple[int, int, int]) -> bool:
        try:
            self.stars.set_scores(*chosen, self.grid_model.changed_scores())
        except GovdeskError as exc:
            show_error(exc, self)  # the edits stay in the grid, nothing was written
            return False
        self.grid_model.edits = {}
        return True

    def run_dialog(self, dialog: Any) -> bool:
        """Modal dialog; a seam the tests replace to drive dialogs without blocking."""
        from PySide6.QtWidgets import QDialog

        return dialog.exec() == QDialog.DialogCode.Accepted

    def edit_catalogue(self) -> bool:
        year = self.year.currentData()
        if year is None:
            return False
        return open_record_dialog(self, lambda: CatalogueDialog(self.stars, int(year), self), self.run_dialog)

    def export_year(self) -> object:
        from ui.village_exports import export_year

        year = self.year.currentData()
        return None if year is None else export_year(self, self.services, self.jobs, "stars", int(year))

    def print_quarter(self) -> PrintRequest | None:
        chosen = self.selection()
        if chosen is None:
            return None
        branch_id, year, quarter = chosen
        name = self.branch.currentText()
        db = self.services.db

        def build(_progress: object) -> object:
            from govdesk.services.stars_report import StarReports

            return StarReports(db).quarter_pdf(year, quarter, name)

        request = preview_document(
            self, self.services, self.jobs, build, "stars.quarter", label="正在生成五星支部通报…"
        )
        self.requests.append(request)
        return request


PAGES.register(PageSpec("stars", "五星支部", 30, lambda services, jobs, _nav: StarsPage(services, jobs)))
