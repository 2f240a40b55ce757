"""The monthly 民情 report's figures, from plain facts about items (a pure function, tested by hand).

For a month whose report is read on ``end`` (the month's last day, or today within the month):
- 受理: items taken in the month, by channel and by category;
- 已答复: of those, the ones closed (已答复 / 已办结) by ``end``; 答复率 = 已答复 / 受理;
- 答复用时中位数: days from taking to answering, over the items answered in the month;
- 逾期未答复: items taken by ``end``, past their deadline on ``end`` and not answered by then;
- 超期答复: items answered in the month after their deadline.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from datetime import date

from govdesk.voices.rules import CHANNELS, answered_late, days_to_answer


@dataclass(frozen=True)
class ItemFacts:
    id: int
    received_on: date
    channel: str
    category: str
    deadline: date
    closed_on: date | None  # replied_on of an item 已答复 / 已办结, else None


@dataclass(frozen=True)
class MonthFigures:
    first: date
    end: date
    received: int
    by_channel: tuple[tuple[str, int], ...]
    by_category: tuple[tuple[str, int], ...]
    answered: int
    response_rate: float | None  # None when nothing was received
    median_days: float | None  # None when nothing was answered in the month
    overdue_ids: tuple[int, ...]
    answered_late: int

    @property
    def response_rate_text(self) -> str:
        return "—" if self.response_rate is None else f"{self.response_rate:.1%}"

    @property
    def median_days_text(self) -> str:
        return "—" if self.median_days is None else f"{self.median_days:g} 天"


def month_figures(items: list[ItemFacts], first: date, end: date, categories: list[str]) -> MonthFigures:
    taken = [i for i in items if first <= i.received_on <= end]
    answered = [i for i in taken if i.closed_on is not None and i.closed_on <= end]
    in_month = [i for i in items if i.closed_on is not None and first <= i.closed_on <= end]
    days = [d for i in in_month if (d := days_to_answer(i.received_on, i.closed_on)) is not None]
    overdue = [
        i.id for i in items if i.received_on <= end and i.deadline < end and (i.closed_on is None or i.closed_on > end)
    ]
    channels = Counter(i.channel for i in taken)
    cats = Counter(i.category for i in taken)
    order = list(categories) + sorted(c for c in cats if c not in categories)
    return MonthFigures(
        first=first,
        end=end,
        received=len(taken),
        by_channel=tuple((c, channels[c]) for c in CHANNELS),
        by_category=tuple((c, cats[c]) for c in order if cats[c] or c in categories),
        answered=len(answered),
        response_rate=len(answered) / len(taken) if taken else None,
        median_days=float(statistics.median(days)) if days else None,
        overdue_ids=tuple(overdue),
        answered_late=sum(1 for i in in_month if answered_late(i.deadline, i.closed_on)),
    )
