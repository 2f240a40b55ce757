"""The 村务 pages 评先评优 and 理事会/村规民约: lists under qtmodeltester, dialogs that refuse bad input
beside the field and write nothing, a household's and a member's honours on their pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import HonourAward, Member
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from tests.conftest import DEMO_TODAY
from tests.honours.conftest import at
from tests.window import page_on_its_own, shown_window
from ui.councils_page import CouncilsPage
from ui.dialogs.council_dialogs import MeetingDialog, VersionDialog, VersionsDialog
from ui.dialogs.honour_dialogs import CatalogueDialog, DecideDialog, HonourDialog, MemberHonoursDialog
from ui.honours_page import HonoursPage
from ui.table_model import PagedTableModel


@pytest.fixture
def services(demo_db: Database) -> Services:
    services = Services.open(demo_db)
    services.honours.clock = at(DEMO_TODAY)
    services.councils.clock = at(DEMO_TODAY)
    return services


@pytest.fixture
def window(services: Services, qtbot):  # type: ignore[no-untyped-def]
    with shown_window(qtbot, services) as win:
        yield win


@pytest.fixture
def households_tab(window):  # type: ignore[no-untyped-def]
    return window.select_area("农户")


@pytest.fixture
def honours_page(qtbot, services: Services) -> Iterator[HonoursPage]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, HonoursPage) as widget:
        yield widget


@pytest.fixture
def councils_page(qtbot, services: Services) -> Iterator[CouncilsPage]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, CouncilsPage) as widget:
        yield widget


def test_the_lists_pass_qtmodeltester(qtmodeltester, services: Services, honours_page, councils_page) -> None:  # type: ignore[no-untyped-def]
    assert honours_page.model.rowCount() == services.honours.count(ListQuery()) > 20
    qtmodeltester.check(honours_page.model)
    model = PagedTableModel(services.honours, page_size=5)
    model.set_filters({"status": "授予"})
    model.sort(2)
    qtmodeltester.check(model)
    assert councils_page.model.rowCount() == 2
    qtmodeltester.check(councils_page.model)


def test_the_pages_are_in_the_village_affairs_area(window) -> None:  # type: ignore[no-untyped-def]
    area = window.select_area("村务")
    titles = [area.tabText(i) for i in range(area.count())]
    assert "评先评优" in titles and "理事会/村规民约" in titles
    assert isinstance(area.page("honours"), HonoursPage) and isinstance(area.page("councils"), CouncilsPage)


def test_filters_by_year_and_status(services: Services, honours_page: HonoursPage) -> None:
    combo = honours_page._filters["year"]
    combo.setCurrentIndex(combo.findData(2025))
    honours_page._filters["status"].setCurrentIndex(honours_page._filters["status"].findData("授予"))
    assert honours_page.model.rowCount() == len(services.honours.roll(2025))
    assert honours_page.chosen_year() == 2025


def test_a_household_honour_without_a_household_is_refused_beside_the_field(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    before = services.honours.count(ListQuery())
    dialog = HonourDialog(services)
    qtbot.addWidget(dialog)
    dialog.honour.setCurrentText("最美家庭")
    dialog.accept()
    assert dialog.error_text("honour_recipient") == "这项荣誉授予农户，请选择一户"
    assert services.honours.count(ListQuery()) == before
    dialog.picker.search.setText("0")
    dialog.picker.refresh()
    dialog.status.setCurrentText("授予")
    dialog.accept()
    assert dialog.error_text("honour_awarded_on") == "授予时须写明授予日期"
    dialog.awarded_on.setText("2026-11-20")
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert services.honours.count(ListQuery()) == before + 1


def test_a_person_honour_picks_a_resident_of_the_household(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = HonourDialog(services)
    qtbot.addWidget(dialog)
    dialog.honour.setCurrentText("好媳妇")
    dialog.picker.search.setText("0")
    dialog.picker.refresh()
    assert dialog.person.isEnabled() and dialog.person.count() > 0
    dialog.person.setCurrentIndex(0)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    view = services.honours.get(dialog.result_id)
    assert view.recipient == "个人" and view.data.resident_id == dialog.person.currentData()


def test_deciding_a_nomination_from_the_page(qtbot, services: Services, honours_page: HonoursPage) -> None:  # type: ignore[no-untyped-def]
    with services.db.session() as s:
        nominated = s.scalars(select(HonourAward.id).where(HonourAward.status == "提名")).first()
    assert nominated is not None
    honours_page.model.row_at(0)
    honours_page.select_id(nominated)

    def run(dialog) -> bool:  # type: ignore[no-untyped-def]
        assert isinstance(dialog, DecideDialog)
        dialog.awarded_on.setText("2027-01-01")
        dialog.accept()  # refused: in the future
        assert dialog.error_text("honour_awarded_on") == "不能晚于今天"
        dialog.awarded_on.setText("2026-11-22")
        dialog.accept()
        return dialog.result() == dialog.DialogCode.Accepted

    honours_page.run_dialog = run  # type: ignore[method-assign]
    honours_page.decide_current()
    assert services.honours.get(nominated).data.status == "授予"
    assert "授予：2026-11-22" in honours_page.detail.text()


def test_the_catalogue_dialog_refuses_a_bad_line(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    before = services.honours.catalogue()
    dialog = CatalogueDialog(services)
    qtbot.addWidget(dialog)
    dialog.names.setPlainText("最美家庭 户\n好邻居 集体")
    dialog.accept()
    assert "授予对象应为" in dialog.error_text("honour_kind_name")
    assert services.honours.catalogue() == before


def test_honours_show_on_the_household_and_member_pages(qtbot, services: Services, households_tab) -> None:  # type: ignore[no-untyped-def]
    hid = next(iter(services.honours.roll(2025)))  # make sure the demo has some
    assert hid
    with services.db.session() as s:
        award = s.scalars(select(HonourAward).where(HonourAward.household_id.is_not(None))).first()
        assert award is not None
        household_id, text = award.household_id, f"{award.year} 年 {award.honour}"
    households_tab.model.row_at(0)
    households_tab.apply_filters({"id": household_id})
    households_tab.details.set_household(household_id)
    shown = [
        households_tab.details.honour_list.model.row_at(r).values[0]
        for r in range(households_tab.details.honour_list.model.rowCount())
    ]
    assert any(x.startswith(text) for x in shown)
    with services.db.session() as s:
        member_id, name = s.execute(
            select(Member.id, Member.name).join(HonourAward, HonourAward.member_id == Member.id)
        ).first()  # type: ignore[misc]
    dialog = MemberHonoursDialog(services, member_id, name)
    qtbot.addWidget(dialog)
    assert "优秀共产党员" in dialog.list.text()


def test_a_meeting_needs_an_attendee_serving_that_day(qtbot, services: Services, councils_page: CouncilsPage) -> None:  # type: ignore[no-untyped-def]
    councils_page.table.selectRow(0)
    council_id = councils_page.current_id()
    assert council_id is not None and councils_page.terms.rowCount() >= 6
    before = len(services.councils.meetings(council_id))
    dialog = MeetingDialog(services, council_id)
    qtbot.addWidget(dialog)
    dialog.topic.setText("湾内路灯维护")
    for row in range(dialog.attendees.count()):
        dialog.attendees.item(row).setCheckState(dialog.attendees.item(row).checkState().Unchecked)
    dialog.accept()
    assert dialog.error_text("council_meeting_attendees") == "请至少选择一位参会成员"
    assert len(services.councils.meetings(council_id)) == before
    dialog.attendees.item(0).setCheckState(dialog.attendees.item(0).checkState().Checked)
    dialog.accept()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert len(services.councils.meetings(council_id)) == before + 1


def test_village_rules_versions_readable_and_a_new_one_adopted(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = VersionsDialog(services, None)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2 and "现行" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(1)
    assert "2019" in dialog.heading.text() and "第一条" in dialog.text.toPlainText()

    def run(new) -> bool:  # type: ignore[no-untyped-def]
        assert isinstance(new, VersionDialog)
        new.adopted_on.setText("2024-03-15")
        new.accept()  # refused: not after the current version
        assert "应晚于现行版本" in new.error_text("charter_adopted_on")
        new.adopted_on.setText("2026-11-20")
        new.accept()
        return new.result() == new.DialogCode.Accepted

    dialog.run_dialog = run  # type: ignore[method-assign]
    dialog.adopt()
    assert dialog.list.count() == 3 and "第 3 版" in dialog.list.item(0).text()
    assert [v.version_no for v in services.councils.versions(None) if v.current] == [3]
