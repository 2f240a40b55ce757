"""The navigation down the left: switching, Ctrl+1…9, lazy areas, remembered state, 字号, one broadcast."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter

from govdesk.changes import Changes
from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.households import HouseholdInput

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def open_window(qtbot) -> Iterator:  # type: ignore[no-untyped-def]
    """Opens windows on a database the way the program does (shown, then filled); resets the 字号."""
    from ui.app import application
    from ui.fonts import set_text_scale
    from ui.main_window import MainWindow

    app = application()
    opened = []

    def open_(services: Services):  # type: ignore[no-untyped-def]
        win = MainWindow(services, demo=True)
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: win.ready)
        opened.append(win)
        return win

    yield open_
    for win in opened:
        win.jobs.shutdown()
    set_text_scale(app, "标准")


def test_clicking_an_area_shows_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.roster_tab import RosterTab

    item = window.areas.list.item(window.tab_titles().index("值班"))
    rect = window.areas.list.visualItemRect(item)
    qtbot.mouseClick(window.areas.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_area() == "值班"
    assert isinstance(window.areas.stack.currentWidget(), RosterTab)
    assert window.areas.stack.currentWidget() is window.area("值班")


def test_ctrl_number_selects_the_nth_area(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    titles = window.tab_titles()  # the areas in navigation order (more come with each issue)
    households, decisions = titles.index("农户"), titles.index("五议两公开")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1.value + households), Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "农户"
    assert window.areas.stack.currentWidget() is window.area("农户")
    qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1.value + decisions), Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "五议两公开"
    assert window.areas.list.item(households).toolTip() == f"农户（Ctrl+{households + 1}）"


def test_areas_are_built_when_first_shown(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(services, demo=True)
    qtbot.addWidget(win)
    assert win.areas.built() == {}  # nothing is filled before the window has painted
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    assert list(win.areas.built()) == [0]
    win.select_area("值班")
    assert sorted(win.areas.built()) == [0, win.tab_titles().index("值班")]
    win.jobs.shutdown()


LAZY_SCRIPT = r"""
import json, sys
from pathlib import Path
from govdesk.db import Database
from govdesk.services.bundle import Services
from ui.app import application
from ui.main_window import MainWindow
app = application()
window = MainWindow(Services.open(Database(Path(sys.argv[1]))))
window.show()
areas = {"ui.home_page", "ui.members_tab", "ui.households_tab", "ui.roster_tab", "ui.decisions_tab",
         "PySide6.QtCharts"}
before = sorted(areas & set(sys.modules))
window.fill()
after = sorted(areas & set(sys.modules))
print(json.dumps({"before": before, "after": after}))
"""


def test_an_area_module_is_imported_only_when_the_area_is_built(tmp_path: Path) -> None:
    """In a fresh interpreter: no area's widget module before the first paint, only the shown one after."""
    Database(tmp_path / "empty.sqlite3").dispose()
    result = subprocess.run(
        [sys.executable, "-c", LAZY_SCRIPT, str(tmp_path / "empty.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["before"] == []
    assert report["after"] == ["ui.home_page"]  # 首页, open on a fresh start; never QtCharts (not in the bundle)


@pytest.mark.parametrize("scale", ["标准", "大", "特大"])
def test_every_area_fits_a_1366_pixel_screen(demo_db: Database, open_window, scale: str) -> None:  # type: ignore[no-untyped-def]
    """The village PC's screen is 1366 pixels wide: at every 字号 no area makes the window wider
    (a list's filters and buttons wrap onto another row instead)."""
    window = open_window(Services.open(demo_db))
    window.apply_text_scale(scale)
    for name in window.tab_titles():
        window.select_area(name)
        window.resize(1366, 768)
        QApplication.processEvents()
        assert window.minimumSizeHint().width() <= 1366, (scale, name)
        assert window.width() == 1366, (scale, name)


def test_state_is_restored_in_the_next_window(demo_db: Database, open_window) -> None:  # type: ignore[no-untyped-def]
    first = open_window(Services.open(demo_db))
    first.resize(1100, 700)
    first.apply_text_scale("大")
    households = first.select_area("农户")
    households.table.setColumnWidth(1, 177)
    split = households.findChild(QSplitter, "households.split")
    split.setSizes([300, 200])
    saved_sizes = split.sizes()
    first.close()

    second = open_window(Services.open(demo_db))
    assert second.current_area() == "农户"
    assert list(second.areas.built()) == [second.tab_titles().index("农户")]  # the remembered area, built at start-up
    again = second.area("农户")
    assert again.table.columnWidth(1) == 177
    sizes = again.findChild(QSplitter, "households.split").sizes()
    # the split is the same; the pixels follow the space the laid-out window gives it
    assert sizes[0] / sum(sizes) == pytest.approx(saved_sizes[0] / sum(saved_sizes), abs=0.02)
    assert sizes[0] / sum(sizes) != pytest.approx(3 / 5, abs=0.02)  # not the default stretch 3 : 2
    assert second.text_scale == "大"
    assert [a.text() for a in second.scale_actions.actions() if a.isChecked()] == ["大"]
    # the size, not the default 1280×800 (the offscreen platform may shave a frame margin)
    assert abs(second.width() - 1100) <= 8 and abs(second.height() - 700) <= 8


def test_text_scale_scales_text_rows_and_the_list(window) -> None:  # type: ignore[no-untyped-def]
    from ui.fonts import set_text_scale

    app = QApplication.instance()
    standard = app.font().pointSizeF()
    members = window.select_area("党员")
    row = members.table.verticalHeader().defaultSectionSize()
    name_width = members.table.columnWidth(0)
    nav_width = window.areas.list.width()
    try:
        window.apply_text_scale("特大")
        assert app.font().pointSizeF() == pytest.approx(standard * 1.4)
        assert members.table.font().pointSizeF() == pytest.approx(standard * 1.4)
        assert members.table.verticalHeader().defaultSectionSize() > row
        assert members.table.columnWidth(0) == round(name_width * 1.4)
        assert window.areas.list.width() > nav_width
        window.apply_text_scale("标准")
        assert app.font().pointSizeF() == pytest.approx(standard)
        assert members.table.verticalHeader().defaultSectionSize() == row
    finally:
        set_text_scale(app, "标准")


def test_a_write_anywhere_reaches_the_counts_and_the_areas_that_show_it(window, services, qtbot) -> None:  # type: ignore[no-untyped-def]
    heard: list[Changes] = []
    window.changed.connect(heard.append)
    households = window.select_area("农户")
    rows = households.model.rowCount()
    window.select_area("党员")

    services.households.create(HouseholdInput(number="9990001", address="青山村9组1号"))
    assert heard == [Changes.HOUSEHOLDS | Changes.RESIDENTS]
    count, _residents = services.households.counts()
    qtbot.waitUntil(lambda: f"农户 {count} 户" in window.counts_label.text(), timeout=5000)
    assert households.model.rowCount() == rows  # hidden: it re-reads when it is next shown
    window.select_area("农户")
    assert households.model.rowCount() == rows + 1

    # a write on the job runner's worker thread arrives on the GUI thread
    window.jobs.submit(
        lambda ctx: services.households.create(HouseholdInput(number="9990002", address="青山村9组2号")),
        lambda _id: None,
    )
    qtbot.waitUntil(lambda: households.model.rowCount() == rows + 2, timeout=5000)
    qtbot.waitUntil(lambda: f"农户 {count + 1} 户" in window.counts_label.text(), timeout=5000)


def test_the_village_name_reaches_the_title(window, services) -> None:  # type: ignore[no-untyped-def]
    services.village.update_village(dataclasses.replace(services.village.as_input(), name="绿水"))
    assert window.windowTitle().startswith("govdesk — ") and "绿水" in window.windowTitle()


def test_an_area_ignores_changes_that_do_not_concern_it(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    households = window.select_area("农户")
    with qtbot.assertNotEmitted(households.model.modelReset):
        window.changed.emit(Changes.ROSTER | Changes.DECISIONS | Changes.PRINTS)
    with qtbot.waitSignal(households.model.modelReset, timeout=1000):
        window.changed.emit(Changes.RESIDENTS)


def test_a_write_after_the_window_is_gone_still_succeeds(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A relay whose window was deleted without closing stops listening instead of failing the write."""
    import shiboken6

    from ui.change_relay import ChangeRelay

    relay = ChangeRelay(services.db)
    heard: list[Changes] = []
    relay.changed.connect(heard.append)
    services.households.create(HouseholdInput(number="9990003", address="青山村9组3号"))
    assert heard == [Changes.HOUSEHOLDS | Changes.RESIDENTS]
    shiboken6.delete(relay)
    services.households.create(HouseholdInput(number="9990004", address="青山村9组4号"))
    assert len(heard) == 1
