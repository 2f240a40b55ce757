"""Benchmark: 积分制 at township scale (issue G §2 "Tests and figures").

The data is generated here, once, into ``$GOVDESK_BENCH_DIR`` (default /tmp/govdesk-bench):
5,000 members in 25 branches and a year of ~150,000 point entries (with reversals and
20 一票否决), plus a 年终测评 score for most members. Then, best of ``--runs`` each:

* ranking — ``PointQueries.ranking(year)`` for the whole roster (SQL sums + statuses_on + the rules);
  target ≤ 0.3 s;
* automatic — ``sync_automatic_entries`` for a 150-member meeting, saved again with a third of the
  attendance changed (the reversals and new entries included); target ≈ 20 ms;
* wall — the 积分公示 for 5,000 members through the print engine (``wall_document(...).build()``)
  against bare reportlab laying out the same rows in page-sized tables (same fonts, widths,
  grid; one ``Table`` per page in a ``SimpleDocTemplate``), interleaved; target ≤ 1.5×.

Run: ``python tests/perf/bench_points.py [--runs 3]``.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("GOVDESK_BENCH_DIR", "/tmp/govdesk-bench"))
os.environ.setdefault("GOVDESK_HOME", str(CACHE / "home"))
MEMBERS, BRANCHES, ENTRIES, YEAR = 5_000, 25, 150_000, 2026
TODAY = datetime(2026, 12, 31, 12, 0)


def township() -> Path:
    """5,000 members and a year of ~150,000 entries (generated on first use)."""
    from sqlalchemy import insert

    from govdesk.db import Database
    from govdesk.models import Member, OrgUnit, Village
    from govdesk.models.points import PointAssessment, PointEntry
    from govdesk.points.ledger import ensure_catalogue, entry_row, reversal_row

    path = CACHE / f"points-{MEMBERS}-{ENTRIES}.sqlite3"
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    rng = random.Random(2026)
    t = time.perf_counter()
    db = Database(tmp)
    with db.transaction() as s:
        s.add(Village(id=1, name="青山镇"))
        s.flush()
        s.execute(
            insert(OrgUnit),
            [
                {"id": b + 1, "village_id": 1, "kind": "党支部", "name": f"第{b + 1}支部", "sort_order": b}
                for b in range(BRANCHES)
            ],
        )
        statuses = ["正式党员"] * 17 + ["预备党员", "流动党员", "留党察看"]
        s.execute(
            insert(Member),
            [
                {
                    "id": m + 1,
                    "village_id": 1,
                    "name": f"党员{m:04d}",
                    "id_number": f"3307841965{m:08d}",
                    "sex": "男",
                    "birth_date": date(1965, 3, 2),
                    "joined_on": date(1990, 1, 1),
                    "status": rng.choice(statuses),
                    "branch_id": m % BRANCHES + 1,
                }
                for m in range(MEMBERS)
            ],
        )
        catalogue = [r for r in ensure_catalogue(s, YEAR) if r.points]
        everyday = [r for r in catalogue if not r.veto]
        vetoes = [r for r in catalogue if r.veto]
        rows = []
        for n in range(ENTRIES):
            rule = rng.choice(vetoes) if n % 7_500 == 0 else rng.choice(everyday)  # 一票否决 is rare: 20 a year
            day = date(YEAR, rng.randint(1, 12), rng.randint(1, 28))
            rows.append(entry_row(rng.randint(1, MEMBERS), day, rule, "", "文书"))
        s.execute(insert(PointEntry), rows)
    with db.transaction() as s:
        wrong = s.query(PointEntry).filter(PointEntry.id % 97 == 0).all()
        s.execute(insert(PointEntry), [reversal_row(e, "更正", "文书") for e in wrong])
        s.execute(
            insert(PointAssessment),
            [
                {"year": YEAR, "member_id": m, "score": float(rng.randint(60, 100))}
                for m in range(1, MEMBERS + 1)
                if rng.random() < 0.95
            ],
        )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("ANALYZE")
        conn.commit()
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    tmp.rename(path)
    print(f"generated {path} in {time.perf_counter() - t:.1f} s")
    return path


def bench_ranking(db, runs: int) -> float:  # noqa: ANN001
    from govdesk.services.points_query import PointQueries

    queries = PointQueries(db, clock=lambda: TODAY)
    best = 1e9
    for _ in range(runs):
        t = time.perf_counter()
        ranking = queries.ranking(YEAR)
        best = min(best, time.perf_counter() - t)
    floor = sum_floor(db, runs)
    print(
        f"ranking: {len(ranking.lines)} members ranked in {best * 1000:.0f} ms (target ≤ 300 ms); the bare "
        f"GROUP BY of the year's entries alone (sqlite3, no ORM) {floor * 1000:.0f} ms, ratio {best / floor:.2f}×"
    )
    return best


def sum_floor(db, runs: int) -> float:  # noqa: ANN001
    """The floor of any ranking: the year's points summed per member by sqlite3 itself."""
    import sqlite3

    conn = sqlite3.connect(db.engine.url.database)
    sql = (
        "SELECT member_id, sum(CASE WHEN points > 0 THEN points ELSE 0.0 END), "
        "sum(CASE WHEN points < 0 THEN -points ELSE 0.0 END) FROM point_entries "
        f"WHERE day >= '{YEAR}-01-01' AND day <= '{YEAR}-12-31' GROUP BY member_id"
    )
    best = 1e9
    for _ in range(runs):
        t = time.perf_counter()
        conn.execute(sql).fetchall()
        best = min(best, time.perf_counter() - t)
    conn.close()
    return best


def bench_automatic(db, runs: int) -> float:  # noqa: ANN001
    from govdesk.points.automatic import sync_automatic_entries

    members = list(range(1, 151))
    first = {m: "会议出席" if m % 9 else "会议缺席" for m in members}
    changed = {m: ("会议请假" if m % 3 == 0 else first[m]) for m in members}
    best = 1e9
    for run in range(runs):
        source = f"meeting:bench-{run}-{time.time_ns()}"
        with db.transaction() as s:
            sync_automatic_entries(s, source, date(YEAR, 6, 15), first, "文书")
        for wanted in (changed, changed):  # a change, then the same again (nothing to do)
            with db.transaction() as s:
                t = time.perf_counter()
                sync_automatic_entries(s, source, date(YEAR, 6, 15), wanted, "文书")
                best = min(best, time.perf_counter() - t)
    print(f"automatic: a 150-member meeting saved again in {best * 1000:.1f} ms (target ≈ 20 ms)")
    return best


def floor_wall(rows: list[tuple], columns) -> float:  # noqa: ANN001
    """Bare reportlab: the same rows as plain strings in page-sized tables."""
    from reportlab.lib import colors
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from govdesk.printing import fonts
    from govdesk.printing.templates import TABLE_PAGE

    text_rows = [[str(v) for v in r] for r in rows]
    widths = [TABLE_PAGE.frame_width * c.weight / sum(c.weight for c in columns) for c in columns]
    header = [c.label for c in columns]
    per_page = int((TABLE_PAGE.frame_height - 12) // (9 * 1.25 + 5)) - 1
    style = TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, 0), fonts.HEI),
            ("FONTNAME", (0, 1), (-1, -1), fonts.KAI),
            ("FONTSIZE", (0, 0), (-1, -1), 9),
            ("LEADING", (0, 0), (-1, -1), 11.25),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E6E6E6")),
            ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    t = time.perf_counter()
    story = []
    for start in range(0, len(text_rows), per_page):
        if story:
            story.append(PageBreak())
        story.append(Table([header, *text_rows[start : start + per_page]], colWidths=widths, repeatRows=1, style=style))
    doc = SimpleDocTemplate(
        io.BytesIO(),
        pagesize=TABLE_PAGE.size,
        leftMargin=TABLE_PAGE.left,
        rightMargin=TABLE_PAGE.right,
        topMargin=TABLE_PAGE.top,
        bottomMargin=TABLE_PAGE.bottom,
    )
    doc.build(story)
    return time.perf_counter() - t


def bench_wall(db, runs: int) -> float:  # noqa: ANN001
    from govdesk.printing import fonts
    from govdesk.services.points_query import PointQueries
    from govdesk.services.points_report import WALL_COLUMNS, wall_document, wall_rows, wall_title

    fonts.ensure_fonts()
    ranking = PointQueries(db, clock=lambda: TODAY).ranking(YEAR)
    rows = wall_rows(ranking)
    engine, floor, pages = [], [], 0
    for _ in range(runs):  # interleaved, so a busy machine slows both alike
        floor.append(floor_wall(rows, WALL_COLUMNS))
        t = time.perf_counter()
        info = wall_document(wall_title("青山镇", YEAR, None), ranking, rows).build()
        engine.append(time.perf_counter() - t)
        pages = info.pages
    ratio = min(engine) / min(floor)
    print(
        f"wall: {len(rows)} members, {pages} pages: engine {min(engine):.2f} s, bare reportlab "
        f"{min(floor):.2f} s, ratio {ratio:.2f}× (target ≤ 1.5×)"
    )
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from govdesk.db import Database

    db = Database(township())
    try:
        ranking = bench_ranking(db, args.runs)
        automatic = bench_automatic(db, args.runs)
        ratio = bench_wall(db, args.runs)
    finally:
        db.dispose()
    ok = ranking <= 0.3 and automatic <= 0.05 and ratio <= 1.5
    print("OK" if ok else "SLOWER THAN TARGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
