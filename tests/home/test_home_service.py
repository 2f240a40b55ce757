"""首页's reads against a hand-built village: every count and every alert, and that each figure
counts exactly the list its click opens."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import Member
from govdesk.services.bundle import Services
from govdesk.services.home import HomeService
from govdesk.services.home_rules import anniversary_condition, anniversary_in_window
from govdesk.services.home_view import Figure
from govdesk.services.listing import ListQuery
from govdesk.voices.rules import VoiceInput
from tests.conftest import DEMO_TODAY
from tests.home.conftest import TODAY, Village, at, build_village


def values(figures: tuple[Figure, ...]) -> dict[str, int]:
    return {f.label: f.value for f in figures}


def test_today_on_duty_meeting_and_open_duty_log(village: Village) -> None:
    view = village.home.view()
    assert view.today == TODAY
    assert view.on_duty == ("赵书记（党支部书记）", "钱主任（村委会主任）")
    assert view.meeting_today == "8:30 两委例会（村部）"
    assert view.open_log_count == 2  # the closed item is not counted
    rows = [(i.kind, i.text, i.when, i.urgent) for i in view.today_items]
    assert rows == [
        ("今天值班", "赵书记（党支部书记）", "11月23日", False),
        ("明天值班", "钱主任（村委会主任）", "11月24日", False),
        ("例会", "8:30 两委例会（村部）", "今天", False),
        ("值班记录", "路灯坏了（钱主任跟进）", "逾期 2 天", True),
        ("值班记录", "低保咨询（赵书记跟进）", "还有 5 天", False),
    ]


def test_no_meeting_on_another_weekday_and_nobody_on_an_unplanned_day(village: Village) -> None:
    tuesday = village.home.view(TODAY + timedelta(days=1))
    assert tuesday.meeting_today == ""
    assert all(i.kind != "例会" for i in tuesday.today_items)
    later = village.home.view(TODAY + timedelta(days=60))  # no roster drafted that far
    assert later.on_duty == ("", "")
    assert [i.text for i in later.today_items[:2]] == ["未排班", "未排班"]


def test_needs_action_probation_voices_and_anniversaries(village: Village) -> None:
    rows = [(i.kind, i.text, i.when, i.urgent) for i in village.home.view().needs_action]
    assert rows == [
        ("预备党员转正", "郑逾期（2025-10-14 入党）", "10月14日满一年，逾期 40 天", True),
        ("民情", "外村人：村口路灯不亮", "逾期 3 天", True),  # not 水渠堵了: its deadline is days away
        ("预备党员转正", "吴转正（2025-11-26 入党）", "11月26日满一年", False),
        ("入党纪念日", "周纪念 入党 20 周年", "11月3日", False),
    ]  # not 冯新 (joined 100 days ago), not the ended member, not 陈流动 (joined in October)


def test_village_numbers(village: Village) -> None:
    view = village.home.view()
    assert values(view.totals) == {"农户": 2, "居民": 5, "党员": 5}  # ended household, resident, member left out
    assert values(view.breakdown("党员状态").figures) == {"正式党员": 1, "预备党员": 3, "流动党员": 1, "留党察看": 0}
    assert values(view.breakdown("各支部党员").figures) == {"第一支部": 2, "第二支部": 3}
    categories = values(view.breakdown("户类别").figures)
    assert categories["低保户"] == 1 and categories["残疾"] == 1  # the 低保户 period that ended does not count
    assert sum(categories.values()) == 2
    assert values(view.breakdown("党员年龄结构").figures) == {
        "35岁及以下": 3,
        "36至45岁": 0,
        "46至60岁": 1,
        "61至70岁": 0,
        "71岁及以上": 1,
    }
    assert values(view.breakdown("各村民小组居民").figures) == {"第一组": 3, "第二组": 2}
    assert set(values(view.breakdown("五议两公开事项").figures).values()) == {0}


def test_items_lead_to_the_right_lists(village: Village) -> None:
    view = village.home.view()
    targets = {i.text: (i.target.area, i.target.filters) for i in (*view.today_items, *view.needs_action)}
    assert targets["赵书记（党支部书记）"] == ("roster", {"day": TODAY})
    assert targets["路灯坏了（钱主任跟进）"] == ("roster", {"day": TODAY - timedelta(days=6)})
    assert targets["吴转正（2025-11-26 入党）"] == ("members", {"text": "吴转正"})
    assert targets["外村人：村口路灯不亮"] == ("voices", {"overdue": True, "id": village.ids["voice_late"]})
    low = next(f for f in view.breakdown("户类别").figures if f.label == "低保户")
    assert (low.target.area, low.target.filters) == ("households", {"category": "低保户"})
    group = view.breakdown("各村民小组居民").figures[0]
    assert group.target.filters == {"villager_group_id": village.ids["g1"]}


def list_count(services: Services, figure: Figure) -> int:
    listing = {"members": services.members, "households": services.households, "decisions": services.decisions}
    return listing[figure.target.area].count(ListQuery(filters=figure.target.filters))


def check_every_figure_counts_its_list(services: Services, home: HomeService) -> int:
    """Every number and bar but those counting residents (people behind a list of households)."""
    view = home.view()
    figures = [*view.totals, *(f for b in (*view.breakdowns, *view.charts) for f in b.figures)]
    people = {id(f) for f in view.breakdown("各村民小组居民").figures} | {id(view.figure("居民"))}
    checked = 0
    for figure in figures:
        if id(figure) not in people:
            assert list_count(services, figure) == figure.value, figure
            checked += 1
    return checked


def test_every_figure_counts_the_list_it_opens(db: Database) -> None:
    village = build_village(db, date.today())  # the lists filter on the real today (age bands, categories)
    assert check_every_figure_counts_its_list(village.services, village.home) > 20


def test_every_figure_counts_the_list_it_opens_on_the_demo(demo_db: Database) -> None:
    services = Services.open(demo_db)
    assert check_every_figure_counts_its_list(services, HomeService(demo_db)) > 20


def test_residents_by_group_sum_to_the_residents_of_the_households_listed(village: Village) -> None:
    view = village.home.view()
    assert (
        view.breakdown("各村民小组居民").total == view.figure("居民").value == village.services.households.counts()[1]
    )


def test_decision_reminders_are_the_decision_logs_own(demo_db: Database) -> None:
    home = HomeService(demo_db, clock=at(DEMO_TODAY))
    items = [i for i in home.view().needs_action if i.kind == "五议两公开"]
    reminders = home.decisions.needs_action(DEMO_TODAY)
    assert [(i.text, i.when, i.urgent) for i in items] == [
        (f"{a.what}：{a.number} {a.title}", a.overdue_text, a.days_overdue > 0) for a in reminders
    ]
    assert len(items) >= 4 and items[0].urgent
    assert all(i.target.area == "decisions" and "matter_id" in i.target.filters for i in items)


def test_demo_shows_a_probationary_member_due_this_month(demo_db: Database) -> None:
    view = HomeService(demo_db, clock=at(DEMO_TODAY)).view()
    assert [i.text for i in view.needs_action if i.kind == "预备党员转正"]
    assert [i.text for i in view.needs_action if i.kind == "入党纪念日"]
    assert [i.text for i in view.needs_action if i.kind == "民情"]
    assert view.on_duty[0] and view.open_log_count >= 1


def test_more_anniversaries_than_listed_become_one_line_to_the_members_list(db: Database) -> None:
    village = build_village(db, TODAY)
    from govdesk.services import home as home_module

    home_module.ANNIVERSARIES_LISTED, saved = 0, home_module.ANNIVERSARIES_LISTED
    try:
        rows = [i for i in village.home.view().needs_action if i.kind == "入党纪念日"]
    finally:
        home_module.ANNIVERSARIES_LISTED = saved
    assert [(i.text, i.when, i.target.filters) for i in rows] == [
        ("另有 1 位党员本月或近7天入党纪念日", "共 1 人", {"anniversary": True})
    ]


JOINED = [date(1990, 11, 2), date(2001, 12, 3), date(2001, 12, 4), date(2001, 10, 31), date(2010, 1, 3),
          date(2026, 11, 5), date(2025, 11, 5), date(2004, 2, 29), date(1999, 11, 30)]  # fmt: skip


@pytest.mark.parametrize("today", [date(2026, 11, 23), date(2026, 11, 26), date(2026, 12, 29), date(2027, 2, 25)])
def test_the_anniversary_filter_selects_what_the_rule_finds(db: Database, today: date) -> None:
    village = build_village(db, TODAY)
    services = village.services
    seq = iter(range(501, 999, 2))
    from govdesk import idcard
    from govdesk.services.members import MemberInput

    for n, joined in enumerate(JOINED):
        birth = date(1960, 1, 1)
        services.members.create(
            MemberInput(
                name=f"试{chr(0x4E00 + n)}",  # names are letters only (input_limits)
                id_number=idcard.make_number("330784", birth, next(seq)),
                sex="男",
                birth_date=birth,
                joined_on=joined,
                full_on=joined + timedelta(days=400),
            )  # fmt: skip
        )
    with db.session() as s:
        rows = s.execute(
            select(Member.name, Member.joined_on).where(
                Member.name.like("试%"), anniversary_condition(Member.joined_on, today)
            )
        ).all()
    found = {name for name, _ in rows}
    expected = {f"试{chr(0x4E00 + n)}" for n, joined in enumerate(JOINED) if anniversary_in_window(joined, today)}
    assert found == expected


def test_the_clock_is_the_desk_today(db: Database) -> None:
    village = build_village(db, TODAY)
    home = HomeService(db, clock=lambda: datetime(2026, 11, 24, 8))
    assert home.view().today == TODAY + timedelta(days=1)
    assert village.home.today() == TODAY


def test_more_overdue_voices_than_listed_become_one_line_to_the_voices_list(db: Database) -> None:
    village = build_village(db, TODAY)
    from govdesk.services import home as home_module

    home_module.VOICES_LISTED, saved = 1, home_module.VOICES_LISTED
    try:
        village.services.voices.create(
            VoiceInput(
                TODAY - timedelta(days=20),
                "来访",
                "王一",
                category="水利",
                content="井水浑浊",
                deadline=TODAY - timedelta(days=1),
            )
        )
        rows = [(i.text, i.when, i.target.filters) for i in village.home.view().needs_action if i.kind == "民情"]
    finally:
        home_module.VOICES_LISTED = saved
    assert rows == [
        ("外村人：村口路灯不亮", "逾期 3 天", {"overdue": True, "id": village.ids["voice_late"]}),
        ("另有 1 件民情逾期未答复", "共 2 件", {"overdue": True}),
    ]
