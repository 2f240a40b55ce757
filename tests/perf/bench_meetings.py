"""Benchmark of the meetings register (not collected by pytest): ``python tests/perf/bench_meetings.py``.

A township-sized roster (5,000 members in 40 branches) with one branch of 150 members; times
what the clerk does when the attendance grid's 确定 is pressed: ``save_attendance`` for the
150 members (who should attend from the roster rule on the day, the checks, the rows replaced
in one transaction, the automatic points asked for), then the meeting read back with its sheet,
the schedule warnings of every branch and group, and a member's year. The floor is a bare
executemany of the same 150 rows in one transaction, measured in the same run. Target: the
save ≤ 50 ms (issue G), with its automatic points once the points ledger is merged.
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

from sqlalchemy import delete, insert  # noqa: E402

from govdesk.db import Database  # noqa: E402
from govdesk.meetings.kinds import ABSENT, EXCUSED, MEETING_KINDS, PRESENT  # noqa: E402
from govdesk.models import Meeting, MeetingAttendance, Member, OrgUnit, Village  # noqa: E402
from govdesk.services.meetings import MeetingInput, MeetingService  # noqa: E402
from govdesk.vocabulary import ORG_BRANCH, ORG_GENERAL_BRANCH, STATUS_FULL, STATUS_PROBATIONARY  # noqa: E402

TODAY = date(2026, 11, 23)
BRANCHES, MEMBERS, BIG = 40, 5_000, 150


def timed(label: str, fn, repeat: int = 15) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<40} {best * 1000:8.1f} ms")
    return best


def build(db: Database) -> tuple[int, list[int]]:
    rng = random.Random(1)
    with db.transaction() as s:
        village = Village(name="桃源镇")
        s.add(village)
        s.flush()
        general = OrgUnit(village_id=village.id, kind=ORG_GENERAL_BRANCH, name="镇党委")
        s.add(general)
        s.flush()
        branches = []
        for i in range(BRANCHES):
            unit = OrgUnit(village_id=village.id, kind=ORG_BRANCH, name=f"第{i + 1}支部", parent_id=general.id)
            s.add(unit)
            s.flush()
            branches.append(unit.id)
        rows = []
        for n in range(MEMBERS):
            branch = branches[0] if n < BIG else branches[1 + n % (BRANCHES - 1)]
            joined = TODAY - timedelta(days=rng.randrange(200, 40 * 365))
            probationary = rng.random() < 0.05
            rows.append(
                {
                    "village_id": village.id,
                    "name": f"党员{n}",
                    "id_number": f"330784{n:012d}",
                    "sex": "男",
                    "birth_date": date(1970, 1, 1),
                    "joined_on": joined,
                    "status": STATUS_PROBATIONARY if probationary else STATUS_FULL,
                    "branch_id": branch,
                    "search_keys": "",
                }
            )
        s.execute(insert(Member), rows)
        # a year of meetings in every branch, so the schedule and the member's year read real tables
        meetings = []
        for branch in branches:
            for month in range(1, 12):
                for kind in MEETING_KINDS[:5]:
                    meetings.append(
                        {"kind": kind, "unit_id": branch, "held_on": date(2026, month, 10), "topic": "学习"}
                    )
        s.execute(insert(Meeting), meetings)
    return branches[0], branches


def main() -> None:
    db = Database(Path(tempfile.mkdtemp()) / "perf.sqlite3")
    big, _branches = build(db)
    svc = MeetingService(db, clock=lambda: datetime.combine(TODAY, datetime.min.time()), user="perf")
    meeting_id = svc.create(MeetingInput("支部党员大会", big, date(2026, 11, 20), "会议室", "书记", "", "审议"))
    expected = svc.expected("支部党员大会", big, date(2026, 11, 20))
    assert len(expected) == BIG, len(expected)
    rng = random.Random(2)
    marks = {}
    for a in expected:
        roll = rng.random()
        mark = PRESENT if roll < 0.85 else EXCUSED if roll < 0.95 else ABSENT
        marks[a.member_id] = (mark, "外出务工" if mark == EXCUSED else "")
    rows = [
        {"meeting_id": meeting_id, "member_id": m, "status": mark, "reason": reason, "position": i}
        for i, (m, (mark, reason)) in enumerate(marks.items())
    ]

    def floor() -> None:
        with db.transaction() as s:
            s.execute(delete(MeetingAttendance).where(MeetingAttendance.meeting_id == meeting_id))
            s.execute(insert(MeetingAttendance), rows)

    print(f"{MEMBERS:,} members, {BRANCHES} branches; a meeting of {BIG}")
    bare = timed("floor: replace 150 rows (executemany)", floor)
    save = timed("save_attendance (150 members)", lambda: svc.save_attendance(meeting_id, marks))
    timed("meeting read back with its sheet", lambda: svc.get(meeting_id))
    timed("schedule warnings (40 branches)", lambda: svc.schedule_warnings(TODAY), repeat=5)
    timed("a member's year", lambda: svc.member_year(expected[0].member_id, 2026), repeat=5)
    print(f"save_attendance = {save / bare:.1f} × floor; target ≤ 50 ms: {'met' if save <= 0.05 else 'NOT met'}")


if __name__ == "__main__":
    main()
