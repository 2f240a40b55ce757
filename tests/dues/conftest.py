"""Fixtures for the 党费 tests: a small village whose members' roster dates the tests control."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from govdesk import idcard
from govdesk.db import Database
from govdesk.dues.rules import PaymentInput
from govdesk.models import Member, OrgUnit, Village
from govdesk.services.dues import DuesService

TODAY = date(2026, 11, 23)


def at(day: date):  # type: ignore[no-untyped-def]
    return lambda: datetime.combine(day, time(10, 0))


# name, joined, ended
PEOPLE = (
    ("王建国", date(2001, 7, 1), None),
    ("李秀英", date(2010, 5, 4), None),
    ("张竂", date(2025, 10, 15), None),  # joined mid-October 2025: owes from October
    ("刘德荣", date(1998, 3, 2), date(2026, 6, 10)),  # left on 10 June 2026: owes through May
)


@pytest.fixture
def members(db: Database) -> dict[str, int]:
    ids: dict[str, int] = {}
    with db.transaction() as s:
        village = Village(name="青山村")
        s.add(village)
        s.flush()
        branch = OrgUnit(village_id=village.id, kind="党支部", name="第一党支部", sort_order=1)
        s.add(branch)
        s.flush()
        for n, (name, joined, ended) in enumerate(PEOPLE):
            birth = date(1960 + n, 3, 2)
            m = Member(
                village_id=village.id,
                name=name,
                id_number=idcard.make_number("330784", birth, 11 + 2 * n),
                sex="男",
                birth_date=birth,
                joined_on=joined,
                full_on=date(joined.year + 1, joined.month, 1),
                status="正式党员",
                branch_id=branch.id,
                search_keys="",
                ended_on=ended,
            )
            s.add(m)
            s.flush()
            ids[name] = m.id
    return ids


@pytest.fixture
def dues(db: Database) -> DuesService:
    return DuesService(db, clock=at(TODAY))


def payment(member_id: int, first: int, last: int, amount: str, **kw: object) -> PaymentInput:
    values: dict[str, object] = {
        "member_id": member_id,
        "year": 2026,
        "first_month": first,
        "last_month": last,
        "amount": amount,
        "paid_on": date(2026, 11, 2),
        "receipt_no": "A001",
        "taken_by": "组织委员 陈敏",
    }
    values.update(kw)
    return PaymentInput(**values)  # type: ignore[arg-type]
