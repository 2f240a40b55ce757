"""An area made of pages (组织生活: 会议 / 积分 / 党费 …; 村务: 志愿服务 / 评先评优 / 五星支部 / 理事会).

Each page is its own module that registers a ``PageSpec`` with its area's ``PageRegistry``; the
area is a tab bar that builds a page the first time it is shown, so adding a page is adding a
module and its name to the area's list, and nothing of a page is imported before it is opened.
The area forwards the window's change broadcast to the pages it has built, and opens a page by
its key when another area navigates here with ``{"page": key, …}`` (the other filters go to the
page if it is filterable).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from govdesk.changes import Changes
from ui.areas import FilterableArea, Navigate

if TYPE_CHECKING:
    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner

PageFactory = Callable[["Services", "JobRunner", Navigate], QWidget]


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable: "meetings"
    title: str  # the tab's text: 会议
    order: int  # place among the area's pages
    factory: PageFactory


@dataclass
class PageRegistry:
    """The pages of one area, listed by module name so they import only when the area is built."""

    modules: tuple[str, ...]
    _pages: dict[str, PageSpec] = field(default_factory=dict)

    def register(self, spec: PageSpec) -> PageSpec:
        if spec.key in self._pages:
            raise ValueError(f"page {spec.key!r} registered twice")
        self._pages[spec.key] = spec
        return spec

    def pages(self) -> list[PageSpec]:
        for name in self.modules:
            importlib.import_module(name)
        return sorted(self._pages.values(), key=lambda spec: (spec.order, spec.key))


class PagedArea(QTabWidget):
    """The area widget: one tab per page, each page built when first shown."""

    def __init__(
        self, registry: PageRegistry, services: Services, jobs: JobRunner, navigate: Navigate, object_name: str
    ) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setDocumentMode(True)
        self._services, self._jobs, self._navigate = services, jobs, navigate
        self._specs = registry.pages()
        self._built: dict[int, QWidget] = {}
        for spec in self._specs:
            holder = QWidget()
            holder.setObjectName(f"{object_name}.{spec.key}")
            self.addTab(holder, spec.title)
        self.currentChanged.connect(self._build)
        self._build(self.currentIndex())

    def page(self, key: str) -> QWidget:
        """The page's widget (built now if it was not yet shown)."""
        index = self._index_of(key)
        self._build(index)
        return self._built[index]

    def _index_of(self, key: str) -> int:
        for index, spec in enumerate(self._specs):
            if spec.key == key:
                return index
        raise KeyError(key)

    def _build(self, index: int) -> None:
        if index < 0 or index in self._built:
            return
        spec = self._specs[index]
        widget = spec.factory(self._services, self._jobs, self._navigate)
        holder = self.widget(index)
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(widget)
        self._built[index] = widget

    def on_changes(self, changes: Changes) -> None:
        for widget in self._built.values():
            widget.on_changes(changes)  # type: ignore[attr-defined]  # every page is an AreaWidget

    def apply_filters(self, filters: dict[str, Any]) -> None:
        """``{"page": key, …}`` shows that page; the rest of the filters go to it when it is filterable."""
        rest = dict(filters)
        key = rest.pop("page", None)
        if key is None:
            return
        try:
            index = self._index_of(str(key))
        except KeyError:
            return
        self.setCurrentIndex(index)
        widget = self.page(str(key))
        if rest and isinstance(widget, FilterableArea):
            widget.apply_filters(rest)
