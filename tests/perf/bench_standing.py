"""Standing on a day at township scale: ``statuses_on`` (the members on the roster that day with
the status period covering it) for 5,000 members with ~12,000 status periods, against the floor
measured in the same run — the one-value query it replaced (members on the roster, their
recorded status, no periods). Also one member's status (the attendance / dues path) and the
设岗定责 catalogue page with its holders.

Run: python3 tests/perf/bench_standing.py   (prints best and median of seven, in ms)
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, or_, select  # noqa: E402

from govdesk.db import Database  # noqa: E402
from govdesk.member_status import statuses_on  # noqa: E402
from govdesk.models import Member, MemberStatusPeriod, Post, PostAssignment, Village  # noqa: E402
from govdesk.services.listing import ListQuery  # noqa: E402
from govdesk.services.posts import PostService  # noqa: E402

MEMBERS = 5_000
DAY = date(2025, 6, 30)


def township(path: Path) -> Database:
    db = Database(path)
    rng = random.Random(5)
    with db.transaction() as s:
        s.add(Village(name="桃源镇", township="", county="", address="", phone="", supervision_phone=""))
        s.flush()
        members, periods, assignments = [], [], []
        for i in range(1, MEMBERS + 1):
            joined = date(1970, 1, 1) + timedelta(days=rng.randrange(20_000))
            full = joined + timedelta(days=365)
            members.append(
                {
                    "id": i,
                    "village_id": 1,
                    "name": f"党员{i}",
                    "id_number": f"{i:018d}",
                    "sex": "男",
                    "birth_date": date(1950, 1, 1),
                    "joined_on": joined,
                    "full_on": full,
                    "status": "正式党员",
                    "branch_id": None,
                    "post": "政策宣传岗",
                }
            )
            periods.append({"member_id": i, "status": "预备党员", "started_on": joined, "ended_on": full})
            if i % 7 == 0:  # some worked away for a while
                back = full + timedelta(days=900)
                periods.append(
                    {"member_id": i, "status": "正式党员", "started_on": full, "ended_on": full + timedelta(days=300)}
                )
                periods.append(
                    {"member_id": i, "status": "流动党员", "started_on": full + timedelta(days=300), "ended_on": back}
                )
                periods.append({"member_id": i, "status": "正式党员", "started_on": back, "ended_on": None})
            else:
                periods.append({"member_id": i, "status": "正式党员", "started_on": full, "ended_on": None})
            assignments.append(
                {"member_id": i, "post_id": 1 + i % 40, "started_on": full, "ended_on": None, "note": ""}
            )
        s.execute(
            insert(Post), [{"id": p, "name": f"岗位{p}", "duties": "职责", "sort_order": p} for p in range(1, 41)]
        )
        s.execute(insert(Member), members)
        s.execute(insert(MemberStatusPeriod), [p | {"decided_on": None, "decision_note": ""} for p in periods])
        s.execute(insert(PostAssignment), assignments)
    return db


def timed(fn, rounds: int = 7) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def main() -> int:
    folder = Path(tempfile.mkdtemp(prefix="govdesk-bench-standing-"))
    db = township(folder / "township.sqlite3")
    with db.session() as s:
        periods = s.scalar(select(MemberStatusPeriod.id).order_by(MemberStatusPeriod.id.desc()).limit(1))

        def floor() -> object:
            stmt = (
                select(Member.id, Member.status, Member.full_on)
                .where(or_(Member.joined_on.is_(None), Member.joined_on <= DAY))
                .where(or_(Member.ended_on.is_(None), Member.ended_on > DAY))
                .order_by(Member.branch_id, Member.id)
            )
            return {m: st for m, st, _f in s.execute(stmt)}

        result = statuses_on(s, DAY)
        assert len(result) == len(floor()) and "流动党员" in result.values()
        f_best, f_med = timed(floor)
        r_best, r_med = timed(lambda: statuses_on(s, DAY))
        one_best, _ = timed(lambda: statuses_on(s, DAY, member_ids=[4_900]))
    posts = PostService(db)
    page_best, _ = timed(lambda: posts.page(ListQuery(), 0, 100))
    print(f"{MEMBERS} members, {periods} status periods, on the roster {DAY}: {len(result)}")
    print(f"floor (one-value query)     best {f_best:7.1f} ms  median {f_med:7.1f} ms")
    print(f"statuses_on (periods)       best {r_best:7.1f} ms  median {r_med:7.1f} ms  ({r_best / f_best:.2f}× floor)")
    print(f"statuses_on one member      best {one_best:7.2f} ms")
    print(f"设岗定责 catalogue page     best {page_best:7.1f} ms")
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
