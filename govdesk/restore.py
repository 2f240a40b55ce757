"""Restoring a database file from a backup — checked first, never leaving a half state.

Order matters, so that a refused restore leaves the current file byte-for-byte as it was:

1. The backup is copied to ``<db>.restoring`` beside the database (the backup itself is never
   opened for writing) and that copy is checked: ``PRAGMA integrity_check``, govdesk's schema,
   a revision this code knows (a backup from a newer govdesk is refused: this program could
   not read it). Anything wrong → ``RefusedError`` in Chinese, the copy removed, nothing else
   touched.
2. The current database is backed up (``before-restore`` in its backups folder); a damaged
   current file is kept as a byte copy, since it cannot be read.
3. The checked copy replaces the current contents. A readable current database is overwritten
   through SQLite's backup API in ONE step: a single write transaction of the live database, so
   its WAL, its lock and any other open connection see the old database or the new one, never a
   mix, and a power cut rolls it back. A missing or unreadable current file is replaced by
   renaming the checked copy over it after its stale ``-wal``/``-shm`` files are removed (they
   belong to the old file and would be replayed into the new one).

The caller closes its own connections first (the window disposes its engine and reopens its
services afterwards); the restored file is migrated to the current schema when next opened.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from govdesk.backups import BEFORE_RESTORE, DEFAULT_KEPT, backup_target, copy_database, copy_file_as_is, rotate
from govdesk.db import busy_timeout_ms, code_revisions
from govdesk.errors import NotFoundError, RefusedError
from govdesk.faults import IN_USE, NEWER

log = logging.getLogger("govdesk.restore")


@dataclass(frozen=True)
class Restored:
    database: Path
    source: Path
    previous: Path | None  # the backup of the database as it was before (None: there was none)
    revision: str  # the schema revision the restored file is at


def check_backup(path: Path, name: str = "") -> str:
    """The schema revision of a usable govdesk backup at ``path``, or ``RefusedError`` saying why.

    ``path`` is opened for reading only in spirit: call it on a copy (``restore`` does), since
    SQLite may write a WAL file beside any database it opens); ``name`` is what messages call it."""
    name = name or path.name
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise RefusedError(f"无法打开备份文件 {name}（{exc}）") from exc
    try:
        try:
            rows = conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc).lower():
                raise RefusedError(f"备份文件 {name} 不是 govdesk 数据库（请选择 .sqlite3 备份文件）") from exc
            raise RefusedError(f"备份文件 {name} 已损坏（无法读取），不能用来恢复；请换一个备份") from exc
        if rows != [("ok",)]:
            raise RefusedError(f"备份文件 {name} 已损坏（完整性检查未通过），不能用来恢复；请换一个备份")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "alembic_version" not in tables:
            raise RefusedError(f"备份文件 {name} 不是 govdesk 数据库（其中没有 govdesk 的表）")
        revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
    finally:
        conn.close()
    unknown = revisions - code_revisions()
    if unknown:
        raise RefusedError(f"{NEWER}（备份文件 {name} 由更新版本的 govdesk 生成，版本 {'、'.join(sorted(unknown))}）")
    if not revisions:
        raise RefusedError(f"备份文件 {name} 不是完整的 govdesk 数据库（没有版本记录）")
    return "、".join(sorted(revisions))


def _sidecars(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _readable(db_file: Path) -> bool:
    """Can SQLite read this file as a database (so the backup API can write into it)?"""
    try:
        conn = sqlite3.connect(db_file, timeout=busy_timeout_ms() / 1000)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return True
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def restore(db_file: Path, backup: Path, *, keep: int = DEFAULT_KEPT, now: datetime | None = None) -> Restored:
    """Replace ``db_file`` with the checked contents of ``backup`` (see the module doc)."""
    backup = backup.expanduser()
    if not backup.exists():
        raise NotFoundError(f"找不到备份文件 {backup}")
    if backup.is_dir():
        raise RefusedError(f"“{backup}”是一个文件夹，请选择其中的 .sqlite3 备份文件")
    if backup.stat().st_size == 0:
        raise RefusedError(f"备份文件 {backup.name} 是空的（0 字节），不能用来恢复")
    if db_file.exists() and backup.resolve() == db_file.resolve():
        raise RefusedError("不能用数据库文件自己来恢复它；请选择备份文件")
    db_file.parent.mkdir(parents=True, exist_ok=True)
    staged = db_file.with_name(db_file.name + ".restoring")
    try:
        for leftover in (staged, *_sidecars(staged)):
            leftover.unlink(missing_ok=True)
        shutil.copyfile(backup, staged)
        revision = check_backup(staged, backup.name)
        previous = _keep_current(db_file, keep, now or datetime.now())
        _replace(db_file, staged)
    finally:
        for leftover in (staged, *_sidecars(staged)):
            leftover.unlink(missing_ok=True)
    log.info("restored %s from %s (previous kept as %s)", db_file, backup, previous)
    return Restored(database=db_file, source=backup, previous=previous, revision=revision)


def _keep_current(db_file: Path, keep: int, now: datetime) -> Path | None:
    """Back up the database as it is now (a byte copy if SQLite cannot read it)."""
    if not db_file.is_file() or db_file.stat().st_size == 0:
        return None
    target = backup_target(db_file, BEFORE_RESTORE, now)
    try:
        copy_database(db_file, target)
    except sqlite3.DatabaseError as exc:
        if _busy(exc):
            raise RefusedError(IN_USE) from exc
        copy_file_as_is(db_file, target)
    rotate(db_file, keep)
    return target


def _busy(exc: sqlite3.Error) -> bool:
    return "locked" in str(exc).lower() or "busy" in str(exc).lower()


def _replace(db_file: Path, staged: Path) -> None:
    if db_file.is_file() and db_file.stat().st_size > 0 and _readable(db_file):
        src = sqlite3.connect(staged)
        try:
            dst = sqlite3.connect(db_file, timeout=busy_timeout_ms() / 1000)
            try:
                src.backup(dst)  # pages=-1: every page in one step, one write transaction
                dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            except sqlite3.OperationalError as exc:
                if _busy(exc):
                    raise RefusedError(IN_USE) from exc
                raise
            finally:
                dst.close()
        finally:
            src.close()
        return
    # Missing or unreadable: nothing can be overwritten page by page; rename the checked copy over it.
    with sqlite3.connect(staged) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    for sidecar in _sidecars(db_file):
        sidecar.unlink(missing_ok=True)
    with staged.open("rb+") as f:
        os.fsync(f.fileno())
    os.replace(staged, db_file)
