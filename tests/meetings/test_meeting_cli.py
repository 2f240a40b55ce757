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


def test_print_meeting_record(
    db: Database, town: Town, meetings: MeetingService, tmp_path, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    from pypdf import PdfReader

    m = town.members
    mid = meetings.create(
        MeetingInput("支部党员大会", town.first, date(2026, 7, 10), "村部", "王一", "李二", "学习党章", "传达学习"),
        {m["王一"]: ("出席", ""), m["李二"]: ("请假", "外出务工")},
    )
    target = db.describe()
    db.dispose()
    out = tmp_path / "record.pdf"
    assert main(["--db", target, "print", "meeting", "--id", str(mid), "--out", str(out)]) == 0
    text = PdfReader(out).pages[0].extract_text()
    assert "第一支部支部党员大会会议记录" in text and "外出务工" in text and "内部资料" in text
    assert main(["--db", target, "print", "meeting", "--id", "999", "--out", str(out)]) == 1
    assert "找不到编号为 999 的会议" in capsys.readouterr().err
