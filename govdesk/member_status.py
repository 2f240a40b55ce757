"""A member's standing on a given day: who was on the roster then, and with which status.

Meetings (who should attend), the decision log (who may vote), dues (who owed that month) and
points (who was in full standing at year end) all ask "what was this member on that day", never
"what is this member now", so a meeting last spring is counted as it stood last spring.

On the roster on ``day``: joined on or before it (or joining date unknown) and not yet ended.
The status: ``预备党员`` before the member was made full (转正, ``full_on``), otherwise the status
recorded. The status history (流动 and 留党察看 periods, issue G) refines the second part here,
in this one function, so every caller follows.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from govdesk.models import Member
from govdesk.vocabulary import STATUS_PROBATIONARY


def statuses_on(
    s: Session, day: date, *, member_ids: Iterable[int] | None = None, unit_id: int | None = None
) -> dict[int, str]:
    """``{member id: status on day}`` for the members on the roster that day (optionally: of a
    branch or Party group ``unit_id``, or among ``member_ids``), in roster order."""
    stmt = (
        select(Member.id, Member.status, Member.full_on)
        .where(or_(Member.joined_on.is_(None), Member.joined_on <= day))
        .where(or_(Member.ended_on.is_(None), Member.ended_on > day))
        .order_by(Member.branch_id, Member.id)
    )
    if unit_id is not None:
        stmt = stmt.where(or_(Member.branch_id == unit_id, Member.party_group_id == unit_id))
    if member_ids is not None:
        stmt = stmt.where(Member.id.in_(list(member_ids)))
    return {
        member_id: STATUS_PROBATIONARY if full_on is not None and day < full_on else status
        for member_id, status, full_on in s.execute(stmt)
    }
