"""Helpers shared by subcommands: opening the database named by ``--db``; a print's ``--out`` file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from govdesk import paths

if TYPE_CHECKING:
    from govdesk.db import Database
    from govdesk.printing.templates import BuildInfo
    from govdesk.services.printing import ArchiveEntry


def db_target(args: argparse.Namespace) -> str | Path:
    return args.db if getattr(args, "db", None) else paths.default_db_path()


def open_database(args: argparse.Namespace) -> Database:
    """The database named by ``--db`` (or the default file), migrated to the current schema.

    Only a subcommand marked ``creates_database`` (see ``govdesk.cli.SUBCOMMANDS``) may make a new
    one; the others refuse a missing or empty file, naming it, and create nothing."""
    from govdesk.db import Database  # not for the window, which opens it after its first paint

    db = Database(db_target(args), create=bool(getattr(args, "creates_database", False)))
    from govdesk.services.backup import start_of_day

    for warning in start_of_day(db):
        print(f"govdesk: 注意：{warning}", file=sys.stderr)
    return db



def add_pdf_out(parser: argparse.ArgumentParser) -> None:
    """The ``--out FILE.pdf`` every print command takes."""
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="输出的 PDF 文件")


def save_print(db: Database, info: BuildInfo, out: Path, archive_kind: str) -> ArchiveEntry | None:
    """Save a built print to ``out`` with its archive row as one unit (``PrintService.publish``: no
    public PDF without its row), and say which edition it is.

    Returns the archive entry, or None for an internal copy, which is never archived.
    """
    from govdesk.services.printing import PrintService  # reportlab and the archive only when printing

    entry = PrintService(db).publish(info, out, kind=archive_kind)
    edition = "内部版（内部资料）" if info.internal else "公开版"
    print(f"已生成{edition}《{info.title}》：{out}，共 {info.pages} 页")
    return entry
