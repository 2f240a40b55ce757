"""A village with one household of two people, and users of each role."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from govdesk import idcard
from govdesk.actor import ROLE_ADMIN, ROLE_STAFF, ROLE_VIEWER
from govdesk.db import Database
from govdesk.services.households import HouseholdInput, HouseholdService, ResidentInput
from govdesk.services.users import UserService
from govdesk.services.village import VillageService

PASSWORD = "qingshan-2026"
HEADER = ["户号", "姓名", "与户主关系", "性别", "民族", "出生日期", "公民身份号码", "联系电话", "村民小组"]


def make_id(birth: date, seq: int) -> str:
    return idcard.make_number("330784", birth, seq)


@pytest.fixture
def register_file(tmp_path: Path) -> Callable[[int], Path]:
    """A household register of ``n`` households of two people each."""

    def write(n: int) -> Path:
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append(HEADER)
        for i in range(n):
            number = f"H{i:05d}"
            head, spouse = make_id(date(1970, 1, 1), 2 * i + 1), make_id(date(1972, 2, 2), 2 * i + 2)
            ws.append([number, f"张{chr(0x4E00 + i)}", "户主", "男", "汉族", "1970-01-01", head, "", ""])
            ws.append([number, f"李{chr(0x4E00 + i)}", "配偶", "女", "汉族", "1972-02-02", spouse, "", ""])
        path = tmp_path / f"register-{n}.xlsx"
        wb.save(path)
        return path

    return write


@pytest.fixture
def village(db: Database) -> Database:
    VillageService(db).create_village("青山村")
    return db


@pytest.fixture
def household(village: Database) -> tuple[int, int]:
    """(household id, head's resident id)."""
    homes = HouseholdService(village)
    hid = homes.create(HouseholdInput(number="001", address="青山村一组 1 号"))
    rid = homes.add_resident(
        hid, ResidentInput(name="王大山", id_number=make_id(date(1970, 3, 1), 11), relation="户主", phone="13800000001")
    )
    return hid, rid


@pytest.fixture
def users(village: Database) -> UserService:
    """An administrator (the first user), a clerk and a viewer; nobody logged in yet."""
    service = UserService(village)
    service.add("admin", PASSWORD, ROLE_ADMIN, "王书记")
    service.log_in("admin", PASSWORD)
    service.add("clerk", PASSWORD, ROLE_STAFF, "李文书")
    service.add("viewer", PASSWORD, ROLE_VIEWER, "张会计")
    return service


def audit_rows(db: Database, **where: Any) -> list[dict[str, Any]]:
    """The audit rows as dicts (before/after parsed), oldest first."""
    from sqlalchemy import select

    from govdesk.models import AuditEntry

    stmt = select(AuditEntry).order_by(AuditEntry.id)
    for key, value in where.items():
        stmt = stmt.where(getattr(AuditEntry, key) == value)
    with db.session() as s:
        return [
            {
                "user_name": e.user_name,
                "role": e.role,
                "action": e.action,
                "kind": e.kind,
                "record_id": e.record_id,
                "summary": e.summary,
                "before": json.loads(e.before) if e.before else None,
                "after": json.loads(e.after) if e.after else None,
            }
            for e in s.scalars(stmt)
        ]
