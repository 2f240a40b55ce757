"""The 理事会 service on a real SQLite file: councils, terms, meetings, 村规民约 versions."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from govdesk.changes import Changes, feed_of
from govdesk.councils.rules import CouncilInput, MeetingInput, MemberInput, VersionInput
from govdesk.errors import GovdeskError, ValidationError
from govdesk.models import CharterVersion, CouncilMember, Resident, VillagerGroup
from govdesk.services.councils import CouncilService
from govdesk.services.listing import ListQuery


def _setup(councils: CouncilService) -> tuple[int, list[int]]:
    with councils.db.session() as s:
        group = s.scalars(select(VillagerGroup.id).order_by(VillagerGroup.id)).first()
        residents = list(s.scalars(select(Resident.id).order_by(Resident.id).limit(4)))
    cid = councils.create_council(CouncilInput("测试湾理事会", "村湾理事会", group, None, "2024-01-01", "议事"))
    return cid, residents


def test_council_terms_meetings_round_trip(empty_councils: CouncilService, councils: CouncilService) -> None:
    cid, residents = _setup(councils)
    chair = councils.add_member(cid, MemberInput(residents[0], "", "会长", "2024-01-01"))
    other = councils.add_member(cid, MemberInput(residents[1], "", "理事", "2024-01-01", "2025-06-30"))
    councils.add_member(cid, MemberInput(None, "外村乡贤 刘𠮷", "理事", "2025-07-01"))
    mid = councils.add_meeting(cid, MeetingInput("2026-03-01", "湾子广场", "红白喜事从简", [chair], "", "议定标准"))
    (meeting,) = [m for m in councils.meetings(cid) if m.id == mid]
    assert meeting.attendees == (councils.terms(cid)[0].name,)
    with pytest.raises(ValidationError) as err:
        councils.add_meeting(cid, MeetingInput("2026-03-02", "", "又一次", [other]))
    assert err.value.for_field("council_meeting_attendees")
    assert len(councils.meetings(cid)) == 1
    (row,) = councils.page(ListQuery(text="刘𠮷"), 0, 10)
    assert row.values[0] == "测试湾理事会" and row.values[5] == 2  # chair and 刘𠮷 serve today


def test_a_second_chair_and_a_term_backwards_are_refused(councils: CouncilService) -> None:
    cid, residents = _setup(councils)
    councils.add_member(cid, MemberInput(residents[0], "", "会长", "2024-01-01"))
    seen: list[Changes] = []
    stop = feed_of(councils.db).listen(seen.append)
    for data in (
        MemberInput(residents[1], "", "会长", "2025-01-01"),
        MemberInput(residents[0], "", "理事", "2025-01-01"),
        MemberInput(residents[2], "", "理事", "2025-01-01", "2024-12-31"),
        MemberInput(999_999, "", "理事", "2025-01-01"),
    ):
        with pytest.raises(GovdeskError):
            councils.add_member(cid, data)
    stop()
    assert seen == []
    with councils.db.session() as s:
        assert s.scalar(select(func.count()).select_from(CouncilMember).where(CouncilMember.council_id == cid)) == 1


def test_ending_a_term_then_a_new_chair(councils: CouncilService) -> None:
    cid, residents = _setup(councils)
    first = councils.add_member(cid, MemberInput(residents[0], "", "会长", "2024-01-01"))
    councils.end_member(first, "2025-12-31")
    councils.add_member(cid, MemberInput(residents[1], "", "会长", "2026-01-01"))
    assert [t.role for t in councils.terms(cid, date(2026, 6, 1))] == ["会长"]
    with pytest.raises(GovdeskError):
        councils.end_member(first, "2026-01-01")


def test_village_rules_versions_one_current(councils: CouncilService) -> None:
    before = councils.versions(None)
    current = councils.current_rules()
    assert current is not None and len(before) >= 2  # the demo village has two versions
    with pytest.raises(ValidationError):
        councils.adopt_version(None, VersionInput("村规民约", "第一条", current.adopted_on, "村民代表会议"))
    vid = councils.adopt_version(
        None, VersionInput("青山村村规民约（修订）", "第一条 新条文", "2026-11-20", "村民会议")
    )
    after = councils.versions(None)
    assert after[0].id == vid and after[0].current and after[0].version_no == before[0].version_no + 1
    assert [v.id for v in after if v.current] == [vid]
    old = next(v for v in after if v.id == current.id)
    assert old.superseded_on == date(2026, 11, 20) and old.text == current.text  # older versions stay readable
    with councils.db.session() as s:
        live = s.scalar(
            select(func.count())
            .select_from(CharterVersion)
            .where(CharterVersion.council_id.is_(None), CharterVersion.superseded_on.is_(None))
        )
    assert live == 1


def test_a_charter_of_a_council_keeps_its_own_numbers(councils: CouncilService) -> None:
    cid, _ = _setup(councils)
    councils.adopt_version(cid, VersionInput("测试湾理事会章程", "第一条", "2024-01-01", "理事会全体会议"))
    councils.adopt_version(cid, VersionInput("测试湾理事会章程", "第一条 修订", "2025-01-01", "理事会全体会议"))
    assert [v.version_no for v in councils.versions(cid)] == [2, 1]


def test_council_refusals(councils: CouncilService) -> None:
    cid, _ = _setup(councils)
    with pytest.raises(ValidationError) as err:
        councils.create_council(CouncilInput("没有村湾", "村湾理事会", None))
    assert err.value.for_field("council_group")
    with pytest.raises(ValidationError):
        councils.create_council(CouncilInput("测试湾理事会", "红白理事会", None, cid))
    with pytest.raises(ValidationError):
        councils.update_council(cid, CouncilInput("测试湾理事会", "红白理事会", None, cid))
    sub = councils.create_council(CouncilInput("测试湾红白理事会", "红白理事会", None, cid))
    assert councils.council(sub)["parent_id"] == cid
