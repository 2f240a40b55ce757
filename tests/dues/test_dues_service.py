"""DuesService on a real SQLite file: rates, payments, refusals (nothing written), reversals, arrears."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from govdesk.changes import Changes, feed_of
from govdesk.db import Database
from govdesk.dues.rules import ConfirmationNeeded, month_key
from govdesk.errors import RefusedError, ValidationError
from govdesk.models.dues import DuesPayment
from govdesk.services.dues import DuesService
from govdesk.services.dues_query import ARREARS_CHARTER, ARREARS_LISTED
from govdesk.services.listing import ListQuery
from tests.dues.conftest import at, payment


def _ledger(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count(DuesPayment.id))) or 0)


def test_a_payment_is_recorded_and_its_months_are_paid(dues: DuesService, members: dict[str, int]) -> None:
    wang = members["王建国"]
    dues.set_rates(2026, {wang: "0.50"})
    heard: list[Changes] = []
    feed_of(dues.db).listen(heard.append)
    dues.record_payment(payment(wang, 1, 3, "1.50"))
    assert heard == [Changes.DUES]
    year = dues.member_year(wang, 2026)
    assert year.paid_months == [1, 2, 3] and year.paid_fen == 150 and year.monthly_fen == 50


def test_a_month_already_paid_is_refused_and_nothing_is_written(dues: DuesService, members: dict[str, int]) -> None:
    wang = members["王建国"]
    dues.set_rates(2026, {wang: "0.50"})
    dues.record_payment(payment(wang, 1, 3, "1.50", paid_on=date(2026, 2, 10)))
    before = _ledger(dues.db)
    with pytest.raises(ValidationError, match="2026年3月的党费已于 2026-02-10 交纳（收据号 A001）"):
        dues.record_payment(payment(wang, 3, 6, "2.00"), confirmed=True)
    assert _ledger(dues.db) == before


def test_an_amount_that_does_not_match_asks_and_writes_only_when_confirmed(
    dues: DuesService, members: dict[str, int]
) -> None:
    li = members["李秀英"]
    dues.set_rates(2026, {li: "1"})
    with pytest.raises(ConfirmationNeeded) as asked:
        dues.record_payment(payment(li, 1, 6, "5.00"))
    assert "李秀英2026年每月应交 1.00 元，2026年1月至6月共 6 个月应交 6.00 元，本次登记 5.00 元，少 1.00 元" in (
        asked.value.question
    )
    assert _ledger(dues.db) == 0
    dues.record_payment(payment(li, 1, 6, "5.00"), confirmed=True)
    assert dues.member_year(li, 2026).paid_fen == 500


def test_no_rate_set_asks_too(dues: DuesService, members: dict[str, int]) -> None:
    with pytest.raises(ConfirmationNeeded, match="尚未设定王建国2026年的月交纳额"):
        dues.record_payment(payment(members["王建国"], 1, 1, "0.50"))
    assert _ledger(dues.db) == 0


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"first_month": 5, "last_month": 3}, "起始月份 5 月晚于截止月份 3 月"),
        ({"first_month": 0}, "月份应为 1 至 12"),
        ({"amount": "0"}, "应大于 0"),
        ({"amount": "abc"}, "不是金额"),
        ({"paid_on": date(2026, 12, 1)}, "不能晚于今天"),
        ({"paid_on": ""}, "交纳日期：不能为空"),
        ({"year": "26"}, "应为四位年份"),
    ],
)
def test_bad_payments_are_refused_with_the_field(
    dues: DuesService, members: dict[str, int], change: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        data = payment(members["王建国"], 1, 3, "1.50")
        for key, value in change.items():
            setattr(data, key, value)
        dues.record_payment(data, confirmed=True)
    assert _ledger(dues.db) == 0


def test_a_reversal_frees_the_months_and_the_ledger_keeps_both_lines(
    dues: DuesService, members: dict[str, int]
) -> None:
    """Append-only: 更正 adds the negated line; the original stays; the months can be paid anew."""
    wang = members["王建国"]
    dues.set_rates(2026, {wang: "0.50"})
    first = dues.record_payment(payment(wang, 1, 6, "3.00"))
    reversal = dues.reverse(first, "收据号登记错误", "陈敏")
    assert dues.member_year(wang, 2026).paid_months == []
    again = dues.record_payment(payment(wang, 1, 6, "3.00", receipt_no="A002"))
    lines = dues.payments(wang, 2026)
    assert [(p.id, p.amount_fen, p.reverses_id, p.reversed_by) for p in lines] == [
        (first, 300, None, reversal),
        (reversal, -300, first, None),
        (again, 300, None, None),
    ]
    year = dues.member_year(wang, 2026)
    assert year.paid_months == [1, 2, 3, 4, 5, 6] and year.paid_fen == 300


@pytest.mark.parametrize("which", ["twice", "a reversal"])
def test_a_reversal_cannot_be_repeated_or_reversed(dues: DuesService, members: dict[str, int], which: str) -> None:
    wang = members["王建国"]
    dues.set_rates(2026, {wang: "0.50"})
    first = dues.record_payment(payment(wang, 1, 2, "1.00"))
    reversal = dues.reverse(first, "错记")
    before = _ledger(dues.db)
    with pytest.raises(RefusedError, match="已由第" if which == "twice" else "本身是更正记录"):
        dues.reverse(first if which == "twice" else reversal, "再更正")
    assert _ledger(dues.db) == before


def test_a_reversal_needs_a_reason(dues: DuesService, members: dict[str, int]) -> None:
    wang = members["王建国"]
    dues.set_rates(2026, {wang: "0.50"})
    first = dues.record_payment(payment(wang, 1, 2, "1.00"))
    with pytest.raises(ValidationError, match="更正原因：不能为空"):
        dues.reverse(first, "  ")


def test_rates_are_checked_all_before_any_is_written(dues: DuesService, members: dict[str, int]) -> None:
    with pytest.raises(ValidationError, match="不是金额"):
        dues.set_rates(2026, {members["王建国"]: "0.5", members["李秀英"]: "x"})
    assert dues.rate(members["王建国"], 2026) is None


def test_same_as_last_year_copies_for_members_still_on_the_roster(dues: DuesService, members: dict[str, int]) -> None:
    wang, li, liu = members["王建国"], members["李秀英"], members["刘德荣"]
    dues.set_rates(2026, {wang: "0.5", li: "2", liu: "0.3"})
    dues.set_rates(2027, {li: "3"})  # already set: kept
    assert dues.copy_rates(2027) == 1  # 刘德荣 left in 2026
    assert (dues.rate(wang, 2027), dues.rate(li, 2027), dues.rate(liu, 2027)) == (50, 300, None)
    with pytest.raises(RefusedError, match="2029年还没有设定"):
        dues.copy_rates(2030)


def test_arrears_follow_the_roster_month_by_month(db: Database, members: dict[str, int]) -> None:
    """欠缴: owed when on the roster on the month's last day (statuses_on) with a rate above 0; up to last month."""
    dues = DuesService(db, clock=at(date(2026, 11, 23)))
    zhang, liu, li = members["张竂"], members["刘德荣"], members["李秀英"]
    dues.set_rates(2025, {zhang: "0.2", liu: "0.5", li: "0"})
    dues.set_rates(2026, {zhang: "0.2", liu: "0.5", li: "0"})
    # 张竂 joined 2025-10-15: owes Oct 2025 on. Paid Oct 2025–Mar 2026? No: only the 2026 months 4–10.
    dues.record_payment(payment(zhang, 4, 10, "1.40"))
    # 刘德荣 left 2026-06-10: owes 2025 and Jan–May 2026; paid 2025 in full.
    dues.record_payment(payment(liu, 1, 12, "6.00", year=2025, paid_on=date(2025, 1, 5)))
    owing = {r.member_id: r.arrears for r in dues.arrears_list(at_least=1)}
    zhang_arrears = owing[zhang]
    assert zhang_arrears.count == 6 and zhang_arrears.charter_warning  # Oct 2025 – Mar 2026 in a row
    assert zhang_arrears.run_text() == "2025年10月至2026年3月"
    assert owing[liu].count == 5 and not owing[liu].charter_warning  # Jan–May 2026, not June on
    assert li not in owing  # exempt (0 元)
    book = dues.year_book(2026)
    assert book[liu].marks[:7] == ("欠", "欠", "欠", "欠", "欠", "—", "—")
    assert book[zhang].marks[:3] == ("欠", "欠", "欠") and book[zhang].marks[10:] == ("", "")
    assert book[zhang].marks[3:10] == ("√",) * 7


def test_a_payment_ends_arrears_on_the_next_read(dues: DuesService, members: dict[str, int]) -> None:
    wang = members["王建国"]
    dues.set_rates(2026, {wang: "0.5"})
    assert dues.year_book(2026)[wang].arrears.count == 10
    dues.record_payment(payment(wang, 1, 10, "5.00"))
    assert dues.year_book(2026)[wang].arrears.count == 0


def test_the_book_pages_filters_and_sorts(dues: DuesService, members: dict[str, int]) -> None:
    wang, li, zhang = members["王建国"], members["李秀英"], members["张竂"]
    dues.set_rates(2026, {wang: "0.5", li: "1", zhang: "0.2"})
    dues.record_payment(payment(wang, 1, 9, "4.50"))
    dues.record_payment(payment(li, 1, 10, "10.00"))
    query = ListQuery(filters={"year": 2026})
    assert dues.count(query) == 4  # 刘德荣 was on the roster until June
    listed = ListQuery(filters={"year": 2026, "arrears": ARREARS_LISTED})
    assert {r.id for r in dues.page(listed, 0, 50)} == {zhang}  # 刘德荣 has no rate: owes nothing in the book
    charter = ListQuery(filters={"year": 2026, "arrears": ARREARS_CHARTER})
    assert [r.id for r in dues.page(charter, 0, 50)] == [zhang]
    assert [r.id for r in dues.page(ListQuery(text="李秀", filters={"year": 2026}), 0, 50)] == [li]
    by_arrears = ListQuery(filters={"year": 2026}, sort_key="arrears", descending=True)
    assert dues.page(by_arrears, 0, 1)[0].id == zhang
    row = dues.page(ListQuery(text="王建国", filters={"year": 2026}), 0, 1)[0]
    assert row.values[:4] == ("王建国", "第一党支部", "0.50", "√") and row.values[-4:] == (9, "4.50", 1, "")


def test_a_rate_changed_twice_in_one_second_is_read_anew(db: Database, members: dict[str, int]) -> None:
    """The book is kept between reads; any write through the database forgets it."""
    wang = members["王建国"]
    reader = DuesService(db, clock=at(date(2026, 11, 23)))  # another reader of the same database
    writer = DuesService(db, clock=at(date(2026, 11, 23)))
    writer.set_rates(2026, {wang: "0.5"})
    assert reader.year_book(2026)[wang].monthly_fen == 50
    writer.set_rates(2026, {wang: "0.6"})
    assert reader.year_book(2026)[wang].monthly_fen == 60


def test_after_a_payment_or_a_member_change_the_book_is_read_anew(db: Database, members: dict[str, int]) -> None:
    """The book is kept between reads and forgotten on any write: a payment, or a member leaving."""
    wang, li = members["王建国"], members["李秀英"]
    dues = DuesService(db, clock=at(date(2026, 11, 23)))
    dues.set_rates(2026, {wang: "0.5", li: "0.5"})
    assert dues.year_book(2026)[wang].arrears.count == 10
    dues.record_payment(payment(wang, 1, 10, "5.00"))
    assert dues.year_book(2026)[wang].arrears.count == 0
    from govdesk.services.members import MemberService

    MemberService(db).end(li, date(2026, 8, 1), "转出")  # on the roster at the end of January–July only
    assert dues.year_book(2026)[li].arrears.months == tuple(month_key(2026, m) for m in range(1, 8))
