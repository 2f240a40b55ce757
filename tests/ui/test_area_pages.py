"""An area made of pages builds each page when first shown, forwards changes to the built ones
only, and opens a page by key (the other filters going to the page)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from govdesk.changes import Changes
from govdesk.services.bundle import Services
from ui.areas.pages import PagedArea, PageRegistry, PageSpec


class _Page(QLabel):
    def __init__(self, key: str, built: list[str]) -> None:
        super().__init__(key)
        built.append(key)
        self.changes: list[Changes] = []
        self.filters: list[dict[str, Any]] = []

    def on_changes(self, changes: Changes) -> None:
        self.changes.append(changes)

    def apply_filters(self, filters: dict[str, Any]) -> None:
        self.filters.append(filters)


def test_pages_build_lazily_in_order_and_take_changes_and_filters(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    built: list[str] = []
    registry = PageRegistry(modules=())
    registry.register(PageSpec("dues", "党费", 30, lambda *_: _Page("dues", built)))
    registry.register(PageSpec("meetings", "会议", 10, lambda *_: _Page("meetings", built)))
    area = PagedArea(registry, services, None, lambda *_: None, "test_area")  # type: ignore[arg-type]
    qtbot.addWidget(area)
    assert [area.tabText(i) for i in range(area.count())] == ["会议", "党费"]
    assert built == ["meetings"]

    area.on_changes(Changes.MEMBERS)
    meetings = area.page("meetings")
    assert isinstance(meetings, _Page) and meetings.changes == [Changes.MEMBERS]

    area.apply_filters({"page": "dues", "member_id": 7})
    assert area.currentIndex() == 1 and built == ["meetings", "dues"]
    dues = area.page("dues")
    assert isinstance(dues, _Page) and dues.filters == [{"member_id": 7}] and dues.changes == []

    area.apply_filters({"page": "no-such-page"})
    assert area.currentIndex() == 1


def test_a_page_key_registered_twice_is_refused() -> None:
    registry = PageRegistry(modules=())
    registry.register(PageSpec("x", "甲", 1, lambda *_: QLabel()))
    try:
        registry.register(PageSpec("x", "乙", 2, lambda *_: QLabel()))
    except ValueError:
        return
    raise AssertionError("registered twice without complaint")
