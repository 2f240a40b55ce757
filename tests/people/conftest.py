"""Helpers for the people tests: write a register .xlsx from rows, a village to import into."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from govdesk import idcard
from govdesk.db import Database
from govdesk.services.village import VillageService

HEADER = ["户号", "姓名", "与户主关系", "性别", "民族", "出生日期", "公民身份号码", "联系电话", "村民小组"]


def make_id(birth: date, seq: int, area: str = "330784") -> str:
    return idcard.make_number(area, birth, seq)


@pytest.fixture
def write_xlsx(tmp_path: Path) -> Callable[..., Path]:
    counter = {"n": 0}

    def write(rows: list[list[Any]], name: str | None = None) -> Path:
        counter["n"] += 1
        path = tmp_path / (name or f"register{counter['n']}.xlsx")
        wb = Workbook()
        ws = wb.active
        for row in rows:
            ws.append(row)
        wb.save(path)
        return path

    return write


@pytest.fixture
def village_db(db: Database) -> Database:
    VillageService(db).create_village("青山村")
    return db


def search_index(db: Database) -> tuple[set[tuple[str, int, int]], set[tuple[str, str]]]:
    """What the search index holds: (digit keys per resident, keys per name of a resident)."""
    import sqlite3

    with sqlite3.connect(db.engine.url.database) as raw:
        numbers = set(raw.execute("SELECT key, resident_id, household_id FROM resident_search_keys"))
        names = set(raw.execute("SELECT key, name FROM name_search_keys WHERE name IN (SELECT name FROM residents)"))
    return numbers, names


def expected_search_index(db: Database) -> tuple[set[tuple[str, int, int]], set[tuple[str, str]]]:
    """The index the one-resident path (``people_search.number_keys`` / ``name_key_rows``) gives."""
    import sqlite3

    from govdesk.people_search import name_key_rows, number_keys

    with sqlite3.connect(db.engine.url.database) as raw:
        people = raw.execute("SELECT id, household_id, name, id_number, phone FROM residents").fetchall()
    numbers = {(k, rid, hid) for rid, hid, _, number, phone in people for k in number_keys(number, phone)}
    return numbers, set(name_key_rows(p[2] for p in people))
