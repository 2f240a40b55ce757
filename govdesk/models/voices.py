"""民情台账: what villagers raised (at 湾子夜话, on visits, by phone, at the desk) and the answer each got.

``VoiceItem.raised_by_name`` always holds the name as it reads (a resident's or household
head's name copied when the item is taken, or the free text for an outsider), so the ledger
still reads right after a resident moves away. ``VoiceMatterLink`` ties items to the
五议两公开 matter they became; one matter may gather several items about the same thing.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class VoiceCategory(Base):
    """The editable catalogue of item categories (道路交通, 水利 …)."""

    __tablename__ = "voice_categories"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class VoiceItem(Base, Timestamped):
    __tablename__ = "voice_items"
    # What waits (status, deadline) and what was answered in a month (status, replied_on): the
    # home page's counts and the overdue list read these two indexes only.
    __table_args__ = (
        Index("ix_voice_items_status_deadline", "status", "deadline"),
        Index("ix_voice_items_status_replied_on", "status", "replied_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    received_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(20))
    raised_by_resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    raised_by_household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    raised_by_name: Mapped[str] = mapped_column(String(100), default="")
    villager_group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_groups.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    category: Mapped[str] = mapped_column(String(40), default="")
    content: Mapped[str] = mapped_column(Text)
    taken_by: Mapped[str] = mapped_column(String(50), default="")
    deadline: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(10))
    reply: Mapped[str] = mapped_column(Text, default="")
    replied_by: Mapped[str] = mapped_column(String(50), default="")
    replied_on: Mapped[date | None] = mapped_column(Date)
    satisfaction: Mapped[str] = mapped_column(String(10), default="未回访")
    duty_log_id: Mapped[int | None] = mapped_column(ForeignKey("duty_log.id"), unique=True)


class VoiceMatterLink(Base):
    """An item and the decision-log matter it became (both ways: list a matter's items, an item's matters)."""

    __tablename__ = "voice_matter_links"

    voice_id: Mapped[int] = mapped_column(ForeignKey("voice_items.id"), primary_key=True)
    matter_id: Mapped[int] = mapped_column(ForeignKey("decision_matters.id"), primary_key=True, index=True)
    linked_on: Mapped[date] = mapped_column(Date)
