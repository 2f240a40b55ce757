"""Every create, update, end, import and print is in the audit, with its user and before/after values,
written in the same transaction as the change; the audit itself cannot be changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import exc, text

from govdesk import audit
from govdesk.actor import Actor, os_user
from govdesk.db import Database
from govdesk.models import Village
from govdesk.services.excel_registers import ExcelRegisterService
from govdesk.services.households import HouseholdInput, HouseholdService, ResidentInput
from govdesk.services.users import UserService
from tests.users.conftest import PASSWORD, audit_rows, make_id


def test_without_users_the_audit_names_the_pc_account(household: tuple[int, int], village: Database) -> None:
    rows = audit_rows(village, kind="residents")
    assert [r["action"] for r in rows] == ["新增"]
    assert rows[0]["user_name"] == os_user() and rows[0]["role"] == ""
    assert rows[0]["after"]["name"] == "王大山" and rows[0]["after"]["id_number"].startswith("330784")
    assert rows[0]["record_id"] == str(household[1])
    assert "王大山" in rows[0]["summary"]


def test_update_records_before_and_after_of_the_changed_columns_only(
    household: tuple[int, int], users: UserService
) -> None:
    db = users.db
    users.log_in("clerk", PASSWORD)
    homes = HouseholdService(db)
    hid, rid = household
    data = homes.resident_input(rid)
    data.phone = "13900000002"
    homes.update_resident(rid, data)
    row = audit_rows(db, kind="residents", action="修改")[-1]
    assert row["user_name"] == "clerk" and row["role"] == "工作人员"
    assert row["before"] == {"phone": "13800000001"} and row["after"] == {"phone": "13900000002"}
    assert "联系电话" in row["summary"]


def test_ending_a_record_is_recorded_as_end(household: tuple[int, int], village: Database) -> None:
    hid, rid = household
    HouseholdService(village).end_resident(rid, date(2026, 11, 1), "迁出")
    row = audit_rows(village, kind="residents")[-1]
    assert row["action"] == "结束"
    assert row["before"]["ended_on"] is None and row["after"]["ended_on"] == "2026-11-01"


def test_a_failed_write_leaves_no_audit_row(household: tuple[int, int], village: Database) -> None:
    before = len(audit_rows(village))
    with pytest.raises(RuntimeError), village.transaction() as s:
        s.add(Village(name="半途村"))
        s.flush()
        assert len(audit_rows(village)) == before  # another connection does not see it yet
        raise RuntimeError("power cut")
    assert len(audit_rows(village)) == before


def test_an_import_is_one_row_with_counts(village: Database, register_file: Callable[[int], Path]) -> None:
    before = len(audit_rows(village))
    report = ExcelRegisterService(village).import_file("households", register_file(50))
    assert report.written
    rows = audit_rows(village)[before:]
    assert len(rows) == 1, [r["summary"] for r in rows]
    row = rows[0]
    assert row["action"] == "导入" and "register-50.xlsx" in row["summary"]
    assert row["after"]["新增"]["residents"] == 100 and row["after"]["新增"]["households"] == 50
    assert "resident_search_keys" not in str(row["after"]) and "name_search_keys" not in str(row["after"])


def test_a_dry_run_import_writes_no_audit(village: Database, register_file: Callable[[int], Path]) -> None:
    ExcelRegisterService(village).import_file("households", register_file(3), dry_run=True)
    assert audit_rows(village, action="导入") == []


def test_a_print_is_recorded_as_print(village: Database, household: tuple[int, int], tmp_path: Path) -> None:
    from govdesk.services.printing import PrintService

    printing = PrintService(village)
    doc = printing.render_register("households")
    printing.publish(doc, tmp_path / "register.pdf", kind="register.households")
    row = audit_rows(village, kind="print_archive")[-1]
    assert row["action"] == "打印" and row["after"]["sha256"]


def test_the_audit_is_append_only(household: tuple[int, int], village: Database) -> None:
    with pytest.raises(exc.IntegrityError, match="只能追加"), village.engine.begin() as conn:
        conn.execute(text("UPDATE audit_entries SET user_name = 'someone'"))
    with pytest.raises(exc.IntegrityError, match="只能追加"), village.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_entries"))
    assert audit_rows(village)[0]["user_name"] == os_user()


def test_password_hashes_never_reach_the_audit(users: UserService) -> None:
    users.set_password("clerk", "another-secret")
    dumped = str(audit_rows(users.db))
    assert "password_hash" not in dumped and "argon2" not in dumped
    assert PASSWORD not in dumped and "another-secret" not in dumped


def test_a_bulk_statement_in_a_session_is_one_row(village: Database) -> None:
    from sqlalchemy import update

    from govdesk.models import Household

    homes = HouseholdService(village)
    for n in ("001", "002", "003"):
        homes.create(HouseholdInput(number=n))
    with village.transaction() as s:
        s.execute(update(Household).values(notes="普查"))
    row = audit_rows(village, kind="households")[-1]
    assert row["action"] == "修改" and row["after"] == {"条数": 3}


def test_a_model_without_an_audit_flag_is_audited_generically(village: Database) -> None:
    """A new ledger (issue G, J) needs no audit code: any mapped class is recorded."""
    db = village
    db.actor = Actor("测试员", "工作人员", 99)
    homes = HouseholdService(db)
    hid = homes.create(HouseholdInput(number="009"))
    homes.add_resident(hid, ResidentInput(name="赵四", id_number=make_id(date(1980, 5, 5), 21), relation="户主"))
    kinds = {r["kind"] for r in audit_rows(db, user_name="测试员")}
    assert {"households", "residents"} <= kinds
    assert audit.kind_label("residents") == "居民" and audit.kind_label("new_ledger") == "new_ledger"


def test_unmasked_prints_are_for_administrators_and_audited(
    users: UserService, household: tuple[int, int], tmp_path: Path
) -> None:
    from govdesk.errors import RefusedError
    from govdesk.services.printing import PrintService

    printing = PrintService(users.db)
    users.log_in("clerk", PASSWORD)
    with pytest.raises(RefusedError, match="只有管理员"):
        printing.render_register("households", full=True)
    users.log_in("admin", PASSWORD)
    doc = printing.render_register("households", full=True)
    assert printing.publish(doc, tmp_path / "internal.pdf") is None  # not archived
    row = audit_rows(users.db, kind="print_internal")[-1]
    assert row["action"] == "打印" and row["user_name"] == "admin" and "内部版" in row["summary"]


def test_an_event_of_its_own_is_recorded_for_the_actor(users: UserService) -> None:
    """A restore (issue H part 5) records itself in the restored file with ``audit.record_event``."""
    users.log_in("admin", PASSWORD)
    audit.record_event(users.db, audit.RESTORED, "database", summary="从备份 x.sqlite3 恢复")
    row = audit_rows(users.db)[-1]
    assert (row["action"], row["user_name"], row["role"]) == ("恢复", "admin", "管理员")
