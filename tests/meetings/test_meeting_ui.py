"""组织生活 → 会议: the list and the attendance grid under qtmodeltester, the dialog driven from
the keyboard, refusals beside the fields, the page opened filtered from 首页."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from govdesk.db import Database
from govdesk.meetings.kinds import ABSENT, EXCUSED, PRESENT
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from tests.conftest import DEMO_TODAY
from tests.window import page_on_its_own
from ui.attendance_grid import COL_MARK, COL_REASON, AttendanceModel
from ui.dialogs.meeting_dialog import FromDecisionDialog, MeetingDialog
from ui.meetings_page import MeetingsPage
from ui.table_model import PagedTableModel


@pytest.fixture
def services(demo_db: Database) -> Services:
    services = Services.open(demo_db)
    services.meetings.clock = lambda: datetime.combine(DEMO_TODAY, time(10))
    return services


@pytest.fixture
def page(qtbot, services: Services) -> Iterator[MeetingsPage]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, MeetingsPage) as widget:
        widget.resize(1300, 800)
        widget.show()
        yield widget


def test_the_list_passes_qtmodeltester(qtmodeltester, services: Services, page: MeetingsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.model.rowCount() == services.meetings.count(ListQuery()) > 80
    qtmodeltester.check(page.model)
    model = PagedTableModel(services.meetings, page_size=10)
    model.set_filters({"kind": "主题党日", "year": 2026})
    model.sort(1)
    qtmodeltester.check(model)
    assert model.rowCount() > 10


def test_attendance_grid_passes_qtmodeltester(qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    model = AttendanceModel()
    first = services.meetings.page(ListQuery(filters={"kind": "支部党员大会"}), 0, 1)[0].id
    model.set_rows(services.meetings.get(first).sheet)
    qtmodeltester.check(model)


def test_warnings_and_filters_from_home(page: MeetingsPage, services: Services) -> None:
    text = page.warnings.text()
    assert "第二党支部：本季度尚未召开党课" in text and "第二党支部：上月未召开主题党日" in text
    second = next(uid for uid, name, _k in services.meetings.units() if name == "第二党支部")
    page.apply_filters({"unit_id": second, "kind": "主题党日"})
    assert page.model.rowCount() > 0
    first = page.model.row_at(0)
    assert first is not None and first.values[0] == first.id and first.values[2] == "主题党日"  # 编号, 日期, 类型
    days = {page.model.row_at(r).values[1] for r in range(page.model.rowCount())}  # type: ignore[union-attr]
    assert max(days) < date(2026, 9, 1)  # nothing since September: that is why it is warned


def test_dialog_keyboard_attendance_saves_in_one_go(qtbot, page: MeetingsPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = MeetingDialog(services, None, page, kind="主题党日")
    qtbot.addWidget(dialog)
    dialog.day.setText("2026-11-20")
    dialog.topic.setText("学习村规民约")
    grid = dialog.grid
    n = grid.rowCount()
    assert n > 10 and all(a.mark == "" for a in grid.rows)
    view = dialog.table
    view.setFocus()
    view.setCurrentIndex(grid.index(0, COL_MARK))
    qtbot.keyClick(view, Qt.Key.Key_1)  # 出席, next
    assert grid.rows[0].mark == PRESENT and view.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_3)  # 缺席, next
    assert grid.rows[1].mark == ABSENT and view.currentIndex().row() == 2
    grid.set_mark(2, EXCUSED, "外出务工")
    view.setCurrentIndex(grid.index(3, COL_MARK))
    qtbot.keyClick(view, Qt.Key.Key_1)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    saved = services.meetings.get(dialog.saved_id)  # type: ignore[arg-type]
    marks = [a.mark for a in saved.sheet]
    assert marks[:4] == [PRESENT, ABSENT, EXCUSED, PRESENT] and saved.sheet[2].reason == "外出务工"
    assert "应到" in dialog.summary.text()


def test_the_dialog_names_members_a_cap_left_without_points(qtbot, page: MeetingsPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    """The save stands; the clerk is told whose 会议出席 points a monthly cap withheld (issue G §2)."""
    from govdesk.models.points import PointRule

    with services.db.transaction() as s:  # at most one 会议出席 a month
        for rule in s.scalars(select(PointRule).where(PointRule.year == 2026, PointRule.automatic == "会议出席")):
            rule.monthly_cap = rule.points
    told: list[str] = []
    for topic in ("学习村规民约", "学习党章"):
        dialog = MeetingDialog(services, None, page, kind="主题党日")
        qtbot.addWidget(dialog)
        dialog.tell = told.append  # type: ignore[method-assign]
        dialog.day.setText("2026-11-20")
        dialog.topic.setText(topic)
        dialog.grid.set_mark(0, PRESENT, "")
        dialog.accept()
        assert dialog.result() == dialog.DialogCode.Accepted, dialog.error.text()
    first = dialog.grid.rows[0]
    assert told and told[-1].startswith("会议已保存。以下党员的出席积分因达到积分上限未记入")
    assert f"{first.name}：本月" in told[-1] and "本次未记积分" in told[-1]
    assert services.meetings.points_withheld(dialog.saved_id) == told[-1].splitlines()[1:]  # type: ignore[arg-type]


def test_leave_without_reason_is_refused_and_nothing_written(qtbot, page: MeetingsPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    before = services.meetings.count(ListQuery())
    dialog = MeetingDialog(services, None, page, kind="主题党日")
    qtbot.addWidget(dialog)
    dialog.day.setText("2026-11-20")
    dialog.topic.setText("学习")
    dialog.grid.setData(dialog.grid.index(0, COL_MARK), EXCUSED)
    assert not (dialog.grid.flags(dialog.grid.index(1, COL_REASON)) & Qt.ItemFlag.ItemIsEditable)
    dialog.accept()
    assert "请假须填写事由" in dialog.error_text("attendance_reason") + dialog.error.text()
    assert services.meetings.count(ListQuery()) == before


def test_from_decision_dialog_links_and_page_shows_the_matter(qtbot, page: MeetingsPage, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = FromDecisionDialog(services, page)
    qtbot.addWidget(dialog)
    # the 党员大会审议 entries not yet linked to a meeting (the demo leaves the latest for the clerk)
    assert dialog.entry.count() == len(services.meetings.decision_choices()) >= 2
    dialog.accept()
    view = services.meetings.get(dialog.saved_id)  # type: ignore[arg-type]
    assert view.decision is not None
    page.apply_filters({"kind": "支部党员大会", "id": view.id})
    assert page.current_id() == view.id
    assert "五议两公开：" in page.detail.text()
    edit = MeetingDialog(services, view.id, page)
    qtbot.addWidget(edit)
    assert not edit.day.isEnabled() and "以决策台账为准" in edit.intro.text()
    ticked_present = next(r for r, a in enumerate(edit.grid.rows) if a.ticked is True)
    assert not edit.grid.setData(edit.grid.index(ticked_present, COL_MARK), ABSENT)


def test_home_item_opens_the_meetings_page_filtered(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from ui.main_window import MainWindow

    win = MainWindow(services, demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    try:
        item = next(i for i in services.home.view(DEMO_TODAY).needs_action if i.kind == "会议")
        area = win.show_area(item.target.area, item.target.filters)
        assert win.current_area() == "组织生活"
        page = area.page("meetings")  # type: ignore[attr-defined]
        assert page.model.query.filters == {
            "unit_id": item.target.filters["unit_id"],
            "kind": item.target.filters["kind"],
        }
        assert item.text in page.warnings.text()
    finally:
        win.jobs.shutdown()
