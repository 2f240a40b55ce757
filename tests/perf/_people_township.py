"""Shared by the benchmarks: a township-scale demo database (scale ~170), built once and cached."""

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
    from datetime import date

    from govdesk import demo
    from govdesk.db import Database

    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"township-{SCALE:g}.sqlite3"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            p.unlink(missing_ok=True)
        t = time.perf_counter()
        db = Database(tmp)
        demo.generate(db, scale=SCALE, today=date(2026, 11, 23))
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            conn.exec_driver_sql("ANALYZE")
        db.dispose()
        shutil.move(tmp, path)
        print(f"generated demo township (scale {SCALE:g}) in {time.perf_counter() - t:.1f} s")
    return path
