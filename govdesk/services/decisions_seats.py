"""The rosters of the bodies outside the two committees: 村民代表 and 村务监督委员会.

Their meetings count should-attend from these seats on the meeting date, so a seat is never
deleted: it ends with a date and a reason (re-election, moved away), and a meeting held
before that day still counts the person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.models import BodySeat, Household, Resident
from govdesk.models.decisions import BODIES
from govdesk.services.listing import like_escape
from govdesk.services.people_common import end_reason_checked, first_village_id
from govdesk.validation import clean_name, parse_date


@dataclass(frozen=True)
class SeatRow:
    id: int
    body: str
    name: str
    household: str
    started_on: date
    ended_on: date | None
    end_reason: str


@dataclass(frozen=True)
class ResidentChoice:
    id: int
    name: str
    household: str
    birth_year: int

    @property
    def text(self) -> str:
        return f"{self.name}（户号 {self.household}，{self.birth_year} 年生）"


class SeatService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def seats(self, body: str, *, include_ended: bool = False) -> list[SeatRow]:
        stmt = (
            select(BodySeat, Household.number)
            .outerjoin(Resident, Resident.id == BodySeat.resident_id)
            .outerjoin(Household, Household.id == Resident.household_id)
            .where(BodySeat.body == body)
            .order_by(BodySeat.ended_on.is_not(None), Household.number, BodySeat.id)
        )
        if not include_ended:
            stmt = stmt.where(BodySeat.ended_on.is_(None))
        with self.db.session() as s:
            return [
                SeatRow(b.id, b.body, b.name, number or "", b.started_on, b.ended_on, b.end_reason)
                for b, number in s.execute(stmt)
            ]

    def resident_choices(self, text: str, limit: int = 20) -> list[ResidentChoice]:
        """Residents whose name contains ``text`` (rare characters kept as typed)."""
        q = clean_name(text)
        if not q:
            return []
        stmt = (
            select(Resident.id, Resident.name, Household.number, Resident.birth_date)
            .join(Household, Household.id == Resident.household_id)
            .where(Resident.ended_on.is_(None))
            .where(or_(Resident.name.like(f"%{like_escape(q)}%", escape="\\"), Resident.search_keys.like(f"%{q}%")))
            .order_by(Resident.name, Household.number)
            .limit(limit)
        )
        with self.db.session() as s:
            return [ResidentChoice(r[0], r[1], r[2], r[3].year) for r in s.execute(stmt)]

    @writes(Changes.DECISIONS)
    def add(self, body: str, resident_id: int, started_on: Any) -> int:
        errors: list[FieldError] = []
        if body not in BODIES:
            errors.append(FieldError("body", "机构", "应为：" + "、".join(BODIES)))
        try:
            start = parse_date(started_on)
        except ValueError as exc:
            start = None
            errors.append(FieldError("started_on", "任职日期", str(exc)))
        if start is None and not errors:
            errors.append(FieldError("started_on", "任职日期", "不能为空"))
        if errors:
            raise ValidationError(errors)
        with self.db.transaction() as s:
            person = s.get(Resident, resident_id)
            if person is None:
                raise NotFoundError("找不到这位村民")
            dup = s.scalar(
                select(BodySeat.id).where(
                    BodySeat.body == body, BodySeat.resident_id == resident_id, BodySeat.ended_on.is_(None)
                )
            )
            if dup:
                raise RefusedError(f"{person.name}已在{body}名单中")
            seat = BodySeat(
                village_id=first_village_id(s), body=body, resident_id=person.id, name=person.name, started_on=start
            )
            s.add(seat)
            s.flush()
            return seat.id

    @writes(Changes.DECISIONS)
    def end(self, seat_id: int, on: date | None, reason: str) -> None:
        day, text = end_reason_checked(on, reason)
        with self.db.transaction() as s:
            seat = s.get(BodySeat, seat_id)
            if seat is None:
                raise NotFoundError("找不到这条任职记录")
            if day < seat.started_on:
                raise ValidationError([FieldError("ended_on", "卸任日期", "不能早于任职日期")])
            seat.ended_on, seat.end_reason = day, text
