"""Members, households and residents through the services (create / read / update / end)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from govdesk import idcard
from govdesk.db import Database
from govdesk.errors import ValidationError
from govdesk.services.households import HouseholdInput, HouseholdService, ResidentInput
from govdesk.services.listing import ListQuery
from govdesk.services.members import MemberInput, MemberService
from govdesk.services.village import VillageService


@pytest.fixture
def village(db: Database) -> Database:
    VillageService(db).create_village("青山村")
    return db


def num(year: int, seq: int) -> str:
    return idcard.make_number("330784", date(year, 5, 6), seq)


def member(**kw: object) -> MemberInput:
    base = {"name": "张三丰", "id_number": num(1970, 11), "joined_on": "1995.7.1", "full_on": "1996.7.1"}
    base.update(kw)
    return MemberInput(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field", "rule"),
    [
        ({"name": "  "}, "name", "姓名必填"),
        ({"id_number": num(1970, 11)[:-1] + "0"}, "id_number", "校验位"),
        ({"sex": "女"}, "sex", "性别须与身份号码一致"),
        ({"joined_on": "1980.1.1", "full_on": None}, "joined_on", "入党年满十八周岁（党章第一条）"),
        ({"joined_on": None}, "joined_on", "入党时间必填"),
        ({"full_on": "1995.1.1"}, "full_on", "转正在入党之后"),
        ({"status": "预备党员"}, "full_on", "预备党员没有转正时间"),
        ({"status": "群众"}, "status", "状态只能是四种之一"),
        ({"phone": "12345"}, "phone", "电话格式"),
    ],
)
def test_member_rules(village: Database, changes: dict[str, object], field: str, rule: str) -> None:
    with pytest.raises(ValidationError) as err:
        MemberService(village).create(member(**changes))
    assert err.value.for_field(field), rule
    assert MemberService(village).count(ListQuery()) == 0  # nothing written


def test_member_create_update_end_keeps_history(village: Database) -> None:
    svc = MemberService(village)
    mid = svc.create(member(name="王䶮", status="正式"))
    assert svc.get(mid).status == "正式党员" and svc.get(mid).sex == "男"
    data = svc.as_input(mid)
    data.phone = "13812345678"
    svc.update(mid, data)
    assert svc.get(mid).phone == "13812345678"
    with pytest.raises(ValidationError, match="已登记为党员“王䶮”"):
        svc.create(member(name="另一个人"))
    svc.end(mid, date.today(), "转出")
    assert svc.count(ListQuery()) == 0
    assert svc.count(ListQuery(include_ended=True)) == 1
    assert svc.get(mid).end_reason == "转出"


@pytest.mark.parametrize(
    ("on", "reason", "fields"),
    [
        (None, "去世", {"ended_on"}),
        (date.today(), " ", {"end_reason"}),
        (date.today() + timedelta(days=2), "x", {"ended_on"}),
    ],
)
def test_ending_needs_a_date_and_a_reason(village: Database, on: date | None, reason: str, fields: set[str]) -> None:
    svc = MemberService(village)
    mid = svc.create(member())
    with pytest.raises(ValidationError) as err:
        svc.end(mid, on, reason)
    assert {e.field for e in err.value.errors} == fields


def test_household_with_residents(village: Database) -> None:
    svc = HouseholdService(village)
    hid = svc.create(HouseholdInput(number="0100001", address="青山村1组"))
    with pytest.raises(ValidationError, match="户号 0100001 已存在"):
        svc.create(HouseholdInput(number="0100001"))
    with pytest.raises(ValidationError, match="户号 0100001 已存在"):  # typed with full-width digits
        svc.create(HouseholdInput(number="０１００００１"))
    head = svc.add_resident(hid, ResidentInput(name="竂堉", id_number=num(1960, 1), relation="户主"))
    svc.add_resident(hid, ResidentInput(name="𠮷祥", id_number=num(1962, 2), relation="配偶", ethnicity="回"))
    with pytest.raises(ValidationError, match="一户只能有一位户主"):
        svc.add_resident(hid, ResidentInput(name="王二", id_number=num(1990, 3), relation="户主"))
    rows = svc.page(ListQuery(), 0, 10)
    assert rows[0].values[:3] == ("0100001", "竂堉", 2)
    assert [r.values[0] for r in svc.residents(hid)] == ["竂堉", "𠮷祥"]
    assert [r.values[5] for r in svc.residents(hid)] == ["汉族", "回族"]
    svc.end_resident(head, date.today(), "去世")
    assert svc.page(ListQuery(), 0, 10)[0].values[2] == 1
    svc.end(hid, date.today(), "整户迁出")
    assert svc.count(ListQuery()) == 0
    assert all(r.ended for r in svc.residents(hid))


@pytest.mark.parametrize(
    ("text", "expected"),
    [("竂", 1), ("liaoyu", 1), ("ly", 1), ("0100001", 1), ("9999", 0), ("", 1)],
)
def test_household_search(village: Database, text: str, expected: int) -> None:
    svc = HouseholdService(village)
    hid = svc.create(HouseholdInput(number="0100001"))
    svc.add_resident(hid, ResidentInput(name="竂堉", id_number=num(1960, 1), relation="户主"))
    assert svc.count(ListQuery(text=text)) == expected


def test_member_search_by_suffix_and_pinyin(village: Database) -> None:
    svc = MemberService(village)
    number = num(1970, 11)
    svc.create(member(phone="13812345678"))
    for text in ("张三", "zsf", "zhangsanfeng", number[-4:], "5678"):
        assert svc.count(ListQuery(text=text)) == 1, text
    assert svc.count(ListQuery(text="lisi")) == 0
