"""设岗定责 and a member's status over time.

- ``Post``: the editable catalogue (政策宣传岗, 环境监督岗 …) with the duties posted on the wall and,
  optionally, the villager group or grid it serves.
- ``PostAssignment``: a member holding a post from ``started_on``; ``ended_on`` (exclusive: the
  first day no longer held) ends it and the row stays, so who held what is never lost.
- ``MemberStatusPeriod``: a member's status from ``started_on`` up to (not including) ``ended_on``
  — 预备 until 转正, 流动 while working away, 留党察看 with the day it was decided. Periods of one
  member never overlap (``govdesk.posts.rules``); ``govdesk.member_status.statuses_on`` reads them.

``members.post`` and ``members.status`` stay as the member's *current* posts and status: the
member list filters and sorts on them in SQL and the register's 岗位 / 状态 columns export them.
Only ``govdesk.posts.store`` writes them, in the same transaction as the rows here, from these
rows (see there).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from govdesk.models.base import Base, Timestamped


class Post(Base, Timestamped):
    """A post of the 设岗定责 catalogue."""

    __tablename__ = "posts"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    duties: Mapped[str] = mapped_column(Text, default="")  # 岗位职责, several lines
    villager_group_id: Mapped[int | None] = mapped_column(ForeignKey("villager_groups.id"))
    grid_id: Mapped[int | None] = mapped_column(ForeignKey("grids.id"))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class PostAssignment(Base, Timestamped):
    """A member holding a post for a while (任岗)."""

    __tablename__ = "post_assignments"
    __table_args__ = (Index("ix_post_assignments_post_id_ended_on", "post_id", "ended_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    post_id: Mapped[int] = mapped_column(ForeignKey("posts.id"))
    started_on: Mapped[date] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")


class MemberStatusPeriod(Base, Timestamped):
    """A member's status for a span of days; ``started_on`` unknown (NULL) means since joining."""

    __tablename__ = "member_status_periods"
    __table_args__ = (Index("ix_member_status_periods_member_id_started_on", "member_id", "started_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    status: Mapped[str] = mapped_column(String(10))
    started_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)  # 转正 / 留党察看 决定日期
    decision_note: Mapped[str] = mapped_column(Text, default="")
