"""A member's standing on a given day: who was on the roster then, and with which status.

Meetings (who should attend), the decision log (who may vote), dues (who owed that month) and
points (who was in full standing at year end) all ask "what was this member on that day", never
"what is this member now", so a meeting last spring is counted as it stood last spring.

On the roster on ``day``: joined on or before it (or joining date unknown) and not yet ended.
The status: the member's status period covering ``day`` (``member_status_periods``: 预备 until
转正, 流动 periods, 留党察看 from its decision; issue G), read in the same query. A member
without a period covering the day (a row written before the history existed, or a day before
the first period began) reads by the one-value rule: ``预备党员`` before 转正 (``full_on``),
otherwise the status recorded. One function, so every caller follows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import ColumnElement, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session

from govdesk.models import Member, MemberStatusPeriod
from govdesk.vocabulary import STATUS_PROBATIONARY


def on_roster(day: date) -> ColumnElement[bool]:
    """On the roster on ``day``: joined on or before it (or joining date unknown) and not yet ended."""
    return and_(
        or_(Member.joined_on.is_(None), Member.joined_on <= day),
        or_(Member.ended_on.is_(None), Member.ended_on > day),
    )


def roster_bits(days: Sequence[date]) -> ColumnElement[int]:
    """A member's column whose bit ``i`` is set when the member stood on the roster on ``days[i]``:
    the same rule for many days in one pass over the members (the dues book asks every month's
    end of every year with a rate; one query instead of one per day)."""
    bits: ColumnElement[int] = literal(0)
    for i, day in enumerate(days):
        bits = bits + case((on_roster(day), 1 << i), else_=0)
    return bits


def statuses_on(
    s: Session, day: date, *, member_ids: Iterable[int] | None = None, unit_id: int | None = None
) -> dict[int, str]:
    """``{member id: status on day}`` for the members on the roster that day (optionally: of a
    branch or Party group ``unit_id``, or among ``member_ids``), in roster order."""
    period = MemberStatusPeriod
    covering = and_(
        period.member_id == Member.id,
        or_(period.started_on.is_(None), period.started_on <= day),
        or_(period.ended_on.is_(None), period.ended_on > day),
    )
    recorded = case((and_(Member.full_on.is_not(None), Member.full_on > day), STATUS_PROBATIONARY), else_=Member.status)
    stmt = (
        select(Member.id, func.coalesce(period.status, recorded))
        .outerjoin(period, covering)
        .where(on_roster(day))
        .order_by(Member.branch_id, Member.id)
    )
    if unit_id is not None:
        stmt = stmt.where(or_(Member.branch_id == unit_id, Member.party_group_id == unit_id))
    if member_ids is not None:
        stmt = stmt.where(Member.id.in_(list(member_ids)))
    return {member_id: status for member_id, status in s.execute(stmt)}
