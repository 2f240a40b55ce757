"""设岗定责 and a member's status over time: the post catalogue, who holds which post since when,
and the status changes (转正, 外出流动, 留党察看 …) that make a member's status history.

The rules are ``govdesk.posts.rules`` (plain functions, Chinese refusals); the writes inside a
transaction are ``govdesk.posts.store`` (which also keeps ``members.post`` / ``members.status``,
the current values, in step). This service owns the sessions; reads are in ``posts_query``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from govdesk.changes import Changes, writes
from govdesk.errors import FieldError, NotFoundError, RefusedError, ValidationError
from govdesk.labels import label
from govdesk.models import Grid, Member, Post, PostAssignment, VillagerGroup
from govdesk.posts import store
from govdesk.posts.rules import (
    change_named,
    refuse_assignment,
    refuse_assignment_end,
    refuse_assignment_start,
    refuse_post_name,
)
from govdesk.services.posts_query import PostQueries
from govdesk.validation import Checker, clean_text


@dataclass
class PostInput:
    """What the post form hands over: name, duties (several lines), what it serves, its place."""

    name: Any = ""
    duties: Any = ""
    villager_group_id: int | None = None
    grid_id: int | None = None
    sort_order: int | None = None  # None: at the end of the catalogue


def _clean_duties(value: Any) -> str:
    """Duties keep their lines (each a duty on the wall); trailing spaces and blank ends go."""
    lines = [line.rstrip() for line in str(value or "").replace("\r\n", "\n").split("\n")]
    return "\n".join(lines).strip("\n")


class PostService(PostQueries):
    """Writes of the 设岗定责 catalogue, the assignments and the status history."""

    # --- the catalogue ------------------------------------------------------------------------
    def _checked(self, s: Any, data: PostInput, own_id: int | None) -> dict[str, Any]:
        name = clean_text(data.name)
        c = Checker()
        why = refuse_post_name(name)
        if why:
            c.fail("post_name", why)
        elif s.scalar(select(Post.id).where(Post.name == name, Post.id != (own_id or 0))) is not None:
            c.fail("post_name", f"已有名为“{name}”的岗位")
        if data.villager_group_id is not None and s.get(VillagerGroup, data.villager_group_id) is None:
            c.fail("villager_group_id", "找不到这个村民小组")
        if data.grid_id is not None and s.get(Grid, data.grid_id) is None:
            c.fail("grid_id", "找不到这个网格")
        c.raise_if_any()
        return {
            "name": name,
            "duties": _clean_duties(data.duties),
            "villager_group_id": data.villager_group_id,
            "grid_id": data.grid_id,
        }

    @writes(Changes.POSTS)
    def create_post(self, data: PostInput) -> int:
        with self.db.transaction() as s:
            values = self._checked(s, data, None)
            order = data.sort_order
            if order is None:
                order = (s.scalar(select(func.max(Post.sort_order))) or 0) + 1
            post = Post(**values, sort_order=order)
            s.add(post)
            s.flush()
            return post.id

    @writes(Changes.POSTS | Changes.MEMBERS)
    def update_post(self, post_id: int, data: PostInput) -> None:
        """A renamed post renames itself in its holders' 岗位 text too (the history keeps the post)."""
        with self.db.transaction() as s:
            post = self._post(s, post_id)
            values = self._checked(s, data, post_id)
            for key, value in values.items():
                setattr(post, key, value)
            if data.sort_order is not None:
                post.sort_order = data.sort_order
            s.flush()
            holders = s.scalars(
                select(PostAssignment.member_id).where(
                    PostAssignment.post_id == post_id, PostAssignment.ended_on.is_(None)
                )
            ).all()
            store.refresh_post_text(s, holders)

    @writes(Changes.POSTS)
    def delete_post(self, post_id: int) -> None:
        """Only a post nobody ever held may go; one with a history stays (its holders can be ended)."""
        with self.db.transaction() as s:
            post = self._post(s, post_id)
            held = s.scalar(select(func.count()).where(PostAssignment.post_id == post_id)) or 0
            if held:
                raise RefusedError(f"岗位“{post.name}”已有 {held} 条任岗记录，不能删除（可让在岗党员离岗后不再使用）")
            s.delete(post)

    @staticmethod
    def _post(s: Any, post_id: int) -> Post:
        post = s.get(Post, post_id)
        if post is None:
            raise NotFoundError(f"找不到编号为 {post_id} 的岗位")
        return post

    # --- assignments --------------------------------------------------------------------------
    @writes(Changes.POSTS | Changes.MEMBERS)
    def assign(self, post_id: int, member_id: int, started_on: Any, note: Any = "") -> int:
        """A member takes a post (上岗) from ``started_on``."""
        c = Checker()
        start = c.required_date("assignment_started_on", started_on)
        c.raise_if_any()
        assert start is not None
        with self.db.transaction() as s:
            post = self._post(s, post_id)
            member = s.get(Member, member_id)
            if member is None:
                raise NotFoundError(f"找不到编号为 {member_id} 的党员")
            holds = s.scalar(
                select(PostAssignment.id).where(
                    PostAssignment.member_id == member_id,
                    PostAssignment.post_id == post_id,
                    PostAssignment.ended_on.is_(None),
                )
            )
            why = refuse_assignment(holds is not None, member.ended_on is not None)
            if why:
                raise RefusedError(f"{member.name} 不能上“{post.name}”：{why}")
            why = refuse_assignment_start(start, self.today(), member.joined_on)
            if why:
                raise ValidationError([FieldError("assignment_started_on", label("assignment_started_on"), why)])
            row = PostAssignment(member_id=member_id, post_id=post_id, started_on=start, note=clean_text(note))
            s.add(row)
            s.flush()
            store.refresh_post_text(s, [member_id])
            return row.id

    @writes(Changes.POSTS | Changes.MEMBERS)
    def end_assignment(self, assignment_id: int, ended_on: Any) -> None:
        """A member leaves a post (离岗); the assignment stays with its end date."""
        c = Checker()
        end = c.required_date("assignment_ended_on", ended_on)
        c.raise_if_any()
        assert end is not None
        with self.db.transaction() as s:
            row = s.get(PostAssignment, assignment_id)
            if row is None:
                raise NotFoundError(f"找不到编号为 {assignment_id} 的任岗记录")
            if row.ended_on is not None:
                raise RefusedError(f"这条任岗记录已于 {row.ended_on:%Y-%m-%d} 结束")
            why = refuse_assignment_end(row.started_on, end, self.today())
            if why:
                raise ValidationError([FieldError("assignment_ended_on", label("assignment_ended_on"), why)])
            row.ended_on = end
            s.flush()
            store.refresh_post_text(s, [row.member_id])

    # --- status history -----------------------------------------------------------------------
    @writes(Changes.POSTS | Changes.MEMBERS)
    def change_status(self, member_id: int, kind: str, on: Any, decided_on: Any = None, note: Any = "") -> None:
        """状态变更: 转正 (the date is the 转正 date), 外出流动 / 流动结束, 留党察看 (with its decision
        date) / 恢复党员权利. The running period ends on ``on`` and the new one begins."""
        change = change_named(str(kind))
        c = Checker()
        if change is None:
            c.fail("status_change", f"未知的状态变更“{kind}”")
        day = c.required_date("status_changed_on", on)
        decided = c.run("status_decided_on", _date_or_none, decided_on)
        c.raise_if_any()
        assert change is not None and day is not None
        with self.db.transaction() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise NotFoundError(f"找不到编号为 {member_id} 的党员")
            if member.ended_on is not None:
                raise RefusedError(f"{member.name} 已注销，不能再变更党员状态")
            if member.joined_on is not None and day < member.joined_on:
                raise RefusedError(f"变更日期不能早于入党时间（{member.joined_on:%Y-%m-%d}）")
            try:
                store.change_status(s, member_id, change, day, self.today(), decided, clean_text(note))
            except RefusedError as exc:
                raise RefusedError(f"{member.name}：{exc.message}") from exc

    def today(self) -> date:
        return date.today()


def _date_or_none(value: Any) -> date | None:
    from govdesk.validation import parse_date

    return parse_date(value)
