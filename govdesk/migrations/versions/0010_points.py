"""points: 积分制 — each year's rule catalogue, the entries ledger, year settings, 年终测评 scores

Revision ID: 0010_points
Revises: 0008_settings
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_points"
down_revision = "0008_settings"
branch_labels = None
depends_on = None


def _stamps() -> list[sa.Column]:
    return [
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "point_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=4), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("monthly_cap", sa.Float(), nullable=True),
        sa.Column("yearly_cap", sa.Float(), nullable=True),
        sa.Column("veto", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("automatic", sa.String(length=10), server_default="", nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_rules")),
        sa.UniqueConstraint("year", "code", name=op.f("uq_point_rules_year")),
    )
    op.create_index(op.f("ix_point_rules_year"), "point_rules", ["year"], unique=False)
    op.create_table(
        "point_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("rule_id", sa.Integer(), nullable=True),
        sa.Column("rule_code", sa.String(length=20), nullable=False),
        sa.Column("rule_name", sa.String(length=60), nullable=False),
        sa.Column("points", sa.Float(), nullable=False),
        sa.Column("veto", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_by", sa.String(length=50), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.String(length=40), server_default="", nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_point_entries_member_id_members")),
        sa.ForeignKeyConstraint(["rule_id"], ["point_rules.id"], name=op.f("fk_point_entries_rule_id_point_rules")),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["point_entries.id"], name=op.f("fk_point_entries_reverses_id_point_entries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_point_entries")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_point_entries_reverses_id")),
    )
    op.create_index("ix_point_entries_day_member_points", "point_entries", ["day", "member_id", "points"], unique=False)
    op.create_index("ix_point_entries_veto_day_member", "point_entries", ["veto", "day", "member_id"], unique=False)
    op.create_index("ix_point_entries_member_rule_day", "point_entries", ["member_id", "rule_id", "day"], unique=False)
    op.create_index(op.f("ix_point_entries_source"), "point_entries", ["source"], unique=False)
    op.create_table(
        "point_years",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("base", sa.Float(), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_point_years")),
    )
    op.create_table(
        "point_assessments",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_point_assessments_member_id_members")),
        sa.PrimaryKeyConstraint("year", "member_id", name=op.f("pk_point_assessments")),
    )
    op.create_index(op.f("ix_point_assessments_member_id"), "point_assessments", ["member_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_point_assessments_member_id"), table_name="point_assessments")
    op.drop_table("point_assessments")
    op.drop_table("point_years")
    op.drop_index(op.f("ix_point_entries_source"), table_name="point_entries")
    op.drop_index("ix_point_entries_member_rule_day", table_name="point_entries")
    op.drop_index("ix_point_entries_veto_day_member", table_name="point_entries")
    op.drop_index("ix_point_entries_day_member_points", table_name="point_entries")
    op.drop_table("point_entries")
    op.drop_index(op.f("ix_point_rules_year"), table_name="point_rules")
    op.drop_table("point_rules")
