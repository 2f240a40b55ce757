"""Who should attend a meeting, and the attendance as recorded — one sheet, one source per fact.

Who should attend is the roster on the meeting's date (``govdesk.member_status.statuses_on``,
the one rule of a member's standing on a day): the unit's members, and for a 党总支 the members
of its branches; a 支委会 only the members sitting on the branch committee that day. A
probationary member attends and is shown as 预备党员.

Presence at a meeting linked to a 五议两公开 党员大会审议 entry is that entry's tick list (the
latest correction of it): the decision log is append-only and hashed, so it is the record, and
the meeting never holds a second copy. The meeting's own rows then only add what the ticks do
not say: the reason of a member who was absent on leave (请假), and the attendance of members
the tick list leaves out (probationary members have no vote, so they are not on it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.decisions.state import effective_entries
from govdesk.meetings.kinds import ABSENT, EXCUSED, KIND_COMMITTEE, POINT_RULE_OF_MARK, PRESENT
from govdesk.member_status import statuses_on
from govdesk.models import AttendanceTick, Cadre, LogEntry, Meeting, MeetingAttendance, Member, OrgUnit

NOT_ON_ROSTER = "（不在当日名册）"


@dataclass(frozen=True)
class Attendee:
    """One line of a meeting's attendance sheet."""

    member_id: int
    name: str
    status_on_day: str  # 正式党员 / 预备党员 …: the member's standing on the meeting's date
    mark: str  # 出席 / 请假 / 缺席, or "" when not yet recorded
    reason: str = ""  # why on leave
    ticked: bool | None = None  # on the linked decision entry's tick list: present or not; None: not on it

    @property
    def presence_fixed(self) -> bool:
        """出席 or not is the decision log's (correct it there); only 请假 / 缺席 of an absent one is ours."""
        return self.ticked is not None


def unit_and_branches(s: Session, unit_id: int) -> list[int]:
    """The unit and the units under it (a 党总支's branches and their groups)."""
    ids, frontier = [unit_id], [unit_id]
    while frontier:
        frontier = list(s.scalars(select(OrgUnit.id).where(OrgUnit.parent_id.in_(frontier))))
        ids += frontier
    return ids


def expected_statuses(s: Session, kind: str, unit_id: int, day: date) -> dict[int, str]:
    """``{member id: status on day}`` of the members who should attend, in roster order."""
    found: dict[int, str] = {}
    for uid in unit_and_branches(s, unit_id):
        for member_id, status in statuses_on(s, day, unit_id=uid).items():
            found.setdefault(member_id, status)
    if kind == KIND_COMMITTEE:
        committee = committee_members(s, day)
        found = {m: st for m, st in found.items() if m in committee}
    return found


def committee_members(s: Session, day: date, member_ids: Iterable[int] | None = None) -> set[int]:
    """The members sitting on the branch committee on ``day`` (the cadres' register: 支委)."""
    stmt = (
        select(Cadre.member_id)
        .where(Cadre.on_branch_committee.is_(True), Cadre.member_id.is_not(None))
        .where((Cadre.started_on.is_(None)) | (Cadre.started_on <= day))
        .where((Cadre.ended_on.is_(None)) | (Cadre.ended_on > day))
    )
    if member_ids is not None:
        stmt = stmt.where(Cadre.member_id.in_(list(member_ids)))
    return {m for m in s.scalars(stmt) if m is not None}


def decision_ticks(s: Session, entry_id: int) -> dict[int, bool]:
    """``{member id: present}`` of a decision entry's tick list, as last corrected."""
    entry = s.get(LogEntry, entry_id)
    if entry is None:
        return {}
    entries = list(s.scalars(select(LogEntry).where(LogEntry.matter_id == entry.matter_id).order_by(LogEntry.seq)))
    latest = next((e.latest for e in effective_entries(entries) if e.original.id == entry_id), entry)
    rows = s.execute(
        select(AttendanceTick.person_id, AttendanceTick.present).where(
            AttendanceTick.entry_id == latest.id, AttendanceTick.person_kind == "member"
        )
    )
    return {member_id: bool(present) for member_id, present in rows}


def attendance_sheet(s: Session, meeting: Meeting) -> list[Attendee]:
    """Everyone who should have attended (and anyone recorded who was not on the roster that day)."""
    expected = expected_statuses(s, meeting.kind, meeting.unit_id, meeting.held_on)
    rows = {
        r.member_id: r for r in s.scalars(select(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id))
    }
    ticks = decision_ticks(s, meeting.decision_entry_id) if meeting.decision_entry_id else {}
    ids = list(expected) + sorted(m for m in rows if m not in expected)
    names = dict(s.execute(select(Member.id, Member.name).where(Member.id.in_(ids))).all())
    sheet = []
    for member_id in ids:
        row = rows.get(member_id)
        ticked = ticks.get(member_id)
        if ticked is True:
            mark, reason = PRESENT, ""
        elif ticked is False:
            excused = row is not None and row.status == EXCUSED
            mark, reason = (EXCUSED, row.reason) if excused and row else (ABSENT, "")
        else:
            mark, reason = (row.status, row.reason) if row else ("", "")
        status = expected.get(member_id, NOT_ON_ROSTER)
        sheet.append(Attendee(member_id, names.get(member_id, ""), status, mark, reason, ticked))
    return sheet


def attendance_points_wanted(sheet: Iterable[Attendee]) -> dict[int, str]:
    """The automatic points a meeting's attendance asks for: ``{member id: 会议出席 | 会议请假 | 会议缺席}``
    (members not yet marked get none). ``govdesk.points.automatic.sync_automatic_entries`` makes
    the points ledger equal to this, reversing what changed."""
    return {a.member_id: POINT_RULE_OF_MARK[a.mark] for a in sheet if a.mark in POINT_RULE_OF_MARK}
