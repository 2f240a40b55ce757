"""A small village built by hand for 首页: every count and alert is known in advance."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import pytest

from govdesk import idcard
from govdesk.db import Database
from govdesk.models.org import ORG_BRANCH
from govdesk.services.bundle import Services
from govdesk.services.home import HomeService
from govdesk.services.households import HouseholdInput, ResidentInput
from govdesk.services.members import MemberInput
from govdesk.services.organisation import CadreInput
from govdesk.voices.rules import VoiceInput

TODAY = date(2026, 11, 23)  # a Monday


def at(day: date):  # type: ignore[no-untyped-def]
    return lambda: datetime.combine(day, time(9, 0))


@dataclass
class Village:
    services: Services
    home: HomeService
    today: date
    ids: dict[str, int] = field(default_factory=dict)


def build_village(db: Database, today: date) -> Village:
    """Two groups, three households (one 低保户 + 残疾, one 低保户 ended last year, one ended outright),
    six residents, five members (statuses, branches, ages and joining dates chosen for the rules),
    two cadres on duty today and tomorrow, the weekly meeting on today's weekday, three duty-log items."""
    s = Services.open(db)
    v = Village(s, HomeService(db, clock=at(today)), today)
    s.village.create_village("青山村")
    g1 = s.organisation.add_villager_group("第一组")
    g2 = s.organisation.add_villager_group("第二组")
    b1 = s.organisation.add_unit(ORG_BRANCH, "第一支部")
    b2 = s.organisation.add_unit(ORG_BRANCH, "第二支部")
    v.ids.update(g1=g1, g2=g2, b1=b1, b2=b2)
    h1 = s.households.create(HouseholdInput(number="001", villager_group_id=g1))
    h2 = s.households.create(HouseholdInput(number="002", villager_group_id=g2))
    h3 = s.households.create(HouseholdInput(number="003", villager_group_id=g2))
    seq = iter(range(11, 999, 2))

    def person(name: str, birth: date) -> dict[str, object]:
        return {
            "name": name,
            "id_number": idcard.make_number("330784", birth, next(seq)),
            "sex": "男",
            "birth_date": birth,
        }

    years = lambda n, d=0: date(today.year - n, today.month, 1) + timedelta(days=d)  # noqa: E731
    for hid, name, birth in [
        (h1, "张一", years(30)),
        (h1, "张二", years(50)),
        (h1, "张三", years(80)),
        (h2, "李一", years(40)),
        (h2, "李二", years(66)),
        (h3, "王一", years(20)),
    ]:
        s.households.add_resident(
            hid, ResidentInput(**person(name, birth), relation="户主" if name.endswith("一") else "子")
        )
    s.household_details.add_category(h1, "低保户", today - timedelta(days=100))
    s.household_details.add_category(h1, "残疾", today - timedelta(days=100))
    s.household_details.add_category(h2, "低保户", today - timedelta(days=800), today - timedelta(days=400))
    s.households.end(h3, today - timedelta(days=5), "整户迁出")  # its resident ends with it

    def member(name: str, birth: date, joined: date, status: str, branch: int, hid: int) -> int:
        full = None if status == "预备党员" else joined + timedelta(days=366)
        return s.members.create(
            MemberInput(
                **person(name, birth), joined_on=joined, full_on=full, status=status, branch_id=branch, household_id=hid
            )
        )

    this_month = today.replace(day=1)
    v.ids["m_anniversary"] = member(
        "周纪念", years(50), this_month.replace(year=today.year - 20) + timedelta(days=2), "正式党员", b1, h1
    )
    v.ids["m_due"] = member(
        "吴转正", years(30), (today + timedelta(days=3)).replace(year=today.year - 1), "预备党员", b1, h1
    )
    v.ids["m_late"] = member(
        "郑逾期", years(30), (today - timedelta(days=40)).replace(year=today.year - 1), "预备党员", b2, h2
    )
    v.ids["m_young"] = member("冯新", years(25), today - timedelta(days=100), "预备党员", b2, h2)
    v.ids["m_migrant"] = member(
        "陈流动", years(72), this_month.replace(year=today.year - 30) - timedelta(days=40), "流动党员", b2, h2
    )
    ended = member("卫已故", years(90), date(1960, today.month, 5), "正式党员", b1, h1)
    s.members.end(ended, today - timedelta(days=10), "去世")

    c1 = s.organisation.add_cadre(CadreInput("赵书记", "党支部书记", on_branch_committee=True))
    c2 = s.organisation.add_cadre(CadreInput("钱主任", "村委会主任", on_village_committee=True))
    s.roster.draft((today.year, today.month))
    tomorrow = today + timedelta(days=1)
    if tomorrow.month != today.month:
        s.roster.draft((tomorrow.year, tomorrow.month))
    s.roster.assign((today.year, today.month), today, c1)
    s.roster.assign((tomorrow.year, tomorrow.month), tomorrow, c2)
    s.roster.set_meeting(today.weekday(), "8:30", "两委例会", "村部")
    s.duty_log.add(today - timedelta(days=6), "路灯坏了", owner_cadre_id=c2, due_on=today - timedelta(days=2))
    s.duty_log.add(today - timedelta(days=1), "低保咨询", owner_cadre_id=c1, due_on=today + timedelta(days=5))
    done = s.duty_log.add(today - timedelta(days=3), "开证明", due_on=today)
    s.duty_log.close(done, today - timedelta(days=2))
    v.ids.update(c1=c1, c2=c2, h1=h1, h2=h2, h3=h3)
    late = VoiceInput(today - timedelta(days=10), "来访", "外村人", category="道路交通", content="村口路灯不亮",
                      deadline=today - timedelta(days=3))  # fmt: skip
    v.ids["voice_late"] = s.voices.create(late)
    s.voices.create(VoiceInput(today - timedelta(days=2), "来电", "李一", category="水利", content="水渠堵了"))
    return v


@pytest.fixture
def village(db: Database) -> Village:
    return build_village(db, TODAY)
