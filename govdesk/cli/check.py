"""``govdesk check``: is the database file sound? Exit 1 naming what is wrong."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Callable

from govdesk.cli.common import open_database
from govdesk.db import Database
from govdesk.integrity import database_problems

# Capabilities add their own checks ("module:function" returning a list of problems).
EXTRA_CHECKS: tuple[str, ...] = (
    "govdesk.people_search:check_search_index",
    "govdesk.services.printing:check_archive",
    "govdesk.roster.checks:roster_problems",
    "govdesk.decisions.audit:check_decision_log",
)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("check")
    p.set_defaults(handler=run_check)


def all_problems(db: Database) -> list[str]:
    problems = database_problems(db)
    for spec in EXTRA_CHECKS:
        module, _, fn = spec.partition(":")
        check: Callable[[Database], list[str]] = getattr(importlib.import_module(module), fn)
        problems.extend(check(db))
    return problems


def run_check(args: argparse.Namespace) -> int:
    db = open_database(args)
    problems = all_problems(db)
    if problems:
        print(f"检查未通过：{db.describe()}")
        for p in problems:
            print(f"  - {p}")
        return 1
    print(f"检查通过：{db.describe()}")
    return 0
