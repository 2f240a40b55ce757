"""``govdesk backup``: a consistent copy of the database file, safe while the window is open."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

from govdesk import paths
from govdesk.cli.common import open_database
from govdesk.db import backup_sqlite, sqlite_file
from govdesk.errors import RefusedError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份数据库（可在窗口打开时进行）")
    p.add_argument("--out", type=Path, help="备份文件路径（默认：数据目录下的 backups 文件夹）")
    p.set_defaults(handler=run_backup)


def default_backup_file(db_file: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return paths.backup_dir() / f"{db_file.stem}-{stamp}.sqlite3"


def run_backup(args: argparse.Namespace) -> int:
    db = open_database(args)
    source = sqlite_file(db.engine)
    if source is None:
        raise RefusedError("服务器数据库（PostgreSQL）请用 pg_dump 备份")
    dest: Path = args.out or default_backup_file(source)
    if dest.exists():
        raise RefusedError(f"备份文件 {dest} 已存在，未覆盖")
    backup_sqlite(db.engine, dest)
    print(f"已备份到 {dest}")
    return 0
