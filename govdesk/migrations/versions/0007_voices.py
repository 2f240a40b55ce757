"""voices: 民情台账 items, their editable categories, and their links to decision-log matters

Revision ID: 0007_voices
Revises: 0006_merge_capabilities
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_voices"
down_revision = "0006_merge_capabilities"
branch_labels = None
depends_on = None

# The catalogue a new village starts with (editable afterwards); spelt here, not imported, so
# the migration keeps meaning what it meant when it was written.
_INDEXED = ("received_on", "raised_by_resident_id", "raised_by_household_id", "deadline")
_PAIRS = {
    "ix_voice_items_status_deadline": ["status", "deadline"],
    "ix_voice_items_status_replied_on": ["status", "replied_on"],
}
_FIRST_CATEGORIES = ("道路交通", "水利", "环境卫生", "邻里纠纷", "社会保障", "产业发展", "其他")


def upgrade() -> None:
    categories = op.create_table(
        "voice_categories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voice_categories")),
        sa.UniqueConstraint("name", name=op.f("uq_voice_categories_name")),
    )
    op.bulk_insert(categories, [{"name": n, "sort_order": i} for i, n in enumerate(_FIRST_CATEGORIES)])
    op.create_table(
        "voice_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=20), nullable=False),
        sa.Column("raised_by_resident_id", sa.Integer(), nullable=True),
        sa.Column("raised_by_household_id", sa.Integer(), nullable=True),
        sa.Column("raised_by_name", sa.String(length=100), nullable=False),
        sa.Column("villager_group_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("taken_by", sa.String(length=50), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("reply", sa.Text(), nullable=False),
        sa.Column("replied_by", sa.String(length=50), nullable=False),
        sa.Column("replied_on", sa.Date(), nullable=True),
        sa.Column("satisfaction", sa.String(length=10), nullable=False),
        sa.Column("duty_log_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["raised_by_resident_id"], ["residents.id"], name=op.f("fk_voice_items_raised_by_resident_id_residents")
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_household_id"],
            ["households.id"],
            name=op.f("fk_voice_items_raised_by_household_id_households"),
        ),
        sa.ForeignKeyConstraint(
            ["villager_group_id"], ["villager_groups.id"], name=op.f("fk_voice_items_villager_group_id_villager_groups")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["grids.id"], name=op.f("fk_voice_items_grid_id_grids")),
        sa.ForeignKeyConstraint(["duty_log_id"], ["duty_log.id"], name=op.f("fk_voice_items_duty_log_id_duty_log")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voice_items")),
        sa.UniqueConstraint("duty_log_id", name=op.f("uq_voice_items_duty_log_id")),
    )
    for column in _INDEXED:
        op.create_index(op.f(f"ix_voice_items_{column}"), "voice_items", [column], unique=False)
    for name, columns in _PAIRS.items():
        op.create_index(name, "voice_items", columns, unique=False)
    op.create_table(
        "voice_matter_links",
        sa.Column("voice_id", sa.Integer(), nullable=False),
        sa.Column("matter_id", sa.Integer(), nullable=False),
        sa.Column("linked_on", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["voice_id"], ["voice_items.id"], name=op.f("fk_voice_matter_links_voice_id_voice_items")
        ),
        sa.ForeignKeyConstraint(
            ["matter_id"], ["decision_matters.id"], name=op.f("fk_voice_matter_links_matter_id_decision_matters")
        ),
        sa.PrimaryKeyConstraint("voice_id", "matter_id", name=op.f("pk_voice_matter_links")),
    )
    op.create_index(op.f("ix_voice_matter_links_matter_id"), "voice_matter_links", ["matter_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_voice_matter_links_matter_id"), table_name="voice_matter_links")
    op.drop_table("voice_matter_links")
    for column in _INDEXED:
        op.drop_index(op.f(f"ix_voice_items_{column}"), table_name="voice_items")
    for name in _PAIRS:
        op.drop_index(name, table_name="voice_items")
    op.drop_table("voice_items")
    op.drop_table("voice_categories")
