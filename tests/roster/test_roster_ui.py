"""The 值班 tab: models pass qtmodeltester; a person can draft, adjust, sign, swap and keep the log."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate

from govdesk.db import Database
from govdesk.services.bundle import Services
from tests.conftest import DEMO_TODAY
from ui.change_relay import ChangeRelay
from ui.dialogs.roster_dialogs import AssignDialog, SignOffDialog, SwapDialog
from ui.dialogs.roster_holidays import HolidayDialog
from ui.dialogs.roster_log import CloseLogDialog, LogEntryDialog
from ui.jobs import JobRunner
from ui.roster_models import DutyLogModel, RosterMonthModel, TallyModel
from ui.roster_tab import RosterTab


@pytest.fixture
def tab(qtbot, demo_db: Database) -> Iterator[RosterTab]:  # type: ignore[no-untyped-def]
    jobs = JobRunner()
    widget = RosterTab(Services.open(demo_db), jobs)
    # On its own, as in the window: what the services write comes back through on_changes.
    ChangeRelay(demo_db, widget).changed.connect(widget.on_changes)
    qtbot.addWidget(widget)
    widget.set_today(DEMO_TODAY)
    yield widget
    jobs.shutdown()


def test_roster_models_pass_qtmodeltester(qtmodeltester, tab: RosterTab) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(tab.grid_model)
    qtmodeltester.check(tab.tally_model)
    qtmodeltester.check(tab.log_model)
    for model in (RosterMonthModel(), TallyModel(), DutyLogModel()):
        qtmodeltester.check(model)


def test_roster_tab_shows_signed_month_and_carried_log(tab: RosterTab) -> None:
    assert tab.view is not None and tab.view.status == "已签发"
    assert "签发" in tab.status.text()
    assert tab.grid_model.columnCount() == 7 and tab.grid_model.rowCount() == 6  # 1 Nov 2026 is a Sunday
    first = tab.grid_model.index_of(date(2026, 11, 1))
    assert first.column() == 6  # 1 Nov 2026 is a Sunday
    monday = tab.grid_model.data(tab.grid_model.index_of(date(2026, 11, 2)))
    assert "两委例会" in monday
    assert tab.log_model.rowCount() == 1 and "转来" in tab.log_model.data(tab.log_model.index(0, 0))
    assert "跟进" in tab.log_title.text()
    assert not tab.btn_adjust.isEnabled() and tab.btn_swap.isEnabled()


def test_roster_tab_draft_adjust_sign_swap(qtbot, tab: RosterTab) -> None:  # type: ignore[no-untyped-def]
    tab.month.setDate(QDate(2027, 1, 1))
    assert tab.view is not None and tab.view.status == "未生成"
    assert tab.warning.isVisibleTo(tab) and "2027" in tab.warning.text()
    tab.draft()
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.status == "草稿", timeout=10_000)
    assert all(d.cadre for d in tab.view.days)

    def answer(dlg: object) -> bool:
        if isinstance(dlg, AssignDialog):
            dlg.cadre.setCurrentIndex(2)
        elif isinstance(dlg, SignOffDialog):
            assert dlg.secretary.text()  # the branch secretary is suggested
        elif isinstance(dlg, SwapDialog):
            dlg.reason.setText("到镇里开会")
        dlg.accept()  # type: ignore[attr-defined]
        return dlg.result() == 1  # type: ignore[attr-defined]

    tab.run_dialog = answer
    tab.selected = date(2027, 1, 6)
    tab.adjust()
    chosen = tab.view.cadres[2]
    day6 = tab.view.day(date(2027, 1, 6))
    assert day6.cadre == chosen and day6.fixed
    tab.sign_off()
    assert tab.view.status == "已签发" and tab.btn_swap.isEnabled()
    before = tab.view.day(date(2027, 1, 6)).cadre
    tab.swap()
    assert tab.view.day(date(2027, 1, 6)).cadre != before
    assert len(tab.view.swaps) == 1 and "到镇里开会" in tab.notes.text()


def test_roster_tab_log_add_and_close(tab: RosterTab) -> None:
    def answer(dlg: object) -> bool:
        if isinstance(dlg, LogEntryDialog):
            dlg.visitor.setText("二组村民")
            dlg.matter.setPlainText("咨询养老保险")
        elif isinstance(dlg, CloseLogDialog):
            dlg.note.setText("已解答")
        dlg.accept()  # type: ignore[attr-defined]
        return dlg.result() == 1  # type: ignore[attr-defined]

    tab.run_dialog = answer
    tab.add_log()
    assert tab.log_model.rowCount() == 2
    tab.log.setCurrentIndex(tab.log_model.index(0, 0))
    tab.close_log()
    assert tab.services.duty_log.open_items()[0].matter == "咨询养老保险"


def test_roster_holiday_dialog_warns_for_unpublished_year(qtbot, tab: RosterTab) -> None:  # type: ignore[no-untyped-def]
    dlg = HolidayDialog(tab.services.roster, 2027, tab)
    qtbot.addWidget(dlg)
    assert "2027" in dlg.warning.text() and not dlg.warning.isHidden()
    dlg.day.setDate(QDate(2027, 2, 6))
    dlg.kind.setCurrentText("节假日")
    dlg._add()
    assert "名称" in dlg.error.text()
    dlg.name.setText("春节")
    dlg._add()
    assert dlg.model.rowCount() == 1 and dlg.warning.isHidden()


def test_roster_tab_settings_and_leave(tab: RosterTab) -> None:
    from ui.dialogs.roster_dialogs import LeaveDialog
    from ui.dialogs.roster_settings import CarryOverDialog, MeetingDialog

    def answer(dlg: object) -> bool:
        if isinstance(dlg, MeetingDialog):
            dlg.weekday.setCurrentIndex(2)
            dlg.time.setText("9:30")
        elif isinstance(dlg, CarryOverDialog):
            dlg.counts[0].setValue(99)
        elif isinstance(dlg, LeaveDialog):
            dlg.start.setDate(QDate(2026, 12, 3))
            dlg.end.setDate(QDate(2026, 12, 4))
            dlg.reason.setText("外出学习")
        dlg.accept()  # type: ignore[attr-defined]
        return dlg.result() == 1  # type: ignore[attr-defined]

    tab.run_dialog = answer
    tab.edit_meeting()
    assert "周三 9:30" in tab.meeting.text()
    wed = tab.grid_model.data(tab.grid_model.index_of(date(2026, 11, 4)))
    assert "9:30" in wed
    tab.edit_carry_over()
    first = tab.view.cadres[0]
    assert tab.services.roster.carry_over(first.id)[0] == 99
    tab.month.setDate(QDate(2026, 12, 1))
    before = tab.leave_model.rowCount()
    tab.selected = date(2026, 12, 3)
    tab.add_leave()
    assert tab.leave_model.rowCount() == before + 1
    tab.leave_list.setCurrentIndex(tab.leave_model.index(tab.leave_model.rowCount() - 1, 0))
    tab.remove_leave()
    assert tab.leave_model.rowCount() == before
