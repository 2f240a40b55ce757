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

from collections.abc import Iterable
from datetime import date

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from govdesk.models import Member, MemberStatusPeriod
from govdesk.vocabulary import STATUS_PROBATIONARY


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
        .where(or_(Member.joined_on.is_(None), Member.joined_on <= day))
        .where(or_(Member.ended_on.is_(None), Member.ended_on > day))
        .order_by(Member.branch_id, Member.id)
    )
    if unit_id is not None:
        stmt = stmt.where(or_(Member.branch_id == unit_id, Member.party_group_id == unit_id))
    if member_ids is not None:
        stmt = stmt.where(Member.id.in_(list(member_ids)))
    return {member_id: status for member_id, status in s.execute(stmt)}
