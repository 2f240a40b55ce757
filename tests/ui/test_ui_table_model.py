"""Table models: Qt's model contract (qtmodeltester), paging, SQL sort and display rules."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from ui.table_model import ENDED_COLOR, PagedTableModel, RowListModel, display_value


def test_members_model_passes_qtmodeltester(services: Services, qtmodeltester) -> None:
    model = PagedTableModel(services.members)
    qtmodeltester.check(model)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_text("王")
    qtmodeltester.check(model)


def test_households_model_passes_qtmodeltester(services: Services, qtmodeltester) -> None:
    model = PagedTableModel(services.households, page_size=50)
    qtmodeltester.check(model)


def test_residents_model_passes_qtmodeltester(services: Services, qtmodeltester) -> None:
    household = PagedTableModel(services.households).row_id(0)
    assert household is not None
    model = RowListModel(services.households.resident_columns, services.households.residents(household))
    assert model.rowCount() >= 1
    qtmodeltester.check(model)


def test_model_fetches_only_the_pages_it_shows(services: Services) -> None:
    model = PagedTableModel(services.households, page_size=20)
    assert model.rowCount() == 300
    assert model.page_fetches == 0
    model.data(model.index(0, 0))
    model.data(model.index(19, 3))
    assert model.page_fetches == 1
    model.data(model.index(250, 0))
    assert model.page_fetches == 2
    assert model.row_of_id(model.row_id(250) or -1) == 250


def test_headers_come_from_the_column_labels(services: Services) -> None:
    model = PagedTableModel(services.members)
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headers[:4] == ["姓名", "性别", "出生日期", "公民身份号码"]


def test_sort_happens_in_sql_and_dates_read_yyyy_mm_dd(services: Services) -> None:
    model = PagedTableModel(services.members)
    col = [c.key for c in model.columns].index("birth_date")
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "birth_date" and model.query.descending
    births = [model.data(model.index(r, col)) for r in range(model.rowCount())]
    assert births == sorted(births, reverse=True)
    assert all(len(b) == 10 and b[4] == "-" and b[7] == "-" for b in births)
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, col)) == min(births)


def test_search_and_filters_narrow_the_rows(services: Services) -> None:
    model = PagedTableModel(services.members)
    total = model.rowCount()
    name = model.data(model.index(0, 0))
    model.set_text(name)
    assert 1 <= model.rowCount() < total
    model.set_text("")
    model.set_filters({"status": "预备党员", "branch_id": None})
    assert 0 < model.rowCount() < total
    assert model.query.filters == {"status": "预备党员"}


def test_ended_rows_are_hidden_by_default_and_grey_when_shown(services: Services) -> None:
    model = PagedTableModel(services.members)
    total = model.rowCount()
    member_id = model.row_id(0)
    assert member_id is not None
    services.members.end(member_id, date(2026, 1, 5), "转出")
    model.refresh()
    assert model.rowCount() == total - 1
    model.setQuery(ListQuery(include_ended=True))
    rows = [r for r in range(model.rowCount()) if model.row_id(r) == member_id]
    assert len(rows) == 1
    brush = model.data(model.index(rows[0], 0), Qt.ItemDataRole.ForegroundRole)
    assert brush is not None and brush.color() == ENDED_COLOR


def test_display_value() -> None:
    assert display_value(date(1990, 1, 5)) == "1990-01-05"
    assert display_value(None) == ""
    assert display_value("䶮") == "䶮"
