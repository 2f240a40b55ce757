"""The window paints first, then fills its lists (issue F): the frame, then ``attach(services)``.

``MainWindow()`` is the frame alone — menus, the area names, "正在打开数据库…" — shown before the
database is open; ``attach`` gives it the services, the title, the icons, and then the selected
area and the counts are filled. A database that cannot be opened is one Chinese message, exit 1,
and the file is left as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from govdesk.db import Database
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services


@pytest.fixture
def frame(qtbot):  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.jobs is not None:
        win.jobs.shutdown()


def _actions(win) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {a.text(): a for menu in win.menuBar().actions() for a in menu.menu().actions()}


def test_the_frame_shows_the_areas_before_the_database_is_open(frame, qtbot) -> None:
    from ui.main_window import OPENING_MESSAGE

    assert frame.tab_titles() == ["首页", "党员", "组织生活", "农户", "值班", "五议两公开", "民情"]
    assert frame.windowTitle() == "govdesk（演示）"
    assert frame.statusBar().currentMessage() == OPENING_MESSAGE
    assert frame.services is None and not frame.ready
    qtbot.wait(20)  # a paint and a turn of the event loop: still nothing is filled without services
    assert frame.areas.built() == {} and frame.counts_label.text() == ""
    actions = _actions(frame)
    assert not actions["备份数据库(&B)…"].isEnabled() and not actions["村和组织(&O)…"].isEnabled()
    assert actions["关于(&A)"].isEnabled()
    assert frame.areas.list.item(0).icon().isNull()  # icons come with the services (qtawesome)
    frame.areas.list.setCurrentRow(1)  # a click while the database opens only highlights the name
    assert frame.areas.built() == {}


def test_attach_fills_the_frame_and_keeps_the_area_chosen_while_opening(frame, qtbot, demo_db: Database) -> None:
    frame.areas.list.setCurrentRow(3)  # 农户 (after 首页, 党员, 组织生活), clicked while the database was opening
    services = Services.open(demo_db)
    with qtbot.waitSignal(frame.filled, timeout=10000):
        frame.attach(services)
    assert frame.ready and frame.windowTitle().startswith("govdesk — ") and frame.windowTitle().endswith("（演示）")
    assert frame.current_area() == "农户"
    households, residents = services.households.counts()
    assert frame.area("农户").model.rowCount() > 0
    assert f"农户 {households:,} 户" in frame.counts_label.text()
    assert not frame.areas.list.item(0).icon().isNull()
    assert _actions(frame)["备份数据库(&B)…"].isEnabled()
    frame.select_area("党员")  # switching works as in a window built with its services at once
    assert frame.area("党员").model.rowCount() == services.members.active_count()
    with pytest.raises(RuntimeError):
        frame.attach(services)


def test_a_new_database_still_asks_for_the_village_after_attach(frame, qtbot, db: Database) -> None:
    with qtbot.waitSignal(frame.filled, timeout=10000):
        frame.attach(Services.open(db))
    qtbot.waitUntil(lambda: frame.first_run_dialog is not None)
    assert frame.first_run_dialog.isVisible()
    frame.first_run_dialog.reject()


def test_run_opens_the_database_after_the_first_paint(qapp, demo_db: Database, monkeypatch, qtbot) -> None:
    import ui.app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the crash handler
    events: list[str] = []
    windows: list = []

    def opener(target: str | Path | None) -> Services:
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.windowTitle() == "govdesk（演示）"]
        events.append(f"open with frame shown: {bool(shown)}")
        windows.extend(shown)
        return ui.app.open_services(target)

    def close_when_filled() -> None:
        if windows and windows[0].ready:
            events.append(windows[0].windowTitle())
            QApplication.closeAllWindows()
        else:
            QTimer.singleShot(20, close_when_filled)

    QTimer.singleShot(20, close_when_filled)
    assert ui.app.run(str(demo_db.url.database), demo=True, opener=opener) == 0
    assert events[0] == "open with frame shown: True"
    assert events[1].startswith("govdesk — ") and events[1] != "govdesk — 未设置村名（演示）"


def test_a_database_that_cannot_be_opened_is_one_chinese_message(qapp, tmp_path: Path, monkeypatch) -> None:
    import ui.app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    bad = tmp_path / "register.sqlite3"
    bad.write_bytes(b"this is a spreadsheet, not a database\n" * 200)
    before = bad.read_bytes()
    shown: list[str] = []
    monkeypatch.setattr(ui.app, "show_open_failure", lambda _parent, message: shown.append(message))
    assert ui.app.run(str(bad)) == 1
    assert len(shown) == 1 and "无法打开数据库" in shown[0] and "未做任何修改" in shown[0]
    assert "Traceback" not in shown[0]
    assert bad.read_bytes() == before  # nothing lost, nothing changed
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible()] == []


def test_open_target_turns_a_damaged_file_into_a_govdesk_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00garbage" * 500)
    with pytest.raises(GovdeskError, match="无法打开数据库"):
        Services.open_target(bad)
    good = Services.open_target(tmp_path / "new.sqlite3")  # a new file is created and migrated
    assert good.village.has_village() is False
    good.close()
