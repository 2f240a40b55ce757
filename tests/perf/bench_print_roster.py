"""Benchmark: a 5,000-row member roster through the govdesk engine vs bare reportlab.

Target (issue C): the engine (masking, per-character font fallback, line-breaking cells, title,
running header, 第 X 页 共 Y 页 footer, 内部资料 marks) takes at most 1.5× the time bare reportlab
takes to lay out the same table: same fonts (Kai body, Hei header), same column widths, a plain
``Table`` with ``repeatRows=1`` in a ``SimpleDocTemplate``, no masking or fallback.

Run: ``python3 tests/perf/bench_print_roster.py [rows] [runs]``. Prints both medians and the ratio.
"""

from __future__ import annotations

import io
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reportlab.platypus import SimpleDocTemplate, Table, TableStyle  # noqa: E402

from govdesk.printing import fonts  # noqa: E402
from govdesk.printing.masking import PUBLIC  # noqa: E402
from govdesk.printing.register_layouts import MEMBER_REGISTER  # noqa: E402
from govdesk.printing.table_document import TableDocument  # noqa: E402
from govdesk.printing.templates import TABLE_PAGE  # noqa: E402

TARGET = 1.5
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹"
GIVEN = "伟强磊军勇杰涛斌明超刚平辉建国志华芳娟敏静丽艳霞秀英兰凤玲梅"
RARE = "竂堉䶮𠮷"
POSTS = ("政策宣传岗", "环境监督岗", "矛盾调解岗", "关爱老人岗", "平安巡逻岗", "")
STATUSES = ("正式党员", "正式党员", "正式党员", "预备党员", "流动党员")


def roster_rows(n: int) -> list[tuple[object, ...]]:
    rng = random.Random(5000)
    rows = []
    for i in range(n):
        given = "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))
        if rng.random() < 0.02:
            given = rng.choice(RARE) + given[-1:]
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 60))
        joined = born + timedelta(days=365 * rng.randrange(19, 40))
        status = rng.choice(STATUSES)
        full_on = None if status == "预备党员" else joined + timedelta(days=365)
        branch = i * 20 // n + 1
        rows.append(
            (
                rng.choice(SURNAMES) + given,
                "男" if i % 3 else "女",
                born,
                f"330784{born:%Y%m%d}{rng.randrange(1000):03d}{rng.choice('0123456789X')}",
                status,
                f"第{branch}党支部",
                f"第{branch}支部第{rng.randrange(1, 5)}党小组",
                joined,
                full_on,
                f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                rng.choice(POSTS),
            )
        )
    return rows


def bare_reportlab(rows: list[tuple[object, ...]]) -> tuple[int, float]:
    """The same table laid out with nothing but reportlab."""
    cols = MEMBER_REGISTER.columns
    weights = [0.45] + [c.weight for c in cols]
    width = TABLE_PAGE.frame_width
    col_widths = [width * w / sum(weights) for w in weights]
    data = [["序号", *[c.label for c in cols]]]
    for i, r in enumerate(rows, 1):
        data.append([str(i), *["" if v is None else str(v) for v in r]])
    buf = io.BytesIO()
    t0 = time.perf_counter()
    doc = SimpleDocTemplate(
        buf,
        pagesize=TABLE_PAGE.size,
        leftMargin=TABLE_PAGE.left,
        rightMargin=TABLE_PAGE.right,
        topMargin=TABLE_PAGE.top,
        bottomMargin=TABLE_PAGE.bottom,
        initialFontName=fonts.KAI,
    )
    table = Table(data, colWidths=col_widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, 0), fonts.HEI),
                ("FONTNAME", (0, 1), (-1, -1), fonts.KAI),
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("LEADING", (0, 0), (-1, -1), 11.25),
                ("GRID", (0, 0), (-1, -1), 0.5, "#555555"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    doc.build([table])
    return len(buf.getvalue()), time.perf_counter() - t0


def engine(rows: list[tuple[object, ...]]) -> tuple[int, float]:
    t0 = time.perf_counter()
    doc = TableDocument("青山镇党员花名册", MEMBER_REGISTER.columns, rows, policy=PUBLIC, subtitle="截至2026年11月23日")
    info = doc.build()
    return info.pages, time.perf_counter() - t0


def main() -> int:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    fonts.ensure_fonts()
    rows = roster_rows(n)
    engine(rows[:200])  # warm-up: font files parsed, coverage cache filled
    bare_reportlab(rows[:200])
    bare_times, engine_times = [], []
    pages = 0
    for _ in range(runs):
        bare_times.append(bare_reportlab(rows)[1])
        pages, t = engine(rows)
        engine_times.append(t)
    bare, ours = statistics.median(bare_times), statistics.median(engine_times)
    ratio = ours / bare
    print(f"rows: {n}, pages: {pages}, runs: {runs}")
    print(f"bare reportlab: median {bare:.3f} s  ({', '.join(f'{t:.2f}' for t in bare_times)})")
    print(f"govdesk engine: median {ours:.3f} s  ({', '.join(f'{t:.2f}' for t in engine_times)})")
    print(f"ratio: {ratio:.2f}x (target <= {TARGET}x) -> {'OK' if ratio <= TARGET else 'TOO SLOW'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
