"""A deterministic fictional village for trying the program, screenshots and benchmarks.

The same seed always yields the same village, so screenshots and benchmark figures can
be compared across versions. ``scale`` multiplies the households (1 ≈ 300 households /
1,000 residents; 170 ≈ a township of 50,000 households / 200,000 residents).
Capabilities add their own demo data (duty roster, decision log…) through ``DEMO_SEEDERS``.
"""

from __future__ import annotations

import importlib
import logging
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import func, insert, select

from govdesk import idcard
from govdesk.dates import month_end, same_day_years_later
from govdesk.db import Database
from govdesk.errors import RefusedError
from govdesk.models import Cadre, Grid, Household, Member, OrgUnit, Resident, Village, VillagerGroup
from govdesk.models.org import ORG_BRANCH, ORG_GENERAL_BRANCH, ORG_GROUP
from govdesk.models.people import (
    RELATION_HEAD,
    SEX_FEMALE,
    SEX_MALE,
    STATUS_FULL,
    STATUS_MIGRANT,
    STATUS_ON_PROBATION,
    STATUS_PROBATIONARY,
)
from govdesk.search import search_keys

log = logging.getLogger("govdesk.demo")

VILLAGE_NAME = "青山村"
DEMO_SEED = 20261123

# "module:function" seeders called after the people exist: fn(db, ctx) -> None.
DEMO_SEEDERS: tuple[str, ...] = (
    "govdesk.services.people_demo:seed_demo",
    "govdesk.services.posts_demo:seed_demo",  # status histories before anything reads standing on a day
    "govdesk.services.roster_demo:seed_demo",
    "govdesk.services.decisions_demo:seed_demo",
    "govdesk.services.voices_demo:seed_demo",
    "govdesk.services.points_demo:seed_demo",
    "govdesk.services.meetings_demo:seed_demo",
    "govdesk.services.dues_demo:seed_demo",
    "govdesk.services.honours_demo:seed_demo",
    "govdesk.services.stars_demo:seed_demo",
    "govdesk.services.volunteers_demo:seed_demo",
)

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈单"
RARE_CHARS = "竂堉䶮𠮷"
GIVEN_MALE = "伟强磊军勇杰涛斌明超刚平辉建国志华庆东海波林峰春生德荣福贵宝山水根发"
GIVEN_FEMALE = "芳娟敏静丽艳霞秀英兰凤玲梅红燕琴云莲珍桂花琳娜慧巧月"
AREA_CODES = ("330784", "330782", "330723", "330727")
EDUCATION = ("小学", "初中", "高中", "中专", "大专", "本科")
POSTS = ("政策宣传岗", "环境监督岗", "矛盾调解岗", "关爱老人岗", "平安巡逻岗", "产业帮带岗")
CADRE_POSTS = (
    ("党总支书记、村委会主任", True, True),
    ("党总支副书记", True, False),
    ("村委会副主任", False, True),
    ("党总支委员、妇联主席", True, False),
    ("党总支委员、村务监督联络员", True, False),
    ("村委会委员、治保主任", False, True),
    ("村委会委员、文书", False, True),
)


@dataclass
class DemoContext:
    """What seeders get: the generator, the day the demo is anchored on, and the created ids."""

    rng: random.Random
    today: date
    village_id: int
    branch_ids: list[int] = field(default_factory=list)
    group_ids: list[int] = field(default_factory=list)
    cadre_ids: list[int] = field(default_factory=list)
    member_ids: list[int] = field(default_factory=list)
    household_ids: list[int] = field(default_factory=list)


class _People:
    """Makes unique names, ID numbers and phones from one random generator."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used_ids: set[str] = set()

    def name(self, sex: str, surname: str | None = None) -> str:
        rng = self.rng
        pool = GIVEN_MALE if sex == SEX_MALE else GIVEN_FEMALE
        given = "".join(rng.choice(pool) for _ in range(rng.choice((1, 2, 2))))
        if rng.random() < 0.02:
            given = rng.choice(RARE_CHARS) + given[-1:]
        return (surname or rng.choice(SURNAMES)) + given

    def id_number(self, birth: date, sex: str) -> str:
        while True:
            seq = self.rng.randrange(1, 999)
            if (seq % 2 == 1) != (sex == SEX_MALE):
                seq = seq + 1 if seq < 998 else seq - 1
            number = idcard.make_number(self.rng.choice(AREA_CODES), birth, seq)
            if number not in self.used_ids:
                self.used_ids.add(number)
                return number

    def phone(self) -> str:
        return f"1{self.rng.choice('3578')}{self.rng.randrange(10)}{self.rng.randrange(10**8):08d}"

    def birth(self, today: date, age_min: int, age_max: int) -> date:
        age_days = self.rng.randrange(age_min * 365 + 1, age_max * 365)
        return today - timedelta(days=age_days)


def database_is_empty(db: Database) -> bool:
    with db.session() as s:
        return s.scalar(select(func.count(Village.id))) == 0


def generate(db: Database, *, scale: float = 1.0, seed: int = DEMO_SEED, today: date | None = None) -> DemoContext:
    """Fill an empty database with the demo village. Refuses a database that holds data."""
    if not database_is_empty(db):
        raise RefusedError("数据库中已有数据，演示村只能写入空数据库")
    rng = random.Random(seed)
    today = today or date.today()
    people = _People(rng)
    with db.transaction() as s:
        village = Village(
            name=VILLAGE_NAME,
            township="桃源镇",
            county="示范县",
            address="示范县桃源镇青山村村部",
            phone="0579-87654321",
            supervision_phone="0579-87654321",
        )
        s.add(village)
        s.flush()
        ctx = DemoContext(rng=rng, today=today, village_id=village.id)
        _make_org(s, ctx)
        groups, grids = _make_groups_and_grids(s, ctx, people)
        _make_households(s, ctx, people, groups, grids, scale)
        _make_members(s, ctx, people)
        _make_cadres(s, ctx, people)
    for spec in DEMO_SEEDERS:
        module, _, fn = spec.partition(":")
        seeder: Callable[[Database, DemoContext], None] = getattr(importlib.import_module(module), fn)
        seeder(db, ctx)
    log.info("demo village generated (scale %s, seed %s)", scale, seed)
    return ctx


def _make_org(s: Any, ctx: DemoContext) -> None:
    general = OrgUnit(village_id=ctx.village_id, kind=ORG_GENERAL_BRANCH, name=f"中共{VILLAGE_NAME}总支部委员会")
    s.add(general)
    s.flush()
    for i, branch_name in enumerate(("第一党支部", "第二党支部"), start=1):
        branch = OrgUnit(
            village_id=ctx.village_id, kind=ORG_BRANCH, name=branch_name, parent_id=general.id, sort_order=i
        )
        s.add(branch)
        s.flush()
        ctx.branch_ids.append(branch.id)
        for j in (1, 2):
            group = OrgUnit(
                village_id=ctx.village_id,
                kind=ORG_GROUP,
                name=f"{branch_name[:2]}支部第{j}党小组",
                parent_id=branch.id,
                sort_order=j,
            )
            s.add(group)
            s.flush()
            ctx.group_ids.append(group.id)


def _make_groups_and_grids(s: Any, ctx: DemoContext, people: _People) -> tuple[list[int], list[int]]:
    numerals = "一二三四五六七八九十"
    groups, grids = [], []
    for i in range(8):
        g = VillagerGroup(
            village_id=ctx.village_id,
            name=f"第{numerals[i]}村民小组",
            leader_name=people.name(SEX_MALE),
            leader_phone=people.phone(),
            sort_order=i + 1,
        )
        s.add(g)
        s.flush()
        groups.append(g.id)
    for i in range(10):
        g = Grid(
            village_id=ctx.village_id,
            name=f"第{i + 1}网格",
            leader_name=people.name(SEX_FEMALE),
            leader_phone=people.phone(),
            sort_order=i + 1,
        )
        s.add(g)
        s.flush()
        grids.append(g.id)
    return groups, grids


def _family(rng: random.Random) -> Iterator[tuple[str, str, int, int]]:
    """(relation, sex, min age, max age) for one household, head first."""
    head_sex = SEX_MALE if rng.random() < 0.85 else SEX_FEMALE
    yield RELATION_HEAD, head_sex, 30, 85
    if rng.random() < 0.8:
        yield ("配偶", SEX_FEMALE if head_sex == SEX_MALE else SEX_MALE, 28, 80)
    sons = daughters = 0
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        if rng.random() < 0.5:
            sons += 1
            yield ("长子" if sons == 1 else "次子" if sons == 2 else "三子"), SEX_MALE, 3, 40
        else:
            daughters += 1
            yield ("长女" if daughters == 1 else "次女" if daughters == 2 else "三女"), SEX_FEMALE, 3, 40
    if rng.random() < 0.15:
        yield "母亲", SEX_FEMALE, 70, 95
    if sons and rng.random() < 0.35:
        yield "儿媳", SEX_FEMALE, 22, 40
        yield "孙子" if rng.random() < 0.5 else "孙女", SEX_MALE if rng.random() < 0.5 else SEX_FEMALE, 1, 12


def _make_households(
    s: Any, ctx: DemoContext, people: _People, groups: list[int], grids: list[int], scale: float
) -> None:
    rng = ctx.rng
    n_households = max(10, round(300 * scale))
    next_hid = (s.scalar(select(func.max(Household.id))) or 0) + 1
    households: list[dict[str, Any]] = []
    residents: list[dict[str, Any]] = []
    key_texts: dict[str, str] = {}  # names repeat: each one's search keys computed once
    for i in range(n_households):
        hid = next_hid + i
        group_index = i * len(groups) // n_households
        surname = rng.choice(SURNAMES)
        households.append(
            {
                "id": hid,
                "village_id": ctx.village_id,
                "number": f"{group_index + 1:02d}{i + 1:05d}",
                "address": f"青山村{group_index + 1}组{rng.randrange(1, 200)}号",
                "phone": "",
                "villager_group_id": groups[group_index],
                "grid_id": grids[i * len(grids) // n_households],
                "notes": "",
            }
        )
        for relation, sex, lo, hi in _family(rng):
            keeps_surname = relation in (RELATION_HEAD, "长子", "次子", "三子", "长女", "次女", "三女", "孙子", "孙女")
            name = people.name(sex, surname if keeps_surname else None)
            birth = people.birth(ctx.today, lo, hi)
            residents.append(
                {
                    "household_id": hid,
                    "name": name,
                    "id_number": people.id_number(birth, sex),
                    "sex": sex,
                    "birth_date": birth,
                    "ethnicity": "汉族" if rng.random() < 0.97 else "畲族",
                    "relation": relation,
                    "phone": people.phone() if lo >= 18 else "",
                    "notes": "",
                    "search_keys": key_texts.get(name) or key_texts.setdefault(name, search_keys(name)),
                }
            )
        ctx.household_ids.append(hid)
    s.execute(insert(Household), households)
    for start in range(0, len(residents), 20_000):
        s.execute(insert(Resident), residents[start : start + 20_000])


def _make_members(s: Any, ctx: DemoContext, people: _People) -> None:
    """About 40 members (more at larger scale), chosen among adult residents."""
    rng = ctx.rng
    adults = s.execute(
        select(
            Resident.id,
            Resident.household_id,
            Resident.name,
            Resident.id_number,
            Resident.sex,
            Resident.birth_date,
            Resident.phone,
        )
        .where(Resident.birth_date <= ctx.today - timedelta(days=365 * 25))
        .order_by(Resident.id)
    ).all()
    n_members = min(len(adults), max(40, round(len(ctx.household_ids) * 0.13)))
    chosen = sorted(rng.sample(range(len(adults)), n_members))
    statuses = [STATUS_PROBATIONARY] * 4 + [STATUS_MIGRANT] * 3 + [STATUS_ON_PROBATION]
    for k, idx in enumerate(chosen):
        r = adults[idx]
        status = statuses[k] if k < len(statuses) else STATUS_FULL
        earliest = date(r.birth_date.year + 19, r.birth_date.month, min(r.birth_date.day, 28))
        span = max(1, (ctx.today - timedelta(days=400) - earliest).days)
        joined = earliest + timedelta(days=rng.randrange(span))
        if status == STATUS_PROBATIONARY:
            joined = ctx.today - timedelta(days=rng.randrange(30, 300))
            if k == 0:  # one 预备党员 whose year ends this month: 首页 lists the 转正 to prepare
                joined = same_day_years_later(min(ctx.today + timedelta(days=3), month_end(ctx.today)), -1)
        full_on = None if status == STATUS_PROBATIONARY else joined + timedelta(days=365)
        branch_pos = 0 if k % 2 == 0 else 1
        m = Member(
            village_id=ctx.village_id,
            name=r.name,
            id_number=r.id_number,
            sex=r.sex,
            birth_date=r.birth_date,
            education=rng.choice(EDUCATION),
            joined_on=joined,
            full_on=full_on,
            status=status,
            branch_id=ctx.branch_ids[branch_pos],
            party_group_id=ctx.group_ids[branch_pos * 2 + (k // 2) % 2],
            phone=r.phone or people.phone(),
            post=rng.choice(POSTS) if k % 3 else "",
            resident_id=r.id,
            household_id=r.household_id,
            search_keys=search_keys(r.name),
        )
        s.add(m)
        s.flush()
        ctx.member_ids.append(m.id)
    for unit_id in ctx.branch_ids + ctx.group_ids:
        unit = s.get(OrgUnit, unit_id)
        candidates = [mid for mid in ctx.member_ids if s.get(Member, mid).status == STATUS_FULL]
        unit.leader_member_id = candidates[(unit_id * 7) % len(candidates)]


def _make_cadres(s: Any, ctx: DemoContext, people: _People) -> None:
    full_members = [s.get(Member, mid) for mid in ctx.member_ids]
    full_members = [m for m in full_members if m.status == STATUS_FULL]
    for i, (post, branch, committee) in enumerate(CADRE_POSTS):
        member = full_members[i * 3 % len(full_members)] if branch else None
        name = member.name if member else people.name(SEX_FEMALE if i % 2 else SEX_MALE)
        c = Cadre(
            village_id=ctx.village_id,
            member_id=member.id if member else None,
            name=name,
            post=post,
            phone=member.phone if member else people.phone(),
            on_branch_committee=branch,
            on_village_committee=committee,
            started_on=date(ctx.today.year - 2, 1, 1),
            sort_order=i + 1,
        )
        s.add(c)
        s.flush()
        ctx.cadre_ids.append(c.id)
