"""The 积分 pages of 组织生活: the ledger under qtmodeltester, 记分 refused past a cap beside nothing
written, 更正, the catalogue edited in place, the 年终测评 grid by keyboard only, the ranking."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget

from govdesk.db import Database
from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from tests.conftest import DEMO_TODAY
from tests.window import shown_window
from ui.change_relay import ChangeRelay
from ui.jobs import JobRunner
from ui.points_assessment_page import AssessmentPage
from ui.points_dialogs import CorrectionDialog, EntryDialog
from ui.points_page import PointsLedgerPage
from ui.points_ranking_page import RankingPage
from ui.points_rules_page import PointRulesPage

YEAR = DEMO_TODAY.year


@pytest.fixture
def services(demo_db: Database) -> Services:
    services = Services.open(demo_db)
    services.points.clock = lambda: datetime.combine(DEMO_TODAY, time(10, 0))
    return services


@pytest.fixture
def jobs() -> Iterator[JobRunner]:
    runner = JobRunner()
    yield runner
    runner.shutdown()


def _relay(services: Services, widget: QWidget) -> None:
    ChangeRelay(services.db, widget).changed.connect(widget.on_changes)  # type: ignore[attr-defined]


@pytest.fixture
def ledger(qtbot, services: Services, jobs: JobRunner) -> PointsLedgerPage:  # type: ignore[no-untyped-def]
    page = PointsLedgerPage(services, jobs)
    _relay(services, page)
    qtbot.addWidget(page)
    return page


def test_the_ledger_pages_in_sql_and_passes_qtmodeltester(qtmodeltester, services: Services, ledger) -> None:  # type: ignore[no-untyped-def]
    assert ledger.year_filter.currentData() == YEAR
    assert ledger.model.rowCount() == services.points.count(ListQuery(filters={"year": YEAR})) > 500
    qtmodeltester.check(ledger.model)
    ledger._filters["rule_code"].setCurrentIndex(ledger._filters["rule_code"].findData("A03"))
    assert ledger.model.rowCount() == services.points.count(ListQuery(filters={"year": YEAR, "rule_code": "A03"}))
    member = services.points.members_on(DEMO_TODAY)[3][0]
    ledger._filters["rule_code"].setCurrentIndex(0)
    ledger._filters["member_id"].setCurrentIndex(ledger._filters["member_id"].findData(member))
    expected = services.points.count(ListQuery(filters={"year": YEAR, "member_id": member}))
    assert ledger.model.rowCount() == expected > 0


def test_an_entry_past_the_cap_is_refused_in_the_dialog(qtbot, services: Services, ledger) -> None:  # type: ignore[no-untyped-def]
    member = services.points.members_on(DEMO_TODAY)[0][0]
    before = ledger.model.rowCount()
    dialog = EntryDialog(services, member, ledger)
    qtbot.addWidget(dialog)
    dialog.day.setDate(date(YEAR, 11, 2))
    dialog.rule.setCurrentIndex(
        dialog.rule.findData(next(r.id for r in services.points.rules(YEAR) if r.code == "A02"))
    )
    dialog.recorded_by.setText("李文书")
    saved = 0
    for _ in range(8):
        dialog.accept()
        if not dialog.error.isHidden():
            break
        saved += 1
    # the demo's entries and its volunteer activities (automatic, issue J) had used part of the month's 10
    assert "本月「参加志愿服务」已加 10 分，已达每月上限 10 分" in dialog.error.text()
    assert saved < 8
    qtbot.waitUntil(lambda: ledger.model.rowCount() == before + saved)  # the refused one wrote nothing


def test_a_correction_from_the_page(qtbot, services: Services, ledger, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ledger.search.setText("走访联系户")
    ledger._apply_search()
    ledger.table.selectRow(0)
    entry = ledger.current_id()
    opened: list[CorrectionDialog] = []

    def run(dialog) -> bool:  # type: ignore[no-untyped-def]
        opened.append(dialog)
        dialog.note.setText("记错了人")
        dialog.recorded_by.setText("张书记")
        dialog.accept()
        return dialog.result() == 1

    monkeypatch.setattr(ledger, "run_dialog", run)
    refused: list[str] = []
    monkeypatch.setattr(ledger, "report", lambda error: refused.append(str(error)))
    ledger.correct_current()
    assert opened and opened[0].saved_id is not None
    expected = f"已由第 {opened[0].saved_id} 条更正"
    qtbot.waitUntil(lambda: ledger.model.row_at(ledger.model.row_of_id(entry) or 0).values[-1] == expected)
    ledger.table.selectRow(ledger.model.row_of_id(entry) or 0)
    opened.clear()
    ledger.correct_current()  # corrected once already: no dialog, a message instead
    assert opened == [] and refused == [f"第 {entry} 条{expected}，不能再更正"]


def test_the_catalogue_is_edited_in_place(qtbot, qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = PointRulesPage(services)
    qtbot.addWidget(page)
    qtmodeltester.check(page.model)
    row = [r.code for r in services.points.rules(YEAR)].index("A02")
    page.model.setData(page.model.index(row, 3), "３")  # full-width digits are read
    page.model.setData(page.model.index(row, 4), "")  # no monthly cap
    assert not page.model.setData(page.model.index(row, 3), "很多")  # not a number: refused in the cell
    assert page.save()
    a02 = next(r for r in services.points.rules(YEAR) if r.code == "A02")
    assert (a02.points, a02.monthly_cap) == (3, None)


def test_the_assessment_grid_by_keyboard_only(qtbot, qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = AssessmentPage(services)
    qtbot.addWidget(page)
    page.show()
    qtmodeltester.check(page.model)
    first, second = page.model.ids[:2]
    page.activateWindow()
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 3))

    def focused() -> QWidget:
        """The open cell editor while a score is typed (as the keyboard reaches it), else the grid."""
        QApplication.processEvents()  # the editor opens (and a closed one goes) through the event loop
        if page.table.state() == QAbstractItemView.State.EditingState:
            editors = [w for w in page.table.findChildren(QLineEdit) if w.isVisible()]
            if editors:
                return editors[-1]
        return page.table

    for score in ("88", "76"):  # type, Enter; type, Enter
        for key in score:
            qtbot.keyClick(focused(), key)
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert page.table.currentIndex().row() == 2  # Enter moved on to the next member each time
    assert page.model.changed == {first: 88.0, second: 76.0}
    assert page.save()
    grid = {m: score for m, _n, _b, score in services.points.assessments(YEAR)}
    assert (grid[first], grid[second]) == (88.0, 76.0)


def test_the_ranking_and_its_candidates(qtbot, qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    page = RankingPage(services)
    qtbot.addWidget(page)
    ranking = services.points.ranking(YEAR)
    assert page.model.rowCount() == len(ranking.lines)
    qtmodeltester.check(page.model)
    page.how.setCurrentIndex(1)  # top percent
    page.size.setValue(100)
    page.load_candidates()
    reasons = [page.candidates.rows[r][-1] for r in range(page.candidates.rowCount())]
    assert any("一票否决" in reason for reason in reasons)
    qtmodeltester.check(page.candidates)


def test_the_pages_are_in_the_party_life_area(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    with shown_window(qtbot, services) as win:
        area = win.select_area("组织生活")
        titles = [area.tabText(i) for i in range(area.count())]  # type: ignore[attr-defined]
        first = titles.index("积分台账")
        assert titles[first : first + 4] == ["积分台账", "积分细则", "年终测评", "积分排名"]
        assert isinstance(area.page("points"), PointsLedgerPage)  # type: ignore[attr-defined]


def test_a_members_points_this_year_from_the_roster(
    qtbot, qtmodeltester, services: Services, jobs, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.members_tab import MembersTab
    from ui.points_member_dialog import MemberPointsDialog

    tab = MembersTab(services, jobs)
    qtbot.addWidget(tab)
    tab.table.selectRow(0)
    member = tab.current_id()
    shown: list[MemberPointsDialog] = []
    monkeypatch.setattr(tab, "run_dialog", lambda d: shown.append(d) or False)
    tab.show_points()
    dialog = shown[0]
    line = next(x for x in services.points.ranking(YEAR).lines if x.member_id == member)
    assert f"综合得分 {line.total}，全村第 {line.rank} 名" in dialog.summary.text()
    assert dialog.model.rowCount() == services.points.count(ListQuery(filters={"member_id": member, "year": YEAR}))
    qtmodeltester.check(dialog.model)
