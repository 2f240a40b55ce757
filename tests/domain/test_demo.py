"""The demo village: deterministic, realistic in size, valid ID numbers, rare characters."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from govdesk import demo, idcard
from govdesk.db import Database
from govdesk.errors import RefusedError
from govdesk.models import Cadre, Grid, Household, Member, OrgUnit, Resident, VillagerGroup
from govdesk.models.people import STATUS_MIGRANT, STATUS_PROBATIONARY

TODAY = date(2026, 11, 23)


def snapshot(db: Database) -> list[tuple[str, str, date]]:
    with db.session() as s:
        return list(s.execute(select(Resident.name, Resident.id_number, Resident.birth_date).order_by(Resident.id)))


def test_demo_is_deterministic(tmp_path: Path) -> None:
    a, b = Database(tmp_path / "a.sqlite3"), Database(tmp_path / "b.sqlite3")
    demo.generate(a, today=TODAY)
    demo.generate(b, today=TODAY)
    assert snapshot(a) == snapshot(b)


def test_demo_village_shape(demo_db: Database) -> None:
    with demo_db.session() as s:
        count = lambda model: s.scalar(select(func.count()).select_from(model))  # noqa: E731
        assert count(Household) == 300
        assert 900 <= count(Resident) <= 1300
        assert 35 <= count(Member) <= 50
        assert count(VillagerGroup) == 8 and count(Grid) == 10 and count(Cadre) == 7
        assert s.scalar(select(func.count()).where(OrgUnit.kind == "党支部")) == 2
        assert s.scalar(select(func.count()).where(OrgUnit.kind == "党小组")) == 4
        statuses = set(s.scalars(select(Member.status)))
        assert {STATUS_PROBATIONARY, STATUS_MIGRANT} <= statuses
        names = "".join(s.scalars(select(Resident.name)))
        assert any(ch in names for ch in "竂堉䶮𠮷")
        for number, birth, sex in s.execute(select(Resident.id_number, Resident.birth_date, Resident.sex)):
            info = idcard.check(number)
            assert (info.birth_date, info.sex) == (birth, sex)


def test_demo_refuses_a_database_with_data(demo_db: Database) -> None:
    with pytest.raises(RefusedError, match="已有数据"):
        demo.generate(demo_db)


def test_members_are_adults_when_they_joined(demo_db: Database) -> None:
    with demo_db.session() as s:
        for m in s.scalars(select(Member)):
            assert m.joined_on >= m.birth_date.replace(year=m.birth_date.year + 18)
            assert m.full_on is None or m.full_on > m.joined_on


def test_the_smallest_demo_village_has_every_ledger_and_smaller_is_refused(tmp_path: Path) -> None:
    """``demo --scale 0.2`` (the packaged smoke test's village) fills every ledger; below it the CLI
    refuses in Chinese instead of failing half way."""
    from govdesk.cli.demo import MIN_SCALE
    from tests.faults.conftest import run_govdesk

    db = Database(tmp_path / "small.sqlite3")
    demo.generate(db, today=TODAY, scale=MIN_SCALE)
    with db.session() as s:
        assert s.scalar(select(func.count(Resident.id))) > 100
    db.dispose()
    refused = run_govdesk("--db", str(tmp_path / "tiny.sqlite3"), "demo", "--no-window", "--scale", "0.1")
    assert refused.returncode == 1 and "规模倍数最小为 0.2" in refused.stderr
    assert not (tmp_path / "tiny.sqlite3").exists()
