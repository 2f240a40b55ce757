"""Reading the 理事会 page: the paged council list, a council's terms, meetings and 章程 versions,
and the 村规民约 (current and older versions)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session, aliased

from govdesk.councils.rules import ROLE_CHAIR, Term
from govdesk.errors import NotFoundError
from govdesk.labels import label
from govdesk.models import (
    CharterVersion,
    Council,
    CouncilMeeting,
    CouncilMeetingAttendee,
    CouncilMember,
    Matter,
    VillagerGroup,
)
from govdesk.services.dated import DatedReads
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches

COUNCIL_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", label("council_name")),
    ColumnSpec("kind", label("council_kind")),
    ColumnSpec("group", label("council_group")),
    ColumnSpec("parent", label("council_parent")),
    ColumnSpec("chair", label("council_chair"), sortable=False),
    ColumnSpec("members", label("council_member_count"), sortable=False),
    ColumnSpec("meetings", "会议次数", sortable=False),
    ColumnSpec("founded_on", label("council_founded_on")),
)
_PARENT = aliased(Council)
_SORT: dict[str, ColumnElement[Any]] = {
    "name": Council.name,
    "kind": Council.kind,
    "group": VillagerGroup.sort_order,
    "parent": _PARENT.name,
    "founded_on": Council.founded_on,
}


@dataclass(frozen=True)
class TermView:
    id: int
    resident_id: int | None
    name: str
    role: str
    started_on: date
    ended_on: date | None


@dataclass(frozen=True)
class MeetingView:
    id: int
    held_on: date
    place: str
    topic: str
    attendees: tuple[str, ...]
    guests: str
    minutes: str


@dataclass(frozen=True)
class VersionView:
    id: int
    version_no: int
    title: str
    text: str
    adopted_on: date
    adopted_by: str
    meeting: str  # the council meeting that adopted it, or ''
    matter: str  # the decision-log matter, or ''
    superseded_on: date | None

    @property
    def current(self) -> bool:
        return self.superseded_on is None

    def adopted_text(self) -> str:
        by = self.matter or self.meeting
        return f"{self.adopted_on} {self.adopted_by}通过" + (f"（{by}）" if by else "")


def terms_of(s: Session, council_id: int) -> list[Term]:
    rows = s.execute(
        select(
            CouncilMember.id,
            CouncilMember.resident_id,
            CouncilMember.name,
            CouncilMember.role,
            CouncilMember.started_on,
            CouncilMember.ended_on,
        ).where(CouncilMember.council_id == council_id)
    )
    return [Term(i, str(rid) if rid is not None else name, role, a, b) for i, rid, name, role, a, b in rows]


class CouncilQueries(DatedReads):
    """The reads of the 理事会 page. ``clock`` is injectable (the demo, the tests)."""

    columns = COUNCIL_COLUMNS

    def _council(self, s: Session, council_id: int) -> Council:
        council = s.get(Council, council_id)
        if council is None:
            raise NotFoundError(f"找不到编号为 {council_id} 的理事会")
        return council

    def council(self, council_id: int) -> dict[str, Any]:
        """The stored values, as the council form edits them."""
        with self.db.session() as s:
            c = self._council(s, council_id)
            return {
                "name": c.name,
                "kind": c.kind,
                "villager_group_id": c.villager_group_id,
                "parent_id": c.parent_id,
                "founded_on": c.founded_on,
                "purpose": c.purpose,
            }

    def council_choices(self) -> list[tuple[int, str, str]]:
        """(id, name, kind) of every council, for the parent combo and filters."""
        with self.db.session() as s:
            return [tuple(r) for r in s.execute(select(Council.id, Council.name, Council.kind).order_by(Council.id))]  # type: ignore[misc]

    def terms(self, council_id: int, day: date | None = None) -> list[TermView]:
        """Every term (serving first, then those who left); ``day``: only those serving that day."""
        with self.db.session() as s:
            stmt = select(CouncilMember).where(CouncilMember.council_id == council_id)
            if day is not None:
                stmt = stmt.where(
                    CouncilMember.started_on <= day,
                    or_(CouncilMember.ended_on.is_(None), CouncilMember.ended_on >= day),
                )
            rows = s.scalars(
                stmt.order_by(CouncilMember.ended_on.is_not(None), CouncilMember.started_on, CouncilMember.id)
            )
            return [TermView(t.id, t.resident_id, t.name, t.role, t.started_on, t.ended_on) for t in rows]

    def meetings(self, council_id: int) -> list[MeetingView]:
        """A council's meetings, newest first, with the names of those present."""
        with self.db.session() as s:
            meetings = s.scalars(
                select(CouncilMeeting)
                .where(CouncilMeeting.council_id == council_id)
                .order_by(CouncilMeeting.held_on.desc(), CouncilMeeting.id.desc())
            ).all()
            names: dict[int, list[str]] = {}
            rows = s.execute(
                select(CouncilMeetingAttendee.meeting_id, CouncilMember.name)
                .join(CouncilMember, CouncilMember.id == CouncilMeetingAttendee.council_member_id)
                .where(CouncilMeetingAttendee.meeting_id.in_([m.id for m in meetings]))
                .order_by(CouncilMember.id)
            )
            for meeting_id, name in rows:
                names.setdefault(meeting_id, []).append(name)
            return [
                MeetingView(m.id, m.held_on, m.place, m.topic, tuple(names.get(m.id, ())), m.guests, m.minutes)
                for m in meetings
            ]

    def versions(self, council_id: int | None) -> list[VersionView]:
        """Every version of the 村规民约 (``None``) or of a council's 章程, current first."""
        same = CharterVersion.council_id.is_(None) if council_id is None else CharterVersion.council_id == council_id
        with self.db.session() as s:
            rows = s.execute(
                select(CharterVersion, CouncilMeeting.held_on, CouncilMeeting.topic, Matter.number, Matter.title)
                .outerjoin(CouncilMeeting, CouncilMeeting.id == CharterVersion.council_meeting_id)
                .outerjoin(Matter, Matter.id == CharterVersion.matter_id)
                .where(same)
                .order_by(CharterVersion.version_no.desc())
            ).all()
        return [
            VersionView(
                v.id,
                v.version_no,
                v.title,
                v.text,
                v.adopted_on,
                v.adopted_by,
                f"{held} {topic}" if held else "",
                f"{number} {title}" if number else "",
                v.superseded_on,
            )
            for v, held, topic, number, title in rows
        ]

    def current_rules(self) -> VersionView | None:
        """The 村规民约 in force (None before the first version is entered)."""
        return next((v for v in self.versions(None) if v.current), None)

    # --- the paged list -----------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        today = self.today()
        chair = (
            select(CouncilMember.name)
            .where(
                CouncilMember.council_id == Council.id,
                CouncilMember.role == ROLE_CHAIR,
                CouncilMember.started_on <= today,
                or_(CouncilMember.ended_on.is_(None), CouncilMember.ended_on >= today),
            )
            .limit(1)
            .scalar_subquery()
        )
        serving = (
            select(func.count())
            .where(
                CouncilMember.council_id == Council.id,
                CouncilMember.started_on <= today,
                or_(CouncilMember.ended_on.is_(None), CouncilMember.ended_on >= today),
            )
            .scalar_subquery()
        )
        meetings = select(func.count()).where(CouncilMeeting.council_id == Council.id).scalar_subquery()
        stmt = (
            select(
                Council.id,
                Council.name,
                Council.kind,
                VillagerGroup.name,
                _PARENT.name,
                chair,
                serving,
                meetings,
                Council.founded_on,
                Council.ended_on,
            )
            .outerjoin(VillagerGroup, VillagerGroup.id == Council.villager_group_id)
            .outerjoin(_PARENT, _PARENT.id == Council.parent_id)
        )
        f = query.filters
        if f.get("kind"):
            stmt = stmt.where(Council.kind == f["kind"])
        if f.get("villager_group_id"):
            stmt = stmt.where(Council.villager_group_id == f["villager_group_id"])
        if not query.include_ended:
            stmt = stmt.where(Council.ended_on.is_(None))
        text = query.text.strip()
        if text:
            member = select(CouncilMember.id).where(
                CouncilMember.council_id == Council.id, text_matches(text, CouncilMember.name)
            )
            stmt = stmt.where(or_(text_matches(text, Council.name, Council.purpose), member.exists()))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        stmt = order_by(self._select(query), _SORT, query, Council.id)
        with self.db.session() as s:
            return [Row.with_end_date(r) for r in s.execute(stmt.offset(offset).limit(limit))]
