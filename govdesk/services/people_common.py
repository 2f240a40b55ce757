"""Rules and query pieces shared by the members and households services."""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session, aliased

from govdesk.errors import NO_VILLAGE_MESSAGE, FieldError, NotFoundError, ValidationError
from govdesk.labels import label
from govdesk.models import (
    Household,
    HouseholdCategory,
    Member,
    MemberHouseholdLink,
    OrgUnit,
    Resident,
    Village,
)
from govdesk.models.people import RELATION_HEAD
from govdesk.search import effective_query, is_number_query
from govdesk.services.listing import like_escape
from govdesk.validation import clean_text

T = TypeVar("T")

# What a missing record is called in the "找不到编号为 N 的…" message, one word per table.
RECORD_NOUNS: dict[type[Any], str] = {
    Member: "党员",
    Household: "农户",
    Resident: "居民",
    MemberHouseholdLink: "联户记录",
    HouseholdCategory: "类别记录",
}

# A member's branch and Party group are both org units: two aliases of the same table.
BRANCH = aliased(OrgUnit)
PARTY_GROUP = aliased(OrgUnit)


def fetch_record(session: Session, model: type[T], record_id: int) -> T:
    """The record with this id, or a NotFoundError naming what kind of record is missing."""
    record = session.get(model, record_id)
    if record is None:
        raise NotFoundError(f"找不到编号为 {record_id} 的{RECORD_NOUNS[model]}")
    return record


def input_from(record: Any, input_type: type[T]) -> T:
    """An edit form's starting values: the record's fields named like the input dataclass's (an
    input's own flags, like ``confirmed``, keep their defaults)."""
    values = {f.name: getattr(record, f.name) for f in fields(input_type) if hasattr(record, f.name)}
    return input_type(**values)  # type: ignore[arg-type]


def member_org_select(*columns: Any) -> Select[Any]:
    """SELECT member columns with their branch (``BRANCH``) and Party group (``PARTY_GROUP``) joined."""
    return (
        select(*columns)
        .outerjoin(BRANCH, BRANCH.id == Member.branch_id)
        .outerjoin(PARTY_GROUP, PARTY_GROUP.id == Member.party_group_id)
    )


def is_active_head(head: Any, household_id: Any) -> ColumnElement[bool]:
    """Join condition: ``head`` (an alias of Resident) is the current head (户主) of the household."""
    return (head.household_id == household_id) & (head.relation == RELATION_HEAD) & head.ended_on.is_(None)


def text_filter(
    text: str,
    *,
    name: Any,
    keys: Any,
    id_number: Any,
    phone: Any,
    extra: list[ColumnElement[bool]] | None = None,
) -> ColumnElement[bool] | None:
    """Search-as-you-type: name, pinyin keys, ID-number or phone suffix (+ extra conditions)."""
    q = effective_query(text)
    if not q:
        return None
    esc = like_escape(q)
    conds: list[ColumnElement[bool]] = []
    if is_number_query(q):
        conds.append(id_number.like(f"%{esc.upper()}", escape="\\"))
        conds.append(phone.like(f"%{esc}", escape="\\"))
    elif q.isascii():
        # A key starts at the string start or after a space: prefix match on any key.
        conds.append((" " + keys).like(f"% {esc}%", escape="\\"))
    else:
        conds.append(name.like(f"%{esc}%", escape="\\"))
    conds.extend(extra or [])
    return or_(*conds)


def ensure_id_unique(session: Session, model: type[Member] | type[Resident], number: str, own_id: int | None) -> None:
    """One person, one record: a second record with the same ID number is refused by name."""
    existing = session.query(model).filter(model.id_number == number).first()
    if existing is not None and existing.id != own_id:
        kind = "党员" if model is Member else "居民"
        raise ValidationError(
            [FieldError("id_number", label("id_number"), f"已登记为{kind}“{existing.name}”，不能重复登记")]
        )


def end_reason_checked(on: date | None, reason: str) -> tuple[date, str]:
    """Ending a record needs a date and a reason: history is kept, never deleted."""
    errors: list[FieldError] = []
    if on is None:
        errors.append(FieldError("ended_on", label("ended_on"), "不能为空"))
    elif on > date.today():
        errors.append(FieldError("ended_on", label("ended_on"), "不能晚于今天"))
    text = clean_text(reason)
    if not text:
        errors.append(FieldError("end_reason", label("end_reason"), "请写明原因（迁出、去世、转出…）"))
    if errors:
        raise ValidationError(errors)
    assert on is not None
    return on, text


def first_village_id(session: Session) -> int:
    """The village new records belong to when the caller does not say (one-village files)."""
    vid = session.scalar(select(Village.id).order_by(Village.id).limit(1))
    if vid is None:
        raise NotFoundError(NO_VILLAGE_MESSAGE)
    return int(vid)


def active_category_households(category: str) -> Any:
    """SELECT of households currently in a category (started, not ended)."""
    return select(HouseholdCategory.household_id).where(HouseholdCategory.category == category, category_is_active())


def category_is_active(on: date | None = None) -> ColumnElement[bool]:
    """A category period counts on a day if it has begun and not ended by then."""
    day = on or date.today()
    return (HouseholdCategory.started_on <= day) & (
        HouseholdCategory.ended_on.is_(None) | (HouseholdCategory.ended_on > day)
    )
