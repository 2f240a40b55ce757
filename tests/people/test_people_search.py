"""Search as you type: names, pinyin initials and full pinyin with every reading of polyphonic
characters, surname readings first, ID-number / phone suffixes, 户号; filters on the lists."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.search import pinyin_keys
from govdesk.services.household_details import HouseholdDetailsService
from govdesk.services.households import HouseholdInput, HouseholdService, ResidentInput
from govdesk.services.listing import ListQuery
from govdesk.services.members import MemberInput, MemberService
from tests.people.conftest import make_id

NAMES = {
    "张三丰": make_id(date(1970, 5, 6), 11),
    "曾小单": make_id(date(1971, 5, 6), 13),
    "单田芳": make_id(date(1972, 5, 6), 15),
    "区志强": make_id(date(1973, 5, 6), 17),
    "解放": make_id(date(1974, 5, 6), 19),
    "仇德": make_id(date(1975, 5, 6), 21),
    "竂堉": make_id(date(1976, 5, 6), 23),
    "𠮷䶮": make_id(date(1977, 5, 6), 25),
}


@pytest.fixture
def people(village_db):
    hs = HouseholdService(village_db)
    for i, (name, number) in enumerate(NAMES.items()):
        hid = hs.create(HouseholdInput(number=f"09{i:05d}"))
        hs.add_resident(hid, ResidentInput(name=name, id_number=number, relation="户主", phone=f"1381234{i:04d}"))
    return hs


def heads(hs: HouseholdService, text: str, **filters) -> set[str]:
    q = ListQuery(text=text, filters=filters)
    rows = hs.page(q, 0, 50)
    assert hs.count(q) == len(rows)
    return {r.values[1] for r in rows}


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("zsf", {"张三丰"}),
        ("zhangsanfeng", {"张三丰"}),
        ("zhangsan", {"张三丰"}),
        ("ZSF", {"张三丰"}),
        ("zeng", {"曾小单"}),  # 曾 as surname
        ("ceng", {"曾小单"}),  # every reading
        ("zengxiaodan", {"曾小单"}),
        ("zengxiaoshan", {"曾小单"}),
        ("shantianfang", {"单田芳"}),
        ("dantianfang", {"单田芳"}),
        ("ouzhiqiang", {"区志强"}),
        ("xiefang", {"解放"}),
        ("qiude", {"仇德"}),
        ("张三", {"张三丰"}),
        ("竂", {"竂堉"}),
        ("丰", {"张三丰"}),  # any piece of the name
        ("䶮", {"𠮷䶮"}),
        ("𠮷", {"𠮷䶮"}),
        ("liaoyu", {"竂堉"}),
        (NAMES["张三丰"][-4:], {"张三丰"}),  # ID suffix
        (NAMES["张三丰"][-6:].lower(), {"张三丰"}),
        ("40000", {"张三丰"}),  # phone suffix 13812340000
        ("0900003", {"区志强"}),  # 户号 prefix
    ],
)
def test_people_household_search(people, typed, found) -> None:
    assert found <= heads(people, typed)
    if typed != "40000":
        assert heads(people, typed) == found


def test_people_surname_reading_comes_first() -> None:
    for name, first in (("单田芳", "shan"), ("曾小单", "zeng"), ("仇德", "qiu"), ("解放", "xie"), ("区志强", "ou")):
        assert pinyin_keys(name)[0].startswith(first)


def test_people_member_search_and_filters(demo_db) -> None:
    ms = MemberService(demo_db)
    total = ms.count(ListQuery())
    some = ms.page(ListQuery(), 0, 1)[0]
    name = some.values[0]
    keys = pinyin_keys(name)
    assert ms.count(ListQuery(text=keys[1])) >= 1
    assert some.id in {r.id for r in ms.page(ListQuery(text=keys[0]), 0, 500)}
    by_status = ms.count(ListQuery(filters={"status": "预备党员"}))
    assert 0 < by_status < total
    from govdesk.services.village import VillageService

    grid = VillageService(demo_db).grids()[0]
    in_grid = ms.page(ListQuery(filters={"grid_id": grid.id}), 0, 500)
    assert 0 < len(in_grid) < total


def test_people_household_filters(demo_db) -> None:
    hs = HouseholdService(demo_db)
    details = HouseholdDetailsService(demo_db)
    total = hs.count(ListQuery())
    hid = hs.page(ListQuery(), 0, 1)[0].id
    details.add_category(hid, "军属", date(2020, 1, 1))
    in_cat = hs.page(ListQuery(filters={"category": "军属"}), 0, 500)
    assert hid in {r.id for r in in_cat} and len(in_cat) < total
    assert all("军属" in (r.values[-1] or "") for r in in_cat)
    central = hs.count(ListQuery(filters={"is_central": True}))
    assert 0 < central < total
    from govdesk.services.village import VillageService

    group = VillageService(demo_db).villager_groups()[0]
    assert 0 < hs.count(ListQuery(filters={"villager_group_id": group.id})) < total


def test_people_member_create_links_resident(demo_db) -> None:
    hs = HouseholdService(demo_db)
    row = hs.page(ListQuery(), 0, 1)[0]
    res = hs.residents(row.id)[0]
    number = res.values[4]
    from sqlalchemy import select

    from govdesk.models import Member

    with demo_db.session() as s:
        if s.scalar(select(Member.id).where(Member.id_number == number)):
            pytest.skip("already a member")
    mid = MemberService(demo_db).create(
        MemberInput(name=res.values[0], id_number=number, joined_on="2015-07-01", full_on="2016-07-01")
    )
    m = MemberService(demo_db).get(mid)
    assert (m.resident_id, m.household_id) == (res.id, row.id)
