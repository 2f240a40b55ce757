"""The demo village's year of meetings: every branch and group meets, 第二党支部 fell behind,
leave and absence are recorded, most 党员大会审议 are linked to their meetings."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time

from govdesk.db import Database
from govdesk.meetings.kinds import ABSENT, EXCUSED, MEETING_KINDS
from govdesk.services.listing import ListQuery
from govdesk.services.meetings import MeetingService
from tests.conftest import DEMO_TODAY


def test_demo_year_of_meetings(demo_db: Database) -> None:
    svc = MeetingService(demo_db, clock=lambda: datetime.combine(DEMO_TODAY, time(10)))
    rows = svc.page(ListQuery(), 0, 1000)
    assert len(rows) > 90
    kinds = Counter(r.values[2] for r in rows)
    assert set(kinds) == set(MEETING_KINDS)
    warnings = [w.text for w in svc.schedule_warnings()]
    assert warnings and all(w.startswith(("第二党支部", "第二支部")) for w in warnings)  # only the one behind
    linked = [r for r in rows if r.values[-1]]
    assert len(linked) >= 8 and len(svc.decision_choices()) >= 2  # the latest left for the clerk to link
    marks: Counter[str] = Counter()
    for r in rows[:20]:
        marks.update(a.mark for a in svc.get(r.id).sheet)
    assert marks[EXCUSED] > 0 and marks[ABSENT] > 0
