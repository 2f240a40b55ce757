"""Tamper evidence: an untouched log passes ``govdesk check``; edits made in the SQLite file are named."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from govdesk import paths
from govdesk.cli import main
from govdesk.cli.check import EXTRA_CHECKS, all_problems
from govdesk.db import Database
from govdesk.decisions.audit import check_decision_log
from govdesk.decisions.inputs import MeetingInput
from govdesk.services.decisions import DecisionService


def _sql(db: Database, sql: str, **params: object) -> None:
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def _entry_id(db: Database, number: str, seq: int) -> int:
    with db.engine.connect() as conn:
        return int(
            conn.execute(
                text(
                    "SELECT e.id FROM decision_entries e JOIN decision_matters m ON m.id = e.matter_id "
                    "WHERE m.number = :n AND e.seq = :s"
                ),
                {"n": number, "s": seq},
            ).scalar_one()
        )


def test_check_is_registered() -> None:
    assert "govdesk.decisions.audit:check_decision_log" in EXTRA_CHECKS


def test_untouched_log_passes(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert check_decision_log(demo_db) == []
    assert all_problems(demo_db) == []
    assert main(["--db", str(demo_db.describe()), "check"]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_edited_vote_count_is_named_by_matter_and_entry(demo_db: Database, capsys: pytest.CaptureFixture[str]) -> None:
    eid = _entry_id(demo_db, "2026-004", 6)  # the failed representatives' vote on the old warehouse
    _sql(demo_db, "UPDATE decision_entries SET yes_votes = yes_votes + 10 WHERE id = :i", i=eid)
    problems = check_decision_log(demo_db)
    assert len(problems) == 1
    assert "2026-004" in problems[0] and "第 6 条记录（村民代表会议决议" in problems[0]
    assert "防篡改校验码不符" in problems[0]
    assert main(["--db", str(demo_db.describe()), "check"]) == 1
    out = capsys.readouterr().out
    assert "检查未通过" in out and "2026-004" in out


def test_edited_decided_text_is_found(demo_db: Database) -> None:
    eid = _entry_id(demo_db, "2026-009", 3)
    _sql(demo_db, "UPDATE decision_entries SET text = text || '（改）' WHERE id = :i", i=eid)
    problems = check_decision_log(demo_db)
    assert problems and "2026-009" in problems[0] and "第 3 条记录" in problems[0]


def test_ticked_attendance_changed_is_found(demo_db: Database) -> None:
    eid = _entry_id(demo_db, "2026-001", 5)
    _sql(demo_db, "UPDATE decision_attendance SET present = 1 - present WHERE entry_id = :i AND position = 1", i=eid)
    assert any("2026-001" in p and "第 5 条记录" in p for p in check_decision_log(demo_db))


def test_deleted_entries_are_found(demo_db: Database) -> None:
    middle = _entry_id(demo_db, "2026-002", 3)
    _sql(demo_db, "DELETE FROM decision_attendance WHERE entry_id = :i", i=middle)
    _sql(demo_db, "DELETE FROM decision_entries WHERE id = :i", i=middle)
    problems = check_decision_log(demo_db)
    assert any("2026-002" in p and "有记录被删除或插入" in p for p in problems)


def test_deleted_last_entry_is_found(demo_db: Database) -> None:
    with demo_db.engine.connect() as conn:
        count = conn.execute(text("SELECT entry_count FROM decision_matters WHERE number='2026-014'")).scalar_one()
    _sql(demo_db, "DELETE FROM decision_entries WHERE id = :i", i=_entry_id(demo_db, "2026-014", count))
    assert any("2026-014" in p and "可能有记录被删除" in p for p in check_decision_log(demo_db))


def test_matter_header_and_state_edits_are_found(demo_db: Database) -> None:
    _sql(demo_db, "UPDATE decision_matters SET amount_fen = 1 WHERE number = '2026-005'")
    _sql(demo_db, "UPDATE decision_matters SET state = '结果已公开' WHERE number = '2026-008'")
    problems = check_decision_log(demo_db)
    assert any("2026-005" in p and "amount_fen" in p for p in problems)
    assert any("2026-008" in p and "办理状态与记录不符" in p for p in problems)


def test_procedure_definition_edit_is_found(demo_db: Database) -> None:
    _sql(demo_db, "UPDATE decision_procedure_steps SET rule_id = 'villagers_adults' WHERE rule_id = 'representatives'")
    assert any("议事程序与立项时记录的步骤不符" in p for p in check_decision_log(demo_db))


def test_attachment_file_edit_is_found(demo_db: Database, tmp_path: Path) -> None:
    svc = DecisionService(demo_db)
    scan = tmp_path / "minutes.jpg"
    scan.write_bytes(b"scan")
    mid = svc.find("2026-014")
    seats = svc.should_attend("branch_committee", svc.today())
    data = MeetingInput(
        svc.today(), "村部", "张三", "", [s.key for s in seats], len(seats), 0, 0, "同意", [("会议记录", str(scan))]
    )
    entry_id, _ = svc.record_meeting(mid, 1, data)
    assert check_decision_log(demo_db) == []
    _, _, atts = svc.entry(entry_id)
    (paths.attachments_dir() / atts[0].stored_name).write_bytes(b"forged")
    assert any("2026-014" in p and "附件“minutes.jpg”的文件内容被改动过" in p for p in check_decision_log(demo_db))
