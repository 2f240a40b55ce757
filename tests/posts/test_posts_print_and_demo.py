"""``govdesk print posts`` (设岗定责公示表, phones masked by the engine's policy, archived) and the
demo village's posts and status histories."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from govdesk.cli import main
from govdesk.db import Database
from govdesk.member_status import statuses_on
from govdesk.models import Cadre, Member, MemberStatusPeriod
from govdesk.posts.rules import first_overlap
from govdesk.printing.masking import mask_phone
from govdesk.services.posts import PostService
from govdesk.services.printing import PrintService
from tests.conftest import DEMO_TODAY, ROOT
from tests.printing.print_pdfcheck import font_problems, page_texts, squeeze


def test_print_posts_masks_phones_and_is_archived(demo_db: Database, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    wall = PostService(demo_db).wall()
    holder = next(h for _p, hs in wall for h in hs)
    db_path = demo_db.describe()
    demo_db.dispose()
    out = tmp_path / "posts.pdf"
    assert main(["--db", db_path, "print", "posts", "--out", str(out)]) == 0
    assert "已存档" in capsys.readouterr().out
    text = squeeze("".join(page_texts(out.read_bytes())))
    assert "青山村党员设岗定责公示表" in text and "中共青山村总支部委员会" in text
    for post, holders in wall:
        assert post.name in text and squeeze(post.duties.splitlines()[0]) in text
        for h in holders:
            assert h.member in text
    assert holder.phone not in text and mask_phone(holder.phone) in text
    assert font_problems(out.read_bytes()) == []
    assert [e.kind for e in PrintService(Database(db_path)).archived()] == ["posts.wall"]
    internal = tmp_path / "internal.pdf"
    assert main(["--db", db_path, "print", "posts", "--full", "--out", str(internal)]) == 0
    text = squeeze("".join(page_texts(internal.read_bytes())))
    assert holder.phone in text and "内部资料" in text
    assert len(PrintService(Database(db_path)).archived()) == 1  # the internal copy is not archived


def test_print_posts_without_a_database_is_one_chinese_line(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "govdesk", "--db", str(tmp_path / "none.sqlite3"), "print", "posts", "--out", "x.pdf"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "GOVDESK_HOME": str(tmp_path / "home"), "PATH": ""},
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr and run.stderr.strip()


def test_the_demo_has_a_catalogue_holders_and_histories(demo_db: Database) -> None:
    posts = PostService(demo_db)
    wall = posts.wall()
    assert {"政策宣传岗", "环境监督岗", "矛盾调解岗", "关爱老人岗", "平安巡逻岗"} <= {p.name for p, _h in wall}
    with demo_db.session() as s:
        members = s.execute(select(Member.id, Member.status, Member.post).where(Member.ended_on.is_(None))).all()
        cadres = set(s.scalars(select(Cadre.member_id)))
        plain = [m for m in members if m.id not in cadres]
        holding = [m for m in plain if m.post]
        assert len(holding) > 0.7 * len(plain)  # most members without an office hold a post
        assert all(not m.post for m in members if m.id in cadres)
        # every member's history: no overlaps, the running period is the recorded status
        for m in members:
            periods = s.execute(
                select(MemberStatusPeriod.status, MemberStatusPeriod.started_on, MemberStatusPeriod.ended_on).where(
                    MemberStatusPeriod.member_id == m.id
                )
            ).all()
            assert first_overlap([(p[1], p[2]) for p in periods]) is None, m.id
            assert [p[0] for p in periods if p[2] is None] == [m.status], m.id
        today = statuses_on(s, DEMO_TODAY)
        assert today == {m.id: m.status for m in members}
        kinds = {p.decision_note for p in s.scalars(select(MemberStatusPeriod))}
    assert any("留党察看" in k for k in kinds) and "转正" in kinds
    past = [h for _p, hs in wall for h in hs]
    assert past and any(h.ended_on for m in {x.member_id for x in past} for h in posts.member_posts(m))
    last_year = date(DEMO_TODAY.year - 1, 1, 1)
    with demo_db.session() as s:
        full_last_year = s.scalar(
            select(MemberStatusPeriod.id).where(
                MemberStatusPeriod.decision_note == "转正",
                MemberStatusPeriod.started_on >= last_year,
                MemberStatusPeriod.started_on < date(DEMO_TODAY.year, 1, 1),
            )
        )
    assert full_last_year is not None


@pytest.mark.parametrize("module", ["govdesk.services.posts", "govdesk.services.bundle"])
def test_the_posts_service_does_not_import_reportlab(module: str) -> None:
    code = f"import sys, {module}; print('reportlab' in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert run.stdout.strip() == "False"


def test_check_reports_a_status_or_post_text_edited_behind_the_history(demo_db: Database) -> None:
    from govdesk.posts.checks import posts_problems

    assert posts_problems(demo_db) == []
    with demo_db.transaction() as s:
        member = s.scalars(select(Member).where(Member.status == "正式党员", Member.post != "")).first()
        assert member is not None
        member.status, member.post, name = "流动党员", "不存在的岗", member.name
    problems = posts_problems(demo_db)
    assert any(f"党员 {name}" in p and "党员状态为流动党员，状态历史中现为正式党员" in p for p in problems)
    assert any(f"党员 {name}" in p and "岗位为“不存在的岗”" in p for p in problems)
