"""posts and status: the 设岗定责 catalogue, members' post assignments, members' status periods

Revision ID: 0009_posts_status
Revises: 0008_settings
Create Date: 2026-11-30

Data, losing nothing:

- every distinct non-empty ``members.post`` text (spaces trimmed) becomes one catalogue post of that
  name, and each member holding the text an assignment of it, from the member's 转正 date, else
  the 入党 date, else the day of the upgrade; a member already off the roster gets the assignment
  ended on the day they left (never before it started).
- every member gets status periods that give exactly what the one-value rule gave on every day:
  预备党员 from 入党 until 转正, then the recorded status (a 正式 period carries the 转正 date as
  its decision); without a 转正 date, the recorded status since 入党.

``members.post`` stays (the member list sorts on it and the register exports it as 岗位); from
now on it is rewritten from the assignments by ``govdesk.posts.store`` only.

The values below are spelt here, not imported, so this migration keeps meaning what it meant
when it was written.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0009_posts_status"
down_revision = "0008_settings"
branch_labels = None
depends_on = None

_FULL = "正式党员"
_PROBATIONARY = "预备党员"
_STAMPS = (
    ("created_at", sa.text("(CURRENT_TIMESTAMP)")),
    ("updated_at", sa.text("(CURRENT_TIMESTAMP)")),
)


def _stamps() -> list[sa.Column]:
    return [sa.Column(name, sa.DateTime(), server_default=default, nullable=False) for name, default in _STAMPS]


def upgrade() -> None:
    posts = op.create_table(
        "posts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("duties", sa.Text(), nullable=False),
        sa.Column("villager_group_id", sa.Integer(), nullable=True),
        sa.Column("grid_id", sa.Integer(), nullable=True),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(
            ["villager_group_id"], ["villager_groups.id"], name=op.f("fk_posts_villager_group_id_villager_groups")
        ),
        sa.ForeignKeyConstraint(["grid_id"], ["grids.id"], name=op.f("fk_posts_grid_id_grids")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posts")),
        sa.UniqueConstraint("name", name=op.f("uq_posts_name")),
    )
    assignments = op.create_table(
        "post_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_post_assignments_member_id_members")),
        sa.ForeignKeyConstraint(["post_id"], ["posts.id"], name=op.f("fk_post_assignments_post_id_posts")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post_assignments")),
    )
    op.create_index(op.f("ix_post_assignments_member_id"), "post_assignments", ["member_id"], unique=False)
    op.create_index("ix_post_assignments_post_id_ended_on", "post_assignments", ["post_id", "ended_on"], unique=False)
    periods = op.create_table(
        "member_status_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        *_stamps(),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_status_periods_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_status_periods")),
    )
    op.create_index(
        "ix_member_status_periods_member_id_started_on",
        "member_status_periods",
        ["member_id", "started_on"],
        unique=False,
    )
    _convert(posts, assignments, periods)


def _convert(posts: sa.Table, assignments: sa.Table, periods: sa.Table) -> None:
    conn = op.get_bind()
    members = sa.table(
        "members",
        sa.column("id", sa.Integer),
        sa.column("post", sa.String),
        sa.column("status", sa.String),
        sa.column("joined_on", sa.Date),
        sa.column("full_on", sa.Date),
        sa.column("ended_on", sa.Date),
    )
    today = date.today()
    rows = conn.execute(
        sa.select(
            members.c.id,
            members.c.post,
            members.c.status,
            members.c.joined_on,
            members.c.full_on,
            members.c.ended_on,
        ).order_by(members.c.id)
    ).all()
    post_ids: dict[str, int] = {}
    new_assignments: list[dict[str, object]] = []
    new_periods: list[dict[str, object]] = []
    for member_id, post, status, joined, full, ended in rows:
        name = (post or "").strip()
        if name:
            if name not in post_ids:
                post_ids[name] = conn.execute(
                    posts.insert().values(name=name, duties="", sort_order=len(post_ids))
                ).inserted_primary_key[0]
            if post != name:  # the text as it reads from now on: the post's name
                conn.execute(members.update().where(members.c.id == member_id).values(post=name))
            start = full or joined or today
            end = max(ended, start) if ended is not None else None
            new_assignments.append(
                {"member_id": member_id, "post_id": post_ids[name], "started_on": start, "ended_on": end, "note": ""}
            )
        new_periods.extend(_seed_periods(member_id, status, joined, full))
    if new_assignments:
        conn.execute(assignments.insert(), new_assignments)
    if new_periods:
        conn.execute(periods.insert(), new_periods)


def _seed_periods(member_id: int, status: str, joined: date | None, full: date | None) -> list[dict[str, object]]:
    """预备 until 转正 (when there is a 转正 date after 入党 and the member is no longer 预备), then the status."""
    base = {"member_id": member_id, "decided_on": None, "decision_note": ""}
    if full is not None and status != _PROBATIONARY and (joined is None or full > joined):
        decided = {"decided_on": full, "decision_note": "转正"} if status == _FULL else {}
        return [
            base | {"status": _PROBATIONARY, "started_on": joined, "ended_on": full},
            base | {"status": status, "started_on": full, "ended_on": None} | decided,
        ]
    return [base | {"status": status, "started_on": joined, "ended_on": None}]


def downgrade() -> None:
    """The catalogue and history go; ``members.post`` and ``members.status`` still hold the current values."""
    op.drop_index("ix_member_status_periods_member_id_started_on", table_name="member_status_periods")
    op.drop_table("member_status_periods")
    op.drop_index("ix_post_assignments_post_id_ended_on", table_name="post_assignments")
    op.drop_index(op.f("ix_post_assignments_member_id"), table_name="post_assignments")
    op.drop_table("post_assignments")
    op.drop_table("posts")
