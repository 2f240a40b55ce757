"""Writes report what kind of records they changed, once, and only when they succeed."""

from __future__ import annotations

import pytest

from govdesk.changes import Changes, feed_of, writes
from govdesk.db import Database
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from govdesk.services.households import HouseholdInput
from govdesk.services.village import VillageService


def test_a_household_write_reports_households_and_residents(db: Database) -> None:
    services = Services.open(db)
    services.village.create_village("试点村")
    heard: list[Changes] = []
    feed_of(db).listen(heard.append)
    services.households.create(HouseholdInput(number="0001", address="一组 1 号"))
    assert heard == [Changes.HOUSEHOLDS | Changes.RESIDENTS]


def test_a_failed_write_reports_nothing(db: Database) -> None:
    services = Services.open(db)
    heard: list[Changes] = []
    feed_of(db).listen(heard.append)
    with pytest.raises(GovdeskError):
        services.households.end(424242, None, "其他")
    assert heard == []


def test_reads_report_nothing_and_feeds_are_per_database(db: Database, tmp_path) -> None:
    other = Database(tmp_path / "other.sqlite3")
    heard: list[Changes] = []
    stop = feed_of(db).listen(heard.append)
    VillageService(other).create_village("别的村")
    VillageService(db).title()
    assert heard == []
    VillageService(db).create_village("本村")
    assert heard == [Changes.VILLAGE]
    stop()
    VillageService(db).update_village(VillageService(db).as_input())
    assert heard == [Changes.VILLAGE]
    other.dispose()


class _Nested:
    """Two declared writes, one calling the other: one report with both kinds."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @writes(Changes.RESIDENTS)
    def inner(self) -> int:
        return 1

    @writes(Changes.HOUSEHOLDS)
    def outer(self) -> int:
        return self.inner() + 1


def test_nested_writes_are_reported_once_as_their_union(db: Database) -> None:
    heard: list[Changes] = []
    feed_of(db).listen(heard.append)
    assert _Nested(db).outer() == 2
    assert heard == [Changes.HOUSEHOLDS | Changes.RESIDENTS]
    assert _Nested.outer.writes == Changes.HOUSEHOLDS  # type: ignore[attr-defined]


def test_every_service_write_declares_its_changes() -> None:
    """The service methods that open a write transaction are the ones that declare changes."""
    import inspect

    from govdesk.services import bundle, decisions_seats

    undeclared = []
    classes = [*inspect.getmembers(bundle, inspect.isclass), ("SeatService", decisions_seats.SeatService)]
    for name, cls in classes:
        if not name.endswith("Service"):
            continue
        for attr, fn in inspect.getmembers(cls, inspect.isfunction):
            if attr.startswith("_") or hasattr(fn, "writes"):
                continue
            if "self.db.transaction()" in inspect.getsource(fn):
                undeclared.append(f"{name}.{attr}")
    assert undeclared == []
