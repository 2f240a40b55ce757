"""Demo 设岗定责 and status histories for 青山村.

- A catalogue of eight posts with their duties, two serving a villager group or a grid.
- Most members without an office (not a two-committee cadre) hold a post since some day in the
  last years; a few moved from one post to another (past assignments); the cadres who had a post
  before taking office left it the day they started.
- Status histories: every member 预备 from 入党 until 转正; one member made full last year; one
  who worked away for most of this year and came back; the three 流动党员 away since a day in the
  last two years; the 留党察看 member disciplined this spring, with the decision date.

Runs right after the people (before the meetings, points and dues demos read standing through
``statuses_on``). Deterministic with its own generator: the other seeders' draws stay as they were.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update

from govdesk.db import Database
from govdesk.demo import DEMO_SEED, DemoContext
from govdesk.models import Cadre, Grid, Member, MemberStatusPeriod, OrgUnit, Post, PostAssignment, VillagerGroup
from govdesk.posts import store
from govdesk.vocabulary import STATUS_FULL, STATUS_MIGRANT, STATUS_ON_PROBATION, STATUS_PROBATIONARY

# (name, duties, serves: "group" / "grid" / "")
CATALOGUE: tuple[tuple[str, str, str], ...] = (
    (
        "政策宣传岗",
        "宣传党的路线方针政策和惠农政策\n每月走访联系户，讲解医保、养老、补贴等政策\n协助做好村务公开栏更新",
        "",
    ),
    (
        "环境监督岗",
        "监督责任区环境卫生和垃圾分类\n劝阻乱堆乱放、乱倒垃圾\n每周巡查河道沟渠一次，发现问题及时报告",
        "grid",
    ),
    (
        "矛盾调解岗",
        "排查邻里、婚姻家庭、土地山林纠纷\n协助村调委会调解矛盾，做到小事不出组\n重大矛盾当天报告村党组织",
        "",
    ),
    ("关爱老人岗", "结对联系留守、独居、高龄老人\n每周上门或电话问候一次\n协助代办、代购，遇急事及时报告", "group"),
    ("平安巡逻岗", "参与夜间治安巡逻和防汛防火巡查\n宣传防诈骗、交通安全知识\n发现安全隐患及时报告处置", ""),
    ("产业帮带岗", "结对帮带脱贫户和低收入户发展产业\n传授种养技术，帮助联系销路", ""),
    ("文明新风岗", "宣传移风易俗，参与红白理事会工作\n带头遵守村规民约，倡导婚事新办、丧事简办", ""),
    ("志愿服务岗", "参加村志愿服务队活动\n组织党员参加义务劳动和便民服务", ""),
)
HOLD_SHARE = 0.75  # of the members the base register left without a post (the others keep theirs)


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = random.Random(DEMO_SEED + 9)
    with db.transaction() as s:
        post_ids = _catalogue(s)
        _histories(s, ctx, rng)
        _assignments(s, ctx, rng, post_ids)


def _catalogue(s: Any) -> list[int]:
    group = s.scalar(select(VillagerGroup.id).order_by(VillagerGroup.sort_order, VillagerGroup.id).limit(1))
    grid = s.scalar(select(Grid.id).order_by(Grid.sort_order, Grid.id).offset(2).limit(1))
    ids = []
    for order, (name, duties, serves) in enumerate(CATALOGUE, start=1):
        post = Post(
            name=name,
            duties=duties,
            sort_order=order,
            villager_group_id=group if serves == "group" else None,
            grid_id=grid if serves == "grid" else None,
        )
        s.add(post)
        s.flush()
        ids.append(post.id)
    return ids


def _histories(s: Any, ctx: DemoContext, rng: random.Random) -> None:
    today = ctx.today
    store.seed_new_members(s, ctx.member_ids)
    members = s.execute(
        select(Member.id, Member.status, Member.joined_on, Member.full_on).where(Member.id.in_(ctx.member_ids))
    ).all()
    cadres = set(s.scalars(select(Cadre.member_id).where(Cadre.member_id.is_not(None))))
    leaders = set(s.scalars(select(OrgUnit.leader_member_id).where(OrgUnit.leader_member_id.is_not(None))))
    plain_full = [m for m in members if m.status == STATUS_FULL and m.id not in cadres | leaders]
    # made full last year: 入党 the year before, 转正 a year later
    made_full = plain_full[-1]
    joined = date(today.year - 2, 6, 28)
    full = date(today.year - 1, 6, 28)
    s.execute(update(Member).where(Member.id == made_full.id).values(joined_on=joined, full_on=full))
    _rewrite(s, made_full.id, [(STATUS_PROBATIONARY, joined, full, None, ""), (STATUS_FULL, full, None, full, "转正")])
    # worked away most of this year, back since the autumn
    away = plain_full[-2]
    start, back = date(today.year, 2, 20), date(today.year, 10, 8)
    _rewrite(
        s,
        away.id,
        [
            (STATUS_PROBATIONARY, away.joined_on, away.full_on, None, ""),
            (STATUS_FULL, away.full_on, start, away.full_on, "转正"),
            (STATUS_MIGRANT, start, back, None, "外出务工（浙江宁波），与支部保持联系"),
            (STATUS_FULL, back, None, None, "流动结束，返乡"),
        ],
    )
    for m in members:
        if m.status == STATUS_MIGRANT:
            since = today - timedelta(days=rng.randrange(120, 700))
            since = max(since, m.full_on + timedelta(days=30))
            _rewrite(
                s,
                m.id,
                [
                    (STATUS_PROBATIONARY, m.joined_on, m.full_on, None, ""),
                    (STATUS_FULL, m.full_on, since, m.full_on, "转正"),
                    (
                        STATUS_MIGRANT,
                        since,
                        None,
                        None,
                        rng.choice(("外出务工（广东东莞）", "外出经商（上海）", "在外务工（江苏苏州）")),
                    ),
                ],
            )
        elif m.status == STATUS_ON_PROBATION:
            decided = date(today.year, 4, 16)
            _rewrite(
                s,
                m.id,
                [
                    (STATUS_PROBATIONARY, m.joined_on, m.full_on, None, ""),
                    (STATUS_FULL, m.full_on, decided, m.full_on, "转正"),
                    (
                        STATUS_ON_PROBATION,
                        decided,
                        None,
                        decided,
                        "经支部党员大会讨论、镇党委批准，给予留党察看一年处分",
                    ),
                ],
            )


def _rewrite(s: Any, member_id: int, periods: list[tuple[str, date | None, date | None, date | None, str]]) -> None:
    """The demo member's whole history, as written (statuses and dates in order, the last one running)."""
    s.execute(delete(MemberStatusPeriod).where(MemberStatusPeriod.member_id == member_id))
    s.execute(
        insert(MemberStatusPeriod),
        [
            {
                "member_id": member_id,
                "status": status,
                "started_on": start,
                "ended_on": end,
                "decided_on": decided,
                "decision_note": note,
            }
            for status, start, end, decided, note in periods
        ],
    )


def _assignments(s: Any, ctx: DemoContext, rng: random.Random, post_ids: list[int]) -> None:
    today = ctx.today
    names = dict(s.execute(select(Post.name, Post.id)).all())
    cadre_start = {m: d for m, d in s.execute(select(Cadre.member_id, Cadre.started_on)) if m is not None}
    rows = s.execute(
        select(Member.id, Member.post, Member.joined_on, Member.full_on, Member.status).where(
            Member.id.in_(ctx.member_ids)
        )
    ).all()
    first_day = date(today.year - 3, 3, 1)  # the village began 设岗定责 three springs ago
    new: list[dict[str, Any]] = []
    for m in rows:
        start = max(first_day, m.full_on or m.joined_on or first_day)
        start = start + timedelta(days=rng.randrange(0, 60))
        if start >= today:
            start = today - timedelta(days=rng.randrange(5, 30))
        text_post = names.get(m.post.strip()) if m.post else None
        if m.id in cadre_start:  # a cadre leaves any post the day the office begins
            if text_post is not None and cadre_start[m.id] and start < cadre_start[m.id]:
                new.append(_row(m.id, text_post, start, cadre_start[m.id], "任村干部后离岗"))
            continue
        if text_post is None and m.status != STATUS_MIGRANT and rng.random() < HOLD_SHARE:
            text_post = rng.choice(post_ids)  # most of those the register left without a post get one
        if text_post is None:
            continue
        if rng.random() < 0.2 and start < today - timedelta(days=400):  # moved posts once
            moved = start + timedelta(days=rng.randrange(200, max(201, (today - start).days - 60)))
            earlier = rng.choice([p for p in post_ids if p != text_post])
            new.append(_row(m.id, earlier, start, moved, "调整岗位"))
            start = moved
        new.append(_row(m.id, text_post, start, None, ""))
    s.execute(insert(PostAssignment), new)
    store.refresh_post_text(s, ctx.member_ids)


def _row(member_id: int, post_id: int, start: date, end: date | None, note: str) -> dict[str, Any]:
    return {"member_id": member_id, "post_id": post_id, "started_on": start, "ended_on": end, "note": note}
