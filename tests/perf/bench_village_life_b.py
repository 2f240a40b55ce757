"""Benchmark of 志愿服务 and 五星支部 (not collected by pytest):
``python3 tests/perf/bench_village_life_b.py [ACTIVITIES]``.

The demo village plus ACTIVITIES activities over five years (a township's teams: every
resident of working age on one of 40 teams, 3–12 participants each), then times what the desk
does: the activity list's count and first page (newest first, one team, one year, a search), the
volunteers list's first page with its hours, the teams with their year's figures, the year's
hours list, and a branch's scorecard and year view. The floor is ``SELECT count(*)`` over the
hours table, measured in the same run.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GOVDESK_HOME", tempfile.mkdtemp(prefix="govdesk-perf-"))

from sqlalchemy import func, insert, select  # noqa: E402

from govdesk import demo  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.models import Resident  # noqa: E402
from govdesk.models.volunteers import Volunteer, VolunteerActivity, VolunteerHours, VolunteerTeam  # noqa: E402
from govdesk.services.listing import ListQuery  # noqa: E402
from govdesk.services.stars import StarService  # noqa: E402
from govdesk.services.volunteers import VolunteerService  # noqa: E402

TODAY = date(2026, 11, 23)
TEAMS = 40


def timed(label: str, fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<34} {best * 1000:8.1f} ms")
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
    db = Database(Path(tempfile.mkdtemp()) / "perf.sqlite3")
    demo.generate(db, today=TODAY, scale=10)
    rng = random.Random(1)
    with db.session() as s:
        residents = list(s.scalars(select(Resident.id).order_by(Resident.id)))
        first_team = (s.scalar(select(func.max(VolunteerTeam.id))) or 0) + 1
    team_ids = list(range(first_team, first_team + TEAMS))
    crews: dict[int, list[int]] = {t: [] for t in team_ids}
    with db.transaction() as s:
        s.execute(
            insert(VolunteerTeam),
            [{"id": t, "name": f"第{t}服务队", "leader_name": "", "purpose": "", "sort_order": t} for t in team_ids],
        )
        members = []
        for rid in rng.sample(residents, min(len(residents), TEAMS * 60)):
            team = rng.choice(team_ids)
            crews[team].append(rid)
            members.append({"team_id": team, "resident_id": rid, "joined_on": date(2020, 1, 1), "note": ""})
        s.execute(insert(Volunteer), members)
        first_activity = (s.scalar(select(func.max(VolunteerActivity.id))) or 0) + 1
        activities, hours = [], []
        for i in range(n):
            team = rng.choice(team_ids)
            aid = first_activity + i
            activities.append(
                {
                    "id": aid,
                    "team_id": team,
                    "day": TODAY - timedelta(days=rng.randrange(5 * 365)),
                    "place": "村部",
                    "content": f"第 {i} 次志愿服务：清扫、探望、调解",
                }
            )
            for rid in rng.sample(crews[team], min(len(crews[team]), rng.randrange(3, 13))):
                hours.append({"activity_id": aid, "resident_id": rid, "name": "志愿者", "hours": 2.0})
        s.execute(insert(VolunteerActivity), activities)
        s.execute(insert(VolunteerHours), hours)
    volunteers = VolunteerService(db, clock=lambda: datetime(2026, 11, 23, 9))
    stars = StarService(db)
    print(f"{volunteers.activity_list.count(ListQuery()):,} activities, {len(hours):,} participations")

    def floor() -> None:
        with db.session() as s:
            s.scalar(select(func.count()).select_from(VolunteerHours))

    base = timed("floor: count(*) volunteer_hours", floor)
    acts, people = volunteers.activity_list, volunteers.volunteer_list
    for label, query in (
        ("activities: newest first", ListQuery()),
        ("activities: one team", ListQuery(filters={"team_id": team_ids[3]})),
        ("activities: this year", ListQuery(filters={"year": 2026})),
        ("activities: search 调解", ListQuery(text="第 123")),
    ):
        timed(label, lambda q=query: (acts.count(q), acts.page(q, 0, 100)))
    timed("volunteers: first page + hours", lambda: (people.count(ListQuery()), people.page(ListQuery(), 0, 100)))
    timed("teams with the year's figures", lambda: volunteers.teams(2026))
    timed("year's hours list (all people)", lambda: volunteers.person_hours(2026), repeat=3)
    branch = stars.branches()[0][0]
    timed("scorecard of a quarter", lambda: stars.scorecard(branch, 2026, 3))
    timed("year view of a branch", lambda: stars.year_view(branch, 2026))
    print(f"floor {base * 1000:.1f} ms")


if __name__ == "__main__":
    main()
