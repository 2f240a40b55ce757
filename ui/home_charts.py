"""The bar charts of 首页: one bar per figure, its count beside it, and a click on a bar opens its list.

Drawn with QPainter, not QtCharts: four charts of a few dozen bars at most need no scene graph,
and QtCharts cost the page about 25 ms of its first layout and paint (and the bundle its library).
The bars are horizontal because long Chinese names read best down the side; the text is the
window's font, so the 字号 setting scales the charts with everything else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from govdesk.services.home_view import Breakdown, Target

BAR_COLOR = QColor("#c0392b")  # the red of the Party's boards, softened
HOVER_COLOR = QColor("#e05a4b")
LABEL_MAX_CHARS = 8
MIN_HEIGHT = 220
PADDING = 10


class BarChart(QWidget):
    """A horizontal bar chart of one breakdown, in the breakdown's order (first at the top)."""

    def __init__(self, open_target: Callable[[Target], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._open = open_target
        self.breakdown: Breakdown | None = None
        self._hovered = -1
        self.setMouseTracking(True)  # the bar under the pointer lights up and shows the hand
        self.setMinimumHeight(MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def show_breakdown(self, breakdown: Breakdown) -> None:
        """Draw these figures (in the order given, first at the top) with their counts on the bars."""
        self.breakdown = breakdown
        self._hovered = -1
        self._fit()

    def _fit(self) -> None:
        """Tall enough for every bar at the current font (the 字号 setting changes it)."""
        bars = len(self.breakdown.figures) if self.breakdown is not None else 0
        self.setMinimumHeight(max(MIN_HEIGHT, self._rows_top() + self._row_height() * bars + PADDING))
        self.updateGeometry()
        self.update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:
            self._fit()
        super().changeEvent(event)

    def title(self) -> str:
        if self.breakdown is None:
            return ""
        return f"{self.breakdown.title}（共 {self.breakdown.total:,}）"

    # --- geometry ------------------------------------------------------------------------------
    def _row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _rows_top(self) -> int:
        return PADDING + self.fontMetrics().height() * 2

    def _label_width(self) -> int:
        if self.breakdown is None:
            return 0
        metrics = self.fontMetrics()
        return max((metrics.horizontalAdvance(_short(f.label)) for f in self.breakdown.figures), default=0)

    def bar_rect(self, position: int) -> QRect:
        """Where the bar of the figure at ``position`` is drawn (for clicks in tests and tooltips)."""
        if self.breakdown is None or not 0 <= position < len(self.breakdown.figures):
            return QRect()
        return self._bars()[position]

    def _bars(self) -> list[QRect]:
        """Every bar's rectangle: after the widest name, scaled so the longest leaves room for its count."""
        if self.breakdown is None or not self.breakdown.figures:
            return []
        figures = self.breakdown.figures
        metrics = self.fontMetrics()
        left = PADDING + self._label_width() + PADDING
        widest_count = max(metrics.horizontalAdvance(f"{f.value:,}") for f in figures)
        room = max(1, self.width() - left - widest_count - 2 * PADDING)
        most = max(f.value for f in figures) or 1
        row, top = self._row_height(), self._rows_top()
        return [
            QRect(left, top + n * row + 3, round(room * f.value / most) if f.value > 0 else 0, row - 6)
            for n, f in enumerate(figures)
        ]

    def position_at(self, point: QPoint) -> int:
        """The figure whose row is under ``point`` (the label, the bar or the count), or -1."""
        if self.breakdown is None:
            return -1
        offset = point.y() - self._rows_top()
        position = offset // self._row_height() if offset >= 0 else -1
        return position if 0 <= position < len(self.breakdown.figures) else -1

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(360, self.minimumHeight())

    # --- drawing -------------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        palette = self.palette()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(palette.mid().color())
        painter.setBrush(palette.base())
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 4, 4)
        if self.breakdown is None:  # before the first read: the empty frame
            painter.end()
            return
        metrics = self.fontMetrics()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        title_box = QRect(PADDING, PADDING, self.width() - 2 * PADDING, metrics.height())
        painter.drawText(title_box, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, self.title())
        painter.setFont(self.font())
        label_width = self._label_width()
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        for position, (figure, bar) in enumerate(zip(self.breakdown.figures, self._bars(), strict=True)):
            row = QRect(PADDING, bar.top() - 3, self.width() - 2 * PADDING, bar.height() + 6)
            painter.setPen(palette.text().color())
            painter.drawText(QRect(row.left(), row.top(), label_width, row.height()), right, _short(figure.label))
            if bar.width() > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(HOVER_COLOR if position == self._hovered else BAR_COLOR)
                painter.drawRect(bar)
                painter.setPen(palette.text().color())
            counted = QRect(bar.right() + 6, row.top(), max(0, row.right() - bar.right() - 6), row.height())
            painter.drawText(counted, left, f"{figure.value:,}")
        painter.end()

    # --- the pointer ---------------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        position = self.position_at(event.position().toPoint())
        if position != self._hovered:
            self._hovered = position
            shape = Qt.CursorShape.PointingHandCursor if position >= 0 else Qt.CursorShape.ArrowCursor
            self.setCursor(shape)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if self._hovered != -1:
            self._hovered = -1
            self.update()
        super().leaveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self.open_bar(self.position_at(event.position().toPoint()))

    def event(self, event: QEvent) -> bool:
        """The tooltip of a bar: its whole name (long ones are cut on the chart) and its count."""
        if event.type() == QEvent.Type.ToolTip and self.breakdown is not None:
            position = self.position_at(event.pos())  # type: ignore[attr-defined]  # a QHelpEvent
            if position >= 0:
                figure = self.breakdown.figures[position]
                QToolTip.showText(event.globalPos(), f"{figure.label}：{figure.value:,}（单击查看名单）", self)  # type: ignore[attr-defined]
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def open_bar(self, position: int) -> None:
        """The bar at ``position`` in the breakdown's order: open the list behind it."""
        if self.breakdown is not None and 0 <= position < len(self.breakdown.figures):
            self._open(self.breakdown.figures[position].target)


def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX_CHARS else label[: LABEL_MAX_CHARS - 1] + "…"
