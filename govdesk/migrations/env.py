"""Alembic environment: uses the engine handed over by ``govdesk.db.migrate``.

SQLite cannot ALTER most things, so every migration runs in batch mode there.
"""

from __future__ import annotations

from alembic import context

from govdesk.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = context.config.attributes["engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
