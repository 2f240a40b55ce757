"""Demo decision log for the fictional village: matters at every stage.

Written through ``DecisionService`` (so every entry is hash-chained exactly as the window
writes it), with the service clock set to each event's day so the demo is deterministic.
Attendance ticks are drawn from the should-attend list the roster gives for the meeting
date, so 应到 / 实到 always agree with the people on file.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from govdesk.db import Database
from govdesk.decisions import quorum
from govdesk.decisions.inputs import (
    AnswerInput,
    Disposition,
    MatterInput,
    MeetingInput,
    NoticeInput,
    ObjectionInput,
    ProgressInput,
    SuggestionInput,
)
from govdesk.decisions.procedures import KIND_MEETING
from govdesk.demo import DemoContext
from govdesk.models import BodySeat, Cadre, Household, Resident
from govdesk.models.decisions import BODY_REPRESENTATIVES, BODY_SUPERVISION
from govdesk.models.people import RELATION_HEAD
from govdesk.services.decisions import DecisionService
from govdesk.services.voices import VoiceService
from govdesk.services.voices_demo import source_items

FROM_VOICES = "民情台账"  # a scenario's source: its detail names the demo 民情 items it is made from

HOUSEHOLDS_PER_REPRESENTATIVE = 10
MAX_REPRESENTATIVES = 80  # a large demo (scale 170) stays quick to seed and to tick


def _seed_seats(db: Database, ctx: DemoContext) -> None:
    """村民代表 (one per ~10 households, household heads) and a 3-person supervision committee."""
    start = date(ctx.today.year - 2, 1, 1)
    with db.transaction() as s:
        heads = s.execute(
            select(Resident.id, Resident.name)
            .join(Household, Household.id == Resident.household_id)
            .where(Resident.relation == RELATION_HEAD)
            .order_by(Household.number)
        ).all()
        cadre_names = set(s.scalars(select(Cadre.name)))
        heads = [h for h in heads if h.name not in cadre_names]
        n_reps = min(MAX_REPRESENTATIVES, max(5, len(heads) // HOUSEHOLDS_PER_REPRESENTATIVE))
        chosen = ctx.rng.sample(range(len(heads)), n_reps + 3)
        for k, idx in enumerate(chosen[:3] + sorted(chosen[3:])):
            body = BODY_SUPERVISION if k < 3 else BODY_REPRESENTATIVES
            rid, name = heads[idx]
            s.add(BodySeat(village_id=ctx.village_id, body=body, resident_id=rid, name=name, started_on=start))


@dataclass
class _Desk:
    """Drives the service like a clerk would, one dated event at a time."""

    svc: DecisionService
    ctx: DemoContext
    host: str
    recorder: str
    now: datetime = datetime(2000, 1, 1)

    def at(self, day: date) -> None:
        self.now = datetime.combine(day, time(17, 0))

    def open(self, title: str, category: str, amount: str, source: str, detail: str, raised: date, proc: str) -> int:
        self.at(raised)
        if source == FROM_VOICES:  # the matter is made from 民情 items (转为五议两公开事项)
            items = source_items(self.svc.db, self.ctx, detail)
            return VoiceService(self.svc.db, clock=lambda: self.now).to_matter(
                self.svc, items, title, category, amount, proc
            )
        data = MatterInput(title, category, amount, source, detail, proc, raised)
        return self.svc.create_matter(data, SuggestionInput(raised, detail.split("：")[0], detail))

    def meeting(
        self,
        mid: int,
        day: date,
        text: str,
        *,
        short_by: int = 0,
        fail_votes: bool = False,
        if_failed: Disposition | None = None,
    ) -> quorum.Verdict:
        """Hold the next meeting; ``short_by`` people fewer than the quorum makes it fail on attendance."""
        self.at(day)
        view = self.svc.matter(mid)
        step = view.next_step
        assert step is not None and step.kind == KIND_MEETING, (view.number, step)
        seats = self.svc.should_attend(step.rule_id, day)
        rng = self.ctx.rng
        probe = quorum.evaluate(step.rule_id, len(seats), 0)
        if short_by:
            n_present = probe.need_present - short_by
        else:
            n_present = rng.randint(max(probe.need_present, len(seats) - 3), len(seats))
        present = rng.sample(seats, n_present)
        need_yes = quorum.evaluate(step.rule_id, len(seats), n_present).need_yes
        if fail_votes:
            yes = max(0, need_yes - 2)
        else:
            yes = rng.randint(min(need_yes, n_present), n_present)
        no = (n_present - yes) // 2
        data = MeetingInput(
            day,
            "村党群服务中心会议室",
            self.host,
            self.recorder,
            [p.key for p in present],
            yes,
            no,
            n_present - yes - no,
            text,
        )
        _, verdict = self.svc.record_meeting(mid, step.position, data, if_failed)
        return verdict

    def post(self, mid: int, day: date, days: int = 7) -> None:
        self.at(day)
        step = self.svc.matter(mid).next_step
        assert step is not None
        self.svc.record_notice(mid, step.position, NoticeInput(day, days))

    def progress(self, mid: int, day: date, text: str, **kw: object) -> None:
        self.at(day)
        self.svc.record_progress(mid, ProgressInput(day, text, **kw))  # type: ignore[arg-type]


def seed_demo(db: Database, ctx: DemoContext) -> None:
    _seed_seats(db, ctx)
    with db.session() as s:
        cadres = list(s.scalars(select(Cadre).order_by(Cadre.sort_order)))
    desk = _Desk(DecisionService(db, user="演示"), ctx, cadres[0].name, cadres[-1].name)
    desk.svc.clock = lambda: desk.now
    T = ctx.today

    def d(days_ago: int) -> date:
        return T - timedelta(days=days_ago)

    def deliberate(mid: int, start: int, gap: int = 6, texts: tuple[str, ...] = ()) -> int:
        """Hold every remaining meeting, ``gap`` days apart; returns the last meeting's days-ago."""
        day = start
        while (step := desk.svc.matter(mid).next_step) is not None and step.kind == KIND_MEETING:
            desk.meeting(mid, d(day), texts[0] if texts else f"同意{desk.svc.matter(mid).title}，按方案实施")
            day -= gap
        return day + gap

    for spec in _SCENARIOS:
        spec(desk, d, deliberate)


Scenario = Callable[[_Desk, Callable[[int], date], Callable[..., int]], None]


def _done(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "三组至五组村道硬化工程",
        "公益事业建设",
        "386000",
        FROM_VOICES,
        "road",
        d(210),
        "五议两公开",
    )
    last = deliberate(mid, 200)
    desk.post(mid, d(last - 2))
    desk.progress(mid, d(150), "工程招标完成，开工建设", amount_spent="100000", contractor="示范县通达路桥有限公司")
    desk.progress(mid, d(70), "路面浇筑完成", amount_spent="268500", completed_on=d(70))
    desk.progress(mid, d(60), "镇村联合验收合格", accepted_on=d(60))
    desk.post(mid, d(55))


def _result_posting(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "村文化礼堂修缮", "公益事业建设", "12万", "党员建议", "党员李秀英：文化礼堂屋顶漏雨", d(150), "五议两公开"
    )
    last = deliberate(mid, 140)
    desk.post(mid, d(last - 1))
    desk.progress(mid, d(90), "屋面翻修开工", amount_spent="60000", contractor="桃源镇鑫安建筑队")
    desk.progress(mid, d(20), "完工并验收", amount_spent="57800", completed_on=d(22), accepted_on=d(20))
    desk.post(mid, d(3))


def _objection_period(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "集体山林承包经营权流转", "土地承包流转", "45万", "上级交办", "镇农业办：统一推进山林流转", d(40), "四议两公开"
    )
    deliberate(mid, 30, gap=7)
    history = desk.svc.history(mid)
    last_meeting = [h for h in history if h.kind == "步骤"][-1]
    entry, ticks, _ = desk.svc.entry(last_meeting.entry_id)
    desk.at(d(8))
    fixed = MeetingInput(
        entry.event_date,
        entry.place,
        entry.host,
        entry.recorder,
        [(t.person_kind, t.person_id) for t in ticks if t.present],
        entry.yes_votes,
        entry.no_votes,
        entry.abstain_votes,
        entry.text + "，流转期限十五年",
    )
    desk.svc.correct(entry.id, "决定事项漏记流转期限，据会议记录补正", fixed)
    desk.post(mid, d(3))
    desk.at(d(2))
    oid = desk.svc.record_objection(mid, ObjectionInput(d(2), "张𠮷林", "流转期限过长，希望缩短为十年"))
    desk.at(d(1))
    desk.svc.answer_objection(oid, AnswerInput(d(1), desk.host, "期限经村民代表会议表决确定，已当面解释，本人表示理解"))


def _resolved_not_posted(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "2026年度村集体经济收益分配方案",
        "集体资金使用",
        "210000",
        "干部建议",
        "村委会：年度收益分配",
        d(45),
        "五议两公开",
    )
    deliberate(mid, 38, gap=7)


def _failed_quorum_sent_back(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "村级光伏电站建设", "集体资产处置", "80万", "干部建议", "村委会主任：利用村部屋顶建设光伏", d(60), "五议两公开"
    )
    desk.meeting(mid, d(55), "同意提交两委商议")
    desk.meeting(mid, d(48), "同意提交党员大会审议")
    back = Disposition(3, "到会党员不足法定人数，择日重新召开党员大会", d(40))
    verdict = desk.meeting(mid, d(40), "审议光伏电站建设方案", short_by=1, if_failed=back)
    assert not verdict.passed
    desk.meeting(mid, d(30), "同意提交村民代表会议决议")


def _failed_vote_ended(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "出售村集体旧仓库", "集体资产处置", "150000", "村民建议", "赵德荣：旧仓库闲置，建议出售", d(100), "五议两公开"
    )
    desk.meeting(mid, d(95), "同意提交两委商议")
    desk.meeting(mid, d(88), "同意提交党员大会审议")
    desk.meeting(mid, d(80), "同意提交村民代表会议决议")
    end = Disposition(None, "村民代表会议未通过，多数代表主张保留仓库作公共用房，终止办理", d(72))
    desk.meeting(mid, d(72), "表决出售旧仓库方案", fail_votes=True, if_failed=end)


def _suggested(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    desk.open(
        "村主干道增设路灯",
        "公益事业建设",
        "36000",
        FROM_VOICES,
        "lights",
        d(4),
        "五议两公开",
    )


def _proposed(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "垃圾分类收集亭建设", "公益事业建设", "48000", "党员建议", "党员周海波：垃圾分类设施不足", d(15), "五议两公开"
    )
    desk.meeting(mid, d(9), "同意提交两委商议")


def _merged(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "农村饮用水管网改造",
        "公益事业建设",
        "52万",
        "上级交办",
        "县水利局：饮用水提标改造",
        d(25),
        "五议两公开（一肩挑）",
    )
    desk.meeting(mid, d(20), "书记主任一肩挑，提议与商议合并，同意提交党员大会审议")


def _reviewed(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "村级公益性岗位补贴标准调整",
        "补贴发放",
        "64800",
        "干部建议",
        "村委会：公益岗位补贴标准调整",
        d(35),
        "五议两公开（含核议）",
    )
    for i, text in enumerate(("同意提交两委商议", "同意提交党员大会审议", "同意提交监委会核议", "核议无异议")):
        desk.meeting(mid, d(30 - 6 * i), text)


def _implementing(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "水利沟渠清淤", "公益事业建设", "68000", "村民建议", "吴国平：沟渠淤塞影响灌溉", d(80), "四议两公开"
    )
    last = deliberate(mid, 72, gap=5)
    desk.post(mid, d(last - 2))
    desk.progress(mid, d(30), "清淤施工开始", amount_spent="30000", contractor="桃源镇水利服务队")


def _accepted_not_posted(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "居家养老服务站（老年食堂）建设",
        "公益事业建设",
        "25万",
        "党员建议",
        "党员郑秀珍：老人吃饭难",
        d(130),
        "五议两公开",
    )
    last = deliberate(mid, 120)
    desk.post(mid, d(last - 2))
    desk.progress(mid, d(70), "装修开工", amount_spent="150000", contractor="示范县安居装饰有限公司")
    desk.progress(mid, d(12), "完工并验收", amount_spent="92000", completed_on=d(15), accepted_on=d(12))


def _failed_waiting(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "村部停车场扩建", "公益事业建设", "180000", "干部建议", "村委会：办事群众停车难", d(20), "五议两公开"
    )
    desk.meeting(mid, d(16), "同意提交两委商议")
    desk.meeting(mid, d(10), "停车场扩建方案", fail_votes=True)


def _posting_ending(desk: _Desk, d: Callable[[int], date], deliberate: Callable[..., int]) -> None:
    mid = desk.open(
        "村庄绿化提升工程", "公益事业建设", "95000", "村民建议", "孙丽娟：村口绿化缺失", d(50), "五议两公开"
    )
    deliberate(mid, 40, gap=7)
    desk.post(mid, d(5))


# In the order the matters were raised, so 台账编号 follow the calendar.
_SCENARIOS: tuple[Scenario, ...] = (
    _done,
    _result_posting,
    _accepted_not_posted,
    _failed_vote_ended,
    _implementing,
    _failed_quorum_sent_back,
    _posting_ending,
    _resolved_not_posted,
    _objection_period,
    _reviewed,
    _merged,
    _failed_waiting,
    _proposed,
    _suggested,
)
