"""What the desk tracks around households and members beyond the bare roster.

Categories, star ratings, relays, member–household links and moves are separate rows with
dates, not flags, because the desk is asked "since when" and "until when" years later and
history is never deleted. ``ResidentSearchKey`` is a derived index (reversed ID and phone
digits; names' keys are in ``name_search``) that makes search as you type a prefix range scan
instead of a table scan.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped
from govdesk.vocabulary import (  # noqa: F401 - the models store these words
    END_DECEASED,
    END_MOVED_OUT,
    END_REASONS,
    HOUSEHOLD_CATEGORIES,
    MAX_STARS,
    PLAQUE_KINDS,
)


class HouseholdCategory(Base, Timestamped):
    """One period in one category (低保户 from 2019-03-01 to 2023-06-30)."""

    __tablename__ = "household_categories"
    __table_args__ = (Index("ix_household_categories_category_household", "category", "household_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    category: Mapped[str] = mapped_column(String(20))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")


class StarRating(Base, Timestamped):
    """星级文明户: one rating per household and year, 0–10 stars."""

    __tablename__ = "household_star_ratings"
    __table_args__ = (UniqueConstraint("household_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    stars: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")


class HouseholdRelay(Base, Timestamped):
    """中心户 → a neighbouring household it relays notices to."""

    __tablename__ = "household_relays"
    __table_args__ = (UniqueConstraint("central_household_id", "household_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    central_household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)


class MemberHouseholdLink(Base, Timestamped):
    """党员联户: a member keeps in touch with a household from ``started_on`` (until ``ended_on``)."""

    __tablename__ = "member_household_links"
    __table_args__ = (UniqueConstraint("member_id", "household_id", "started_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)


class ResidentMove(Base, Timestamped):
    """A resident moved from one household to another (分户, 婚嫁…): kept as history."""

    __tablename__ = "resident_moves"

    id: Mapped[int] = mapped_column(primary_key=True)
    resident_id: Mapped[int] = mapped_column(ForeignKey("residents.id"), index=True)
    from_household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    to_household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    from_relation: Mapped[str] = mapped_column(String(20), default="")
    to_relation: Mapped[str] = mapped_column(String(20), default="")
    moved_on: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")


class ResidentSearchKey(Base):
    """Derived search index: one row per (key, resident). Rebuilt from the resident at any time.

    Keys: ``!`` + reversed digits of the ID number and phone (a suffix search becomes a prefix
    range). The keys of names (pinyin, later parts) are kept once per name in
    ``name_search_keys``; Chinese text is also searched on ``residents.name`` (its own index).
    No foreign keys and no second index: an import writes hundreds of thousands of keys, and a
    change deletes the old keys by primary key.
    """

    __tablename__ = "resident_search_keys"
    __table_args__ = ({"sqlite_with_rowid": False},)

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    resident_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    household_id: Mapped[int] = mapped_column(Integer)
