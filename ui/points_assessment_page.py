"""组织生活 → 年终测评 (民主评议党员): one grid for a branch (or the village), keyboard only — type
a score, Enter, the next member is ready for the next score — saved all at once, or imported from
Excel (姓名, optionally 公民身份号码, 测评得分) with the register import's row-by-row messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.jobs import JobRunner, show_error
from ui.list_tab import make_table_view, set_column_widths
from ui.points_models import AssessmentModel
from ui.points_rules_page import year_combo


class ScoreDelegate(QStyledItemDelegate):
    """Enter in a score cell commits it and moves on (``SubmitModelCache``: the grid's cue)."""

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # type: ignore[attr-defined]
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.SubmitModelCache)
            return True
        return super().eventFilter(editor, event)


class ScoreGrid(QTableView):
    """After a score is typed and Enter pressed, the next member's score cell is current: the clerk
    keeps typing down the list without touching the mouse."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:  # noqa: N802
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.next_member()

    def next_member(self) -> None:
        current = self.currentIndex()
        row = current.row() + 1
        if current.isValid() and row < self.model().rowCount():
            nxt = self.model().index(row, AssessmentModel.SCORE)
            self.setCurrentIndex(nxt)
            self.scrollTo(nxt)


class AssessmentPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year_combo(services)
        self.branch = QComboBox()
        self.model = AssessmentModel(self)
        template = make_table_view(self)
        self.table = ScoreGrid(self)
        self.table.setObjectName("points.assessment")
        self.table.setModel(self.model)
        self.table.setItemDelegate(ScoreDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(template.verticalHeader().defaultSectionSize())
        template.deleteLater()
        self.table.setEditTriggers(
            QTableView.EditTrigger.AnyKeyPressed
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.DoubleClicked
        )
        set_column_widths(
            self.table, ["seq", "name", "branch", "score"], {"seq": 3, "name": 6, "branch": 8, "score": 8}
        )
        save = QPushButton(qta.icon("fa5s.save"), "保存")
        save.clicked.connect(lambda _c=False: self.save())
        importing = QPushButton(qta.icon("fa5s.file-import"), "从 Excel 导入…")
        importing.clicked.connect(lambda _c=False: self.import_file())
        top = QHBoxLayout()
        for caption, widget in (("年度：", self.year), ("支部：", self.branch)):
            top.addWidget(QLabel(caption))
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(save)
        top.addWidget(importing)
        self.status = QLabel("输入得分后按回车，自动跳到下一位党员；全部填完点“保存”。")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._fill_branches()
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.branch.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def _fill_branches(self) -> None:
        current = self.branch.currentData()
        self.branch.blockSignals(True)
        self.branch.clear()
        self.branch.addItem("全部", None)
        for b in self.services.village.branches():
            self.branch.addItem(b.name, b.id)
        self.branch.setCurrentIndex(max(self.branch.findData(current), 0) if current is not None else 0)
        self.branch.blockSignals(False)

    def selected_year(self) -> int:
        return int(self.year.currentData())

    def load(self) -> None:
        self.model.set_grid(self.services.points.assessments(self.selected_year(), self.branch.currentData()))
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, AssessmentModel.SCORE))

    def save(self) -> bool:
        changed: dict[int, Any] = dict(self.model.changed)
        if not changed:
            self.status.setText("没有要保存的改动。")
            return True
        try:
            self.services.points.save_assessments(self.selected_year(), changed)
        except GovdeskError as exc:
            show_error(exc, self)
            return False
        row = self.table.currentIndex().row()
        self.model.changed.clear()
        self.load()
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, AssessmentModel.SCORE))
        self.status.setText(f"已保存 {len(changed)} 位党员的年终测评得分。")
        return True

    def import_file(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "导入年终测评得分", "", "Excel 文件 (*.xlsx *.xls)")
            if not path:
                return
        try:
            result = self.services.points.import_assessments(self.selected_year(), Path(path))
        except (GovdeskError, OSError) as exc:
            show_error(exc, self)
            return
        self.status.setText(result.summary())
        if result.problems:
            shown = "\n".join(result.problems[:20])
            more = f"\n…另有 {len(result.problems) - 20} 行有问题" if len(result.problems) > 20 else ""
            QMessageBox.warning(self, "导入年终测评", f"{result.summary()}：\n{shown}{more}")

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.ORGANISATION:
            self._fill_branches()
        if changes & (Changes.POINTS | Changes.MEMBERS | Changes.ORGANISATION) and not self.model.changed:
            self.load()


def _assessment(services: Services, _jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return AssessmentPage(services)


PAGES.register(PageSpec("points_assessment", "年终测评", 22, _assessment))
