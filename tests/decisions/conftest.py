"""Fixtures for the decision log tests: a service on the demo village with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from govdesk.db import Database
from govdesk.decisions.inputs import MatterInput, MeetingInput
from govdesk.services.decisions import DecisionService
from tests.conftest import DEMO_TODAY


class Clock:
    """A settable clock so entries are recorded "on" the day a test says."""

    def __init__(self, day: date) -> None:
        self.now = datetime.combine(day, time(10, 0))

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock(DEMO_TODAY)


@pytest.fixture
def svc(demo_db: Database, clock: Clock) -> DecisionService:
    return DecisionService(demo_db, clock=clock, user="测试")


def new_matter(svc: DecisionService, raised: date, procedure: str = "五议两公开", title: str = "测试事项") -> int:
    return svc.create_matter(MatterInput(title, "公益事业建设", "1.5万", "村民建议", "刘𠮷：建议", procedure, raised))


def meeting(
    svc: DecisionService, mid: int, day: date, *, present: int | None = None, yes: int | None = None, **kw: object
) -> tuple[int, object]:
    """Hold the matter's next meeting: ``present`` first people ticked (all by default), ``yes`` votes."""
    step = svc.matter(mid).next_step
    assert step is not None
    seats = svc.should_attend(step.rule_id, day)
    n = len(seats) if present is None else present
    y = n if yes is None else yes
    data = MeetingInput(day, "村部会议室", "张三", "李四", [s.key for s in seats[:n]], y, 0, n - y, "同意")
    return svc.record_meeting(mid, step.position, data, **kw)  # type: ignore[arg-type]


@pytest.fixture
def services(demo_db: Database, clock: Clock):  # type: ignore[no-untyped-def]
    from govdesk.services.bundle import Services

    bundle = Services.open(demo_db)
    bundle.decisions.clock = clock
    return bundle


@pytest.fixture
def tab(services, qtbot):  # type: ignore[no-untyped-def]
    from ui.change_relay import ChangeRelay
    from ui.decisions_tab import DecisionsTab
    from ui.jobs import JobRunner

    runner = JobRunner()
    widget = DecisionsTab(services, runner)
    # On its own, as in the window: what the services write comes back through on_changes.
    ChangeRelay(services.db, widget).changed.connect(widget.on_changes)
    qtbot.addWidget(widget)
    widget.resize(1400, 850)
    widget.show()
    yield widget
    runner.shutdown()
