"""Benchmark of 党费 at township scale (not collected by pytest): ``python3 tests/perf/bench_dues.py``.

The township demo (GOVDESK_BENCH_SCALE, default 170: ~5,000 members with two years of rates and
a year of payments) — then times what the desk does: the year's book computed (cold: the ledger
summed per member and year, every month's end asked of the roster rule in one pass,
``member_status.roster_bits``), a page of the book read again (warm: only the stamp), the arrears
filter, 首页's arrears lines, recording a payment, the notice printed. The floor, measured in the
same run, is bare SQL: the ledger's GROUP BY over the year and one roster query per month (what
the book asked before the one-pass roster).
"""

from __future__ import annotations

import os
import sys
import time
from datetime import date, datetime
from datetime import time as clock
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.perf._people_township import township_db  # noqa: E402

TODAY = date(2026, 11, 23)


def timed(label: str, fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<40} {best * 1000:8.1f} ms", flush=True)
    return best


def main() -> None:
    import sqlite3

    from govdesk.db import Database
    from govdesk.dues.rules import PaymentInput
    from govdesk.services.dues import DuesService
    from govdesk.services.dues_query import ARREARS_LISTED, DuesQueries
    from govdesk.services.dues_report import DuesReports
    from govdesk.services.home import HomeService
    from govdesk.services.listing import ListQuery

    path = township_db()
    now = lambda: datetime.combine(TODAY, clock(10))  # noqa: E731
    db = Database(path)
    with db.session() as s:
        from sqlalchemy import func, select

        from govdesk.models import Member
        from govdesk.models.dues import DuesPayment

        members = s.scalar(select(func.count(Member.id)))
        lines = s.scalar(select(func.count(DuesPayment.id)))
    print(f"township: {members} members, {lines} ledger lines", flush=True)

    raw = sqlite3.connect(path)

    def floor() -> None:
        raw.execute(
            "SELECT member_id, year, sum(month_bits), sum(amount_fen) FROM dues_payments"
            " WHERE year IN (2025, 2026) GROUP BY year, member_id"
        ).fetchall()
        for _month in range(1, 23):
            raw.execute(
                "SELECT id, status, full_on FROM members WHERE (joined_on IS NULL OR joined_on <= ?)"
                " AND (ended_on IS NULL OR ended_on > ?)",
                ("2026-01-31", "2026-01-31"),
            ).fetchall()

    base = timed("floor: ledger GROUP BY + 22 roster reads", floor)
    from govdesk.changes import Changes
    from govdesk.services.dues_query import _memo_of

    def cold_book() -> None:
        _memo_of(db).forget(Changes.MEMBERS)  # nothing kept
        DuesQueries(db, clock=now).year_book(2026)

    def after_payment() -> None:
        _memo_of(db).forget(Changes.DUES)  # as after a payment
        DuesQueries(db, clock=now).year_book(2026)

    cold = timed("year's book, cold", cold_book, repeat=3)
    timed("year's book after a payment", after_payment)
    dues = DuesService(db, clock=now)
    dues.year_book(2026)
    timed("book: count + first page, warm", lambda: (dues.count(ListQuery()), dues.page(ListQuery(), 0, 200)))
    listed = ListQuery(filters={"arrears": ARREARS_LISTED})
    timed("book: arrears filter, warm", lambda: (dues.count(listed), dues.page(listed, 0, 200)))
    timed("book: sorted by arrears, warm", lambda: dues.page(ListQuery(sort_key="arrears", descending=True), 0, 200))
    home = HomeService(db, clock=now)
    timed("首页 arrears lines (book kept)", lambda: HomeService(db, clock=now).arrears_items(TODAY))
    timed("首页 whole view", lambda: home.view(TODAY), repeat=3)
    target = next(r for r in dues.year_book(2026).values() if r.arrears.count and r.monthly_fen)
    month = [iter(range(1, 13))]

    def pay() -> None:
        m = next(m for m in month[0] if m not in dues.member_year(target.member_id, 2026).paid_months)
        dues.record_payment(PaymentInput(target.member_id, 2026, m, m, "9.99", TODAY, "B1", "bench"), confirmed=True)

    timed("record one payment (with its checks)", pay, repeat=3)
    timed("notice PDF, whole township", lambda: DuesReports(db, today=TODAY).notice_pdf(2026), repeat=1)
    print(f"cold book / floor: {cold / base:.1f}×")
    db.dispose()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
