"""Benchmark: the household register (农户花名册) printed at 5,000 / 20,000 / 57,617 residents (issue F).

What is measured, each in a fresh subprocess (so its peak memory, ru_maxrss, is its own):

* print — the real print path: ``PrintService.render_register("households")`` on a database of
  that many residents (rows streamed from SQLite, masked, font fallback, header row on every
  page, 第 X 页 共 Y 页, title and footers), timed from the call to the PDF bytes;
* floor — bare reportlab laying out the same rows (read from the same database beforehand, not
  timed) in page-sized tables: plain strings, the same fonts, column widths and grid, one
  ``Table`` with ``repeatRows=1`` per page in a ``SimpleDocTemplate``, nothing else;
* cli — at the largest size, the whole command as typed:
  ``python -m govdesk --db … print register households --out F.pdf`` (start-up and archiving count).

Target: print time ≤ 1.5× the floor at every size, and time and memory growing linearly with the
rows (compare the ms per 1,000 rows and the MB over the smallest size).

The databases are the demo village at scale 50 (57,617 current residents), generated once into
``$GOVDESK_BENCH_DIR`` (default /tmp/govdesk-bench); a smaller size is a copy in which the
residents after the first N in register order are marked as moved away.

Run: ``python tests/perf/bench_print_register.py [--runs 3] [--sizes 5000,20000,57617]``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _people_township import CACHE, ROOT, demo_db  # also: govdesk importable, GOVDESK_HOME under CACHE

SCALE = 50  # the demo village at this scale has 57,617 current residents
SIZES = (5_000, 20_000, 57_617)
TARGET = 1.5
TODAY = "2026-11-23"


# --- databases -------------------------------------------------------------------------------
def full_db() -> Path:
    """The demo village at SCALE, generated on first use."""
    return demo_db(CACHE / f"register-{SCALE}.sqlite3", SCALE, analyze=False)


def sized_db(rows: int) -> Path:
    """A copy of the full village with exactly ``rows`` residents on the register."""
    from datetime import date

    from sqlalchemy import update

    from govdesk.db import Database
    from govdesk.models import Resident
    from govdesk.resident_register import resident_register

    source = full_db()
    path = CACHE / f"register-{SCALE}-{rows}.sqlite3"
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    shutil.copy(source, tmp)
    db = Database(tmp)
    with db.transaction() as s:
        total = len(s.execute(resident_register(Resident.id)).all())
        if total < rows:
            raise SystemExit(f"the demo village has only {total} residents, {rows} asked for")
        later = resident_register(Resident.id).offset(rows).limit(-1).subquery()
        s.execute(
            update(Resident)
            .where(Resident.id.in_(later.select()))
            .values(ended_on=date(2026, 11, 1), end_reason="迁出（基准测试）")
        )
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.dispose()
    shutil.move(tmp, path)
    return path


# --- what a child process measures ------------------------------------------------------------
def child_print(db_path: str) -> dict[str, float]:
    from datetime import date

    from govdesk.db import Database
    from govdesk.printing import fonts
    from govdesk.services.printing import PrintService

    fonts.ensure_fonts()  # both sides parse the font files before the clock starts
    service = PrintService(Database(db_path))
    t = time.perf_counter()
    doc = service.render_register("households", today=date.fromisoformat(TODAY))
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "pages": doc.pages, "rows": doc.rows, "bytes": len(doc.pdf)}


def child_floor(db_path: str) -> dict[str, float]:
    """Bare reportlab: the same rows as plain strings in page-sized tables, no masking or fallback."""
    import io

    from reportlab.lib import colors
    from reportlab.platypus import PageBreak, SimpleDocTemplate, Table, TableStyle

    from govdesk.db import Database
    from govdesk.printing import fonts
    from govdesk.printing.register_layouts import HOUSEHOLD_REGISTER
    from govdesk.printing.templates import TABLE_PAGE
    from govdesk.services.printing import PrintService

    fonts.ensure_fonts()
    rows = [
        [str(i), *("" if v is None else str(v) for v in r)]
        for i, r in enumerate(PrintService(Database(db_path)).register_rows("households"), start=1)
    ]
    cols = HOUSEHOLD_REGISTER.columns
    weights = [0.45] + [c.weight for c in cols]
    col_widths = [TABLE_PAGE.frame_width * w / sum(weights) for w in weights]
    header = ["序号", *(c.label for c in cols)]
    row_height = 9 * 1.25 + 2 + 3  # one line + the same cell padding as the printed registers
    room = TABLE_PAGE.frame_height - 12  # SimpleDocTemplate's frame keeps 6 pt padding top and bottom
    per_page = int(room // row_height) - 1  # the header row takes one
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
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
    )
    buf = io.BytesIO()
    t = time.perf_counter()
    story = []
    for start in range(0, len(rows), per_page):
        if story:
            story.append(PageBreak())
        story.append(Table([header, *rows[start : start + per_page]], colWidths=col_widths, repeatRows=1, style=style))
    doc = SimpleDocTemplate(
        buf,
        pagesize=TABLE_PAGE.size,
        leftMargin=TABLE_PAGE.left,
        rightMargin=TABLE_PAGE.right,
        topMargin=TABLE_PAGE.top,
        bottomMargin=TABLE_PAGE.bottom,
        initialFontName=fonts.KAI,
    )
    doc.build(story)
    seconds = time.perf_counter() - t
    return {"seconds": seconds, "pages": doc.page, "rows": len(rows), "bytes": len(buf.getvalue())}


def child_main(mode: str, db_path: str) -> None:
    import resource

    result = (child_print if mode == "print" else child_floor)(db_path)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


# --- the parent: run children, report --------------------------------------------------------
def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_child(mode: str, db: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, __file__, "--child", mode, str(db)], capture_output=True, text=True, env=_env(), check=False
    )
    if out.returncode:
        raise SystemExit(f"{mode} on {db.name} failed:\n{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def run_cli(db: Path) -> tuple[float, float]:
    """The command as typed, in its own process: (wall seconds, peak MB)."""
    with tempfile.TemporaryDirectory() as home:
        env = _env() | {"GOVDESK_HOME": home}
        cmd = [sys.executable, "-m", "govdesk", "--db", str(db), "print", "register", "households"]
        t = time.perf_counter()
        proc = subprocess.Popen([*cmd, "--out", str(Path(home) / "F.pdf")], env=env, stdout=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode:
            raise SystemExit(f"the command failed ({proc.returncode}): {' '.join(cmd)}")
        return seconds, usage.ru_maxrss / 1024


def _spread(values: list[float]) -> str:
    return f"best {min(values):.2f}, median {statistics.median(values):.2f} s"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--no-cli", action="store_true", help="skip the whole-command measurement")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    full_rows = SIZES[-1]
    dbs = {n: (full_db() if n == full_rows else sized_db(n)) for n in sizes}
    ok = True
    table: list[tuple[int, int, float, float, float, float, float]] = []
    for n in sizes:
        prints, floors = [], []
        for _ in range(args.runs):  # interleaved, so a busy machine slows both alike
            floors.append(run_child("floor", dbs[n]))
            prints.append(run_child("print", dbs[n]))
        p_t = [r["seconds"] for r in prints]
        f_t = [r["seconds"] for r in floors]
        ratio = statistics.median(p_t) / statistics.median(f_t)
        ok &= ratio <= TARGET
        p_mb = max(r["peak_mb"] for r in prints)
        f_mb = max(r["peak_mb"] for r in floors)
        pages = int(prints[0]["pages"])
        print(
            f"{n:>6} rows, {pages:>4} pages | print {_spread(p_t)} | floor {_spread(f_t)} "
            f"({int(floors[0]['pages'])} pages) | ratio {ratio:.2f}x | peak {p_mb:.0f} MB (floor {f_mb:.0f} MB)",
            flush=True,
        )
        table.append((n, pages, statistics.median(p_t), statistics.median(f_t), ratio, p_mb, f_mb))
    if len(table) > 1:
        n0, *_rest = table[0]
        base_mb = table[0][5]
        print(
            "growth: "
            + "; ".join(
                f"{n} rows: {1000 * t / n:.2f} s per 1,000 rows (floor {1000 * f / n:.2f}), "
                f"+{mb - base_mb:.0f} MB over {n0} rows"
                for n, _pages, t, f, _r, mb, _fm in table
            )
        )
    if not args.no_cli and full_rows in dbs:
        runs = [run_cli(dbs[full_rows]) for _ in range(args.runs)]
        times = [r[0] for r in runs]
        print(f"command at {full_rows} rows: {_spread(times)}, peak {max(r[1] for r in runs):.0f} MB")
    print(f"target: print <= {TARGET}x bare reportlab at every size -> {'OK' if ok else 'TOO SLOW'}")
    return 0 if ok else 1


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child_main(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(main())
