"""name search keys: the pinyin and name-part keys stored once per distinct name

Revision ID: 0018_name_search_keys
Revises: 0017_current_people_indexes
Create Date: 2026-11-30

``resident_search_keys`` held every key of every resident: 1.35 million rows for a township of
200,000 residents who share some 74,000 names. The keys of a name now live once per name in
``name_search_keys`` (joined through ``residents.name``); ``resident_search_keys`` keeps the
digit keys (reversed ID number and phone) of each resident. ``residents.name``'s index carries
the household too (``ix_residents_name_household``), so a search joins a typed key's names to
their households from the index alone.

The search index is derived data: it is rebuilt here from the residents with the program's own
key rules (``people_search.backfill_search_keys``, as ``govdesk reindex`` does), which is also
why 0002 no longer fills it. Downgrading spreads the name keys back over the residents in SQL.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0018_name_search_keys"
down_revision = "0017_current_people_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "name_search_keys",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.PrimaryKeyConstraint("key", "name", name=op.f("pk_name_search_keys")),
        sqlite_with_rowid=False,
    )
    op.drop_index("ix_residents_name", table_name="residents")
    op.create_index("ix_residents_name_household", "residents", ["name", "household_id"], unique=False)
    from govdesk.people_search import backfill_search_keys

    backfill_search_keys(op.get_bind())


def downgrade() -> None:
    op.execute(
        "INSERT INTO resident_search_keys (key, resident_id, household_id) "
        "SELECT DISTINCT k.key, r.id, r.household_id FROM name_search_keys k JOIN residents r ON r.name = k.name "
        "WHERE NOT EXISTS (SELECT 1 FROM resident_search_keys o WHERE o.key = k.key AND o.resident_id = r.id)"
    )
    op.drop_table("name_search_keys")
    op.drop_index("ix_residents_name_household", table_name="residents")
    op.create_index("ix_residents_name", "residents", ["name"], unique=False)
