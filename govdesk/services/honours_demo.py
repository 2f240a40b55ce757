"""Demo 评先评优 and 理事会: a year of honours, two councils with members and meetings, and a
村规民约 with two versions.

Last year's village honours were decided by the 四议两公开 (a matter of the decision log, its
list posted seven days, the certificates handed out) and each award links to that matter; this
year has the 七一 优秀共产党员, a township 好媳妇, and 平安家庭 nominations still waiting.
Deterministic: only ``ctx.rng`` and ``ctx.today`` are used, through the services a clerk uses.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select

from govdesk.councils.rules import CouncilInput, MeetingInput, MemberInput, VersionInput
from govdesk.db import Database
from govdesk.decisions.procedures import KIND_MEETING
from govdesk.demo import DemoContext
from govdesk.honours.rules import HonourInput
from govdesk.models import Cadre, Household, Member, Resident, VillagerGroup
from govdesk.models.people import RELATION_HEAD, SEX_FEMALE, STATUS_FULL
from govdesk.services.councils import CouncilService
from govdesk.services.decisions import DecisionService
from govdesk.services.decisions_demo import _Desk
from govdesk.services.honours import HonourService

_FAMILY_NOTES = (
    "孝老爱亲，三代同堂和睦相处",
    "庭院整洁，带头参与垃圾分类",
    "热心公益，主动为村道硬化让地",
    "勤劳致富，带动邻里发展茶叶种植",
    "邻里和睦，多年无矛盾纠纷",
    "重视教育，子女考入大学后回乡创业",
)
_RULES_V1 = """第一条 为推进村民自治，建设文明和谐新农村，经村民代表会议讨论通过，制定本村规民约。
第二条 村民应遵守国家法律法规，爱党爱国，维护社会稳定，不参与赌博、吸毒、封建迷信活动。
第三条 爱护公共设施，不得损坏道路、水利、路灯、健身器材等集体财产。
第四条 保持环境卫生，垃圾入桶，不乱倒建筑垃圾，不在河道内洗涤、倾倒污物。
第五条 邻里之间互谅互让，发生纠纷先由村调解委员会调解，不得聚众闹事。
第六条 婚丧嫁娶从简办理，提倡移风易俗，反对大操大办和铺张浪费。
第七条 本村规民约自通过之日起施行，由村民委员会负责解释。"""
_RULES_V2 = """第一条 为推进村民自治，建设文明和谐美丽乡村，根据有关法律法规，经村民代表会议讨论通过，制定本村规民约。
第二条 村民应遵守国家法律法规，爱党爱国，维护社会稳定，不参与赌博、吸毒、封建迷信活动，发现线索及时向村禁毒禁赌会报告。
第三条 爱护公共设施，不得损坏道路、水利、路灯、健身器材、文化礼堂等集体财产，损坏的照价赔偿。
第四条 保持环境卫生，实行垃圾分类，门前三包，不乱倒建筑垃圾，不在河道内洗涤、倾倒污物，不焚烧秸秆。
第五条 邻里之间互谅互让，发生纠纷先由村湾理事会、道德评议会和村调解委员会调解，不得聚众闹事。
第六条 婚丧嫁娶从简办理，由红白理事会指导：婚宴不超过二十桌，丧事不超过三天，不燃放大型烟花。
第七条 孝敬老人，赡养父母，关爱留守儿童和困难群众；每年评选最美家庭、好媳妇、好婆婆，张榜表扬。
第八条 安全用火用电，汛期服从防汛安排，禁止在村道晾晒农作物。
第九条 违反本村规民约的，由村民委员会批评教育，责令改正，并在评先评优中一票否决。
第十条 本村规民约自通过之日起施行，由村民委员会负责解释；2019年6月通过的村规民约同时废止。"""
_CHARTER = """第一条 本理事会是在村党总支领导下，由本湾群众推选的热心公益、办事公道的村民组成的群众自治组织。
第二条 理事会协助村“两委”做好本湾的矛盾调解、环境整治、移风易俗和公益事业建设。
第三条 理事会设会长一名、副会长一名、秘书长一名、理事若干名，任期三年，可连选连任。
第四条 理事会每季度至少开会一次，重大事项提交村“两委”按程序决策。"""
_MEETINGS = (
    (300, "春节前环境大扫除安排", "议定腊月二十前各户清理房前屋后，理事分片包干检查"),
    (240, "湾内道路两侧绿化认领", "全体理事带头认领，每户认领门前两棵桂花树"),
    (160, "调解两户排水沟纠纷", "现场察看后提出方案：沟渠改走两户交界线，费用各半，双方同意"),
    (90, "推荐最美家庭、好媳妇人选", "推荐三户最美家庭、两名好媳妇人选，报村两委"),
    (20, "冬季防火安全宣传", "理事入户发放防火宣传单，检查老人家中用电"),
)
_HONGBAI = (
    (280, "婚丧事宜从简标准", "议定婚宴不超过二十桌、丧事不超过三天，报村规民约修订参考"),
    (120, "王家婚事操办指导", "理事上门劝导，婚宴由三十桌减为十八桌"),
    (30, "年底红白喜事集中提醒", "年底办事较多，理事分户提醒从简办理"),
)


def _clock(day: date):  # type: ignore[no-untyped-def]
    return lambda: datetime.combine(day, time(17, 0))


def _people(db: Database) -> tuple[list[tuple[int, int, int]], list[int]]:
    """(儿媳, 婆婆, household) triples, and the homes of full members."""
    with db.session() as s:
        in_law = s.execute(
            select(Resident.id, Resident.household_id).where(Resident.relation == "儿媳").order_by(Resident.id)
        ).all()
        triples = []
        for rid, hid in in_law:
            mother = s.scalar(
                select(Resident.id).where(
                    Resident.household_id == hid,
                    Resident.sex == SEX_FEMALE,
                    Resident.relation.in_(("配偶", RELATION_HEAD)),
                )
            )
            if mother is not None:
                triples.append((rid, mother, hid))
        member_homes = list(
            s.scalars(
                select(Member.household_id)
                .where(Member.status == STATUS_FULL, Member.household_id.is_not(None))
                .order_by(Member.id)
            )
        )
    return triples, [h for h in dict.fromkeys(member_homes) if h is not None]


def seed_demo(db: Database, ctx: DemoContext) -> None:
    _seed_honours(db, ctx)
    _seed_councils(db, ctx)


def _honour_matter(db: Database, ctx: DemoContext, year: int) -> int:
    """Last year's honours went through 四议两公开: proposed in December, the list posted, handed out."""
    with db.session() as s:
        cadres = list(s.scalars(select(Cadre.name).order_by(Cadre.sort_order)))
    desk = _Desk(DecisionService(db, user="演示"), ctx, cadres[0], cadres[-1])
    desk.svc.clock = lambda: desk.now
    raised = date(year, 12, 5)
    mid = desk.open(
        f"{year}年度评先评优（最美家庭、文明家庭、好媳妇、好婆婆等）人选",
        "其他重大事项",
        "",
        "干部建议",
        f"村两委：按村规民约开展{year}年度评先评优",
        raised,
        "四议两公开",
    )
    day = raised + timedelta(days=3)
    while (step := desk.svc.matter(mid).next_step) is not None and step.kind == KIND_MEETING:
        desk.meeting(mid, day, f"同意{year}年度评先评优人选名单，张榜公示七天")
        day += timedelta(days=5)
    desk.post(mid, day)
    handed = date(year + 1, 1, 10)
    desk.progress(mid, handed, "召开表彰大会，颁发证书和“最美家庭”牌匾", completed_on=handed, accepted_on=handed)
    desk.post(mid, handed + timedelta(days=1))
    return mid


def _seed_honours(db: Database, ctx: DemoContext) -> None:
    rng, today = ctx.rng, ctx.today
    last, this = today.year - 1, today.year
    matter_id = _honour_matter(db, ctx, last)
    honours = HonourService(db, clock=_clock(today))
    triples, member_homes = _people(db)
    rng.shuffle(triples)
    homes = [h for h in ctx.household_ids if h not in member_homes]
    picked = rng.sample(homes, 12)
    awarded = date(last + 1, 1, 8)
    nominated = date(last, 11, 28)

    def give(year: int, honour: str, on: date | None, level: str = "村级", note: str = "", **who: int) -> None:
        status = "授予" if on else "提名"
        decided_by = matter_id if year == last and level == "村级" else None
        honours.create(
            HonourInput(
                year=year,
                honour=honour,
                level=level,
                status=status,
                nominated_on=nominated if year == last else None,
                nominated_by="村湾理事会推荐" if year == last else "",
                awarded_on=on,
                matter_id=decided_by,
                note=note,
                **who,
            )
        )

    notes = list(_FAMILY_NOTES)
    for honour, households in (("最美家庭", picked[0:3]), ("文明家庭", picked[3:6]), ("平安家庭", picked[6:8])):
        for hid in households:
            give(last, honour, awarded, note=notes[rng.randrange(len(notes))], household_id=hid)
    give(last, "最美家庭", date(last + 1, 1, 20), "镇级", "经村推荐，获评桃源镇最美家庭", household_id=picked[0])
    daughters = ("照顾瘫痪公公十年如一日", "丈夫外出务工，一人照料老小，勤俭持家")
    mothers = ("待儿媳如亲女，家庭和睦", "帮儿媳带孩子、管菜园，支持儿媳创业")
    for (in_law, mother, _hid), daughter_note, mother_note in zip(triples[:2], daughters, mothers, strict=False):
        give(last, "好媳妇", awarded, note=daughter_note, resident_id=in_law)
        give(last, "好婆婆", awarded, note=mother_note, resident_id=mother)
    for hid, note in zip(
        member_homes[:2], ("带头发展庭院经济，结对帮扶困难户", "带头拆除违建、整治庭院"), strict=False
    ):
        give(last, "党员示范户", awarded, note=note, household_id=hid)
    with db.session() as s:
        members = list(
            s.scalars(
                select(Member.id).where(Member.status == STATUS_FULL, Member.ended_on.is_(None)).order_by(Member.id)
            )
        )
        rich = s.scalars(
            select(Resident.id).where(Resident.relation == RELATION_HEAD, Resident.household_id == picked[9])
        ).first()
    if rich is not None:
        give(last, "致富能手", awarded, note="成立茶叶专业合作社，带动二十户增收", resident_id=rich)
        give(this, "致富能手", date(this, 9, 26), "县级", "获评示范县农村致富带头人", resident_id=rich)
    # 七一: this year's outstanding members, three at village and one at township level.
    for mid in rng.sample(members, 4)[:3]:
        give(this, "优秀共产党员", date(this, 6, 28), note="积分排名前列，联户走访到位", member_id=mid)
    give(this, "优秀共产党员", date(this, 6, 30), "镇级", "桃源镇优秀共产党员", member_id=members[0])
    if len(triples) > 2:
        give(this, "好媳妇", date(this, 5, 10), "镇级", "桃源镇“好媳妇”", resident_id=triples[2][0])
    for hid in picked[10:12]:  # this year's 平安家庭: nominated, waiting for the year-end vote
        honours.create(
            HonourInput(this, "平安家庭", household_id=hid, nominated_on=date(this, 11, 10), nominated_by="网格员推荐")
        )


COUNCIL_SEATS = 10  # six founding members, the one who replaced a leaver, three for the 红白理事会


def _seed_councils(db: Database, ctx: DemoContext) -> None:
    rng, today = ctx.rng, ctx.today
    councils = CouncilService(db, clock=_clock(today))
    with db.session() as s:
        group_id, group_name = s.execute(
            select(VillagerGroup.id, VillagerGroup.name).order_by(VillagerGroup.sort_order, VillagerGroup.id)
        ).first()  # type: ignore[misc]
        elders = list(
            s.scalars(
                select(Resident.id)
                .join(Household, Household.id == Resident.household_id)
                .where(
                    Household.villager_group_id == group_id,
                    Resident.relation == RELATION_HEAD,
                    Resident.birth_date <= today - timedelta(days=365 * 50),
                    Resident.ended_on.is_(None),
                )
                .order_by(Resident.id)
            )
        )
        if len(elders) < COUNCIL_SEATS:  # a small demo (--scale): neighbours from the rest of the village
            elders += [
                rid
                for rid in s.scalars(
                    select(Resident.id)
                    .where(Resident.relation == RELATION_HEAD, Resident.ended_on.is_(None))
                    .order_by(Resident.id)
                )
                if rid not in elders
            ][: COUNCIL_SEATS - len(elders)]
    chosen = rng.sample(elders, min(len(elders), 10))
    founded = date(today.year - 5, 3, 15)
    hamlet = councils.create_council(
        CouncilInput(
            f"{group_name}村湾理事会",
            "村湾理事会",
            group_id,
            None,
            founded,
            "协助村两委做好本湾矛盾调解、环境整治和移风易俗",
        )
    )
    roles = ("会长", "副会长", "秘书长", "理事", "理事", "理事")
    terms = [
        councils.add_member(hamlet, MemberInput(r, "", role, founded)) for r, role in zip(chosen, roles, strict=False)
    ]
    left_on = date(today.year - 1, 12, 31)
    councils.end_member(terms[-1], left_on)
    terms[-1] = councils.add_member(hamlet, MemberInput(chosen[6], "", "理事", left_on + timedelta(days=1)))
    first_meeting = councils.add_meeting(
        hamlet,
        MeetingInput(
            founded, "湾子文化广场", "理事会成立大会", terms[:5], "村党总支书记", "选举产生首届理事会，通过理事会章程"
        ),
    )
    councils.adopt_version(
        hamlet, VersionInput(f"{group_name}村湾理事会章程", _CHARTER, founded, "理事会全体会议", first_meeting)
    )
    _meetings(councils, hamlet, _MEETINGS, today, rng)
    hongbai = councils.create_council(
        CouncilInput(
            f"{group_name}红白理事会",
            "红白理事会",
            group_id,
            hamlet,
            date(today.year - 3, 5, 1),
            "指导婚丧事宜从简办理",
        )
    )
    start = date(today.year - 3, 5, 1)
    for r, role in zip(chosen[7:10], ("会长", "理事", "理事"), strict=False):
        councils.add_member(hongbai, MemberInput(r, "", role, start))
    _meetings(councils, hongbai, _HONGBAI, today, rng)
    councils.adopt_version(None, VersionInput("青山村村规民约", _RULES_V1, date(2019, 6, 15), "村民代表会议"))
    councils.adopt_version(None, VersionInput("青山村村规民约", _RULES_V2, date(2024, 3, 15), "村民代表会议"))


def _meetings(
    councils: CouncilService, council_id: int, plan: tuple[tuple[int, str, str], ...], today: date, rng
) -> None:  # type: ignore[no-untyped-def]
    for days_ago, topic, minutes in plan:
        day = today - timedelta(days=days_ago)
        serving = [t.id for t in councils.terms(council_id, day)]
        if not serving:
            continue
        present = sorted(rng.sample(serving, max(1, len(serving) - rng.randrange(0, 2))))
        councils.add_meeting(council_id, MeetingInput(day, "湾子文化广场", topic, present, "", minutes))
