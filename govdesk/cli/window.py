"""``govdesk`` with no subcommand opens the window."""

from __future__ import annotations

import argparse

from govdesk.cli.common import open_database


def register(sub: argparse._SubParsersAction) -> None:  # noqa: SLF001 - argparse's own type
    p = sub.add_parser("window")
    p.set_defaults(handler=open_window)


def open_window(args: argparse.Namespace) -> int:
    # The database first, Qt second: PySide6 looks at the source of every module imported after
    # it (its __feature__ import hook), which adds about 0.1 s of CPU over SQLAlchemy's modules.
    db = open_database(args)
    from ui.app import run  # Qt is imported only when a window is really wanted

    return run(db)
