"""VolunteerService on the demo village: teams, joining and leaving, activities, totals, points owed."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from sqlalchemy import func, select

from govdesk.changes import Changes
from govdesk.db import Database
from govdesk.errors import RefusedError, ValidationError
from govdesk.models import Member, Resident
from govdesk.models.volunteers import VolunteerActivity, VolunteerHours
from govdesk.services.listing import ListQuery
from govdesk.services.volunteers import ActivityInput, TeamInput, VolunteerService, points_source
from tests.conftest import DEMO_TODAY


@pytest.fixture
def volunteers(demo_db: Database) -> VolunteerService:
    return VolunteerService(demo_db, clock=lambda: datetime.combine(DEMO_TODAY, time(10)))


def _people(db: Database) -> tuple[int, int, int]:
    """(a member's resident id, its member id, a resident who is no member) not yet on any team."""
    with db.session() as s:
        rid, mid = s.execute(
            select(Member.resident_id, Member.id)
            .where(Member.resident_id.is_not(None), Member.ended_on.is_(None))
            .order_by(Member.id.desc())
        ).first()  # type: ignore[misc]
        members = set(s.scalars(select(Member.resident_id).where(Member.resident_id.is_not(None))))
        other = next(r for r in s.scalars(select(Resident.id).order_by(Resident.id.desc())) if r not in members)
    return rid, mid, other


def _count(db: Database) -> int:
    with db.session() as s:
        return s.scalar(select(func.count(VolunteerActivity.id))) or 0


def test_demo_has_four_teams_and_a_year_of_activities(volunteers: VolunteerService) -> None:
    teams = volunteers.teams(2026)
    assert len(teams) == 4 and all(t.activities >= 10 and t.volunteers >= 10 for t in teams)
    people = volunteers.person_hours(2026)
    assert sum(p.hours for p in people) == pytest.approx(sum(t.hours for t in teams))
    assert any(p.is_member for p in people) and any(not p.is_member for p in people)
    listing = volunteers.activity_list
    assert listing.count(ListQuery(filters={"year": 2026})) == sum(t.activities for t in teams)
    first = listing.page(ListQuery(), 0, 5)
    assert first[0].values[0] >= first[-1].values[0]  # newest first
    assert volunteers.volunteer_list.count(ListQuery(include_ended=True)) > volunteers.volunteer_list.count(ListQuery())


def test_activity_with_a_member_owes_points_once(volunteers: VolunteerService, demo_db: Database) -> None:
    member_rid, member_id, other = _people(demo_db)
    team = volunteers.save_team(TeamInput("文明实践服务队", member_rid, "新时代文明实践"))
    for rid in (member_rid, other):
        volunteers.join(team, rid, date(2026, 3, 1))
    assert volunteers.save_activity.writes & Changes.VILLAGE_LIFE  # type: ignore[attr-defined]
    aid = volunteers.save_activity(
        ActivityInput(team, date(2026, 4, 2), "村部", "文明劝导", {member_rid: 2, other: "1.5"})
    )
    assert volunteers.points_due(aid) == {member_id: "志愿服务"}
    assert points_source(aid) == f"volunteer_activity:{aid}"
    # Saving it again (hours corrected) still owes one entry, never two.
    volunteers.save_activity(ActivityInput(team, date(2026, 4, 2), "村部", "文明劝导", {member_rid: 3, other: 1}), aid)
    assert volunteers.points_due(aid) == {member_id: "志愿服务"}
    view = volunteers.activity(aid)
    assert view.hours == {member_rid: 3.0, other: 1.0}
    volunteers.save_activity(ActivityInput(team, date(2026, 4, 2), "村部", "文明劝导", {other: 1}), aid)
    assert volunteers.points_due(aid) == {}
    volunteers.delete_activity(aid)
    assert volunteers.points_due(aid) == {}


def test_participant_must_be_on_the_team_that_day(volunteers: VolunteerService, demo_db: Database) -> None:
    member_rid, _mid, other = _people(demo_db)
    team = volunteers.save_team(TeamInput("文明实践服务队", None, ""))
    volunteers.join(team, member_rid, date(2026, 3, 1))
    vid = volunteers.join(team, other, date(2026, 5, 1))
    before = _count(demo_db)
    with pytest.raises(ValidationError, match="不是本队志愿者"):
        volunteers.save_activity(ActivityInput(team, date(2026, 4, 2), "村部", "劝导", {member_rid: 2, other: 2}))
    with pytest.raises(ValidationError, match="不超过 24"):
        volunteers.save_activity(ActivityInput(team, date(2026, 6, 2), "村部", "劝导", {member_rid: 25}))
    with pytest.raises(ValidationError, match="不能晚于今天"):
        volunteers.save_activity(ActivityInput(team, date(2026, 12, 2), "村部", "劝导", {member_rid: 2}))
    assert _count(demo_db) == before
    volunteers.save_activity(ActivityInput(team, date(2026, 6, 2), "村部", "劝导", {other: 2}))
    with pytest.raises(ValidationError, match="还参加了本队活动"):
        volunteers.leave(vid, date(2026, 6, 1))
    volunteers.leave(vid, date(2026, 7, 1))
    with pytest.raises(RefusedError, match="已于 2026-07-01 退出"):
        volunteers.leave(vid, date(2026, 8, 1))
    with pytest.raises(ValidationError, match="不是本队志愿者"):
        volunteers.save_activity(ActivityInput(team, date(2026, 7, 1), "村部", "劝导", {other: 2}))
    with pytest.raises(ValidationError, match="重叠"):
        volunteers.join(team, other, date(2026, 6, 15))
    volunteers.join(team, other, date(2026, 9, 1))  # rejoins later
    assert [r for r, _n in volunteers.volunteers_on(team, date(2026, 9, 2))] == [member_rid, other]


def test_team_names_are_unique(volunteers: VolunteerService) -> None:
    with pytest.raises(ValidationError, match="已有名为“应急救助服务队”"):
        volunteers.save_team(TeamInput("应急救助服务队"))
    with pytest.raises(ValidationError, match="不能为空"):
        volunteers.save_team(TeamInput(" "))


def test_hours_rows_carry_the_name(volunteers: VolunteerService, demo_db: Database) -> None:
    with demo_db.session() as s:
        row = s.scalars(select(VolunteerHours).limit(1)).one()
        assert row.name == s.get(Resident, row.resident_id).name  # type: ignore[union-attr]


def test_a_member_no_longer_on_the_roster_that_day_is_owed_nothing(
    volunteers: VolunteerService, demo_db: Database
) -> None:
    member_rid, member_id, _other = _people(demo_db)
    team = volunteers.save_team(TeamInput("文明实践服务队", None, ""))
    volunteers.join(team, member_rid, date(2026, 1, 1))
    with demo_db.transaction() as s:
        s.get(Member, member_id).ended_on = date(2026, 6, 1)  # type: ignore[union-attr]
    before = volunteers.save_activity(ActivityInput(team, date(2026, 5, 31), "村部", "劝导", {member_rid: 2}))
    after = volunteers.save_activity(ActivityInput(team, date(2026, 6, 1), "村部", "劝导", {member_rid: 2}))
    assert volunteers.points_due(before) == {member_id: "志愿服务"}
    assert volunteers.points_due(after) == {}
