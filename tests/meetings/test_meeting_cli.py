"""``govdesk check --schedule``: the report of meetings behind schedule, exit 0."""

from __future__ import annotations

from datetime import date

import pytest

from govdesk.cli import main
from govdesk.db import Database
from govdesk.services.meetings import MeetingInput, MeetingService
from tests.meetings.conftest import Town


def test_check_schedule_reports_and_exits_0(
    db: Database, town: Town, meetings: MeetingService, capsys: pytest.CaptureFixture[str]
) -> None:
    meetings.create(MeetingInput("支部党员大会", town.first, date(2026, 1, 12), "", "", "", "审议"))
    target = db.describe()
    db.dispose()
    assert main(["--db", target, "check", "--schedule"]) == 0
    out = capsys.readouterr().out
    assert "三会一课按期召开情况" in out
    assert "- 第二支部：" in out and "尚未召开支部党员大会（已过 " in out


def test_no_warnings_before_the_first_meeting_is_recorded(
    db: Database, town: Town, meetings: MeetingService, capsys: pytest.CaptureFixture[str]
) -> None:
    assert meetings.schedule_warnings() == []
    target = db.describe()
    db.dispose()
    assert main(["--db", target, "check", "--schedule"]) == 0
    assert "尚未登记任何会议" in capsys.readouterr().out
