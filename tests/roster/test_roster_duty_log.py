"""值班记录: open items carry over to whoever is on duty next; 首问负责 defaults to the cadre on duty."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.errors import RefusedError, ValidationError
from govdesk.services.bundle import Services


def test_roster_duty_log_open_items_carry_over(roster_services: Services) -> None:
    view = roster_services.roster.draft("2026-11")
    log = roster_services.duty_log
    on_10 = view.day(date(2026, 11, 10)).cadre
    open_id = log.add("2026-11-10", "反映路灯不亮", visitor="三组村民", passed_to="电工", due_on="2026-11-15")
    closed_id = log.add("2026-11-10", "咨询医保缴费", visitor="村民")
    log.close(closed_id, "2026-11-10", "当场解答")
    day10 = log.for_day(date(2026, 11, 10))
    assert [e.id for e in day10.entries] == [open_id, closed_id]
    assert day10.entries[0].owner == on_10.name  # 首问负责: the cadre on duty
    nxt = log.for_day(date(2026, 11, 11))
    assert nxt.on_duty == view.day(date(2026, 11, 11)).cadre
    assert [e.id for e in nxt.carried] == [open_id] and nxt.carried[0].carried
    assert nxt.carried[0].overdue(date(2026, 11, 16)) and not nxt.carried[0].overdue(date(2026, 11, 12))
    log.close(open_id, "2026-11-12", "已修好")
    assert log.for_day(date(2026, 11, 13)).carried == []
    with pytest.raises(RefusedError, match="已于"):
        log.close(open_id, "2026-11-13")


def test_roster_duty_log_validates_fields(roster_services: Services) -> None:
    log = roster_services.duty_log
    with pytest.raises(ValidationError, match="来访事项"):
        log.add("2026-11-10", "  ")
    with pytest.raises(ValidationError, match="办结期限"):
        log.add("2026-11-10", "事项", due_on="2026-11-01")
    with pytest.raises(ValidationError, match="值班日期"):
        log.add("2026-13-40", "事项")
