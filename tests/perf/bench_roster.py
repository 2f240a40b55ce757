"""Benchmark: a whole year's roster for 9 cadres must generate in under 0.5 s (issue E).

Run: ``python3 tests/perf/bench_roster.py`` (not collected by pytest). Prints the best of a few runs
for a published year (2026) and an unpublished one (2027: weekends only), with some leave.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from govdesk.roster.calendar import DutyCalendar  # noqa: E402
from govdesk.roster.generator import RosterRequest, generate  # noqa: E402

LIMIT_S = 0.5


def year_request(year: int) -> RosterRequest:
    cal = DutyCalendar()
    days = [(x.day, x.kind) for x in cal.days(date(year, 1, 1), date(year, 12, 31))]
    cadres = list(range(1, 10))
    # Each cadre takes a week of leave at a different time of year.
    leave = {c: {date(year, 1, 1) + timedelta(days=30 * c + k) for k in range(7)} for c in cadres}
    prior = {c: {"工作日": 40 + c % 2, "周末": 15, "节假日": 3 + c % 2} for c in cadres}
    return RosterRequest(days=days, cadres=cadres, unavailable=leave, prior=prior)


def main() -> int:
    worst = 0.0
    for year in (2026, 2027):
        req = year_request(year)
        runs = []
        for _ in range(5):
            t0 = time.perf_counter()
            plan = generate(req)
            runs.append(time.perf_counter() - t0)
        best = min(runs)
        worst = max(worst, best)
        print(f"roster year {year}, 9 cadres, {len(plan.assignments)} days: {best * 1000:.1f} ms (best of 5)")
    ok = worst < LIMIT_S
    print(f"limit {LIMIT_S * 1000:.0f} ms: {'OK' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
