"""Demo 民情台账: a year of items in every state, two groups of which became decision-log matters.

``source_items`` is called by the decision-log demo where a matter starts from villagers'
voices (the road of 2026-001, the street lights still at 建议); ``seed_demo`` runs after it and
fills the year around them. Deterministic: only ``ctx.rng`` and ``ctx.today`` are used.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.models import Cadre
from govdesk.models.roster import DutyLogEntry
from govdesk.models.voices import VoiceMatterLink
from govdesk.services.voices import VoiceService
from govdesk.voices.rules import CHANNELS, VoiceInput

# Items that became matters: (days ago, channel, raised by, content), per matter of the decisions demo.
_SOURCES: dict[str, tuple[tuple[int, str, str, str], ...]] = {
    "road": (
        (216, "湾子夜话", "王建国", "三组到五组的路一下雨就是烂泥，老人小孩出门难，大家凑在院子里商量，建议硬化"),
        (213, "入户走访", "刘德荣", "运农资的车开不进五组，希望村里把三组到五组的路修好"),
    ),
    "lights": (
        (7, "来电", "陈秀兰", "村主干道晚上黑灯瞎火，走路不安全，建议装路灯"),
        (5, "网格员上报", "网格员 周丽", "主干道文化广场一段没有照明，跳广场舞的村民晚上回家怕摔"),
    ),
}

# (category, what was raised, the answer) — the everyday items of the year.
_TOPICS: tuple[tuple[str, str, str], ...] = (
    ("环境卫生", "二组垃圾桶满了没人清运，气味大", "已联系保洁员每天清运一次，并加设两个垃圾桶"),
    ("水利", "一组山塘渗水，担心汛期垮坝", "已请镇水利站查看，汛前完成防渗处理"),
    ("社会保障", "母亲八十岁了，想问高龄津贴怎么申请", "已代办高龄津贴申请，下月起发放"),
    ("邻里纠纷", "邻居盖房占了我家出路", "经村调委会两次调解，双方签订调解协议，出路让出一米"),
    ("产业发展", "想种茶叶，希望村里请技术员来讲课", "已联系县农技中心，本月底在村部开茶叶种植培训班"),
    ("道路交通", "四组桥头护栏断了，晚上危险", "已设警示牌，护栏已由施工队修复"),
    ("环境卫生", "河边有人倒建筑垃圾", "已清理并在河边设禁倒提示牌，网格员每周巡查"),
    ("社会保障", "家里因病致贫，能不能申请低保", "已入户核查，按程序提交镇民政办审核"),
    ("水利", "自来水水压低，三楼用不上水", "已请水厂检修管网，水压恢复正常"),
    ("其他", "希望村里多组织几场电影下乡", "已与县文化馆对接，每月放映一场"),
    ("产业发展", "合作社的猕猴桃卖不出去", "已联系镇电商服务站帮助线上销售"),
    ("邻里纠纷", "两户因排水沟走向吵架", "村干部现场协调，重新开挖排水沟，双方认可"),
)
_REPLIERS = ("村委会主任", "治保主任", "妇联主席", "文书")


def _service(db: Database, ctx: DemoContext) -> VoiceService:
    return VoiceService(db, clock=lambda: datetime.combine(ctx.today, time(17, 0)))


def source_items(db: Database, ctx: DemoContext, key: str) -> list[int]:
    """The items a demo matter is made from (they stay 办理中 until the matter's result is posted)."""
    voices = _service(db, ctx)
    households = ctx.household_ids
    ids = []
    for n, (days_ago, channel, name, content) in enumerate(_SOURCES[key]):
        household = households[(17 * n + len(key)) % len(households)] if households else None
        ids.append(
            voices.create(
                VoiceInput(
                    received_on=ctx.today - timedelta(days=days_ago),
                    channel=channel,
                    raised_by_name=name,
                    raised_by_household_id=household,
                    category="道路交通",
                    content=content,
                    taken_by="党总支书记",
                )
            )
        )
    return ids


def seed_demo(db: Database, ctx: DemoContext) -> None:
    voices = _service(db, ctx)
    rng, today = ctx.rng, ctx.today
    with db.session() as s:
        cadres = list(s.scalars(select(Cadre.name).order_by(Cadre.sort_order)))
        visit = s.scalar(select(DutyLogEntry.id).where(DutyLogEntry.visitor != "").order_by(DutyLogEntry.id))
    takers = cadres or ["值班干部"]
    for days_ago in sorted(rng.sample(range(1, 360), 54), reverse=True):
        received = today - timedelta(days=days_ago)
        category, content, reply = rng.choice(_TOPICS)
        household = rng.choice(ctx.household_ids) if ctx.household_ids and rng.random() < 0.7 else None
        data = VoiceInput(
            received_on=received,
            channel=rng.choice(CHANNELS),
            raised_by_name="" if household else rng.choice(("外出务工返乡人员", "过路司机", "邻村村民 张某")),
            raised_by_household_id=household,
            category=category,
            content=content,
            taken_by=rng.choice(takers),
            deadline=received + timedelta(days=rng.choice((7, 7, 7, 15))),
        )
        vid = voices.create(data)
        _answer(voices, vid, data, rng.random(), today, days_ago)
    _close_linked(voices, today)
    if visit is not None:
        voices.from_duty_log(visit, "其他")


def _answer(voices: VoiceService, vid: int, data: VoiceInput, luck: float, today: date, days_ago: int) -> None:
    """Older items are mostly answered (a few late, a few still open and overdue); recent ones wait."""
    received: date = data.received_on
    if days_ago < 4 or (days_ago < 20 and luck < 0.5):
        return  # 待办
    if luck < 0.08 and days_ago < 60:
        voices.answer(vid, "办理中", "", "", None)  # still being handled, past its deadline
        return
    took = 2 + int(luck * 9) if luck < 0.9 else 12  # the last tenth answered after the deadline
    replied = min(received + timedelta(days=took), today)
    status = "已办结" if luck < 0.7 else "已答复"
    satisfied = ("满意", "满意", "基本满意", "不满意", "未回访")[int(luck * 100) % 5]
    _, _, reply = next(t for t in _TOPICS if t[1] == data.content)
    voices.answer(vid, status, reply, _REPLIERS[int(luck * 40) % 4], replied, satisfied)


def _close_linked(voices: VoiceService, today: date) -> None:
    """The items whose matter has posted its result are answered with it (事事有回应)."""
    with voices.db.session() as s:
        linked = list(s.scalars(select(VoiceMatterLink.voice_id).order_by(VoiceMatterLink.voice_id)))
    for item in linked:
        view = voices.get(item)
        matter = view.matters[0]
        if matter.result_posted_on is not None:
            voices.answer(
                item,
                "已办结",
                f"已按五议两公开程序立项（{matter.number}），工程已完工验收，结果已公开",
                "党总支书记",
                matter.result_posted_on,
                "满意",
            )
