"""``govdesk check`` rules for duty rosters: hard rules that later edits may have broken.

A signed-off roster is posted on the wall, so a leave entered afterwards, a cadre who left
office, or a day left empty must be caught before someone fails to turn up.
"""

from __future__ import annotations

from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import Cadre
from govdesk.models.roster import CadreLeave, DutyAssignment, Roster
from govdesk.roster.calendar import date_range, month_bounds, parse_month
from govdesk.roster.generator import day_label


def roster_problems(db: Database) -> list[str]:
    problems: list[str] = []
    with db.session() as s:
        rosters = s.scalars(select(Roster).order_by(Roster.month)).all()
        cadres = {c.id: c for c in s.scalars(select(Cadre))}
        leave = s.scalars(select(CadreLeave)).all()
        for r in rosters:
            year, month = parse_month(r.month)
            first, last = month_bounds(year, month)
            filled: dict = {}
            for a in s.scalars(select(DutyAssignment).where(DutyAssignment.roster_id == r.id)):
                filled[a.day] = a.cadre_id
                c = cadres.get(a.cadre_id)
                if c is None:
                    continue
                if (c.started_on and a.day < c.started_on) or (c.ended_on and a.day > c.ended_on):
                    problems.append(f"值班表 {r.month}：{day_label(a.day)} 的值班人 {c.name} 当天不在任")
                for lv in leave:
                    if lv.cadre_id == c.id and lv.start <= a.day <= lv.end:
                        problems.append(f"值班表 {r.month}：{day_label(a.day)} 的值班人 {c.name} 当天请假，请换班")
            empty = [d for d in date_range(first, last) if d not in filled]
            if empty:
                problems.append(f"值班表 {r.month}（{r.status}）：{day_label(empty[0])} 等 {len(empty)} 天没有值班人")
    return problems
