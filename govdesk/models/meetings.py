"""三会一课, 主题党日, 组织生活会, 民主评议党员: a unit's meetings and who attended them.

A meeting belongs to a branch or a Party group (``org_units``). Who should attend is not
stored: it is computed from the roster on the meeting's date (``govdesk.member_status``). What
is stored is what only the desk knows — each member's 出席 / 请假 (with the reason) / 缺席.

A 支部党员大会 that was also the 五议两公开 党员大会审议 points at that decision-log entry
(``decision_entry_id``, the original step entry): the entry's tick list is then the one record
of who was present, and this meeting's rows add only what the tick list does not hold (a leave
reason, members without a vote who attended). See ``govdesk.meetings.attendance``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class Meeting(Base, Timestamped):
    __tablename__ = "meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    host: Mapped[str] = mapped_column(String(50), default="")
    recorder: Mapped[str] = mapped_column(String(50), default="")
    topic: Mapped[str] = mapped_column(String(200), default="")
    minutes: Mapped[str] = mapped_column(Text, default="")
    decision_entry_id: Mapped[int | None] = mapped_column(ForeignKey("decision_entries.id"), unique=True)


class MeetingAttendance(Base):
    """One member's attendance at one meeting: 出席 / 请假 (reason) / 缺席."""

    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    status: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
