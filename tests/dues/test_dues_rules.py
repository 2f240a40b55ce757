"""The rules of 党费 (govdesk.dues.rules), table-driven; each case names the rule it checks."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from govdesk.dues.rules import (
    CHARTER_WARNING,
    CheckedPayment,
    PaidMonth,
    arrears,
    confirmation_question,
    last_due_month,
    month_bits,
    month_key,
    months_of,
    parse_fen,
    refuse_months_already_paid,
    yuan,
)
from govdesk.errors import ValidationError


@pytest.mark.parametrize(
    ("typed", "fen"),
    [
        ("0.5", 50),  # 金额: 元 with one decimal
        ("1.20元", 120),  # a trailing 元 is what people type
        ("１２", 1200),  # full-width digits from an input method
        (" 0.20 ", 20),
        (Decimal("0.2"), 20),  # Decimal kept exact
        (3, 300),  # a whole number of 元
        ("¥6", 600),
    ],
)
def test_amounts_are_read_as_whole_fen(typed: object, fen: int) -> None:
    assert parse_fen(typed) == fen


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("0.123", "最多两位小数"),  # 金额: no fractions of a 分
        ("-1", "不是金额"),
        ("一块", "不是金额"),
        ("", "不能为空"),
        (0.1, "应写成数字"),  # a float cannot hold 0.1: never accepted
        ("200000", "金额过大"),
    ],
)
def test_bad_amounts_are_refused_in_chinese(typed: object, why: str) -> None:
    with pytest.raises(ValueError, match=why):
        parse_fen(typed)


@pytest.mark.parametrize(("fen", "text"), [(50, "0.50"), (1200, "12.00"), (-120, "-1.20"), (0, "0.00")])
def test_fen_read_as_yuan(fen: int, text: str) -> None:
    assert yuan(fen) == text


@pytest.mark.parametrize(
    ("first", "last", "months"),
    [(1, 1, [1]), (1, 3, [1, 2, 3]), (7, 12, [7, 8, 9, 10, 11, 12]), (1, 12, list(range(1, 13)))],
)
def test_a_payment_covers_its_months_as_bits(first: int, last: int, months: list[int]) -> None:
    assert months_of(month_bits(first, last)) == months


@pytest.mark.parametrize(
    ("today", "last_due"),
    [
        (date(2026, 11, 23), (2026, 10)),  # 欠缴 runs to last month: this month is still open
        (date(2026, 11, 1), (2026, 10)),
        (date(2027, 1, 5), (2026, 12)),  # across New Year
    ],
)
def test_arrears_run_up_to_the_month_before_today(today: date, last_due: tuple[int, int]) -> None:
    assert last_due_month(today) == last_due


def _keys(*months: tuple[int, int]) -> list[int]:
    return [month_key(y, m) for y, m in months]


def _span(y1: int, m1: int, y2: int, m2: int) -> list[int]:
    return list(range(month_key(y1, m1), month_key(y2, m2) + 1))


@pytest.mark.parametrize(
    ("case", "owed", "paid", "count", "run", "listed", "warned"),
    [
        ("all paid", _span(2026, 1, 2026, 10), _span(2026, 1, 2026, 10), 0, 0, False, False),
        ("two behind: not listed", _span(2026, 1, 2026, 10), _span(2026, 1, 2026, 8), 2, 2, False, False),
        (
            "three behind: listed (欠缴三个月及以上)",
            _span(2026, 1, 2026, 10),
            _span(2026, 1, 2026, 7),
            3,
            3,
            True,
            False,
        ),
        ("five behind: listed, no warning", _span(2026, 1, 2026, 10), _span(2026, 1, 2026, 5), 5, 5, True, False),
        ("six in a row: 连续六个月", _span(2026, 1, 2026, 10), _span(2026, 1, 2026, 4), 6, 6, True, True),
        (
            "six in a row across New Year (2025-11 … 2026-04)",
            _span(2025, 1, 2026, 10),
            _span(2025, 1, 2025, 10) + _span(2026, 5, 2026, 10),
            6,
            6,
            True,
            True,
        ),
        (
            "six in all but not in a row: listed, no charter warning",
            _span(2026, 1, 2026, 10),
            _keys((2026, 4), (2026, 5), (2026, 6), (2026, 7)),
            6,
            3,
            True,
            False,
        ),
        (
            "a month not owed (off the roster) ends the run",
            _span(2026, 1, 2026, 3) + _span(2026, 5, 2026, 10),
            [],
            9,
            6,
            True,
            True,
        ),
        (
            "not owed months never count",
            _span(2026, 8, 2026, 10),
            [],
            3,
            3,
            True,
            False,
        ),
        (
            "a paid month not owed changes nothing",
            _span(2026, 9, 2026, 10),
            _span(2026, 1, 2026, 10),
            0,
            0,
            False,
            False,
        ),
    ],
)
def test_arrears_and_the_charter_warning(
    case: str, owed: list[int], paid: list[int], count: int, run: int, listed: bool, warned: bool
) -> None:
    a = arrears(owed, paid)
    assert (a.count, a.run_length, a.listed, a.charter_warning) == (count, run, listed, warned), case
    assert (CHARTER_WARNING in a.text()) is warned


def test_the_warning_names_the_run_across_new_year() -> None:
    a = arrears(_span(2025, 11, 2026, 4), [])
    assert a.text() == "欠缴 6 个月，连续六个月不交纳党费（已连续 6 个月：2025年11月至2026年4月）"


def _payment(first: int, last: int, fen: int) -> CheckedPayment:
    return CheckedPayment(1, 2026, first, last, fen, date(2026, 11, 2), "A9", "陈敏", "")


@pytest.mark.parametrize(
    ("first", "last", "paid", "message"),
    [
        (3, 3, {3: PaidMonth(date(2026, 2, 10), "A001")}, "2026年3月的党费已于 2026-02-10 交纳（收据号 A001）"),
        (
            1,
            6,
            {4: PaidMonth(date(2026, 4, 1), ""), 5: PaidMonth(date(2026, 4, 1), "")},
            "2026年4月的党费已于 2026-04-01 交纳，",
        ),
    ],
)
def test_a_month_already_paid_is_refused_naming_the_month(
    first: int, last: int, paid: dict[int, PaidMonth], message: str
) -> None:
    """重复交纳: the first month already paid is named with the day it was paid."""
    with pytest.raises(ValidationError) as caught:
        refuse_months_already_paid(_payment(first, last, 100), paid)
    assert message in str(caught.value)


def test_months_not_yet_paid_pass() -> None:
    refuse_months_already_paid(_payment(7, 9, 150), {3: PaidMonth(date(2026, 2, 10), "A001")})


@pytest.mark.parametrize(
    ("first", "last", "fen", "rate", "question"),
    [
        (1, 3, 150, 50, None),  # 金额核对: months × rate, no question
        (1, 3, 200, 50, "共 3 个月应交 1.50 元，本次登记 2.00 元，多 0.50 元。确定按此金额登记吗？"),
        (1, 12, 500, 50, "共 12 个月应交 6.00 元，本次登记 5.00 元，少 1.00 元"),
        (1, 1, 100, None, "尚未设定王建国2026年的月交纳额，无法核对金额"),
        (1, 2, 0, 0, None),  # an exempt member (0 元) paying nothing: matches
    ],
)
def test_an_amount_not_months_times_rate_asks(
    first: int, last: int, fen: int, rate: int | None, question: str | None
) -> None:
    asked = confirmation_question(_payment(first, last, fen), "王建国", rate)
    if question is None:
        assert asked is None
    else:
        assert asked is not None and question in asked
