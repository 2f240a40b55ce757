"""What 首页 shows, as plain frozen data: items with where a click leads, figures and breakdowns.

Kept apart from the service (govdesk/services/home.py) so the page and the tests read the shapes
without the queries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

# The tiles of 村情数据 and the breakdown lines under them, always these, in this order: the page
# builds them before its read arrives (then only their numbers change).
TOTAL_LABELS = ("农户", "居民", "党员")
BREAKDOWN_TITLES = ("党员状态", "各支部党员", "户类别")


@dataclass(frozen=True)
class Target:
    """Where a click leads: an area's key and the filters of its list (``text`` = the search box)."""

    area: str
    filters: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class HomeItem:
    kind: str  # 值班 / 例会 / 值班记录 / 五议两公开 / 入党纪念日 / 预备党员转正 …
    text: str
    when: str  # 逾期 3 天 / 11月25日 / 今天到期
    target: Target
    urgent: bool = False  # shown in red: overdue
    days_overdue: int | None = None


@dataclass(frozen=True)
class Figure:
    """One number of 村情数据 (a bar of a chart is one too)."""

    label: str
    value: int
    target: Target


@dataclass(frozen=True)
class Breakdown:
    title: str
    figures: tuple[Figure, ...]

    @property
    def total(self) -> int:
        return sum(f.value for f in self.figures)


@dataclass(frozen=True)
class HomeView:
    today: date
    on_duty: tuple[str, str]  # (today, tomorrow): "张三（村委会主任）" or ""
    meeting_today: str  # "8:00 两委例会（村部会议室）" when the weekly meeting is today
    open_log_count: int
    today_items: tuple[HomeItem, ...]
    needs_action: tuple[HomeItem, ...]
    totals: tuple[Figure, ...]  # TOTAL_LABELS
    breakdowns: tuple[Breakdown, ...]  # BREAKDOWN_TITLES: members by status / by branch, household categories
    charts: tuple[Breakdown, ...]  # members by age band / by status, residents by group, matters by stage
    dues_pending: bool = False  # read without the 党费 arrears: ``with_arrears`` adds them

    def with_arrears(self, items: Iterable[HomeItem]) -> HomeView:
        """The view with the 党费 arrears lines read apart, in the needs-action order."""
        needs = sorted((*self.needs_action, *items), key=needs_action_order)
        return replace(self, needs_action=tuple(needs), dues_pending=False)

    def figure(self, label: str) -> Figure:
        return next(f for f in self.totals if f.label == label)

    def breakdown(self, title: str) -> Breakdown:
        return next(b for b in (*self.breakdowns, *self.charts) if b.title == title)


def needs_action_order(item: HomeItem) -> tuple[int, int]:
    """Items with a deadline first, most overdue first; dated reminders (纪念日) after, as listed."""
    if item.days_overdue is None:
        return (1, 0)
    return (0, -item.days_overdue)
