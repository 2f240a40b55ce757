"""``govdesk check``: the status history and the posts agree with the members' current values.

``members.status`` and ``members.post`` summarise the history (``govdesk.posts.store`` writes
both in one transaction); a file edited by hand or by an old tool could still break that, and
the desk should say so rather than count a meeting with the wrong voters.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import Member, MemberStatusPeriod, Post, PostAssignment
from govdesk.posts.rules import first_overlap, post_text


def posts_problems(db: Database) -> list[str]:
    problems: list[str] = []
    with db.session() as s:
        members = {
            m: (name, status, post)
            for m, name, status, post in s.execute(select(Member.id, Member.name, Member.status, Member.post))
        }
        spans: dict[int, list[tuple[date | None, date | None]]] = defaultdict(list)
        running: dict[int, list[str]] = defaultdict(list)
        for member_id, status, start, end in s.execute(
            select(
                MemberStatusPeriod.member_id,
                MemberStatusPeriod.status,
                MemberStatusPeriod.started_on,
                MemberStatusPeriod.ended_on,
            )
        ):
            spans[member_id].append((start, end))
            if end is None:
                running[member_id].append(status)
        held: dict[int, list[str]] = defaultdict(list)
        for member_id, name in s.execute(
            select(PostAssignment.member_id, Post.name)
            .join(Post, Post.id == PostAssignment.post_id)
            .where(PostAssignment.ended_on.is_(None))
            .order_by(Post.sort_order, Post.id)
        ):
            held[member_id].append(name)
    for member_id, (name, status, post) in members.items():
        if first_overlap(spans.get(member_id, [])) is not None:
            problems.append(f"党员 {name}（编号 {member_id}）的状态历史有重叠的时段")
        now = running.get(member_id)
        if now is not None and now != [status]:
            problems.append(f"党员 {name}（编号 {member_id}）的党员状态为{status}，状态历史中现为{'、'.join(now)}")
        if member_id in held or post:
            expected = post_text(held.get(member_id, []))
            if post != expected:
                problems.append(f"党员 {name}（编号 {member_id}）的岗位为“{post}”，任岗记录为“{expected}”")
    return problems
