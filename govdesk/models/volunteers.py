"""志愿服务队: teams, the residents who join and leave them, and their activities with hours.

A volunteer is a resident (a Party member is reached through ``members.resident_id``). A
membership runs from ``joined_on`` to the day before ``left_on`` (like a member's ``ended_on``);
one person may join the same team again later, as a new row. An activity's participants carry
their own hours; the name is copied so the ledger still reads right after a resident moves away.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class VolunteerTeam(Base, Timestamped):
    __tablename__ = "volunteer_teams"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    leader_resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"))
    leader_name: Mapped[str] = mapped_column(String(50), default="")
    purpose: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Volunteer(Base, Timestamped):
    """A resident's membership of a team, from joining to leaving."""

    __tablename__ = "volunteers"
    __table_args__ = (Index("ix_volunteers_team_id_resident_id", "team_id", "resident_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("volunteer_teams.id"))
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), index=True)
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class VolunteerActivity(Base, Timestamped):
    __tablename__ = "volunteer_activities"

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(ForeignKey("volunteer_teams.id"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    place: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[str] = mapped_column(Text)


class VolunteerHours(Base):
    """One volunteer's part in one activity: the hours served."""

    __tablename__ = "volunteer_hours"

    activity_id: Mapped[int] = mapped_column(ForeignKey("volunteer_activities.id"), primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), primary_key=True, index=True)
    name: Mapped[str] = mapped_column(String(50))
    hours: Mapped[float] = mapped_column(Float)
