"""Helpers shared by subcommands: opening the database named by ``--db``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from govdesk import paths

if TYPE_CHECKING:
    from govdesk.db import Database


def db_target(args: argparse.Namespace) -> str | Path:
    return args.db if getattr(args, "db", None) else paths.default_db_path()


def open_database(args: argparse.Namespace) -> Database:
    """The database named by ``--db`` (or the default file), migrated to the current schema.

    Only a subcommand marked ``creates_database`` (see ``govdesk.cli.SUBCOMMANDS``) may make a new
    one; the others refuse a missing or empty file, naming it, and create nothing."""
    from govdesk.db import Database  # not for the window, which opens it after its first paint

    return Database(db_target(args), create=bool(getattr(args, "creates_database", False)))
