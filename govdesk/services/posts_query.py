"""Reading 设岗定责: the catalogue as a paged list, a post's holders, a member's posts and status
history, and the rows of the 设岗定责公示表."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from govdesk.db import Database
from govdesk.labels import label
from govdesk.models import Grid, Member, MemberStatusPeriod, Post, PostAssignment, VillagerGroup
from govdesk.services.listing import ColumnSpec, ListQuery, Row, count_rows, order_by, text_matches

POST_COLUMNS: tuple[ColumnSpec, ...] = (
    ColumnSpec("post_name", label("post_name")),
    ColumnSpec("post_duties", label("post_duties"), sortable=False),
    ColumnSpec("post_serves", label("post_serves")),
    ColumnSpec("post_holder_count", label("post_holder_count")),
    ColumnSpec("post_holders", label("post_holders"), sortable=False),
)
DUTIES_SHOWN = 40  # characters of the duties the list shows (the form and the wall show them all)


def _holder_count() -> ColumnElement[Any]:
    return (
        select(func.count(PostAssignment.id))
        .where(PostAssignment.post_id == Post.id, PostAssignment.ended_on.is_(None))
        .scalar_subquery()
    )


def _serves() -> ColumnElement[Any]:
    return func.coalesce(VillagerGroup.name, Grid.name, "")


_SORT: dict[str, ColumnElement[Any]] = {
    "post_name": Post.name,
    "post_serves": _serves(),
    "post_holder_count": _holder_count(),
}


@dataclass(frozen=True)
class Holding:
    """One assignment, seen from the post (who) or from the member (which post)."""

    id: int
    post_id: int
    post: str
    member_id: int
    member: str
    phone: str
    started_on: date
    ended_on: date | None
    note: str

    @property
    def span(self) -> str:
        end = f"{self.ended_on:%Y-%m-%d}" if self.ended_on else "今"
        return f"{self.started_on:%Y-%m-%d} 至 {end}"


@dataclass(frozen=True)
class StatusPeriodView:
    id: int
    status: str
    started_on: date | None
    ended_on: date | None
    decided_on: date | None
    note: str

    @property
    def span(self) -> str:
        start = f"{self.started_on:%Y-%m-%d}" if self.started_on else "入党起"
        end = f"{self.ended_on:%Y-%m-%d}" if self.ended_on else "今"
        return f"{start} 至 {end}"


@dataclass(frozen=True)
class PostView:
    id: int
    name: str
    duties: str
    villager_group_id: int | None
    grid_id: int | None
    sort_order: int
    serves: str


HOLDERS_SHOWN = 12  # names in the list's cell; the details below list every holder


def holder_names(names: list[str]) -> str:
    """``王伟、李芳、…等 125 人`` — a township post may have a hundred holders."""
    if len(names) <= HOLDERS_SHOWN:
        return "、".join(names)
    return "、".join(names[:HOLDERS_SHOWN]) + f"…等 {len(names)} 人"


def first_line(text: str, limit: int = DUTIES_SHOWN) -> str:
    line = " ".join(part.strip() for part in text.splitlines() if part.strip())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def holdings(s: Session, *conditions: Any, include_ended: bool = True) -> list[Holding]:
    stmt = (
        select(
            PostAssignment.id,
            Post.id,
            Post.name,
            Member.id,
            Member.name,
            Member.phone,
            PostAssignment.started_on,
            PostAssignment.ended_on,
            PostAssignment.note,
        )
        .join(Post, Post.id == PostAssignment.post_id)
        .join(Member, Member.id == PostAssignment.member_id)
        .where(*conditions)
        .order_by(PostAssignment.ended_on.is_not(None), Post.sort_order, Post.id, PostAssignment.started_on)
    )
    if not include_ended:
        stmt = stmt.where(PostAssignment.ended_on.is_(None))
    return [Holding(*row) for row in s.execute(stmt)]


def current_holders(s: Session, post_ids: Iterable[int]) -> dict[int, list[Holding]]:
    found: dict[int, list[Holding]] = {}
    for h in holdings(s, PostAssignment.post_id.in_(list(post_ids)), include_ended=False):
        found.setdefault(h.post_id, []).append(h)
    return found


class PostQueries:
    """Reads; also the ``Listing`` of the catalogue for the 设岗定责 page."""

    columns: Sequence[ColumnSpec] = POST_COLUMNS

    def __init__(self, db: Database) -> None:
        self.db = db

    # --- the catalogue list -------------------------------------------------------------------
    def _select(self, query: ListQuery) -> Select[Any]:
        stmt = (
            select(Post.id, Post.name, Post.duties, _serves(), _holder_count())
            .outerjoin(VillagerGroup, VillagerGroup.id == Post.villager_group_id)
            .outerjoin(Grid, Grid.id == Post.grid_id)
        )
        text = query.text.strip()
        if text:
            by_holder = (
                select(PostAssignment.post_id)
                .join(Member, Member.id == PostAssignment.member_id)
                .where(PostAssignment.ended_on.is_(None), text_matches(text, Member.name))
            )
            stmt = stmt.where(or_(text_matches(text, Post.name, Post.duties), Post.id.in_(by_holder)))
        if query.filters.get("vacant"):
            stmt = stmt.where(_holder_count() == 0)
        return stmt

    def count(self, query: ListQuery) -> int:
        with self.db.session() as s:
            return count_rows(s, self._select(query))

    def page(self, query: ListQuery, offset: int, limit: int) -> list[Row]:
        stmt = self._select(query)
        if query.sort_key not in _SORT:
            stmt = stmt.order_by(Post.sort_order, Post.id)
        else:
            stmt = order_by(stmt, _SORT, query, Post.id)
        with self.db.session() as s:
            rows = s.execute(stmt.offset(offset).limit(limit)).all()
            names: dict[int, list[str]] = {}
            for post_id, name in s.execute(
                select(PostAssignment.post_id, Member.name)
                .join(Member, Member.id == PostAssignment.member_id)
                .where(PostAssignment.post_id.in_([r[0] for r in rows]), PostAssignment.ended_on.is_(None))
                .order_by(PostAssignment.started_on, PostAssignment.id)
            ):
                names.setdefault(post_id, []).append(name)
        return [Row(r[0], (r[1], first_line(r[2]), r[3], r[4], holder_names(names.get(r[0], [])))) for r in rows]

    # --- one post, one member -----------------------------------------------------------------
    def get_post(self, post_id: int) -> PostView:
        from govdesk.errors import NotFoundError

        with self.db.session() as s:
            row = s.execute(
                select(Post, _serves())
                .outerjoin(VillagerGroup, VillagerGroup.id == Post.villager_group_id)
                .outerjoin(Grid, Grid.id == Post.grid_id)
                .where(Post.id == post_id)
            ).first()
            if row is None:
                raise NotFoundError(f"找不到编号为 {post_id} 的岗位")
            p = row[0]
            return PostView(p.id, p.name, p.duties, p.villager_group_id, p.grid_id, p.sort_order, row[1])

    def post_names(self) -> list[tuple[int, str]]:
        with self.db.session() as s:
            return [(i, n) for i, n in s.execute(select(Post.id, Post.name).order_by(Post.sort_order, Post.id))]

    def holders(self, post_id: int, include_ended: bool = False) -> list[Holding]:
        with self.db.session() as s:
            return holdings(s, PostAssignment.post_id == post_id, include_ended=include_ended)

    def member_posts(self, member_id: int) -> list[Holding]:
        """The member's posts, running ones first, then the past ones."""
        with self.db.session() as s:
            return holdings(s, PostAssignment.member_id == member_id)

    def status_history(self, member_id: int) -> list[StatusPeriodView]:
        """The member's status periods, oldest first."""
        with self.db.session() as s:
            rows = s.execute(
                select(
                    MemberStatusPeriod.id,
                    MemberStatusPeriod.status,
                    MemberStatusPeriod.started_on,
                    MemberStatusPeriod.ended_on,
                    MemberStatusPeriod.decided_on,
                    MemberStatusPeriod.decision_note,
                )
                .where(MemberStatusPeriod.member_id == member_id)
                .order_by(MemberStatusPeriod.started_on.is_not(None), MemberStatusPeriod.started_on)
            )
            return [StatusPeriodView(*r) for r in rows]

    def active_members(self) -> list[tuple[int, str]]:
        """Members on the roster today, for the 上岗 picker (name, with branch order)."""
        with self.db.session() as s:
            return [
                (i, n)
                for i, n in s.execute(
                    select(Member.id, Member.name)
                    .where(Member.ended_on.is_(None))
                    .order_by(Member.branch_id, Member.search_keys, Member.id)
                )
            ]

    # --- the wall -----------------------------------------------------------------------------
    def wall(self) -> list[tuple[PostView, list[Holding]]]:
        """Every post in catalogue order with the members on it now (for the 设岗定责公示表)."""
        with self.db.session() as s:
            rows = s.execute(
                select(Post, _serves())
                .outerjoin(VillagerGroup, VillagerGroup.id == Post.villager_group_id)
                .outerjoin(Grid, Grid.id == Post.grid_id)
                .order_by(Post.sort_order, Post.id)
            ).all()
            holders = current_holders(s, [r[0].id for r in rows])
            return [
                (
                    PostView(p.id, p.name, p.duties, p.villager_group_id, p.grid_id, p.sort_order, serves),
                    holders.get(p.id, []),
                )
                for p, serves in rows
            ]
