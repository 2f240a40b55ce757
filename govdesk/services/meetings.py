"""会议 (三会一课, 主题党日, 组织生活会, 民主评议党员): record a meeting and its attendance.

Each write is one transaction. Who should attend comes from the roster on the meeting's date
(``govdesk.meetings.attendance``); a meeting that was also a 五议两公开 党员大会审议 is linked
to that decision entry, whose tick list stays the one record of who was present. Reads are in
``MeetingQueries``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.db import Database
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.meetings.attendance import attendance_sheet, decision_ticks, expected_statuses
from govdesk.meetings.kinds import EXCUSED, KIND_GENERAL, KIND_GROUP, MARKS, MEETING_KINDS, PRESENT
from govdesk.meetings.points import sync_meeting_points, withdraw_meeting_points, withheld_meeting_points
from govdesk.models import LogEntry, Matter, Meeting, MeetingAttendance, OrgUnit
from govdesk.models.decisions import ENTRY_STEP
from govdesk.services.meetings_query import (  # noqa: F401 - the window imports these from here
    MEMBERS_MEETING_RULES,
    DecisionMeetingChoice,
    LinkedDecision,
    MeetingInput,
    MeetingQueries,
    MeetingView,
    MemberYear,
)
from govdesk.validation import Checker, clean_name, clean_text
from govdesk.vocabulary import ORG_GROUP

Marks = Mapping[int, tuple[str, str]]  # member id → (出席 / 请假 / 缺席, reason)


class MeetingService(MeetingQueries):
    """The writes of the meetings register."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None, user: str = "") -> None:
        super().__init__(db, clock)
        self.user = user

    # --- the meeting ---------------------------------------------------------------------------
    def _checked(self, s: Session, data: MeetingInput) -> dict[str, object]:
        c = Checker()
        kind = clean_text(data.kind)
        if kind not in MEETING_KINDS:
            c.fail("meeting_kind", "请选择会议类型")
        unit = s.get(OrgUnit, data.unit_id) if data.unit_id not in (None, "") else None
        if unit is None:
            c.fail("meeting_unit", "请选择支部或党小组")
        elif kind == KIND_GROUP and unit.kind != ORG_GROUP:
            c.fail("meeting_unit", "党小组会应选择党小组")
        elif kind in MEETING_KINDS and kind != KIND_GROUP and unit.kind == ORG_GROUP:
            c.fail("meeting_unit", f"{kind}应选择党支部或党总支")
        held = c.required_date("meeting_date", data.held_on)
        if held is not None and held > self.today():
            c.fail("meeting_date", "不能晚于今天")
        topic = clean_text(data.topic)
        if not topic:
            c.fail("meeting_topic", "不能为空")
        elif len(topic) > 200:
            c.fail("meeting_topic", "不能超过 200 个字")
        c.raise_if_any()
        return {
            "kind": kind,
            "unit_id": unit.id if unit else None,
            "held_on": held,
            "place": clean_text(data.place),
            "host": clean_name(data.host),
            "recorder": clean_name(data.recorder),
            "topic": topic,
            "minutes": clean_text(data.minutes),
        }

    @writes(Changes.MEETINGS | Changes.POINTS)
    def create(self, data: MeetingInput, marks: Marks | None = None) -> int:
        """A new meeting, and its attendance when given (one transaction)."""
        with self.db.transaction() as s:
            meeting = Meeting(**self._checked(s, data))
            s.add(meeting)
            s.flush()
            if marks is not None:
                self._save_marks(s, meeting, marks)
            return meeting.id

    @writes(Changes.MEETINGS | Changes.POINTS)
    def update(self, meeting_id: int, data: MeetingInput, marks: Marks | None = None) -> None:
        with self.db.transaction() as s:
            meeting = self._meeting(s, meeting_id)
            values = self._checked(s, data)
            if meeting.decision_entry_id and (values["held_on"], values["kind"]) != (meeting.held_on, meeting.kind):
                raise RefusedError(
                    "该会议就是五议两公开的党员大会审议，日期和类型以决策台账为准；如需改动，请先取消关联"
                )
            for key, value in values.items():
                setattr(meeting, key, value)
            if marks is not None:
                self._save_marks(s, meeting, marks)

    @writes(Changes.MEETINGS | Changes.POINTS)
    def delete(self, meeting_id: int) -> None:
        """A meeting entered by mistake (its automatic points are reversed with it)."""
        with self.db.transaction() as s:
            meeting = self._meeting(s, meeting_id)
            withdraw_meeting_points(s, meeting, self.user or self.db.actor.name)
            s.execute(delete(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id))
            s.delete(meeting)

    # --- attendance ----------------------------------------------------------------------------
    @writes(Changes.MEETINGS | Changes.POINTS)
    def save_attendance(self, meeting_id: int, marks: Marks) -> dict[int, str]:
        """Replace the meeting's attendance with ``marks`` in one transaction; returns the automatic
        points the attendance asks for (``attendance_points``)."""
        with self.db.transaction() as s:
            meeting = self._meeting(s, meeting_id)
            return self._save_marks(s, meeting, marks)

    def _save_marks(self, s: Session, meeting: Meeting, marks: Marks) -> dict[int, str]:
        expected = expected_statuses(s, meeting.kind, meeting.unit_id, meeting.held_on)
        recorded = set(
            s.scalars(select(MeetingAttendance.member_id).where(MeetingAttendance.meeting_id == meeting.id))
        )
        ticks = decision_ticks(s, meeting.decision_entry_id) if meeting.decision_entry_id else {}
        errors: list[FieldError] = []
        rows = []
        for position, (member_id, (mark, reason)) in enumerate(marks.items()):
            reason = clean_text(reason)
            if member_id not in expected and member_id not in recorded:
                errors.append(_error(f"编号 {member_id} 的党员不在 {meeting.held_on} 该组织的名册中"))
                continue
            if mark not in MARKS:
                errors.append(_error(f"“{mark}”不是出席、请假或缺席"))
                continue
            if mark == EXCUSED and not reason:
                errors.append(FieldError("attendance_reason", label("attendance_reason"), "请假须填写事由"))
                continue
            ticked = ticks.get(member_id)
            if ticked is not None and (mark == PRESENT) != ticked:
                what = "出席" if ticked else "未出席"
                errors.append(
                    _error(
                        f"五议两公开记录中该党员{what}：出席情况以决策台账的实到名单为准，如有错误请在五议两公开中更正"
                    )
                )
                continue
            if ticked is not None and mark != EXCUSED:
                continue  # the tick list says it; nothing of ours to add
            rows.append(
                {
                    "meeting_id": meeting.id,
                    "member_id": member_id,
                    "status": mark,
                    "reason": reason if mark == EXCUSED else "",
                    "position": position,
                }
            )
        if errors:
            raise ValidationError(errors[:1] + [e for e in errors[1:] if e.message != errors[0].message])
        s.execute(delete(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting.id))
        if rows:
            s.execute(insert(MeetingAttendance), rows)
        return self._attendance_points(s, meeting)

    def _attendance_points(self, s: Session, meeting: Meeting) -> dict[int, str]:
        """The saved attendance as the automatic points it asks for, ``{member id: 会议出席 | 会议请假 |
        会议缺席}``, and the points ledger made equal to it in the same transaction (saving the same
        attendance again adds nothing; a changed mark is reversed and given anew)."""
        return sync_meeting_points(s, meeting, self.user or self.db.actor.name)

    def points_withheld(self, meeting_id: int) -> list[str]:
        """After a save: members whose attendance points a monthly or yearly cap withheld (the save
        stands; the dialog tells the clerk), e.g. "王建国：本月…已达上限，本次未记积分"."""
        with self.db.session() as s:
            return withheld_meeting_points(s, self._meeting(s, meeting_id))

    # --- the decision log ----------------------------------------------------------------------
    def _decision_entry(self, s: Session, entry_id: int) -> LogEntry:
        entry = s.get(LogEntry, entry_id)
        if entry is None or entry.kind != ENTRY_STEP or entry.rule_id not in MEMBERS_MEETING_RULES:
            raise NotFoundError("找不到这条五议两公开党员大会审议记录")
        if s.scalar(select(Meeting.id).where(Meeting.decision_entry_id == entry_id)) is not None:
            raise RefusedError("这次党员大会审议已登记为组织生活会议")
        return entry

    @writes(Changes.MEETINGS | Changes.POINTS)
    def create_from_decision(self, entry_id: int, unit_id: int) -> int:
        """The 支部党员大会 that was a matter's 党员大会审议: date, place, host and recorder from the
        decision entry, presence from its tick list (nothing typed twice), and the attendance points
        the tick list gives at once."""
        with self.db.transaction() as s:
            entry = self._decision_entry(s, entry_id)
            matter = s.get(Matter, entry.matter_id)
            assert matter is not None
            data = MeetingInput(
                kind=KIND_GENERAL,
                unit_id=unit_id,
                held_on=entry.event_date,
                place=entry.place,
                host=entry.host,
                recorder=entry.recorder,
                topic=f"审议五议两公开事项 {matter.number} {matter.title}"[:200],
                minutes=entry.text,
            )
            meeting = Meeting(**self._checked(s, data), decision_entry_id=entry.id)
            s.add(meeting)
            s.flush()
            self._attendance_points(s, meeting)
            return meeting.id

    @writes(Changes.MEETINGS | Changes.POINTS)
    def link_decision(self, meeting_id: int, entry_id: int) -> None:
        """Link a 支部党员大会 already recorded to the decision entry it was (same day); from now on
        the tick list says who was present, and our rows keep only leave reasons and non-voters."""
        with self.db.transaction() as s:
            meeting = self._meeting(s, meeting_id)
            entry = self._decision_entry(s, entry_id)
            if meeting.kind != KIND_GENERAL:
                raise RefusedError(f"只有{KIND_GENERAL}可以关联五议两公开的党员大会审议")
            if entry.event_date != meeting.held_on:
                raise RefusedError(
                    f"日期不同：会议为 {meeting.held_on}，党员大会审议为 {entry.event_date}，不是同一次会议"
                )
            meeting.decision_entry_id = entry.id
            ticks = decision_ticks(s, entry.id)
            s.execute(
                delete(MeetingAttendance).where(
                    MeetingAttendance.meeting_id == meeting.id,
                    MeetingAttendance.member_id.in_(list(ticks)),
                    MeetingAttendance.status != EXCUSED,
                )
            )
            s.execute(
                delete(MeetingAttendance).where(
                    MeetingAttendance.meeting_id == meeting.id,
                    MeetingAttendance.member_id.in_([m for m, present in ticks.items() if present]),
                )
            )
            self._attendance_points(s, meeting)

    @writes(Changes.MEETINGS | Changes.POINTS)
    def unlink_decision(self, meeting_id: int) -> None:
        """Undo a wrong link: the presence the tick list gave is written into the meeting's own rows."""
        with self.db.transaction() as s:
            meeting = self._meeting(s, meeting_id)
            if meeting.decision_entry_id is None:
                return
            sheet = attendance_sheet(s, meeting)
            meeting.decision_entry_id = None
            s.flush()
            self._save_marks(s, meeting, {a.member_id: (a.mark, a.reason) for a in sheet if a.mark})


def _error(message: str) -> FieldError:
    return FieldError("attendance_mark", label("meeting_attendance"), message)
