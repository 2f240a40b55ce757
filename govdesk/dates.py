"""Calendar arithmetic the rules share (the home page's 转正 and 入党纪念日 dates, the demo village's
dates): plain functions of dates, so every module may use them without loading the database layer."""

from __future__ import annotations

from datetime import date, timedelta


def same_day_years_later(day: date, years: int) -> date:
    """The same calendar day ``years`` later; 29 February falls on 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def month_end(today: date) -> date:
    """The last day of ``today``'s month."""
    return ((today.replace(day=1) + timedelta(days=32)).replace(day=1)) - timedelta(days=1)
