"""Around a household: categories with dates, star ratings, 中心户 relays, residents moving.

Each is its own row with dates so the desk can answer "since when" years later; nothing
here deletes history except removing a relay or a rating entered by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, ValidationError
from govdesk.labels import label
from govdesk.models import Household, HouseholdCategory, HouseholdRelay, Resident, ResidentMove, StarRating
from govdesk.models.people import RELATION_HEAD
from govdesk.models.people_details import MAX_STARS
from govdesk.people_search import move_keys
from govdesk.services.people_common import fetch_record, is_active_head
from govdesk.validation import Checker, clean_text, parse_date


@dataclass(frozen=True)
class CategoryPeriod:
    id: int
    category: str
    started_on: date
    ended_on: date | None
    notes: str


@dataclass(frozen=True)
class RelayRow:
    id: int
    household_id: int
    number: str
    head: str
    address: str


@dataclass(frozen=True)
class MoveRow:
    moved_on: date
    from_number: str
    to_number: str
    from_relation: str
    to_relation: str
    reason: str


def _head_name(s: Session, household_id: int) -> str:
    return s.scalar(select(Resident.name).where(is_active_head(Resident, household_id))) or ""


class HouseholdDetailsService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- categories -------------------------------------------------------------------
    def categories(self, household_id: int) -> list[CategoryPeriod]:
        stmt = (
            select(HouseholdCategory)
            .where(HouseholdCategory.household_id == household_id)
            .order_by(HouseholdCategory.started_on, HouseholdCategory.id)
        )
        with self.db.session() as s:
            return [CategoryPeriod(c.id, c.category, c.started_on, c.ended_on, c.notes) for c in s.scalars(stmt)]

    @writes(Changes.HOUSEHOLDS)
    def add_category(
        self, household_id: int, category: Any, started_on: Any, ended_on: Any = None, notes: Any = ""
    ) -> int:
        """A household enters a category on a date; the same category may not overlap itself."""
        name, start, end = self._checked_period(category, started_on, ended_on)
        with self.db.transaction() as s:
            fetch_record(s, Household, household_id)
            for other in s.scalars(
                select(HouseholdCategory).where(
                    HouseholdCategory.household_id == household_id, HouseholdCategory.category == name
                )
            ):
                if (other.ended_on is None or other.ended_on > start) and (end is None or end > other.started_on):
                    raise ValidationError(
                        [
                            FieldError(
                                "category", label("category"), f"与已有的“{name}”时段（{other.started_on} 起）重叠"
                            )
                        ]
                    )
            c = HouseholdCategory(
                household_id=household_id, category=name, started_on=start, ended_on=end, notes=clean_text(notes)
            )
            s.add(c)
            s.flush()
            return c.id

    @writes(Changes.HOUSEHOLDS)
    def end_category(self, category_id: int, ended_on: Any) -> None:
        c = Checker()
        end = c.required_date("category_ended_on", ended_on)
        c.raise_if_any()
        with self.db.transaction() as s:
            period = fetch_record(s, HouseholdCategory, category_id)
            if end <= period.started_on:
                raise ValidationError(
                    [FieldError("category_ended_on", label("category_ended_on"), f"应晚于{label('started_on')}")]
                )
            period.ended_on = end

    @staticmethod
    def _checked_period(category: Any, started_on: Any, ended_on: Any) -> tuple[str, date, date | None]:
        c = Checker()
        name = clean_text(category)
        if not name:
            c.fail("category", "不能为空")
        elif len(name) > 20:
            c.fail("category", "不能超过 20 个字")
        start = c.required_date("started_on", started_on)
        end = c.run("category_ended_on", parse_date, ended_on)
        if start and end and end <= start:
            c.fail("category_ended_on", f"应晚于{label('started_on')}")
        c.raise_if_any()
        assert start is not None
        return name, start, end

    # --- star ratings -----------------------------------------------------------------
    def star_ratings(self, household_id: int) -> list[tuple[int, int]]:
        """(year, stars), newest first."""
        stmt = (
            select(StarRating.year, StarRating.stars)
            .where(StarRating.household_id == household_id)
            .order_by(StarRating.year.desc())
        )
        with self.db.session() as s:
            return [(int(y), int(n)) for y, n in s.execute(stmt)]

    @writes(Changes.HOUSEHOLDS)
    def set_star_rating(self, household_id: int, year: Any, stars: Any) -> None:
        """One rating per household and year; setting it again replaces that year's rating."""
        c = Checker()
        y = c.run("star_year", _int_in(1949, date.today().year + 1), year)
        n = c.run("stars", _int_in(0, MAX_STARS), stars)
        c.raise_if_any()
        with self.db.transaction() as s:
            fetch_record(s, Household, household_id)
            rating = s.scalar(select(StarRating).where(StarRating.household_id == household_id, StarRating.year == y))
            if rating is None:
                s.add(StarRating(household_id=household_id, year=y, stars=n))
            else:
                rating.stars = n

    # --- 中心户 -------------------------------------------------------------------------
    @writes(Changes.HOUSEHOLDS)
    def set_central(self, household_id: int, central: bool) -> None:
        with self.db.transaction() as s:
            fetch_record(s, Household, household_id).is_central = central

    def relays(self, central_household_id: int) -> list[RelayRow]:
        h = aliased(Household)
        head = aliased(Resident)
        stmt = (
            select(HouseholdRelay.id, h.id, h.number, head.name, h.address)
            .join(h, h.id == HouseholdRelay.household_id)
            .outerjoin(head, is_active_head(head, h.id))
            .where(HouseholdRelay.central_household_id == central_household_id)
            .order_by(h.number)
        )
        with self.db.session() as s:
            return [RelayRow(r[0], r[1], r[2], r[3] or "", r[4]) for r in s.execute(stmt)]

    @writes(Changes.HOUSEHOLDS)
    def add_relay(self, central_household_id: int, household_id: int) -> int:
        """The central household relays notices to another household (marks it 中心户 too)."""
        if central_household_id == household_id:
            raise ValidationError([FieldError("relay_households", label("relay_households"), "不能联系自己这一户")])
        with self.db.transaction() as s:
            central = fetch_record(s, Household, central_household_id)
            fetch_record(s, Household, household_id)
            exists_ = s.scalar(
                select(HouseholdRelay.id).where(
                    HouseholdRelay.central_household_id == central_household_id,
                    HouseholdRelay.household_id == household_id,
                )
            )
            if exists_ is not None:
                raise ValidationError([FieldError("relay_households", label("relay_households"), "这一户已在名单中")])
            central.is_central = True
            relay = HouseholdRelay(central_household_id=central_household_id, household_id=household_id)
            s.add(relay)
            s.flush()
            return relay.id

    @writes(Changes.HOUSEHOLDS)
    def remove_relay(self, relay_id: int) -> None:
        with self.db.transaction() as s:
            relay = s.get(HouseholdRelay, relay_id)
            if relay is not None:
                s.delete(relay)

    def relay_count(self, central_household_id: int) -> int:
        with self.db.session() as s:
            stmt = select(func.count(HouseholdRelay.id)).where(
                HouseholdRelay.central_household_id == central_household_id
            )
            return int(s.scalar(stmt) or 0)

    # --- moving a resident ------------------------------------------------------------
    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def move_resident(
        self, resident_id: int, to_household_id: int, relation: Any, moved_on: Any, reason: Any = ""
    ) -> None:
        """A resident joins another household (婚嫁, 分户…): the move is kept as history."""
        c = Checker()
        new_relation = clean_text(relation)
        if not new_relation:
            c.fail("relation", "不能为空（在新户中与户主的关系）")
        day = c.required_date("moved_on", moved_on)
        if day and day > date.today():
            c.fail("moved_on", "不能晚于今天")
        c.raise_if_any()
        with self.db.transaction() as s:
            r = fetch_record(s, Resident, resident_id)
            if r.ended_on is not None:
                raise ValidationError([FieldError("to_household", label("to_household"), "该居民已注销，不能迁移")])
            target = fetch_record(s, Household, to_household_id)
            if target.id == r.household_id:
                raise ValidationError([FieldError("to_household", label("to_household"), "迁入户与现在所在户相同")])
            if target.ended_on is not None:
                raise ValidationError([FieldError("to_household", label("to_household"), "迁入户已注销")])
            if new_relation == RELATION_HEAD and _head_name(s, target.id):
                raise ValidationError(
                    [FieldError("relation", label("relation"), f"迁入户已有户主“{_head_name(s, target.id)}”")]
                )
            s.add(
                ResidentMove(
                    resident_id=r.id,
                    from_household_id=r.household_id,
                    to_household_id=target.id,
                    from_relation=r.relation,
                    to_relation=new_relation,
                    moved_on=day,
                    reason=clean_text(reason),
                )
            )
            r.household_id, r.relation = target.id, new_relation
            s.flush()
            move_keys(s, r.id, target.id)

    def moves(self, resident_id: int) -> list[MoveRow]:
        a, b = aliased(Household), aliased(Household)
        stmt = (
            select(
                ResidentMove.moved_on,
                a.number,
                b.number,
                ResidentMove.from_relation,
                ResidentMove.to_relation,
                ResidentMove.reason,
            )
            .join(a, a.id == ResidentMove.from_household_id)
            .join(b, b.id == ResidentMove.to_household_id)
            .where(ResidentMove.resident_id == resident_id)
            .order_by(ResidentMove.moved_on, ResidentMove.id)
        )
        with self.db.session() as s:
            return [MoveRow(*row) for row in s.execute(stmt)]


def _int_in(lo: int, hi: int) -> Any:
    def parse(value: Any) -> int:
        text = clean_text(value)
        if not text.lstrip("-").isdigit():
            raise ValueError("应为整数")
        n = int(text)
        if not lo <= n <= hi:
            raise ValueError(f"应在 {lo}–{hi} 之间")
        return n

    return parse
