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
