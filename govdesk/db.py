"""One engine and session factory for the whole program.

Every SQLite connection gets the same pragmas (foreign keys on, WAL, synchronous=FULL,
a busy timeout) because the clerk's PC may lose power at any time and a second copy of
the program may be open. Migrations run at start-up, after a backup copy made with the
SQLite backup API whenever the schema is about to change.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from govdesk import paths

log = logging.getLogger("govdesk.db")

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def to_url(target: str | Path | None) -> URL:
    """Accept a file path or a SQLAlchemy URL (``--db``); ``None`` means the default file."""
    if target is None:
        target = paths.default_db_path()
    text = str(target)
    if "://" in text:
        return make_url(text)
    path = Path(text).expanduser().resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    return URL.create("sqlite+pysqlite", database=str(path))


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(target: str | Path | URL | None) -> Engine:
    url = target if isinstance(target, URL) else to_url(target)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def sqlite_file(engine: Engine) -> Path | None:
    """The database file behind an engine, or ``None`` for a server database."""
    if engine.url.get_backend_name() != "sqlite" or not engine.url.database:
        return None
    if engine.url.database == ":memory:":
        return None
    return Path(engine.url.database)


def backup_sqlite(engine: Engine, dest: Path) -> Path:
    """Copy the live database with the SQLite backup API (consistent even while in use)."""
    src_path = sqlite_file(engine)
    if src_path is None:
        raise ValueError("只有 SQLite 数据库可以用这种方式备份")
    dest.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(src_path)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return dest


def _alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def schema_is_current(engine: Engine) -> bool:
    script = ScriptDirectory.from_config(_alembic_config(engine))
    with engine.connect() as conn:
        current = set(MigrationContext.configure(conn).get_current_heads())
    return current == set(script.get_heads())


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to head. Returns the backup file made first, if any."""
    if schema_is_current(engine):
        return None
    backup: Path | None = None
    db_file = sqlite_file(engine)
    if db_file is not None and db_file.exists() and db_file.stat().st_size > 0:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup = backup_sqlite(engine, paths.backup_dir() / f"{db_file.stem}-before-migration-{stamp}.sqlite3")
        log.info("schema will change; backup written to %s", backup)
    command.upgrade(_alembic_config(engine), "heads")
    log.info("schema upgraded to head")
    return backup


class Database:
    """The one engine/session factory. Services receive it and open short sessions."""

    def __init__(self, target: str | Path | URL | None = None, *, run_migrations: bool = True) -> None:
        self.engine = make_engine(target)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.last_backup: Path | None = migrate(self.engine) if run_migrations else None

    @property
    def url(self) -> URL:
        return self.engine.url

    def describe(self) -> str:
        path = sqlite_file(self.engine)
        return str(path) if path else self.engine.url.render_as_string(hide_password=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; nothing is committed."""
        with self._sessions() as s:
            yield s

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write session: committed if the block ends normally, rolled back otherwise."""
        with self._sessions() as s, s.begin():
            yield s

    def dispose(self) -> None:
        self.engine.dispose()
