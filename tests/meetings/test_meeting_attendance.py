"""Who should attend a meeting on its date, and saving the attendance."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.errors import NotFoundError, ValidationError
from govdesk.meetings.kinds import ABSENT, EXCUSED, KIND_GENERAL, KIND_GROUP, KIND_LECTURE, PRESENT
from govdesk.services.meetings import MeetingInput, MeetingService
from govdesk.vocabulary import STATUS_FULL, STATUS_PROBATIONARY
from tests.meetings.conftest import Town


def _names(town: Town, ids: list[int]) -> list[str]:
    by_id = {v: k for k, v in town.members.items()}
    return [by_id[i] for i in ids]


@pytest.mark.parametrize(
    ("day", "unit", "expected"),
    [
        # 张三 is probationary before 2026-03-10: attends, shown as such; 赵四 not yet a member in
        # April; 钱五 still on the roster until 2026-05-01.
        (
            date(2026, 2, 10),
            "first",
            {"王一": STATUS_FULL, "李二": STATUS_FULL, "张三": STATUS_PROBATIONARY, "钱五": STATUS_FULL},
        ),
        (
            date(2026, 4, 10),
            "first",
            {"王一": STATUS_FULL, "李二": STATUS_FULL, "张三": STATUS_FULL, "钱五": STATUS_FULL},
        ),
        (
            date(2026, 7, 10),
            "first",
            {"王一": STATUS_FULL, "李二": STATUS_FULL, "张三": STATUS_FULL, "赵四": STATUS_PROBATIONARY},
        ),
        (date(2026, 7, 10), "group", {"王一": STATUS_FULL, "张三": STATUS_FULL}),
        # a 党总支's meeting: the members of all its branches
        (
            date(2026, 7, 10),
            "general",
            {
                "王一": STATUS_FULL,
                "李二": STATUS_FULL,
                "张三": STATUS_FULL,
                "赵四": STATUS_PROBATIONARY,
                "孙六": STATUS_FULL,
            },
        ),
    ],
)
def test_expected_attendees_are_the_roster_on_the_meeting_date(
    town: Town, meetings: MeetingService, day: date, unit: str, expected: dict[str, str]
) -> None:
    kind = KIND_GROUP if unit == "group" else KIND_GENERAL
    sheet = meetings.expected(kind, getattr(town, unit), day)
    assert {a.name: a.status_on_day for a in sheet} == expected
    assert all(a.mark == "" for a in sheet)


def _meeting(town: Town, day: date = date(2026, 7, 10), kind: str = KIND_GENERAL) -> MeetingInput:
    return MeetingInput(kind, town.first, day, "村部会议室", "王一", "李二", "学习党章", "传达学习……")


def test_save_attendance_in_one_go_and_read_it_back(town: Town, meetings: MeetingService) -> None:
    m = town.members
    mid = meetings.create(_meeting(town))
    wanted = meetings.save_attendance(
        mid,
        {m["王一"]: (PRESENT, ""), m["李二"]: (EXCUSED, "外出务工"), m["张三"]: (PRESENT, ""), m["赵四"]: (ABSENT, "")},
    )
    assert wanted == {m["王一"]: "会议出席", m["李二"]: "会议请假", m["张三"]: "会议出席", m["赵四"]: "会议缺席"}
    view = meetings.get(mid)
    assert [(a.name, a.status_on_day, a.mark, a.reason) for a in view.sheet] == [
        ("王一", STATUS_FULL, PRESENT, ""),
        ("李二", STATUS_FULL, EXCUSED, "外出务工"),
        ("张三", STATUS_FULL, PRESENT, ""),
        ("赵四", STATUS_PROBATIONARY, ABSENT, ""),
    ]
    assert view.summary() == "应到 4 人，出席 2 人，请假 1 人，缺席 1 人"
    # saving again replaces, never adds
    meetings.save_attendance(mid, {m["王一"]: (ABSENT, "")})
    assert [a.mark for a in meetings.get(mid).sheet] == [ABSENT, "", "", ""]


@pytest.mark.parametrize(
    ("who", "mark", "reason", "message"),
    [
        ("李二", EXCUSED, "  ", "请假须填写事由"),
        ("孙六", PRESENT, "", "不在 2026-07-10 该组织的名册中"),  # another branch's member
        ("钱五", PRESENT, "", "不在 2026-07-10 该组织的名册中"),  # ended in May
        ("王一", "迟到", "", "不是出席、请假或缺席"),
    ],
)
def test_attendance_refused_writes_nothing(
    town: Town, meetings: MeetingService, who: str, mark: str, reason: str, message: str
) -> None:
    m = town.members
    mid = meetings.create(_meeting(town))
    meetings.save_attendance(mid, {m["王一"]: (PRESENT, "")})
    with pytest.raises(ValidationError) as err:
        meetings.save_attendance(mid, {m["王一"]: (ABSENT, ""), m[who]: (mark, reason)})
    assert message in str(err.value)
    assert meetings.get(mid).sheet[0].mark == PRESENT  # the earlier save is untouched


def test_meeting_fields_are_checked(town: Town, meetings: MeetingService) -> None:
    with pytest.raises(ValidationError) as err:
        meetings.create(MeetingInput("", None, "2026-13-01", "", "", "", ""))
    fields = {e.field for e in err.value.errors}  # type: ignore[attr-defined]
    assert {"meeting_kind", "meeting_unit", "meeting_date", "meeting_topic"} <= fields
    with pytest.raises(ValidationError, match="党小组会应选择党小组"):
        meetings.create(_meeting(town, kind=KIND_GROUP))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        meetings.create(_meeting(town, day=date(2026, 12, 1)))


def test_member_year_counts_attended_and_missed(town: Town, meetings: MeetingService) -> None:
    m = town.members
    a = meetings.create(_meeting(town, date(2026, 7, 10)), {m["王一"]: (PRESENT, ""), m["李二"]: (ABSENT, "")})
    meetings.create(
        _meeting(town, date(2026, 8, 10), KIND_LECTURE), {m["王一"]: (EXCUSED, "住院"), m["李二"]: (PRESENT, "")}
    )
    meetings.create(_meeting(town, date(2026, 9, 10), KIND_LECTURE), {m["王一"]: (PRESENT, "")})
    meetings.create(_meeting(town, date(2025, 9, 10), KIND_LECTURE), {m["王一"]: (ABSENT, "")})  # last year
    year = meetings.member_year(m["王一"], 2026)
    assert [line.mark for line in year.lines] == [PRESENT, EXCUSED, PRESENT]
    assert year.lines[0].meeting_id == a
    assert year.rate == pytest.approx(2 / 3)
    assert year.summary() == "2026年应参加会议 3 次：出席 2 次，请假 1 次，缺席 0 次，出席率 67%"
    # 孙六 (second branch) was never expected at the first branch's meetings
    assert meetings.member_year(m["孙六"], 2026).summary() == "2026年尚无会议记录"


def test_delete_and_not_found(town: Town, meetings: MeetingService) -> None:
    mid = meetings.create(_meeting(town), {town.members["王一"]: (PRESENT, "")})
    meetings.delete(mid)
    with pytest.raises(NotFoundError, match="找不到编号"):
        meetings.get(mid)
    with pytest.raises(NotFoundError):
        meetings.delete(mid)
