"""Households, residents and Party members.

Nobody is ever deleted: ending a record sets ``ended_on`` and ``end_reason`` (moved out,
deceased, transferred…) so the history the desk is asked about years later is still there.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govdesk.models.base import Base, Timestamped
from govdesk.vocabulary import (  # noqa: F401 - the models store these words
    DEFAULT_ETHNICITY,
    ETHNIC_GROUPS,
    MEMBER_STATUSES,
    RELATION_HEAD,
    SEX_FEMALE,
    SEX_MALE,
    STATUS_FULL,
    STATUS_MIGRANT,
    STATUS_ON_PROBATION,
    STATUS_PROBATIONARY,
    VOTING_STATUSES,
)


class Household(Base, Timestamped):
    __tablename__ = "households"
    # villager group then ended_on: 首页 counts the current households of each group from the index alone
    __table_args__ = (
        UniqueConstraint("village_id", "number"),
        Index("ix_households_villager_group_id", "villager_group_id", "ended_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    number: Mapped[str] = mapped_column(String(40), index=True)  # 户号 (indexed alone: prefix search)
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    villager_group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_groups.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # 中心户: relays notices to its neighbours (household_relays).
    is_central: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")

    residents: Mapped[list[Resident]] = relationship(back_populates="household", order_by="Resident.id")


class Resident(Base, Timestamped):
    __tablename__ = "residents"
    # household then ended_on: a household's current residents (and 首页's count of everyone's) from the index alone;
    # by name, carrying the household: a search joins the names a typed key matches (name_search_keys)
    # to their households from this index alone, never the table.
    __table_args__ = (
        Index("ix_residents_household_id", "household_id", "ended_on"),
        Index("ix_residents_name_household", "name", "household_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"))
    name: Mapped[str] = mapped_column(String(50))
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    sex: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[date] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    relation: Mapped[str] = mapped_column(String(20), default="")  # 与户主关系
    phone: Mapped[str] = mapped_column(String(40), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # Search keys (pinyin initials / full readings), filled by the people service.
    search_keys: Mapped[str] = mapped_column(Text, default="")
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")

    household: Mapped[Household] = relationship(back_populates="residents")


class Member(Base, Timestamped):
    """A Party member on the branch roster (党员花名册)."""

    __tablename__ = "members"
    __table_args__ = (Index("ix_members_branch_status", "branch_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    sex: Mapped[str] = mapped_column(String(2))
    birth_date: Mapped[date] = mapped_column(Date)
    ethnicity: Mapped[str] = mapped_column(String(20), default="汉族")
    education: Mapped[str] = mapped_column(String(20), default="")
    joined_on: Mapped[date | None] = mapped_column(Date)  # 入党时间
    full_on: Mapped[date | None] = mapped_column(Date)  # 转正时间
    status: Mapped[str] = mapped_column(String(10))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    party_group_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    post: Mapped[str] = mapped_column(String(100), default="")  # 设岗定责
    resident_id: Mapped[int | None] = mapped_column(ForeignKey("residents.id"), index=True)
    household_id: Mapped[int | None] = mapped_column(ForeignKey("households.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_keys: Mapped[str] = mapped_column(Text, default="")
    # 挂牌亮户: which plaque hangs on the member's home, since when.
    plaque_kind: Mapped[str] = mapped_column(String(20), default="", server_default="")
    plaque_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
