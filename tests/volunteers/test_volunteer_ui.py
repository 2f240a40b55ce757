"""村务 → 志愿服务: the lists under qtmodeltester, the team filter, dialogs that refuse bad input
beside the field and write nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from tests.conftest import DEMO_TODAY
from tests.voices.conftest import at
from tests.window import page_on_its_own, shown_window
from ui.dialogs.volunteer_dialogs import ActivityDialog, JoinDialog, TeamDialog
from ui.table_model import PagedTableModel
from ui.volunteers_page import VolunteersPage


@pytest.fixture
def services(demo_db: Database) -> Services:
    services = Services.open(demo_db)
    services.volunteers.clock = at(DEMO_TODAY)
    return services


@pytest.fixture
def page(qtbot, services: Services) -> Iterator[VolunteersPage]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, VolunteersPage) as widget:
        yield widget


def test_lists_pass_qtmodeltester(qtmodeltester, services: Services, page: VolunteersPage) -> None:  # type: ignore[no-untyped-def]
    assert page.team_model.rowCount() == 4
    qtmodeltester.check(page.team_model)
    qtmodeltester.check(page.activities.model)
    qtmodeltester.check(page.people.model)
    model = PagedTableModel(services.volunteers.activity_list, page_size=10)
    model.set_filters({"year": 2026})
    model.sort(0)
    qtmodeltester.check(model)


def test_picking_a_team_filters_both_lists(services: Services, page: VolunteersPage) -> None:
    page.teams.selectRow(1)
    team = services.volunteers.teams()[1]
    assert page.activities.model.rowCount() == team.activities
    assert page.people.model.rowCount() == team.volunteers
    assert {page.people.model.row_at(r).values[1] for r in range(page.people.model.rowCount())} == {team.name}  # type: ignore[union-attr]


def test_the_page_is_in_the_village_affairs_area(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from ui.stars_page import StarsPage

    with shown_window(qtbot, services) as win:
        area = win.select_area("村务")
        titles = [area.tabText(i) for i in range(area.count())]
        assert "志愿服务" in titles and "五星支部" in titles
        assert isinstance(area.page("volunteers"), VolunteersPage)
        assert isinstance(area.page("stars"), StarsPage)


def test_an_activity_with_someone_not_on_the_team_is_refused(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    team = services.volunteers.teams()[0]
    before = services.volunteers.activity_list.count(ListQuery())
    dialog = ActivityDialog(services.volunteers, None, team.id)
    qtbot.addWidget(dialog)
    dialog.day.setText("2026-11-20")
    dialog.accept()
    assert dialog.error_text("volunteer_activity_content") == "不能为空"
    dialog.content.setPlainText("清理河道")
    dialog.accept()
    assert "至少要有一位" in dialog.error_text("volunteer_participants")
    on = services.volunteers.volunteers_on(team.id, date(2026, 11, 20))
    dialog.tick(on[0][0], 2.5)
    dialog.tick(on[1][0], 0)
    dialog.accept()
    assert "不超过 24" in dialog.error_text("volunteer_hours") or "大于 0" in dialog.error.text()
    assert services.volunteers.activity_list.count(ListQuery()) == before
    dialog.tick(on[1][0], 3)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.volunteers.activity(dialog.result_id).hours == {on[0][0]: 2.5, on[1][0]: 3.0}


def test_a_team_and_a_volunteer_from_the_dialogs(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    team = TeamDialog(services.volunteers)
    qtbot.addWidget(team)
    team.name.setText("应急救助服务队")
    team.accept()
    assert "已有名为" in team.error_text("volunteer_team_name")
    team.name.setText("文明实践服务队")
    team.leader.search.setText("王")
    team.leader.refresh()
    team.accept()
    assert team.result() == team.DialogCode.Accepted
    join = JoinDialog(services.volunteers, team.result_id)
    qtbot.addWidget(join)
    join.accept()
    assert "请先搜索" in join.error_text("volunteer_name")
    join.picker.search.setText("王")
    join.picker.refresh()
    join.joined.setText("2026-11-01")
    join.accept()
    assert join.result() == join.DialogCode.Accepted
    assert len(services.volunteers.volunteers_on(team.result_id, date(2026, 11, 2))) == 1


def test_export_the_year_from_the_page(qtbot, page: VolunteersPage, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    target = tmp_path / "v.xlsx"
    page.choose_save_path = lambda _title, _suggested: str(target)  # type: ignore[attr-defined]
    assert page.export_year() is not None
    qtbot.waitUntil(lambda: bool(said), timeout=20000)
    assert target.exists() and said[0].startswith("2026年志愿服务台账已导出")
