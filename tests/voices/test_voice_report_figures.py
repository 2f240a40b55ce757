"""The monthly report's figures on hand-built items (govdesk.voices.report)."""

from __future__ import annotations

from datetime import date

from govdesk.voices.report import ItemFacts, month_figures

NOV1, NOV30 = date(2026, 11, 1), date(2026, 11, 30)
CATS = ["道路交通", "水利", "其他"]


def f(
    i: int, received: date, deadline: date, closed: date | None, channel: str = "来电", cat: str = "水利"
) -> ItemFacts:
    return ItemFacts(i, received, channel, cat, deadline, closed)


ITEMS = [
    f(1, date(2026, 10, 20), date(2026, 10, 27), date(2026, 11, 3)),  # October's, answered late in November
    f(2, date(2026, 10, 25), date(2026, 11, 1), None),  # October's, still open: overdue
    f(3, date(2026, 11, 2), date(2026, 11, 9), date(2026, 11, 4), "湾子夜话", "道路交通"),  # 2 days
    f(4, date(2026, 11, 5), date(2026, 11, 12), date(2026, 11, 11), "湾子夜话", "道路交通"),  # 6 days
    f(5, date(2026, 11, 10), date(2026, 11, 17), None, "来访"),  # overdue
    f(6, date(2026, 11, 25), date(2026, 12, 2), None, "来访", "环保"),  # a category since removed
    f(7, date(2026, 11, 28), date(2026, 12, 5), date(2026, 12, 2)),  # answered after the month
]


def test_month_figures_count_each_rule() -> None:
    m = month_figures(ITEMS, NOV1, NOV30, CATS)
    assert m.received == 5  # 3, 4, 5, 6, 7
    assert dict(m.by_channel) == {"湾子夜话": 2, "入户走访": 0, "来电": 1, "来访": 2, "网格员上报": 0, "其他": 0}
    assert m.by_category == (("道路交通", 2), ("水利", 2), ("其他", 0), ("环保", 1))
    assert m.answered == 2  # 3 and 4 (7 only in December)
    assert m.response_rate_text == "40.0%"
    assert m.median_days == 6.0  # items 1 (14 days), 3 (2), 4 (6) answered in November
    assert m.overdue_ids == (2, 5)
    assert m.answered_late == 1  # item 1


def test_within_the_month_the_report_reads_up_to_today() -> None:
    m = month_figures(ITEMS, NOV1, date(2026, 11, 8), CATS)
    assert (m.received, m.answered, m.overdue_ids) == (2, 1, (2,))  # item 1 answered on the 3rd; 5 not yet due


def test_an_empty_month_says_dash_not_zero_division() -> None:
    m = month_figures([], NOV1, NOV30, CATS)
    assert (m.received, m.response_rate_text, m.median_days_text) == (0, "—", "—")
