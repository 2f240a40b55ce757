"""Benchmark of the 民情台账 (not collected by pytest): ``python3 tests/perf/bench_voices.py [ITEMS]``.

The demo village plus ITEMS items spread over five years (a township's ledger), then times
what the desk does: the list's count and first page (newest first, filtered overdue, a text
search, sorted by deadline), the home page's overdue list and counts, and the monthly report.
The floor is ``SELECT count(*)`` over the same table, measured in the same run.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("GOVDESK_HOME", tempfile.mkdtemp(prefix="govdesk-perf-"))

from sqlalchemy import func, insert, select  # noqa: E402

from govdesk import demo  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.models.voices import VoiceItem  # noqa: E402
from govdesk.services.listing import ListQuery  # noqa: E402
from govdesk.services.voices import VoiceService  # noqa: E402
from govdesk.services.voices_report import VoiceReports  # noqa: E402
from govdesk.voices.rules import CHANNELS, DEFAULT_CATEGORIES  # noqa: E402

TODAY = date(2026, 11, 23)


def timed(label: str, fn, repeat: int = 5) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    print(f"{label:<34} {best * 1000:8.1f} ms")
    return best


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    db = Database(Path(tempfile.mkdtemp()) / "perf.sqlite3")
    demo.generate(db, today=TODAY)
    rng = random.Random(1)
    rows = []
    for _ in range(n):
        received = TODAY - timedelta(days=rng.randrange(0, 5 * 365))
        closed = rng.random() < 0.93
        replied = min(received + timedelta(days=rng.randrange(0, 20)), TODAY) if closed else None
        rows.append(
            dict(
                received_on=received,
                channel=rng.choice(CHANNELS),
                raised_by_name="王" + str(rng.randrange(9999)),
                category=rng.choice(DEFAULT_CATEGORIES),
                content=f"反映第 {rng.randrange(10**6)} 号问题，请尽快处理",
                taken_by="文书",
                deadline=received + timedelta(days=7),
                status="已办结" if closed else "待办",
                reply="已处理" if closed else "",
                replied_by="主任" if closed else "",
                replied_on=replied,
                satisfaction="满意",
            )
        )
    with db.transaction() as s:
        s.execute(insert(VoiceItem), rows)
    voices = VoiceService(db, clock=lambda: datetime(2026, 11, 23, 9))
    print(f"{voices.count(ListQuery()):,} items")

    def floor() -> None:
        with db.session() as s:
            s.scalar(select(func.count()).select_from(VoiceItem))

    timed("floor: SELECT count(*)", floor)
    for label, q in (
        ("list: newest first", ListQuery()),
        ("list: overdue only", ListQuery(filters={"overdue": True})),
        ("list: search 第 12345 号", ListQuery(text="12345")),
        ("list: sorted by deadline", ListQuery(sort_key="deadline", descending=True)),
    ):
        timed(label + " (count + page)", lambda q=q: (voices.count(q), voices.page(q, 0, 200)))
    timed("home: overdue()", lambda: voices.overdue(TODAY))
    timed("home: counts()", lambda: voices.counts(TODAY))
    timed("report: month figures", lambda: VoiceReports(db, TODAY).month(2026, 10), repeat=3)
    db.dispose()


if __name__ == "__main__":
    main()
