"""The village and its organisation: Party units, two-committee posts, villager groups, grids."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govdesk.models.base import Base, Timestamped
from govdesk.vocabulary import (  # noqa: F401 - the models store these words
    ORG_BRANCH,
    ORG_GENERAL_BRANCH,
    ORG_GROUP,
    ORG_KINDS,
)


class Village(Base, Timestamped):
    __tablename__ = "villages"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    township: Mapped[str] = mapped_column(String(100), default="")
    county: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    # The supervision phone printed on public notices (监督电话).
    supervision_phone: Mapped[str] = mapped_column(String(40), default="")


class OrgUnit(Base, Timestamped):
    """党总支 / 党支部 / 党小组 as a tree (parent_id)."""

    __tablename__ = "org_units"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("org_units.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(100))
    # Secretary of a branch or leader of a Party group; a member, so linked after members exist.
    leader_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", use_alter=True, name="fk_org_units_leader_member_id_members")
    )
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    parent: Mapped[OrgUnit | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[OrgUnit]] = relationship(back_populates="parent")


class VillagerGroup(Base, Timestamped):
    """村民小组: a hamlet-level unit of households."""

    __tablename__ = "villager_groups"
    __table_args__ = (UniqueConstraint("village_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    leader_name: Mapped[str] = mapped_column(String(50), default="")
    leader_phone: Mapped[str] = mapped_column(String(40), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Grid(Base, Timestamped):
    """网格: ~30–100 households with a grid leader (网格长)."""

    __tablename__ = "grids"
    __table_args__ = (UniqueConstraint("village_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    leader_name: Mapped[str] = mapped_column(String(50), default="")
    leader_phone: Mapped[str] = mapped_column(String(40), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Cadre(Base, Timestamped):
    """A village cadre (村干部) holding a two-committee post.

    ``on_branch_committee`` / ``on_village_committee`` say which committee(s) the person sits
    on (一肩挑 = both); the decision log counts who should attend from these flags on a date.
    """

    __tablename__ = "cadres"

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    name: Mapped[str] = mapped_column(String(50))
    post: Mapped[str] = mapped_column(String(50))
    phone: Mapped[str] = mapped_column(String(40), default="")
    on_branch_committee: Mapped[bool] = mapped_column(Boolean, default=False)
    on_village_committee: Mapped[bool] = mapped_column(Boolean, default=False)
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
