"""``govdesk check``: is the database file sound? Exit 1 naming what is wrong."""

from __future__ import annotations

import argparse
import importlib
import logging
from collections.abc import Callable

from govdesk.cli.common import db_target, open_database
from govdesk.db import Database
from govdesk.faults import explain
from govdesk.integrity import database_problems

log = logging.getLogger("govdesk.cli")

# Capabilities add their own checks ("module:function" returning a list of problems).
EXTRA_CHECKS: tuple[str, ...] = (
    "govdesk.people_search:check_search_index",
    "govdesk.services.printing:check_archive",
    "govdesk.roster.checks:roster_problems",
    "govdesk.decisions.audit:check_decision_log",
    "govdesk.posts.checks:posts_problems",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check")
    p.add_argument("--schedule", action="store_true", help="报告各支部、党小组的三会一课是否按期召开（不检查数据库）")
    p.set_defaults(handler=run_check)


def all_problems(db: Database) -> list[str]:
    problems = database_problems(db)
    for spec in EXTRA_CHECKS:
        module, _, fn = spec.partition(":")
        check: Callable[[Database], list[str]] = getattr(importlib.import_module(module), fn)
        problems.extend(check(db))
    return problems


def run_check(args: argparse.Namespace) -> int:
    """A file that cannot even be opened or read (not a database, damaged) is reported, not raised."""
    try:
        db = open_database(args)
    except Exception as exc:  # noqa: BLE001 - expected faults are reported below, bugs re-raised
        _report_unreadable(exc, str(db_target(args)))
        return 1
    if getattr(args, "schedule", False):
        try:
            return _report_schedule(db)
        finally:
            db.dispose()
    try:
        problems = all_problems(db)
    except Exception as exc:  # noqa: BLE001 - as above: a damaged page found while checking
        _report_unreadable(exc, db.describe())
        return 1
    finally:
        db.dispose()
    if problems:
        print(f"检查未通过：{db.describe()}")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"检查通过：{db.describe()}")
    return 0


def _report_schedule(db: Database) -> int:
    """``govdesk check --schedule``: the meetings behind schedule, as a report (exit 0)."""
    from govdesk.services.meetings_query import MeetingQueries

    queries = MeetingQueries(db)
    warnings = queries.schedule_warnings()
    print(f"三会一课按期召开情况（{queries.today().isoformat()}）：{db.describe()}")
    if not warnings:
        print("  各支部、党小组均按期召开" if queries.years_recorded() else "  尚未登记任何会议")
    for w in warnings:
        print(f"  - {w.text}")
    return 0


def _report_unreadable(exc: Exception, where: str) -> None:
    message = explain(exc, where)
    if message is None:
        raise exc
    log.warning("check failed: %s", message, exc_info=exc)
    print(f"检查未通过：{where}")
    print(f"  - {message}")
