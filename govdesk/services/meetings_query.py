"""Reading the meetings register: the paged list, one meeting with its sheet, the schedule
warnings, a member's year of meetings, and the link to the decision log (both ways)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from govdesk.decisions import quorum
from govdesk.errors import NotFoundError
from govdesk.labels import label
from govdesk.meetings.attendance import (
    Attendee,
    attendance_sheet,
    committee_members,
    decision_ticks,
    expected_statuses,
)
from govdesk.meetings.kinds import ABSENT, EXCUSED, KIND_COMMITTEE, KIND_GROUP, MEETING_KINDS, PRESENT
from govdesk.meetings.schedule import SCHEDULE_RULES, YEAR, ScheduleWarning, previous_period, unit_warnings
from govdesk.member_status import statuses_on
from govdesk.models import LogEntry, Matter, Meeting, MeetingAttendance, Member, OrgUnit
from govdesk.models.decisions import ENTRY_STEP
from govdesk.services.dated import DatedReads
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches
from govdesk.vocabulary import ORG_BRANCH

MEETING_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("id", label("meeting_id")),
    ColumnSpec("held_on", label("meeting_date")),
    ColumnSpec("kind", label("meeting_kind")),
    ColumnSpec("unit", label("meeting_unit")),
    ColumnSpec("topic", label("meeting_topic")),
    ColumnSpec("host", label("meeting_host")),
    ColumnSpec("place", label("meeting_place")),
    ColumnSpec("decision", label("meeting_decision"), sortable=False),
)
_SORT: dict[str, ColumnElement[Any]] = {
    "id": Meeting.id,
    "held_on": Meeting.held_on,
    "kind": Meeting.kind,
    "unit": OrgUnit.sort_order,
    "topic": Meeting.topic,
    "host": Meeting.host,
    "place": Meeting.place,
}
# The 五议两公开 steps a 支部党员大会 can be: those whose should-attend are the voting members.
MEMBERS_MEETING_RULES = tuple(r.id for r in quorum.RULES.values() if r.seat == quorum.SEAT_VOTING_MEMBERS)


@dataclass
class MeetingInput:
    """A meeting as a form edits it (raw values; the service checks them)."""

    kind: Any = ""
    unit_id: Any = None
    held_on: Any = None
    place: Any = ""
    host: Any = ""
    recorder: Any = ""
    topic: Any = ""
    minutes: Any = ""


@dataclass(frozen=True)
class LinkedDecision:
    """The 五议两公开 step a meeting also was."""

    entry_id: int
    matter_id: int
    number: str
    title: str
    step_title: str
    held_on: date | None

    def text(self) -> str:
        return f"{self.number} {self.title}（{self.step_title}）"


@dataclass(frozen=True)
class MeetingView:
    id: int
    data: MeetingInput
    unit_name: str
    decision: LinkedDecision | None
    sheet: tuple[Attendee, ...]

    def counts(self) -> dict[str, int]:
        return {mark: sum(1 for a in self.sheet if a.mark == mark) for mark in (PRESENT, EXCUSED, ABSENT)}

    def summary(self) -> str:
        """应到 31 人，出席 27 人，请假 3 人，缺席 1 人."""
        c = self.counts()
        return f"应到 {len(self.sheet)} 人，出席 {c[PRESENT]} 人，请假 {c[EXCUSED]} 人，缺席 {c[ABSENT]} 人"


@dataclass(frozen=True)
class MemberMeetingLine:
    meeting_id: int
    held_on: date
    kind: str
    topic: str
    mark: str
    reason: str


@dataclass(frozen=True)
class MemberYear:
    """A member's meetings of one year, for the member's own page."""

    year: int
    lines: tuple[MemberMeetingLine, ...]

    def count(self, mark: str) -> int:
        return sum(1 for line in self.lines if line.mark == mark)

    @property
    def rate(self) -> float | None:
        """出席 / meetings marked; None when there were none."""
        marked = sum(1 for line in self.lines if line.mark)
        return self.count(PRESENT) / marked if marked else None

    def summary(self) -> str:
        if not self.lines:
            return f"{self.year}年尚无会议记录"
        rate = f"，出席率 {self.rate:.0%}" if self.rate is not None else ""
        return (
            f"{self.year}年应参加会议 {len(self.lines)} 次：出席 {self.count(PRESENT)} 次，"
            f"请假 {self.count(EXCUSED)} 次，缺席 {self.count(ABSENT)} 次{rate}"
        )


@dataclass(frozen=True)
class DecisionMeetingChoice:
    """A 五议两公开 党员大会审议 entry not yet recorded as a meeting."""

    entry_id: int
    number: str
    title: str
    step_title: str
    held_on: date | None

    def text(self) -> str:
        return f"{self.held_on or ''} {self.number} {self.title}（{self.step_title}）"


def unit_names(s: Session) -> dict[int, str]:
    return dict(s.execute(select(OrgUnit.id, OrgUnit.name)).all())


def linked_decision(s: Session, entry_id: int) -> LinkedDecision | None:
    row = s.execute(
        select(LogEntry.id, Matter.id, Matter.number, Matter.title, LogEntry.step_title, LogEntry.event_date)
        .join(Matter, Matter.id == LogEntry.matter_id)
        .where(LogEntry.id == entry_id)
    ).first()
    return LinkedDecision(*row) if row else None


def meeting_notes(s: Session, entry_ids: list[int]) -> dict[int, str]:
    """``{decision entry id: "见组织生活：会议 2026-05-12 …（第 N 号）"}`` for the entries recorded as a
    meeting (the decision log's history shows it beside the entry)."""
    rows = s.execute(
        select(Meeting.decision_entry_id, Meeting.id, Meeting.held_on, Meeting.kind, OrgUnit.name)
        .join(OrgUnit, OrgUnit.id == Meeting.unit_id)
        .where(Meeting.decision_entry_id.in_(entry_ids))
    )
    return {
        entry_id: f"见组织生活：会议 {held_on.isoformat()} {unit}{kind}（第 {meeting_id} 号）"
        for entry_id, meeting_id, held_on, kind, unit in rows
    }


class MeetingQueries(DatedReads):
    """The reads of the meetings register. ``clock`` is injectable (the demo, the tests)."""

    columns = MEETING_COLUMNS

    def units(self) -> list[tuple[int, str, str]]:
        """(id, name, kind) of the 党总支, branches and Party groups, in tree order."""
        with self.db.session() as s:
            rows = s.execute(select(OrgUnit.id, OrgUnit.name, OrgUnit.kind, OrgUnit.parent_id, OrgUnit.sort_order))
            units = list(rows)
        children: dict[int | None, list[Any]] = {}
        for row in sorted(units, key=lambda r: (r.sort_order, r.id)):
            children.setdefault(row.parent_id, []).append(row)
        out: list[tuple[int, str, str]] = []

        def walk(parent: int | None) -> None:
            for row in children.get(parent, []):
                out.append((row.id, row.name, row.kind))
                walk(row.id)

        walk(None)
        return out

    # --- one meeting ---------------------------------------------------------------------------
    def get(self, meeting_id: int) -> MeetingView:
        with self.db.session() as s:
            return self._view(s, self._meeting(s, meeting_id))

    @staticmethod
    def _meeting(s: Session, meeting_id: int) -> Meeting:
        meeting = s.get(Meeting, meeting_id)
        if meeting is None:
            raise NotFoundError(f"找不到编号为 {meeting_id} 的会议")
        return meeting

    @staticmethod
    def _view(s: Session, m: Meeting) -> MeetingView:
        data = MeetingInput(m.kind, m.unit_id, m.held_on, m.place, m.host, m.recorder, m.topic, m.minutes)
        decision = linked_decision(s, m.decision_entry_id) if m.decision_entry_id else None
        unit = s.get(OrgUnit, m.unit_id)
        return MeetingView(m.id, data, unit.name if unit else "", decision, tuple(attendance_sheet(s, m)))

    def expected(self, kind: str, unit_id: int, day: date) -> list[Attendee]:
        """Who should attend a meeting not yet saved (the dialog's grid before the first save)."""
        with self.db.session() as s:
            statuses = expected_statuses(s, kind, unit_id, day)
            names = dict(s.execute(select(Member.id, Member.name).where(Member.id.in_(list(statuses)))).all())
        return [Attendee(mid, names.get(mid, ""), st, "") for mid, st in statuses.items()]

    # --- the decision log, both ways ----------------------------------------------------------
    def decision_choices(self) -> list[DecisionMeetingChoice]:
        """党员大会审议 entries of the decision log that are not yet a meeting here, newest first."""
        with self.db.session() as s:
            linked = select(Meeting.decision_entry_id).where(Meeting.decision_entry_id.is_not(None))
            rows = s.execute(
                select(LogEntry.id, Matter.number, Matter.title, LogEntry.step_title, LogEntry.event_date)
                .join(Matter, Matter.id == LogEntry.matter_id)
                .where(LogEntry.kind == ENTRY_STEP, LogEntry.rule_id.in_(MEMBERS_MEETING_RULES))
                .where(LogEntry.id.not_in(linked))
                .order_by(LogEntry.event_date.desc(), LogEntry.id.desc())
            ).all()
        return [DecisionMeetingChoice(*r) for r in rows]

    def meeting_of_decision_entry(self, entry_id: int) -> str:
        """What a decision entry shows of its meeting: "见组织生活：会议 2026-05-12 …" (or "")."""
        with self.db.session() as s:
            return meeting_notes(s, [entry_id]).get(entry_id, "")

    # --- schedule -------------------------------------------------------------------------------
    def schedule_warnings(self, today: date | None = None, unit_id: int | None = None) -> list[ScheduleWarning]:
        """Every unit's warnings (branches: 党员大会, 党课, 支委会, 主题党日, 组织生活会, 民主评议;
        Party groups: 党小组会), the longest behind first. None before the first meeting is
        recorded: a village that does not keep its meetings here is not nagged about them."""
        day = today or self.today()
        with self.db.session() as s:
            units = list(s.execute(select(OrgUnit.id, OrgUnit.name, OrgUnit.kind, OrgUnit.parent_id)))
            since_all = s.scalar(select(func.min(Meeting.held_on)))
            if since_all is None:  # the register is not in use yet: no wall of warnings
                return []
            earliest = min(previous_period(day, YEAR)[0], day)
            held = s.execute(select(Meeting.unit_id, Meeting.kind, Meeting.held_on).where(Meeting.held_on >= earliest))
            by_unit: dict[tuple[int, str], list[date]] = {}
            for uid, kind, on in held:
                by_unit.setdefault((uid, kind), []).append(on)
        parent = {u.id: u.parent_id for u in units}
        out: list[ScheduleWarning] = []
        for u in sorted(units, key=lambda u: u.id):
            if unit_id is not None and u.id != unit_id:
                continue
            chain = [u.id]
            if u.kind == ORG_BRANCH:  # a 党总支's meetings count for its branches
                p = parent.get(u.id)
                while p is not None:
                    chain.append(p)
                    p = parent.get(p)
            for rule in SCHEDULE_RULES:
                if rule.unit_kind != u.kind:
                    continue
                days = [d for uid in chain for d in by_unit.get((uid, rule.kind), [])]
                out += unit_warnings(u.id, u.name, rule, days, day, since_all)
        out.sort(key=lambda w: -w.days)
        return out

    # --- a member's year -----------------------------------------------------------------------
    def member_year(self, member_id: int, year: int | None = None) -> MemberYear:
        """The meetings of ``year`` the member was expected at or recorded at, with the marks."""
        year = year or self.today().year
        with self.db.session() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise NotFoundError(f"找不到编号为 {member_id} 的党员")
            units = {u for u in (member.branch_id, member.party_group_id) if u is not None}
            ancestors = set(units)
            frontier = set(units)
            while frontier:
                frontier = set(s.scalars(select(OrgUnit.parent_id).where(OrgUnit.id.in_(frontier)))) - {None}
                ancestors |= frontier
            recorded = select(MeetingAttendance.meeting_id).where(MeetingAttendance.member_id == member_id)
            meetings = s.scalars(
                select(Meeting)
                .where(Meeting.held_on >= date(year, 1, 1), Meeting.held_on <= date(year, 12, 31))
                .where(or_(Meeting.unit_id.in_(ancestors), Meeting.id.in_(recorded)))
                .order_by(Meeting.held_on, Meeting.id)
            ).all()
            rows = {
                meeting_id: (status, reason)
                for meeting_id, status, reason in s.execute(
                    select(MeetingAttendance.meeting_id, MeetingAttendance.status, MeetingAttendance.reason).where(
                        MeetingAttendance.member_id == member_id,
                        MeetingAttendance.meeting_id.in_([m.id for m in meetings]),
                    )
                )
            }
            lines = []
            for m in meetings:
                row = rows.get(m.id)
                # Expected: on the roster that day (the one rule), and for a 支委会 on the committee.
                on_roster = member_id in statuses_on(s, m.held_on, member_ids=[member_id])
                if on_roster and m.kind == KIND_COMMITTEE:
                    on_roster = member_id in committee_members(s, m.held_on, [member_id])
                if not on_roster and row is None:
                    continue
                ticked = decision_ticks(s, m.decision_entry_id).get(member_id) if m.decision_entry_id else None
                if ticked is True:
                    mark, reason = PRESENT, ""
                elif ticked is False:
                    mark, reason = (EXCUSED, row[1]) if row and row[0] == EXCUSED else (ABSENT, "")
                else:
                    mark, reason = row if row else ("", "")
                lines.append(MemberMeetingLine(m.id, m.held_on, m.kind, m.topic, mark, reason))
        return MemberYear(year, tuple(lines))

    # --- the paged list ---------------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        decision = (
            select(Matter.number.concat(" ").concat(Matter.title))
            .join(LogEntry, LogEntry.matter_id == Matter.id)
            .where(LogEntry.id == Meeting.decision_entry_id)
            .scalar_subquery()
        )
        stmt = select(
            Meeting.id,
            Meeting.held_on,
            Meeting.kind,
            OrgUnit.name,
            Meeting.topic,
            Meeting.host,
            Meeting.place,
            decision,
        ).join(OrgUnit, OrgUnit.id == Meeting.unit_id)
        f = query.filters
        if f.get("kind"):
            stmt = stmt.where(Meeting.kind == f["kind"])
        if f.get("unit_id"):
            stmt = stmt.where(Meeting.unit_id == f["unit_id"])
        if f.get("year"):
            year = int(f["year"])
            stmt = stmt.where(Meeting.held_on >= date(year, 1, 1), Meeting.held_on <= date(year, 12, 31))
        text = query.text.strip()
        if text:
            stmt = stmt.where(text_matches(text, Meeting.topic, Meeting.minutes, Meeting.host, Meeting.place))
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        stmt = self._select(query)
        if query.sort_key:
            stmt = order_by(stmt, _SORT, query, Meeting.id)
        else:
            stmt = stmt.order_by(Meeting.held_on.desc(), Meeting.id.desc())
        with self.db.session() as s:
            rows = s.execute(stmt.offset(offset).limit(limit)).all()
        return [Row(r[0], tuple(r)) for r in rows]  # the 编号 column shows the id too

    def years_recorded(self) -> bool:
        """Has any meeting been recorded yet?"""
        with self.db.session() as s:
            return s.scalar(select(Meeting.id).limit(1)) is not None

    def years(self) -> list[int]:
        with self.db.session() as s:
            days = s.execute(select(func.min(Meeting.held_on), func.max(Meeting.held_on))).one()
        if days[0] is None:
            return [self.today().year]
        return list(range(max(days[1].year, self.today().year), days[0].year - 1, -1))


__all__ = ["KIND_GROUP", "MEETING_KINDS"]
