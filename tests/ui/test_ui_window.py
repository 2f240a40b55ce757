"""The window on the demo village: tabs, title, status counts, search, SQL sorting, residents pane."""

from __future__ import annotations

from PySide6.QtCore import Qt

from govdesk.services.bundle import Services


def test_the_areas_with_their_names_and_icons(window) -> None:
    assert window.tab_titles() == ["首页", "党员", "组织生活", "农户", "值班", "五议两公开", "民情"]
    assert all(not window.areas.list.item(i).icon().isNull() for i in range(7))


def test_title_names_the_village_and_marks_the_demo(window, services: Services) -> None:
    village = services.village.title()
    assert village in window.windowTitle()
    assert window.windowTitle() == f"govdesk — {village}（演示）"


def test_status_bar_counts(window, services: Services) -> None:
    households, residents = services.households.counts()
    text = window.counts_label.text()
    assert f"党员 {services.members.active_count()} 人" in text
    assert f"农户 {households} 户" in text
    assert f"居民 {residents:,} 人" in text


def test_about_names_version_and_database(window, services: Services) -> None:
    from govdesk import __version__

    assert __version__ in window.about_text()
    assert services.db.describe() in window.about_text()


def test_typing_a_search_narrows_the_member_rows(members_tab, qtbot) -> None:
    """Typed key by key (ID-number suffix): the debounce fires once the typing pauses."""
    model = members_tab.model
    total = model.rowCount()
    id_col = [c.key for c in model.columns].index("id_number")
    number = model.data(model.index(3, id_col))
    qtbot.keyClicks(members_tab.search, number[-6:])
    qtbot.waitUntil(lambda: model.rowCount() < total, timeout=2000)
    assert model.query.text == number[-6:]
    assert number in [model.data(model.index(r, id_col)) for r in range(model.rowCount())]
    members_tab.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=2000)


def test_search_by_name_and_pinyin_initials(members_tab, services: Services, qtbot) -> None:
    model = members_tab.model
    total = model.rowCount()
    name = model.data(model.index(0, 0))
    members_tab.search.setText(name)
    qtbot.waitUntil(lambda: model.rowCount() < total, timeout=2000)
    assert name in [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    member = services.members.get(model.row_id(0))
    initials = member.search_keys.split()[1] if " " in member.search_keys else member.search_keys
    members_tab.search.setText(initials)
    qtbot.waitUntil(lambda: model.query.text == initials, timeout=2000)
    assert name in [model.data(model.index(r, 0)) for r in range(model.rowCount())]


def test_household_number_search(households_tab, qtbot) -> None:
    model = households_tab.model
    total = model.rowCount()
    number = model.data(model.index(5, 0))
    households_tab.search.setText(number)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=2000)
    assert model.data(model.index(0, 0)) == number
    households_tab.search.setText("")
    qtbot.waitUntil(lambda: model.rowCount() == total, timeout=2000)


def test_rare_character_search_finds_and_shows_the_name(households_tab, qtbot) -> None:
    households_tab.search.setText("𠮷")
    qtbot.waitUntil(lambda: 0 < households_tab.model.rowCount() < 300, timeout=2000)
    households_tab.table.selectRow(0)
    pane = households_tab.residents.model
    names = [pane.data(pane.index(r, 0)) for r in range(pane.rowCount())]
    assert any("𠮷" in n for n in names)


def test_clicking_a_header_sorts_in_sql(members_tab) -> None:
    model = members_tab.model
    col = [c.key for c in model.columns].index("joined_on")
    members_tab.table.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    first_asc = model.data(model.index(0, col))
    members_tab.table.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    assert model.query.sort_key == "joined_on" and model.query.descending
    first_desc = model.data(model.index(0, col))
    assert first_desc > first_asc
    assert model.page_fetches <= 4


def test_filter_combo_narrows(members_tab) -> None:
    total = members_tab.model.rowCount()
    combo = members_tab._filters["status"]
    combo.setCurrentIndex(combo.findText("预备党员"))
    assert 0 < members_tab.model.rowCount() < total
    combo.setCurrentIndex(0)
    assert members_tab.model.rowCount() == total


def test_selecting_a_household_lists_its_residents(households_tab, services: Services) -> None:
    households_tab.table.selectRow(0)
    household_id = households_tab.current_id()
    assert households_tab.residents.household_id == household_id
    expected = services.households.residents(household_id, include_ended=False)
    assert households_tab.residents.model.rowCount() == len(expected)
    number = households_tab.model.data(households_tab.model.index(0, 0))
    assert number in households_tab.residents.title.text()
    assert households_tab.residents.add_button.isEnabled()


def test_window_opens_on_an_empty_database(db, qtbot) -> None:
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(Services.open(db))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    assert win.windowTitle() == "govdesk — 未设置村名"
    assert win.area("党员").model.rowCount() == 0
    assert "党员 0 人" in win.counts_label.text()
    win.jobs.shutdown()
