"""志愿服务队: teams, volunteers joining and leaving, activities with each participant's hours.

The rules (on a team on a day, hours, participants, totals, points owed) are
``govdesk.volunteers.rules``; this service writes, each method in one transaction; the reads
are ``VolunteerQueries``. Prints and the Excel export are ``volunteers_report``.

Points (issue G): ``volunteer_points_due`` is THE place where a saved (or deleted) activity
meets the points ledger. It runs inside the activity's write transaction and computes
``{member id: "志愿服务"}`` for the participants who are Party members on the day; at merge it
hands that to ``govdesk.points.automatic.sync_automatic_entries(s, points_source(id), day,
wanted, recorded_by)`` (``sync_volunteer_points``), which is idempotent per source, so a member
gets one entry per activity.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from govdesk.changes import Changes, writes
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.member_status import statuses_on
from govdesk.models import Resident
from govdesk.models.volunteers import Volunteer, VolunteerActivity, VolunteerHours, VolunteerTeam
from govdesk.points.automatic import sync_automatic_entries, withheld_notes
from govdesk.services.volunteers_query import VolunteerQueries, member_of_residents
from govdesk.validation import clean_text
from govdesk.volunteers import rules

log = logging.getLogger("govdesk.volunteers")


@dataclass
class TeamInput:
    name: str
    leader_resident_id: int | None = None
    purpose: str = ""


@dataclass
class ActivityInput:
    team_id: int
    day: date | None
    place: str
    content: str
    hours: dict[int, object] = field(default_factory=dict)  # resident id -> hours as typed


def points_source(activity_id: int) -> str:
    """The points ledger's source key of one activity (one entry per member and source)."""
    return f"volunteer_activity:{activity_id}"


def volunteer_points_due(s: Session, activity_id: int) -> dict[int, str]:
    """``{member id: 志愿服务}`` owed for one activity as it now stands (empty once deleted):
    its participants who are Party members on the roster on the activity's day.

    Called inside every write of an activity (save, delete); ``sync_volunteer_points`` hands it
    to the points ledger.
    """
    activity = s.get(VolunteerActivity, activity_id)
    if activity is None:
        return {}
    participants = list(s.scalars(select(VolunteerHours.resident_id).where(VolunteerHours.activity_id == activity_id)))
    members = member_of_residents(s, participants)
    standing = statuses_on(s, activity.day, member_ids=members.values())
    return rules.points_wanted(participants, {r: m for r, m in members.items() if m in standing})


def sync_volunteer_points(s: Session, activity_id: int, day: date, recorded_by: str) -> list[str]:
    """Make the points ledger give what ``volunteer_points_due`` says, in the activity's transaction
    (once per member and activity, capped like any entry); returns the notes of capped members."""
    wanted = volunteer_points_due(s, activity_id)
    return sync_automatic_entries(s, points_source(activity_id), day, wanted, recorded_by)


def _field(key: str, message: str) -> ValidationError:
    return ValidationError([FieldError(key, label(key), message)])


class VolunteerService(VolunteerQueries):
    """The writes of the 志愿服务 ledger (reads in ``VolunteerQueries``)."""

    # --- teams -----------------------------------------------------------------------------------
    @writes(Changes.VILLAGE_LIFE)
    def save_team(self, data: TeamInput, team_id: int | None = None) -> int:
        name = clean_text(data.name)
        if not name:
            raise _field("volunteer_team_name", "不能为空")
        if len(name) > 40:
            raise _field("volunteer_team_name", "不能超过 40 个字")
        with self.db.transaction() as s:
            same = s.scalar(select(VolunteerTeam.id).where(VolunteerTeam.name == name))
            if same is not None and same != team_id:
                raise _field("volunteer_team_name", f"已有名为“{name}”的服务队")
            leader = ""
            if data.leader_resident_id is not None:
                resident = s.get(Resident, data.leader_resident_id)
                if resident is None:
                    raise _field("volunteer_team_leader", "找不到这位居民")
                leader = resident.name
            if team_id is None:
                count = len(s.scalars(select(VolunteerTeam.id)).all())
                team = VolunteerTeam(sort_order=count + 1)
                s.add(team)
            else:
                team = s.get(VolunteerTeam, team_id)
                if team is None:
                    raise NotFoundError("找不到这支服务队")
            team.name, team.purpose = name, clean_text(data.purpose)
            team.leader_resident_id, team.leader_name = data.leader_resident_id, leader
            s.flush()
            return team.id

    # --- volunteers ------------------------------------------------------------------------------
    @writes(Changes.VILLAGE_LIFE)
    def join(self, team_id: int, resident_id: int, joined_on: date | None, note: str = "") -> int:
        """A resident joins a team (again, after an earlier stint, if the dates do not overlap)."""
        with self.db.transaction() as s:
            if s.get(VolunteerTeam, team_id) is None:
                raise NotFoundError("找不到这支服务队")
            resident = s.get(Resident, resident_id)
            if resident is None:
                raise _field("volunteer_name", "找不到这位居民")
            others = s.execute(
                select(Volunteer.joined_on, Volunteer.left_on).where(
                    Volunteer.team_id == team_id, Volunteer.resident_id == resident_id
                )
            ).all()
            rules.check_membership(joined_on, None, [(a, b) for a, b in others])
            row = Volunteer(team_id=team_id, resident_id=resident_id, joined_on=joined_on, note=clean_text(note))
            s.add(row)
            s.flush()
            return row.id

    @writes(Changes.VILLAGE_LIFE)
    def leave(self, volunteer_id: int, left_on: date | None) -> None:
        """A volunteer leaves the team (``left_on``: the first day no longer on it). Activities
        already recorded keep them; later ones cannot include them."""
        with self.db.transaction() as s:
            row = s.get(Volunteer, volunteer_id)
            if row is None:
                raise NotFoundError("找不到这条志愿者记录")
            if left_on is None:
                raise _field("volunteer_left_on", "不能为空")
            if row.left_on is not None:
                raise RefusedError(f"此人已于 {row.left_on.isoformat()} 退出本队")
            others = s.execute(
                select(Volunteer.joined_on, Volunteer.left_on).where(
                    Volunteer.team_id == row.team_id, Volunteer.resident_id == row.resident_id, Volunteer.id != row.id
                )
            ).all()
            rules.check_membership(row.joined_on, left_on, [(a, b) for a, b in others])
            later = s.scalar(
                select(VolunteerActivity.day)
                .join(VolunteerHours, VolunteerHours.activity_id == VolunteerActivity.id)
                .where(
                    VolunteerHours.resident_id == row.resident_id,
                    VolunteerActivity.team_id == row.team_id,
                    VolunteerActivity.day >= left_on,
                    VolunteerActivity.day >= row.joined_on,
                )
                .order_by(VolunteerActivity.day.desc())
                .limit(1)
            )
            if later is not None:
                raise _field("volunteer_left_on", f"此人 {later.isoformat()} 还参加了本队活动，退出日期应在那之后")
            row.left_on = left_on

    # --- activities ------------------------------------------------------------------------------
    def _checked(self, s: Session, data: ActivityInput) -> tuple[date, str, str, dict[int, float], dict[int, str]]:
        if data.day is None:
            raise _field("volunteer_activity_day", "不能为空")
        if data.day > self.today():
            raise _field("volunteer_activity_day", "不能晚于今天（活动做完再登记）")
        content = clean_text(data.content)
        if not content:
            raise _field("volunteer_activity_content", "不能为空")
        if s.get(VolunteerTeam, data.team_id) is None:
            raise _field("volunteer_team", "找不到这支服务队")
        ids = list(data.hours)
        names = dict(s.execute(select(Resident.id, Resident.name).where(Resident.id.in_(ids))).all())
        if len(names) != len(set(ids)):
            raise _field("volunteer_participants", "有的参加人员已不在居民名册中，请刷新后再选")
        hours = {rid: rules.check_hours(h, names[rid]) for rid, h in data.hours.items()}
        memberships: dict[int, list[tuple[date, date | None]]] = {}
        for rid, joined, left in s.execute(
            select(Volunteer.resident_id, Volunteer.joined_on, Volunteer.left_on).where(
                Volunteer.team_id == data.team_id, Volunteer.resident_id.in_(ids)
            )
        ):
            memberships.setdefault(rid, []).append((joined, left))
        rules.check_participants(data.day, hours, memberships, names)
        return data.day, clean_text(data.place)[:100], content, hours, names

    @writes(Changes.VILLAGE_LIFE | Changes.POINTS)
    def save_activity(self, data: ActivityInput, activity_id: int | None = None) -> int:
        """Record (or correct) an activity and its participants' hours; points follow in the same
        transaction (``volunteer_points_due``)."""
        with self.db.transaction() as s:
            day, place, content, hours, names = self._checked(s, data)
            if activity_id is None:
                activity = VolunteerActivity()
                s.add(activity)
            else:
                activity = s.get(VolunteerActivity, activity_id)
                if activity is None:
                    raise NotFoundError(f"找不到编号为 {activity_id} 的志愿服务活动")
                s.execute(delete(VolunteerHours).where(VolunteerHours.activity_id == activity_id))
            activity.team_id, activity.day, activity.place, activity.content = data.team_id, day, place, content
            s.flush()
            s.add_all(
                VolunteerHours(activity_id=activity.id, resident_id=rid, name=names[rid], hours=h)
                for rid, h in hours.items()
            )
            s.flush()
            for note in sync_volunteer_points(s, activity.id, day, self.db.actor.name):
                log.info("志愿服务活动 %s 的自动积分：%s", activity.id, note)
            return activity.id

    @writes(Changes.VILLAGE_LIFE | Changes.POINTS)
    def delete_activity(self, activity_id: int) -> None:
        """An activity entered by mistake; the points it gave are withdrawn with it."""
        with self.db.transaction() as s:
            activity = s.get(VolunteerActivity, activity_id)
            if activity is None:
                raise NotFoundError(f"找不到编号为 {activity_id} 的志愿服务活动")
            day = activity.day
            s.execute(delete(VolunteerHours).where(VolunteerHours.activity_id == activity_id))
            s.delete(activity)
            s.flush()
            sync_volunteer_points(s, activity_id, day, self.db.actor.name)  # withdraws what it gave

    def points_withheld(self, activity_id: int) -> list[str]:
        """After a save: participants whose 志愿服务 points a cap withheld (the save stands; the
        dialog tells the clerk)."""
        with self.db.session() as s:
            activity = s.get(VolunteerActivity, activity_id)
            if activity is None:
                return []
            wanted = volunteer_points_due(s, activity_id)
            return withheld_notes(s, points_source(activity_id), activity.day, wanted)

    def points_due(self, activity_id: int) -> Mapping[int, str]:
        """What ``volunteer_points_due`` computes for an activity, read on its own (tests, the window)."""
        with self.db.session() as s:
            return volunteer_points_due(s, activity_id)
