"""首页 in the window: open on a fresh start, filled off the GUI thread, every kind of click opens
the right area with the right filter, and a write elsewhere refreshes it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.duty_log import DutyLogService
from tests.home.conftest import Village, build_village


@pytest.fixture
def village(db: Database) -> Village:
    return build_village(db, date.today())  # the lists filter on the real today too


@pytest.fixture
def window(village: Village, qtbot):  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(village.services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    yield win
    win.jobs.shutdown()


@pytest.fixture
def page(window, qtbot):  # type: ignore[no-untyped-def]
    from ui.home_page import HomePage

    home = window.areas.stack.currentWidget()
    assert isinstance(home, HomePage)
    qtbot.waitUntil(lambda: home.view is not None)
    return home


def test_home_is_the_first_area_and_open_on_a_fresh_start(window, page) -> None:  # type: ignore[no-untyped-def]
    assert window.tab_titles()[0] == "首页"
    assert window.current_area() == "首页"
    assert list(window.areas.built()) == [0]  # nothing else built
    assert window.areas.list.item(0).toolTip() == "首页（Ctrl+1）"


def test_the_page_shows_the_sections(page, village: Village) -> None:  # type: ignore[no-untyped-def]
    texts = [page.today_model.item(r).text for r in range(page.today_model.rowCount())]
    assert texts[:3] == ["赵书记（党支部书记）", "钱主任（村委会主任）", "8:30 两委例会（村部）"]
    assert "路灯坏了（钱主任跟进）" in texts
    assert page.today_box.title() == "今日（未办结值班记录 2 件）"
    needs = [page.needs_model.item(r).text for r in range(page.needs_model.rowCount())]
    assert (
        needs[0] == f"郑逾期（{(date.today() - timedelta(days=40)).replace(year=date.today().year - 1):%Y-%m-%d} 入党）"
    )
    assert page.needs_box.title().startswith(f"待办（{len(needs)} 项，其中逾期 ")
    assert [t.text() for t in page.tiles] == ["农户 2", "居民 5", "党员 5"]
    assert "低保户 <b>1</b>" in page.breakdown_labels[2].text()
    assert [c.breakdown.title for c in page.charts] == ["党员年龄结构", "党员状态", "各村民小组居民", "五议两公开事项"]


def test_the_first_area_paints_once_while_its_read_runs(village: Village, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """首页, built when the window opens, is laid out when the navigation shows it: it paints once,
    not once in the window's first paint and again when its posted layout requests arrive (a
    second full paint of the page while its read runs on the worker)."""
    import time

    from PySide6.QtCore import QEvent, QObject

    from ui.app import application
    from ui.main_window import MainWindow

    application()
    read = village.services.home.view
    monkeypatch.setattr(village.services.home, "view", lambda **kw: (time.sleep(0.5), read(**kw))[1])  # a slow read
    win = MainWindow(village.services)
    qtbot.addWidget(win)
    paints: list[int] = []

    class PagePaints(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.Paint:
                paints.append(1)
            return False

    counter = PagePaints()
    win.areas.area_built.connect(lambda _index, page: page.installEventFilter(counter))
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    qtbot.wait(200)  # the first paint and whatever it posts; the read is still running
    page = win.areas.stack.currentWidget()
    assert page.view is None
    assert len(paints) == 1
    qtbot.waitUntil(lambda: page.view is not None, timeout=5000)
    win.jobs.shutdown()


def test_the_page_is_laid_out_when_its_figures_arrive(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The tiles and breakdown lines are there before the read (only their numbers change), and the
    page is laid out before the paint the figures ask for: nothing moves after that first paint."""
    from ui.home_page import HomePage

    fresh = HomePage(page.services, page.jobs, page.navigate)  # as the window builds it: read asked
    qtbot.addWidget(fresh)
    fresh.resize(1000, 600)
    fresh.show()
    assert [t.text() for t in fresh.tiles] == ["农户 …", "居民 …", "党员 …"]
    assert all(label.isVisible() for label in fresh.breakdown_labels)
    fresh._asked += 1  # its own read's answer is left aside: the figures come from here
    qtbot.wait(50)  # the page as it paints before the read arrives
    fresh.show_view(page.view)  # no event-loop round in between
    laid_out = [w.geometry() for w in (*fresh.tiles, *fresh.breakdown_labels, fresh.numbers_box, *fresh.charts)]
    qtbot.wait(50)  # the paint and whatever it posts
    assert [w.geometry() for w in (*fresh.tiles, *fresh.breakdown_labels, fresh.numbers_box, *fresh.charts)] == laid_out


def test_item_models_pass_the_model_tester(page, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(page.today_model)
    qtmodeltester.check(page.needs_model)


def test_a_category_opens_the_households_filtered(window, page) -> None:  # type: ignore[no-untyped-def]
    position = next(n for n, f in enumerate(page.view.breakdowns[2].figures) if f.label == "低保户")
    page.breakdown_labels[2].linkActivated.emit(f"2:{position}")  # what a click on the link sends
    assert window.current_area() == "农户"
    tab = window.area("农户")
    assert tab._filters["category"].currentData() == "低保户"
    assert tab.model.rowCount() == 1
    assert tab.model.row_at(0).values[0] == "001"


def test_a_bar_opens_its_list(window, page, village: Village, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    groups = page.charts[2]
    first = groups.bar_rect(0)  # the first group, drawn at the top
    assert first.isValid() and first.width() > 0
    qtbot.mouseClick(groups, Qt.MouseButton.LeftButton, pos=first.center())
    tab = window.area("农户")
    assert window.current_area() == "农户"
    assert tab._filters["villager_group_id"].currentData() == village.ids["g1"]
    assert tab.model.rowCount() == 1

    ages = page.charts[0]
    window.select_area("首页")
    assert ages.breakdown.figures[0].label == "35岁及以下"
    qtbot.mouseClick(ages, Qt.MouseButton.LeftButton, pos=ages.bar_rect(0).center())
    members = window.area("党员")
    assert window.current_area() == "党员"
    assert members._filters["age_band"].currentData() == "35岁及以下"
    assert members.model.rowCount() == 3


def test_a_click_beside_the_bars_opens_nothing(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    chart = page.charts[1]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(chart.width() // 2, 3))  # the title
    assert window.current_area() == "首页"
    assert chart.position_at(QPoint(5, chart.bar_rect(1).center().y())) == 1  # the label's row opens it too


def test_an_item_opens_the_member_and_the_filters_start_afresh(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    members = window.select_area("党员")
    members._filters["status"].setCurrentIndex(members._filters["status"].findData("流动党员"))
    window.select_area("首页")
    view = page.needs_table
    rect = view.visualRect(page.needs_model.index(0, 1))
    from PySide6.QtCore import Qt

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_area() == "党员"
    assert members.search.text() == "郑逾期"
    assert members._filters["status"].currentData() is None  # the earlier filter is cleared
    assert members.model.rowCount() == 1


def test_a_tile_opens_the_whole_list(window, page) -> None:  # type: ignore[no-untyped-def]
    page.tiles[2].click()
    assert window.current_area() == "党员"
    assert window.area("党员").model.rowCount() == 5


def test_duty_items_open_the_roster_on_their_day(window, page) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in range(page.today_model.rowCount()) if page.today_model.item(r).text.startswith("路灯坏了"))
    page.open_target(page.today_model.item(row).target)
    roster = window.area("值班")
    assert window.current_area() == "值班"
    assert roster.selected == date.today() - timedelta(days=6)
    assert roster.log_view.day == roster.selected


def test_a_write_elsewhere_refreshes_the_page(window, page, village: Village, qtbot) -> None:  # type: ignore[no-untyped-def]
    DutyLogService(village.services.db).add(date.today(), "水管漏水")
    qtbot.waitUntil(lambda: page.view.open_log_count == 3)
    assert page.today_box.title() == "今日（未办结值班记录 3 件）"


def test_a_decision_reminder_opens_its_matter(demo_db: Database, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(Services.open(demo_db), demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    page = win.area("首页")
    qtbot.waitUntil(lambda: page.view is not None)
    item = next(i for i in page.view.needs_action if i.kind == "五议两公开")
    page.open_target(item.target)
    ledger = win.area("五议两公开")
    assert win.current_area() == "五议两公开"
    assert ledger.current.id == item.target.filters["matter_id"]
    stage = next(b for b in page.view.charts if b.title == "五议两公开事项").figures[0]
    page.open_target(stage.target)
    assert ledger.state_filter.currentData() == stage.label
    assert ledger.model.rowCount() == stage.value
    win.jobs.shutdown()


def test_the_pages_read_does_not_count_as_work_in_progress(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    import threading

    release = threading.Event()
    window.jobs.submit(lambda _ctx: release.wait(5), lambda _r: None, read_only=True)
    page.refresh()
    assert not window.jobs.busy  # closing now would not ask 仍有工作在进行
    window.jobs.submit(lambda _ctx: None, lambda _r: None)
    assert window.jobs.busy
    release.set()
    qtbot.waitUntil(lambda: not window.jobs.busy)


def test_an_overdue_voice_opens_the_voices_list_on_it(window, page, village: Village) -> None:  # type: ignore[no-untyped-def]
    item = next(i for i in page.view.needs_action if i.kind == "民情")
    page.open_target(item.target)
    voices = window.area("民情")
    assert window.current_area() == "民情"
    assert voices._filters["overdue"].currentData() is True
    assert voices.model.rowCount() == 1
    assert voices.current_id() == village.ids["voice_late"]


def test_the_arrears_are_not_asked_once_the_window_has_closed(window, page, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The arrears read is asked from a timer after the paint; closing at that moment asks nothing."""
    qtbot.waitUntil(lambda: not page.view.dues_pending)
    window.jobs.shutdown()
    page._read_arrears(page._asked)  # would raise on a shut-down executor if it submitted
    assert window.jobs.closed


def test_the_charts_grow_with_the_text_size(window, page) -> None:  # type: ignore[no-untyped-def]
    """设置 → 字号: the bars are laid out at the window's font, like every other text."""
    chart = page.charts[0]
    before = chart.bar_rect(0).height()
    window.apply_text_scale("特大", remember=False)
    try:
        assert chart.bar_rect(0).height() > before
        assert chart.position_at(chart.bar_rect(4).center()) == 4
    finally:
        window.apply_text_scale("标准", remember=False)


def test_a_bar_tells_its_whole_name_and_count(page, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A bar's tooltip: its whole name (long names are cut short on the chart) and its count."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    chart = page.charts[2]
    figure = chart.breakdown.figures[0]
    point = chart.bar_rect(0).center()
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, point, chart.mapToGlobal(point)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert QToolTip.text() == f"{figure.label}：{figure.value:,}（单击查看名单）"
    QToolTip.hideText()
