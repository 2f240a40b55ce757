"""PostService: the catalogue, assignments and status changes, with their Chinese refusals;
the member form and the register import keep the history; statuses_on reads it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from govdesk.changes import Changes, feed_of
from govdesk.db import Database
from govdesk.errors import NotFoundError, RefusedError, ValidationError
from govdesk.member_status import statuses_on
from govdesk.models import MemberStatusPeriod, PostAssignment
from govdesk.services.excel_registers import ExcelRegisterService
from govdesk.services.members import MemberInput, MemberService
from govdesk.services.posts import PostInput, PostService
from tests.people.conftest import make_id

TODAY = date.today()


def _member(db: Database, name: str, seq: int, **kw: object) -> int:
    data = MemberInput(
        name=name,
        id_number=make_id(date(1970, 5, 1), seq),
        sex="男" if seq % 2 else "女",
        birth_date=date(1970, 5, 1),
        joined_on=kw.pop("joined_on", date(2000, 7, 1)),
        full_on=kw.pop("full_on", date(2001, 7, 1)),
        status=kw.pop("status", "正式党员"),
        phone="13812345678",
    )
    for key, value in kw.items():
        setattr(data, key, value)
    return MemberService(db).create(data)


@pytest.fixture
def posts(village_db: Database) -> PostService:
    return PostService(village_db)


def test_catalogue_crud_and_refusals(posts: PostService) -> None:
    seen: list[Changes] = []
    feed_of(posts.db).listen(seen.append)
    pid = posts.create_post(PostInput("政策宣传岗", "宣讲惠农政策\n  每月入户一次  \n"))
    assert seen == [Changes.POSTS]
    view = posts.get_post(pid)
    assert view.duties == "宣讲惠农政策\n  每月入户一次"
    with pytest.raises(ValidationError, match="岗位名称：已有名为“政策宣传岗”的岗位"):
        posts.create_post(PostInput(" 政策宣传岗 "))
    with pytest.raises(ValidationError, match="岗位名称：岗位名称不能为空"):
        posts.create_post(PostInput(""))
    with pytest.raises(ValidationError, match="找不到这个网格"):
        posts.create_post(PostInput("环境监督岗", grid_id=999))
    other = posts.create_post(PostInput("环境监督岗"))
    posts.update_post(other, PostInput("环境卫生监督岗", "巡查垃圾分类"))
    assert [n for _i, n in posts.post_names()] == ["政策宣传岗", "环境卫生监督岗"]
    posts.delete_post(other)
    with pytest.raises(NotFoundError, match="找不到编号为 999 的岗位"):
        posts.delete_post(999)


def test_assign_end_and_the_member_post_text(posts: PostService) -> None:
    db = posts.db
    mid = _member(db, "王伟", 11)
    a = posts.create_post(PostInput("政策宣传岗"))
    b = posts.create_post(PostInput("平安巡逻岗"))
    first = posts.assign(a, mid, date(2024, 3, 1))
    posts.assign(b, mid, date(2025, 3, 1))
    assert MemberService(db).get(mid).post == "政策宣传岗、平安巡逻岗"
    with pytest.raises(RefusedError, match="王伟 不能上“政策宣传岗”：该党员已在此岗位上"):
        posts.assign(a, mid, date(2025, 1, 1))
    with pytest.raises(ValidationError, match="上岗日期：任岗日期不能早于入党时间（2000-07-01）"):
        posts.assign(b + 0, _member(db, "李芳", 12, joined_on=date(2000, 7, 1)), date(1999, 1, 1))
    with pytest.raises(ValidationError, match="离岗日期：结束日期应晚于开始日期（2024-03-01）"):
        posts.end_assignment(first, date(2024, 2, 1))
    posts.end_assignment(first, date(2026, 1, 1))
    with pytest.raises(RefusedError, match="这条任岗记录已于 2026-01-01 结束"):
        posts.end_assignment(first, date(2026, 2, 1))
    assert MemberService(db).get(mid).post == "平安巡逻岗"
    history = posts.member_posts(mid)
    assert [(h.post, h.ended_on) for h in history] == [("平安巡逻岗", None), ("政策宣传岗", date(2026, 1, 1))]
    with pytest.raises(RefusedError, match="已有 1 条任岗记录，不能删除"):
        posts.delete_post(a)
    posts.update_post(b, PostInput("平安巡逻守护岗"))  # a rename reaches the holder's text
    assert MemberService(db).get(mid).post == "平安巡逻守护岗"
    MemberService(db).end(mid, TODAY, "转出")
    assert posts.holders(b) == [] and MemberService(db).get(mid).post == ""


def test_status_changes_keep_a_history_that_statuses_on_reads(posts: PostService) -> None:
    db = posts.db
    mid = _member(db, "竂堉", 13, joined_on=date(2024, 6, 1), full_on=None, status="预备党员")
    with pytest.raises(RefusedError, match="竂堉：只有正式党员登记为流动党员"):
        posts.change_status(mid, "外出流动", date(2025, 1, 1))
    posts.change_status(mid, "转正", date(2025, 6, 1))
    posts.change_status(mid, "外出流动", date(2025, 9, 1))
    posts.change_status(mid, "流动结束", date(2026, 2, 1))
    with pytest.raises(RefusedError, match="留党察看须填写决定日期"):
        posts.change_status(mid, "留党察看", date(2026, 3, 1))
    posts.change_status(mid, "留党察看", date(2026, 3, 1), decided_on=date(2026, 2, 27), note="支部大会决定")
    with pytest.raises(RefusedError, match="变更日期应晚于现状态的开始日期（2026-03-01起为留党察看）"):
        posts.change_status(mid, "恢复党员权利", date(2026, 3, 1), decided_on=date(2026, 3, 1))
    with pytest.raises(ValidationError, match="状态变更：未知的状态变更“开除”"):
        posts.change_status(mid, "开除", date(2026, 3, 1))
    member = MemberService(db).get(mid)
    assert (member.status, member.full_on) == ("留党察看", date(2025, 6, 1))
    history = posts.status_history(mid)
    assert [(p.status, p.started_on, p.ended_on) for p in history] == [
        ("预备党员", date(2024, 6, 1), date(2025, 6, 1)),
        ("正式党员", date(2025, 6, 1), date(2025, 9, 1)),
        ("流动党员", date(2025, 9, 1), date(2026, 2, 1)),
        ("正式党员", date(2026, 2, 1), date(2026, 3, 1)),
        ("留党察看", date(2026, 3, 1), None),
    ]
    assert history[1].decided_on == date(2025, 6, 1) and history[4].decided_on == date(2026, 2, 27)
    with db.session() as s:
        for day, expected in [
            (date(2024, 5, 31), None),
            (date(2024, 6, 1), "预备党员"),
            (date(2025, 5, 31), "预备党员"),
            (date(2025, 6, 1), "正式党员"),
            (date(2025, 12, 25), "流动党员"),
            (date(2026, 2, 1), "正式党员"),
            (date(2026, 2, 28), "正式党员"),
            (date(2026, 3, 1), "留党察看"),
            (TODAY, "留党察看"),
        ]:
            assert statuses_on(s, day, member_ids=[mid]).get(mid) == expected, day


def test_the_member_form_goes_through_the_history(posts: PostService) -> None:
    db = posts.db
    members = MemberService(db)
    mid = _member(db, "李芳", 14, joined_on=date(2025, 1, 10), full_on=None, status="预备党员", post="关爱老人岗")
    data = members.as_input(mid)
    data.status, data.full_on = "正式党员", date(2026, 1, 10)
    members.update(mid, data)
    assert [(p.status, p.started_on) for p in posts.status_history(mid)] == [
        ("预备党员", date(2025, 1, 10)),
        ("正式党员", date(2026, 1, 10)),
    ]
    data = members.as_input(mid)
    data.full_on = date(2026, 1, 20)  # a corrected 转正 date moves the boundary
    members.update(mid, data)
    assert [p.ended_on for p in posts.status_history(mid)] == [date(2026, 1, 20), None]
    data = members.as_input(mid)
    data.status, data.full_on = "预备党员", None
    with pytest.raises(RefusedError, match="党员状态不能由正式党员直接改为预备党员"):
        members.update(mid, data)
    data = members.as_input(mid)
    data.post = "关爱老人岗、政策宣传岗"  # the form's text: named posts joined, the catalogue grows
    members.update(mid, data)
    assert [(h.post, h.ended_on) for h in posts.member_posts(mid)] == [("关爱老人岗", None), ("政策宣传岗", None)]
    data = members.as_input(mid)
    data.post = ""  # emptied in the form: the posts end today
    members.update(mid, data)
    assert all(h.ended_on == TODAY for h in posts.member_posts(mid))


def test_register_import_joins_posts_and_records_status(posts: PostService, write_xlsx: Callable[..., Path]) -> None:
    db = posts.db
    head = ["姓名", "性别", "出生日期", "公民身份号码", "入党时间", "转正时间", "党员状态", "岗位"]
    born = date(1975, 3, 3)
    old = posts.create_post(PostInput("政策宣传岗"))
    rows = [
        head,
        [
            "王伟",
            "男",
            born,
            make_id(born, 21),
            date(2001, 1, 1),
            date(2002, 1, 1),
            "正式党员",
            "政策宣传岗、环境监督岗",
        ],
        ["李芳", "女", born, make_id(born, 22), date(2001, 1, 1), date(2002, 1, 1), "流动党员", ""],
    ]
    report = ExcelRegisterService(db).import_file("members", write_xlsx(rows))
    assert report.created == 2 and not report.problems
    with db.session() as s:
        ids = {n: i for i, n in posts.active_members()}
        assert s.scalar(select(PostAssignment.post_id).where(PostAssignment.member_id == ids["李芳"])) is None
        periods = (
            s.execute(select(MemberStatusPeriod.status).where(MemberStatusPeriod.member_id == ids["李芳"]))
            .scalars()
            .all()
        )
        assert periods == ["预备党员", "流动党员"]
    assert [h.post for h in posts.member_posts(ids["王伟"])] == ["政策宣传岗", "环境监督岗"]
    assert [h.member for h in posts.holders(old)] == ["王伟"]
    rows[1][7], rows[2][6] = "环境监督岗", "正式党员"  # again: one post dropped, 李芳 back from 流动
    ExcelRegisterService(db).import_file("members", write_xlsx(rows))
    assert [(h.post, h.ended_on) for h in posts.member_posts(ids["王伟"])] == [
        ("环境监督岗", None),
        ("政策宣传岗", TODAY),
    ]
    assert [(p.status, p.ended_on) for p in posts.status_history(ids["李芳"])][-2:] == [
        ("流动党员", TODAY),
        ("正式党员", None),
    ]
    assert MemberService(db).get(ids["王伟"]).post == "环境监督岗"


def test_assignment_dates_in_the_future_are_refused(posts: PostService) -> None:
    mid = _member(posts.db, "张强", 15)
    pid = posts.create_post(PostInput("矛盾调解岗"))
    with pytest.raises(ValidationError, match="上岗日期：任岗日期不能晚于今天"):
        posts.assign(pid, mid, TODAY + timedelta(days=1))
    with pytest.raises(ValidationError, match="上岗日期：不能为空"):
        posts.assign(pid, mid, None)
