"""村湾理事会 and its groups: councils, members' terms, meetings; 村规民约 and 章程 versions.

The rules (terms, one 会长, attendees serving on the day, one current version) are
``govdesk.councils.rules``; each write here is one transaction that writes nothing when refused.
Reads are in ``councils_query``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.councils import rules
from govdesk.councils.rules import CouncilInput, MeetingInput, MemberInput, Term, VersionInput
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.models import (
    CharterVersion,
    Council,
    CouncilMeeting,
    CouncilMeetingAttendee,
    CouncilMember,
    Matter,
    Resident,
    VillagerGroup,
)
from govdesk.services.councils_query import (  # noqa: F401 - the window imports these from here
    CouncilQueries,
    MeetingView,
    TermView,
    VersionView,
    terms_of,
)


def _fail(field: str, message: str) -> ValidationError:
    return ValidationError([FieldError(field, label(field), message)])


class CouncilService(CouncilQueries):
    """The writes of the 理事会 page (reads in ``CouncilQueries``)."""

    # --- councils ---------------------------------------------------------------------------
    def _fill_council(self, s: Session, council: Council, data: CouncilInput) -> None:
        d = rules.check_council(data, self.today())
        if d.villager_group_id is not None and s.get(VillagerGroup, d.villager_group_id) is None:
            raise _fail("council_group", "找不到这个村民小组")
        parent = s.get(Council, d.parent_id) if d.parent_id is not None else None
        if d.parent_id is not None and parent is None:
            raise _fail("council_parent", "找不到所属理事会")
        why = rules.parent_problem(d.kind, council.id, d.parent_id, parent.kind if parent else None)
        if why:
            raise _fail("council_parent", why)
        taken = s.scalar(select(Council.id).where(Council.name == d.name, Council.id != (council.id or 0)))
        if taken is not None:
            raise _fail("council_name", f"已有名为“{d.name}”的理事会")
        council.name, council.kind, council.villager_group_id = d.name, d.kind, d.villager_group_id
        council.parent_id, council.founded_on, council.purpose = d.parent_id, d.founded_on, d.purpose

    @writes(Changes.VILLAGE_LIFE)
    def create_council(self, data: CouncilInput) -> int:
        with self.db.transaction() as s:
            council = Council()
            self._fill_council(s, council, data)
            s.add(council)
            s.flush()
            return council.id

    @writes(Changes.VILLAGE_LIFE)
    def update_council(self, council_id: int, data: CouncilInput) -> None:
        with self.db.transaction() as s:
            self._fill_council(s, self._council(s, council_id), data)

    # --- members' terms ---------------------------------------------------------------------
    def _fill_term(self, s: Session, term: CouncilMember, council_id: int, data: MemberInput) -> None:
        d = rules.check_member(data, self.today())
        name = d.name
        if d.resident_id is not None:
            resident = s.get(Resident, d.resident_id)
            if resident is None:
                raise _fail("council_member", "找不到这位居民")
            name = resident.name
        person = str(d.resident_id) if d.resident_id is not None else name
        new = Term(term.id or 0, person, d.role, d.started_on, d.ended_on)
        field, why = rules.clash_problem(new, terms_of(s, council_id))
        if why:
            raise _fail(field, why)
        term.council_id, term.resident_id, term.name, term.role = council_id, d.resident_id, name, d.role
        term.started_on, term.ended_on = d.started_on, d.ended_on

    @writes(Changes.VILLAGE_LIFE)
    def add_member(self, council_id: int, data: MemberInput) -> int:
        with self.db.transaction() as s:
            self._council(s, council_id)
            term = CouncilMember()
            self._fill_term(s, term, council_id, data)
            s.add(term)
            s.flush()
            return term.id

    @writes(Changes.VILLAGE_LIFE)
    def update_member(self, term_id: int, data: MemberInput) -> None:
        with self.db.transaction() as s:
            term = self._term(s, term_id)
            self._fill_term(s, term, term.council_id, data)

    @writes(Changes.VILLAGE_LIFE)
    def end_member(self, term_id: int, ended_on: Any) -> None:
        """离任: the term ends on that day (kept, never deleted)."""
        with self.db.transaction() as s:
            term = self._term(s, term_id)
            if term.ended_on is not None:
                raise RefusedError(f"{term.name}已于 {term.ended_on} 离任")
            data = MemberInput(term.resident_id, term.name, term.role, term.started_on, ended_on)
            if data.ended_on in (None, ""):
                raise _fail("council_ended_on", "不能为空")
            self._fill_term(s, term, term.council_id, data)

    def _term(self, s: Session, term_id: int) -> CouncilMember:
        term = s.get(CouncilMember, term_id)
        if term is None:
            raise NotFoundError("找不到这条任职记录")
        return term

    # --- meetings ---------------------------------------------------------------------------
    @writes(Changes.VILLAGE_LIFE)
    def add_meeting(self, council_id: int, data: MeetingInput) -> int:
        d = rules.check_meeting(data, self.today())
        with self.db.transaction() as s:
            self._council(s, council_id)
            why = rules.attendance_problem(list(d.attendee_ids), terms_of(s, council_id), d.held_on)
            if why:
                raise _fail("council_meeting_attendees", why)
            meeting = CouncilMeeting(
                council_id=council_id,
                held_on=d.held_on,
                place=d.place,
                topic=d.topic,
                guests=d.guests,
                minutes=d.minutes,
            )
            s.add(meeting)
            s.flush()
            s.add_all(CouncilMeetingAttendee(meeting_id=meeting.id, council_member_id=i) for i in d.attendee_ids)
            return meeting.id

    # --- 村规民约 and 章程 ---------------------------------------------------------------------
    @writes(Changes.VILLAGE_LIFE)
    def adopt_version(self, council_id: int | None, data: VersionInput) -> int:
        """A new version (村规民约 when ``council_id`` is None): the current one is superseded that day."""
        with self.db.transaction() as s:
            if council_id is not None:
                self._council(s, council_id)
            same = (
                CharterVersion.council_id.is_(None) if council_id is None else CharterVersion.council_id == council_id
            )
            current = s.scalars(select(CharterVersion).where(same, CharterVersion.superseded_on.is_(None))).all()
            latest = max((v.adopted_on for v in current), default=None)
            d = rules.check_version(data, self.today(), latest)
            if d.matter_id is not None and s.get(Matter, d.matter_id) is None:
                raise _fail("charter_matter", "找不到这个决策事项")
            if d.council_meeting_id is not None:
                meeting = s.get(CouncilMeeting, d.council_meeting_id)
                if meeting is None or meeting.council_id != council_id:
                    raise _fail("charter_meeting", "请选择本理事会的会议")
            number = (s.scalar(select(func.max(CharterVersion.version_no)).where(same)) or 0) + 1
            for old in current:
                old.superseded_on = d.adopted_on
            version = CharterVersion(
                council_id=council_id,
                version_no=number,
                title=d.title,
                text=d.text,
                adopted_on=d.adopted_on,
                adopted_by=d.adopted_by,
                council_meeting_id=d.council_meeting_id,
                matter_id=d.matter_id,
            )
            s.add(version)
            s.flush()
            return version.id
