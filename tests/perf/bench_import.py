"""Import speed as a clerk meets it: ``python -m govdesk --db X import households FILE`` of a
clean township register (~200,000 residents), the whole command in its own process (start-up,
migrations check, read, checks, write), must take ≤ 3× the time python-calamine takes just to
read the same file — the floor, measured in the same run, on the same busy machine.

demo (scale ~170) → export households (cached) → three rounds of [calamine read; the command
into a fresh database with the village set up] → three re-imports into the last database
(every person found and left unchanged). Best and median of three each.
Run: python3 tests/perf/bench_import.py
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _people_township import ROOT, township_db

from govdesk.db import Database
from govdesk.importing import export_households
from govdesk.services.village import VillageService


def calamine_read(xlsx: Path) -> float:
    """The floor: python-calamine reading the first sheet into Python lists, nothing else."""
    from python_calamine import CalamineWorkbook

    t = time.perf_counter()
    data = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python(skip_empty_area=False)
    elapsed = time.perf_counter() - t
    del data
    return elapsed


def import_command(db_path: Path, xlsx: Path) -> float:
    """The command as a user types it, timed from process start to exit."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    cmd = [sys.executable, "-m", "govdesk", "--db", str(db_path), "import", "households", str(xlsx)]
    t = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t
    if done.returncode != 0:
        raise SystemExit(f"import failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return elapsed


def fresh_village(path: Path) -> Path:
    db = Database(path)
    VillageService(db).create_village("青山村")
    db.dispose()
    return path


def summary(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return ordered[0], ordered[len(ordered) // 2]


def main() -> None:
    src = township_db()
    xlsx = src.with_suffix(".households.xlsx")
    if not xlsx.exists():
        t = time.perf_counter()
        rows = export_households(Database(src), xlsx)
        print(f"export: {rows} resident rows in {time.perf_counter() - t:.2f} s ({xlsx.stat().st_size / 1e6:.1f} MB)")
    work = Path(tempfile.mkdtemp(prefix="govdesk-bench-import-"))

    reads, firsts = [], []
    for i in range(3):  # interleaved, so the machine's other work weighs on both alike
        reads.append(calamine_read(xlsx))
        firsts.append(import_command(fresh_village(work / f"fresh{i}.sqlite3"), xlsx))
    agains = [import_command(work / "fresh2.sqlite3", xlsx) for _ in range(3)]

    floor, floor_median = summary(reads)
    print(
        f"calamine read (floor): best {floor:.2f} s, median {floor_median:.2f} s "
        f"({', '.join(f'{r:.2f}' for r in reads)})"
    )
    for what, times in (("import into a new village", firsts), ("re-import (all unchanged)", agains)):
        best, median = summary(times)
        print(
            f"{what}, whole command: best {best:.2f} s → {best / floor:.2f}×, median {median:.2f} s → "
            f"{median / floor_median:.2f}× of the median floor ({', '.join(f'{x:.2f}' for x in times)}; target ≤ 3×)"
        )


if __name__ == "__main__":
    main()
