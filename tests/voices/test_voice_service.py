"""The 民情台账 service on a real SQLite file: round trips, the link with the decision log both
ways, the duty log, what is overdue, the broadcast."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from govdesk.changes import Changes, feed_of
from govdesk.decisions.state import STATE_DONE
from govdesk.errors import GovdeskError, RefusedError, ValidationError
from govdesk.models import Household, Resident
from govdesk.services.decisions import DecisionService
from govdesk.services.duty_log import DutyLogService
from govdesk.services.listing import ListQuery
from govdesk.services.voices import VoiceService
from govdesk.voices.rules import NEEDS_REPLY
from tests.voices.conftest import item


def test_an_item_round_trips_with_the_default_deadline(voices: VoiceService) -> None:
    vid = voices.create(item())
    view = voices.get(vid)
    assert view.data.deadline == date(2026, 11, 17)
    assert view.data.status == "待办"
    assert view.raised_by == "外村人 刘𠮷"
    assert view.days_overdue == 6  # demo today 2026-11-23
    data = view.data
    data.content, data.status = "路灯坏了五盏", "办理中"
    voices.update(vid, data)
    assert voices.get(vid).data.content == "路灯坏了五盏"


def test_a_resident_names_the_item_and_its_villager_group(voices: VoiceService) -> None:
    with voices.db.session() as s:
        resident = s.scalars(select(Resident).where(Resident.ended_on.is_(None))).first()
        assert resident is not None
        name, group = resident.name, s.get(Household, resident.household_id).villager_group_id  # type: ignore[union-attr]
    vid = voices.create(item(raised_by_name="", raised_by_resident_id=resident.id))
    view = voices.get(vid)
    assert view.raised_by == name and view.data.villager_group_id == group


def test_closing_without_a_reply_is_refused_and_nothing_changes(voices: VoiceService) -> None:
    vid = voices.create(item())
    with pytest.raises(ValidationError) as err:
        voices.answer(vid, "已办结", "", "", None)
    assert err.value.for_field("voice_reply")[0].message == NEEDS_REPLY
    assert voices.get(vid).data.status == "待办"
    voices.answer(vid, "已办结", "已联系电工修好", "李主任", "2026-11-15", "满意")
    view = voices.get(vid)
    assert (view.data.status, view.data.satisfaction, view.days_overdue) == ("已办结", "满意", 0)


def test_overdue_and_counts_for_the_home_page(voices: VoiceService) -> None:
    before = len(voices.overdue(date(2026, 11, 23)))
    late = voices.create(item(received_on=date(2026, 11, 2)))  # deadline 11-09: 14 days overdue
    voices.create(item(received_on=date(2026, 11, 20)))  # deadline 11-27: not yet
    done = voices.create(item(received_on=date(2026, 11, 1)))
    voices.answer(done, "已答复", "已解释政策", "王委员", "2026-11-03")
    found = voices.overdue(date(2026, 11, 23))
    assert len(found) == before + 1
    row = next(r for r in found if r.id == late)
    assert (row.deadline, row.days_overdue, row.raised_by) == (date(2026, 11, 9), 14, "外村人 刘𠮷")
    assert row.summary.startswith("村口到三组")
    counts = voices.counts(date(2026, 11, 23))
    assert counts.overdue == len(found)
    assert counts.received_this_month >= 3
    assert voices.count(ListQuery(filters={"overdue": True})) == len(found)


def test_items_become_one_matter_linked_both_ways(voices: VoiceService, decisions: DecisionService) -> None:
    a = voices.create(item(content="三组到村部的路坑洼，下雨积水", category="道路交通"))
    b = voices.create(item(content="建议把三组的路硬化", raised_by_name="陈明", received_on=date(2026, 11, 5)))
    mid = voices.to_matter(decisions, [a, b], "三组通组公路硬化", "公益事业建设", "12万")
    matter = decisions.matter(mid)
    assert matter.source == "村民建议"
    assert f"民情第 {a} 号" in matter.source_detail and f"民情第 {b} 号" in matter.source_detail
    assert matter.raised_on == date(2026, 11, 5)  # the earliest item
    assert matter.steps[0].mark == "已完成"  # the 建议 step is recorded with the items as its source
    assert [i.id for i in voices.items_of_matter(mid)] == [a, b]
    for vid in (a, b):
        view = voices.get(vid)
        assert [m.id for m in view.matters] == [mid]
        assert view.data.status == "办理中"
    with pytest.raises(RefusedError, match=f"民情第 {a} 号已转为事项 {matter.number}"):
        voices.to_matter(decisions, [a], "再转一次")
    row = next(r for r in voices.page(ListQuery(), 0, 500) if r.id == a)
    assert row.values[-1].startswith(matter.number)


def test_a_posted_result_shows_on_the_items(voices: VoiceService, demo_db) -> None:  # type: ignore[no-untyped-def]
    """The demo village has a matter whose result is posted and that came from two 民情 items."""
    linked = [v for v in voices.page(ListQuery(), 0, 2000) if v.values[-1]]
    assert len({r.values[-1] for r in linked}) >= 2
    done = [voices.get(r.id) for r in linked if STATE_DONE in r.values[-1]]
    assert done and done[0].matters[0].result_posted_on is not None
    assert "结果已于" in done[0].matters[0].text()


def test_a_failed_matter_leaves_no_links(voices: VoiceService, decisions: DecisionService) -> None:
    a = voices.create(item())
    with pytest.raises(GovdeskError):
        voices.to_matter(decisions, [a], "")  # a matter needs a title
    assert voices.get(a).matters == () and voices.get(a).data.status == "待办"
    with pytest.raises(RefusedError):
        voices.to_matter(decisions, [], "标题")


def test_a_duty_log_visit_becomes_an_item_once(voices: VoiceService, demo_db) -> None:  # type: ignore[no-untyped-def]
    log = DutyLogService(demo_db)
    entry = log.add(date(2026, 11, 20), "反映二组垃圾桶不够用", visitor="赵大爷", due_on=date(2026, 11, 25))
    vid = voices.from_duty_log(entry, "环境卫生")
    view = voices.get(vid)
    assert (view.raised_by, view.data.content, view.data.deadline) == (
        "赵大爷",
        "反映二组垃圾桶不够用",
        date(2026, 11, 25),
    )
    assert view.duty_log_id == entry
    with pytest.raises(RefusedError, match="已转为民情"):
        voices.from_duty_log(entry)


def test_the_category_catalogue_is_editable(voices: VoiceService) -> None:
    vid = voices.create(item(category="水利"))
    voices.set_categories(["道路交通", "人居环境", "其他"])
    assert voices.categories() == ["道路交通", "人居环境", "其他"]
    voices.create(item(category="人居环境"))
    data = voices.get(vid).data  # filed under 水利, since removed: still saves
    voices.update(vid, data)
    with pytest.raises(ValidationError, match="重复"):
        voices.set_categories(["其他", "其他"])


def test_writes_broadcast_voices(voices: VoiceService, decisions: DecisionService) -> None:
    heard: list[Changes] = []
    feed_of(voices.db).listen(heard.append)
    vid = voices.create(item())
    voices.to_matter(decisions, [vid], "路灯维修")
    assert heard == [Changes.VOICES, Changes.VOICES | Changes.DECISIONS]


def test_the_list_filters_and_searches_in_sql(voices: VoiceService) -> None:
    voices.create(item(content="独一无二的反映内容甲乙丙", channel="来访", category="水利"))
    assert voices.count(ListQuery(text="甲乙丙")) == 1
    assert voices.count(ListQuery(text="甲乙丙", filters={"channel": "来电"})) == 0
    total = voices.count(ListQuery())
    by_status = sum(voices.count(ListQuery(filters={"status": s})) for s in ("待办", "办理中", "已答复", "已办结"))
    assert by_status == total
    page = voices.page(ListQuery(sort_key="received_on"), 0, 10)
    assert [r.values[1] for r in page] == sorted(r.values[1] for r in page)
