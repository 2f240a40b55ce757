"""Who should attend a meeting, computed from the roster as it stood on the meeting date.

The count a rule is applied to is never typed in: it is the length of this list, and the
list itself is stored with the meeting as a tick list, so anyone can audit 应到 31 人
name by name years later. "On that date" means: the post or seat had started and not yet
ended; a member had already been made full (转正) — a probationary member had no vote then
even if full today. A member's standing on the day is ``govdesk.member_status.statuses_on``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from govdesk.decisions import quorum
from govdesk.member_status import statuses_on
from govdesk.models import BodySeat, Cadre, Household, Member, Resident
from govdesk.models.decisions import BODY_REPRESENTATIVES, BODY_SUPERVISION
from govdesk.models.people import RELATION_HEAD, VOTING_STATUSES

ADULT_YEARS = 18


@dataclass(frozen=True)
class Seat:
    """One person (or household) who should attend."""

    kind: str  # cadre / member / seat / resident / household
    id: int
    name: str
    role: str = ""

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind, self.id)


def _active(col_start: object, col_end: object, on: date) -> list[object]:
    return [or_(col_start.is_(None), col_start <= on), or_(col_end.is_(None), col_end > on)]  # type: ignore[attr-defined]


def _cadres(s: Session, on: date, *, branch_only: bool) -> list[Seat]:
    stmt = select(Cadre).where(*_active(Cadre.started_on, Cadre.ended_on, on)).order_by(Cadre.sort_order, Cadre.id)
    if branch_only:
        stmt = stmt.where(Cadre.on_branch_committee.is_(True))
    else:
        stmt = stmt.where(or_(Cadre.on_branch_committee.is_(True), Cadre.on_village_committee.is_(True)))
    return [Seat("cadre", c.id, c.name, c.post) for c in s.scalars(stmt)]


def _voting_members(s: Session, on: date) -> list[Seat]:
    statuses = statuses_on(s, on)  # the one rule of a member's standing on a day
    voting = [member_id for member_id, status in statuses.items() if status in VOTING_STATUSES]
    names: dict[int, str] = {i: n for i, n in s.execute(select(Member.id, Member.name).where(Member.id.in_(voting)))}
    return [Seat("member", member_id, names[member_id], statuses[member_id]) for member_id in voting]


def _body(s: Session, body: str, on: date) -> list[Seat]:
    stmt = (
        select(BodySeat)
        .where(BodySeat.body == body)
        .where(BodySeat.started_on <= on)
        .where(or_(BodySeat.ended_on.is_(None), BodySeat.ended_on > on))
        .order_by(BodySeat.id)
    )
    return [Seat("seat", b.id, b.name, body) for b in s.scalars(stmt)]


def _adults(s: Session, on: date) -> list[Seat]:
    try:
        cutoff = on.replace(year=on.year - ADULT_YEARS)
    except ValueError:  # 29 February
        cutoff = on.replace(year=on.year - ADULT_YEARS, day=28)
    stmt = (
        select(Resident)
        .join(Household, Household.id == Resident.household_id)
        .where(Resident.birth_date <= cutoff)
        .where(or_(Resident.ended_on.is_(None), Resident.ended_on > on))
        .where(or_(Household.ended_on.is_(None), Household.ended_on > on))
        .order_by(Household.number, Resident.id)
    )
    return [Seat("resident", r.id, r.name) for r in s.scalars(stmt)]


def _households(s: Session, on: date) -> list[Seat]:
    stmt = (
        select(Household.id, Household.number, Resident.name)
        .outerjoin(Resident, (Resident.household_id == Household.id) & (Resident.relation == RELATION_HEAD))
        .where(or_(Household.ended_on.is_(None), Household.ended_on > on))
        .order_by(Household.number)
    )
    seen: set[int] = set()
    out: list[Seat] = []
    for hid, number, head in s.execute(stmt):
        if hid not in seen:
            seen.add(hid)
            out.append(Seat("household", hid, head or f"{number} 户", f"户号 {number}"))
    return out


def should_attend(s: Session, rule_id: str, on: date) -> list[Seat]:
    """The people a rule counts as should-attend on ``on``, in the order the tick list shows them."""
    seat = quorum.rule(rule_id).seat
    if seat == quorum.SEAT_BRANCH_COMMITTEE:
        return _cadres(s, on, branch_only=True)
    if seat == quorum.SEAT_TWO_COMMITTEES:
        return _cadres(s, on, branch_only=False)
    if seat == quorum.SEAT_VOTING_MEMBERS:
        return _voting_members(s, on)
    if seat == quorum.SEAT_REPRESENTATIVES:
        return _body(s, BODY_REPRESENTATIVES, on)
    if seat == quorum.SEAT_SUPERVISION:
        return _body(s, BODY_SUPERVISION, on)
    if seat == quorum.SEAT_ADULTS:
        return _adults(s, on)
    if seat == quorum.SEAT_HOUSEHOLDS:
        return _households(s, on)
    raise ValueError(f"未知的应到人员范围：{seat}")
