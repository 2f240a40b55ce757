"""The one engine: pragmas on every connection, migrations from empty to head, backup before a schema change."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

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
    assert again.last_backup is not None and again.last_backup.parent == tmp_path / "old.backups"
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


def _alembic_heads(script_location: Path) -> frozenset[str]:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(script_location))
    return frozenset(ScriptDirectory.from_config(cfg).get_heads())


def test_code_heads_read_from_the_files_are_alembics_heads() -> None:
    """Start-up compares the stored revision with heads read cheaply from the migration files;
    Alembic's own reading of the same directory is the truth that reading must match."""
    from govdesk.db import MIGRATIONS_DIR, code_heads

    assert code_heads() == _alembic_heads(MIGRATIONS_DIR)


def test_code_heads_of_unmerged_branches_are_alembics_heads(tmp_path: Path) -> None:
    """Without the merge revision the capability branches are four heads, for both readings."""
    import shutil

    from govdesk.db import MIGRATIONS_DIR, code_heads

    versions = tmp_path / "versions"
    versions.mkdir()
    merge = next((MIGRATIONS_DIR / "versions").glob("*merge*.py")).name
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        if path.name < merge:  # the foundation and its four branches, before they were merged
            shutil.copy(path, versions / path.name)
    shutil.copy(MIGRATIONS_DIR / "script.py.mako", tmp_path / "script.py.mako")
    heads = code_heads(versions)
    assert len(heads) == 4
    assert heads == _alembic_heads(tmp_path)


def _register_at_foundation(path: Path) -> None:
    """A clerk's file from the first release: schema 0001 only, with households and residents in it."""
    import sqlite3

    first = Database(path, run_migrations=False)
    command.upgrade(_alembic_config(first.engine), "0001_foundation")
    first.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(
            "INSERT INTO villages (id, name, township, county, address, phone, supervision_phone) "
            "VALUES (1, '青山村', '', '', '', '', '')"
        )
        conn.execute(
            "INSERT INTO households (id, village_id, number, address, phone, notes, end_reason) "
            "VALUES (1, 1, '0100001', '', '', '', '')"
        )
        conn.execute(
            "INSERT INTO residents (id, household_id, name, id_number, sex, birth_date, ethnicity, relation,"
            " phone, notes, search_keys, end_reason) VALUES "
            "(1, 1, '竂堉', '330784196503021233', '男', '1965-03-02', '汉族', '户主', '', '', '', '')"
        )


def test_upgrade_keeps_the_people_of_an_old_register(tmp_path: Path) -> None:
    """Batch mode recreates tables others point at: it must run with foreign keys off and lose nothing."""
    path = tmp_path / "old.sqlite3"
    _register_at_foundation(path)
    db = Database(path)
    assert schema_is_current(db.engine) and db.last_backup is not None
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM residents")).scalars().all() == ["竂堉"]
        assert conn.execute(text("PRAGMA foreign_key_check")).all() == []
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1  # back on for the pooled connection
    db.dispose()


def test_a_failing_upgrade_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    """One transaction for the whole upgrade: no half-changed schema after an error."""
    import sqlite3

    import pytest

    path = tmp_path / "old.sqlite3"
    _register_at_foundation(path)
    with sqlite3.connect(path) as conn:  # something in the way of a later migration
        conn.execute("CREATE TABLE resident_search_keys (x INTEGER)")
    with pytest.raises(Exception, match="already exists"):
        Database(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001_foundation",)]
        columns = {row[1] for row in conn.execute("PRAGMA table_info(households)")}
        assert "is_central" not in columns  # 0002's household columns were rolled back too
        assert conn.execute("SELECT count(*) FROM residents").fetchone() == (1,)
