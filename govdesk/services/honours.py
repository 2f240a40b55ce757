"""评先评优: the honour catalogue, nominations and the decision of who is honoured.

The rules (one household or one person, years, 提名 → 授予) are ``govdesk.honours.rules``; this
service reads (``HonourQueries``) and writes, each write in one transaction that writes
nothing when refused. The 光荣榜 and the Excel export are ``honours_print``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.honours.rules import (
    RECIPIENT_HOUSEHOLD,
    STATUS_AWARDED,
    HonourData,
    HonourInput,
    check_award,
    check_catalogue,
)
from govdesk.labels import label
from govdesk.models import HonourAward, HonourKind, Household, Matter, Member, Resident
from govdesk.models.people import RELATION_HEAD
from govdesk.services.honours_query import (  # noqa: F401 - the window imports these from here
    HonourLine,
    HonourQueries,
    RollEntry,
    catalogue_in,
    matter_text,
)


@dataclass(frozen=True)
class HonourView:
    id: int
    data: HonourInput  # the stored values, as a form edits them
    recipient: str  # 户 / 个人
    recipient_name: str
    matter: str  # "2026-005 …" or ''


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, label(field), message)])


def household_name(s: Session, household: Household) -> str:
    """How a household reads on the roll: 王建国户 (its head), or 户号 0101 without one."""
    head = s.scalar(
        select(Resident.name).where(Resident.household_id == household.id, Resident.relation == RELATION_HEAD)
    )
    return f"{head}户" if head else f"户号 {household.number}"


class HonourService(HonourQueries):
    """The writes of 评先评优 (reads in ``HonourQueries``)."""

    @writes(Changes.VILLAGE_LIFE)
    def set_catalogue(self, lines: Sequence[tuple[Any, Any]]) -> None:
        """Replace the catalogue (order kept). Entries keep the honour they were given under."""
        clean = check_catalogue(list(lines))
        with self.db.transaction() as s:
            s.execute(delete(HonourKind))
            s.add_all(HonourKind(name=n, recipient=r, sort_order=i) for i, (n, r) in enumerate(clean))

    # --- entries ----------------------------------------------------------------------------
    def _checked(self, s: Session, data: HonourInput, own: HonourAward | None = None) -> HonourData:
        catalogue = dict(catalogue_in(s))
        if own is not None and own.honour not in catalogue:
            catalogue[own.honour] = own.recipient  # an honour since removed from the catalogue stays valid
        return check_award(data, self.today(), catalogue, own.status if own is not None else None)

    @staticmethod
    def _fill(s: Session, award: HonourAward, d: HonourData) -> None:
        """Store a checked entry with its recipient's name; refuse a second identical honour."""
        household_id, resident_id, member_id = d.household_id, d.resident_id, d.member_id
        if d.recipient == RECIPIENT_HOUSEHOLD:
            household = s.get(Household, household_id)
            if household is None:
                raise _fail("honour_recipient", "找不到这户")
            name = household_name(s, household)
        elif resident_id is not None:
            resident = s.get(Resident, resident_id)
            if resident is None:
                raise _fail("honour_recipient", "找不到这位居民")
            name = resident.name
            member_id = s.scalar(select(Member.id).where(Member.resident_id == resident_id, Member.ended_on.is_(None)))
        else:
            member = s.get(Member, member_id)
            if member is None:
                raise _fail("honour_recipient", "找不到这位党员")
            name, resident_id = member.name, member.resident_id
        if d.matter_id is not None and s.get(Matter, d.matter_id) is None:
            raise _fail("honour_matter", "找不到这个决策事项")
        same = select(HonourAward.id).where(
            HonourAward.year == d.year,
            HonourAward.honour == d.honour,
            HonourAward.level == d.level,
            HonourAward.id != (award.id or 0),
        )
        if d.recipient == RECIPIENT_HOUSEHOLD:
            same = same.where(HonourAward.household_id == household_id)
        elif resident_id is not None:
            same = same.where(HonourAward.resident_id == resident_id)
        else:
            same = same.where(HonourAward.member_id == member_id)
        if s.scalar(same.limit(1)) is not None:
            raise RefusedError(f"{name}已有 {d.year} 年度{d.level}“{d.honour}”的记录，不能重复登记")
        award.year, award.honour, award.recipient, award.recipient_name = d.year, d.honour, d.recipient, name
        award.household_id, award.resident_id, award.member_id = household_id, resident_id, member_id
        award.level, award.status, award.nominated_on, award.nominated_by = (
            d.level,
            d.status,
            d.nominated_on,
            d.nominated_by,
        )
        award.awarded_on, award.matter_id, award.note = d.awarded_on, d.matter_id, d.note

    @writes(Changes.VILLAGE_LIFE)
    def create(self, data: HonourInput) -> int:
        """提名 (or record an honour already given, status 授予)."""
        with self.db.transaction() as s:
            award = HonourAward()
            self._fill(s, award, self._checked(s, data))
            s.add(award)
            s.flush()
            return award.id

    def _award(self, s: Session, award_id: int) -> HonourAward:
        award = s.get(HonourAward, award_id)
        if award is None:
            raise NotFoundError(f"找不到编号为 {award_id} 的评先评优记录")
        return award

    @writes(Changes.VILLAGE_LIFE)
    def update(self, award_id: int, data: HonourInput) -> None:
        with self.db.transaction() as s:
            award = self._award(s, award_id)
            self._fill(s, award, self._checked(s, data, award))

    @writes(Changes.VILLAGE_LIFE)
    def decide(self, award_id: int, status: str, awarded_on: Any = None, matter_id: int | None = None) -> None:
        """The decision on a nomination: 授予 (on a day, optionally by a decision-log matter) or 未评上."""
        data = self.get(award_id).data
        data.status, data.awarded_on = status, awarded_on if status == STATUS_AWARDED else None
        if matter_id is not None:
            data.matter_id = matter_id
        self.update(award_id, data)

    @writes(Changes.VILLAGE_LIFE)
    def remove_nomination(self, award_id: int) -> None:
        """A nomination entered by mistake goes; an award stays (the 光荣榜 was posted)."""
        with self.db.transaction() as s:
            award = self._award(s, award_id)
            if award.status == STATUS_AWARDED:
                raise RefusedError("已授予的荣誉不能删除（光荣榜已公布）；如有差错请修改")
            s.delete(award)

    def get(self, award_id: int) -> HonourView:
        with self.db.session() as s:
            a = self._award(s, award_id)
            matter = s.get(Matter, a.matter_id) if a.matter_id else None
            data = HonourInput(
                year=a.year,
                honour=a.honour,
                household_id=a.household_id,
                resident_id=a.resident_id,
                member_id=a.member_id if a.resident_id is None else None,
                level=a.level,
                status=a.status,
                nominated_on=a.nominated_on,
                nominated_by=a.nominated_by,
                awarded_on=a.awarded_on,
                matter_id=a.matter_id,
                note=a.note,
            )
            text = matter_text(matter.number, matter.title) if matter else ""
            return HonourView(a.id, data, a.recipient, a.recipient_name, text)
