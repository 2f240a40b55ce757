"""The bulk paths of a big register import (search keys per name and per resident sent as
driver tuples on the import's own connection, indexes rebuilt after the load) leave exactly the search index
the one-resident path would, and clean up after themselves. The threshold that switches the
index rebuild on at township scale is lowered so the demo village takes that path."""

from __future__ import annotations

import sqlite3

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from govdesk.db import Database
from govdesk.importing import bulk_sql, export_households, import_households
from govdesk.models import Resident
from govdesk.services.households import HouseholdService
from govdesk.services.listing import ListQuery
from govdesk.services.village import VillageService
from tests.people.conftest import expected_search_index, search_index


@pytest.fixture
def bulk_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk_sql, "BULK_INDEX_REBUILD", 10)


def _leftovers(db: Database) -> tuple[list[str], list[str]]:
    """(attached databases, temporary tables) of a pooled connection after an import."""
    with db.engine.connect() as conn:
        attached = [r[1] for r in conn.exec_driver_sql("PRAGMA database_list")]
        temp = [r[0] for r in conn.exec_driver_sql("SELECT name FROM temp.sqlite_master")]
    return attached, temp


def test_people_bulk_import_builds_the_same_search_index(demo_db, tmp_path, bulk_paths) -> None:
    path = tmp_path / "households.xlsx"
    n = export_households(demo_db, path)
    fresh = Database(tmp_path / "fresh.sqlite3")
    VillageService(fresh).create_village("青山村")

    report = import_households(fresh, path)
    assert report.problems == [] and report.created == n
    assert search_index(fresh) == expected_search_index(fresh)
    with sqlite3.connect(fresh.engine.url.database) as raw:  # the rebuilt indexes are there
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"ix_residents_name_household", "ix_residents_household_id", "ix_households_number"} <= names
    assert {"ix_households_village_id", "ix_households_villager_group_id", "ix_households_grid_id"} <= names
    hs = HouseholdService(fresh)
    assert hs.count(ListQuery(text="竂")) == HouseholdService(demo_db).count(ListQuery(text="竂"))

    # Re-import with renamed people and new phones: their old keys go, the new ones come
    # (merged into a non-empty index this time).
    wb = load_workbook(path)
    ws = wb.active
    header = [c.value for c in ws[1]]
    name_col, phone_col = header.index("姓名") + 1, header.index("联系电话") + 1
    for row in range(2, 40):
        ws.cell(row, name_col).value = "曾单" + "竂" * (row % 3)
        ws.cell(row, phone_col).value = f"1390000{row:04d}"
    wb.save(path)
    again = import_households(fresh, path)
    assert again.problems == [] and again.created == 0 and again.updated == n
    assert search_index(fresh) == expected_search_index(fresh)
    assert hs.count(ListQuery(text="zengshan")) >= 1 and hs.count(ListQuery(text="cengdan")) >= 1
    assert hs.count(ListQuery(text="00002")) >= 1  # phone suffix
    attached, temp = _leftovers(fresh)  # the work tables of the key join are gone
    assert attached in (["main"], ["main", "temp"]) and temp == []


def test_people_bulk_import_with_a_bad_row_writes_nothing(demo_db, tmp_path, bulk_paths) -> None:
    path = tmp_path / "households.xlsx"
    export_households(demo_db, path)
    wb = load_workbook(path)
    ws = wb.active
    last = ws.max_row
    ws.cell(last, [c.value for c in ws[1]].index("公民身份号码") + 1).value = "330784199001011234"
    wb.save(path)
    fresh = Database(tmp_path / "fresh.sqlite3")
    VillageService(fresh).create_village("青山村")
    report = import_households(fresh, path)
    assert not report.written and [p.row for p in report.problems] == [last]
    assert search_index(fresh) == (set(), set())
    with sqlite3.connect(fresh.engine.url.database) as raw:  # no name keys either
        assert raw.execute("SELECT count(*) FROM name_search_keys").fetchone() == (0,)
    with fresh.session() as s:
        assert s.scalar(select(Resident.id).limit(1)) is None
    # Skipping the bad row: every other row is written, with its keys.
    skipped = import_households(fresh, path, skip_invalid=True)
    assert skipped.written and skipped.created == last - 2
    assert search_index(fresh) == expected_search_index(fresh) and all(expected_search_index(fresh))
