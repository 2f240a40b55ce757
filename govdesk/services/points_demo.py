"""Demo 积分制: last year's and this year's catalogue, a realistic year of entries (a 一票否决
deduction and a 更正 among them) and 年终测评 scores, so the ledger, ranking and wall show something.

Deterministic and independent of the other seeders' order: its own generator seeded from the
demo's day. Entries are written in bulk with the same row makers and cap rule the service uses.
Meeting attendance points come from the meetings demo through ``points.automatic``, not from here.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import insert, select

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.member_status import statuses_on
from govdesk.models import Cadre
from govdesk.models.points import PointAssessment, PointEntry, PointYear
from govdesk.points.ledger import ensure_catalogue, entry_row, reversal_row, terms_of
from govdesk.points.rules import cap_problem

# (rule code, chance a member has it in a month, a note) — the everyday acts of a village.
_MONTHLY = (
    ("A02", 0.55, ("清扫河道", "帮助留守老人收稻谷", "村道除雪", "防汛值守", "文明实践站值班")),
    ("A04", 0.50, ("走访联系户", "给联系户送政策明白纸", "帮联系户办医保")),
    ("A03", 0.06, ("调解邻里宅基地纠纷", "调解排水沟纠纷")),
    ("A05", 0.03, ("建议主干道装路灯，已采纳", "建议设垃圾分类点，已采纳")),
    ("B04", 0.03, ("岗位巡查未到位",)),
    ("B03", 0.04, ("党费逾期未交",)),
)


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = random.Random(f"points-{ctx.today.isoformat()}")
    with db.session() as s:
        recorders = list(s.scalars(select(Cadre.name).order_by(Cadre.sort_order).limit(3))) or ["文书"]
    for year in (ctx.today.year - 1, ctx.today.year):
        _seed_year(db, rng, year, min(ctx.today, date(year, 12, 31)), recorders)


def _seed_year(db: Database, rng: random.Random, year: int, last: date, recorders: list[str]) -> None:
    with db.transaction() as s:
        rules = {r.code: r for r in ensure_catalogue(s, year)}
        s.add(PointYear(year=year, base=100.0, weight=0.8))
        members = list(statuses_on(s, date(year, 1, 1)))
        rows = []
        given: dict[tuple[int, int, int], float] = {}  # (member, rule, month or 0 for the year) → points
        for month in range(1, last.month + 1):
            for member in members:
                for code, chance, notes in _MONTHLY:
                    rule = rules.get(code)
                    if rule is None:
                        continue
                    for _ in range(3 if code in ("A02", "A04") else 1):
                        if rng.random() >= chance:
                            continue
                        day = date(year, month, rng.randint(1, 28))
                        if day > last:
                            continue
                        month_total = given.get((member, rule.id, month), 0.0)
                        year_total = given.get((member, rule.id, 0), 0.0)
                        if cap_problem(terms_of(rule), month_total, year_total):
                            continue
                        rows.append(entry_row(member, day, rule, rng.choice(notes), rng.choice(recorders)))
                        signed = terms_of(rule).signed
                        given[(member, rule.id, month)] = month_total + signed
                        given[(member, rule.id, 0)] = year_total + signed
        if members and "B05" in rules:  # one member gambled: 一票否决 for the year
            rows.append(
                entry_row(members[-3], date(year, 2, 9), rules["B05"], "春节期间参与赌博，经查属实", recorders[0])
            )
        if members and "A07" in rules:
            rows.append(entry_row(members[1], date(year, 7, 1), rules["A07"], "获评镇优秀共产党员", recorders[0]))
        rows.sort(key=lambda r: (r["day"], r["member_id"]))
        s.execute(insert(PointEntry), rows)
        # A mistake put right: a mediation entered for the wrong member is reversed (更正).
        wrong = s.scalars(
            select(PointEntry).where(PointEntry.rule_code == "A03", PointEntry.day >= date(year, 1, 1)).limit(1)
        ).first()
        if wrong is not None:
            s.execute(
                insert(PointEntry), [reversal_row(wrong, "更正：记错了党员，应记在同组另一位党员名下", recorders[0])]
            )
        at_end = list(statuses_on(s, last))
        scores = [
            {"year": year, "member_id": m, "score": float(rng.choice((70, 75, 80, 82, 85, 88, 90, 92, 95)))}
            for m in at_end
            if rng.random() < 0.95
        ]
        if scores:
            s.execute(insert(PointAssessment), scores)
