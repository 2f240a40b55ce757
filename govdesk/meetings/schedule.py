"""How often each meeting must be held, and the warnings when a branch falls behind.

The rules are 《中国共产党支部工作条例（试行）》(2018) articles 19–21, one row each in
``SCHEDULE_RULES``; the tests cite the same rows. Plain functions over dates: the service
gathers the dates meetings were held, these functions judge them.

A unit is warned about a period in two ways:

- the current period has none yet and at least half of it has gone ("本季度尚未召开支部党员大会
  （已过 52 天）") — early enough to hold one, late enough not to nag on the first day;
- the period just ended had none ("上季度未召开支部党员大会"), once the unit's meetings are
  being recorded (``since``: the first meeting on record), so a new database is not a wall of
  warnings about years before anyone used the program.

A meeting of a 党总支 (a lecture for the whole village, the 党员大会 of a 五议两公开 matter)
counts for each of its branches; a 党小组会 counts for its own Party group only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from govdesk.meetings.kinds import (
    KIND_COMMITTEE,
    KIND_GENERAL,
    KIND_GROUP,
    KIND_LECTURE,
    KIND_LIFE,
    KIND_REVIEW,
    KIND_THEME_DAY,
)
from govdesk.vocabulary import ORG_BRANCH, ORG_GROUP

MONTH = "月"
QUARTER = "季度"
YEAR = "年"

_THIS = {MONTH: "本月", QUARTER: "本季度", YEAR: "本年度"}
_LAST = {MONTH: "上月", QUARTER: "上季度", YEAR: "上年度"}


@dataclass(frozen=True)
class ScheduleRule:
    kind: str  # the meeting kind the rule asks for
    period: str  # at least once per 月 / 季度 / 年
    unit_kind: str  # the units it applies to: 党支部 or 党小组
    source: str  # where the rule comes from (cited by the tests)


SCHEDULE_RULES: tuple[ScheduleRule, ...] = (
    ScheduleRule(KIND_GENERAL, QUARTER, ORG_BRANCH, "支部工作条例第十九条：党员大会一般每季度召开1次"),
    ScheduleRule(KIND_LECTURE, QUARTER, ORG_BRANCH, "支部工作条例第十九条：党课一般每季度1次"),
    ScheduleRule(KIND_COMMITTEE, MONTH, ORG_BRANCH, "支部工作条例第十九条：支部委员会会议一般每月召开1次"),
    ScheduleRule(KIND_GROUP, MONTH, ORG_GROUP, "支部工作条例第十九条：党小组会一般每月召开1次"),
    ScheduleRule(KIND_THEME_DAY, MONTH, ORG_BRANCH, "支部工作条例第十九条：每月相对固定1天开展主题党日"),
    ScheduleRule(KIND_LIFE, YEAR, ORG_BRANCH, "支部工作条例第二十条：组织生活会一般每年召开1次"),
    ScheduleRule(KIND_REVIEW, YEAR, ORG_BRANCH, "支部工作条例第二十一条：一般每年开展1次民主评议党员"),
)


def period_of(day: date, period: str) -> tuple[date, date]:
    """The first and last day of the month / quarter / year that ``day`` falls in."""
    if period == MONTH:
        start = day.replace(day=1)
    elif period == QUARTER:
        start = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
    elif period == YEAR:
        start = date(day.year, 1, 1)
    else:
        raise ValueError(f"未知的周期：{period}")
    months = {MONTH: 1, QUARTER: 3, YEAR: 12}[period]
    month = start.month - 1 + months
    following = date(start.year + month // 12, month % 12 + 1, 1)
    return start, following - timedelta(days=1)


def previous_period(day: date, period: str) -> tuple[date, date]:
    start, _end = period_of(day, period)
    return period_of(start - timedelta(days=1), period)


@dataclass(frozen=True)
class ScheduleWarning:
    unit_id: int
    unit_name: str
    kind: str
    text: str  # 第一支部：本季度尚未召开支部党员大会（已过 52 天）
    days: int  # days of the period gone without one (for ordering: the longest first)


def unit_warnings(
    unit_id: int, unit_name: str, rule: ScheduleRule, held: Iterable[date], today: date, since: date | None
) -> list[ScheduleWarning]:
    """The warnings of one rule for one unit, given the days its meetings of that kind were held."""
    days = sorted(d for d in held if d <= today)
    start, end = period_of(today, rule.period)
    out: list[ScheduleWarning] = []
    prev_start, prev_end = previous_period(today, rule.period)
    if since is not None and since <= prev_start and not any(prev_start <= d <= prev_end for d in days):
        gone = (today - prev_start).days
        out.append(
            ScheduleWarning(unit_id, unit_name, rule.kind, f"{unit_name}：{_LAST[rule.period]}未召开{rule.kind}", gone)
        )
    gone = (today - start).days
    length = (end - start).days + 1
    if 2 * gone >= length and not any(start <= d <= today for d in days):
        text = f"{unit_name}：{_THIS[rule.period]}尚未召开{rule.kind}（已过 {gone} 天）"
        out.append(ScheduleWarning(unit_id, unit_name, rule.kind, text, gone))
    return out
