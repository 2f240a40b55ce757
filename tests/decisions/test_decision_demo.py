"""The demo village's decision log covers every stage, and its ticks agree with the roster."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from govdesk.db import Database
from govdesk.decisions import attendance
from govdesk.decisions.state import STATES
from govdesk.demo import DEMO_SEEDERS
from govdesk.models import AttendanceTick, Base, LogEntry, Matter
from govdesk.services.decisions import DecisionService
from govdesk.services.listing import ListQuery


def test_seeder_is_registered() -> None:
    assert "govdesk.services.decisions_demo:seed_demo" in DEMO_SEEDERS


def test_migrated_schema_equals_models(db: Database) -> None:
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_every_stage_is_present(demo_db: Database) -> None:
    with demo_db.session() as s:
        states = set(s.scalars(select(Matter.state)))
        stages = set(s.scalars(select(Matter.stage)))
        failures = list(s.scalars(select(LogEntry).where(LogEntry.outcome == "未通过")))
        kinds = set(s.scalars(select(LogEntry.kind)))
    assert states == set(STATES)
    assert {"实施中", "决议公示", "待党组织提议", "待两委商议", "待党员大会审议", "待村民代表会议决议"} <= stages
    assert any(
        "不足" in f.failure or "未超过应到" in f.failure and "人" in f.failure for f in failures
    )  # a quorum failure
    assert any("票" in f.failure for f in failures)  # a failed vote
    assert {"退回", "终止", "更正", "异议", "答复", "实施"} <= kinds


def test_ticks_agree_with_the_roster_on_the_meeting_date(demo_db: Database) -> None:
    with demo_db.session() as s:
        meetings = list(s.scalars(select(LogEntry).where(LogEntry.should_attend.is_not(None))))
        assert len(meetings) > 30
        for e in meetings:
            ticks = list(s.scalars(select(AttendanceTick).where(AttendanceTick.entry_id == e.id)))
            seats = attendance.should_attend(s, e.rule_id, e.event_date)
            assert [(t.person_kind, t.person_id) for t in ticks] == [x.key for x in seats]
            assert e.attended == sum(t.present for t in ticks)
            assert (e.yes_votes or 0) + (e.no_votes or 0) + (e.abstain_votes or 0) <= e.attended


def test_listing_pages_sorts_and_filters(demo_db: Database) -> None:
    svc = DecisionService(demo_db)
    assert svc.count(ListQuery()) == 15  # 14 of this year, and last year's 评先评优 (honours demo)
    first = svc.page(ListQuery(), 0, 5)
    assert [r.values[0] for r in first] == ["2026-014", "2026-013", "2026-012", "2026-011", "2026-010"]
    by_amount = svc.page(ListQuery(sort_key="amount", descending=True), 0, 1)
    assert by_amount[0].values[1] == "村级光伏电站建设"
    assert svc.count(ListQuery(filters={"state": "已终止"})) == 1
    assert svc.count(ListQuery(text="光伏")) == 1
    assert svc.count(ListQuery(text="2026-00")) == 9


def test_listed_stage_reads_posting_periods_against_today(demo_db: Database) -> None:
    from datetime import datetime

    svc = DecisionService(demo_db, clock=lambda: datetime(2026, 11, 23, 9))
    stages = {r.values[0]: r.values[7] for r in svc.page(ListQuery(), 0, 50)}
    assert stages["2026-009"] == "决议公示中（至 11-26）"
    assert stages["2026-002"] == "结果公示中（至 11-26）"
    assert stages["2026-001"] == "已办结"
    later = DecisionService(demo_db, clock=lambda: datetime(2026, 11, 27, 9))
    stages = {r.values[0]: r.values[7] for r in later.page(ListQuery(), 0, 50)}
    assert stages["2026-009"] == "公示期满待实施" and stages["2026-002"] == "已办结"
