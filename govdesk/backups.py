"""Automatic backups of a database file, kept beside it: ``<name>.backups/`` next to ``<name>.sqlite3``.

Why beside the file and not in the user's data folder: a clerk who copies the register's folder
to a USB stick (or whose ``--db`` names another file) takes its backups along, and a restore looks
for them where the database is. Three moments make one automatically — the first start of each
day, before every schema migration and before every restore — and only the newest N (a setting)
are kept. A copy is made with SQLite's backup API, consistent even while the window is open.

File names sort by time: ``govdesk-20261130-081502-daily.sqlite3``. Only files of this pattern
are ever rotated away; anything else a clerk puts in the folder stays.
"""

from __future__ import annotations

import logging
import re
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

log = logging.getLogger("govdesk.backups")

DAILY = "daily"
BEFORE_MIGRATION = "before-migration"
BEFORE_RESTORE = "before-restore"
REASONS = (DAILY, BEFORE_MIGRATION, BEFORE_RESTORE)
DEFAULT_KEPT = 30
SUFFIX = ".sqlite3"


def backups_folder(db_file: Path) -> Path:
    """The backups folder of a database file: ``<stem>.backups`` in the file's own folder."""
    return db_file.with_name(f"{db_file.stem}.backups")


def _pattern(db_file: Path) -> re.Pattern[str]:
    reasons = "|".join(map(re.escape, REASONS))
    return re.compile(rf"{re.escape(db_file.stem)}-(\d{{8}})-(\d{{6}})-({reasons})(?:-(\d+))?{re.escape(SUFFIX)}")


def automatic_backups(db_file: Path) -> list[Path]:
    """The automatic backups of ``db_file``, oldest first."""
    folder = backups_folder(db_file)
    if not folder.is_dir():
        return []
    pattern = _pattern(db_file)
    found = []
    for path in folder.iterdir():
        m = pattern.fullmatch(path.name)
        if m and path.is_file():
            found.append(((m[1], m[2], int(m[4] or 1)), path))
    return [path for _key, path in sorted(found)]


def backup_target(db_file: Path, reason: str, now: datetime) -> Path:
    """A new, unused name in the backups folder (a second backup in the same second gets -2)."""
    folder = backups_folder(db_file)
    base = f"{db_file.stem}-{now:%Y%m%d-%H%M%S}-{reason}"
    target = folder / f"{base}{SUFFIX}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{base}-{n}{SUFFIX}"
    return target


def copy_database(source: Path, dest: Path) -> Path:
    """Copy a live database with the SQLite backup API (consistent even while in use), or fail."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")
    if not source.is_file():
        raise FileNotFoundError(2, "No such file", str(source))  # connect() would make an empty one
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(part)
        try:
            src.backup(dst)
        finally:
            dst.close()
        part.replace(dest)  # a backup is whole or not there
    finally:
        src.close()
        part.unlink(missing_ok=True)
    return dest


def copy_file_as_is(source: Path, dest: Path) -> Path:
    """A byte copy of a database SQLite cannot read (damaged), with its WAL file if it has one:
    kept before a restore replaces it, in case something in it can still be saved."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)
    wal = source.with_name(source.name + "-wal")
    if wal.exists():
        shutil.copyfile(wal, dest.with_name(dest.name + "-wal"))
    return dest


def make_backup(db_file: Path, reason: str, *, keep: int = DEFAULT_KEPT, now: datetime | None = None) -> Path:
    """An automatic backup of ``db_file`` for ``reason``; then only the newest ``keep`` are kept."""
    target = copy_database(db_file, backup_target(db_file, reason, now or datetime.now()))
    log.info("backup (%s) written to %s", reason, target)
    rotate(db_file, keep)
    return target


def rotate(db_file: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` automatic backups; returns the deleted ones."""
    old = automatic_backups(db_file)[: -max(1, keep)]
    for path in old:
        path.unlink(missing_ok=True)
        path.with_name(path.name + "-wal").unlink(missing_ok=True)
    if old:
        log.info("rotated away %d old backups", len(old))
    return old


def has_backup_of_day(db_file: Path, day: datetime) -> bool:
    stamp = f"{day:%Y%m%d}"
    pattern = _pattern(db_file)
    return any((m := pattern.fullmatch(p.name)) and m[1] == stamp for p in automatic_backups(db_file))


def daily_backup(db_file: Path, *, keep: int = DEFAULT_KEPT, now: datetime | None = None) -> Path | None:
    """The first start of a day backs the file up (any automatic backup made today counts)."""
    now = now or datetime.now()
    if not db_file.is_file() or db_file.stat().st_size == 0 or has_backup_of_day(db_file, now):
        return None
    return make_backup(db_file, DAILY, keep=keep, now=now)
