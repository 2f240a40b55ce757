"""组织生活 → 积分细则: a year's catalogue edited in a table (code, name, 加分/扣分, points, caps,
一票否决, automatic tag), with the year's 基础分 and 日常积分占比. A new year starts as a copy of the
previous one; saving never changes points already given (entries keep their copies)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.points.rules import AUTOMATIC_TAGS, KINDS
from govdesk.services.bundle import Services
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.jobs import JobRunner, show_error
from ui.list_tab import make_table_view, stretch_column
from ui.points_models import RULE_KEYS, RulesModel

HINT = (
    f"加/扣分填“{KINDS[0]}”或“{KINDS[1]}”；自动记分可填 {'、'.join(AUTOMATIC_TAGS)}"
    "（会议出席情况、志愿服务活动保存时自动记分）；上限留空表示不设上限。"
)


def year_combo(services: Services) -> QComboBox:
    """This year, the years with a catalogue and next year, newest first; this year selected."""
    combo = QComboBox()
    this_year = services.points.today().year
    for year in sorted(set(services.points.years()) | {this_year + 1}, reverse=True):
        combo.addItem(f"{year}年", year)
    combo.setCurrentIndex(max(combo.findData(this_year), 0))
    return combo


class PointRulesPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year_combo(services)
        self.base = QDoubleSpinBox()
        self.base.setRange(0, 1000)
        self.base.setDecimals(1)
        self.weight = QDoubleSpinBox()
        self.weight.setRange(0, 1)
        self.weight.setSingleStep(0.05)
        self.weight.setDecimals(2)
        self.model = RulesModel(self)
        self.table = make_table_view(self)
        self.table.setObjectName("points.rules")
        self.table.setModel(self.model)
        self.table.setEditTriggers(
            self.table.EditTrigger.DoubleClicked
            | self.table.EditTrigger.EditKeyPressed
            | self.table.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        stretch_column(self.table, RULE_KEYS.index("name"))
        add = QPushButton(qta.icon("fa5s.plus"), "添加细则")
        add.clicked.connect(lambda _c=False: self._add())
        remove = QPushButton(qta.icon("fa5s.minus"), "删除所选细则")
        remove.clicked.connect(lambda _c=False: self._remove())
        self.save_button = QPushButton(qta.icon("fa5s.save"), "保存")
        self.save_button.clicked.connect(lambda _c=False: self.save())
        top = QHBoxLayout()
        for caption, widget in (("年度：", self.year), ("基础分：", self.base), ("日常积分占比：", self.weight)):
            top.addWidget(QLabel(caption))
            top.addWidget(widget)
        top.addStretch(1)
        for button in (add, remove, self.save_button):
            top.addWidget(button)
        hint = QLabel(HINT)
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#666")
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        layout.addWidget(self.status)
        self.year.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def selected_year(self) -> int:
        return int(self.year.currentData())

    def load(self) -> None:
        year = self.selected_year()
        try:
            self.model.set_rules(self.services.points.open_year(year))
        except GovdeskError as exc:
            show_error(exc, self)
            return
        base, weight = self.services.points.year_terms(year)
        self.base.setValue(base)
        self.weight.setValue(weight)

    def _add(self) -> None:
        row = self.model.add_rule()
        self.table.setCurrentIndex(self.model.index(row, 1))
        self.table.edit(self.model.index(row, 1))

    def _remove(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.model.remove_rule(index.row())

    def save(self) -> bool:
        year = self.selected_year()
        try:
            self.services.points.save_rules(year, self.model.terms())
            self.services.points.set_year_terms(year, self.base.value(), round(self.weight.value(), 2))
        except GovdeskError as exc:
            show_error(exc, self)
            return False
        self.load()  # as stored (and no longer unsaved)
        self.status.setText(f"{year}年积分细则已保存（已记的积分不受影响）。")
        return True

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.POINTS and not self.model.dirty:
            self.load()


def _rules(services: Services, _jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return PointRulesPage(services)


PAGES.register(PageSpec("points_rules", "积分细则", 21, _rules))
