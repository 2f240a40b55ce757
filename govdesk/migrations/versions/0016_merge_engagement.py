"""merge the branches of issues G, H and J into one head

Posts and status history, points, meetings, dues (issue G), users and the audit trail (issue H)
and the village-life ledgers (issue J) were built side by side, each with a migration off
0008_settings. This empty revision joins them so that the next schema change has one parent.

Revision ID: 0016_merge_engagement
Revises: 0009_posts_status, 0010_points, 0011_meetings, 0012_dues, 0013_users_audit,
    0014_honours_councils, 0015_stars_volunteers
Create Date: 2026-11-30
"""

from __future__ import annotations

revision = "0016_merge_engagement"
down_revision = (
    "0009_posts_status",
    "0010_points",
    "0011_meetings",
    "0012_dues",
    "0013_users_audit",
    "0014_honours_councils",
    "0015_stars_volunteers",
)
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
