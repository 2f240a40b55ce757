"""Households, residents and Party members.

Nobody is ever deleted: ending a record sets ``ended_on`` and ``end_reason`` (moved out,
deceased, transferred…) so the history the desk is asked about years later is still there.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Index, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from govdesk.models.base import Base, Timestamped

SEX_MALE = "男"
SEX_FEMALE = "女"

# 党员状态. 正式 and 流动 members vote; 预备 and 留党察看 do not (DOMAIN.md).
STATUS_FULL = "正式党员"
STATUS_PROBATIONARY = "预备党员"
STATUS_MIGRANT = "流动党员"
STATUS_ON_PROBATION = "留党察看"
MEMBER_STATUSES = (STATUS_FULL, STATUS_PROBATIONARY, STATUS_MIGRANT, STATUS_ON_PROBATION)
VOTING_STATUSES = (STATUS_FULL, STATUS_MIGRANT)

RELATION_HEAD = "户主"

# The 56 ethnic groups (民族) in the order of GB/T 3304; registers often drop the 族 (汉, 回).
ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族",
    "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族",
    "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
)  # fmt: skip
DEFAULT_ETHNICITY = ETHNIC_GROUPS[0]


class Household(Base, Timestamped):
    __tablename__ = "households"
    __table_args__ = (UniqueConstraint("village_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(ForeignKey("villages.id"), index=True)
    number: Mapped[str] = mapped_column(String(40), index=True)  # 户号 (indexed alone: prefix search)
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(40), default="")
    villager_group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_groups.id"), index=True)
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # 中心户: relays notices to its neighbours (household_relays).
    is_central: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str] = mapped_column(Text, default="")

    residents: Mapped[list[Resident]] = relationship(back_populates="household", order_by="Resident.id")


class Resident(Base, Timestamped):
    __tablename__ = "residents"

    id: Mapped[int] = mapped_column(primary_key=True)
    household_id: Mapped[int] = mapped_column(ForeignKey("households.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
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
