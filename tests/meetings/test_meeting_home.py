"""首页 lists the meetings behind schedule under 需办理; a click opens the meetings page filtered."""

from __future__ import annotations

from datetime import date, datetime, time

from govdesk.db import Database
from govdesk.services.home import HomeService
from govdesk.services.meetings import MeetingInput, MeetingService
from tests.meetings.conftest import TODAY, Town


def test_home_lists_meetings_behind_schedule(db: Database, town: Town, meetings: MeetingService) -> None:
    meetings.create(MeetingInput("支部党员大会", town.first, date(2026, 10, 12), "", "", "", "审议"))
    home = HomeService(db, clock=lambda: datetime.combine(TODAY, time(9)))
    items = [i for i in home.view().needs_action if i.kind == "会议"]
    texts = [i.text for i in items]
    assert "第二支部：本季度尚未召开支部党员大会（已过 53 天）" in texts
    item = next(i for i in items if i.text == "第二支部：本季度尚未召开支部党员大会（已过 53 天）")
    assert item.urgent
    assert (item.target.area, item.target.filters) == (
        "party_life",
        {"page": "meetings", "unit_id": town.second, "kind": "支部党员大会"},
    )
    assert len(items) == 9 and items[-1].text.startswith("另有 ")  # 8 listed, the rest in one line
