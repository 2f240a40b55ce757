"""The 民情 area: the list under qtmodeltester, filters, dialogs that refuse bad input beside the
field and write nothing, items turned into a matter from the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel

from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from govdesk.voices.rules import NEEDS_REPLY
from tests.conftest import DEMO_TODAY
from tests.voices.conftest import at
from tests.window import page_on_its_own, shown_window
from ui.dialogs.voice_dialogs import AnswerDialog, CategoriesDialog, ToMatterDialog, VoiceDialog
from ui.jobs import JobRunner
from ui.table_model import PagedTableModel
from ui.voices_tab import VoicesTab


@pytest.fixture
def services(demo_db: Database) -> Services:
    services = Services.open(demo_db)
    services.voices.clock = at(DEMO_TODAY)
    return services


@pytest.fixture
def tab(qtbot, services: Services) -> Iterator[VoicesTab]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, VoicesTab) as widget:
        yield widget


def test_the_list_passes_qtmodeltester(qtmodeltester, services: Services, tab: VoicesTab) -> None:  # type: ignore[no-untyped-def]
    assert tab.model.rowCount() == services.voices.count(ListQuery()) > 50
    qtmodeltester.check(tab.model)
    model = PagedTableModel(services.voices, page_size=10)
    model.set_filters({"status": "已办结"})
    model.sort(1)
    qtmodeltester.check(model)


def test_the_area_is_in_the_navigation(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    with shown_window(qtbot, services) as win:
        area = win.select_area("民情")
        assert isinstance(area, VoicesTab) and area.model.rowCount() > 50


def test_filters_status_and_overdue(services: Services, tab: VoicesTab) -> None:
    tab._filters["channel"].setCurrentIndex(2)
    tab.show_overdue()
    assert tab.model.rowCount() == services.voices.counts().overdue == len(services.voices.overdue())
    tab._filters["overdue"].setCurrentIndex(0)
    tab._filters["status"].setCurrentIndex(tab._filters["status"].findData("待办"))
    assert tab.model.rowCount() == services.voices.count(ListQuery(filters={"status": "待办"}))


def test_answering_without_a_reply_is_refused_beside_the_field(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    vid = services.voices.overdue()[0].id
    dialog = AnswerDialog(services, vid)
    qtbot.addWidget(dialog)
    dialog.status.setCurrentText("已办结")
    dialog.reply.setPlainText("")
    dialog.replied_by.setText("")
    dialog.accept()
    assert dialog.error_text("voice_reply") == NEEDS_REPLY
    assert dialog.error_text("voice_replied_by")
    assert services.voices.get(vid).data.status in ("待办", "办理中")  # nothing written
    dialog.reply.setPlainText("已请施工队维修")
    dialog.replied_by.setText("李主任")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.voices.get(vid).data.status == "已办结"


def test_a_new_item_needs_its_content(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    before = services.voices.count(ListQuery())
    dialog = VoiceDialog(services)
    qtbot.addWidget(dialog)
    dialog.raised_by.setText("张三")
    dialog.received.setText("2026-11-20")
    assert dialog.deadline.text() == "2026-11-27"  # follows the date: seven days
    dialog.accept()
    assert dialog.error_text("voice_content") == "不能为空"
    assert services.voices.count(ListQuery()) == before
    dialog.content.setPlainText("希望在村部装一台饮水机")
    dialog.accept()
    assert dialog.saved_id is not None and services.voices.count(ListQuery()) == before + 1
    assert services.voices.get(dialog.saved_id).data.deadline.isoformat() == "2026-11-27"


def test_selected_items_become_a_matter_from_the_tab(tab: VoicesTab, services: Services) -> None:
    tab._filters["status"].setCurrentIndex(tab._filters["status"].findData("待办"))
    selection = tab.table.selectionModel()
    for row in (0, 1):
        selection.select(
            tab.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )
    ids = tab.selected_ids()
    assert len(ids) == 2

    def run(dialog) -> bool:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, ToMatterDialog)
        dialog.title.setText("")
        dialog.accept()  # refused: a matter needs a title, shown beside it
        assert dialog.error_text("matter_title") == "不能为空"
        dialog.title.setText("村内环境整治")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    tab.run_dialog = run  # type: ignore[method-assign]
    tab.to_matter()
    matters = [services.voices.get(i).matters for i in ids]
    assert matters[0] and matters[0] == matters[1]
    assert services.decisions.matter(matters[0][0].id).title == "村内环境整治"
    tab._filters["status"].setCurrentIndex(0)
    tab.model.row_at(0)  # the first page (the whole demo year) is read
    tab.select_id(ids[0])
    assert "五议两公开事项" in tab.detail.text() and matters[0][0].number in tab.detail.text()


def test_the_categories_can_be_edited(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = CategoriesDialog(services)
    qtbot.addWidget(dialog)
    dialog.names.setPlainText("")
    dialog.accept()
    assert "至少" in dialog.error_text("voice_category_name")
    dialog.names.setPlainText("道路交通\n人居环境\n其他")
    dialog.accept()
    assert services.voices.categories() == ["道路交通", "人居环境", "其他"]


def test_a_duty_log_visit_becomes_an_item_from_the_roster(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from ui.roster_tab import RosterTab

    jobs = JobRunner()
    roster = RosterTab(services, jobs)
    qtbot.addWidget(roster)
    try:
        roster.set_today(DEMO_TODAY)
        roster.log.setCurrentIndex(roster.log_model.index(0, 0))
        entry = roster.log_model.row_at(roster.log.currentIndex())
        assert entry is not None
        roster.log_to_voice()
        assert "已登入民情台账" in roster.flash.text()
        item = [r for r in services.voices.page(ListQuery(text=entry.matter[:6]), 0, 50)]
        assert any(services.voices.get(r.id).duty_log_id == entry.id for r in item)
        roster.log_to_voice()
        assert "已转为民情" in roster.flash.text()
    finally:
        jobs.shutdown()


def test_the_decision_log_shows_the_items_a_matter_came_from(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from ui.decisions_tab import DecisionsTab

    jobs = JobRunner()
    decisions = DecisionsTab(services, jobs)
    qtbot.addWidget(decisions)
    try:
        road = decisions.svc.find("2026-001")
        decisions.show_matter(road)
        sources = services.voices.items_of_matter(road)
        assert [v.raised_by for v in sources] == ["王建国", "刘德荣"]
        assert "来源民情" in decisions.header.text() and "王建国" in decisions.header.text()
        decisions.show_matter(decisions.svc.find("2026-009"))
        assert "来源民情" not in decisions.header.text()
    finally:
        jobs.shutdown()


@pytest.mark.parametrize(("entry", "title", "archived"), [(0, "民情台账月报", 0), (2, "民情办理情况公开", 1)])
def test_print_the_month_from_the_tab(qtbot, tab: VoicesTab, tmp_path, entry: int, title: str, archived: int) -> None:  # type: ignore[no-untyped-def]
    tab.print_button.menu().actions()[entry].trigger()
    request = tab.print_button.requests[-1]  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=30_000)
    assert request.error is None
    qtbot.addWidget(request.dialog)
    assert title in request.dialog.title and "2026年11月" in request.dialog.title
    request.dialog.save_as(str(tmp_path / "x.pdf"))
    assert len(request.archived) == archived  # the board list is public: archived; the report is internal
