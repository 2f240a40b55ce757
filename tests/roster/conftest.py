"""A small village with four cadres for roster service tests."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.db import Database
from govdesk.models import Cadre, Village
from govdesk.services.bundle import Services

CADRE_NAMES = ("王竂", "李堉", "张䶮", "赵𠮷")


@pytest.fixture
def roster_services(db: Database) -> Services:
    with db.transaction() as s:
        v = Village(name="测试村", phone="0579-1234567", supervision_phone="0579-1234567")
        s.add(v)
        s.flush()
        for i, name in enumerate(CADRE_NAMES):
            s.add(
                Cadre(
                    village_id=v.id,
                    name=name,
                    post="党支部书记" if i == 0 else "村委会委员",
                    phone=f"1380000000{i}",
                    started_on=date(2020, 1, 1),
                    sort_order=i,
                )
            )
    return Services.open(db)
