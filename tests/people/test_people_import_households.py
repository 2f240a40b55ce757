"""A messy household register written by the one import path: households grouped by 户号 or
by 户主 rows, household cells from the first row that fills them, person cells cleaned, and
the search index exactly what the one-resident path writes."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from typing import Any

import pytest

from govdesk.db import Database
from govdesk.importing import import_households
from tests.people.conftest import HEADER, expected_search_index, make_id, search_index

TODAY = date(2026, 11, 23)
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
    ]
    + ["否", ""],
    ["09", "王七", "之子", "", "", "", IDS[4], "", "", "", "", "", "", "2024年7星", "2020.5.1", "迁出"],
    ["10", "赵八", "户主", "", "", "", IDS[5], "13800000000", "", "", "", "", "", ""],
]
NO_NUMBER = [[c for i, c in enumerate(row) if i != 0] for row in MESSY if row[0] != "08"]

_TABLES = {
    "households": "SELECT h.number, h.address, g.name, d.name, h.is_central FROM households h"
    " LEFT JOIN villager_groups g ON g.id = h.villager_group_id LEFT JOIN grids d ON d.id = h.grid_id",
    "residents": "SELECT h.number, r.name, r.relation, r.id_number, r.sex, r.birth_date, r.ethnicity, r.phone,"
    " r.ended_on, r.end_reason FROM residents r JOIN households h ON h.id = r.household_id",
    "categories": "SELECT h.number, c.category, c.started_on, c.ended_on FROM household_categories c"
    " JOIN households h ON h.id = c.household_id",
    "stars": "SELECT h.number, s.year, s.stars FROM household_star_ratings s"
    " JOIN households h ON h.id = s.household_id",
}


def _written(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    with sqlite3.connect(db.engine.url.database) as raw:
        return {t: sorted(raw.execute(sql).fetchall(), key=repr) for t, sql in _TABLES.items()}


def _keys_match_the_one_resident_path(db: Database) -> bool:
    return search_index(db) == expected_search_index(db)


def test_messy_register_by_household_number(village_db, write_xlsx) -> None:
    report = import_households(village_db, write_xlsx(MESSY), today=TODAY)
    assert report.written and report.problems == [], report.problem_lines(5)
    assert (report.created, report.households_created) == (6, 4)
    written = _written(village_db)
    assert written["households"] == [
        ("07", "村西 7 号", "1组", "第1网格", 1),  # each cell from the first row that fills it
        ("08", "村东 8 号", "2", None, 0),
        ("09", "", None, "第2网格", 0),  # ０９ and 09: one household
        ("10", "", None, None, 0),
    ]
    assert written["residents"] == [
        ("07", "张三", "户主", IDS[0], "男", "1960-01-01", "汉族", "", None, ""),
        ("07", "张五", "长子", IDS[2], "男", "1962-03-03", "回族", "13900000001", None, ""),  # phone trimmed
        ("08", "李四", "户主", IDS[1], "男", "1961-02-02", "汉族", "", None, ""),  # blank 民族: 汉族
        ("09", "王七", "之子", IDS[4], "男", "1964-05-05", "汉族", "", "2020-05-01", "迁出"),
        ("09", "王六", "户主", IDS[3], "男", "1963-04-04", "汉族", "0571-8888888", None, ""),
        ("10", "赵八", "户主", IDS[5], "男", "1965-06-06", "汉族", "13800000000", None, ""),
    ]
    assert written["categories"] == [("08", "低保户", "2026-11-23", None), ("09", "残疾", "2020-01-05", None)]
    assert written["stars"] == [("08", 2025, 8), ("09", 2024, 7)]
    assert _keys_match_the_one_resident_path(village_db)


def test_messy_register_by_head_rows(village_db, write_xlsx) -> None:
    report = import_households(village_db, write_xlsx(NO_NUMBER), today=TODAY)
    assert report.written and report.problems == [], report.problem_lines(5)
    assert (report.created, report.households_created) == (5, 3)
    written = _written(village_db)
    assert [h[:2] for h in written["households"]] == [("00001", "村西 7 号"), ("00002", ""), ("00003", "")]
    assert [(r[0], r[1]) for r in written["residents"]] == [
        ("00001", "张三"),
        ("00001", "张五"),
        ("00002", "王七"),
        ("00002", "王六"),
        ("00003", "赵八"),
    ]
    assert _keys_match_the_one_resident_path(village_db)


@pytest.mark.parametrize("register", [MESSY, NO_NUMBER], ids=["by 户号", "by 户主 rows"])
def test_a_bad_row_writes_nothing(register, write_xlsx, village_db) -> None:
    bad = [list(row) for row in register]
    bad[1][bad[0].index("性别")] = "女"  # disagrees with the ID number
    report = import_households(village_db, write_xlsx(bad), today=TODAY)
    assert not report.written and [p.row for p in report.problems] == [2]
    assert _written(village_db)["residents"] == []
