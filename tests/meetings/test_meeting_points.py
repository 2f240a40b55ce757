"""Meeting attendance gives automatic points through the points ledger (issue G §2: "Automatic
entries from meeting attendance … Saving the same attendance again must not add points twice;
changing it adjusts by reversing"), in the meeting's own transaction."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from govdesk.db import Database
from govdesk.meetings.kinds import ABSENT, EXCUSED, KIND_GENERAL, PRESENT
from govdesk.meetings.points import points_source
from govdesk.models import PointEntry
from govdesk.services.meetings import MeetingInput, MeetingService
from tests.meetings.conftest import Town


def _ledger(db: Database, source: str) -> list[tuple[int, float, int | None]]:
    with db.session() as s:
        return [
            (e.member_id, e.points, e.reverses_id)
            for e in s.scalars(select(PointEntry).where(PointEntry.source == source).order_by(PointEntry.id))
        ]


def _live(db: Database, source: str) -> dict[int, float]:
    """Points per member from this source after reversals."""
    totals: dict[int, float] = {}
    for member_id, points, _reverses in _ledger(db, source):
        totals[member_id] = totals.get(member_id, 0.0) + points
    return {m: p for m, p in totals.items() if p}


def test_attendance_points_are_given_once_adjusted_by_reversal_and_withdrawn(
    db: Database, town: Town, meetings: MeetingService
) -> None:
    m = town.members
    day = date(2026, 7, 10)
    mid = meetings.create(MeetingInput(KIND_GENERAL, town.first, day, "村部", "王一", "李二", "学习", ""))
    source = points_source(mid)
    marks = {m["王一"]: (PRESENT, ""), m["李二"]: (EXCUSED, "外出"), m["张三"]: (ABSENT, "")}
    meetings.save_attendance(mid, marks)
    # built-in catalogue: 出席 +2, 请假 0 (no entry), 缺席 −3
    assert _live(db, source) == {m["王一"]: 2.0, m["张三"]: -3.0}
    entries = len(_ledger(db, source))

    meetings.save_attendance(mid, marks)  # the same attendance again: nothing added
    assert len(_ledger(db, source)) == entries

    meetings.save_attendance(mid, {**marks, m["张三"]: (PRESENT, "")})  # 缺席 corrected to 出席
    assert _live(db, source) == {m["王一"]: 2.0, m["张三"]: 2.0}
    assert any(reverses is not None for _m, _p, reverses in _ledger(db, source))  # reversed, not edited

    meetings.delete(mid)
    assert _live(db, source) == {}
