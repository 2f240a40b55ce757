"""评先评优: the catalogue of yearly honours and the ledger of nominations and awards.

An award stores the honour's name and the recipient's name as they read when it was given
(``honour``, ``recipient_name``), so the 光荣榜 of a past year still reads right after the
catalogue is edited or a resident moves away. A household honour names the household, a
person's names the resident (and the member, for a Party member) — never both kinds.
``matter_id`` points at the decision-log matter when a two-committee vote or a
representatives' meeting decided the honour.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class HonourKind(Base):
    """The editable catalogue (最美家庭 → 户, 好媳妇 → 个人 …)."""

    __tablename__ = "honour_kinds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)
    recipient: Mapped[str] = mapped_column(String(4))  # 户 / 个人
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class HonourAward(Base, Timestamped):
    """One nomination (提名) and what became of it (授予 / 未评上)."""

    __tablename__ = "honour_awards"
    __table_args__ = (Index("ix_honour_awards_year_status", "year", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    honour: Mapped[str] = mapped_column(String(40))
    recipient: Mapped[str] = mapped_column(String(4))  # 户 / 个人, as the catalogue said
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    recipient_name: Mapped[str] = mapped_column(String(100))
    level: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    nominated_on: Mapped[date | None] = mapped_column(Date)
    nominated_by: Mapped[str] = mapped_column(String(50), default="")
    awarded_on: Mapped[date | None] = mapped_column(Date)
    matter_id: Mapped[int | None] = mapped_column(ForeignKey("decision_matters.id"), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
