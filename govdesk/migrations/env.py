"""Alembic environment: uses the engine handed over by ``govdesk.db.migrate``.

SQLite cannot ALTER most things, so every migration runs in batch mode there (copy the
table, drop the old one, rename). Two SQLite details make that safe on a register full of
people:

- foreign keys are switched off for the migration (batch mode drops and recreates tables that
  others refer to) and ``PRAGMA foreign_key_check`` must come back empty before the commit;
- the whole upgrade runs in ONE explicit transaction. Python's sqlite3 module does not open a
  transaction before DDL, so without an explicit BEGIN a migration that fails half-way would
  leave a half-changed schema behind; with it, a failure rolls back to the old file exactly.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from govdesk.models import Base

target_metadata = Base.metadata


class MigrationBrokeReferences(RuntimeError):
    """A migration left rows pointing at nothing; the upgrade is rolled back."""


def _run_sqlite(connection: Connection) -> None:
    dbapi = connection.connection.driver_connection
    connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
    previous = dbapi.isolation_level
    dbapi.isolation_level = None  # we issue BEGIN / COMMIT ourselves, so DDL is transactional too
    try:
        context.configure(
            connection=connection, target_metadata=target_metadata, render_as_batch=True, transactional_ddl=True
        )
        dbapi.execute("BEGIN IMMEDIATE")  # a second start migrating at once waits, then finds it done
        try:
            context.run_migrations()
            broken = dbapi.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise MigrationBrokeReferences(f"迁移后有 {len(broken)} 行引用了不存在的记录：{broken[:5]}")
        except BaseException:
            dbapi.execute("ROLLBACK")
            raise
        dbapi.execute("COMMIT")
    finally:
        dbapi.isolation_level = previous
        dbapi.execute("PRAGMA foreign_keys=ON")


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            _run_sqlite(connection)
            return
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
