"""Property tests of the duty-roster generator (rules from DOMAIN.md, Duty rosters)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govdesk.roster.calendar import DAY_HOLIDAY, DAY_KINDS, DAY_WEEKEND, DAY_WORKDAY, DutyCalendar
from govdesk.roster.generator import RosterError, RosterRequest, generate

KIND = st.sampled_from(DAY_KINDS)
START = date(2026, 1, 1)


CALENDAR = DutyCalendar()


@st.composite
def requests(draw: st.DrawFn, *, leave: bool = True, min_cadres: int = 1, real_calendar: bool = False) -> RosterRequest:
    """Random kinds of day, or real stretches of 2004–2027 (holidays, 调休, unpublished 2027)."""
    n_cadres = draw(st.integers(min_cadres, 9))
    cadres = list(range(1, n_cadres + 1))
    n_days = draw(st.integers(1, 92 if real_calendar else 62))
    if real_calendar:
        first = date(2004, 1, 1) + timedelta(days=draw(st.integers(0, 24 * 365)))
        days = [(x.day, x.kind) for x in CALENDAR.days(first, first + timedelta(days=n_days - 1))]
    else:
        days = [(START + timedelta(days=i), draw(KIND)) for i in range(n_days)]
    unavailable: dict[int, set[date]] = {}
    if leave:
        for c in cadres:
            picked = draw(st.sets(st.integers(0, n_days - 1), max_size=n_days // 3))
            unavailable[c] = {days[i][0] for i in picked}
    return RosterRequest(days=days, cadres=cadres, unavailable=unavailable)


def _roomy(req: RosterRequest, need: int = 3) -> bool:
    """At least ``need`` cadres free every day: back-to-back is then always avoidable."""
    return all(sum(d not in req.unavailable.get(c, ()) for c in req.cadres) >= need for d, _ in req.days)


def _everyone_free_some_day(req: RosterRequest) -> bool:
    return all(any(d not in req.unavailable.get(c, ()) for c in req.cadres) for d, _ in req.days)


@settings(max_examples=80, deadline=None)
@given(st.one_of(requests(), requests(real_calendar=True)))
def test_roster_every_day_exactly_one_cadre_and_no_leave_broken(req: RosterRequest) -> None:
    """Hard rules: one cadre a day; nobody on leave — or a clear error naming the empty day."""
    if not _everyone_free_some_day(req):
        with pytest.raises(RosterError, match="无人值班"):
            generate(req)
        return
    plan = generate(req)
    assert sorted(plan.assignments) == [d for d, _ in req.days]
    for d, c in plan.assignments.items():
        assert c in req.cadres
        assert d not in req.unavailable.get(c, ())


@settings(max_examples=80, deadline=None)
@given(st.one_of(requests(min_cadres=3), requests(min_cadres=3, real_calendar=True)))
def test_roster_no_back_to_back_when_avoidable(req: RosterRequest) -> None:
    """Soft rule 1: with three cadres free every day nobody serves two days running."""
    if not _roomy(req):
        return
    plan = generate(req)
    ordered = [plan.assignments[d] for d, _ in req.days]
    assert all(a != b for a, b in zip(ordered, ordered[1:], strict=False))
    assert plan.back_to_back == []


@settings(max_examples=80, deadline=None)
@given(requests(leave=False, min_cadres=3, real_calendar=True), st.integers(0, 20))
def test_roster_each_kind_balanced_within_one_day(req: RosterRequest, base: int) -> None:
    """Soft rule 2: on real calendars, without leave and with equal counts before, each kind ends within one day.

    (With unequal counts before, "no one two days running" — the stronger rule — can force a
    kind two apart: 工作日/节假日/工作日 with three cadres; that case is not "allowed by the input".)
    """
    prior = {c: dict.fromkeys(DAY_KINDS, base) for c in req.cadres}
    req = RosterRequest(days=req.days, cadres=req.cadres, prior=prior)
    plan = generate(req)
    ordered = [plan.assignments[d] for d, _ in req.days]
    assert all(a != b for a, b in zip(ordered, ordered[1:], strict=False))
    for kind in DAY_KINDS:
        totals = [t.after[kind] for t in plan.tallies]
        assert max(totals) - min(totals) <= 1, (kind, totals)
    for t in plan.tallies:
        for kind in DAY_KINDS:
            assert t.after[kind] == t.before[kind] + t.period[kind]


@settings(max_examples=80, deadline=None)
@given(requests(leave=False, min_cadres=4), st.integers(0, 20))
def test_roster_balanced_on_any_kinds_with_four_cadres(req: RosterRequest, base: int) -> None:
    """Soft rule 2 on arbitrary day kinds: with four or more cadres and equal counts before, every
    kind ends within one day and no one serves two days running. (Counts before that differ can
    make the two soft rules collide: 节假日/工作日/节假日 where the two owed holidays block the workday.)"""
    prior = {c: dict.fromkeys(DAY_KINDS, base) for c in req.cadres}
    plan = generate(RosterRequest(days=req.days, cadres=req.cadres, prior=prior))
    ordered = [plan.assignments[d] for d, _ in req.days]
    assert all(a != b for a, b in zip(ordered, ordered[1:], strict=False))
    for kind in DAY_KINDS:
        totals = [t.after[kind] for t in plan.tallies]
        assert max(totals) - min(totals) <= 1, (kind, totals)


@settings(max_examples=50, deadline=None)
@given(requests())
def test_roster_deterministic(req: RosterRequest) -> None:
    """The same input always gives the same roster and explanation."""
    if not _everyone_free_some_day(req):
        return
    assert generate(req) == generate(req)


def test_roster_fixed_day_kept_and_counted() -> None:
    days = [(START + timedelta(days=i), DAY_WORKDAY) for i in range(10)]
    plan = generate(RosterRequest(days=days, cadres=[1, 2, 3], fixed={days[4][0]: 3}))
    assert plan.assignments[days[4][0]] == 3
    assert {t.cadre_id: t.period[DAY_WORKDAY] for t in plan.tallies} in (
        {1: 3, 2: 3, 3: 4},
        {1: 4, 2: 3, 3: 3},
        {1: 3, 2: 4, 3: 3},
    )


def test_roster_fixed_day_on_leave_is_refused_naming_the_day() -> None:
    d = START
    with pytest.raises(RosterError, match="2026年1月1日"):
        generate(RosterRequest(days=[(d, DAY_WORKDAY)], cadres=[1, 2], fixed={d: 1}, unavailable={1: {d}}))


def test_roster_prior_counts_carry_over() -> None:
    """A cadre who served more holidays before gets fewer now."""
    days = [(START + timedelta(days=i), DAY_HOLIDAY) for i in range(6)]
    prior = {1: {DAY_HOLIDAY: 4}, 2: {DAY_HOLIDAY: 0}, 3: {DAY_HOLIDAY: 0}}
    plan = generate(RosterRequest(days=days, cadres=[1, 2, 3], prior=prior))
    after = {t.cadre_id: t.after[DAY_HOLIDAY] for t in plan.tallies}
    assert after == {1: 4, 2: 3, 3: 3}


def test_roster_real_year_is_balanced() -> None:
    cal = DutyCalendar()
    days = [(x.day, x.kind) for x in cal.days(date(2026, 1, 1), date(2026, 12, 31))]
    plan = generate(RosterRequest(days=days, cadres=list(range(1, 10))))
    for kind in (DAY_WORKDAY, DAY_WEEKEND, DAY_HOLIDAY):
        totals = [t.after[kind] for t in plan.tallies]
        assert max(totals) - min(totals) <= 1
    assert plan.back_to_back == []
