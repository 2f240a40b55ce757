"""Shared by the benchmarks: a township-scale demo database (scale ~170), or a demo village at another
scale (``demo_db``), built once and cached."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
CACHE = Path(os.environ.get("GOVDESK_BENCH_DIR", "/tmp/govdesk-bench"))
os.environ.setdefault("GOVDESK_HOME", str(CACHE / "home"))
SCALE = float(os.environ.get("GOVDESK_BENCH_SCALE", "170"))


def township_db() -> Path:
    """Path to a demo township at SCALE (generated on first use; reused afterwards)."""
    return demo_db(CACHE / f"township-{SCALE:g}.sqlite3", SCALE, analyze=True)


def demo_db(path: Path, scale: float, *, analyze: bool) -> Path:
    """The demo village at ``scale`` in ``path``, generated on first use and reused afterwards.

    ``analyze`` runs ANALYZE before it is kept (the township benchmarks want the planner's
    statistics; the register benchmark measures a database as the demo leaves it).
    """
    from datetime import date

    from govdesk import demo
    from govdesk.db import Database

    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            p.unlink(missing_ok=True)
        t = time.perf_counter()
        db = Database(tmp)
        demo.generate(db, scale=scale, today=date(2026, 11, 23))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            if analyze:
                conn.exec_driver_sql("ANALYZE")
        db.dispose()
        shutil.move(tmp, path)
        print(f"generated the demo village (scale {scale:g}) in {time.perf_counter() - t:.1f} s", flush=True)
    return path
