"""A small village for the points tests: two branches, members in several standings, in a real file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from govdesk.db import Database
from govdesk.models import Member, OrgUnit, Village


@dataclass(frozen=True)
class Village2:
    db: Database
    branches: tuple[int, int]
    members: tuple[int, ...]  # 0–5 in the first branch, 6–9 in the second


def add_member(s, village_id: int, branch_id: int, n: int, **fields) -> Member:  # noqa: ANN001
    values = {
        "village_id": village_id,
        "name": fields.pop("name", f"党员{n:02d}"),
        "id_number": f"33078419650302{n:04d}",
        "sex": "男",
        "birth_date": date(1965, 3, 2),
        "joined_on": date(2000, 1, 1),
        "full_on": date(2001, 1, 1),
        "status": "正式党员",
        "branch_id": branch_id,
    }
    values.update(fields)
    member = Member(**values)
    s.add(member)
    s.flush()
    return member


@pytest.fixture
def village(db: Database) -> Village2:
    with db.transaction() as s:
        v = Village(name="青山村")
        s.add(v)
        s.flush()
        first = OrgUnit(village_id=v.id, kind="党支部", name="第一支部")
        second = OrgUnit(village_id=v.id, kind="党支部", name="第二支部")
        s.add_all([first, second])
        s.flush()
        ids = [add_member(s, v.id, first.id if n < 6 else second.id, n).id for n in range(10)]
        branches = (first.id, second.id)
    return Village2(db, branches, tuple(ids))
