"""Household and member details: categories with dates, star ratings, 中心户 relays, moving a
resident (history kept), ending a resident, 党员联户 and 挂牌亮户; the migration matches the models."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from govdesk.errors import ValidationError
from govdesk.models import Base
from govdesk.services.household_details import HouseholdDetailsService
from govdesk.services.households import HouseholdInput, HouseholdService, ResidentInput
from govdesk.services.listing import ListQuery
from govdesk.services.member_details import MemberDetailsService
from govdesk.services.members import MemberService
from tests.people.conftest import make_id


def test_people_migrated_schema_equals_models(db) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


@pytest.fixture
def two_households(village_db):
    hs = HouseholdService(village_db)
    a = hs.create(HouseholdInput(number="0100001"))
    b = hs.create(HouseholdInput(number="0100002"))
    ra = hs.add_resident(a, ResidentInput(name="张三", id_number=make_id(date(1960, 1, 1), 11), relation="户主"))
    rb = hs.add_resident(a, ResidentInput(name="张小红", id_number=make_id(date(1990, 1, 1), 12), relation="长女"))
    hs.add_resident(b, ResidentInput(name="李四", id_number=make_id(date(1961, 1, 1), 13), relation="户主"))
    return village_db, a, b, ra, rb


# (rule, category call args, error field or None)
CATEGORY_CASES = [
    ("open period", ("低保户", "2020-01-01", None), None),
    ("closed period", ("残疾", "2019-05-01", "2022-01-01"), None),
    ("end before start refused", ("残疾", "2022-05-01", "2022-01-01"), "category_ended_on"),
    ("start required", ("军属", None, None), "started_on"),
    ("name required", ("", "2020-01-01", None), "category"),
]


@pytest.mark.parametrize(("rule", "args", "field"), CATEGORY_CASES, ids=[c[0] for c in CATEGORY_CASES])
def test_people_category_rules(two_households, rule, args, field) -> None:
    db, a, *_ = two_households
    details = HouseholdDetailsService(db)
    if field is None:
        details.add_category(a, *args)
        assert details.categories(a)[-1].category == args[0]
    else:
        with pytest.raises(ValidationError) as exc:
            details.add_category(a, *args)
        assert exc.value.for_field(field), rule


def test_people_category_overlap_and_end(two_households) -> None:
    db, a, *_ = two_households
    details, hs = HouseholdDetailsService(db), HouseholdService(db)
    cid = details.add_category(a, "低保户", "2020-01-01")
    with pytest.raises(ValidationError):
        details.add_category(a, "低保户", "2021-01-01")
    assert hs.count(ListQuery(filters={"category": "低保户"})) == 1
    details.end_category(cid, "2023-06-30")
    assert hs.count(ListQuery(filters={"category": "低保户"})) == 0  # ended: no longer current
    details.add_category(a, "低保户", "2024-01-01")  # a new period after the old one is fine
    assert [c.ended_on for c in details.categories(a)] == [date(2023, 6, 30), None]


def test_people_star_ratings(two_households) -> None:
    db, a, *_ = two_households
    details = HouseholdDetailsService(db)
    details.set_star_rating(a, 2024, 8)
    details.set_star_rating(a, 2025, 10)
    details.set_star_rating(a, 2025, 9)  # same year replaces
    assert details.star_ratings(a) == [(2025, 9), (2024, 8)]
    for bad in (11, -1, "x"):
        with pytest.raises(ValidationError):
            details.set_star_rating(a, 2025, bad)


def test_people_central_household_relays(two_households) -> None:
    db, a, b, *_ = two_households
    details = HouseholdDetailsService(db)
    rid = details.add_relay(a, b)
    assert HouseholdService(db).get(a).is_central
    assert [(r.number, r.head) for r in details.relays(a)] == [("0100002", "李四")]
    with pytest.raises(ValidationError):
        details.add_relay(a, b)
    with pytest.raises(ValidationError):
        details.add_relay(a, a)
    details.remove_relay(rid)
    assert details.relays(a) == []


def test_people_move_resident_keeps_history_and_search(two_households) -> None:
    db, a, b, ra, rb = two_households
    details, hs = HouseholdDetailsService(db), HouseholdService(db)
    with pytest.raises(ValidationError) as exc:
        details.move_resident(rb, b, "户主", "2025-03-01")  # b already has a head
    assert exc.value.for_field("relation")
    details.move_resident(rb, b, "儿媳", "2025-03-01", "婚嫁")
    assert hs.get_resident(rb).household_id == b
    assert [(m.from_number, m.to_number, m.reason) for m in details.moves(rb)] == [("0100001", "0100002", "婚嫁")]
    found = hs.page(ListQuery(text="zxh"), 0, 10)
    assert [r.id for r in found] == [b]  # search follows the move


def test_people_end_resident_is_kept(two_households) -> None:
    db, a, b, ra, rb = two_households
    hs = HouseholdService(db)
    hs.end_resident(rb, date(2025, 1, 2), "死亡")
    rows = hs.residents(a)
    assert any(r.id == rb and r.ended for r in rows)
    assert len(hs.residents(a, include_ended=False)) == 1


def test_people_member_links_and_plaque(demo_db) -> None:
    ms, md = MemberService(demo_db), MemberDetailsService(demo_db)
    mid = ms.page(ListQuery(), 0, 1)[0].id
    hid = HouseholdService(demo_db).page(ListQuery(), 0, 1)[0].id
    for link in md.links(mid):
        if link.household_id == hid:
            md.end_link(link.id, date(2026, 1, 1))
    lid = md.link_household(mid, hid, "2026-02-01")
    assert hid in [lk.household_id for lk in md.links(mid)]
    with pytest.raises(ValidationError):
        md.link_household(mid, hid, "2026-03-01")
    md.end_link(lid, "2026-05-01")
    assert hid not in [lk.household_id for lk in md.links(mid)]
    md.set_plaque(mid, "先锋牌", "2025-07-01")
    m = ms.get(mid)
    assert (m.plaque_kind, m.plaque_on) == ("先锋牌", date(2025, 7, 1))
    with pytest.raises(ValidationError):
        md.set_plaque(mid, "金牌", "2025-07-01")
    md.set_plaque(mid, "", None)
    assert ms.get(mid).plaque_kind == ""
