"""The home page's date rules, kept once: age bands, 入党纪念日, 预备党员 due to be made full.

Plain functions of dates so they are tested against hand-built tables; the home service and the
members list (its 年龄段 filter) turn them into SQL conditions with the cut-off dates they give.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, extract, or_

from govdesk.dates import month_end, same_day_years_later

# 年龄段: (label, oldest age in whole years in the band; None = no upper limit). Rural branches
# are old, so the bands past 60 are the ones the township asks about.
AGE_BANDS: tuple[tuple[str, int | None], ...] = (
    ("35岁及以下", 35),
    ("36至45岁", 45),
    ("46至60岁", 60),
    ("61至70岁", 70),
    ("71岁及以上", None),
)
AGE_BAND_NAMES = tuple(name for name, _ in AGE_BANDS)

# 入党纪念日 are listed for the current calendar month and for the next days (possibly in the next month).
ANNIVERSARY_AHEAD_DAYS = 7
# 预备期 is one year from the day the branch accepted the member as 预备党员 (入党时间, 党章 art. 7).
PROBATION_YEARS = 1


def age_on(birth: date, today: date) -> int:
    """Whole years of age on ``today``."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def born_after_for_age(oldest: int, today: date) -> date:
    """People born strictly after this day are at most ``oldest`` years old on ``today``."""
    return same_day_years_later(today, -(oldest + 1))


def age_band(birth: date, today: date) -> str:
    """The band a birth date falls in on ``today`` (same cut-offs as ``age_band_bounds``)."""
    for name, oldest in AGE_BANDS:
        if oldest is None or birth > born_after_for_age(oldest, today):
            return name
    return AGE_BANDS[-1][0]


def age_band_bounds(name: str, today: date) -> tuple[date | None, date | None]:
    """(born after, born on or before) of a band on ``today``, for a SQL filter; None = open."""
    names = [n for n, _ in AGE_BANDS]
    if name not in names:
        raise ValueError(f"未知的年龄段：{name}")
    pos = names.index(name)
    oldest = AGE_BANDS[pos][1]
    after = born_after_for_age(oldest, today) if oldest is not None else None
    younger = AGE_BANDS[pos - 1][1] if pos > 0 else None
    on_or_before = born_after_for_age(younger, today) if younger is not None else None
    return after, on_or_before


def anniversary_window(today: date) -> tuple[date, date]:
    """First and last day of the 入党纪念日 window: this month's first day to the later of its
    last day and ``today`` + ANNIVERSARY_AHEAD_DAYS."""
    first = today.replace(day=1)
    next_month = (first + timedelta(days=32)).replace(day=1)
    last = max(next_month - timedelta(days=1), today + timedelta(days=ANNIVERSARY_AHEAD_DAYS))
    return first, last


def anniversary_in_window(joined: date, today: date) -> tuple[date, int] | None:
    """The member's 入党纪念日 in the window (its date and the years since joining), or None.

    The joining day itself is not an anniversary (0 years)."""
    first, last = anniversary_window(today)
    for year in range(first.year, last.year + 1):
        day = same_day_years_later(joined, year - joined.year)
        years = year - joined.year
        if years >= 1 and first <= day <= last:
            return day, years
    return None


def anniversary_condition(joined: ColumnElement[date], today: date) -> ColumnElement[bool]:
    """SQL: 入党时间 whose anniversary falls in the window (at least one year ago) — what
    ``anniversary_in_window`` finds, as a filter (the window starts on the 1st and spans at most
    two months)."""
    first, last = anniversary_window(today)
    month, day = extract("month", joined), extract("day", joined)
    in_window = month == first.month
    if last.month != first.month:
        in_window = or_(in_window, and_(month == last.month, day <= last.day))
    return and_(joined.is_not(None), joined < first, in_window)


def probation_due(joined: date) -> date:
    """The day a 预备党员's probation year ends: the branch then decides on 转正."""
    return same_day_years_later(joined, PROBATION_YEARS)


def probation_due_by_month_end(joined: date, today: date) -> bool:
    """A 预备党员 to be made full this month, or already past the year (still 预备: overdue)."""
    return probation_due(joined) <= month_end(today)


def joined_on_or_before_for_due(today: date) -> date:
    """Members who joined on or before this day are due by the end of ``today``'s month (SQL bound)."""
    end = month_end(today)
    candidate = same_day_years_later(end, -PROBATION_YEARS)
    # 29 Feb joiners are due on 28 Feb: a month ending on 28 Feb also covers the 29th a year before.
    if end.month == 2 and end.day == 28:
        try:
            candidate = end.replace(year=end.year - PROBATION_YEARS, day=29)
        except ValueError:
            pass
    return candidate
