"""组织生活 → 积分排名: the year's (or a quarter's) ranking for the village or one branch — daily
points, 年终测评, total, ties sharing a rank — and the 评优 candidates (top N or top percent) with the
reason each skipped member was skipped (一票否决, not a full member at year end)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.labels import label
from govdesk.points.rules import points_text
from govdesk.services.bundle import Services
from govdesk.services.points_query import Candidate, RankLine
from ui.areas import Navigate
from ui.areas.pages import PageSpec
from ui.areas.party_life import PAGES
from ui.jobs import JobRunner
from ui.list_tab import make_table_view, set_column_widths
from ui.points_models import RowsModel
from ui.points_rules_page import year_combo

RANK_HEADERS = [
    label(k)
    for k in (
        "point_rank",
        "point_branch_rank",
        "name",
        "branch",
        "status",
        "point_additions",
        "point_deductions",
        "point_daily",
        "point_assessment",
        "point_total",
        "point_veto",
    )
]
CANDIDATE_HEADERS = [label("point_rank"), label("name"), label("branch"), label("point_total"), "评优", "说明"]


def rank_row(x: RankLine) -> tuple[object, ...]:
    assessment = "" if x.assessment is None else points_text(x.assessment)
    return (x.rank, x.branch_rank, x.name, x.branch, x.status, points_text(x.additions), points_text(x.deductions),
            x.daily, assessment, x.total, "是" if x.vetoed else "")  # fmt: skip


def candidate_row(c: Candidate, rank: int) -> tuple[object, ...]:
    return (rank, c.line.name, c.line.branch, c.line.total, "推荐" if c.chosen else "不推荐", c.reason)


class RankingPage(QWidget):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.year = year_combo(services)
        self.quarter = QComboBox()
        self.quarter.addItem("全年", None)
        for q in (1, 2, 3, 4):
            self.quarter.addItem(f"第{'一二三四'[q - 1]}季度", q)
        self.scope = QComboBox()
        self.how = QComboBox()
        self.how.addItems(["前 N 名", "前百分之"])
        self.size = QSpinBox()
        self.size.setRange(1, 100)
        self.size.setValue(5)
        choose = QPushButton("评优推荐")
        choose.clicked.connect(lambda _c=False: self.load_candidates())
        self.summary = QLabel()
        self.model = RowsModel(RANK_HEADERS, self)
        self.table = make_table_view(self)
        self.table.setObjectName("points.ranking")
        self.table.setModel(self.model)
        set_column_widths(
            self.table, RANK_HEADERS, {h: 3.5 for h in RANK_HEADERS} | {label("branch"): 6, label("name"): 4.5}
        )
        self.candidates = RowsModel(CANDIDATE_HEADERS, self)
        self.candidate_table = make_table_view(self)
        self.candidate_table.setObjectName("points.candidates")
        self.candidate_table.setModel(self.candidates)
        set_column_widths(self.candidate_table, CANDIDATE_HEADERS, {h: 3.5 for h in CANDIDATE_HEADERS} | {"说明": 14})
        top = QHBoxLayout()
        for caption, widget in (("年度：", self.year), ("期间：", self.quarter), ("范围：", self.scope)):
            top.addWidget(QLabel(caption))
            top.addWidget(widget)
        top.addStretch(1)
        for widget in (QLabel("评优："), self.how, self.size, choose):
            top.addWidget(widget)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.candidate_table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        self._fill_scope()
        for combo in (self.year, self.quarter, self.scope):
            combo.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def _fill_scope(self) -> None:
        current = self.scope.currentData()
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem("全村", None)
        for b in self.services.village.branches():
            self.scope.addItem(b.name, b.id)
        self.scope.setCurrentIndex(max(self.scope.findData(current), 0) if current is not None else 0)
        self.scope.blockSignals(False)

    def load(self) -> None:
        year, quarter, branch = int(self.year.currentData()), self.quarter.currentData(), self.scope.currentData()
        ranking = self.services.points.ranking(year, quarter, branch)
        self.model.set_rows([rank_row(x) for x in ranking.lines], [x.member_id for x in ranking.lines])
        w = ranking.weight
        self.summary.setText(
            f"共 {len(ranking.lines)} 名党员；积分截至 {ranking.through.isoformat()}；综合得分＝日常积分×"
            f"{points_text(w)}＋年终测评×{points_text(round(1 - w, 2))}（基础分 {points_text(ranking.base)}）"
        )
        self.load_candidates()

    def load_candidates(self) -> None:
        year, branch = int(self.year.currentData()), self.scope.currentData()
        n = self.size.value()
        top_n, top_percent = (n, None) if self.how.currentIndex() == 0 else (None, float(n))
        found = self.services.points.candidates(year, top_n=top_n, top_percent=top_percent, branch_id=branch)
        by_branch = branch is not None
        self.candidates.set_rows(
            [candidate_row(c, c.line.branch_rank if by_branch else c.line.rank) for c in found],
            [c.line.member_id for c in found],
        )

    def on_changes(self, changes: Changes) -> None:
        if changes & Changes.ORGANISATION:
            self._fill_scope()
        if changes & (Changes.POINTS | Changes.MEMBERS | Changes.ORGANISATION):
            self.load()


def _ranking(services: Services, _jobs: JobRunner, _navigate: Navigate) -> QWidget:
    return RankingPage(services)


PAGES.register(PageSpec("points_ranking", "积分排名", 23, _ranking))
