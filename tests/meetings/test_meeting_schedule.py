"""The schedule rules (支部工作条例 articles 19–21), one table row per rule and case."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.meetings.kinds import MEETING_KINDS
from govdesk.meetings.schedule import MONTH, QUARTER, SCHEDULE_RULES, YEAR, period_of, unit_warnings

RULE = {r.kind: r for r in SCHEDULE_RULES}


def test_every_kind_has_its_rule_and_source() -> None:
    assert set(RULE) == set(MEETING_KINDS)
    assert {r.kind: r.period for r in SCHEDULE_RULES} == {
        "支部党员大会": QUARTER,  # 第十九条：党员大会一般每季度召开1次
        "党课": QUARTER,  # 第十九条：党课一般每季度1次
        "支委会": MONTH,  # 第十九条：支部委员会会议一般每月召开1次
        "党小组会": MONTH,  # 第十九条：党小组会一般每月召开1次
        "主题党日": MONTH,  # 第十九条：每月相对固定1天开展主题党日
        "组织生活会": YEAR,  # 第二十条：组织生活会一般每年召开1次
        "民主评议党员": YEAR,  # 第二十一条：一般每年开展1次民主评议党员
    }
    assert all(r.source.startswith("支部工作条例第") for r in SCHEDULE_RULES)


@pytest.mark.parametrize(
    ("day", "period", "first", "last"),
    [
        (date(2026, 11, 22), MONTH, date(2026, 11, 1), date(2026, 11, 30)),
        (date(2026, 2, 28), MONTH, date(2026, 2, 1), date(2026, 2, 28)),
        (date(2026, 12, 31), MONTH, date(2026, 12, 1), date(2026, 12, 31)),
        (date(2026, 11, 22), QUARTER, date(2026, 10, 1), date(2026, 12, 31)),
        (date(2026, 1, 1), QUARTER, date(2026, 1, 1), date(2026, 3, 31)),
        (date(2026, 6, 30), QUARTER, date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 11, 22), YEAR, date(2026, 1, 1), date(2026, 12, 31)),
    ],
)
def test_periods(day: date, period: str, first: date, last: date) -> None:
    assert period_of(day, period) == (first, last)


SINCE = date(2025, 1, 1)  # meetings recorded since then


@pytest.mark.parametrize(
    ("kind", "held", "today", "since", "texts"),
    [
        # 党员大会 once a quarter: none this quarter and 52 days gone → warned with the days
        (
            "支部党员大会",
            [date(2026, 8, 5)],
            date(2026, 11, 22),
            SINCE,
            ["第一支部：本季度尚未召开支部党员大会（已过 52 天）"],
        ),
        # … held this quarter: nothing
        ("支部党员大会", [date(2026, 8, 5), date(2026, 10, 9)], date(2026, 11, 22), SINCE, []),
        # … less than half the quarter gone: not yet
        ("支部党员大会", [date(2026, 8, 5)], date(2026, 11, 10), SINCE, []),
        # … the last quarter had none
        (
            "支部党员大会",
            [date(2026, 5, 5), date(2026, 10, 9)],
            date(2026, 11, 22),
            SINCE,
            ["第一支部：上季度未召开支部党员大会"],
        ),
        # 党课 once a quarter, same way
        (
            "党课",
            [],
            date(2026, 5, 20),
            SINCE,
            ["第一支部：上季度未召开党课", "第一支部：本季度尚未召开党课（已过 49 天）"],
        ),
        # 支委会 once a month: half of November gone
        ("支委会", [date(2026, 10, 8)], date(2026, 11, 22), SINCE, ["第一支部：本月尚未召开支委会（已过 21 天）"]),
        ("支委会", [date(2026, 10, 8)], date(2026, 11, 14), SINCE, []),
        # 主题党日 once a month: October missed
        (
            "主题党日",
            [date(2026, 9, 15), date(2026, 11, 3)],
            date(2026, 11, 22),
            SINCE,
            ["第一支部：上月未召开主题党日"],
        ),
        # 党小组会 once a month
        ("党小组会", [date(2026, 10, 20), date(2026, 11, 20)], date(2026, 11, 22), SINCE, []),
        # 组织生活会 once a year: none this year past mid-year; last year had one
        (
            "组织生活会",
            [date(2025, 12, 28)],
            date(2026, 11, 22),
            SINCE,
            ["第一支部：本年度尚未召开组织生活会（已过 325 天）"],
        ),
        # 民主评议党员 once a year: none last year either
        ("民主评议党员", [], date(2026, 3, 1), SINCE, ["第一支部：上年度未召开民主评议党员"]),
        # a database recording meetings only since this year: no warning about last year
        ("民主评议党员", [], date(2026, 3, 1), date(2026, 2, 1), []),
        ("民主评议党员", [], date(2026, 3, 1), None, []),
        # a meeting later than today (typed ahead) does not count
        ("支委会", [date(2026, 11, 25)], date(2026, 11, 22), None, ["第一支部：本月尚未召开支委会（已过 21 天）"]),
    ],
)
def test_schedule_warnings(kind: str, held: list[date], today: date, since: date | None, texts: list[str]) -> None:
    assert [w.text for w in unit_warnings(1, "第一支部", RULE[kind], held, today, since)] == texts


def test_service_warns_per_unit_and_counts_the_general_branch_for_its_branches(town, meetings) -> None:  # type: ignore[no-untyped-def]
    from govdesk.services.meetings import MeetingInput

    today = meetings.today()  # 2026-11-23: 53 days into the quarter, 22 into the month
    meetings.create(MeetingInput("支部党员大会", town.first, date(2026, 10, 12), "", "", "", "审议"))
    meetings.create(MeetingInput("党课", town.general, date(2026, 10, 20), "", "", "", "全村党课"))
    meetings.create(MeetingInput("党课", town.general, date(2026, 7, 20), "", "", "", "全村党课"))
    texts = [w.text for w in meetings.schedule_warnings(today)]
    assert "第二支部：本季度尚未召开支部党员大会（已过 53 天）" in texts
    assert not any(t.startswith("第一支部：") and "支部党员大会" in t for t in texts)
    assert not any("党课" in t for t in texts)  # the 党总支's lectures count for both branches
    assert "第一党小组：本月尚未召开党小组会（已过 22 天）" in texts
    assert not any(t.startswith("总支：") for t in texts)  # the rules are the branches' and groups'
    only_second = meetings.schedule_warnings(today, unit_id=town.second)
    assert only_second and all(w.unit_id == town.second for w in only_second)
