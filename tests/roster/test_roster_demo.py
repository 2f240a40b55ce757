"""The demo seeder: this month signed off with a swap, next month drafted, leave, an open log item."""

from __future__ import annotations

from datetime import date

from govdesk.db import Database
from govdesk.services.bundle import Services
from tests.conftest import DEMO_TODAY


def test_roster_demo_seeded(demo_db: Database) -> None:
    svc = Services.open(demo_db)
    this = svc.roster.roster((DEMO_TODAY.year, DEMO_TODAY.month))
    assert this.status == "已签发" and this.signed_by and this.signed_on
    assert len(this.swaps) == 1
    assert all(d.cadre for d in this.days) and len(this.tallies) == 7
    nxt = svc.roster.roster("2026-12")
    assert nxt.status == "草稿" and all(d.cadre for d in nxt.days)
    assert svc.roster.leaves(date(2026, 11, 1), date(2026, 12, 31))
    today = svc.duty_log.for_day(DEMO_TODAY)
    assert today.on_duty is not None
    assert len(today.carried) == 1 and today.carried[0].is_open
    assert len(svc.duty_log.open_items()) == 1
