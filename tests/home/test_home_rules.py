"""首页's date rules, table-driven: age bands, 入党纪念日, 预备党员 due to be made full."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.services.home_rules import (
    age_band,
    age_band_bounds,
    age_on,
    anniversary_in_window,
    anniversary_window,
    joined_on_or_before_for_due,
    probation_due,
    probation_due_by_month_end,
    same_day_years_later,
)

D = date


@pytest.mark.parametrize(
    ("birth", "today", "age"),
    [
        (D(1990, 5, 10), D(2026, 5, 9), 35),
        (D(1990, 5, 10), D(2026, 5, 10), 36),
        (D(2000, 2, 29), D(2026, 2, 28), 25),
        (D(2000, 2, 29), D(2026, 3, 1), 26),
    ],
)
def test_age_in_whole_years(birth: date, today: date, age: int) -> None:
    assert age_on(birth, today) == age


TODAY = D(2026, 11, 23)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (D(1990, 11, 24), "35岁及以下"),  # 35 today, 36 tomorrow
        (D(1990, 11, 23), "36至45岁"),  # 36 today
        (D(1980, 11, 24), "36至45岁"),  # 45
        (D(1980, 11, 23), "46至60岁"),  # 46
        (D(1965, 11, 24), "46至60岁"),  # 60
        (D(1965, 11, 23), "61至70岁"),  # 61
        (D(1955, 11, 24), "61至70岁"),  # 70
        (D(1955, 11, 23), "71岁及以上"),  # 71
        (D(1930, 1, 1), "71岁及以上"),
        (D(2001, 1, 1), "35岁及以下"),
    ],
)
def test_age_band_edges(birth: date, band: str) -> None:
    assert age_band(birth, TODAY) == band
    after, on_or_before = age_band_bounds(band, TODAY)  # the SQL filter's bounds agree
    assert after is None or birth > after
    assert on_or_before is None or birth <= on_or_before


def test_unknown_age_band_is_refused() -> None:
    with pytest.raises(ValueError, match="未知的年龄段"):
        age_band_bounds("百岁", TODAY)


@pytest.mark.parametrize(
    ("today", "first", "last"),
    [
        (D(2026, 11, 10), D(2026, 11, 1), D(2026, 11, 30)),  # the month covers the next 7 days
        (D(2026, 11, 26), D(2026, 11, 1), D(2026, 12, 3)),  # the next 7 days reach into December
        (D(2026, 12, 28), D(2026, 12, 1), D(2027, 1, 4)),  # across the year
        (D(2027, 2, 25), D(2027, 2, 1), D(2027, 3, 4)),
    ],
)
def test_anniversary_window(today: date, first: date, last: date) -> None:
    assert anniversary_window(today) == (first, last)


@pytest.mark.parametrize(
    ("joined", "today", "expected"),
    [
        (D(1990, 11, 2), D(2026, 11, 23), (D(2026, 11, 2), 36)),  # earlier this month: still listed
        (D(1990, 11, 30), D(2026, 11, 23), (D(2026, 11, 30), 36)),
        (D(2001, 12, 3), D(2026, 11, 26), (D(2026, 12, 3), 25)),  # within the next 7 days
        (D(2001, 12, 4), D(2026, 11, 26), None),  # 8 days ahead
        (D(2001, 10, 31), D(2026, 11, 1), None),  # last month
        (D(2010, 1, 3), D(2026, 12, 29), (D(2027, 1, 3), 17)),  # across the year
        (D(2026, 11, 5), D(2026, 11, 23), None),  # joined this month: no anniversary yet
        (D(2025, 11, 5), D(2026, 11, 23), (D(2026, 11, 5), 1)),
        (D(2004, 2, 29), D(2027, 2, 10), (D(2027, 2, 28), 23)),  # 29 February in a common year
    ],
)
def test_anniversary_in_window(joined: date, today: date, expected: tuple[date, int] | None) -> None:
    assert anniversary_in_window(joined, today) == expected


@pytest.mark.parametrize(
    ("joined", "due"),
    [(D(2025, 11, 30), D(2026, 11, 30)), (D(2024, 2, 29), D(2025, 2, 28)), (D(2025, 1, 1), D(2026, 1, 1))],
)
def test_probation_ends_one_year_after_joining(joined: date, due: date) -> None:
    assert probation_due(joined) == due


@pytest.mark.parametrize(
    ("joined", "today", "due"),
    [
        (D(2025, 11, 30), D(2026, 11, 1), True),  # due at the end of this month
        (D(2025, 12, 1), D(2026, 11, 30), False),  # next month
        (D(2025, 6, 1), D(2026, 11, 23), True),  # overdue: still 预备 after the year
        (D(2025, 2, 28), D(2026, 2, 1), True),
        (D(2024, 2, 29), D(2025, 2, 1), True),  # due 28 February 2025
    ],
)
def test_probation_due_by_the_end_of_the_month(joined: date, today: date, due: bool) -> None:
    assert probation_due_by_month_end(joined, today) is due
    assert (joined <= joined_on_or_before_for_due(today)) is due  # the SQL bound says the same


def test_same_day_years_later_on_29_february() -> None:
    assert same_day_years_later(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert same_day_years_later(D(2024, 2, 29), 4) == D(2028, 2, 29)
