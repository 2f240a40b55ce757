"""首页: today, what needs action, the village in numbers — every line and bar opens its list.

The page asks ``HomeService.view()`` for everything but the 党费 arrears (a handful of aggregate
queries, about 0.1 s on a township, on the worker thread) and draws it; the arrears lines (the
year's dues book over the whole ledger, the slowest read) follow from a second job asked once
the page has painted. It re-reads when a change concerns it.
A click calls ``navigate(key, filters)``: the window shows that area filtered (ui/areas).
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.roster.calendar import WEEKDAY_NAMES
from govdesk.services.bundle import Services
from govdesk.services.home_view import BREAKDOWN_TITLES, TOTAL_LABELS, Breakdown, HomeItem, HomeView, Target
from ui.home_charts import BarChart
from ui.jobs import JobRunner, show_error
from ui.layouts import settle_layouts
from ui.list_model import Column, ListTableModel
from ui.list_tab import make_table_view, stretch_column

if TYPE_CHECKING:
    from ui.areas import Navigate  # the window's show_area (ui.areas builds this page)

OVERDUE = QColor("#b22222")
TILE_STYLE = "QPushButton { text-align: center; padding: 0.4em 1.2em; font-size: 1.25em; }"
LINK_STYLE = "color: palette(link); text-decoration: none;"
TILE_ICONS = dict(zip(TOTAL_LABELS, ("fa5s.home", "fa5s.users", "fa5s.user-friends"), strict=True))


def item_columns() -> list[Column]:
    return [Column("类别", lambda i: i.kind), Column("内容", lambda i: i.text), Column("时间", lambda i: i.when)]


class HomePage(QWidget):
    """The first area: three sections in a scroll area (the charts need more than one screen at 放大)."""

    shows = (
        Changes.MEMBERS
        | Changes.HOUSEHOLDS
        | Changes.RESIDENTS
        | Changes.ORGANISATION
        | Changes.ROSTER
        | Changes.DUTY_LOG
        | Changes.DECISIONS
        | Changes.VILLAGE
        | Changes.VOICES
        | Changes.MEETINGS
        | Changes.DUES
    )

    def __init__(self, services: Services, jobs: JobRunner, navigate: Navigate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.jobs = jobs
        self.navigate = navigate  # the window shows that list (ui/areas)
        self.view: HomeView | None = None
        self._arrears: list[HomeItem] | None = None  # the latest 党费 lines, shown while new ones are read
        self._asked = 0  # reads asked for; a read's answer is shown only if no later one was asked
        # Asked first: the worker reads while the page builds itself and the window paints (the
        # answer is delivered through the event loop, so never before this constructor returns).
        self.refresh()

        self.heading = QLabel("<h2>正在读取……</h2>")  # until the first read arrives (a moment on a township)
        self.heading.setTextFormat(Qt.TextFormat.RichText)

        self.today_model = ListTableModel(item_columns(), self, foreground=self._overdue_color)
        self.today_table = self._items_table(self.today_model)
        self.today_box = QGroupBox("今日")
        QVBoxLayout(self.today_box).addWidget(self.today_table)

        self.needs_model = ListTableModel(item_columns(), self, foreground=self._overdue_color, full_text_tips=True)
        self.needs_table = self._items_table(self.needs_model)
        self.needs_box = QGroupBox("待办")
        QVBoxLayout(self.needs_box).addWidget(self.needs_table)

        upper = QHBoxLayout()
        upper.addWidget(self.today_box, 5)
        upper.addWidget(self.needs_box, 6)

        # The tiles and breakdown lines exist before the read arrives, which then only sets their
        # numbers: widgets added later are shown a round of the event loop after the page's first
        # paint, and the page would reflow under the clerk's eyes.
        self.tiles = [self._tile(position, name) for position, name in enumerate(TOTAL_LABELS)]
        self.tiles_row = QHBoxLayout()
        for tile in self.tiles:
            self.tiles_row.addWidget(tile)
        self.tiles_row.addStretch(1)
        self.breakdown_labels = [self._breakdown_label(title) for title in BREAKDOWN_TITLES]
        self.breakdowns_box = QVBoxLayout()
        for label in self.breakdown_labels:
            self.breakdowns_box.addWidget(label)
        self.charts: list[BarChart] = []
        charts_grid = QGridLayout()
        for n in range(4):
            chart = BarChart(self.open_target, self)
            self.charts.append(chart)
            charts_grid.addWidget(chart, n // 2, n % 2)
        self.numbers_box = QGroupBox("村情数据")
        numbers = QVBoxLayout(self.numbers_box)
        numbers.addLayout(self.tiles_row)
        numbers.addLayout(self.breakdowns_box)
        numbers.addLayout(charts_grid)

        content = QWidget()
        body = QVBoxLayout(content)
        body.addWidget(self.heading)
        body.addLayout(upper)
        body.addWidget(self.numbers_box)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # --- building ------------------------------------------------------------------------------
    def _items_table(self, model: ListTableModel) -> QTableView:
        table = make_table_view(self)
        table.setModel(model)
        table.setCursor(Qt.CursorShape.PointingHandCursor)
        table.setToolTip("单击打开相关的名单或台账")
        table.setMinimumHeight(table.verticalHeader().defaultSectionSize() * 7)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        stretch_column(table, 1)
        table.clicked.connect(lambda index, m=model: self._item_clicked(m, index))
        return table

    def _tile(self, position: int, name: str) -> QPushButton:
        tile = QPushButton(f"{name} …")
        tile.setIcon(qta.icon(TILE_ICONS[name]))
        tile.setStyleSheet(TILE_STYLE)
        tile.setCursor(Qt.CursorShape.PointingHandCursor)
        tile.clicked.connect(lambda _c=False, p=position: self._tile_clicked(p))
        return tile

    def _breakdown_label(self, title: str) -> QLabel:
        label = QLabel(f"<b>{html.escape(title)}</b>：……")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setWordWrap(True)
        label.linkActivated.connect(self._link_activated)
        return label

    @staticmethod
    def _overdue_color(item: HomeItem, _column: int) -> QColor | None:
        return OVERDUE if item.urgent else None

    # --- data ----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read on the job runner's worker (the page and its charts are built meanwhile): the view
        without the 党费 arrears; once it is painted, the arrears (``_read_arrears``). Only the
        latest read is shown when changes come quickly one after another."""
        self._asked += 1
        asked = self._asked
        self.jobs.submit(
            lambda _ctx: self.services.home.view(with_dues=False),
            lambda view: self._view_read(view, asked),
            lambda error: show_error(error, self),
            read_only=True,  # closing the window right after start does not ask about it
        )

    def _view_read(self, view: HomeView, asked: int) -> None:
        if asked != self._asked:
            return
        self.show_view(view)
        # The dues book is Python-heavy: started after the paint (a zero timer runs after the
        # posted paint events), it does not hold the interpreter while the page draws itself.
        QTimer.singleShot(0, lambda: self._read_arrears(asked))

    def _read_arrears(self, asked: int) -> None:
        if asked != self._asked or self.jobs.closed:  # a newer read, or the window closed meanwhile
            return
        self.jobs.submit(
            lambda _ctx: self.services.home.arrears_items(),
            lambda items: self.show_arrears(items) if asked == self._asked else None,
            lambda error: show_error(error, self),
            read_only=True,
        )

    def on_changes(self, changes: Changes) -> None:
        if changes & self.shows:
            self.refresh()

    def show_arrears(self, items: list[HomeItem]) -> None:
        """The 党费 arrears lines, read after the view: the needs-action list shows them in order."""
        self._arrears = items
        if self.view is not None and self.view.dues_pending:
            self.view = self.view.with_arrears(items)
            self._show_needs(self.view)

    def show_view(self, view: HomeView) -> None:
        self.view = view
        today = view.today
        weekday = WEEKDAY_NAMES[today.weekday()]
        self.heading.setText(f"<h2>{today.year}年{today.month}月{today.day}日 星期{weekday}</h2>")
        self.today_model.set_items(view.today_items)
        more = view.open_log_count - sum(1 for i in view.today_items if i.kind == "值班记录")
        self.today_box.setTitle(
            f"今日（未办结值班记录 {view.open_log_count} 件" + (f"，另有 {more} 件见“值班”）" if more > 0 else "）")
        )
        self.today_table.resizeColumnToContents(0)
        self.today_table.resizeColumnToContents(2)
        self._show_needs(view)
        self._show_tiles(view)
        self._show_breakdowns(view.breakdowns)
        for chart, breakdown in zip(self.charts, view.charts, strict=True):
            chart.show_breakdown(breakdown)
        settle_layouts()  # one paint shows the figures in place, no reflow after it

    def _show_needs(self, view: HomeView) -> None:
        """While the arrears are read again (after a change), the last ones read stay in the list,
        so it does not shrink and grow back on every write; the first time, the title says so."""
        reading = view.dues_pending and self._arrears is None
        shown = view.with_arrears(self._arrears or []) if view.dues_pending else view
        self.needs_model.set_items(shown.needs_action)
        overdue = sum(1 for i in shown.needs_action if i.urgent)
        more = "；党费欠缴正在计算……" if reading else ""
        self.needs_box.setTitle(f"待办（{len(shown.needs_action)} 项，其中逾期 {overdue} 项{more}）")
        self.needs_table.resizeColumnToContents(0)
        self.needs_table.resizeColumnToContents(2)

    def _show_tiles(self, view: HomeView) -> None:
        for tile, figure in zip(self.tiles, view.totals, strict=True):
            tile.setText(f"{figure.label} {figure.value:,}")

    def _show_breakdowns(self, breakdowns: tuple[Breakdown, ...]) -> None:
        for position, (label, breakdown) in enumerate(zip(self.breakdown_labels, breakdowns, strict=True)):
            links = " · ".join(
                f'<a style="{LINK_STYLE}" href="{position}:{n}">{html.escape(f.label)} <b>{f.value:,}</b></a>'
                for n, f in enumerate(breakdown.figures)
            )
            label.setText(f"<b>{html.escape(breakdown.title)}</b>：{links or '（暂无）'}")

    # --- drill-down ----------------------------------------------------------------------------
    def open_target(self, target: Target) -> None:
        """Ask the window for the list behind an item, a number or a bar."""
        self.navigate(target.area, dict(target.filters))

    def _item_clicked(self, model: ListTableModel, index: QModelIndex) -> None:
        item = model.item(index.row())
        if item is not None:
            self.open_target(item.target)

    def _tile_clicked(self, position: int) -> None:
        if self.view is not None and position < len(self.view.totals):
            self.open_target(self.view.totals[position].target)

    def _link_activated(self, link: str) -> None:
        """A breakdown's figure: ``"<breakdown>:<figure>"``."""
        if self.view is None:
            return
        which, _, figure = link.partition(":")
        self.open_breakdown_figure(int(which), int(figure))

    def open_breakdown_figure(self, breakdown: int, figure: int) -> None:
        if self.view is not None:
            self.open_target(self.view.breakdowns[breakdown].figures[figure].target)
