"""志愿服务 rules, table-driven (govdesk.volunteers.rules)."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.errors import ValidationError
from govdesk.volunteers.rules import (
    check_hours,
    check_membership,
    check_participants,
    hours_totals,
    on_team,
    points_wanted,
)

D = date


# Rule: on the team from joining until the day before leaving (left_on is the first day off).
@pytest.mark.parametrize(
    ("joined", "left", "day", "on"),
    [
        (D(2026, 3, 1), None, D(2026, 3, 1), True),
        (D(2026, 3, 1), None, D(2026, 2, 28), False),
        (D(2026, 3, 1), D(2026, 6, 1), D(2026, 5, 31), True),
        (D(2026, 3, 1), D(2026, 6, 1), D(2026, 6, 1), False),
        (D(2026, 3, 1), D(2026, 6, 1), D(2027, 1, 1), False),
    ],
)
def test_on_team(joined: date, left: date | None, day: date, on: bool) -> None:
    assert on_team(joined, left, day) is on


# Rule: leaving after joining; a person's stints on one team do not overlap.
@pytest.mark.parametrize(
    ("joined", "left", "others", "message"),
    [
        (D(2026, 1, 1), None, [], None),
        (D(2026, 7, 1), None, [(D(2025, 1, 1), D(2026, 7, 1))], None),  # rejoined the day the old stint ended
        (D(2026, 1, 1), D(2026, 1, 1), [], "应晚于加入日期"),
        (D(2026, 6, 1), None, [(D(2025, 1, 1), D(2026, 7, 1))], "重叠"),
        (D(2024, 6, 1), D(2025, 6, 1), [(D(2025, 1, 1), None)], "重叠"),
        (None, None, [], "不能为空"),
    ],
)
def test_membership_dates(joined: date | None, left: date | None, others: list, message: str | None) -> None:
    if message is None:
        check_membership(joined, left, others)
    else:
        with pytest.raises(ValidationError, match=message):
            check_membership(joined, left, others)


# Rule: hours per person and activity are more than 0 and at most 24.
@pytest.mark.parametrize(("value", "hours"), [("2", 2.0), ("0.5", 0.5), ("24", 24.0), (3, 3.0), ("1.25", 1.2)])
def test_hours_accepted(value: object, hours: float) -> None:
    assert check_hours(value) == hours


@pytest.mark.parametrize(
    ("value", "message"), [("0", "大于 0"), ("25", "不超过 24"), ("-2", "大于 0"), ("两", "不是数字")]
)
def test_hours_refused(value: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        check_hours(value, "王芳")


# Rule: a participant must be a volunteer of the team on the activity's day.
@pytest.mark.parametrize(
    ("day", "memberships", "refused"),
    [
        (D(2026, 5, 1), {1: [(D(2026, 1, 1), None)], 2: [(D(2025, 1, 1), D(2027, 1, 1))]}, ""),
        (D(2026, 5, 1), {1: [(D(2026, 6, 1), None)], 2: [(D(2025, 1, 1), None)]}, "张三"),
        (D(2026, 5, 1), {1: [(D(2026, 1, 1), None)], 2: [(D(2025, 1, 1), D(2026, 5, 1))]}, "李四"),
        (D(2026, 5, 1), {1: [(D(2024, 1, 1), D(2025, 1, 1)), (D(2026, 4, 1), None)], 2: [(D(2025, 1, 1), None)]}, ""),
        (D(2026, 5, 1), {1: [(D(2026, 1, 1), None)]}, "李四"),  # not on the team at all
    ],
)
def test_participants_on_team(day: date, memberships: dict, refused: str) -> None:
    names = {1: "张三", 2: "李四"}
    hours = {1: 2.0, 2: 3.0}
    if not refused:
        check_participants(day, hours, memberships, names)
    else:
        with pytest.raises(ValidationError, match=f"{refused} 在 2026-05-01 不是本队志愿者"):
            check_participants(day, hours, memberships, names)


def test_an_activity_needs_a_participant() -> None:
    with pytest.raises(ValidationError, match="至少要有一位"):
        check_participants(D(2026, 5, 1), {}, {}, {})


# Rule: totals per person (or team) count each activity once and add the hours.
@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ([], {}),
        ([("a", 1, 2.0), ("a", 2, 1.5), ("b", 1, 2.0)], {"a": (2, 3.5), "b": (1, 2.0)}),
        ([("t", 1, 2.0), ("t", 1, 3.0), ("t", 2, 0.1), ("t", 3, 0.2)], {"t": (3, 5.3)}),  # team: 3 activities
    ],
)
def test_hours_totals(parts: list, expected: dict) -> None:
    totals = hours_totals(parts)
    assert {k: (v.activities, v.hours) for k, v in totals.items()} == expected


# Rule: each Party member among the participants is owed one 志愿服务 entry; residents who are not
# members are owed none; a participant listed twice still gives one.
@pytest.mark.parametrize(
    ("participants", "members", "expected"),
    [
        ([1, 2, 3], {2: 20}, {20: "志愿服务"}),
        ([1, 2, 3], {}, {}),
        ([2, 2, 3], {2: 20, 3: 30, 4: 40}, {20: "志愿服务", 30: "志愿服务"}),
        ([], {2: 20}, {}),
    ],
)
def test_points_wanted(participants: list[int], members: dict[int, int], expected: dict[int, str]) -> None:
    assert points_wanted(participants, members) == expected
