"""merge the capability branches (people details, printing, decisions, roster) into one head

The four capabilities were built side by side, each with a migration off the foundation.
This empty revision joins them so that the next schema change has a single parent.

Revision ID: 0006_merge_capabilities
Revises: 0002_people_details, 0003_printing, 0004_decisions, 0005_roster
Create Date: 2026-11-23
"""

from __future__ import annotations

revision = "0006_merge_capabilities"
down_revision = ("0002_people_details", "0003_printing", "0004_decisions", "0005_roster")
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
