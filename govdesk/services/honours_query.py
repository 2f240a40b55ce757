"""Reading 评先评优: the paged ledger, a household's or a person's honours, a year's 光荣榜."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select
from sqlalchemy.orm import Session

from govdesk.honours.rules import DEFAULT_HONOURS, LEVELS, STATUS_AWARDED
from govdesk.labels import label
from govdesk.models import HonourAward, HonourKind, Matter, Member, Resident
from govdesk.services.dated import DatedReads
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches

HONOUR_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("year", label("honour_year")),
    ColumnSpec("honour", label("honour")),
    ColumnSpec("recipient", label("honour_recipient")),
    ColumnSpec("kind", label("honour_recipient_kind")),
    ColumnSpec("level", label("honour_level")),
    ColumnSpec("status", label("honour_status")),
    ColumnSpec("nominated_on", label("honour_nominated_on")),
    ColumnSpec("awarded_on", label("honour_awarded_on")),
    ColumnSpec("matter", label("honour_matter"), sortable=False),
    ColumnSpec("note", label("honour_note"), sortable=False),
)
_SORT: dict[str, ColumnElement[Any]] = {
    "year": HonourAward.year,
    "honour": HonourAward.honour,
    "recipient": HonourAward.recipient_name,
    "kind": HonourAward.recipient,
    "level": HonourAward.level,
    "status": HonourAward.status,
    "nominated_on": HonourAward.nominated_on,
    "awarded_on": HonourAward.awarded_on,
}
_LEVEL_ORDER = {name: i for i, name in enumerate(LEVELS)}


@dataclass(frozen=True)
class HonourLine:
    """One honour as a household's or a person's page shows it."""

    id: int
    year: int
    honour: str
    level: str
    status: str
    recipient_name: str

    def text(self) -> str:
        return f"{self.year} 年 {self.honour}（{self.level}）"


@dataclass(frozen=True)
class RollEntry:
    """One name on the 光荣榜."""

    honour: str
    level: str
    recipient: str  # 户 / 个人
    name: str
    note: str


def catalogue_in(s: Session) -> list[tuple[str, str]]:
    rows = s.execute(select(HonourKind.name, HonourKind.recipient).order_by(HonourKind.sort_order, HonourKind.id))
    return [(n, r) for n, r in rows] or list(DEFAULT_HONOURS)


def matter_text(number: str | None, title: str | None) -> str:
    return f"{number} {title}" if number else ""


class HonourQueries(DatedReads):
    """The reads of 评先评优. ``clock`` is injectable (the demo, the tests)."""

    columns = HONOUR_COLUMNS

    def catalogue(self) -> list[tuple[str, str]]:
        """(honour, 户 / 个人) in the catalogue's order."""
        with self.db.session() as s:
            return catalogue_in(s)

    def years(self) -> list[int]:
        """The years that have entries, newest first (and this year, for a new ledger)."""
        with self.db.session() as s:
            found = set(s.scalars(select(HonourAward.year).distinct()))
        return sorted(found | {self.today().year}, reverse=True)

    def matter_choices(self, limit: int = 200) -> list[tuple[int, str]]:
        """Decision-log matters to link an honour or a charter to (newest first)."""
        with self.db.session() as s:
            rows = s.execute(select(Matter.id, Matter.number, Matter.title).order_by(Matter.number.desc()).limit(limit))
            return [(i, matter_text(n, t)) for i, n, t in rows]

    # --- a household's or a person's honours --------------------------------------------------
    def _lines(self, *where: ColumnElement[bool]) -> list[HonourLine]:
        stmt = (
            select(
                HonourAward.id,
                HonourAward.year,
                HonourAward.honour,
                HonourAward.level,
                HonourAward.status,
                HonourAward.recipient_name,
            )
            .where(*where)
            .order_by(HonourAward.year.desc(), HonourAward.id)
        )
        with self.db.session() as s:
            return [HonourLine(*r) for r in s.execute(stmt)]

    def of_household(self, household_id: int, awarded_only: bool = True) -> list[HonourLine]:
        """The household's own honours and those of the people living in it (newest first)."""
        residents = select(Resident.id).where(Resident.household_id == household_id)
        who = or_(HonourAward.household_id == household_id, HonourAward.resident_id.in_(residents))
        return self._lines(who, *((HonourAward.status == STATUS_AWARDED,) if awarded_only else ()))

    def of_member(self, member_id: int, awarded_only: bool = True) -> list[HonourLine]:
        """A member's honours: given to the member, or to the resident the member is."""
        with self.db.session() as s:
            resident_id = s.scalar(select(Member.resident_id).where(Member.id == member_id))
        who = HonourAward.member_id == member_id
        if resident_id is not None:
            who = or_(who, HonourAward.resident_id == resident_id)
        return self._lines(who, *((HonourAward.status == STATUS_AWARDED,) if awarded_only else ()))

    def of_resident(self, resident_id: int, awarded_only: bool = True) -> list[HonourLine]:
        with self.db.session() as s:
            members = list(s.scalars(select(Member.id).where(Member.resident_id == resident_id)))
        who = or_(HonourAward.resident_id == resident_id, HonourAward.member_id.in_(members))
        return self._lines(who, *((HonourAward.status == STATUS_AWARDED,) if awarded_only else ()))

    # --- the 光荣榜 -----------------------------------------------------------------------------
    def roll(self, year: int) -> list[RollEntry]:
        """The year's awards in the catalogue's order, higher levels first within an honour."""
        with self.db.session() as s:
            order = {name: i for i, (name, _r) in enumerate(catalogue_in(s))}
            rows = s.execute(
                select(
                    HonourAward.honour,
                    HonourAward.level,
                    HonourAward.recipient,
                    HonourAward.recipient_name,
                    HonourAward.note,
                    HonourAward.id,
                ).where(HonourAward.year == year, HonourAward.status == STATUS_AWARDED)
            ).all()
        rows.sort(key=lambda r: (order.get(r[0], len(order)), r[0], -_LEVEL_ORDER.get(r[1], 0), r[5]))
        return [RollEntry(*r[:5]) for r in rows]

    # --- the paged list -----------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        stmt = select(
            HonourAward.id,
            HonourAward.year,
            HonourAward.honour,
            HonourAward.recipient_name,
            HonourAward.recipient,
            HonourAward.level,
            HonourAward.status,
            HonourAward.nominated_on,
            HonourAward.awarded_on,
            Matter.number,
            Matter.title,
            HonourAward.note,
        ).outerjoin(Matter, Matter.id == HonourAward.matter_id)
        f = query.filters
        for key, column in (
            ("year", HonourAward.year),
            ("honour", HonourAward.honour),
            ("level", HonourAward.level),
            ("status", HonourAward.status),
            ("recipient", HonourAward.recipient),
            ("household_id", HonourAward.household_id),
        ):
            if f.get(key) not in (None, ""):
                stmt = stmt.where(column == f[key])
        text = query.text.strip()
        if text:
            stmt = stmt.where(text_matches(text, HonourAward.recipient_name, HonourAward.honour, HonourAward.note))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        if query.sort_key is None:  # newest year first, then as entered
            stmt = self._select(query).order_by(HonourAward.year.desc(), HonourAward.honour, HonourAward.id)
        else:
            stmt = order_by(self._select(query), _SORT, query, HonourAward.id)
        with self.db.session() as s:
            result = s.execute(stmt.offset(offset).limit(limit)).all()
        return [
            Row(r[0], (r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], matter_text(r[9], r[10]), _short(r[11])))
            for r in result
        ]


def _short(text: str, chars: int = 40) -> str:
    one = " ".join(text.split())
    return one if len(one) <= chars else one[: chars - 1] + "…"
