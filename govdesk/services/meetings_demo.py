"""Demo meetings: a year of 三会一课 for 青山村, one branch fallen behind, some leave and absence.

From last December to the demo's today: the 党总支 holds the 支委会 every month and records
most 五议两公开 党员大会审议 as its 党员大会 (attendance from the decision log's tick lists);
each branch holds its 主题党日 on the 15th, a 党课 and a 支部党员大会 each quarter, the
组织生活会 and 民主评议党员 in January; each Party group meets monthly. 第二党支部 fell behind
in the autumn: no 主题党日 since September, no 党课 this quarter, its second group silent in
November. Its own random generator (not ``ctx.rng``), so it neither depends on nor disturbs the
other seeders' order.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from govdesk.db import Database
from govdesk.demo import DEMO_SEED, DemoContext
from govdesk.meetings.kinds import (
    ABSENT,
    EXCUSED,
    KIND_COMMITTEE,
    KIND_GENERAL,
    KIND_GROUP,
    KIND_LECTURE,
    KIND_LIFE,
    KIND_REVIEW,
    KIND_THEME_DAY,
    PRESENT,
)
from govdesk.models import Cadre, Member, OrgUnit
from govdesk.services.meetings import MeetingInput, MeetingService
from govdesk.vocabulary import ORG_GENERAL_BRANCH, STATUS_MIGRANT

PLACE = "村党群服务中心会议室"
REASONS = ("外出务工", "生病住院", "家中有事", "在外地就医", "照顾病重老人", "参加镇里培训")
THEMES = (
    "学习贯彻党的二十届四中全会精神",
    "重温入党誓词，讲身边党员故事",
    "党员志愿服务：清理村道和河道垃圾",
    "走访慰问困难党员和老党员",
    "学习《中国共产党纪律处分条例》",
    "护林防火宣传，党员带头巡山",
    "环境整治党员先锋行动",
    "学习新修订的村规民约",
    "防汛备汛，党员责任区包片",
    "乡村振兴产业观摩，学习邻村经验",
    "关爱留守儿童，党员结对帮扶",
    "秋收秸秆禁烧宣传",
)
LECTURES = (
    "书记讲党课：党员如何在乡村振兴中当先锋",
    "党课：从“枫桥经验”看矛盾纠纷就地化解",
    "党课：学党史，守初心",
    "党课：基层党员廉洁自律",
)
GENERAL_TOPICS = (
    "通报支部工作，讨论发展党员计划",
    "审议年度党费收缴情况，布置下季度工作",
    "讨论预备党员转正",
    "学习上级文件，讨论支部年度计划",
)
COMMITTEE_TOPICS = (
    "研究本月党建重点工作",
    "研究主题党日安排和党员积分",
    "研究五议两公开事项的提议",
    "分析党员思想动态，研究谈心谈话安排",
)
GROUP_TOPICS = ("学习上级文件，交流学习体会", "分包联户情况交流", "党员责任区工作汇报", "讨论本组党员积分")


def _months(first: date, last: date) -> list[date]:
    out, day = [], first.replace(day=1)
    while day <= last:
        out.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return out


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = random.Random(DEMO_SEED + 11)
    today = ctx.today
    svc = MeetingService(db, clock=lambda: datetime.combine(today, time(17)), user="演示")
    with db.session() as s:
        general = s.scalar(select(OrgUnit.id).where(OrgUnit.kind == ORG_GENERAL_BRANCH))
        secretary = s.scalar(select(Cadre.name).order_by(Cadre.sort_order)) or ""
        clerk = s.scalar(select(Cadre.name).where(Cadre.post.like("%文书%"))) or ""
        leaders = dict(
            s.execute(select(OrgUnit.id, Member.name).join(Member, Member.id == OrgUnit.leader_member_id)).all()
        )
    if general is None or not ctx.branch_ids:
        return
    behind = ctx.branch_ids[-1]  # 第二党支部 fell behind in the autumn
    behind_group = ctx.group_ids[-1] if ctx.group_ids else None
    autumn = date(today.year, 9, 1)
    quarter_start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)

    def hold(kind: str, unit: int, day: date, topic: str, host: str = secretary) -> None:
        if day > today:
            return
        data = MeetingInput(kind, unit, day, PLACE, host, clerk, topic, f"{topic}。与会党员逐一发言，形成一致意见。")
        marks = {}
        for a in svc.expected(kind, unit, day):
            roll = rng.random()
            if a.status_on_day == STATUS_MIGRANT:
                mark = PRESENT if roll < 0.3 else EXCUSED
            else:
                mark = PRESENT if roll < 0.86 else EXCUSED if roll < 0.95 else ABSENT
            marks[a.member_id] = (mark, rng.choice(REASONS) if mark == EXCUSED else "")
        svc.create(data, marks)

    start = date(today.year - 1, 12, 1)
    for month in _months(start, today):
        hold(KIND_COMMITTEE, general, month + timedelta(days=rng.randint(2, 8)), rng.choice(COMMITTEE_TOPICS))
        for i, branch in enumerate(ctx.branch_ids):
            lagging = branch == behind and month >= autumn
            leader = leaders.get(branch, secretary)
            if not lagging:
                hold(KIND_THEME_DAY, branch, month.replace(day=15), THEMES[month.month % len(THEMES)], leader)
            if month.month % 3 == 2:  # the middle month of each quarter
                hold(KIND_GENERAL, branch, month.replace(day=20 + i), rng.choice(GENERAL_TOPICS), leader)
                if not (branch == behind and month >= quarter_start):
                    hold(KIND_LECTURE, branch, month.replace(day=8), LECTURES[(month.month // 3) % len(LECTURES)])
            if month.month == 1:
                hold(
                    KIND_LIFE,
                    branch,
                    month.replace(day=18),
                    f"{month.year - 1}年度组织生活会：对照检查，开展批评与自我批评",
                )
                hold(KIND_REVIEW, branch, month.replace(day=19), f"{month.year - 1}年度民主评议党员")
        for group in ctx.group_ids:
            if group == behind_group and month >= today.replace(day=1):
                continue
            day = month + timedelta(days=rng.randint(9, 13))
            hold(KIND_GROUP, group, day, rng.choice(GROUP_TOPICS), leaders.get(group, ""))
    # The 五议两公开 党员大会审议 of the year, recorded as the 党总支's 党员大会 (the two latest are
    # left for the clerk to link: 从五议两公开登记).
    for choice in svc.decision_choices()[2:]:
        meeting_id = svc.create_from_decision(choice.entry_id, general)
        sheet = svc.get(meeting_id).sheet
        marks = {a.member_id: (a.mark, a.reason) for a in sheet if a.mark}
        for a in sheet:
            if a.ticked is False and rng.random() < 0.6:
                marks[a.member_id] = (EXCUSED, rng.choice(REASONS))
            elif a.ticked is None:
                marks[a.member_id] = (PRESENT, "")
        svc.save_attendance(meeting_id, marks)
