"""积分制: the rule catalogue of each year (积分细则), the entries ledger, year settings, 年终测评 scores.

An entry copies its rule's code, name and signed points when it is made, so editing or removing a
rule later never changes points already given. Entries are never edited or deleted: a mistake is
corrected by a reversing entry (``reverses_id``) carrying the opposite points; at most one reversal
per entry (unique). Automatic entries (meeting attendance, volunteer activities) carry ``source``
(``meeting:12``) so saving the same attendance again finds what it gave before.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class PointRule(Base, Timestamped):
    """One line of a year's 积分细则: 加分 or 扣分, how many points, optional caps, 一票否决."""

    __tablename__ = "point_rules"
    __table_args__ = (UniqueConstraint("year", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    code: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(4))  # 加分 / 扣分
    points: Mapped[float] = mapped_column(Float)  # positive; the kind gives the sign
    monthly_cap: Mapped[float | None] = mapped_column(Float)
    yearly_cap: Mapped[float | None] = mapped_column(Float)
    veto: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())  # 一票否决
    automatic: Mapped[str] = mapped_column(String(10), default="", server_default="")  # 会议出席 …
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PointEntry(Base, Timestamped):
    """One line of the ledger; ``points`` is signed (a deduction is negative)."""

    __tablename__ = "point_entries"
    # The ranking sums a year's points per member (day range, member, points: a covering index)
    # and finds the few 一票否决 entries (veto first: not a lookup per entry of the year); the caps
    # sum one member's points of one rule in a month or a year.
    __table_args__ = (
        Index("ix_point_entries_day_member_points", "day", "member_id", "points"),
        Index("ix_point_entries_veto_day_member", "veto", "day", "member_id"),
        Index("ix_point_entries_member_rule_day", "member_id", "rule_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    day: Mapped[date] = mapped_column(Date)
    rule_id: Mapped[int | None] = mapped_column(ForeignKey("point_rules.id"))
    rule_code: Mapped[str] = mapped_column(String(20))
    rule_name: Mapped[str] = mapped_column(String(60))
    points: Mapped[float] = mapped_column(Float)
    veto: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(50), default="")
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("point_entries.id"), unique=True)
    source: Mapped[str] = mapped_column(String(40), default="", server_default="", index=True)


class PointYear(Base, Timestamped):
    """A year's base (基础分, default 100) and the daily share of the total (weight, default 0.8)."""

    __tablename__ = "point_years"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    base: Mapped[float] = mapped_column(Float, default=100.0)
    weight: Mapped[float] = mapped_column(Float, default=0.8)


class PointAssessment(Base, Timestamped):
    """年终测评 (民主评议党员): a member's score 0–100 in a year."""

    __tablename__ = "point_assessments"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True, index=True)
    score: Mapped[float] = mapped_column(Float)
