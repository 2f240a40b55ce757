"""stars and volunteers: the 五星支部 scorecard (indicators, thresholds, quarterly scores) and 志愿服务队

Revision ID: 0015_stars_volunteers
Revises: 0008_settings
Create Date: 2026-11-30
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015_stars_volunteers"
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
        "star_thresholds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("star", sa.String(length=10), nullable=False),
        sa.Column("percent", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_star_thresholds")),
        sa.UniqueConstraint("year", "star", name=op.f("uq_star_thresholds_year")),
    )
    op.create_table(
        "star_indicators",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("star", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("points", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_stamps(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_star_indicators")),
        sa.UniqueConstraint("year", "star", "name", name=op.f("uq_star_indicators_year")),
    )
    op.create_index(op.f("ix_star_indicators_year"), "star_indicators", ["year"], unique=False)
    op.create_table(
        "star_scores",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("branch_id", sa.Integer(), nullable=False),
        sa.Column("indicator_id", sa.Integer(), nullable=False),
        sa.Column("quarter", sa.Integer(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["branch_id"], ["org_units.id"], name=op.f("fk_star_scores_branch_id_org_units")),
        sa.ForeignKeyConstraint(
            ["indicator_id"], ["star_indicators.id"], name=op.f("fk_star_scores_indicator_id_star_indicators")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_star_scores")),
        sa.UniqueConstraint("branch_id", "indicator_id", "quarter", name=op.f("uq_star_scores_branch_id")),
    )
    op.create_index(op.f("ix_star_scores_branch_id"), "star_scores", ["branch_id"], unique=False)
    op.create_index(op.f("ix_star_scores_indicator_id"), "star_scores", ["indicator_id"], unique=False)
    op.create_table(
        "volunteer_teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("leader_resident_id", sa.Integer(), nullable=True),
        sa.Column("leader_name", sa.String(length=50), nullable=False),
        sa.Column("purpose", sa.Text(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["leader_resident_id"], ["residents.id"], name=op.f("fk_volunteer_teams_leader_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_teams")),
        sa.UniqueConstraint("name", name=op.f("uq_volunteer_teams_name")),
    )
    op.create_table(
        "volunteers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("joined_on", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_teams.id"], name=op.f("fk_volunteers_team_id_volunteer_teams")
        ),
        sa.ForeignKeyConstraint(["resident_id"], ["residents.id"], name=op.f("fk_volunteers_resident_id_residents")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteers")),
    )
    op.create_index("ix_volunteers_team_id_resident_id", "volunteers", ["team_id", "resident_id"], unique=False)
    op.create_index(op.f("ix_volunteers_resident_id"), "volunteers", ["resident_id"], unique=False)
    op.create_table(
        "volunteer_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["team_id"], ["volunteer_teams.id"], name=op.f("fk_volunteer_activities_team_id_volunteer_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_volunteer_activities")),
    )
    op.create_index(op.f("ix_volunteer_activities_team_id"), "volunteer_activities", ["team_id"], unique=False)
    op.create_index(op.f("ix_volunteer_activities_day"), "volunteer_activities", ["day"], unique=False)
    op.create_table(
        "volunteer_hours",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("resident_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["volunteer_activities.id"],
            name=op.f("fk_volunteer_hours_activity_id_volunteer_activities"),
        ),
        sa.ForeignKeyConstraint(
            ["resident_id"], ["residents.id"], name=op.f("fk_volunteer_hours_resident_id_residents")
        ),
        sa.PrimaryKeyConstraint("activity_id", "resident_id", name=op.f("pk_volunteer_hours")),
    )
    op.create_index(op.f("ix_volunteer_hours_resident_id"), "volunteer_hours", ["resident_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_volunteer_hours_resident_id"), table_name="volunteer_hours")
    op.drop_table("volunteer_hours")
    op.drop_index(op.f("ix_volunteer_activities_day"), table_name="volunteer_activities")
    op.drop_index(op.f("ix_volunteer_activities_team_id"), table_name="volunteer_activities")
    op.drop_table("volunteer_activities")
    op.drop_index(op.f("ix_volunteers_resident_id"), table_name="volunteers")
    op.drop_index("ix_volunteers_team_id_resident_id", table_name="volunteers")
    op.drop_table("volunteers")
    op.drop_table("volunteer_teams")
    op.drop_index(op.f("ix_star_scores_indicator_id"), table_name="star_scores")
    op.drop_index(op.f("ix_star_scores_branch_id"), table_name="star_scores")
    op.drop_table("star_scores")
    op.drop_index(op.f("ix_star_indicators_year"), table_name="star_indicators")
    op.drop_table("star_indicators")
    op.drop_table("star_thresholds")
