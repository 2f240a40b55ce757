"""Which kind of day a date is: 工作日, 周末 or 节假日.

China's public holidays and the adjusted working weekends (调休) are published each year by the
State Council. The ``chinesecalendar`` package knows the published years only (it raises
``NotImplementedError`` beyond them), so the calendar never relies on it alone: staff can enter
a day themselves (an override wins over the package), and for a year nobody has entered the
program still works — weekends are rest days and ``year_warning`` says the holidays are missing.
A roster must never be blank or crash because the year is new.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

import chinese_calendar

# The three kinds of day balanced separately across cadres.
DAY_WORKDAY = "工作日"
DAY_WEEKEND = "周末"
DAY_HOLIDAY = "节假日"
DAY_KINDS = (DAY_WORKDAY, DAY_WEEKEND, DAY_HOLIDAY)

# What staff can enter for a date in the holiday table.
OVERRIDE_HOLIDAY = "节假日"  # a public holiday (with its name)
OVERRIDE_WORKDAY = "调休上班"  # an adjusted working weekend
OVERRIDE_REST = "休息"  # a rest day that is not a public holiday
OVERRIDE_KINDS = (OVERRIDE_HOLIDAY, OVERRIDE_WORKDAY, OVERRIDE_REST)

# Where a day's kind came from, shown next to it so staff know what to trust.
SOURCE_OFFICIAL = "国务院公布"
SOURCE_STAFF = "手工录入"
SOURCE_DEFAULT = "按周末推定"

HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "抗战胜利纪念日",
}
WEEKDAY_NAMES = ("一", "二", "三", "四", "五", "六", "日")


@dataclass(frozen=True)
class HolidayOverride:
    """One staff-entered line of the holiday table."""

    day: date
    kind: str
    name: str = ""


@dataclass(frozen=True)
class DayInfo:
    day: date
    kind: str
    name: str = ""  # holiday name (春节) or 调休上班
    adjusted: bool = False  # a weekend that is a working day (调休)
    source: str = SOURCE_OFFICIAL

    @property
    def weekday_name(self) -> str:
        return "周" + WEEKDAY_NAMES[self.day.weekday()]


def year_is_published(year: int) -> bool:
    """Does the package know this year's holidays?"""
    try:
        chinese_calendar.is_holiday(date(year, 1, 1))
    except NotImplementedError:
        return False
    return True


def unpublished_warning(year: int) -> str:
    return (
        f"{year} 年的法定节假日和调休安排尚未收录（程序内置数据只到已公布的年份）。"
        f"目前周六、周日按休息日、其余按工作日排班；请在“节假日设置”中录入 {year} 年的节假日和调休上班日。"
    )


class DutyCalendar:
    """Day kinds from the package plus the staff's holiday table (the table wins)."""

    def __init__(self, overrides: Iterable[HolidayOverride] = ()) -> None:
        self._overrides: dict[date, HolidayOverride] = {o.day: o for o in overrides}
        self._published: dict[int, bool] = {}

    @property
    def overrides(self) -> Mapping[date, HolidayOverride]:
        return self._overrides

    def published(self, year: int) -> bool:
        if year not in self._published:
            self._published[year] = year_is_published(year)
        return self._published[year]

    def staff_entered(self, year: int) -> bool:
        return any(d.year == year for d in self._overrides)

    def year_warning(self, year: int) -> str | None:
        """A warning for a year whose holidays nobody knows; ``None`` once published or entered."""
        if self.published(year):
            return None
        if self.staff_entered(year):
            return None
        return unpublished_warning(year)

    def day(self, d: date) -> DayInfo:
        o = self._overrides.get(d)
        if o is not None:
            if o.kind == OVERRIDE_HOLIDAY:
                return DayInfo(d, DAY_HOLIDAY, o.name or "节假日", source=SOURCE_STAFF)
            if o.kind == OVERRIDE_WORKDAY:
                return DayInfo(d, DAY_WORKDAY, o.name or "调休上班", adjusted=d.weekday() >= 5, source=SOURCE_STAFF)
            return DayInfo(d, DAY_WEEKEND, o.name or "休息", source=SOURCE_STAFF)
        weekend = d.weekday() >= 5
        if not self.published(d.year):
            return DayInfo(d, DAY_WEEKEND if weekend else DAY_WORKDAY, source=SOURCE_DEFAULT)
        holiday_name = chinese_calendar.holidays.get(d)
        if holiday_name is not None:
            return DayInfo(d, DAY_HOLIDAY, HOLIDAY_NAMES_ZH.get(holiday_name, holiday_name))
        if weekend and d in chinese_calendar.workdays:
            return DayInfo(d, DAY_WORKDAY, "调休上班", adjusted=True)
        return DayInfo(d, DAY_WEEKEND if weekend else DAY_WORKDAY)

    def days(self, first: date, last: date) -> list[DayInfo]:
        return [self.day(d) for d in date_range(first, last)]

    def month(self, year: int, month: int) -> list[DayInfo]:
        first, last = month_bounds(year, month)
        return self.days(first, last)


def date_range(first: date, last: date) -> Iterator[date]:
    d = first
    while d <= last:
        yield d
        d += timedelta(days=1)


def month_bounds(year: int, month: int) -> tuple[date, date]:
    first = date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return first, nxt - timedelta(days=1)


def parse_month(text: str) -> tuple[int, int]:
    """``2026-11`` / ``2026.11`` / ``2026年11月`` → (2026, 11); ValueError with a Chinese message otherwise."""
    t = str(text).strip().replace("年", "-").replace("月", "").replace(".", "-").replace("/", "-")
    parts = t.split("-")
    try:
        year, month = int(parts[0]), int(parts[1])
        if len(parts) != 2 or not 1 <= month <= 12 or not 1900 <= year <= 2200:
            raise ValueError
    except (ValueError, IndexError):
        raise ValueError(f"月份“{text}”格式不对，应为 YYYY-MM，例如 2026-11") from None
    return year, month


def month_key(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"
