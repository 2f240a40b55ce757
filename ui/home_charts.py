"""The bar charts of 首页 (QtCharts): one bar per figure, and a click on a bar opens its list.

Imported only with the home page (ui/areas/home builds it lazily), so QtCharts is never loaded
by a window that does not show 首页.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QWidget

from govdesk.services.home_view import Breakdown, Target

BAR_COLOR = QColor("#c0392b")  # the red of the Party's boards, softened
LABEL_MAX_CHARS = 8


class BarChart(QChartView):
    """A horizontal bar chart of one breakdown (long Chinese names read best down the side)."""

    def __init__(self, open_target: Callable[[Target], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = open_target
        self.breakdown: Breakdown | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.chart_ = QChart()
        self.chart_.legend().hide()
        self.chart_.setMargins(QMargins(4, 4, 4, 4))
        self.chart_.setBackgroundRoundness(4)
        self.setChart(self.chart_)

    def show_breakdown(self, breakdown: Breakdown) -> None:
        """Draw the figures (in the order given, first at the top) with their counts on the bars."""
        self.breakdown = breakdown
        chart = self.chart_
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        chart.setTitle(f"{breakdown.title}（共 {breakdown.total:,}）")
        figures = list(reversed(breakdown.figures))  # Qt draws the first category at the bottom
        bars = QBarSet(breakdown.title)
        bars.setColor(BAR_COLOR)
        bars.setLabelColor(QColor("#222"))
        for figure in figures:
            bars.append(float(figure.value))
        bars.clicked.connect(self._bar_clicked)
        series = QHorizontalBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QHorizontalBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setBarWidth(0.7)
        chart.addSeries(series)
        names = QBarCategoryAxis()
        names.append([_short(f.label) for f in figures] or [""])
        names.setTruncateLabels(False)  # the chart's default elides "第一村民小组" to "…"
        chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(names)
        counts = QValueAxis()
        counts.setRange(0, max([f.value for f in figures] + [1]) * 1.15)
        counts.setLabelFormat("%d")
        counts.setTickCount(5)
        counts.applyNiceNumbers()  # ticks on round counts (0, 500, 1000 …), not 568, 1137
        counts.setGridLineVisible(False)
        chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(counts)
        self.setMinimumHeight(max(220, 60 + 22 * len(figures)))

    def _bar_clicked(self, index: int) -> None:
        """Qt numbers the bars from the bottom, the breakdown from the top."""
        if self.breakdown is not None:
            self.open_bar(len(self.breakdown.figures) - 1 - index)

    def open_bar(self, position: int) -> None:
        """The bar at ``position`` in the breakdown's order: open the list behind it."""
        if self.breakdown is not None and 0 <= position < len(self.breakdown.figures):
            self._open(self.breakdown.figures[position].target)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1] + "…"
