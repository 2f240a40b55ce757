"""``govdesk restore FILE``: replace the database with a checked backup (the current one backed up first).

The current database is not opened through the usual path: it may be the very reason for the
restore (damaged, or refused as from a newer version). See ``govdesk.restore`` for the order of
the checks and why a refused restore changes nothing.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from govdesk.cli.common import db_target
from govdesk.errors import RefusedError
from govdesk.services.backup import restore_summary

if TYPE_CHECKING:
    from govdesk.actor import Actor

log = logging.getLogger("govdesk.cli")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("restore")
    p.add_argument(
        "file", type=Path, metavar="FILE", help="备份文件（.sqlite3），如数据库旁 .backups 文件夹中的自动备份"
    )
    p.set_defaults(handler=run_restore)


def _kept(db_file: Path) -> int:
    """The backups-kept setting of the current database, or the default if it cannot be read."""
    from govdesk.backups import DEFAULT_KEPT
    from govdesk.db import Database
    from govdesk.services.backup import BackupService

    if not db_file.is_file():
        return DEFAULT_KEPT
    try:
        db = Database(db_file, run_migrations=False, create=False)
    except Exception:  # noqa: BLE001 - a damaged or foreign current file: restore it with the default
        return DEFAULT_KEPT
    try:
        return BackupService(db).kept()
    except Exception:  # noqa: BLE001 - an old schema without settings, or unreadable: the default
        return DEFAULT_KEPT
    finally:
        db.dispose()


def _restorer(db_file: Path, login: str | None) -> Actor:
    """Who restores: a 管理员 of the current database when it asks for log-in (``--user``); anyone
    when it has no users, or cannot be opened at all (it may be the very reason for the restore)."""
    from govdesk.actor import Actor, check_write
    from govdesk.cli.common import sign_in
    from govdesk.db import Database
    from govdesk.services.users import UserService

    if not db_file.is_file():
        return Actor.pc_account()
    try:
        db = Database(db_file, run_migrations=False, create=False)
        required = UserService(db).login_required()
    except Exception:  # noqa: BLE001 - a damaged, foreign or older current file: no users to ask
        return Actor.pc_account()
    try:
        if required or login:
            sign_in(db, login)
        check_write(db.actor, admin=True, what="从备份恢复数据库")
        return db.actor
    finally:
        db.dispose()


def run_restore(args: argparse.Namespace) -> int:
    from govdesk.db import Database, to_url
    from govdesk.restore import restore

    url = to_url(db_target(args))
    if url.get_backend_name() != "sqlite" or not url.database:
        raise RefusedError("服务器数据库（PostgreSQL）请用 pg_restore 恢复")
    db_file = Path(url.database)
    actor = _restorer(db_file, getattr(args, "user", None))
    done = restore(db_file, args.file, keep=_kept(db_file))
    restored = Database(db_file, create=False)  # an older backup is brought to the current schema now
    try:
        from govdesk import audit  # recorded in the restored file: who restored it, from what

        restored.actor = actor
        audit.record_event(restored, audit.RESTORED, "database", summary=restore_summary(done.source, done.previous))
    finally:
        restored.dispose()
    print(f"已从备份 {done.source} 恢复数据库 {done.database}")
    if done.previous is not None:
        print(f"恢复前的数据库已备份到 {done.previous}")
    return 0
