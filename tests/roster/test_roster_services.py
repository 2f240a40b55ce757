"""Roster services on a real database: drafting, calendar gaps, sign-off, swaps, leave, schema."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from govdesk.db import Database
from govdesk.errors import RefusedError, ValidationError
from govdesk.models import Base
from govdesk.roster.calendar import DAY_HOLIDAY, DAY_KINDS, DAY_WEEKEND, DAY_WORKDAY, OVERRIDE_HOLIDAY, OVERRIDE_WORKDAY
from govdesk.roster.generator import RosterError
from govdesk.services.bundle import Services


def test_roster_migrated_schema_equals_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_roster_draft_fills_every_day_of_the_month(roster_services: Services) -> None:
    view = roster_services.roster.draft("2026-10")
    assert view.status == "草稿"
    assert len(view.days) == 31 and all(d.cadre for d in view.days)
    national_day = view.day(date(2026, 10, 1))
    assert national_day is not None and national_day.kind == DAY_HOLIDAY and national_day.holiday_name == "国庆节"
    assert view.day(date(2026, 10, 10)).kind == DAY_WORKDAY  # 调休上班 (Saturday)
    assert view.warning is None


def test_roster_unpublished_year_2027_works_with_warning_then_staff_holidays(roster_services: Services) -> None:
    """Rule: a year the package does not know keeps working — weekends rest, warning, staff entries."""
    svc = roster_services.roster
    view = svc.draft("2027-01")
    assert view.warning is not None and "2027 年" in view.warning and "尚未收录" in view.warning
    assert all(d.cadre for d in view.days)
    assert view.day(date(2027, 1, 1)).kind == DAY_WORKDAY  # unknown: a Friday is a workday
    assert view.day(date(2027, 1, 2)).kind == DAY_WEEKEND
    svc.set_holiday("2027-01-01", OVERRIDE_HOLIDAY, "元旦")
    svc.set_holiday("2027.1.9", OVERRIDE_WORKDAY)
    view = svc.draft("2027-01")
    assert view.warning is None
    assert view.day(date(2027, 1, 1)).kind == DAY_HOLIDAY and view.day(date(2027, 1, 1)).holiday_name == "元旦"
    assert view.day(date(2027, 1, 9)).kind == DAY_WORKDAY
    assert [h.day for h in svc.holidays(2027)] == [date(2027, 1, 1), date(2027, 1, 9)]
    with pytest.raises(ValidationError, match="名称"):
        svc.set_holiday("2027-02-10", OVERRIDE_HOLIDAY, "")


def test_roster_counts_carry_over_to_next_month_and_year(roster_services: Services) -> None:
    svc = roster_services.roster
    dec = svc.draft("2026-12")
    jan = svc.draft("2027-01")
    for t_dec, t_jan in zip(dec.tallies, jan.tallies, strict=True):
        assert t_jan.before == t_dec.after
    for kind in DAY_KINDS:
        totals = [t.after[kind] for t in jan.tallies]
        assert max(totals) - min(totals) <= 1


def test_roster_adjust_keeps_fixed_day_and_refuses_leave(roster_services: Services) -> None:
    svc = roster_services.roster
    view = svc.draft("2026-11")
    wang = view.cadres[0]
    svc.add_leave(wang.id, "2026-11-10", "2026-11-12", "外出学习")
    with pytest.raises(ValidationError, match="请假"):
        svc.assign("2026-11", "2026-11-11", wang.id)
    svc.assign("2026-11", "2026-11-20", wang.id)
    view = svc.draft("2026-11")
    day20 = view.day(date(2026, 11, 20))
    assert day20.cadre.id == wang.id and day20.fixed
    for d in (10, 11, 12):
        assert view.day(date(2026, 11, d)).cadre.id != wang.id


def test_roster_sign_off_then_only_swaps_recorded(roster_services: Services) -> None:
    svc = roster_services.roster
    view = svc.draft("2026-11")
    with pytest.raises(RefusedError):
        svc.swap("2026-11", "2026-11-03", "2026-11-05", "张三", "有事")  # not signed yet
    with pytest.raises(ValidationError, match="签发人"):
        svc.sign_off("2026-11", "  ", "2026-10-30")
    svc.sign_off("2026-11", "王竂", "2026-10-30")
    with pytest.raises(RefusedError, match="已签发"):
        svc.draft("2026-11")
    with pytest.raises(RefusedError, match="换班"):
        svc.assign("2026-11", "2026-11-03", view.cadres[1].id)
    a, b = view.day(date(2026, 11, 3)).cadre, view.day(date(2026, 11, 6)).cadre
    if a == b:
        b = view.day(date(2026, 11, 7)).cadre
        day_b = date(2026, 11, 7)
    else:
        day_b = date(2026, 11, 6)
    with pytest.raises(ValidationError, match="原因"):
        svc.swap("2026-11", "2026-11-03", day_b, a.name, "")
    rec = svc.swap("2026-11", "2026-11-03", day_b, a.name, "参加镇里会议", datetime(2026, 11, 1, 9, 0))
    view = svc.roster("2026-11")
    assert view.status == "已签发" and view.signed_by == "王竂" and view.signed_on == date(2026, 10, 30)
    assert view.day(date(2026, 11, 3)).cadre == b and view.day(day_b).cadre == a
    assert "已换班" in view.day(date(2026, 11, 3)).swap_note
    assert view.swaps == [rec] and rec.requested_by == a.name and rec.recorded_at == datetime(2026, 11, 1, 9, 0)
    assert "换班" in rec.text()


def test_roster_day_nobody_can_serve_is_named(roster_services: Services) -> None:
    svc = roster_services.roster
    for c in svc.duty_cadres(date(2026, 11, 1), date(2026, 11, 30)):
        svc.add_leave(c.id, "2026-11-15", "2026-11-15", "全体外出")
    with pytest.raises(RosterError, match="2026年11月15日"):
        svc.draft("2026-11")


def test_roster_meeting_shown_on_its_weekday(roster_services: Services) -> None:
    svc = roster_services.roster
    svc.set_meeting(0, "8:00", "两委例会", "村部会议室")
    view = svc.draft("2026-11")
    mondays = [d for d in view.days if d.meeting]
    assert [d.day.weekday() for d in mondays] == [0] * 5
    assert "8:00" in mondays[0].meeting and view.meeting.text() == "每周一 8:00 两委例会（村部会议室）"
    with pytest.raises(ValidationError, match="例会时间"):
        svc.set_meeting(0, "25点")


def test_roster_new_cadre_starts_level(demo_db: Database) -> None:
    """Fairness rule: a cadre new to duty starts level with the least-served colleague, not at zero."""
    from govdesk.models import Cadre

    with demo_db.transaction() as s:
        s.add(Cadre(village_id=1, name="新干部", post="村委会委员", phone="13900000000", started_on=date(2026, 12, 1)))
    view = Services.open(demo_db).roster.draft("2027-01")
    new = next(t for t in view.tallies if t.cadre.name == "新干部")
    others = [t for t in view.tallies if t.cadre.name != "新干部"]
    for kind in new.before:
        assert new.before[kind] == min(t.before[kind] for t in others)


def test_roster_check_finds_leave_entered_after_sign_off(roster_services: Services) -> None:
    """govdesk check: a signed roster with its cadre on leave that day is a problem to fix by a swap."""
    from govdesk.cli.check import all_problems

    svc = roster_services.roster
    view = svc.draft("2026-11")
    svc.sign_off("2026-11", "王竂", "2026-10-30")
    assert all_problems(roster_services.db) == []
    cadre = view.day(date(2026, 11, 12)).cadre
    clash = svc.add_leave(cadre.id, "2026-11-12", "2026-11-12", "病假")
    assert clash == [date(2026, 11, 12)]
    problems = all_problems(roster_services.db)
    assert len(problems) == 1 and "2026年11月12日" in problems[0] and "请假" in problems[0]


def test_roster_cadre_leaving_office_mid_month_is_not_rostered_after(roster_services: Services) -> None:
    """Hard rule: nobody is on duty on a day they are not in office (treated like leave)."""
    from govdesk.models import Cadre

    with roster_services.db.transaction() as s:
        leaving = s.get(Cadre, 2)
        leaving.ended_on = date(2026, 11, 10)
    view = roster_services.roster.draft("2026-11")
    served = [d.day for d in view.days if d.cadre and d.cadre.id == 2]
    assert served and max(served) <= date(2026, 11, 10)
    with pytest.raises(ValidationError, match="不在任"):
        roster_services.roster.assign("2026-11", "2026-11-20", 2)


def test_roster_staff_entry_overrides_published_calendar(roster_services: Services) -> None:
    """The staff table wins over the package, e.g. a local rest day in a published year."""
    svc = roster_services.roster
    assert svc.roster("2026-10").day(date(2026, 10, 9)).kind == DAY_WORKDAY
    svc.set_holiday("2026-10-09", "休息", "村庙会")
    day = svc.roster("2026-10").day(date(2026, 10, 9))
    assert day.kind == DAY_WEEKEND and day.holiday_name == "村庙会"
    svc.remove_holiday("2026-10-09")
    assert svc.roster("2026-10").day(date(2026, 10, 9)).kind == DAY_WORKDAY
