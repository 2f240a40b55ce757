"""``govdesk backup``: a consistent copy of the database file, safe while the window is open."""

from __future__ import annotations

import argparse
from pathlib import Path

from govdesk.cli.common import open_database
from govdesk.services.backup import BackupService


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup")
    p.add_argument("--out", type=Path, help="备份文件路径（默认：数据目录下的 backups 文件夹）")
    p.set_defaults(handler=run_backup)


def run_backup(args: argparse.Namespace) -> int:
    dest = BackupService(open_database(args)).backup_to(args.out)
    print(f"已备份到 {dest}")
    return 0
