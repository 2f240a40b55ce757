"""Demo 志愿服务: four teams led by members, their volunteers (members and other residents; one
joins mid-year, one leaves), and a year of activities with hours.

Deterministic: its own generator, seeded from the demo's day; written through the service so
every rule (on the team that day, hours) holds for the demo too.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.models import Member, Resident
from govdesk.services.volunteers import ActivityInput, TeamInput, VolunteerService

# (team, purpose, activities a month, [(place, what was done)])
TEAMS: tuple[tuple[str, str, int, tuple[tuple[str, str], ...]], ...] = (
    (
        "应急救助服务队",
        "汛期巡堤、森林防火、突发险情的第一时间救助",
        1,
        (
            ("一组山塘", "汛前巡查山塘堤坝，清理溢洪道杂物"),
            ("后山林区", "森林防火巡查，劝阻野外用火"),
            ("村部", "开展应急救护培训，演练心肺复苏"),
            ("三组河堤", "暴雨后巡堤，转移低洼处两户老人"),
        ),
    ),
    (
        "环境卫生服务队",
        "村道、河塘和公共场所的清扫保洁，垃圾分类宣传",
        2,
        (
            ("村主干道", "清扫村主干道，清理路边垃圾"),
            ("二组河边", "打捞河面漂浮物，清理河岸建筑垃圾"),
            ("文化广场", "清扫文化广场，擦洗健身器材"),
            ("各村民小组", "入户宣传垃圾分类，发放分类垃圾桶"),
        ),
    ),
    (
        "关爱老人服务队",
        "定期探望留守和独居老人，理发、送餐、陪护、代购代办",
        2,
        (
            ("五组", "上门探望独居老人，打扫卫生、陪聊"),
            ("村部", "为七十岁以上老人义务理发"),
            ("四组", "为留守老人代购生活用品、代办高龄津贴"),
            ("村卫生室", "陪同老人体检，讲解慢病用药"),
        ),
    ),
    (
        "矛盾调解服务队",
        "邻里纠纷、家庭矛盾上门调解，政策法规宣传",
        1,
        (
            ("三组", "上门调解两户宅基地边界纠纷"),
            ("村部调解室", "调解一起赡养纠纷，签订赡养协议"),
            ("六组", "协调排水沟走向，双方达成一致"),
            ("文化广场", "开展普法宣传，发放民法典读本"),
        ),
    ),
)


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = random.Random(f"volunteers-{ctx.today.isoformat()}")
    today = ctx.today
    service = VolunteerService(db, clock=lambda: datetime.combine(today, time(17, 0)))
    with db.session() as s:
        member_residents = list(
            s.scalars(select(Member.resident_id).where(Member.resident_id.is_not(None), Member.ended_on.is_(None)))
        )
        adults = list(
            s.scalars(
                select(Resident.id)
                .where(Resident.ended_on.is_(None))
                .where(Resident.birth_date <= date(today.year - 20, 1, 1))
                .where(Resident.birth_date >= date(today.year - 68, 1, 1))
                .order_by(Resident.id)
            )
        )
    members = [r for r in member_residents if r in set(adults)] or member_residents
    others = [r for r in adults if r not in set(members)]
    start = date(today.year, 1, 1)
    used: set[int] = set()
    for n, (name, purpose, per_month, works) in enumerate(TEAMS):
        leader = members[(7 * n) % len(members)] if members else None
        team_id = service.save_team(TeamInput(name, leader, purpose))
        crew = [leader] if leader is not None else []
        crew += rng.sample([m for m in members if m not in crew and m not in used], min(4, len(members) - 1))
        crew += rng.sample([r for r in others if r not in used], 7)
        used.update(crew)
        joined: dict[int, tuple[date, date | None]] = {}
        for i, rid in enumerate(crew):
            day = start - timedelta(days=rng.randrange(60, 900))
            left = None
            if i == len(crew) - 1:  # the newest joins mid-year
                day = start + timedelta(days=150 + 10 * n)
            elif i == len(crew) - 2 and n == 1:  # one leaves after the summer (works away)
                left = start + timedelta(days=240)
            vid = service.join(team_id, rid, day, "")
            if left is not None and left <= today:
                service.leave(vid, left)
            joined[rid] = (day, left if left is not None and left <= today else None)
        months = (today - start).days // 30
        for month in range(months + 1):
            for _ in range(per_month):
                day = start + timedelta(days=30 * month + rng.randrange(0, 28))
                if day > today:
                    continue
                on = [r for r, (j, left) in joined.items() if j <= day and (left is None or day < left)]
                people = rng.sample(on, min(len(on), rng.randrange(3, 8)))
                place, what = rng.choice(works)
                hours = {r: rng.choice((1, 1.5, 2, 2, 2.5, 3, 4)) for r in people}
                service.save_activity(ActivityInput(team_id, day, place, what, hours))
