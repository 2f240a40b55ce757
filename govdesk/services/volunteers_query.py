"""Reading the 志愿服务 ledger: teams with their year's figures, the paged lists of volunteers and
activities, an activity in full, and hours per person and per team (the rule ``hours_totals``).

The paged lists read a page in SQL; the hours shown beside a page's volunteers are totalled by
the one rule over just that page's parts, so the figure is counted one way everywhere.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from govdesk.db import Database
from govdesk.errors import NotFoundError
from govdesk.labels import label
from govdesk.models import Member, Resident
from govdesk.models.volunteers import Volunteer, VolunteerActivity, VolunteerHours, VolunteerTeam
from govdesk.services.dated import DatedReads
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, like_escape, order_by, text_matches
from govdesk.volunteers.rules import HoursTotal, hours_totals, on_team

SUMMARY_CHARS = 40


@dataclass(frozen=True)
class TeamView:
    id: int
    name: str
    leader_resident_id: int | None
    leader_name: str
    purpose: str
    volunteers: int  # on the team today
    activities: int  # this year
    hours: float  # this year


@dataclass(frozen=True)
class ActivityView:
    id: int
    team_id: int
    team: str
    day: date
    place: str
    content: str
    hours: dict[int, float]  # resident id -> hours
    names: dict[int, str]


@dataclass(frozen=True)
class PersonHours:
    resident_id: int
    name: str
    teams: str
    is_member: bool
    activities: int
    hours: float


def _year_bounds(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year, 12, 31)


def year_parts(s: Session, year: int, resident_ids: Iterable[int] | None = None) -> list[tuple[int, int, int, float]]:
    """(resident id, team id, activity id, hours) of the year's activities."""
    first, last = _year_bounds(year)
    stmt = (
        select(VolunteerHours.resident_id, VolunteerActivity.team_id, VolunteerHours.activity_id, VolunteerHours.hours)
        .join(VolunteerActivity, VolunteerActivity.id == VolunteerHours.activity_id)
        .where(VolunteerActivity.day >= first, VolunteerActivity.day <= last)
    )
    if resident_ids is not None:
        stmt = stmt.where(VolunteerHours.resident_id.in_(list(resident_ids)))
    return [(r, t, a, h) for r, t, a, h in s.execute(stmt)]


def activity_hours(s: Session, year: int) -> list[tuple[int, int, float]]:
    """(team id, activity id, hours of all its participants) of the year's activities: what the
    team totals need, summed per activity in SQL so the rule adds a few thousand rows, not every
    participation."""
    first, last = _year_bounds(year)
    stmt = (
        select(VolunteerActivity.team_id, VolunteerActivity.id, func.sum(VolunteerHours.hours))
        .join(VolunteerHours, VolunteerHours.activity_id == VolunteerActivity.id)
        .where(VolunteerActivity.day >= first, VolunteerActivity.day <= last)
        .group_by(VolunteerActivity.id)
    )
    return [(team, act, float(h)) for team, act, h in s.execute(stmt)]


def member_of_residents(s: Session, resident_ids: Iterable[int]) -> dict[int, int]:
    """``{resident id: member id}`` for those residents who are Party members (members.resident_id)."""
    rows = s.execute(select(Member.resident_id, Member.id).where(Member.resident_id.in_(list(resident_ids))))
    return {rid: mid for rid, mid in rows if rid is not None}


VOLUNTEER_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("name", label("volunteer_name")),
    ColumnSpec("team", label("volunteer_team")),
    ColumnSpec("joined_on", label("volunteer_joined_on")),
    ColumnSpec("left_on", label("volunteer_left_on")),
    ColumnSpec("is_member", label("volunteer_is_member"), sortable=False),
    ColumnSpec("activities", label("volunteer_activities_this_year"), sortable=False),
    ColumnSpec("hours", label("volunteer_hours_this_year"), sortable=False),
)
ACTIVITY_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("day", label("volunteer_activity_day")),
    ColumnSpec("team", label("volunteer_team")),
    ColumnSpec("place", label("volunteer_activity_place")),
    ColumnSpec("content", label("volunteer_activity_content"), sortable=False),
    ColumnSpec("participants", label("volunteer_participants"), sortable=False),
    ColumnSpec("hours", label("volunteer_hours_total"), sortable=False),
)


def summary(text: str, chars: int = SUMMARY_CHARS) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= chars else one_line[: chars - 1] + "…"


class VolunteerListing:
    """The memberships, a page at a time: name, team, dates, member or not, this year's hours."""

    columns = VOLUNTEER_COLUMNS

    def __init__(self, db: Database, today: Callable[[], date]) -> None:
        self.db, self.today = db, today

    def _select(self, query: ListQuery) -> Select[Any]:
        stmt = (
            select(
                Volunteer.id,
                Resident.name,
                VolunteerTeam.name,
                Volunteer.joined_on,
                Volunteer.left_on,
                Volunteer.resident_id,
                Volunteer.team_id,
            )
            .join(Resident, Resident.id == Volunteer.resident_id)
            .join(VolunteerTeam, VolunteerTeam.id == Volunteer.team_id)
        )
        if query.filters.get("team_id"):
            stmt = stmt.where(Volunteer.team_id == query.filters["team_id"])
        if not query.include_ended:
            stmt = stmt.where(or_(Volunteer.left_on.is_(None), Volunteer.left_on > self.today()))
        text = query.text.strip()
        if text:
            stmt = stmt.where(text_matches(text, Resident.name))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        sort: dict[str, ColumnElement[Any]] = {
            "name": Resident.name,
            "team": VolunteerTeam.sort_order,
            "joined_on": Volunteer.joined_on,
            "left_on": Volunteer.left_on,
        }
        if query.sort_key is None:
            stmt = self._select(query).order_by(
                VolunteerTeam.sort_order, VolunteerTeam.id, Volunteer.joined_on, Volunteer.id
            )
        else:
            stmt = order_by(self._select(query), sort, query, Volunteer.id)
        today = self.today()
        with self.db.session() as s:
            rows = s.execute(stmt.offset(offset).limit(limit)).all()
            residents = {r[5] for r in rows}
            members = member_of_residents(s, residents)
            parts = year_parts(s, today.year, residents)
        # Activities and hours this year on the membership's own team.
        totals = hours_totals(((rid, team), act, h) for rid, team, act, h in parts)
        found = []
        for vid, name, team, joined, left, rid, team_id in rows:
            total = totals.get((rid, team_id), HoursTotal(0, 0.0))
            shown = (
                name,
                team,
                joined,
                left,
                "是" if rid in members else "",
                total.activities or None,
                total.hours or None,
            )
            found.append(Row(vid, shown, ended=left is not None and left <= today))
        return found


class ActivityListing:
    """The activities, newest first: day, team, place, what was done, how many took part, hours."""

    columns = ACTIVITY_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    def _select(self, query: ListQuery) -> Select[Any]:
        people = select(func.count()).where(VolunteerHours.activity_id == VolunteerActivity.id).scalar_subquery()
        hours = (
            select(func.coalesce(func.sum(VolunteerHours.hours), 0))
            .where(VolunteerHours.activity_id == VolunteerActivity.id)
            .scalar_subquery()
        )
        stmt = select(
            VolunteerActivity.id,
            VolunteerActivity.day,
            VolunteerTeam.name,
            VolunteerActivity.place,
            VolunteerActivity.content,
            people,
            hours,
        ).join(VolunteerTeam, VolunteerTeam.id == VolunteerActivity.team_id)
        f = query.filters
        if f.get("team_id"):
            stmt = stmt.where(VolunteerActivity.team_id == f["team_id"])
        if f.get("year"):
            first, last = _year_bounds(int(f["year"]))
            stmt = stmt.where(VolunteerActivity.day >= first, VolunteerActivity.day <= last)
        text = query.text.strip()
        if text:
            stmt = stmt.where(text_matches(text, VolunteerActivity.content, VolunteerActivity.place))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        sort: dict[str, ColumnElement[Any]] = {
            "day": VolunteerActivity.day,
            "team": VolunteerTeam.sort_order,
            "place": VolunteerActivity.place,
        }
        if query.sort_key is None:
            stmt = self._select(query).order_by(VolunteerActivity.day.desc(), VolunteerActivity.id.desc())
        else:
            stmt = order_by(self._select(query), sort, query, VolunteerActivity.id)
        with self.db.session() as s:
            rows = s.execute(stmt.offset(offset).limit(limit)).all()
        return [Row(r[0], (r[1], r[2], r[3], summary(r[4]), r[5], round(r[6], 1))) for r in rows]


class VolunteerQueries(DatedReads):
    """The reads of the 志愿服务 ledger. ``clock`` is injectable (the demo, the tests)."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        super().__init__(db, clock)
        self.volunteer_list = VolunteerListing(db, self.today)
        self.activity_list = ActivityListing(db)

    def teams(self, year: int | None = None) -> list[TeamView]:
        year = year or self.today().year
        today = self.today()
        with self.db.session() as s:
            teams = s.scalars(select(VolunteerTeam).order_by(VolunteerTeam.sort_order, VolunteerTeam.id)).all()
            memberships = s.execute(select(Volunteer.team_id, Volunteer.joined_on, Volunteer.left_on)).all()
            totals = hours_totals(activity_hours(s, year))
            on_now = Counter(team for team, j, left in memberships if on_team(j, left, today))
            views = []
            for t in teams:
                now = on_now.get(t.id, 0)
                total = totals.get(t.id, HoursTotal(0, 0.0))
                views.append(
                    TeamView(
                        t.id, t.name, t.leader_resident_id, t.leader_name, t.purpose, now, total.activities, total.hours
                    )
                )
        return views

    def find_residents(self, text: str, limit: int = 30) -> list[tuple[int, str]]:
        """Current residents whose name contains ``text`` (or whose ID number ends with it), for a
        picker: (resident id, "name 户号 …, 党员")."""
        from govdesk.models import Household

        text = text.strip()
        if not text:
            return []
        esc = like_escape(text)
        with self.db.session() as s:
            rows = s.execute(
                select(Resident.id, Resident.name, Resident.birth_date, Household.number)
                .join(Household, Household.id == Resident.household_id)
                .where(Resident.ended_on.is_(None))
                .where(
                    or_(Resident.name.like(f"%{esc}%", escape="\\"), Resident.id_number.like(f"%{esc}", escape="\\"))
                )
                .order_by(Resident.name, Resident.id)
                .limit(limit)
            ).all()
            members = member_of_residents(s, [r[0] for r in rows])
        return [
            (rid, f"{name}　{born.year}年生　户号 {number}{'　党员' if rid in members else ''}")
            for rid, name, born, number in rows
        ]

    def volunteers_on(self, team_id: int, day: date) -> list[tuple[int, str]]:
        """(resident id, name) of the team's volunteers on that day: who may take part in its activity."""
        with self.db.session() as s:
            rows = s.execute(
                select(Volunteer.resident_id, Resident.name, Volunteer.joined_on, Volunteer.left_on)
                .join(Resident, Resident.id == Volunteer.resident_id)
                .where(Volunteer.team_id == team_id)
                .order_by(Volunteer.joined_on, Volunteer.id)
            ).all()
        found = {rid: name for rid, name, joined, left in rows if on_team(joined, left, day)}
        return list(found.items())

    def activity(self, activity_id: int) -> ActivityView:
        with self.db.session() as s:
            a = s.get(VolunteerActivity, activity_id)
            if a is None:
                raise NotFoundError(f"找不到编号为 {activity_id} 的志愿服务活动")
            team = s.get(VolunteerTeam, a.team_id)
            parts = s.execute(
                select(VolunteerHours.resident_id, VolunteerHours.name, VolunteerHours.hours)
                .where(VolunteerHours.activity_id == activity_id)
                .order_by(VolunteerHours.name)
            ).all()
            return ActivityView(
                a.id,
                a.team_id,
                team.name if team else "",
                a.day,
                a.place,
                a.content,
                {r: h for r, _n, h in parts},
                {r: n for r, n, _h in parts},
            )

    def person_hours(self, year: int, team_id: int | None = None) -> list[PersonHours]:
        """Everyone who served in the year (of one team, or of all), most hours first."""
        with self.db.session() as s:
            parts = [p for p in year_parts(s, year) if team_id is None or p[1] == team_id]
            residents = {p[0] for p in parts}
            totals = hours_totals((rid, act, h) for rid, _t, act, h in parts)
            names = dict(s.execute(select(Resident.id, Resident.name).where(Resident.id.in_(list(residents)))).all())
            members = member_of_residents(s, residents)
            team_names = dict(s.execute(select(VolunteerTeam.id, VolunteerTeam.name)).all())
        teams_of: dict[int, list[str]] = {}
        for rid, team, _act, _h in sorted(parts, key=lambda p: p[1]):
            if team_names[team] not in teams_of.setdefault(rid, []):
                teams_of[rid].append(team_names[team])
        found = [
            PersonHours(rid, names.get(rid, ""), "、".join(teams_of[rid]), rid in members, t.activities, t.hours)
            for rid, t in totals.items()
        ]
        return sorted(found, key=lambda p: (-p.hours, -p.activities, p.name))

    def roster(self, team_id: int, day: date | None = None) -> list[tuple[str, str, date, bool, str]]:
        """A team's volunteers on a day: (name, sex, joined on, Party member, note)."""
        day = day or self.today()
        with self.db.session() as s:
            rows = s.execute(
                select(
                    Volunteer.resident_id,
                    Resident.name,
                    Resident.sex,
                    Volunteer.joined_on,
                    Volunteer.left_on,
                    Volunteer.note,
                )
                .join(Resident, Resident.id == Volunteer.resident_id)
                .where(Volunteer.team_id == team_id)
                .order_by(Volunteer.joined_on, Volunteer.id)
            ).all()
            members = member_of_residents(s, [r[0] for r in rows])
        return [(n, sex, j, rid in members, note) for rid, n, sex, j, left, note in rows if on_team(j, left, day)]
