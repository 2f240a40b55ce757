"""Search as you type at township scale (~200,000 residents): p95 ≤ 30 ms from keystroke to
rows ready in the model.

Every prefix of what a clerk types is one keystroke: pinyin initials (zsf), full pinyin
(zhangsanfeng), Chinese names (张, 张三), ID-number suffixes and phone suffixes, 户号.
Each keystroke is timed from the call to the first page of rows ready: through the real
PagedTableModel (ui/table_model.py) when it exists, otherwise service count() + page().
Run: python3 tests/perf/bench_search.py
"""

from __future__ import annotations

import os
import random
import statistics
import time

from _people_township import township_db
from sqlalchemy import select

from govdesk.db import Database
from govdesk.models import Household, Resident
from govdesk.search import pinyin_keys
from govdesk.services.households import HouseholdService
from govdesk.services.listing import ListQuery
from govdesk.services.members import MemberService

PAGE = 100


def typed_texts(db: Database, rng: random.Random) -> list[str]:
    with db.session() as s:
        people = s.execute(select(Resident.name, Resident.id_number, Resident.phone).order_by(Resident.id)).all()
        numbers = s.scalars(select(Household.number)).all()
    texts: list[str] = []
    for name, number, phone in rng.sample(people, 60):
        keys = pinyin_keys(name)
        texts += [keys[1], keys[0], name, number[-6:].lower()]
        if phone:
            texts.append(phone[-5:])
    texts += rng.sample(numbers, 20)
    return texts


def keystrokes(texts: list[str]) -> list[str]:
    return [t[:i] for t in texts for i in range(1, len(t) + 1)]


def through_model(service, strokes: list[str]) -> list[float]:
    """Keystroke → model.set_text() (count in SQL) → first page of rows ready (data() of row 0)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.table_model import PagedTableModel

    QApplication.instance() or QApplication([])
    model = PagedTableModel(service, ListQuery())
    times: list[float] = []
    for text in strokes:
        t = time.perf_counter()
        model.set_text(text)
        if model.rowCount():
            model.data(model.index(0, 0))
        times.append(time.perf_counter() - t)
    return times


def through_service(service, strokes: list[str]) -> list[float]:
    times: list[float] = []
    for text in strokes:
        q = ListQuery(text=text)
        t = time.perf_counter()
        total = service.count(q)
        rows = service.page(q, 0, PAGE)
        times.append(time.perf_counter() - t)
        assert len(rows) == min(total, PAGE)
    return times


def report(label: str, times: list[float]) -> None:
    times = sorted(times)
    p95 = times[int(len(times) * 0.95)] * 1000
    print(
        f"{label}: median {statistics.median(times) * 1000:.1f} ms, p95 {p95:.1f} ms, "
        f"max {times[-1] * 1000:.1f} ms over {len(times)} keystrokes (target p95 ≤ 30 ms)"
    )


def main() -> None:
    db = Database(township_db())
    rng = random.Random(7)
    strokes = keystrokes(typed_texts(db, rng))
    hs, ms = HouseholdService(db), MemberService(db)
    with db.session() as s:
        n_res = s.query(Resident).count()
    print(f"{n_res} residents; {len(strokes)} keystrokes")
    try:
        import ui.table_model  # noqa: F401

        has_model = True
    except ImportError:
        has_model = False
    for label, service in (("households", hs), ("members", ms)):
        through_service(service, strokes[:30])  # warm the page cache as a running program would have it
        if has_model:
            report(f"{label} through PagedTableModel", through_model(service, strokes))
        report(f"{label} service count+first page", through_service(service, strokes))
    if os.environ.get("VERBOSE"):
        slow = sorted(zip(through_service(hs, strokes), strokes, strict=True), reverse=True)[:10]
        print("slowest household keystrokes:", [(f"{t * 1000:.0f}ms", s) for t, s in slow])


if __name__ == "__main__":
    main()
    os._exit(0)  # skip interpreter teardown of the offscreen QApplication
