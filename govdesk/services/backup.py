"""Backups of the database file, shared by ``govdesk backup`` / ``restore`` and the window's 文件 menu.

Automatic backups (the first start of each day, before a migration, before a restore) go to the
database's own backups folder (``govdesk.backups``) and only the newest ``BACKUPS_KEPT`` stay;
a backup the clerk asks for goes where they choose and is never rotated away.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path

from govdesk import paths
from govdesk.backups import backups_folder, daily_backup
from govdesk.changes import Changes, writes
from govdesk.db import Database, backup_sqlite, sqlite_file
from govdesk.errors import RefusedError
from govdesk.services.settings import SettingSpec, SettingsService, declare

log = logging.getLogger("govdesk.backup")

BACKUPS_KEPT = declare(SettingSpec("backups.kept", "保留的自动备份份数", 30, minimum=1, maximum=1000))


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

    def kept(self) -> int:
        return int(SettingsService(self.db).get(BACKUPS_KEPT))

    def daily(self, now: datetime | None = None) -> Path | None:
        """The first start of the day backs the database up (a file that existed before this open
        only: a new database has nothing to lose). Returns the backup made, if any."""
        source = sqlite_file(self.db.engine)
        if source is None or not getattr(self.db, "existed", True):
            return None
        return daily_backup(source, keep=self.kept(), now=now)

    def backups_folder(self) -> Path:
        """Where the automatic backups of this database are (the window's 恢复备份 starts there)."""
        return backups_folder(self._source())

    @writes(Changes.everything())
    def restore_from(self, backup: Path, now: datetime | None = None) -> Path | None:
        """Restore this database from ``backup`` (checked first; the current file is backed up).

        This database's pooled connections are closed first and reopen on the restored file when
        next used; an older backup is migrated to the current schema before this returns, so the
        services of the window go on working, and every area refreshes (everything changed).
        Returns the backup of the database as it was."""
        from govdesk.restore import restore

        source = self._source()
        keep = self.kept()
        self.db.dispose()
        previous = restore(source, backup, keep=keep, now=now).previous
        Database(source, create=False).dispose()  # migrated (after its own backup) if older
        self.db.dispose()
        from govdesk import audit  # recorded in the restored file: who restored it, from what

        audit.record_event(
            self.db,
            audit.RESTORED,
            "database",
            summary=f"从备份 {backup.name} 恢复（恢复前的数据库已备份为 {previous.name if previous else '—'}）",
        )
        return previous

    def storage_warning(self) -> str | None:
        """SQLite's advice: not on a network share or a removable drive (said, not refused)."""
        from govdesk.storage import storage_warning

        source = sqlite_file(self.db.engine)
        return storage_warning(source) if source is not None else None

    def _source(self) -> Path:
        source = sqlite_file(self.db.engine)
        if source is None:
            raise RefusedError("服务器数据库（PostgreSQL）请用 pg_dump 备份")
        return source


def restore_summary(backup: Path, previous: Path | None) -> str:
    """The audit's line for a restore (the window's and the CLI's alike)."""
    before = f"，恢复前的数据库已备份为 {previous.name}" if previous is not None else ""
    return f"从备份 {backup.name} 恢复数据库{before}"


def start_of_day(db: Database) -> list[str]:
    """What a command does when it opens a database: the day's first automatic backup, and SQLite's
    warning about network shares and removable drives (the window does the same, the backup in the
    background: MainWindow.back_up_for_the_day). Returns the warnings to show; a backup that
    cannot be made is one of them, not a refusal of the work."""
    from govdesk.faults import explain

    service = BackupService(db)
    warnings = []
    try:
        service.daily()
    except Exception as exc:  # noqa: BLE001 - a failed backup is said; the clerk's work goes on
        reason = explain(exc)
        if reason is None:
            raise
        warnings.append(f"今天的自动备份没有做成：{reason}")
    storage = service.storage_warning()
    if storage:
        warnings.append(storage)
    return warnings
