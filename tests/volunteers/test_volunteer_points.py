"""Volunteering awards points through issue G's rule catalogue automatically — once per member and
activity, capped like any entry (issue J §1) — and deleting the activity withdraws them."""

from __future__ import annotations

from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import PointEntry
from govdesk.services.bundle import Services
from govdesk.services.volunteers import ActivityInput, points_source


def _live(db: Database, source: str) -> dict[int, float]:
    totals: dict[int, float] = {}
    with db.session() as s:
        for member_id, points in s.execute(
            select(PointEntry.member_id, PointEntry.points).where(PointEntry.source == source)
        ):
            totals[member_id] = totals.get(member_id, 0.0) + points
    return {m: p for m, p in totals.items() if p}


def test_demo_activity_points_follow_saves_and_deletes(demo_db: Database) -> None:
    services = Services.open(demo_db)
    volunteers = services.volunteers
    with demo_db.session() as s:
        activity_id = s.scalar(select(PointEntry.source).where(PointEntry.source.like("volunteer_activity:%")))
    assert activity_id is not None, "the demo's activities gave points"
    first = int(activity_id.split(":")[1])
    due = dict(volunteers.points_due(first))
    assert due and set(_live(demo_db, points_source(first))) <= set(due)
    entries_before = _count(demo_db)
    view = volunteers.activity(first)
    data = ActivityInput(view.team_id, view.day, view.place, view.content, dict(view.hours))
    volunteers.save_activity(data, first)  # saved again unchanged: no new entries
    assert _count(demo_db) == entries_before
    volunteers.delete_activity(first)
    assert _live(demo_db, points_source(first)) == {}


def _count(db: Database) -> int:
    with db.session() as s:
        return len(s.scalars(select(PointEntry.id)).all())


def test_points_a_cap_withheld_are_named_after_the_save(demo_db: Database) -> None:
    """Saving an activity stands when a cap leaves a member without points; ``points_withheld``
    names them for the dialog, and names nobody once the cap allows the points."""
    from govdesk.models.points import PointRule

    services = Services.open(demo_db)
    volunteers = services.volunteers
    with demo_db.session() as s:
        source = s.scalar(select(PointEntry.source).where(PointEntry.source.like("volunteer_activity:%")))
    assert source is not None
    activity_id = int(source.split(":")[1])
    view = volunteers.activity(activity_id)
    due = dict(volunteers.points_due(activity_id))
    assert due and volunteers.points_withheld(activity_id) == []
    with demo_db.transaction() as s:  # a cap nobody can meet: every point of the rule is over it
        rules = select(PointRule).where(PointRule.year == view.day.year, PointRule.automatic == "志愿服务")
        for rule in s.scalars(rules):
            rule.monthly_cap = 0.5
    volunteers.delete_activity(activity_id)  # withdrawn, then saved anew under the cap
    new_id = volunteers.save_activity(ActivityInput(view.team_id, view.day, view.place, view.content, dict(view.hours)))
    notes = volunteers.points_withheld(new_id)
    assert len(notes) == len(due) and all(n.endswith("本次未记积分") for n in notes)
    assert _live(demo_db, points_source(new_id)) == {}
