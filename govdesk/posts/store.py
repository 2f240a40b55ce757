"""Writing posts and status periods inside a caller's transaction (a Session or a Connection).

The posts service, the member service (a status picked in the member form) and the register
import (岗位 / 状态 columns) all write through here, so ``members.post`` and ``members.status`` —
the member's current posts and status, which the list sorts on and the register exports — are
always rewritten from the rows they summarise, in the same transaction, by this module alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update

from govdesk.errors import RefusedError
from govdesk.models import Member, MemberStatusPeriod, Post, PostAssignment
from govdesk.posts.rules import (
    StatusChange,
    first_overlap,
    post_text,
    refuse_change,
    refuse_post_name,
    split_post_text,
)
from govdesk.vocabulary import STATUS_FULL, STATUS_PROBATIONARY

Executor = Any  # a Session or a Connection: both execute Core statements


# --- status periods -----------------------------------------------------------------------------
def seed_periods(member_id: int, status: str, joined: date | None, full: date | None) -> list[dict[str, Any]]:
    """A new member's history from the form or a register: 预备 from 入党 until 转正, then the status."""
    base = {"member_id": member_id, "decided_on": None, "decision_note": ""}
    if full is not None and status != STATUS_PROBATIONARY and (joined is None or full > joined):
        decided = {"decided_on": full, "decision_note": "转正"} if status == STATUS_FULL else {}
        return [
            base | {"status": STATUS_PROBATIONARY, "started_on": joined, "ended_on": full},
            base | {"status": status, "started_on": full, "ended_on": None} | decided,
        ]
    return [base | {"status": status, "started_on": joined, "ended_on": None}]


def open_periods(s: Executor, member_ids: Iterable[int]) -> dict[int, tuple[int, str, date | None]]:
    """``{member id: (period id, status, started_on)}`` of each member's running period."""
    rows = s.execute(
        select(
            MemberStatusPeriod.member_id,
            MemberStatusPeriod.id,
            MemberStatusPeriod.status,
            MemberStatusPeriod.started_on,
        ).where(MemberStatusPeriod.member_id.in_(list(member_ids)), MemberStatusPeriod.ended_on.is_(None))
    )
    return {m: (pid, status, start) for m, pid, status, start in rows}


def change_status(
    s: Executor,
    member_id: int,
    change: StatusChange,
    on: date,
    today: date,
    decided_on: date | None = None,
    note: str = "",
) -> None:
    """Record ``change`` from ``on``: the running period ends that day and the new one begins.
    Refused (RefusedError, nothing written) by ``rules.refuse_change``."""
    current = _current(s, member_id)
    period_id, status, since = current
    why = refuse_change(change, status, on, since, today, decided_on)
    if why:
        raise RefusedError(why)
    if change.to_status == STATUS_FULL and status == STATUS_PROBATIONARY:
        decided_on = decided_on or on  # 转正: the date is the decision
    if period_id is not None:
        s.execute(update(MemberStatusPeriod).where(MemberStatusPeriod.id == period_id).values(ended_on=on))
    s.execute(
        insert(MemberStatusPeriod).values(
            member_id=member_id,
            status=change.to_status,
            started_on=on,
            ended_on=None,
            decided_on=decided_on,
            decision_note=note or change.kind,
        )
    )
    spans = s.execute(
        select(MemberStatusPeriod.started_on, MemberStatusPeriod.ended_on).where(
            MemberStatusPeriod.member_id == member_id
        )
    ).all()
    if first_overlap([tuple(span) for span in spans]) is not None:  # the caller's transaction rolls back
        raise RefusedError("该党员的状态历史有重叠的时段，请先核对状态历史")
    values: dict[str, Any] = {"status": change.to_status}
    if change.to_status == STATUS_FULL and status == STATUS_PROBATIONARY:
        values["full_on"] = on
    s.execute(update(Member).where(Member.id == member_id).values(values))


def _current(s: Executor, member_id: int) -> tuple[int | None, str, date | None]:
    """The running period; a member without history (written before it existed) reads as the
    one-value rule would: the recorded status since 转正 or 入党."""
    found = open_periods(s, [member_id]).get(member_id)
    if found is not None:
        return found
    row = s.execute(select(Member.status, Member.joined_on, Member.full_on).where(Member.id == member_id)).first()
    if row is None:
        raise RefusedError(f"找不到编号为 {member_id} 的党员")
    for period in seed_periods(member_id, row[0], row[1], row[2]):
        s.execute(insert(MemberStatusPeriod).values(period))
    return open_periods(s, [member_id])[member_id]


def set_status_as_registered(s: Executor, statuses: dict[int, str], on: date) -> None:
    """A register import says what each member's status is now: where it differs from the running
    period, that period ends ``on`` and the register's status begins (the same day's period is
    corrected in place). The register is the authority here, so no change rule is asked."""
    running = open_periods(s, statuses)
    for member_id, status in statuses.items():
        period = running.get(member_id)
        if period is None or period[1] == status:
            continue
        period_id, _old, since = period
        if since is not None and since >= on:
            s.execute(update(MemberStatusPeriod).where(MemberStatusPeriod.id == period_id).values(status=status))
            continue
        s.execute(update(MemberStatusPeriod).where(MemberStatusPeriod.id == period_id).values(ended_on=on))
        s.execute(
            insert(MemberStatusPeriod).values(
                member_id=member_id, status=status, started_on=on, decision_note="花名册导入"
            )
        )


def seed_new_members(s: Executor, member_ids: Iterable[int]) -> None:
    """Status periods for members that have none yet (just created or imported)."""
    ids = list(member_ids)
    if not ids:
        return
    have = set(s.execute(select(MemberStatusPeriod.member_id).where(MemberStatusPeriod.member_id.in_(ids))).scalars())
    rows = s.execute(select(Member.id, Member.status, Member.joined_on, Member.full_on).where(Member.id.in_(ids))).all()
    periods = [p for m, st, j, f in rows if m not in have for p in seed_periods(m, st, j, f)]
    if periods:
        s.execute(insert(MemberStatusPeriod), periods)


# --- posts --------------------------------------------------------------------------------------
def refresh_post_text(s: Executor, member_ids: Iterable[int]) -> None:
    """``members.post`` := the member's running posts in catalogue order, joined with 、."""
    ids = sorted(set(member_ids))
    if not ids:
        return
    held: dict[int, list[str]] = {m: [] for m in ids}
    rows = s.execute(
        select(PostAssignment.member_id, Post.name)
        .join(Post, Post.id == PostAssignment.post_id)
        .where(PostAssignment.member_id.in_(ids), PostAssignment.ended_on.is_(None))
        .order_by(Post.sort_order, Post.id)
    )
    for member_id, name in rows:
        held[member_id].append(name)
    table = Member.__table__  # one executemany (Core, not the ORM's bulk-by-primary-key path)
    s.execute(
        update(table).where(table.c.id == bindparam("mid")).values(post=bindparam("text")),
        [{"mid": member_id, "text": post_text(names)} for member_id, names in held.items()],
    )


def post_named(s: Executor, name: str) -> int:
    """The catalogue post of this name, added at the end of the catalogue when there is none."""
    found = s.execute(select(Post.id).where(Post.name == name)).scalar()
    if found is not None:
        return int(found)
    why = refuse_post_name(name)
    if why:
        raise RefusedError(why)
    last = s.execute(select(func.max(Post.sort_order))).scalar()
    result = s.execute(insert(Post).values(name=name, duties="", sort_order=(last or 0) + 1))
    return int(result.inserted_primary_key[0])


def names_in_text(known: dict[str, int], text: str) -> list[str]:
    """A 岗位 cell's posts: the whole text when a post has exactly that name (the migration kept
    older texts whole), else the names between 、 ， ; / . ``known``: the catalogue, name → id."""
    whole = text.strip()
    if not whole:
        return []
    if whole in known:
        return [whole]
    return split_post_text(whole)


def hold_posts_as_registered(
    s: Executor, posts_by_member: dict[int, str], on: date, *, empty_ends: bool = False
) -> None:
    """A 岗位 text says which posts a member holds now: each named post becomes or joins a
    catalogue post and the member holds it from ``on`` (if not already); a running post the text
    no longer names ends ``on``. An empty text changes nothing for a register import (a blank cell
    is not a decision; ending a post is done on the 设岗定责 page) but ends every running post
    when ``empty_ends`` (the member form, where the field shows the posts held)."""
    ids = list(posts_by_member)
    running: dict[int, dict[int, int]] = {m: {} for m in ids}
    for chunk in range(0, len(ids), 500):
        part = ids[chunk : chunk + 500]
        for member_id, post_id, assignment_id in s.execute(
            select(PostAssignment.member_id, PostAssignment.post_id, PostAssignment.id).where(
                PostAssignment.member_id.in_(part), PostAssignment.ended_on.is_(None)
            )
        ):
            running[member_id][post_id] = assignment_id
    new: list[dict[str, Any]] = []
    ended: list[int] = []
    known: dict[str, int] = {n: i for n, i in s.execute(select(Post.name, Post.id))}
    for member_id, text in posts_by_member.items():
        wanted = []
        for name in names_in_text(known, text):
            if name not in known:
                known[name] = post_named(s, name)
            wanted.append(known[name])
        if not wanted and not empty_ends:
            continue
        held = running[member_id]
        new.extend(
            {"member_id": member_id, "post_id": p, "started_on": on, "note": ""} for p in wanted if p not in held
        )
        ended.extend(a for p, a in held.items() if p not in wanted)
    if new:
        s.execute(insert(PostAssignment), new)
    for chunk in range(0, len(ended), 500):
        s.execute(update(PostAssignment).where(PostAssignment.id.in_(ended[chunk : chunk + 500])).values(ended_on=on))
    refresh_post_text(s, ids)


def end_posts_of(s: Executor, member_id: int, on: date) -> None:
    """A member leaving the roster leaves their posts the same day (the assignments stay)."""
    s.execute(
        update(PostAssignment)
        .where(PostAssignment.member_id == member_id, PostAssignment.ended_on.is_(None))
        .values(ended_on=on)
    )
    refresh_post_text(s, [member_id])


def move_full_on(s: Executor, member_id: int, old: date | None, new: date | None) -> None:
    """A corrected 转正 date (the member form): the 预备 period ending on the old date and the
    period beginning on it move together; refused when the new date leaves either empty."""
    if old is None or new is None or old == new:
        return
    before = s.execute(
        select(MemberStatusPeriod.id, MemberStatusPeriod.started_on).where(
            MemberStatusPeriod.member_id == member_id,
            MemberStatusPeriod.status == STATUS_PROBATIONARY,
            MemberStatusPeriod.ended_on == old,
        )
    ).first()
    after = s.execute(
        select(MemberStatusPeriod.id, MemberStatusPeriod.ended_on).where(
            MemberStatusPeriod.member_id == member_id, MemberStatusPeriod.started_on == old
        )
    ).first()
    if before is None or after is None:
        return
    if (before[1] is not None and new <= before[1]) or (after[1] is not None and new >= after[1]):
        raise RefusedError("转正时间与状态历史不符：请在「状态变更」中查看该党员的状态历史")
    s.execute(update(MemberStatusPeriod).where(MemberStatusPeriod.id == before[0]).values(ended_on=new))
    s.execute(
        update(MemberStatusPeriod).where(MemberStatusPeriod.id == after[0]).values(started_on=new, decided_on=new)
    )
