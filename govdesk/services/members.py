"""Party members: create, read, update, end, and the paged member list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, select, update

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import RefusedError
from govdesk.input_limits import LINE_MAX, NOTE_MAX
from govdesk.labels import label
from govdesk.models import Household, Member, Resident
from govdesk.models.people import DEFAULT_ETHNICITY, STATUS_PROBATIONARY
from govdesk.posts import store as posts_store
from govdesk.posts.rules import CHANGE_TO_FULL, change_between
from govdesk.search import search_keys
from govdesk.services.home_rules import age_band_bounds, anniversary_condition
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by
from govdesk.services.people_common import (
    BRANCH,
    PARTY_GROUP,
    active_category_households,
    end_reason_checked,
    ensure_id_unique,
    fetch_record,
    first_village_id,
    input_from,
    member_org_select,
    text_filter,
)
from govdesk.validation import (
    Checker,
    check_person,
    check_status,
    clean_ethnicity,
    clean_phone,
    parse_date,
)

ADULT_AGE = 18


@dataclass
class MemberInput:
    """What a form or an importer hands over; raw values, checked by the service."""

    name: Any = ""
    id_number: Any = ""
    sex: Any = ""
    birth_date: Any = None
    ethnicity: Any = DEFAULT_ETHNICITY
    education: Any = ""
    joined_on: Any = None
    full_on: Any = None
    status: Any = "正式党员"
    branch_id: int | None = None
    party_group_id: int | None = None
    phone: Any = ""
    post: Any = ""
    household_id: int | None = None
    resident_id: int | None = None
    notes: Any = ""
    confirmed: bool = False  # the clerk confirmed the warnings (an age over 120)


def validate_member(data: MemberInput) -> dict[str, Any]:
    """Every member rule, once. Returns clean column values or raises ValidationError."""
    c = Checker()
    name, info, sex, birth = check_person(
        c, name=data.name, id_number=data.id_number, sex=data.sex, birth_date=data.birth_date
    )
    status = check_status(c, data.status)
    joined = c.run("joined_on", parse_date, data.joined_on)
    full = c.run("full_on", parse_date, data.full_on)
    phone = c.run("phone", clean_phone, data.phone)
    education = c.text("education", data.education, LINE_MAX)
    post = c.text("post", data.post, LINE_MAX)
    notes = c.text("notes", data.notes, NOTE_MAX, multiline=True)
    today = date.today()
    if joined is None and not any(e.field == "joined_on" for e in c.errors):
        c.fail("joined_on", "不能为空")
    if joined and joined > today:
        c.fail("joined_on", "不能晚于今天")
    if joined and birth and joined < _birthday(birth, ADULT_AGE):
        c.fail("joined_on", "入党时应年满十八周岁")
    if full and joined and full <= joined:
        c.fail("full_on", f"应晚于{label('joined_on')}")
    if full and status == STATUS_PROBATIONARY:
        c.fail("full_on", "预备党员尚未转正，不应填写转正时间")
    c.raise_if_any(confirmed=data.confirmed)
    return {
        "name": name,
        "id_number": info.number if info else "",
        "sex": sex,
        "birth_date": birth,
        "ethnicity": clean_ethnicity(data.ethnicity),
        "education": education,
        "joined_on": joined,
        "full_on": full,
        "status": status,
        "branch_id": data.branch_id,
        "party_group_id": data.party_group_id,
        "phone": phone or "",
        "post": post,
        "household_id": data.household_id,
        "resident_id": data.resident_id,
        "notes": notes,
        "search_keys": search_keys(name),
    }


def _birthday(born: date, years: int) -> date:
    try:
        return born.replace(year=born.year + years)
    except ValueError:  # 29 February
        return born.replace(year=born.year + years, day=28)


MEMBER_COLUMNS: tuple[ColumnSpec, ...] = tuple(
    ColumnSpec(k, label(k))
    for k in (
        "name",
        "sex",
        "birth_date",
        "id_number",
        "status",
        "branch",
        "party_group",
        "joined_on",
        "phone",
        "post",
        "plaque_kind",
    )
)
_SORT: dict[str, ColumnElement[Any]] = {
    "name": Member.search_keys,
    "sex": Member.sex,
    "birth_date": Member.birth_date,
    "id_number": Member.id_number,
    "status": Member.status,
    "branch": BRANCH.name,
    "party_group": PARTY_GROUP.name,
    "joined_on": Member.joined_on,
    "phone": Member.phone,
    "post": Member.post,
    "plaque_kind": Member.plaque_kind,
}


class MemberService:
    columns = MEMBER_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- list -------------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        stmt = member_org_select(
            Member.id,
            Member.name,
            Member.sex,
            Member.birth_date,
            Member.id_number,
            Member.status,
            BRANCH.name,
            PARTY_GROUP.name,
            Member.joined_on,
            Member.phone,
            Member.post,
            Member.plaque_kind,
            Member.ended_on,
        )
        if not query.include_ended:
            stmt = stmt.where(Member.ended_on.is_(None))
        f = query.filters
        for key in ("branch_id", "party_group_id", "status"):
            value = f.get(key)
            if value not in (None, ""):
                stmt = stmt.where(getattr(Member, key) == value)
        for key in ("grid_id", "villager_group_id"):
            if f.get(key) not in (None, ""):
                stmt = stmt.where(
                    Member.household_id.in_(select(Household.id).where(getattr(Household, key) == f[key]))
                )
        if f.get("category"):
            stmt = stmt.where(Member.household_id.in_(active_category_households(f["category"])))
        if f.get("age_band"):
            born_after, born_by = age_band_bounds(f["age_band"], date.today())
            if born_after is not None:
                stmt = stmt.where(Member.birth_date > born_after)
            if born_by is not None:
                stmt = stmt.where(Member.birth_date <= born_by)
        if f.get("anniversary"):
            stmt = stmt.where(
                anniversary_condition(Member.joined_on, date.today()), Member.status != STATUS_PROBATIONARY
            )
        if f.get("has_plaque"):
            stmt = stmt.where(Member.plaque_kind != "")
        cond = text_filter(
            query.text,
            name=Member.name,
            keys=Member.search_keys,
            id_number=Member.id_number,
            phone=Member.phone,
        )
        if cond is not None:
            stmt = stmt.where(cond)
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        stmt = order_by(self._select(query), _SORT, query, Member.id).offset(offset).limit(limit)
        with self.db.session() as s:
            return [Row.with_end_date(r) for r in s.execute(stmt)]

    # --- records ----------------------------------------------------------------------
    def get(self, member_id: int) -> Member:
        with self.db.session() as s:
            return fetch_record(s, Member, member_id)

    def as_input(self, member_id: int) -> MemberInput:
        m = self.get(member_id)
        return input_from(m, MemberInput)

    @writes(Changes.MEMBERS | Changes.POSTS)
    def create(self, data: MemberInput, village_id: int | None = None) -> int:
        values = validate_member(data)
        with self.db.transaction() as s:
            ensure_id_unique(s, Member, values["id_number"], None)
            vid = village_id or first_village_id(s)
            if values["resident_id"] is None:
                # The member usually lives in the village: link the resident with the same ID number.
                home = s.execute(
                    select(Resident.id, Resident.household_id).where(Resident.id_number == values["id_number"])
                ).first()
                if home is not None:
                    values["resident_id"], values["household_id"] = home[0], home[1]
            m = Member(village_id=vid, **values)
            s.add(m)
            s.flush()
            # history from the start: 预备 until 转正, then the status; the posts named held from today
            posts_store.seed_new_members(s, [m.id])
            posts_store.hold_posts_as_registered(s, {m.id: values["post"]}, date.today())
            return m.id

    @writes(Changes.MEMBERS | Changes.POSTS)
    def update(self, member_id: int, data: MemberInput) -> None:
        """The form's fields; a different status, 转正 date or 岗位 goes through the status history
        and the post assignments (govdesk.posts.store), so the history is kept."""
        values = validate_member(data)
        today = date.today()
        with self.db.transaction() as s:
            m = fetch_record(s, Member, member_id)
            ensure_id_unique(s, Member, values["id_number"], member_id)
            status, full_on, post = values.pop("status"), values.pop("full_on"), values.pop("post")
            for key, value in values.items():
                setattr(m, key, value)
            s.flush()
            if status != m.status:
                change = change_between(m.status, status)
                if change is None:
                    raise RefusedError(f"党员状态不能由{m.status}直接改为{status}")
                on = full_on if change.kind == CHANGE_TO_FULL and full_on else today
                posts_store.change_status(s, member_id, change, on, today, decided_on=on)
            elif full_on != m.full_on:
                posts_store.move_full_on(s, member_id, m.full_on, full_on)
                s.execute(update(Member).where(Member.id == member_id).values(full_on=full_on))
            if post != m.post:
                posts_store.hold_posts_as_registered(s, {member_id: post}, today, empty_ends=True)
            s.expire(m)

    @writes(Changes.MEMBERS | Changes.POSTS)
    def end(self, member_id: int, on: date | None, reason: str) -> None:
        """A member leaves the roster (转出, 去世, 出党…); the record stays with date and reason,
        and their running posts end that day."""
        day, text = end_reason_checked(on, reason)
        with self.db.transaction() as s:
            m = fetch_record(s, Member, member_id)
            m.ended_on, m.end_reason = day, text
            if day is not None:
                s.flush()
                posts_store.end_posts_of(s, member_id, day)

    def active_count(self) -> int:
        return self.count(ListQuery())
