"""五星支部: the year's indicator catalogue (百分目标), each star's threshold, and the quarterly scores.

An indicator belongs to one year and one star, with its target text and its points; the points
of a year's indicators add up to 100 (checked by ``govdesk.stars.rules.check_catalogue``). A
star's threshold is a percentage of its indicators' points. Scores are per branch (党支部),
indicator and quarter, with a note of the evidence; the year follows from the indicator.
"""

from __future__ import annotations

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class StarThreshold(Base):
    """The share of a star's points a branch must reach to earn it, per year (e.g. 80 %)."""

    __tablename__ = "star_thresholds"
    __table_args__ = (UniqueConstraint("year", "star"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    star: Mapped[str] = mapped_column(String(10))
    percent: Mapped[int] = mapped_column(Integer)


class StarIndicator(Base, Timestamped):
    """One line of the year's 百分目标: under a star, what is aimed at and how many points it carries."""

    __tablename__ = "star_indicators"
    __table_args__ = (UniqueConstraint("year", "star", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    star: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(60))
    target: Mapped[str] = mapped_column(Text, default="")
    points: Mapped[int] = mapped_column(Integer)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class StarScore(Base, Timestamped):
    """A branch's score on one indicator in one quarter, and the evidence it rests on."""

    __tablename__ = "star_scores"
    __table_args__ = (UniqueConstraint("branch_id", "indicator_id", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("org_units.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("star_indicators.id"), index=True)
    quarter: Mapped[int] = mapped_column(Integer)
    score: Mapped[float] = mapped_column(Float)
    evidence: Mapped[str] = mapped_column(Text, default="")
