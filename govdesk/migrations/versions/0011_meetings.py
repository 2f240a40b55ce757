"""meetings: 三会一课, 主题党日, 组织生活会, 民主评议党员 and their attendance

Revision ID: 0011_meetings
Revises: 0008_settings
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011_meetings"
down_revision = "0008_settings"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("host", sa.String(length=50), nullable=False),
        sa.Column("recorder", sa.String(length=50), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("decision_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["unit_id"], ["org_units.id"], name=op.f("fk_meetings_unit_id_org_units")),
        sa.ForeignKeyConstraint(
            ["decision_entry_id"], ["decision_entries.id"], name=op.f("fk_meetings_decision_entry_id_decision_entries")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meetings")),
        sa.UniqueConstraint("decision_entry_id", name=op.f("uq_meetings_decision_entry_id")),
    )
    for column in ("kind", "unit_id", "held_on"):
        op.create_index(op.f(f"ix_meetings_{column}"), "meetings", [column], unique=False)
    op.create_table(
        "meeting_attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=8), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name=op.f("fk_meeting_attendance_meeting_id_meetings")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_meeting_attendance_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_attendance")),
        sa.UniqueConstraint("meeting_id", "member_id", name=op.f("uq_meeting_attendance_meeting_id")),
    )
    for column in ("meeting_id", "member_id"):
        op.create_index(op.f(f"ix_meeting_attendance_{column}"), "meeting_attendance", [column], unique=False)


def downgrade() -> None:
    for column in ("meeting_id", "member_id"):
        op.drop_index(op.f(f"ix_meeting_attendance_{column}"), table_name="meeting_attendance")
    op.drop_table("meeting_attendance")
    for column in ("kind", "unit_id", "held_on"):
        op.drop_index(op.f(f"ix_meetings_{column}"), table_name="meetings")
    op.drop_table("meetings")
