"""Writers never race: write transactions begin IMMEDIATE, so two processes writing at once end
as if they ran one after the other, and a race for one ID number ends in the friendly message."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import event, exc, select
from sqlalchemy.orm import Session

from govdesk import idcard
from govdesk.db import BUSY_TIMEOUT_ENV, Database
from govdesk.faults import explain
from govdesk.models import Household, Member, Resident
from govdesk.services.excel_registers import ExcelRegisterService
from govdesk.services.members import MemberInput, MemberService
from tests.faults.conftest import ROOT, run_govdesk

P1, P2, P3 = (idcard.make_number("330784", date(1970 + n, 1, 1), 11 + 2 * n) for n in range(3))


def test_a_write_transaction_takes_the_lock_before_reading(village_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv(BUSY_TIMEOUT_ENV, "100")
    db = Database(village_db, create=False)
    holder = sqlite3.connect(village_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with db.session() as s:  # a read does not wait for the writer
            assert s.scalar(select(Household.id).limit(1)) is None
        with pytest.raises(exc.OperationalError) as raised, db.transaction() as s:
            s.scalar(select(Household.id).limit(1))  # the BEGIN itself waits, then gives up
        assert "另一个程序使用" in str(explain(raised.value))
    finally:
        holder.rollback()
        holder.close()
        db.dispose()


def _register(path: Path, homes: list[tuple[str, str, str]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["户号", "姓名", "与户主关系", "公民身份号码"])
    for number, name, id_number in homes:
        ws.append([number, name, "户主", id_number])
    wb.save(path)
    return path


def _people(path: Path) -> set[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT h.number, r.name, r.id_number FROM residents r JOIN households h ON h.id = r.household_id"
        ).fetchall()
    conn.close()
    return set(rows)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_imports_at_once_end_as_one_after_the_other(village_db: Path, tmp_path: Path, order: str) -> None:
    files = {
        "a": _register(tmp_path / "a.xlsx", [("01", "甲", P1), ("02", "乙", P2)]),
        "b": _register(tmp_path / "b.xlsx", [("02", "乙", P2), ("03", "丙", P3)]),
    }
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{BUSY_TIMEOUT_ENV: "60000"})
    holder = sqlite3.connect(village_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # both imports start while another writer holds the lock
    procs = []
    try:
        for key in order:
            cmd = [sys.executable, "-m", "govdesk", "--db", str(village_db), "import", "households", str(files[key])]
            procs.append(subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE))
            time.sleep(0.3)
        time.sleep(2.0)  # both have read their files and wait for the lock
    finally:
        holder.rollback()
        holder.close()
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, (out.decode(), err.decode())
        assert b"Traceback" not in err
    assert _people(village_db) == {("01", "甲", P1), ("02", "乙", P2), ("03", "丙", P3)}
    with Database(village_db).session() as s:
        assert len(s.scalars(select(Household.id)).all()) == 3
        assert len(s.scalars(select(Resident.id)).all()) == 3
    again = ExcelRegisterService(Database(village_db)).import_file("households", files["a"])
    assert again.created == 0  # what either import wrote is on file for the next one


_SECOND_CLERK = """
import sys
from pathlib import Path
from govdesk.db import Database
from govdesk.errors import GovdeskError
from govdesk.services.members import MemberInput, MemberService
service = MemberService(Database(sys.argv[1], create=False))
Path(sys.argv[2]).touch()
try:
    service.create(MemberInput(name="王二", id_number=sys.argv[3], joined_on="2015-07-01", full_on="2016-07-01"))
    print("created")
except GovdeskError as exc:
    print("refused:", exc)
"""


def test_same_id_number_from_two_processes_gets_the_friendly_message(village_db: Path, tmp_path: Path) -> None:
    marker = tmp_path / "second-clerk-is-saving"
    env = dict(os.environ, PYTHONPATH=str(ROOT), **{BUSY_TIMEOUT_ENV: "60000"})
    second = subprocess.Popen(
        [sys.executable, "-c", _SECOND_CLERK, str(village_db), str(marker), P1],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def hold_until_the_other_saves(_session: Session) -> None:
        deadline = time.monotonic() + 60
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.5)  # the other clerk's save is under way while this one is not yet committed

    db = Database(village_db)
    event.listen(Session, "before_commit", hold_until_the_other_saves)
    try:
        MemberService(db).create(MemberInput(name="王一", id_number=P1, joined_on="2015-07-01", full_on="2016-07-01"))
    finally:
        event.remove(Session, "before_commit", hold_until_the_other_saves)
    out, err = second.communicate(timeout=120)
    assert "IntegrityError" not in out + err and "Traceback" not in err, err
    assert out.startswith("refused:") and "已登记为党员“王一”" in out, (out, err)
    with db.session() as s:
        assert s.scalars(select(Member.name)).all() == ["王一"]
    db.dispose()


def test_cli_import_under_a_held_lock_is_refused_cleanly(village_db: Path, tmp_path: Path) -> None:
    register = _register(tmp_path / "a.xlsx", [("01", "甲", P1)])
    before = village_db.read_bytes()
    holder = sqlite3.connect(village_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = run_govdesk("--db", str(village_db), "import", "households", str(register), busy_ms=200)
    finally:
        holder.rollback()
        holder.close()
    assert result.returncode == 1 and "数据库正被另一个程序使用" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert village_db.read_bytes() == before


def test_a_write_inside_a_write_on_one_thread_is_refused_at_once(village_db: Path) -> None:
    db = Database(village_db, create=False)
    started = time.monotonic()
    with db.transaction(), pytest.raises(RuntimeError, match="nested write transaction"), db.write_connection():
        pass
    assert time.monotonic() - started < 1  # not after the busy timeout
    with db.transaction() as s:  # and the guard is released afterwards
        assert s.scalar(select(Household.id).limit(1)) is None
    db.dispose()
