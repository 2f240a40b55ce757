"""One engine and session factory for the whole program.

Every SQLite connection gets the same pragmas (foreign keys on, WAL, synchronous=FULL,
a busy timeout) because the clerk's PC may lose power at any time and a second copy of
the program may be open. Migrations run at start-up, after a backup copy made with the
SQLite backup API whenever the schema is about to change.

Writers never race: SQLAlchemy's pysqlite recipe (the driver's own transaction handling off,
``BEGIN`` emitted in the "begin" event) lets a write transaction (``Database.transaction()``,
``Database.write_connection()``) begin ``IMMEDIATE`` — it takes the write lock before its first
read, so the reads that decide a write (the next id, "is this ID number registered?") see what
another process committed, and a second writer waits (the busy timeout) instead of failing half
way. Reads (``Database.session()``) stay deferred and never wait for a writer (WAL).
"""

from __future__ import annotations

import ast
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, exc, inspect, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.orm import Session, sessionmaker

from govdesk import paths
from govdesk.actor import Actor
from govdesk.errors import NotFoundError, RefusedError

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger("govdesk.db")

BUSY_TIMEOUT_MS = 10_000
BUSY_TIMEOUT_ENV = "GOVDESK_BUSY_TIMEOUT_MS"  # tests (and a slow network share) may set their own
# Execution option read by the "begin" event: how a transaction begins on SQLite.
# "DEFERRED" (reads, the default), "IMMEDIATE" (writes), "" (the caller issues BEGIN itself: migrations).
SQLITE_BEGIN = "govdesk_sqlite_begin"
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
    return URL.create("sqlite+pysqlite", database=str(path))


def busy_timeout_ms() -> int:
    """How long a writer waits for another one before giving up ("in use"): 10 s unless set."""
    try:
        return max(0, int(os.environ.get(BUSY_TIMEOUT_ENV, "")))
    except ValueError:
        return BUSY_TIMEOUT_MS


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy's recipe: transactions begin in _begin_sqlite
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA temp_store=MEMORY")  # sorts and temporary tables (an import's key join) not in %TEMP%
    cur.execute(f"PRAGMA busy_timeout={busy_timeout_ms()}")
    cur.close()


def _begin_sqlite(conn: Connection) -> None:
    """Every transaction begins explicitly; a write transaction begins IMMEDIATE (see module doc)."""
    mode = conn.get_execution_options().get(SQLITE_BEGIN, "DEFERRED")
    if mode:
        conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(target: str | Path | URL | None) -> Engine:
    url = target if isinstance(target, URL) else to_url(target)
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": busy_timeout_ms() / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "begin", _begin_sqlite)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def sqlite_file(engine: Engine) -> Path | None:
    """The database file behind an engine, or ``None`` for a server database."""
    return _sqlite_path(engine.url)


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    name = url.database
    if url.query.get("uri") and name.startswith("file:"):  # sqlite:///file:PATH?mode=ro&uri=true
        name = name.removeprefix("file:").partition("?")[0]
    return Path(name)


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
    cfg.attributes["engine"] = engine.execution_options(**{SQLITE_BEGIN: ""})  # env.py begins itself
    return cfg


def _revision_ids(value: ast.expr | None) -> tuple[str, ...]:
    """The revision ids of a ``revision``/``down_revision`` value: None, a string or a tuple of strings."""
    if value is None:
        return ()
    found = ast.literal_eval(value)
    if found is None:
        return ()
    return (found,) if isinstance(found, str) else tuple(found)


def _revision_graph(versions_dir: Path) -> tuple[set[str], set[str]]:
    """(every revision, every revision some other one goes down to) of the shipped migrations."""
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
    return revisions, parents


def code_heads(versions_dir: Path = VERSIONS_DIR) -> frozenset[str]:
    """The head revisions of the migrations shipped with this code, read from the migration files.

    Each file's module-level ``revision`` and ``down_revision`` are read with ``ast`` (the files
    are not executed); a head is a revision no other revision goes down to. Reading them this way
    instead of through Alembic's ScriptDirectory keeps Alembic (and Mako) out of every start on an
    up-to-date database; a test checks this reading against Alembic's own.
    """
    revisions, parents = _revision_graph(versions_dir)
    return frozenset(revisions - parents)


def code_revisions(versions_dir: Path = VERSIONS_DIR) -> frozenset[str]:
    """Every revision this code knows; a database at any other one was made by a newer govdesk."""
    return frozenset(_revision_graph(versions_dir)[0])


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


def table_names(engine: Engine) -> set[str]:
    """The tables in the database (a new database holds none)."""
    if engine.url.get_backend_name() != "sqlite":
        return set(inspect(engine).get_table_names())
    with engine.connect() as conn:
        return set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())


def backups_beside(db_file: Path) -> Path:
    """The backups folder of a database file (``govdesk.backups.backups_folder``)."""
    from govdesk.backups import backups_folder

    return backups_folder(db_file)


def migrate(engine: Engine, *, create: bool = True) -> Path | None:
    """Bring the schema to head. Returns the backup file made first, if any.

    A database at a revision this code does not know (made by a newer govdesk) is refused
    unchanged. A file without govdesk's schema is set up only if it is empty and ``create``
    (a file holding other tables is not a govdesk database and stays untouched); a brand-new
    database gets no backup. Alembic is imported only when the stored revision differs from the
    code's head.
    """
    stored = stored_heads(engine)
    if stored == code_heads():
        return None
    where = describe_engine(engine)
    unknown = stored - code_revisions()
    if unknown:
        newer = "、".join(sorted(unknown))
        raise RefusedError(f"这个数据库来自更新版本的 govdesk，请先升级程序（{where}，版本 {newer}）")
    tables = table_names(engine) if not stored else {"alembic_version"}
    if tables and "alembic_version" not in tables:
        raise RefusedError(f"文件不是 govdesk 数据库：{where}（其中是别的程序的表，未做任何修改）")
    if not tables and not create:
        raise NotFoundError(f"数据库是空的：{where}（不是 govdesk 数据库；请检查 --db 是否写错）")
    from alembic import command

    backup: Path | None = None
    db_file = sqlite_file(engine)
    if db_file is not None and tables:  # a brand-new database has nothing to lose
        from govdesk.backups import BEFORE_MIGRATION, make_backup

        backup = make_backup(db_file, BEFORE_MIGRATION)
        log.info("schema will change; backup written to %s", backup)
    command.upgrade(_alembic_config(engine), "heads")
    log.info("schema upgraded to head")
    return backup


def describe_engine(engine: Engine) -> str:
    path = sqlite_file(engine)
    return str(path) if path else engine.url.render_as_string(hide_password=True)


class Database:
    """The one engine/session factory. Services receive it and open short sessions."""

    def __init__(
        self, target: str | Path | URL | None = None, *, run_migrations: bool = True, create: bool = True
    ) -> None:
        """Open (and migrate) a database. ``create=False``: a missing or empty file is refused, named,
        and nothing is made — only the window's first start, ``village`` and ``demo`` create."""
        url = target if isinstance(target, URL) else to_url(target)
        db_file = _sqlite_path(url)
        if db_file is not None:
            if not create and not db_file.exists():
                raise NotFoundError(
                    f"找不到数据库文件：{db_file}"
                    "（请检查 --db 是否写错；新的数据库请先打开窗口或运行 govdesk village 建立）"
                )
            if not create and db_file.is_file() and db_file.stat().st_size == 0:
                raise NotFoundError(f"数据库文件是空的：{db_file}（不是 govdesk 数据库；请检查 --db 是否写错）")
            db_file.parent.mkdir(parents=True, exist_ok=True)
        # A file that held something before this open: only such a file gets a daily backup.
        self.existed = db_file is not None and db_file.is_file() and db_file.stat().st_size > 0
        self.engine = make_engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = self.engine.execution_options(**{SQLITE_BEGIN: "IMMEDIATE"})
        self._write_sessions = sessionmaker(self._writer, expire_on_commit=False)
        self._writing = threading.local()
        # Who is acting (govdesk.actor): the PC's account until someone logs in. Every write through
        # transaction() / write_connection() is audited for this actor in its own transaction.
        self.actor: Actor = Actor.pc_account()
        from govdesk import audit  # the models: only once a database is really opened

        audit.watch_sessions(self._write_sessions, lambda: self.actor)
        audit.watch_engine(self.engine)
        try:
            self.last_backup: Path | None = migrate(self.engine, create=create) if run_migrations else None
        except BaseException:
            self.engine.dispose()
            raise

    @property
    def url(self) -> URL:
        return self.engine.url

    def describe(self) -> str:
        return describe_engine(self.engine)

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; nothing is committed. Deferred: it never waits for a writer."""
        with self._sessions() as s:
            yield s

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A write session: committed if the block ends normally, rolled back otherwise.

        It begins IMMEDIATE on SQLite: its reads already hold the write lock (see module doc). A
        second write transaction opened inside it on the same thread would wait for that lock —
        for itself — so it is refused at once as the programming error it is."""
        with self._one_writer_per_thread(), self._write_sessions() as s, s.begin():
            yield s

    @contextmanager
    def _one_writer_per_thread(self) -> Iterator[None]:
        if getattr(self._writing, "active", False):
            raise RuntimeError("nested write transaction on one thread: it would wait for its own lock")
        self._writing.active = True
        try:
            yield
        finally:
            self._writing.active = False

    @contextmanager
    def write_connection(self) -> Iterator[Connection]:
        """A Core connection in a write transaction (bulk imports), begun IMMEDIATE like ``transaction``.

        What it writes is counted per table and recorded as one audit row (导入) in the same
        transaction (``govdesk.audit.tallied``)."""
        from govdesk.audit import tallied

        with self._one_writer_per_thread(), self._writer.begin() as conn, tallied(conn, lambda: self.actor):
            yield conn

    @contextmanager
    def read_connection(self) -> Iterator[Connection]:
        """A Core connection for reading (a dry-run import): deferred, rolled back at the end."""
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()
