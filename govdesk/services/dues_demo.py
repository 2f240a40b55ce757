"""Demo 党费: monthly amounts for 2025 and this year, and the year's payments — monthly,
quarterly or half-yearly — with a few members 3–5 months behind and one 流动党员 who stopped
paying in spring (连续六个月以上未交).

Farmers pay 0.2–1 元 a month; members with a salary or pension (the cadres, a few teachers and
retirees) pay more. Rows are written in bulk (a township demo has 5,000 members) after each
payment passed the same field rules the desk's form uses; the schedules never overlap.
Deterministic: only ``ctx.rng`` and ``ctx.today`` are used.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import insert, select

from govdesk.db import Database
from govdesk.demo import DemoContext
from govdesk.dues.rules import PaymentInput, check_payment_fields, key_month, last_due_month, month_key, yuan
from govdesk.models import Cadre, Member
from govdesk.models.dues import DuesPayment, DuesRate
from govdesk.vocabulary import STATUS_MIGRANT

FARMER_FEN = (20, 30, 50, 50, 100)
SALARY_FEN = (300, 500, 800, 1200, 1500, 2000)
DUES_SEED = 20261130
BEHIND = (3, 4, 5)  # months behind of three members, as of last month


def _periods(start: int, stop: int, every: int) -> list[tuple[int, int]]:
    """Month-key spans from ``start`` to ``stop``, cut at calendar periods of ``every`` months."""
    spans = []
    key = start
    while key <= stop:
        year, month = key_month(key)
        period_end = month_key(year, ((month - 1) // every + 1) * every)
        end = min(period_end, stop)
        spans.append((key, end))
        key = end + 1
    return spans


def seed_demo(db: Database, ctx: DemoContext) -> None:
    rng = random.Random(DUES_SEED)  # its own generator: the other seeders' draws stay as they were
    today = ctx.today
    years = (today.year - 1, today.year)
    last_due = month_key(*last_due_month(today))
    with db.session() as s:
        members = s.execute(
            select(Member.id, Member.joined_on, Member.status).where(Member.ended_on.is_(None)).order_by(Member.id)
        ).all()
        salaried = set(s.scalars(select(Cadre.member_id).where(Cadre.member_id.is_not(None))).all())
        taker = s.scalar(select(Cadre.name).where(Cadre.post.like("%委员%")).order_by(Cadre.sort_order)) or "组织委员"
    migrants = [mid for mid, _j, status in members if status == STATUS_MIGRANT]
    regular = [mid for mid, _j, status in members if status != STATUS_MIGRANT and mid not in salaried]
    stopped: dict[int, int] = {}
    if migrants:
        stopped[migrants[0]] = last_due - 7  # the last month paid: seven months in a row unpaid
    for behind, mid in zip(BEHIND, rng.sample(regular, min(len(BEHIND), len(regular))), strict=False):
        stopped[mid] = last_due - behind
    rates: list[dict[str, object]] = []
    payments: list[dict[str, object]] = []
    receipt = 0
    for mid, joined, _status in members:
        joined = joined or date(years[0], 1, 1)
        fen = rng.choice(SALARY_FEN) if mid in salaried or rng.random() < 0.08 else rng.choice(FARMER_FEN)
        every = rng.choice((1, 1, 3, 3, 3, 6))
        start = max(month_key(years[0], 1), month_key(joined.year, joined.month))
        for year in years:
            if month_key(year, 12) >= start:
                rates.append({"member_id": mid, "year": year, "monthly_fen": fen})
        stop = stopped.get(mid, last_due if every == 1 else month_key(today.year, 12))
        for first, last in _periods(start, stop, every):
            (year, m1), (_y, m2) = key_month(first), key_month(last)
            paid_on = date(year, m1, rng.randrange(1, 26))
            if paid_on > today:
                continue
            receipt += 1
            p = check_payment_fields(
                PaymentInput(mid, year, m1, m2, yuan((m2 - m1 + 1) * fen), paid_on, f"DF{year}-{receipt:05d}"),
                today,
            )
            payments.append(
                {
                    "member_id": mid,
                    "year": p.year,
                    "first_month": p.first_month,
                    "last_month": p.last_month,
                    "month_bits": p.bits,
                    "amount_fen": p.amount_fen,
                    "paid_on": p.paid_on,
                    "receipt_no": p.receipt_no,
                    "taken_by": taker,
                    "note": "",
                }
            )
    with db.transaction() as s:
        s.execute(insert(DuesRate), rates)
        if payments:
            s.execute(insert(DuesPayment), payments)
