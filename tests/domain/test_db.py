"""The one engine: pragmas on every connection, migrations from empty to head, backup before a schema change."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from govdesk import paths
from govdesk.db import Database, _alembic_config, schema_is_current
from govdesk.models import Base


def test_every_connection_gets_the_pragmas(db: Database) -> None:
    for _ in range(3):  # several pool connections, not just the first
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_missing_file_is_created_and_migrated_to_head(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "new.sqlite3"
    database = Database(target)
    assert target.exists()
    assert schema_is_current(database.engine)
    with database.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
    database.dispose()


def test_backup_is_made_before_the_schema_changes(tmp_path: Path) -> None:
    target = tmp_path / "old.sqlite3"
    first = Database(target)
    command.downgrade(_alembic_config(first.engine), "base")
    with first.engine.begin() as conn:
        conn.execute(text("CREATE TABLE keepme (x INTEGER)"))
        conn.execute(text("INSERT INTO keepme VALUES (42)"))
    first.dispose()

    again = Database(target)
    assert again.last_backup is not None and again.last_backup.parent == paths.backup_dir()
    import sqlite3

    with sqlite3.connect(again.last_backup) as copy:
        assert copy.execute("SELECT x FROM keepme").fetchone() == (42,)
    assert schema_is_current(again.engine)
    again.dispose()


def test_no_backup_when_schema_is_current(tmp_path: Path) -> None:
    Database(tmp_path / "a.sqlite3").dispose()
    assert Database(tmp_path / "a.sqlite3").last_backup is None


def test_writes_are_transactions(db: Database) -> None:
    from govdesk.models import Village

    try:
        with db.transaction() as s:
            s.add(Village(name="半途村"))
            s.flush()
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    with db.session() as s:
        assert s.query(Village).count() == 0


def test_migrations_have_a_single_head() -> None:
    """A later schema change must have one parent: capability branches are merged."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from govdesk.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert len(ScriptDirectory.from_config(cfg).get_heads()) == 1
