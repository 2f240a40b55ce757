"""Benchmark of the decision log (not collected by pytest): ``python3 tests/perf/bench_decisions.py [MATTERS]``.

Builds the demo village plus MATTERS extra matters taken through the five deliberations and
the resolution notice (7 entries each, meetings with full tick lists), then times what the
desk does all day: record a meeting, open the list page, the needs-action panel, one
matter's history, and ``govdesk check`` over the whole log.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GOVDESK_HOME", tempfile.mkdtemp(prefix="govdesk-perf-"))

from govdesk import demo  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.decisions.audit import check_decision_log  # noqa: E402
from govdesk.decisions.inputs import MatterInput, MeetingInput, NoticeInput  # noqa: E402
from govdesk.services.decisions import DecisionService  # noqa: E402
from govdesk.services.listing import ListQuery  # noqa: E402

TODAY = date(2026, 11, 23)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    db = Database(Path(tempfile.mkdtemp()) / "perf.sqlite3")
    demo.generate(db, today=TODAY)
    svc = DecisionService(db, clock=lambda: datetime(2026, 11, 23, 9), user="perf")
    seats = {
        r: svc.should_attend(r, TODAY - timedelta(days=300))
        for r in ("branch_committee", "two_committees", "party_members", "representatives")
    }
    meeting_times: list[float] = []
    t0 = time.perf_counter()
    for i in range(n):
        raised = TODAY - timedelta(days=320)
        mid = svc.create_matter(
            MatterInput(f"性能测试事项{i}", "公益事业建设", "10000", "村民建议", "测试", "五议两公开", raised)
        )
        for pos, rule in enumerate(seats, start=1):
            people = svc.should_attend(rule, raised + timedelta(days=pos))
            data = MeetingInput(
                raised + timedelta(days=pos), "村部", "张三", "", [p.key for p in people], len(people), 0, 0, "同意"
            )
            t = time.perf_counter()
            svc.record_meeting(mid, pos, data)
            meeting_times.append(time.perf_counter() - t)
        svc.record_notice(mid, 5, NoticeInput(raised + timedelta(days=6)))
    build = time.perf_counter() - t0
    matters = svc.count(ListQuery())
    t = time.perf_counter()
    svc.page(ListQuery(sort_key="amount"), 0, 200)
    page_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    actions = svc.needs_action(TODAY)
    action_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    svc.history(svc.find("2026-100"))
    history_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    problems = check_decision_log(db)
    check_s = time.perf_counter() - t
    meeting_times.sort()
    print(f"matters: {matters}, built in {build:.1f} s")
    print(
        f"record a meeting (tick list + hash + replay): median {meeting_times[len(meeting_times) // 2] * 1000:.1f} ms, "
        f"p95 {meeting_times[int(len(meeting_times) * 0.95)] * 1000:.1f} ms"
    )
    print(f"list page (200 rows, sorted by amount): {page_ms:.1f} ms")
    print(f"needs action ({len(actions)} items): {action_ms:.1f} ms")
    print(f"one matter's history: {history_ms:.1f} ms")
    print(f"govdesk check over the whole log: {check_s:.2f} s, problems: {len(problems)}")


if __name__ == "__main__":
    main()
