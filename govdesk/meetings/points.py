"""A meeting's automatic points (会议出席 / 会议请假 / 会议缺席) kept equal to its attendance.

One function for every write that can change who attended: saving the meeting's attendance, and
correcting the tick list of a 党员大会审议 in the decision log that the meeting was (the decision
log's list is the meeting's presence). Idempotent: the points ledger gains only what changed,
reversing the rest (``govdesk.points.automatic``).
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from govdesk.meetings.attendance import attendance_points_wanted, attendance_sheet
from govdesk.models import Meeting
from govdesk.points.automatic import sync_automatic_entries, withheld_notes

log = logging.getLogger("govdesk.meetings")


def points_source(meeting_id: int) -> str:
    """The points ledger's source key of one meeting's automatic entries."""
    return f"meeting:{meeting_id}"


def points_wanted(s: Session, meeting: Meeting) -> dict[int, str]:
    """``{member id: rule tag}`` the meeting's attendance, as it now reads, asks for."""
    return attendance_points_wanted(attendance_sheet(s, meeting))


def sync_meeting_points(s: Session, meeting: Meeting, recorded_by: str) -> dict[int, str]:
    """Make the ledger equal to the meeting's attendance as it now reads; returns the points it asks
    for, ``{member id: rule tag}``. A member a cap leaves without points is logged (the save stands)."""
    s.flush()
    wanted = points_wanted(s, meeting)
    for note in sync_automatic_entries(s, points_source(meeting.id), meeting.held_on, wanted, recorded_by):
        log.info("会议 %s 的自动积分：%s", meeting.id, note)
    return wanted


def withdraw_meeting_points(s: Session, meeting: Meeting, recorded_by: str) -> None:
    """A meeting deleted (entered by mistake): the points it gave are reversed with it."""
    sync_automatic_entries(s, points_source(meeting.id), meeting.held_on, {}, recorded_by)


def withheld_meeting_points(s: Session, meeting: Meeting) -> list[str]:
    """The members this meeting's attendance asks points for that a cap withheld, in Chinese."""
    return withheld_notes(s, points_source(meeting.id), meeting.held_on, points_wanted(s, meeting))


def sync_points_of_decision_entry(s: Session, entry_id: int, recorded_by: str) -> None:
    """After a decision entry's tick list changed (a correction): the meeting it was, if any."""
    meeting = s.scalars(select(Meeting).where(Meeting.decision_entry_id == entry_id)).first()
    if meeting is not None:
        sync_meeting_points(s, meeting, recorded_by)
