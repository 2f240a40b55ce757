"""A 支部党员大会 that was a matter's 党员大会审议: one record of who was present, each shows the other."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import select

from govdesk.db import Database
from govdesk.decisions.inputs import MeetingInput as DecisionMeetingInput
from govdesk.errors import RefusedError, ValidationError
from govdesk.meetings.kinds import ABSENT, EXCUSED, KIND_GENERAL, PRESENT
from govdesk.meetings.points import points_source
from govdesk.models import OrgUnit, PointEntry
from govdesk.services.decisions import DecisionService
from govdesk.services.meetings import MeetingInput, MeetingService
from govdesk.vocabulary import ORG_GENERAL_BRANCH, STATUS_PROBATIONARY
from tests.conftest import DEMO_TODAY
from tests.decisions.conftest import Clock, meeting, new_matter


def d(days_ago: int) -> date:
    return DEMO_TODAY - timedelta(days=days_ago)


@pytest.fixture
def decisions(demo_db: Database) -> DecisionService:
    return DecisionService(demo_db, clock=Clock(DEMO_TODAY), user="测试")


@pytest.fixture
def meetings(demo_db: Database) -> MeetingService:
    return MeetingService(demo_db, clock=lambda: datetime.combine(DEMO_TODAY, time(10)), user="测试")


@pytest.fixture
def general(demo_db: Database) -> int:
    with demo_db.session() as s:
        return s.scalars(select(OrgUnit.id).where(OrgUnit.kind == ORG_GENERAL_BRANCH)).one()


def _review_entry(decisions: DecisionService, held: date, absent: int = 3) -> tuple[int, list[tuple[str, int]]]:
    """A new matter up to its 党员大会审议, held on ``held`` with the last ``absent`` members not ticked."""
    mid = new_matter(decisions, held - timedelta(days=6))
    meeting(decisions, mid, held - timedelta(days=4))
    meeting(decisions, mid, held - timedelta(days=2))
    step = decisions.matter(mid).next_step
    assert step is not None and step.title == "党员大会审议"
    seats = decisions.should_attend(step.rule_id, held)
    entry_id, _verdict = meeting(decisions, mid, held, present=len(seats) - absent)
    return entry_id, [s.key for s in seats]


def test_meeting_from_decision_takes_presence_from_the_tick_list(
    decisions: DecisionService, meetings: MeetingService, general: int
) -> None:
    entry_id, seats = _review_entry(decisions, d(3))
    assert entry_id in [c.entry_id for c in meetings.decision_choices()]
    mid = meetings.create_from_decision(entry_id, general)
    view = meetings.get(mid)
    assert view.data.kind == KIND_GENERAL and view.data.held_on == d(3)
    assert view.decision is not None and view.decision.entry_id == entry_id
    assert view.decision.step_title == "党员大会审议"
    by_id = {a.member_id: a for a in view.sheet}
    voters = [member_id for _kind, member_id in seats]
    assert [by_id[m].mark for m in voters] == [PRESENT] * (len(voters) - 3) + [ABSENT] * 3
    assert all(by_id[m].presence_fixed for m in voters)
    # probationary members are expected (shown as such) but not on the tick list: ours to record
    probationary = [a for a in view.sheet if a.status_on_day == STATUS_PROBATIONARY]
    assert probationary and all(a.ticked is None and a.mark == "" for a in probationary)
    # the other way: the decision entry shows its meeting, and it is no longer offered
    assert meetings.meeting_of_decision_entry(entry_id).startswith(f"见组织生活：会议 {d(3).isoformat()}")
    assert entry_id not in [c.entry_id for c in meetings.decision_choices()]
    history = {h.entry_id: h for h in decisions.history(view.decision.matter_id)}
    assert history[entry_id].note.startswith(f"见组织生活：会议 {d(3).isoformat()}")
    with pytest.raises(RefusedError, match="已登记为组织生活会议"):
        meetings.create_from_decision(entry_id, general)

    # attendance: a leave reason for an absent voter and the probationary members' marks are ours …
    absent_voter = voters[-1]
    marks = {a.member_id: (a.mark, a.reason) for a in view.sheet if a.mark}
    marks[absent_voter] = (EXCUSED, "外出务工")
    marks.update({a.member_id: (PRESENT, "") for a in probationary})
    wanted = meetings.save_attendance(mid, marks)
    assert wanted[absent_voter] == "会议请假" and wanted[voters[0]] == "会议出席"
    assert all(wanted[a.member_id] == "会议出席" for a in probationary)
    # … but who was present is the decision log's: it is corrected there, not typed again here
    with pytest.raises(ValidationError, match="以决策台账的实到名单为准"):
        meetings.save_attendance(mid, {**marks, voters[0]: (ABSENT, "")})
    with pytest.raises(ValidationError, match="以决策台账的实到名单为准"):
        meetings.save_attendance(mid, {**marks, voters[-2]: (PRESENT, "")})


def test_a_correction_in_the_decision_log_is_what_the_meeting_shows(
    decisions: DecisionService, meetings: MeetingService, general: int
) -> None:
    entry_id, seats = _review_entry(decisions, d(3))
    mid = meetings.create_from_decision(entry_id, general)
    voters = [member_id for _kind, member_id in seats]
    # the clerk finds two more people signed in: the tick list is corrected in the decision log
    fixed = DecisionMeetingInput(d(3), "村部会议室", "张三", "李四", seats[:-1], len(seats) - 1, 0, 0, "同意")
    decisions.correct(entry_id, "签到表漏登两人", fixed)
    marks = {a.member_id: a.mark for a in meetings.get(mid).sheet}
    assert [marks[m] for m in voters] == [PRESENT] * (len(voters) - 1) + [ABSENT]


def test_a_correction_in_the_decision_log_re_gives_the_meetings_points(
    demo_db: Database, decisions: DecisionService, meetings: MeetingService, general: int
) -> None:
    """The tick list is the meeting's presence, so correcting it in the decision log changes the
    automatic points in the same write: reversed and given anew, never edited (issue G §2)."""
    entry_id, seats = _review_entry(decisions, d(3), absent=1)
    mid = meetings.create_from_decision(entry_id, general)
    late = seats[-1][1]  # not ticked: 会议缺席
    with demo_db.session() as s:
        before = s.scalars(select(PointEntry).where(PointEntry.source == points_source(mid))).all()
        assert sum(e.points for e in before if e.member_id == late) < 0
    fixed = DecisionMeetingInput(d(3), "村部会议室", "张三", "李四", seats, len(seats), 0, 0, "同意")
    decisions.correct(entry_id, "签到表漏登一人", fixed)
    with demo_db.session() as s:
        after = s.scalars(select(PointEntry).where(PointEntry.source == points_source(mid))).all()
    assert sum(e.points for e in after if e.member_id == late) > 0  # now 会议出席
    assert any(e.reverses_id is not None and e.member_id == late for e in after)
    assert {e.id for e in before} <= {e.id for e in after}  # nothing edited or removed


def test_link_an_existing_meeting_on_the_same_day(
    decisions: DecisionService, meetings: MeetingService, general: int
) -> None:
    entry_id, seats = _review_entry(decisions, d(3))
    voters = [member_id for _kind, member_id in seats]
    other_day = meetings.create(MeetingInput(KIND_GENERAL, general, d(5), "村部", "张三", "", "学习"))
    with pytest.raises(RefusedError, match="日期不同"):
        meetings.link_decision(other_day, entry_id)
    typed = {m: (PRESENT, "") for m in voters}
    typed[voters[-1]] = (EXCUSED, "住院")
    same_day = meetings.create(MeetingInput(KIND_GENERAL, general, d(3), "村部", "张三", "", "审议"), typed)
    meetings.link_decision(same_day, entry_id)
    sheet = {a.member_id: a for a in meetings.get(same_day).sheet}
    # the tick list wins for presence; the leave reason typed earlier is kept
    assert sheet[voters[-2]].mark == ABSENT
    assert (sheet[voters[-1]].mark, sheet[voters[-1]].reason) == (EXCUSED, "住院")
    # date and kind now follow the decision log
    with pytest.raises(RefusedError, match="以决策台账为准"):
        meetings.update(same_day, MeetingInput(KIND_GENERAL, general, d(4), "村部", "张三", "", "审议"))
    # undoing a wrong link keeps what the tick list said, now as the meeting's own record
    meetings.unlink_decision(same_day)
    view = meetings.get(same_day)
    assert view.decision is None
    assert {a.member_id: a.mark for a in view.sheet if a.member_id in voters} == {
        a: b.mark for a, b in sheet.items() if a in voters
    }
    assert meetings.meeting_of_decision_entry(entry_id) == ""
