"""Procedures offered to 立项 are read without writing; the built-ins are stored by the first matter."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from govdesk.db import Database
from govdesk.decisions.inputs import MatterInput
from govdesk.decisions.procedures import BUILTIN_PROCEDURES
from govdesk.models import Procedure
from govdesk.services.decisions import DecisionService
from govdesk.services.village import VillageInput, VillageService


def _stored(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Procedure)) or 0)


def test_listing_procedures_on_a_new_database_writes_nothing(db: Database) -> None:
    svc = DecisionService(db, user="测试")
    offered = svc.procedures()
    assert _stored(db) == 0  # a read: no write transaction, nothing stored
    assert [code for code, _n, _d in offered][0] == next(p.code for p in BUILTIN_PROCEDURES if p.is_default)
    assert sorted(code for code, _n, _d in offered) == sorted(p.code for p in BUILTIN_PROCEDURES)


def test_the_first_matter_stores_the_procedures_and_the_offer_stays_the_same(db: Database) -> None:
    VillageService(db).update_village(VillageInput(name="青山村"))
    svc = DecisionService(db, user="测试")
    before = svc.procedures()
    code = before[-1][0]
    svc.create_matter(MatterInput("村道硬化", "公益事业建设", "1万", "村民建议", "", code, date(2026, 1, 5)))
    assert _stored(db) == len(BUILTIN_PROCEDURES)
    assert svc.procedures() == before
