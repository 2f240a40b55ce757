"""The rules of 设岗定责 and of a member's status over time, as plain functions.

Each returns the Chinese refusal (or ``None`` when the thing is allowed), so the service, the
member form and the tests ask the same question the same way. Periods are half-open: a period
``[started_on, ended_on)`` covers ``started_on`` and stops the day before ``ended_on``, the day
the next one begins (转正 on 2025-03-01: 预备 up to 2025-02-28, 正式 from 2025-03-01). A start
of ``None`` means "since joining, date unknown"; an end of ``None`` means "still so".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from govdesk.vocabulary import STATUS_FULL, STATUS_MIGRANT, STATUS_ON_PROBATION, STATUS_PROBATIONARY

POST_NAME_MAX = 100


@dataclass(frozen=True)
class StatusChange:
    """One kind of status change the desk records (状态变更)."""

    kind: str  # what the clerk picks: 转正
    from_statuses: tuple[str, ...]
    to_status: str
    needs_decision: bool  # a decision date (决定日期) must be given
    refusal: str  # said when the member's status is not one of from_statuses


# Who may move where (中国共产党章程 and 党员教育管理工作条例, as the villages apply them): 转正 only
# from 预备; 留党察看 is a discipline for a full member (a probationary member's is 取消预备党员资格,
# which ends membership: 注销); a probationary member working away stays 预备 until 转正.
CHANGE_TO_FULL = "转正"
CHANGE_AWAY = "外出流动"
CHANGE_BACK = "流动结束"
CHANGE_DISCIPLINE = "留党察看"
CHANGE_RESTORED = "恢复党员权利"
STATUS_CHANGES: tuple[StatusChange, ...] = (
    StatusChange(CHANGE_TO_FULL, (STATUS_PROBATIONARY,), STATUS_FULL, False, "只有预备党员才能转正"),
    StatusChange(
        CHANGE_AWAY, (STATUS_FULL,), STATUS_MIGRANT, False, "只有正式党员登记为流动党员（预备党员外出仍按预备党员管理）"
    ),
    StatusChange(CHANGE_BACK, (STATUS_MIGRANT,), STATUS_FULL, False, "只有流动党员才能结束流动"),
    StatusChange(
        CHANGE_DISCIPLINE,
        (STATUS_FULL, STATUS_MIGRANT),
        STATUS_ON_PROBATION,
        True,
        "只有正式党员可给予留党察看（预备党员应取消预备党员资格）",
    ),
    StatusChange(CHANGE_RESTORED, (STATUS_ON_PROBATION,), STATUS_FULL, True, "只有留党察看的党员才能恢复党员权利"),
)
CHANGE_KINDS = tuple(c.kind for c in STATUS_CHANGES)


def change_named(kind: str) -> StatusChange | None:
    return next((c for c in STATUS_CHANGES if c.kind == kind), None)


def change_between(current: str, wanted: str) -> StatusChange | None:
    """The change that moves ``current`` to ``wanted`` (the member form picks a status, not a change)."""
    return next((c for c in STATUS_CHANGES if current in c.from_statuses and c.to_status == wanted), None)


def refuse_change(
    change: StatusChange,
    current: str,
    on: date,
    current_since: date | None,
    today: date,
    decided_on: date | None = None,
) -> str | None:
    """Why ``change`` cannot be recorded for a member whose status is ``current`` since
    ``current_since``, taking effect ``on`` — or ``None``."""
    if current not in change.from_statuses:
        return f"{change.refusal}（现为{current}）"
    if on > today:
        return "变更日期不能晚于今天"
    if current_since is not None and on <= current_since:
        return f"变更日期应晚于现状态的开始日期（{current_since:%Y-%m-%d}起为{current}）"
    if change.needs_decision and decided_on is None:
        return f"{change.kind}须填写决定日期"
    if decided_on is not None and decided_on > today:
        return "决定日期不能晚于今天"
    return None


def refuse_span(started_on: date | None, ended_on: date | None) -> str | None:
    """A period's or an assignment's end comes after its start."""
    if started_on is not None and ended_on is not None and ended_on <= started_on:
        return f"结束日期应晚于开始日期（{started_on:%Y-%m-%d}）"
    return None


def first_overlap(
    spans: Sequence[tuple[date | None, date | None]],
) -> tuple[int, int] | None:
    """The first two spans (indexes, in the given order) that share a day, or ``None``.

    ``None`` as a start reads as the beginning of time, as an end as "still running"."""
    lo, hi = date.min, date.max
    order = sorted(range(len(spans)), key=lambda i: spans[i][0] or lo)
    for a, b in zip(order, order[1:], strict=False):
        end_a = spans[a][1] or hi
        start_b = spans[b][0] or lo
        if start_b < end_a:
            return (a, b) if a < b else (b, a)
    return None


def refuse_post_name(name: str) -> str | None:
    if not name:
        return "岗位名称不能为空"
    if len(name) > POST_NAME_MAX:
        return f"岗位名称不能超过 {POST_NAME_MAX} 个字"
    return None


def refuse_assignment(holds_already: bool, member_ended: bool) -> str | None:
    """A member takes a post: on the roster and not already holding it."""
    if member_ended:
        return "该党员已注销，不能再分配岗位"
    if holds_already:
        return "该党员已在此岗位上"
    return None


def refuse_assignment_start(started_on: date, today: date, joined_on: date | None) -> str | None:
    """The first day on a post: not in the future, not before joining the Party."""
    if started_on > today:
        return "任岗日期不能晚于今天"
    if joined_on is not None and started_on < joined_on:
        return f"任岗日期不能早于入党时间（{joined_on:%Y-%m-%d}）"
    return None


def refuse_assignment_end(started_on: date, ended_on: date, today: date) -> str | None:
    if ended_on > today:
        return "离岗日期不能晚于今天"
    return refuse_span(started_on, ended_on)


POST_TEXT_SEPARATORS = "、，,;；/"


def split_post_text(text: str) -> list[str]:
    """The posts named in a register's 岗位 cell: "政策宣传岗、环境监督岗" → two names, in order, once each."""
    names: list[str] = []
    current = text
    for sep in POST_TEXT_SEPARATORS[1:]:
        current = current.replace(sep, POST_TEXT_SEPARATORS[0])
    for part in current.split(POST_TEXT_SEPARATORS[0]):
        name = part.strip()
        if name and name not in names:
            names.append(name)
    return names


def post_text(names: Sequence[str]) -> str:
    """The member's current posts as one text (the register's 岗位 column)."""
    return POST_TEXT_SEPARATORS[0].join(names)
