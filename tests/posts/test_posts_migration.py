"""0009_posts_status: a file at 0008 whose members carry free-text posts upgrades into a catalogue,
assignments and status periods, losing nothing, and the standing rule reads as it did."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import select

from govdesk.db import Database, _alembic_config
from govdesk.member_status import statuses_on
from govdesk.models import Member, MemberStatusPeriod, Post, PostAssignment

# (id, name, status, joined, full, post text, ended)
MEMBERS = [
    (1, "王伟", "正式党员", "2001-07-01", "2002-07-01", "政策宣传岗", None),
    (2, "李芳", "正式党员", "2010-05-04", "2011-05-04", " 政策宣传岗 ", None),  # same post, stray spaces
    (3, "竂堉", "预备党员", "2026-03-01", None, "关爱老人岗、平安巡逻岗", None),  # kept whole, as stored
    (4, "张强", "流动党员", "2005-01-01", "2006-01-01", "", None),
    (5, "赵敏", "留党察看", "1999-07-01", None, "环境监督岗", "2020-06-01"),  # off the roster since 2020
    (6, "刘𠮷", "正式党员", None, None, "矛盾调解岗", None),  # no dates at all
]


def _file_at_0008(path: Path) -> None:
    first = Database(path, run_migrations=False)
    command.upgrade(_alembic_config(first.engine), "0008_settings")
    first.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO villages (id, name, township, county, address, phone, supervision_phone)"
            " VALUES (1, '青山村', '', '', '', '', '')"
        )
        for mid, name, status, joined, full, post, ended in MEMBERS:
            conn.execute(
                "INSERT INTO members (id, village_id, name, id_number, sex, birth_date, ethnicity, education,"
                " joined_on, full_on, status, phone, post, notes, search_keys, plaque_kind, end_reason, ended_on)"
                " VALUES (?, 1, ?, ?, '男', '1970-01-01', '汉族', '', ?, ?, ?, '', ?, '', '', '', '', ?)",
                (mid, name, f"33078419700101{mid:03d}X", joined, full, status, post, ended),
            )


def test_free_text_posts_become_a_catalogue_and_assignments(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _file_at_0008(path)
    db = Database(path)
    upgrade_day = date.today()
    with db.session() as s:
        posts = dict(s.execute(select(Post.name, Post.id)).all())
        assert set(posts) == {"政策宣传岗", "关爱老人岗、平安巡逻岗", "环境监督岗", "矛盾调解岗"}
        held = {
            (m, name): (start, end)
            for m, name, start, end in s.execute(
                select(PostAssignment.member_id, Post.name, PostAssignment.started_on, PostAssignment.ended_on).join(
                    Post, Post.id == PostAssignment.post_id
                )
            )
        }
        assert held == {
            (1, "政策宣传岗"): (date(2002, 7, 1), None),  # from 转正
            (2, "政策宣传岗"): (date(2011, 5, 4), None),
            (3, "关爱老人岗、平安巡逻岗"): (date(2026, 3, 1), None),  # from 入党 (still 预备)
            (5, "环境监督岗"): (date(1999, 7, 1), date(2020, 6, 1)),  # ended with the member
            (6, "矛盾调解岗"): (upgrade_day, None),  # no date known: the day of the upgrade
        }
        texts = dict(s.execute(select(Member.id, Member.post)).all())
        assert texts[2] == "政策宣传岗" and texts[4] == "" and texts[3] == "关爱老人岗、平安巡逻岗"
        periods = s.execute(
            select(
                MemberStatusPeriod.member_id,
                MemberStatusPeriod.status,
                MemberStatusPeriod.started_on,
                MemberStatusPeriod.ended_on,
                MemberStatusPeriod.decided_on,
            ).order_by(MemberStatusPeriod.member_id, MemberStatusPeriod.id)
        ).all()
        assert [tuple(p) for p in periods if p[0] in (1, 3, 4, 6)] == [
            (1, "预备党员", date(2001, 7, 1), date(2002, 7, 1), None),
            (1, "正式党员", date(2002, 7, 1), None, date(2002, 7, 1)),  # 转正 date is its decision
            (3, "预备党员", date(2026, 3, 1), None, None),
            (4, "预备党员", date(2005, 1, 1), date(2006, 1, 1), None),
            (4, "流动党员", date(2006, 1, 1), None, None),
            (6, "正式党员", None, None, None),
        ]
        # the standing rule gives what the one-value rule gave, on every day asked
        for day, expected in [
            (date(2002, 6, 30), {1: "预备党员", 5: "留党察看", 6: "正式党员"}),  # 4 joined in 2005
            (date(2002, 7, 1), {1: "正式党员", 5: "留党察看", 6: "正式党员"}),
            (date(2005, 6, 1), {1: "正式党员", 4: "预备党员", 5: "留党察看", 6: "正式党员"}),
            (upgrade_day, {1: "正式党员", 2: "正式党员", 3: "预备党员", 4: "流动党员", 6: "正式党员"}),
        ]:
            assert statuses_on(s, day) == expected, day
    db.dispose()


def test_downgrade_keeps_the_members_and_their_post_text(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _file_at_0008(path)
    db = Database(path)
    command.downgrade(_alembic_config(db.engine), "0008_settings")
    db.dispose()
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT count(*) FROM members WHERE post != ''").fetchone() == (5,)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "posts" not in tables and "member_status_periods" not in tables
