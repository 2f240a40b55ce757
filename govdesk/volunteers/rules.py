"""志愿服务 rules, plain functions (table-driven tests in tests/volunteers/test_volunteer_rules.py).

- A volunteer is on a team on a day when they joined on or before it and had not yet left
  (``left_on`` is the first day no longer on the team, like a member's ``ended_on``): ``on_team``.
- Leaving comes after joining; one person's memberships of one team do not overlap.
- Only volunteers of the team on the activity's day take part; hours are more than 0 and at most
  24 per person and activity (``check_hours``).
- Hours add up per person and per team over the year (``hours_totals``).
- Points (issue G): each Party member among an activity's participants is owed one 志愿服务
  entry for that activity, never two (``points_wanted``): the points ledger's sync is idempotent
  per source, so saving an activity again or changing its hours does not add a second entry.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from govdesk.errors import FieldError, ValidationError
from govdesk.validation import clean_text

POINTS_TAG = "志愿服务"
MAX_HOURS = 24.0
DEFAULT_TEAMS: tuple[tuple[str, str], ...] = (
    ("应急救助服务队", "汛期巡堤、火情险情、突发事件的第一时间救助"),
    ("日常服务队", "为群众代办事项、政策宣传、文明实践活动"),
    ("矛盾调解服务队", "邻里纠纷、家庭矛盾的上门调解"),
    ("环境卫生服务队", "村道、河塘、公共场所的清扫保洁"),
    ("关爱老人服务队", "探望留守和独居老人，理发、送餐、陪护"),
)
K = TypeVar("K", bound=Hashable)


def on_team(joined_on: date, left_on: date | None, day: date) -> bool:
    """On the team that day: joined on or before it, not yet left (left_on is the first day off)."""
    return joined_on <= day and (left_on is None or day < left_on)


def check_membership(joined_on: date | None, left_on: date | None, others: Iterable[tuple[date, date | None]]) -> None:
    """A membership's dates: joining given, leaving after joining, no overlap with the person's others."""
    if joined_on is None:
        raise ValidationError([FieldError("volunteer_joined_on", "加入日期", "不能为空")])
    if left_on is not None and left_on <= joined_on:
        raise ValidationError([FieldError("volunteer_left_on", "退出日期", "应晚于加入日期")])
    for start, end in others:
        if joined_on < (end or date.max) and start < (left_on or date.max):
            until = f"至 {end.isoformat()}" if end else "至今"
            raise ValidationError(
                [
                    FieldError(
                        "volunteer_joined_on", "加入日期", f"与此人在本队已有的一段（{start.isoformat()} {until}）重叠"
                    )
                ]
            )


def check_hours(value: object, name: str = "") -> float:
    """Hours one person served in one activity: more than 0, at most 24, to one decimal."""
    text = clean_text(str(value)) if value is not None else ""
    try:
        hours = float(text)
    except ValueError:
        raise ValidationError([FieldError("volunteer_hours", "服务时长", f"{name}的时长“{text}”不是数字")]) from None
    if not 0 < hours <= MAX_HOURS:
        raise ValidationError(
            [FieldError("volunteer_hours", "服务时长", f"{name}的时长应大于 0 且不超过 {MAX_HOURS:g} 小时")]
        )
    return round(hours, 1)


def check_participants(
    day: date,
    hours: Mapping[int, float],
    memberships: Mapping[int, list[tuple[date, date | None]]],
    names: Mapping[int, str],
) -> None:
    """Every participant was a volunteer of the team on the activity's day."""
    if not hours:
        raise ValidationError([FieldError("volunteer_participants", "参加人员", "至少要有一位参加的志愿者")])
    outside = [
        names.get(rid, str(rid))
        for rid in hours
        if not any(on_team(start, end, day) for start, end in memberships.get(rid, []))
    ]
    if outside:
        raise ValidationError(
            [
                FieldError(
                    "volunteer_participants",
                    "参加人员",
                    f"{'、'.join(outside)} 在 {day.isoformat()} 不是本队志愿者（先登记加入本队，或改正活动日期）",
                )
            ]
        )


@dataclass(frozen=True)
class HoursTotal:
    activities: int
    hours: float


def hours_totals(parts: Iterable[tuple[K, int, float]]) -> dict[K, HoursTotal]:
    """``(who or which team, activity id, hours)`` → activities (counted once each) and hours, per key."""
    seen: dict[K, set[int]] = {}
    hours: dict[K, float] = {}
    for key, activity_id, h in parts:
        seen.setdefault(key, set()).add(activity_id)
        hours[key] = hours.get(key, 0.0) + h
    return {key: HoursTotal(len(seen[key]), round(hours[key], 1)) for key in seen}


def points_wanted(participants: Iterable[int], member_of_resident: Mapping[int, int]) -> dict[int, str]:
    """``{member id: 志愿服务}`` for the participants (resident ids) who are Party members: one each."""
    return {member_of_resident[rid]: POINTS_TAG for rid in participants if rid in member_of_resident}
