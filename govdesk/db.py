"""One engine and session factory for the whole program.

Every SQLite connection gets the same pragmas (foreign keys on, WAL, synchronous=FULL,
a busy timeout) because the clerk's PC may lose power at any time and a second copy of
the program may be open. Migrations run at start-up, after a backup copy made with the
SQLite backup API whenever the schema is about to change.
"""

from __future__ import annotations

import ast
import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, event, exc, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from govdesk import paths

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("govdesk.db")

BUSY_TIMEOUT_MS = 10_000
MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSIONS_DIR = MIGRATIONS_DIR / "versions"


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
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def _revision_ids(value: ast.expr | None) -> tuple[str, ...]:
    """The revision ids of a ``revision``/``down_revision`` value: None, a string or a tuple of strings."""
    if value is None:
        return ()
    found = ast.literal_eval(value)
    if found is None:
        return ()
    return (found,) if isinstance(found, str) else tuple(found)


def code_heads(versions_dir: Path = VERSIONS_DIR) -> frozenset[str]:
    """The head revisions of the migrations shipped with this code, read from the migration files.

    Each file's module-level ``revision`` and ``down_revision`` are read with ``ast`` (the files
    are not executed); a head is a revision no other revision goes down to. Reading them this way
    instead of through Alembic's ScriptDirectory keeps Alembic (and Mako) out of every start on an
    up-to-date database; a test checks this reading against Alembic's own.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions_dir.glob("*.py"):
        values: dict[str, ast.expr] = {}
        for node in ast.parse(path.read_bytes(), filename=str(path)).body:
            if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                        values[target.id] = node.value
        revisions.update(_revision_ids(values.get("revision")))
        parents.update(_revision_ids(values.get("down_revision")))
    return frozenset(revisions - parents)


def stored_heads(engine: Engine) -> frozenset[str]:
    """The revisions the database says it is at (empty for a new database): one plain query."""
    with engine.connect() as conn:
        try:
            return frozenset(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
        except exc.DBAPIError:
            conn.rollback()
            if inspect(conn).has_table("alembic_version"):
                raise  # the table is there but unreadable (a damaged or locked file): say so
            return frozenset()  # a new database: nothing has been migrated yet


def schema_is_current(engine: Engine) -> bool:
    return stored_heads(engine) == code_heads()


def migrate(engine: Engine) -> Path | None:
    """Bring the schema to head. Returns the backup file made first, if any.

    Alembic is imported only when the stored revision differs from the code's head.
    """
    if schema_is_current(engine):
        return None
    from alembic import command

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
