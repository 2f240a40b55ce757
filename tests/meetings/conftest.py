"""A small village for the meetings tests: a 党总支, two branches, a Party group, members whose
standing changes over the year (joined in June, made full in March, ended in May)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

import pytest

from govdesk.db import Database
from govdesk.models import Member, OrgUnit, Village
from govdesk.services.meetings import MeetingService
from govdesk.vocabulary import ORG_BRANCH, ORG_GENERAL_BRANCH, ORG_GROUP, STATUS_FULL, STATUS_PROBATIONARY

TODAY = date(2026, 11, 23)


@dataclass
class Town:
    general: int
    first: int
    second: int
    group: int
    members: dict[str, int]


def _member(village_id: int, n: int, name: str, branch: int, group: int | None, **kw: object) -> Member:
    values: dict[str, object] = {
        "village_id": village_id,
        "name": name,
        "id_number": f"33078419800101{n:04d}",
        "sex": "男",
        "birth_date": date(1980, 1, 1),
        "status": STATUS_FULL,
        "branch_id": branch,
        "party_group_id": group,
        "joined_on": date(2000, 7, 1),
    }
    values.update(kw)
    return Member(**values)


@pytest.fixture
def town(db: Database) -> Town:
    with db.transaction() as s:
        v = Village(name="测试村")
        s.add(v)
        s.flush()
        general = OrgUnit(village_id=v.id, kind=ORG_GENERAL_BRANCH, name="总支")
        s.add(general)
        s.flush()
        first = OrgUnit(village_id=v.id, kind=ORG_BRANCH, name="第一支部", parent_id=general.id, sort_order=1)
        second = OrgUnit(village_id=v.id, kind=ORG_BRANCH, name="第二支部", parent_id=general.id, sort_order=2)
        s.add_all([first, second])
        s.flush()
        group = OrgUnit(village_id=v.id, kind=ORG_GROUP, name="第一党小组", parent_id=first.id)
        s.add(group)
        s.flush()
        people = [
            _member(v.id, 1, "王一", first.id, group.id),
            _member(v.id, 2, "李二", first.id, None),
            # joined 2025-03-10: probationary until made full on 2026-03-10
            _member(v.id, 3, "张三", first.id, group.id, joined_on=date(2025, 3, 10), full_on=date(2026, 3, 10)),
            _member(v.id, 4, "赵四", first.id, None, joined_on=date(2026, 6, 1), status=STATUS_PROBATIONARY),
            _member(v.id, 5, "钱五", first.id, None, ended_on=date(2026, 5, 1), end_reason="去世"),
            _member(v.id, 6, "孙六", second.id, None),
        ]
        s.add_all(people)
        s.flush()
        return Town(general.id, first.id, second.id, group.id, {m.name: m.id for m in people})


@pytest.fixture
def meetings(db: Database) -> MeetingService:
    return MeetingService(db, clock=lambda: datetime.combine(TODAY, time(10)), user="测试")
