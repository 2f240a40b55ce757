"""dues: 党费 monthly amounts per member and year, and the append-only ledger of payments

Revision ID: 0012_dues
Revises: 0008_settings
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012_dues"
down_revision = "0008_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "dues_rates",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("monthly_fen", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_dues_rates_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_rates")),
        sa.UniqueConstraint("member_id", "year", name="uq_dues_rates_member_year"),
    )
    op.create_index(op.f("ix_dues_rates_year"), "dues_rates", ["year"], unique=False)
    op.create_table(
        "dues_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("first_month", sa.Integer(), nullable=False),
        sa.Column("last_month", sa.Integer(), nullable=False),
        sa.Column("month_bits", sa.Integer(), nullable=False),
        sa.Column("amount_fen", sa.Integer(), nullable=False),
        sa.Column("paid_on", sa.Date(), nullable=False),
        sa.Column("receipt_no", sa.String(length=40), nullable=False),
        sa.Column("taken_by", sa.String(length=50), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reverses_id", sa.Integer(), nullable=True),
        sa.Column("recorded_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_dues_payments_member_id_members")),
        sa.ForeignKeyConstraint(
            ["reverses_id"], ["dues_payments.id"], name=op.f("fk_dues_payments_reverses_id_dues_payments")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dues_payments")),
        sa.UniqueConstraint("reverses_id", name=op.f("uq_dues_payments_reverses_id")),
    )
    op.create_index("ix_dues_payments_year_member", "dues_payments", ["year", "member_id"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_dues_payments_year_member", table_name="dues_payments")
    op.drop_table("dues_payments")
    op.drop_index(op.f("ix_dues_rates_year"), table_name="dues_rates")
    op.drop_table("dues_rates")
