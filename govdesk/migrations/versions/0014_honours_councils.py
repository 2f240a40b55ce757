"""honours_councils: 评先评优 (the honour catalogue, nominations and awards), 村湾理事会 and its
groups (members' terms, meetings and their attendees), 村规民约 and councils' 章程 as versions

Revision ID: 0014_honours_councils
Revises: 0008_settings
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014_honours_councils"
down_revision = "0008_settings"
branch_labels = None
depends_on = None

# The catalogue a new village starts with (editable afterwards); spelt here, not imported, so
# the migration keeps meaning what it meant when it was written.
_FIRST_HONOURS = (
    ("最美家庭", "户"),
    ("文明家庭", "户"),
    ("平安家庭", "户"),
    ("好媳妇", "个人"),
    ("好婆婆", "个人"),
    ("致富能手", "个人"),
    ("优秀共产党员", "个人"),
    ("党员示范户", "户"),
)


def upgrade() -> None:
    kinds = op.create_table(
        "honour_kinds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=4), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honour_kinds")),
        sa.UniqueConstraint("name", name=op.f("uq_honour_kinds_name")),
    )
    op.bulk_insert(kinds, [{"name": n, "recipient": r, "sort_order": i} for i, (n, r) in enumerate(_FIRST_HONOURS)])
    op.create_table(
        "councils",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("villager_group_id", sa.Integer(), nullable=True),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("founded_on", sa.Date(), nullable=True),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["councils.id"], name=op.f("fk_councils_parent_id_councils")),
        sa.ForeignKeyConstraint(
            ["villager_group_id"], ["villager_groups.id"], name=op.f("fk_councils_villager_group_id_villager_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_councils")),
        sa.UniqueConstraint("name", name=op.f("uq_councils_name")),
    )
    with op.batch_alter_table("councils", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_councils_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_councils_villager_group_id"), ["villager_group_id"], unique=False)

    op.create_table(
        "council_meetings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("topic", sa.String(length=200), nullable=False),
        sa.Column("guests", sa.String(length=200), nullable=False),
        sa.Column("minutes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_council_meetings_council_id_councils")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_meetings")),
    )
    with op.batch_alter_table("council_meetings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_council_meetings_council_id"), ["council_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_council_meetings_held_on"), ["held_on"], unique=False)

    op.create_table(
        "charter_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=True),
        sa.Column("version_no", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=100), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("adopted_on", sa.Date(), nullable=False),
        sa.Column("adopted_by", sa.String(length=50), nullable=False),
        sa.Column("council_meeting_id", sa.Integer(), nullable=True),
        sa.Column("matter_id", sa.Integer(), nullable=True),
        sa.Column("superseded_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_charter_versions_council_id_councils")),
        sa.ForeignKeyConstraint(
            ["council_meeting_id"],
            ["council_meetings.id"],
            name=op.f("fk_charter_versions_council_meeting_id_council_meetings"),
        ),
        sa.ForeignKeyConstraint(
            ["matter_id"], ["decision_matters.id"], name=op.f("fk_charter_versions_matter_id_decision_matters")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_charter_versions")),
    )
    with op.batch_alter_table("charter_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_charter_versions_council_id"), ["council_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_charter_versions_matter_id"), ["matter_id"], unique=False)

    op.create_table(
        "council_members",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("council_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(["council_id"], ["councils.id"], name=op.f("fk_council_members_council_id_councils")),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_council_members_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_council_members")),
    )
    with op.batch_alter_table("council_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_council_members_council_id"), ["council_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_council_members_resident_id"), ["resident_id"], unique=False)

    op.create_table(
        "council_meeting_attendees",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("council_member_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["council_member_id"],
            ["council_members.id"],
            name=op.f("fk_council_meeting_attendees_council_member_id_council_members"),
        ),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["council_meetings.id"],
            name=op.f("fk_council_meeting_attendees_meeting_id_council_meetings"),
        ),
        sa.PrimaryKeyConstraint("meeting_id", "council_member_id", name=op.f("pk_council_meeting_attendees")),
    )
    with op.batch_alter_table("council_meeting_attendees", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_council_meeting_attendees_council_member_id"), ["council_member_id"], unique=False
        )

    op.create_table(
        "honour_awards",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("honour", sa.String(length=40), nullable=False),
        sa.Column("recipient", sa.String(length=4), nullable=False),
        sa.Column("household_id", sa.Integer(), nullable=True),
        sa.Column("resident_id", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("recipient_name", sa.String(length=100), nullable=False),
        sa.Column("level", sa.String(length=10), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("nominated_on", sa.Date(), nullable=True),
        sa.Column("nominated_by", sa.String(length=50), nullable=False),
        sa.Column("awarded_on", sa.Date(), nullable=True),
        sa.Column("matter_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["household_id"], ["households.id"], name=op.f("fk_honour_awards_household_id_households")
        ),
        sa.ForeignKeyConstraint(
            ["matter_id"], ["decision_matters.id"], name=op.f("fk_honour_awards_matter_id_decision_matters")
        ),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_honour_awards_member_id_members")),
        sa.ForeignKeyConstraint(["resident_id"], ["residents.id"], name=op.f("fk_honour_awards_resident_id_residents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_honour_awards")),
    )
    with op.batch_alter_table("honour_awards", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_honour_awards_household_id"), ["household_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_honour_awards_matter_id"), ["matter_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_honour_awards_member_id"), ["member_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_honour_awards_resident_id"), ["resident_id"], unique=False)
        batch_op.create_index("ix_honour_awards_year_status", ["year", "status"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("honour_awards", schema=None) as batch_op:
        batch_op.drop_index("ix_honour_awards_year_status")
        batch_op.drop_index(batch_op.f("ix_honour_awards_resident_id"))
        batch_op.drop_index(batch_op.f("ix_honour_awards_member_id"))
        batch_op.drop_index(batch_op.f("ix_honour_awards_matter_id"))
        batch_op.drop_index(batch_op.f("ix_honour_awards_household_id"))

    op.drop_table("honour_awards")
    with op.batch_alter_table("council_meeting_attendees", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_meeting_attendees_council_member_id"))

    op.drop_table("council_meeting_attendees")
    with op.batch_alter_table("council_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_members_resident_id"))
        batch_op.drop_index(batch_op.f("ix_council_members_council_id"))

    op.drop_table("council_members")
    with op.batch_alter_table("charter_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_charter_versions_matter_id"))
        batch_op.drop_index(batch_op.f("ix_charter_versions_council_id"))

    op.drop_table("charter_versions")
    with op.batch_alter_table("council_meetings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_council_meetings_held_on"))
        batch_op.drop_index(batch_op.f("ix_council_meetings_council_id"))

    op.drop_table("council_meetings")
    with op.batch_alter_table("councils", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_councils_villager_group_id"))
        batch_op.drop_index(batch_op.f("ix_councils_parent_id"))

    op.drop_table("councils")
    op.drop_table("honour_kinds")
