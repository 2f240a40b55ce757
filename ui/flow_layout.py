"""A row of widgets that wraps onto further rows when the window is too narrow for it.

A list's filter combos and action buttons (党员 has eight filters and eleven buttons) laid in a
plain row made the area as wide as all of them together: 1,476 pixels at 标准 and 1,718 at 特大,
wider than the 1,366-pixel screen of many village PCs, so the window ran off the screen. In a
``FlowLayout`` the row is as narrow as its widest widget; what does not fit goes onto the next
row (Qt's own "Flow Layout" example, with right alignment for action buttons).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem

DEFAULT_SPACING = 6


class FlowLayout(QLayout):
    """Left to right, wrapping; ``align_right`` puts each row against the right edge."""

    def __init__(self, parent: QWidget | None = None, *, align_right: bool = False) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.align_right = align_right
        self.setContentsMargins(0, 0, 0, 0)

    # --- the items ------------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:  # noqa: N802 - as QBoxLayout's
        """``widget`` at ``index`` among the items (0: first)."""
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # --- sizes ----------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        """Everything on one row: what the layout asks for when there is room."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return self._with_margins(QSize(width, height))

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        """One widget per row at worst: as narrow as the widest widget."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return self._with_margins(size)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    # --- internals ------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]  # hidden widgets take no room

    def _gap(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else DEFAULT_SPACING

    def _with_margins(self, size: QSize) -> QSize:
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        """Place the items in rows inside ``rect`` (``apply``) and return the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        gap = self._gap()
        rows: list[list[tuple[QLayoutItem, QSize]]] = [[]]
        used = 0
        for item in self._shown():
            size = item.sizeHint().boundedTo(item.maximumSize()).expandedTo(item.minimumSize())
            width = size.width() if not rows[-1] else used + gap + size.width()
            if rows[-1] and width > area.width():
                rows.append([])
                width = size.width()
            rows[-1].append((item, size))
            used = width
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(size.height() for _item, size in row)
            if apply:
                row_width = sum(size.width() for _item, size in row) + gap * (len(row) - 1)
                x = area.x() + (max(area.width() - row_width, 0) if self.align_right else 0)
                for item, size in row:
                    top = y + (height - size.height()) // 2  # centred in the row, as QHBoxLayout does
                    item.setGeometry(QRect(QPoint(x, top), size))
                    x += size.width() + gap
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if y > area.y() else 0
