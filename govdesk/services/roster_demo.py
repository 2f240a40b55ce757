"""Demo duty rosters for the demo village: this month signed off (with one swap), next month drafted.

Everything goes through the services, so the demo exercises the same rules as the window.
Deterministic: only ``ctx.rng`` and ``ctx.today`` are used.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.services.duty_log import DutyLogService
from govdesk.services.roster import RosterService


def _next_month(year: int, month: int) -> tuple[int, int]:
    return (year + 1, 1) if month == 12 else (year, month + 1)


def seed_demo(db: Database, ctx: DemoContext) -> None:
    roster = RosterService(db)
    log = DutyLogService(db)
    today = ctx.today
    cadres = ctx.cadre_ids
    if len(cadres) < 3:
        return
    roster.set_meeting(0, "8:00", "两委例会", "村部二楼会议室")
    for cid in cadres:
        roster.set_carry_over(
            cid,
            40 + ctx.rng.randint(0, 2),
            16 + ctx.rng.randint(0, 1),
            4 + ctx.rng.randint(0, 1),
            "启用本程序前的值班次数",
        )
    this_month = (today.year, today.month)
    first = today.replace(day=1)
    roster.add_leave(cadres[2], first + timedelta(days=9), first + timedelta(days=13), "到县委党校参加培训")
    roster.add_leave(cadres[5], first + timedelta(days=40), first + timedelta(days=44), "病假")
    view = roster.draft(this_month)
    secretary = view.cadres[0].name
    roster.sign_off(this_month, secretary, first - timedelta(days=3))
    # One swap after sign-off: the cadre on duty on the 18th has a township meeting.
    by_day = {d.day: d.cadre for d in view.days}
    day_a = first + timedelta(days=17)
    day_b = next(
        day_a + timedelta(days=k)
        for k in range(2, 9)
        if by_day.get(day_a + timedelta(days=k)) and by_day[day_a + timedelta(days=k)] != by_day[day_a]
    )
    requester = by_day[day_a]
    assert requester is not None
    roster.swap(
        this_month,
        day_a,
        day_b,
        requester.name,
        "当天到镇里参加乡村振兴专题会议",
        datetime.combine(day_a - timedelta(days=2), time(9, 30)),
    )
    roster.draft(_next_month(*this_month))
    # A few duty-log entries; the last one is still open and carries over to whoever is on duty next.
    entries = [
        (7, "村民", "咨询新农合缴费时间", "已当场解答", "", True),
        (4, "三组村民", "反映村道路灯不亮", "已登记，转交电工维修", "村委会委员、治保主任", True),
        (2, "低保户家属", "询问低保年审需带的材料", "已告知所需材料清单", "", True),
        (1, "五组村民", "反映邻里宅基地边界纠纷，请求调解", "已初步了解情况，约定上门调解", "矛盾调解岗", False),
    ]
    for days_ago, visitor, matter, handling, passed_to, closed in entries:
        day = today - timedelta(days=days_ago)
        entry_id = log.add(
            day, matter, visitor=visitor, handling=handling, passed_to=passed_to, due_on=day + timedelta(days=5)
        )
        if closed:
            log.close(entry_id, day + timedelta(days=1), "已办结，已回访")
