"""Fixtures for the 民情台账 tests: the services on the demo village with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from govdesk.db import Database
from govdesk.services.decisions import DecisionService
from govdesk.services.voices import VoiceService
from govdesk.voices.rules import VoiceInput
from tests.conftest import DEMO_TODAY


def at(day: date):  # type: ignore[no-untyped-def]
    return lambda: datetime.combine(day, time(10, 0))


@pytest.fixture
def voices(demo_db: Database) -> VoiceService:
    return VoiceService(demo_db, clock=at(DEMO_TODAY))


@pytest.fixture
def decisions(demo_db: Database) -> DecisionService:
    return DecisionService(demo_db, clock=at(DEMO_TODAY), user="测试")


def item(**kw: object) -> VoiceInput:
    """A valid item taken on 2026-11-10 unless a test says otherwise."""
    values: dict[str, object] = {
        "received_on": date(2026, 11, 10),
        "channel": "湾子夜话",
        "raised_by_name": "外村人 刘𠮷",
        "category": "道路交通",
        "content": "村口到三组的路灯坏了三盏，晚上走路看不见",
        "taken_by": "张书记",
    }
    values.update(kw)
    return VoiceInput(**values)  # type: ignore[arg-type]
