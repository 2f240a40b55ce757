"""Around a member: households linked to them (党员联户) and the plaque on their home (挂牌亮户)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import aliased

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label
from govdesk.models import Household, Member, MemberHouseholdLink, Resident
from govdesk.models.people_details import PLAQUE_KINDS
from govdesk.services.people_common import fetch_record, is_active_head
from govdesk.validation import Checker, clean_text, parse_date

if TYPE_CHECKING:
    from govdesk.services.meetings_query import MemberYear


@dataclass(frozen=True)
class LinkRow:
    id: int
    household_id: int
    number: str
    head: str
    address: str
    started_on: date
    ended_on: date | None


class MemberDetailsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def links(self, member_id: int, include_ended: bool = False) -> list[LinkRow]:
        head = aliased(Resident)
        stmt = (
            select(
                MemberHouseholdLink.id,
                Household.id,
                Household.number,
                head.name,
                Household.address,
                MemberHouseholdLink.started_on,
                MemberHouseholdLink.ended_on,
            )
            .join(Household, Household.id == MemberHouseholdLink.household_id)
            .outerjoin(head, is_active_head(head, Household.id))
            .where(MemberHouseholdLink.member_id == member_id)
            .order_by(Household.number)
        )
        if not include_ended:
            stmt = stmt.where(MemberHouseholdLink.ended_on.is_(None))
        with self.db.session() as s:
            return [LinkRow(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6]) for r in s.execute(stmt)]

    @writes(Changes.MEMBERS | Changes.HOUSEHOLDS)
    def link_household(self, member_id: int, household_id: int, started_on: Any) -> int:
        """党员联户: the member starts keeping in touch with a household."""
        c = Checker()
        start = c.required_date("link_started_on", started_on)
        c.raise_if_any()
        with self.db.transaction() as s:
            fetch_record(s, Member, member_id)
            fetch_record(s, Household, household_id)
            active = s.scalar(
                select(MemberHouseholdLink.id).where(
                    MemberHouseholdLink.member_id == member_id,
                    MemberHouseholdLink.household_id == household_id,
                    MemberHouseholdLink.ended_on.is_(None),
                )
            )
            if active is not None:
                raise ValidationError(
                    [FieldError("linked_households", label("linked_households"), "这一户已在联系名单中")]
                )
            link = MemberHouseholdLink(member_id=member_id, household_id=household_id, started_on=start)
            s.add(link)
            s.flush()
            return link.id

    @writes(Changes.MEMBERS | Changes.HOUSEHOLDS)
    def end_link(self, link_id: int, ended_on: Any) -> None:
        c = Checker()
        end = c.required_date("ended_on", ended_on)
        c.raise_if_any()
        with self.db.transaction() as s:
            link = fetch_record(s, MemberHouseholdLink, link_id)
            if end < link.started_on:
                raise ValidationError([FieldError("ended_on", label("ended_on"), "不能早于联户开始日期")])
            link.ended_on = end

    @writes(Changes.MEMBERS)
    def set_plaque(self, member_id: int, kind: Any, on: Any) -> None:
        """挂牌亮户: record the plaque and the day it went up; an empty kind takes it down."""
        c = Checker()
        text = clean_text(kind)
        day = c.run("plaque_on", parse_date, on)
        if text and text not in PLAQUE_KINDS:
            c.fail("plaque_kind", "应为：" + "、".join(PLAQUE_KINDS))
        if text and day is None and not c.errors:
            c.fail("plaque_on", "不能为空")
        if day and day > date.today():
            c.fail("plaque_on", "不能晚于今天")
        c.raise_if_any()
        with self.db.transaction() as s:
            m = fetch_record(s, Member, member_id)
            m.plaque_kind, m.plaque_on = (text, day) if text else ("", None)

    def dues_this_year(self, member_id: int, today: date | None = None) -> str:
        """党费: the member's monthly amount, months paid this year and arrears, in one line."""
        from govdesk.services.dues_query import DuesQueries

        day = today or date.today()
        return DuesQueries(self.db, clock=lambda: datetime.combine(day, time(12))).member_year(member_id).summary()

    @writes(Changes.MEMBERS | Changes.RESIDENTS)
    def link_to_resident(self, member_id: int) -> int | None:
        """Link a member to the resident with the same ID number (and so to their household)."""
        with self.db.transaction() as s:
            m = fetch_record(s, Member, member_id)
            r = s.execute(select(Resident.id, Resident.household_id).where(Resident.id_number == m.id_number)).first()
            if r is None:
                return None
            m.resident_id, m.household_id = r[0], r[1]
            return int(r[0])

    def meetings(self, member_id: int, year: int | None = None) -> MemberYear:
        """The member's meetings of ``year`` (this year by default): attended, on leave, absent, rate."""
        from govdesk.services.meetings_query import MeetingQueries

        return MeetingQueries(self.db).member_year(member_id, year)
