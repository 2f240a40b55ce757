"""The first import (a register into a village without households, column by column) writes
exactly what the row-by-row import writes: households, residents, categories, stars, groups,
grids and the search index — for the demo village's full export and for messy registers."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from govdesk.db import Database
from govdesk.importing import export_households, household_write, import_households
from govdesk.services.village import VillageService
from tests.people.conftest import HEADER, make_id

_TABLES = {  # what to compare, in a stable order (ids included: both paths number alike)
    "households": "SELECT id, number, address, phone, villager_group_id, grid_id, is_central, notes FROM households",
    "residents": "SELECT id, household_id, name, id_number, sex, birth_date, ethnicity, relation, phone, notes,"
    " search_keys, ended_on, end_reason FROM residents",
    "household_categories": "SELECT household_id, category, started_on, ended_on FROM household_categories",
    "household_star_ratings": "SELECT household_id, year, stars FROM household_star_ratings",
    "villager_groups": "SELECT id, name FROM villager_groups",
    "grids": "SELECT id, name FROM grids",
    "resident_search_keys": "SELECT key, resident_id, household_id FROM resident_search_keys",
}


def _snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db.engine.url.database) as raw:
        return {t: sorted(raw.execute(sql).fetchall(), key=repr) for t, sql in _TABLES.items()}


def _import_both_ways(path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, Any, Any, Any]:
    taken: list[bool] = []
    real = household_write.write_first_import

    def spy(*args: Any) -> bool:
        taken.append(real(*args))
        return taken[-1]

    dbs = []
    for name, writer in (("columns", spy), ("rows", lambda *args: False)):
        db = Database(tmp_path / f"{name}.sqlite3")
        VillageService(db).create_village("青山村")
        with monkeypatch.context() as m:
            m.setattr(household_write, "write_first_import", writer)
            report = import_households(db, path, today=date(2026, 11, 23))
        assert report.written and report.problems == [], report.problem_lines(5)
        dbs.append((db, report))
    assert taken == [True], "the first import did not take the register"
    (fast, fast_report), (slow, slow_report) = dbs
    return _snapshot(fast), _snapshot(slow), fast_report, slow_report


def test_demo_export_is_written_alike(demo_db, tmp_path, monkeypatch) -> None:
    path = tmp_path / "households.xlsx"
    n = export_households(demo_db, path)
    fast, slow, fast_report, slow_report = _import_both_ways(path, tmp_path, monkeypatch)
    assert fast == slow
    assert len(fast["residents"]) == n and fast["household_categories"] and fast["household_star_ratings"]
    assert (fast_report.created, fast_report.households_created) == (
        slow_report.created,
        slow_report.households_created,
    )
    assert fast_report.notes == slow_report.notes


B = date(1990, 1, 5)
IDS = [make_id(date(1960 + i, 1 + i % 12, 1 + i), 11 + 2 * i) for i in range(6)]
FULL = "".maketrans({c: chr(ord(c) + 0xFEE0) for c in "0123456789X"})
MESSY = [
    HEADER + ["网格", "家庭住址", "家庭类别", "中心户", "星级文明户", "注销日期", "注销原因"],
    ["07", " 张  三 ", "户主", "男 ", "汉", datetime(1960, 1, 1), IDS[0], "", "1组", "第1网格", "", "", "是", ""],
    [
        "08",
        "李四",
        "户主",
        "",
        "",
        "1961.02",
        IDS[1].translate(FULL),
        "",
        "2",
        "",
        "村东 8 号",
        "低保户",
        "",
        "2025年8星",
    ],
    ["07", "张五", "长子", "", "回族", None, IDS[2].lower(), " 13900000001 ", "3组", "", "村西 7 号", "", "", ""],
    [
        "０９",
        "王六",
        "户主",
        "男性",
        "",
        "1963年4月4日",
        IDS[3],
        "0571-8888888",
        "",
        "第2网格",
        "",
        "残疾 2020-01-05至今",
        "否",
        "",
    ],
    ["09", "王七", "之子", "", "", "", IDS[4], "", "", "", "", "", "", "2024年7星", "2020.5.1", "迁出"],
    ["10", "赵八", "户主", "", "", "", IDS[5], "13800000000", "", "", "", "", "", ""],
]


@pytest.mark.parametrize(
    "register",
    [MESSY, [[c for i, c in enumerate(row) if i != 0] for row in MESSY if row[0] not in ("08",)]],
    ids=["by 户号, messy cells", "by 户主 rows, no 户号 column"],
)
def test_messy_register_is_written_alike(register, write_xlsx, tmp_path, monkeypatch) -> None:
    fast, slow, _, _ = _import_both_ways(write_xlsx(register), tmp_path, monkeypatch)
    assert fast == slow and len(fast["residents"]) == len(register) - 1
    assert sum(r[11] is not None for r in fast["residents"]) == 1  # the one 注销 row, read row by row


def test_a_bad_row_leaves_the_register_to_the_row_by_row_import(write_xlsx, village_db, monkeypatch) -> None:
    taken: list[bool] = []
    real = household_write.write_first_import
    monkeypatch.setattr(household_write, "write_first_import", lambda *args: taken.append(real(*args)) or taken[-1])
    bad = [HEADER, ["01", "甲", "户主", "女", "", "", IDS[0]]]  # sex disagrees with the number
    report = import_households(village_db, write_xlsx(bad))
    assert taken == [False]  # nothing written by the first import…
    assert not report.written and [p.row for p in report.problems] == [2]  # …and the row import says why
