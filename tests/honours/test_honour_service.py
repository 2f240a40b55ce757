"""The 评先评优 service on a real SQLite file: nomination → award, one record per honour, the
recipient's pages, the roll, the broadcast, refusals that write nothing."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from govdesk.changes import Changes, feed_of
from govdesk.errors import GovdeskError, RefusedError, ValidationError
from govdesk.honours.rules import HonourInput
from govdesk.models import HonourAward, Household, Matter, Member, Resident
from govdesk.models.people import RELATION_HEAD
from govdesk.services.honours import HonourService
from govdesk.services.listing import ListQuery


def _household(honours: HonourService, n: int = 0) -> tuple[int, str]:
    with honours.db.session() as s:
        hid = s.scalars(select(Household.id).order_by(Household.id).offset(n).limit(1)).one()
        head = s.scalar(select(Resident.name).where(Resident.household_id == hid, Resident.relation == RELATION_HEAD))
    return hid, f"{head}户"


def _count(honours: HonourService) -> int:
    with honours.db.session() as s:
        return int(s.scalar(select(func.count()).select_from(HonourAward)) or 0)


def test_nomination_then_award_round_trips(honours: HonourService) -> None:
    hid, name = _household(honours, 5)
    aid = honours.create(HonourInput(year=2026, honour="平安家庭", household_id=hid, nominated_on="2026-11-02"))
    view = honours.get(aid)
    assert (view.recipient, view.recipient_name, view.data.status) == ("户", name, "提名")
    with honours.db.session() as s:
        matter_id = s.scalars(select(Matter.id).order_by(Matter.id)).first()
    honours.decide(aid, "授予", "2026-11-20", matter_id)
    view = honours.get(aid)
    assert view.data.status == "授予" and view.data.awarded_on == date(2026, 11, 20)
    assert view.matter and view.data.matter_id == matter_id
    assert any(line.id == aid for line in honours.of_household(hid))


def test_an_award_stays_an_award_and_cannot_be_removed(honours: HonourService) -> None:
    hid, _ = _household(honours, 6)
    aid = honours.create(
        HonourInput(year=2026, honour="文明家庭", household_id=hid, status="授予", awarded_on="2026-11-01")
    )
    before = honours.get(aid)
    with pytest.raises(ValidationError):
        honours.decide(aid, "未评上")
    with pytest.raises(RefusedError):
        honours.remove_nomination(aid)
    assert honours.get(aid) == before


def test_the_same_honour_twice_is_refused_but_another_level_is_not(honours: HonourService) -> None:
    hid, name = _household(honours, 7)
    honours.create(HonourInput(year=2026, honour="最美家庭", household_id=hid))
    n = _count(honours)
    with pytest.raises(RefusedError, match=f"{name}已有 2026 年度村级“最美家庭”"):
        honours.create(HonourInput(year=2026, honour="最美家庭", household_id=hid))
    assert _count(honours) == n
    honours.create(HonourInput(year=2026, honour="最美家庭", household_id=hid, level="镇级"))
    assert _count(honours) == n + 1


def test_a_person_honour_links_the_member_and_shows_on_both_pages(honours: HonourService) -> None:
    with honours.db.session() as s:
        member = s.scalars(select(Member).where(Member.resident_id.is_not(None), Member.ended_on.is_(None))).first()
        assert member is not None
        mid, rid, name = member.id, member.resident_id, member.name
        hid = s.get(Resident, rid).household_id  # type: ignore[union-attr]
    aid = honours.create(
        HonourInput(year=2025, honour="优秀共产党员", member_id=mid, status="授予", awarded_on="2025-07-01")
    )
    view = honours.get(aid)
    assert view.recipient_name == name and view.data.resident_id == rid
    assert [x.id for x in honours.of_member(mid) if x.id == aid] == [aid]
    assert any(x.id == aid for x in honours.of_resident(rid))  # type: ignore[arg-type]
    assert any(x.id == aid for x in honours.of_household(hid))


def test_refusals_write_nothing_and_publish_nothing(honours: HonourService) -> None:
    hid, _ = _household(honours, 8)
    seen: list[Changes] = []
    stop = feed_of(honours.db).listen(seen.append)
    n = _count(honours)
    bad = [
        HonourInput(year=2026, honour="好媳妇", household_id=hid),
        HonourInput(year=2026, honour="最美家庭", household_id=hid, resident_id=1),
        HonourInput(year=2031, honour="最美家庭", household_id=hid),
        HonourInput(year=2026, honour="最美家庭", household_id=999_999),
        HonourInput(year=2026, honour="最美家庭", household_id=hid, matter_id=999_999),
    ]
    for data in bad:
        with pytest.raises(GovdeskError):
            honours.create(data)
    stop()
    assert _count(honours) == n and seen == []
    honours.create(HonourInput(year=2026, honour="最美家庭", household_id=hid))
    assert _count(honours) == n + 1


def test_writes_publish_village_life(honours: HonourService) -> None:
    seen: list[Changes] = []
    stop = feed_of(honours.db).listen(seen.append)
    honours.set_catalogue([*honours.catalogue(), ("孝老爱亲模范", "个人")])
    stop()
    assert seen == [Changes.VILLAGE_LIFE]
    assert ("孝老爱亲模范", "个人") in honours.catalogue()


def test_an_honour_removed_from_the_catalogue_stays_editable(honours: HonourService) -> None:
    hid, _ = _household(honours, 9)
    aid = honours.create(HonourInput(year=2026, honour="平安家庭", household_id=hid))
    honours.set_catalogue([(n, r) for n, r in honours.catalogue() if n != "平安家庭"])
    data = honours.get(aid).data
    data.note = "邻里和睦，十年无纠纷"
    honours.update(aid, data)
    assert honours.get(aid).data.note == "邻里和睦，十年无纠纷"


def test_the_list_filters_and_searches_in_sql(honours: HonourService) -> None:
    hid, name = _household(honours, 10)
    honours.create(HonourInput(year=2024, honour="最美家庭", household_id=hid, note="𠮷祥人家"))
    q = ListQuery(text="𠮷祥", filters={"year": 2024})
    assert honours.count(q) == 1
    (row,) = honours.page(q, 0, 50)
    assert row.values[:4] == (2024, "最美家庭", name, "户")
    assert honours.count(ListQuery(filters={"year": 2024, "status": "授予"})) == 0
    assert 2024 in honours.years()


def test_the_roll_lists_awards_in_catalogue_order(honours: HonourService) -> None:
    roll = honours.roll(2026)
    assert roll, "the demo has a year of honours"
    order = [n for n, _ in honours.catalogue()]
    positions = [order.index(e.honour) for e in roll if e.honour in order]
    assert positions == sorted(positions)
    with honours.db.session() as s:
        awarded = s.scalar(
            select(func.count()).select_from(HonourAward).where(HonourAward.year == 2026, HonourAward.status == "授予")
        )
    assert len(roll) == awarded
