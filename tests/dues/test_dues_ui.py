"""The 党费 page of 组织生活: the book under qtmodeltester, filters, the payment dialog asking about
the amount (and writing only on yes), a refused month beside the field, 更正, 同上年, and 首页's
arrears line opening the page filtered."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from govdesk.db import Database
from govdesk.models.dues import DuesPayment
from govdesk.services.bundle import Services
from govdesk.services.dues_query import ARREARS_CHARTER, ARREARS_LISTED
from govdesk.services.listing import ListQuery
from tests.conftest import DEMO_TODAY
from tests.dues.conftest import at
from tests.window import page_on_its_own, shown_window
from ui.dialogs.dues_dialogs import PaymentDialog, ReverseDialog
from ui.jobs import JobRunner
from ui.party_life.dues_page import DuesPage
from ui.table_model import PagedTableModel


@pytest.fixture
def services(demo_db: Database) -> Services:
    services = Services.open(demo_db)
    services.dues.clock = at(DEMO_TODAY)
    services.home.clock = at(DEMO_TODAY)
    return services


@pytest.fixture
def page(qtbot, services: Services) -> Iterator[DuesPage]:  # type: ignore[no-untyped-def]
    with page_on_its_own(qtbot, services, DuesPage) as widget:
        yield widget


def _ledger(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count(DuesPayment.id))) or 0)


def _select(page: DuesPage, member_id: int, name: str) -> None:
    page.apply_filters({"year": 2026, "text": name})
    page.model.row_at(0)
    page.select_id(member_id)
    assert page.current_id() == member_id


def test_the_book_passes_qtmodeltester(qtmodeltester, services: Services, page: DuesPage) -> None:  # type: ignore[no-untyped-def]
    assert page.model.rowCount() == services.dues.count(ListQuery(filters={"year": 2026})) >= 40
    qtmodeltester.check(page.model)
    model = PagedTableModel(services.dues, page_size=7)
    model.set_filters({"year": 2026, "arrears": ARREARS_LISTED})
    model.sort(model.columnCount() - 2)
    qtmodeltester.check(model)


def test_the_arrears_filter_and_search(services: Services, page: DuesPage) -> None:
    page.apply_filters({"arrears": ARREARS_CHARTER})
    assert page.model.rowCount() == 1
    assert "连续六个月不交纳党费" in page.model.row_at(0).values[-1]
    page.apply_filters({"arrears": ARREARS_LISTED})
    assert page.model.rowCount() == 4
    name = page.model.row_at(0).values[0]
    page.apply_filters({"text": name})
    assert page.model.row_at(0).values[0] == name


def test_a_payment_asks_about_the_amount_and_writes_only_on_yes(qtbot, services: Services, page: DuesPage) -> None:  # type: ignore[no-untyped-def]
    behind = services.dues.arrears_list()[-1]  # three months behind: Aug–Oct unpaid
    questions: list[str] = []
    answers = iter([False, True])

    def ask(_parent: object, question: str) -> bool:
        questions.append(question)
        return next(answers)

    dialog = PaymentDialog(services.dues, behind.member_id, 2026, ask=ask)
    qtbot.addWidget(dialog)
    assert dialog.first.currentData() == 8  # the first month not paid
    dialog.last.setCurrentIndex(9)  # 10月
    expected = 3 * (behind.monthly_fen or 0)
    assert dialog.amount.text() == f"{expected // 100}.{expected % 100:02d}"  # months × the monthly amount
    dialog.amount.setText("9.99")
    dialog._typed = True
    before = _ledger(services.db)
    dialog.accept()
    assert "确定按此金额登记吗" in questions[0] and dialog.result() == 0
    assert "请核对金额" in dialog.error.text() and _ledger(services.db) == before  # 返回修改: nothing written
    dialog.accept()
    assert _ledger(services.db) == before + 1
    assert services.dues.member_year(behind.member_id, 2026).arrears.count == 0


def test_a_month_already_paid_is_refused_beside_the_field(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    member = next(r for r in services.dues.year_book(2026).values() if 3 in r.paid_months)
    dialog = PaymentDialog(services.dues, member.member_id, 2026, ask=lambda *_a: True)
    qtbot.addWidget(dialog)
    dialog.first.setCurrentIndex(2)
    dialog.last.setCurrentIndex(2)
    before = _ledger(services.db)
    dialog.accept()
    assert "2026年3月的党费已于" in dialog.error_text("dues_months")
    assert _ledger(services.db) == before


def test_reverse_from_the_page_frees_the_months(qtbot, services: Services, page: DuesPage) -> None:  # type: ignore[no-untyped-def]
    member = next(r for r in services.dues.year_book(2026).values() if r.paid_months and not r.arrears.count)
    _select(page, member.member_id, member.name)
    seen: list[ReverseDialog] = []

    def run(dialog: ReverseDialog) -> bool:
        seen.append(dialog)
        dialog.reason.setText("收据号登记错误")
        dialog.accept()
        return dialog.result() == 1

    page.run_dialog = run  # type: ignore[method-assign]
    page.reverse_payment()
    assert seen and services.dues.payments(member.member_id, 2026)[-1].reverses_id is not None
    assert len(services.dues.member_year(member.member_id, 2026).paid_months) < len(member.paid_months)
    assert "更正第" in page.detail.text()


def test_same_as_last_year_from_the_page(services: Services, page: DuesPage) -> None:
    said: list[str] = []
    page.say = said.append  # type: ignore[method-assign]
    page.year.setValue(2027)
    with_rate = [r for r in services.dues.year_book(2026).values() if r.monthly_fen is not None]
    assert page.copy_rates() == len(with_rate)
    assert "已按2026年的月交纳额" in said[0]
    assert page.model.row_at(0).values[2] != "未设定"


def test_home_lists_members_behind_and_opens_the_page_filtered(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    view = services.home.view(DEMO_TODAY)
    items = [i for i in view.needs_action if i.kind == "党费欠缴"]
    assert items and any("连续六个月不交纳党费" in i.text and i.urgent for i in items)
    summary = next(i for i in items if "名党员欠缴 3 个月及以上" in i.text)
    assert summary.target.area == "party_life" and summary.target.filters == {"page": "dues", "arrears": ARREARS_LISTED}
    with shown_window(qtbot, services) as win:
        win.show_area(summary.target.area, dict(summary.target.filters))
        area = win.select_area("组织生活")
        dues_page = area.page("dues")
        assert dues_page.model.rowCount() == 4


def test_home_reads_the_arrears_apart_and_adds_them_in_order(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """首页 paints from the view without the dues book, then the arrears lines join the needs list
    in the same order the whole view gives them."""
    whole = services.home.view(DEMO_TODAY)
    first = services.home.view(DEMO_TODAY, with_dues=False)
    assert first.dues_pending and not any(i.kind == "党费欠缴" for i in first.needs_action)
    joined = first.with_arrears(services.home.arrears_items(DEMO_TODAY))
    assert joined.needs_action == whole.needs_action and not joined.dues_pending
    from ui.home_page import HomePage

    with shown_window(qtbot, services) as win:
        page = win.areas.stack.currentWidget()
        assert isinstance(page, HomePage)
        qtbot.waitUntil(lambda: page.view is not None and not page.view.dues_pending)
        kinds = [page.needs_model.item(r).kind for r in range(page.needs_model.rowCount())]
        assert "党费欠缴" in kinds and "正在计算" not in page.needs_box.title()
        # read again after a change: the last arrears stay listed until the new ones arrive
        page.show_view(services.home.view(with_dues=False))
        again = [page.needs_model.item(r).kind for r in range(page.needs_model.rowCount())]
        assert again == kinds and "正在计算" not in page.needs_box.title()


def test_member_details_show_the_dues_of_this_year(services: Services) -> None:
    member_id = next(iter(services.dues.year_book(2026)))
    text = services.member_details.dues_this_year(member_id, date(2026, 11, 23))
    assert text.startswith("2026年党费：每月")


def test_the_members_tab_shows_a_members_dues(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    from ui.members_tab import MembersTab

    jobs = JobRunner()
    tab = MembersTab(services, jobs)
    qtbot.addWidget(tab)
    try:
        said: list[str] = []
        tab.say = said.append  # type: ignore[method-assign]
        tab.model.row_at(0)
        tab.table.selectRow(0)
        text = tab.show_dues()
        assert "年党费：" in text and said and said[0].endswith(text)
    finally:
        jobs.shutdown()


def test_export_from_the_page(qtbot, services: Services, page: DuesPage, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "党费.xlsx"
    said: list[str] = []
    page.say = said.append  # type: ignore[method-assign]
    page.choose_save_path = lambda *_a: str(out)  # type: ignore[method-assign]
    page.export_year()
    qtbot.waitUntil(lambda: bool(said), timeout=30_000)
    assert out.exists() and "已导出" in said[0]
