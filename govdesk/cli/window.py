"""``govdesk`` with no subcommand opens the window."""

from __future__ import annotations

import argparse

from govdesk.cli.common import db_target


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001 - argparse's own type
    p = sub.add_parser("window")
    p.set_defaults(handler=open_window)


def open_window(args: argparse.Namespace) -> int:
    # The window paints first and opens the database after its first paint (ui/app.py), so
    # neither SQLAlchemy nor the models are imported here: only the target is passed on.
    from ui.app import run  # Qt is imported only when a window is really wanted

    return run(db_target(args))
