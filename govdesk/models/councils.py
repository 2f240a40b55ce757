"""村湾理事会 and its groups, their members' terms and meetings; 村规民约 and each council's 章程.

A council is a 村湾理事会 of one villager group or one of its groups (红白理事会, 道德评议会 …,
``parent_id`` the 村湾理事会 it belongs to). Members are residents serving a term with a role;
a term ends, it is never deleted. A meeting's attendees are the member terms present.

``CharterVersion`` keeps every version of a text: ``council_id`` NULL is the village's 村规民约,
otherwise that council's 章程. The current version is the one not superseded; adopting a new
version sets the old one's ``superseded_on`` and keeps its text readable.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class Council(Base, Timestamped):
    __tablename__ = "councils"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(60), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    villager_group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_groups.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("councils.id"), index=True)
    founded_on: Mapped[date | None] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text, default="")
    ended_on: Mapped[date | None] = mapped_column(Date)


class CouncilMember(Base, Timestamped):
    """One term of one resident on a council (会长 from 2024-03-01 …)."""

    __tablename__ = "council_members"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), index=True)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(20))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)


class CouncilMeeting(Base, Timestamped):
    __tablename__ = "council_meetings"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int] = mapped_column(ForeignKey("councils.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(100), default="")
    topic: Mapped[str] = mapped_column(String(200))
    guests: Mapped[str] = mapped_column(String(200), default="")  # 列席 (not members)
    minutes: Mapped[str] = mapped_column(Text, default="")


class CouncilMeetingAttendee(Base):
    __tablename__ = "council_meeting_attendees"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("council_meetings.id"), primary_key=True)
    council_member_id: Mapped[int] = mapped_column(ForeignKey("council_members.id"), primary_key=True, index=True)


class CharterVersion(Base, Timestamped):
    """One version of the 村规民约 (council_id NULL) or of a council's 章程."""

    __tablename__ = "charter_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    council_id: Mapped[int | None] = mapped_column(ForeignKey("councils.id"), index=True)
    version_no: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    adopted_on: Mapped[date] = mapped_column(Date)
    adopted_by: Mapped[str] = mapped_column(String(50))  # 村民代表会议 / 村民会议 / 理事会全体会议
    council_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("council_meetings.id"))
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("decision_matters.id"), index=True)
    superseded_on: Mapped[date | None] = mapped_column(Date)
