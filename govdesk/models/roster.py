"""Duty rosters (值班): holiday table, monthly rosters, leave, swaps, carry-over counts, the duty log."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, func
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govdesk.models.base import Base, Timestamped

ROSTER_DRAFT = "草稿"
ROSTER_SIGNED = "已签发"


class HolidayEntry(Base, Timestamped):
    """A staff-entered day (节假日 / 调休上班 / 休息); wins over the chinesecalendar package."""

    __tablename__ = "roster_holidays"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(50), default="")


class DutyMeeting(Base, Timestamped):
    """The weekly two-committee meeting printed on the roster (e.g. 每周一 8:00 两委例会)."""

    __tablename__ = "roster_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), unique=True)
    weekday: Mapped[int] = mapped_column(Integer, default=0)  # 0 = Monday
    time: Mapped[str] = mapped_column(String(10), default="8:00")
    title: Mapped[str] = mapped_column(String(50), default="两委例会")
    place: Mapped[str] = mapped_column(String(100), default="")


class Roster(Base, Timestamped):
    """One month's roster: a draft until the branch secretary signs it off."""

    __tablename__ = "rosters"
    __table_args__ = (UniqueConstraint("village_id", "month"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    month: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    status: Mapped[str] = mapped_column(String(10), default=ROSTER_DRAFT)
    signed_by: Mapped[str] = mapped_column(String(50), default="")
    signed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    assignments: Mapped[list[DutyAssignment]] = relationship(
        back_populates="roster", cascade="all, delete-orphan", order_by="DutyAssignment.day"
    )


class DutyAssignment(Base):
    """Who is on duty on a day. ``fixed`` = set by hand; regeneration keeps it."""

    __tablename__ = "duty_assignments"
    __table_args__ = (UniqueConstraint("roster_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadres.id"), index=True)
    fixed: Mapped[bool] = mapped_column(Boolean, default=False)

    roster: Mapped[Roster] = relationship(back_populates="assignments")


class CadreLeave(Base, Timestamped):
    """A cadre's leave (请假 / 外出学习…) from ``start`` to ``end`` inclusive."""

    __tablename__ = "cadre_leave"

    id: Mapped[int] = mapped_column(primary_key=True)
    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadres.id"), index=True)
    start: Mapped[date] = mapped_column(Date, index=True)
    end: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(String(200), default="")


class DutySwap(Base):
    """A change after sign-off: two days' cadres swapped, with who asked, when and why."""

    __tablename__ = "duty_swaps"

    id: Mapped[int] = mapped_column(primary_key=True)
    roster_id: Mapped[int] = mapped_column(ForeignKey("rosters.id", ondelete="CASCADE"), index=True)
    day_a: Mapped[date] = mapped_column(Date)
    cadre_a_id: Mapped[int] = mapped_column(ForeignKey("cadres.id"))  # served day_a before the swap
    day_b: Mapped[date] = mapped_column(Date)
    cadre_b_id: Mapped[int] = mapped_column(ForeignKey("cadres.id"))  # served day_b before the swap
    requested_by: Mapped[str] = mapped_column(String(50))
    reason: Mapped[str] = mapped_column(String(200))
    recorded_at: Mapped[datetime] = mapped_column(DateTime, server_default=func.current_timestamp())


class DutyCarryOver(Base, Timestamped):
    """Duties served before the program kept rosters (counts per kind), so fairness starts right."""

    __tablename__ = "duty_carry_over"

    id: Mapped[int] = mapped_column(primary_key=True)
    cadre_id: Mapped[int] = mapped_column(ForeignKey("cadres.id"), unique=True)
    workdays: Mapped[int] = mapped_column(Integer, default=0)
    weekends: Mapped[int] = mapped_column(Integer, default=0)
    holidays: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(200), default="")


class DutyLogEntry(Base, Timestamped):
    """值班记录: a visit or matter on a day; open until ``closed_on`` (首问负责: ``owner`` follows up)."""

    __tablename__ = "duty_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, index=True)
    duty_cadre_id: Mapped[int | None] = mapped_column(ForeignKey("cadres.id"))
    visitor: Mapped[str] = mapped_column(String(100), default="")
    matter: Mapped[str] = mapped_column(Text)
    handling: Mapped[str] = mapped_column(Text, default="")
    passed_to: Mapped[str] = mapped_column(String(100), default="")
    owner_cadre_id: Mapped[int | None] = mapped_column(ForeignKey("cadres.id"), index=True)
    due_on: Mapped[date | None] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)
    closing_note: Mapped[str] = mapped_column(Text, default="")
