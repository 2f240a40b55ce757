"""The left-hand list of areas and the stack it switches; areas are built when first shown.

Eight areas do not fit a row of tabs on a 1366-pixel screen with readable text, a list down
the left does. An area's widget is built the first time it is shown, so the window paints
before any list is filled and an area nobody opens costs nothing. At start-up the list shows the
names before the database is open: it is ``held`` (a click only highlights) until the window has
its services, and the icons are set afterwards (``set_icons``), so qtawesome is not loaded before
the first paint. Changes reach the visible
area at once and the others when they are next shown (one refresh however many writes).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFontMetrics, QIcon
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from govdesk.changes import Changes
from ui.areas import AreaSpec
from ui.layouts import settle_layouts

AreaBuilder = Callable[[AreaSpec], QWidget]

NAV_STYLE = """
QListWidget#areaList { border: none; border-right: 1px solid palette(mid); background: palette(window); }
QListWidget#areaList::item { padding: 0.55em 0.6em; border-radius: 4px; margin: 2px 4px; }
QListWidget#areaList::item:selected { background: palette(highlight); color: palette(highlighted-text); }
"""


class AreaNavigator(QWidget):
    """Navigation list + stacked areas. ``area_built`` fires once per area, right after building."""

    area_built = Signal(int, QWidget)
    area_shown = Signal(int)

    def __init__(self, specs: list[AreaSpec], build: AreaBuilder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.specs = specs
        self._build = build
        self._widgets: dict[int, QWidget] = {}
        self._pending: dict[int, Changes] = {}
        self.held = True  # until the window has its services: a click only highlights the name
        self.list = QListWidget()
        self.list.setObjectName("areaList")
        self.list.setStyleSheet(NAV_STYLE)
        for index, spec in enumerate(specs):
            item = QListWidgetItem(spec.name)
            if index < 9:
                item.setToolTip(f"{spec.name}（Ctrl+{index + 1}）")
            self.list.addItem(item)
        self.stack = QStackedWidget()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.list)
        layout.addWidget(self.stack, 1)
        self._fit_list()
        self.list.currentRowChanged.connect(self._row_changed)

    # --- what the window and tests ask ------------------------------------------------------
    def names(self) -> list[str]:
        return [spec.name for spec in self.specs]

    def index_of(self, name_or_key: str) -> int:
        for index, spec in enumerate(self.specs):
            if name_or_key in (spec.name, spec.key):
                return index
        raise KeyError(name_or_key)

    def current_index(self) -> int:
        return self.list.currentRow()

    def is_built(self, index: int) -> bool:
        return index in self._widgets

    def built(self) -> dict[int, QWidget]:
        return dict(self._widgets)

    def set_icons(self, icon: Callable[[str], QIcon]) -> None:
        """Give each name its icon (after the first paint: ``icon`` loads qtawesome)."""
        for index, spec in enumerate(self.specs):
            self.list.item(index).setIcon(icon(spec.icon))

    def release(self) -> None:
        """The services are there: from now on choosing an area shows it."""
        # PySide6 builds the Qt namespace's enums on first use (~20 ms): not before the first paint.
        from PySide6.QtCore import Qt

        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.held = False

    def mark_current(self, index: int) -> None:
        """Highlight an area without building it (start-up: it is built after the first paint)."""
        self.list.blockSignals(True)
        self.list.setCurrentRow(index)
        self.list.blockSignals(False)

    def select(self, index: int) -> QWidget:
        """Show an area (building it first if needed); returns its widget."""
        if self.list.currentRow() != index:
            self.list.setCurrentRow(index)  # _row_changed shows it
        else:
            self._show(index)
        return self._widgets[index]

    def widget(self, index: int) -> QWidget:
        """An area's widget, built now if it was not yet (without switching to it)."""
        if index not in self._widgets:
            widget = self._build(self.specs[index])
            self._widgets[index] = widget
            self.stack.addWidget(widget)
            self.area_built.emit(index, widget)
        return self._widgets[index]

    # --- changes ------------------------------------------------------------------------------
    def deliver(self, changes: Changes) -> None:
        """The visible area hears a change at once; a hidden built area when it is next shown."""
        current = self.stack.currentWidget()
        for index, widget in self._widgets.items():
            if widget is current:
                widget.on_changes(changes)  # type: ignore[attr-defined]  # AreaWidget
            else:
                self._pending[index] = self._pending.get(index, Changes.NONE) | changes

    # --- internals ----------------------------------------------------------------------------
    def _row_changed(self, index: int) -> None:
        if index >= 0 and not self.held:
            self._show(index)

    def _show(self, index: int) -> None:
        widget = self.widget(index)
        pending = self._pending.pop(index, Changes.NONE)
        if pending:
            widget.on_changes(pending)  # type: ignore[attr-defined]  # AreaWidget
        self.stack.setCurrentWidget(widget)
        settle_layouts()  # a newly built area paints once, laid out (not again when its requests arrive)
        self.area_shown.emit(index)

    def fit_to_font(self) -> None:
        """After a 字号 change (the window has polished the list's style sheet again)."""
        self._fit_list()

    def _fit_list(self) -> None:
        """As wide as the longest name with its icon at the current 字号."""
        metrics = QFontMetrics(self.list.font())
        icon = metrics.height() + 4
        self.list.setIconSize(QSize(icon, icon))
        widest = max((metrics.horizontalAdvance(spec.name) for spec in self.specs), default=0)
        self.list.setFixedWidth(widest + icon + 3 * metrics.horizontalAdvance("汉") + 8)
