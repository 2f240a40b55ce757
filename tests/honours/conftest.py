"""Fixtures for the 评先评优 and 理事会 tests: the services on the demo village with a fixed clock."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from govdesk.db import Database
from govdesk.services.councils import CouncilService
from govdesk.services.honours import HonourService
from tests.conftest import DEMO_TODAY


def at(day: date):  # type: ignore[no-untyped-def]
    return lambda: datetime.combine(day, time(10, 0))


@pytest.fixture
def honours(demo_db: Database) -> HonourService:
    return HonourService(demo_db, clock=at(DEMO_TODAY))


@pytest.fixture
def councils(demo_db: Database) -> CouncilService:
    return CouncilService(demo_db, clock=at(DEMO_TODAY))


@pytest.fixture
def empty_honours(db: Database) -> HonourService:
    return HonourService(db, clock=at(DEMO_TODAY))


@pytest.fixture
def empty_councils(db: Database) -> CouncilService:
    return CouncilService(db, clock=at(DEMO_TODAY))
