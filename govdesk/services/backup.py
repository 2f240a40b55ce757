"""Backups of the database file, shared by ``govdesk backup`` and the window's 文件 → 备份数据库."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from govdesk import paths
from govdesk.db import Database, backup_sqlite, sqlite_file
from govdesk.errors import RefusedError


class BackupService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def suggested_file(self) -> Path:
        """backups/<name>-YYYYmmdd-HHMMSS.sqlite3 in the data folder."""
        source = self._source()
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        return paths.backup_dir() / f"{source.stem}-{stamp}.sqlite3"

    def backup_to(self, dest: Path | None = None) -> Path:
        """A consistent copy (SQLite backup API), safe while the window is open; never overwrites."""
        target = dest or self.suggested_file()
        if target.exists():
            raise RefusedError(f"备份文件 {target} 已存在，未覆盖")
        source = self._source()
        if target.resolve() == source.resolve():
            raise RefusedError("不能把数据库备份到它自己")
        return backup_sqlite(self.db.engine, target)

    def _source(self) -> Path:
        source = sqlite_file(self.db.engine)
        if source is None:
            raise RefusedError("服务器数据库（PostgreSQL）请用 pg_dump 备份")
        return source
