"""Households and their residents: create, read, update, end, and the paged household list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, union
from sqlalchemy.orm import Session, aliased

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, ValidationError
from govdesk.input_limits import ADDRESS_MAX, HOUSEHOLD_NUMBER_MAX, LINE_MAX, NOTE_MAX, text_problem
from govdesk.labels import label
from govdesk.models import Grid, Household, HouseholdCategory, Member, Resident, VillagerGroup
from govdesk.models.people import DEFAULT_ETHNICITY, RELATION_HEAD
from govdesk.people_search import matching_households, refresh_resident
from govdesk.resident_register import RESIDENT_ORDER
from govdesk.search import effective_query, is_number_query, prefix_upper_bound, search_keys
from govdesk.services.listing import ColumnSpec, ListQuery, Row, order_by
from govdesk.services.people_common import (
    active_category_households,
    category_is_active,
    end_reason_checked,
    ensure_id_unique,
    fetch_record,
    first_village_id,
    input_from,
    is_active_head,
)
from govdesk.validation import (
    Checker,
    check_person,
    clean_ethnicity,
    clean_household_number,
    clean_phone,
)


@dataclass
class HouseholdInput:
    number: Any = ""
    address: Any = ""
    phone: Any = ""
    villager_group_id: int | None = None
    grid_id: int | None = None
    notes: Any = ""


@dataclass
class ResidentInput:
    name: Any = ""
    id_number: Any = ""
    sex: Any = ""
    birth_date: Any = None
    ethnicity: Any = DEFAULT_ETHNICITY
    relation: Any = ""
    phone: Any = ""
    notes: Any = ""
    confirmed: bool = False  # the clerk confirmed the warnings (an age over 120)


def validate_household(data: HouseholdInput) -> dict[str, Any]:
    c = Checker()
    number = clean_household_number(data.number)
    problem = text_problem(number, HOUSEHOLD_NUMBER_MAX) if number else "不能为空"
    if problem:
        c.fail("number", problem)
    phone = c.run("phone", clean_phone, data.phone)
    values = {
        "number": number,
        "address": c.text("address", data.address, ADDRESS_MAX),
        "phone": phone or "",
        "villager_group_id": data.villager_group_id,
        "grid_id": data.grid_id,
        "notes": c.text("notes", data.notes, NOTE_MAX, multiline=True),
    }
    c.raise_if_any()
    return values


def validate_resident(data: ResidentInput) -> dict[str, Any]:
    c = Checker()
    name, info, sex, birth = check_person(
        c, name=data.name, id_number=data.id_number, sex=data.sex, birth_date=data.birth_date
    )
    relation = c.text("relation", data.relation, LINE_MAX)
    if not relation and not c.for_field("relation"):
        c.fail("relation", "不能为空（户主本人填“户主”）")
    phone = c.run("phone", clean_phone, data.phone)
    notes = c.text("notes", data.notes, NOTE_MAX, multiline=True)
    c.raise_if_any(confirmed=data.confirmed)
    return {
        "name": name,
        "id_number": info.number if info else "",
        "sex": sex,
        "birth_date": birth,
        "ethnicity": clean_ethnicity(data.ethnicity),
        "relation": relation,
        "phone": phone or "",
        "notes": notes,
        "search_keys": search_keys(name),
    }


_Head = aliased(Resident)
_active_count = (
    select(func.count(Resident.id))
    .where(Resident.household_id == Household.id, Resident.ended_on.is_(None))
    .correlate(Household)
    .scalar_subquery()
)

_categories_text = (
    select(func.aggregate_strings(HouseholdCategory.category, "、"))  # group_concat / string_agg
    .where(HouseholdCategory.household_id == Household.id, category_is_active())
    .correlate(Household)
    .scalar_subquery()
)

HOUSEHOLD_COLUMNS: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(k, label(k)) for k in ("number", "head", "resident_count", "villager_group", "grid", "address", "phone")
) + (ColumnSpec("categories", label("categories"), sortable=False),)
_SORT: dict[str, ColumnElement[Any]] = {
    "number": Household.number,
    "head": _Head.search_keys,
    "resident_count": _active_count,
    "villager_group": VillagerGroup.sort_order,
    "grid": Grid.sort_order,
    "address": Household.address,
    "phone": Household.phone,
}
RESIDENT_COLUMNS: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(k, label(k)) for k in ("name", "relation", "sex", "birth_date", "id_number", "ethnicity", "phone")
)


class HouseholdService:
    columns = HOUSEHOLD_COLUMNS
    resident_columns = RESIDENT_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- list -------------------------------------------------------------------------
    def _conditions(self, query: ListQuery) -> list[ColumnElement[bool]]:
        """Filters and search as WHERE conditions on ``households`` alone (count needs no joins)."""
        conds: list[ColumnElement[bool]] = []
        if not query.include_ended:
            conds.append(Household.ended_on.is_(None))
        f = query.filters
        for key in ("villager_group_id", "grid_id"):
            if f.get(key) not in (None, ""):
                conds.append(getattr(Household, key) == f[key])
        if f.get("category"):
            conds.append(Household.id.in_(active_category_households(f["category"])))
        if f.get("is_central"):
            conds.append(Household.is_central.is_(True))
        if f.get("branch_id") not in (None, ""):
            # Households where a member of that branch lives.
            conds.append(
                Household.id.in_(
                    select(Member.household_id).where(Member.branch_id == f["branch_id"], Member.ended_on.is_(None))
                )
            )
        q = effective_query(query.text)
        if q:
            ids = [matching_households(q)]
            if is_number_query(q):
                ids.append(select(Household.id).where(Household.number >= q, Household.number < prefix_upper_bound(q)))
            conds.append(Household.id.in_(union(*ids) if len(ids) > 1 else ids[0]))
        return conds

    def _select(self, query: ListQuery) -> Select[Any]:
        return (
            select(
                Household.id,
                Household.number,
                _Head.name,
                _active_count,
                VillagerGroup.name,
                Grid.name,
                Household.address,
                Household.phone,
                _categories_text,
                Household.ended_on,
            )
            .outerjoin(
                _Head,
                is_active_head(_Head, Household.id),
            )
            .outerjoin(VillagerGroup, VillagerGroup.id == Household.villager_group_id)
            .outerjoin(Grid, Grid.id == Household.grid_id)
            .where(*self._conditions(query))
        )

    def count(self, query: ListQuery) -> int:
        stmt = select(func.count()).select_from(Household).where(*self._conditions(query))
        with self.db.session() as s:
            return int(s.scalar(stmt) or 0)

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        stmt = order_by(self._select(query), _SORT, query, Household.id).offset(offset).limit(limit)
        with self.db.session() as s:
            return [Row.with_end_date(r) for r in s.execute(stmt)]

    def residents(self, household_id: int, include_ended: bool = True) -> list[Row]:
        """The detail pane: a household's residents (a handful, so loaded at once)."""
        stmt = select(
            Resident.id,
            Resident.name,
            Resident.relation,
            Resident.sex,
            Resident.birth_date,
            Resident.id_number,
            Resident.ethnicity,
            Resident.phone,
            Resident.ended_on,
        ).where(Resident.household_id == household_id)
        if not include_ended:
            stmt = stmt.where(Resident.ended_on.is_(None))
        stmt = stmt.order_by(*RESIDENT_ORDER)
        with self.db.session() as s:
            return [Row.with_end_date(r) for r in s.execute(stmt)]

    # --- households -------------------------------------------------------------------
    def get(self, household_id: int) -> Household:
        with self.db.session() as s:
            return fetch_record(s, Household, household_id)

    def as_input(self, household_id: int) -> HouseholdInput:
        h = self.get(household_id)
        return input_from(h, HouseholdInput)

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def create(self, data: HouseholdInput, village_id: int | None = None) -> int:
        values = validate_household(data)
        with self.db.transaction() as s:
            vid = village_id or first_village_id(s)
            self._ensure_number_unique(s, vid, values["number"], None)
            h = Household(village_id=vid, **values)
            s.add(h)
            s.flush()
            return h.id

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def update(self, household_id: int, data: HouseholdInput) -> None:
        values = validate_household(data)
        with self.db.transaction() as s:
            h = fetch_record(s, Household, household_id)
            self._ensure_number_unique(s, h.village_id, values["number"], household_id)
            for key, value in values.items():
                setattr(h, key, value)

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def end(self, household_id: int, on: date | None, reason: str) -> None:
        """A household is closed (迁出, 合户…); its active residents are ended with it."""
        day, text = end_reason_checked(on, reason)
        with self.db.transaction() as s:
            h = fetch_record(s, Household, household_id)
            h.ended_on, h.end_reason = day, text
            for r in h.residents:
                if r.ended_on is None:
                    r.ended_on, r.end_reason = day, f"随户注销：{text}"

    # --- residents --------------------------------------------------------------------
    def get_resident(self, resident_id: int) -> Resident:
        with self.db.session() as s:
            return fetch_record(s, Resident, resident_id)

    def resident_input(self, resident_id: int) -> ResidentInput:
        r = self.get_resident(resident_id)
        return input_from(r, ResidentInput)

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def add_resident(self, household_id: int, data: ResidentInput) -> int:
        values = validate_resident(data)
        with self.db.transaction() as s:
            fetch_record(s, Household, household_id)
            ensure_id_unique(s, Resident, values["id_number"], None)
            self._ensure_one_head(s, household_id, values["relation"], None)
            r = Resident(household_id=household_id, **values)
            s.add(r)
            s.flush()
            refresh_resident(s, r.id)
            return r.id

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def update_resident(self, resident_id: int, data: ResidentInput) -> None:
        values = validate_resident(data)
        with self.db.transaction() as s:
            r = fetch_record(s, Resident, resident_id)
            ensure_id_unique(s, Resident, values["id_number"], resident_id)
            self._ensure_one_head(s, r.household_id, values["relation"], resident_id)
            old = (r.name, r.id_number, r.phone)
            for key, value in values.items():
                setattr(r, key, value)
            refresh_resident(s, resident_id, old)

    @writes(Changes.HOUSEHOLDS | Changes.RESIDENTS)
    def end_resident(self, resident_id: int, on: date | None, reason: str) -> None:
        day, text = end_reason_checked(on, reason)
        with self.db.transaction() as s:
            r = fetch_record(s, Resident, resident_id)
            r.ended_on, r.end_reason = day, text

    def counts(self) -> tuple[int, int]:
        """(active households, active residents) for the status bar."""
        with self.db.session() as s:
            h = s.scalar(select(func.count(Household.id)).where(Household.ended_on.is_(None))) or 0
            r = s.scalar(select(func.count(Resident.id)).where(Resident.ended_on.is_(None))) or 0
        return int(h), int(r)

    # --- rules ------------------------------------------------------------------------
    @staticmethod
    def _ensure_number_unique(s: Session, village_id: int, number: str, own_id: int | None) -> None:
        other = s.scalar(select(Household.id).where(Household.village_id == village_id, Household.number == number))
        if other is not None and other != own_id:
            raise ValidationError([FieldError("number", label("number"), f"户号 {number} 已存在")])

    @staticmethod
    def _ensure_one_head(s: Session, household_id: int, relation: str, own_id: int | None) -> None:
        if relation != RELATION_HEAD:
            return
        other = s.scalars(select(Resident).where(is_active_head(Resident, household_id))).first()
        if other is not None and other.id != own_id:
            raise ValidationError(
                [FieldError("relation", label("relation"), f"本户已有户主“{other.name}”，一户只能有一位户主")]
            )
