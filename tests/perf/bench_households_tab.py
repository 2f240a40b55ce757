"""The households tab at township scale (~50,000 households / ~200,000 residents):

- first page ≤ 100 ms after the tab opens (tab built, shown, first rows painted);
- scrolling to the end does not load all rows (pages fetched stay a handful);
- memory (RSS) with the tab open ≤ 1.3× the same window over an empty database.

Each measurement runs in a fresh process so memory figures do not mix.
Run: python3 tests/perf/bench_households_tab.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def child(mode: str) -> dict[str, float]:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(HERE))
    from _people_township import township_db

    from govdesk.db import Database
    from govdesk.services.bundle import Services
    from govdesk.services.village import VillageService
    from ui.app import application
    from ui.households_tab import HouseholdsTab
    from ui.main_window import MainWindow

    app = application()
    if mode == "empty":
        db = Database(Path(tempfile.mkdtemp()) / "empty.sqlite3")
        VillageService(db).create_village("青山村")
    else:
        db = Database(township_db())
    services = Services.open(db)
    out: dict[str, float] = {}
    window = MainWindow(services)
    households = window.areas.index_of("农户")
    window.areas.mark_current(window.areas.index_of("党员"))  # 农户 is built in the timed part
    window.show()
    for _ in range(5):
        app.processEvents()
    if mode == "township":
        # Opening the area the first time: the window builds it, shows it, paints the first rows.
        t = time.perf_counter()
        tab = window.select_area(households)
        assert isinstance(tab, HouseholdsTab)
        tab.model.data(tab.model.index(0, 0))
        app.processEvents()
        out["first_page_ms"] = (time.perf_counter() - t) * 1000
        out["rows"] = tab.model.rowCount()
        t = time.perf_counter()
        tab.table.scrollToBottom()
        app.processEvents()
        tab.table.selectRow(tab.model.rowCount() - 1)
        app.processEvents()
        out["scroll_end_ms"] = (time.perf_counter() - t) * 1000
        out["pages_fetched"] = tab.model.page_fetches
        out["rows_in_memory"] = sum(len(p) for p in tab.model._pages.values())
    else:
        window.select_area(households)
        app.processEvents()
    out["rss_mb"] = rss_mb()
    print(json.dumps(out))
    sys.stdout.flush()
    os._exit(0)


def run(mode: str) -> dict[str, float]:
    env = dict(os.environ, PYTHONPATH=str(HERE.parents[1]))
    res = subprocess.run(
        [sys.executable, __file__, mode], capture_output=True, text=True, env=env, check=True, timeout=900
    )
    return json.loads(res.stdout.strip().splitlines()[-1])


def main() -> None:
    run("township")  # warm the file cache
    empty = run("empty")
    town = run("township")
    print(
        f"first page after the tab opens: {town['first_page_ms']:.0f} ms for {town['rows']:,.0f} households "
        "(target ≤ 100 ms)"
    )
    print(
        f"scroll to the end: {town['scroll_end_ms']:.0f} ms, {town['pages_fetched']:.0f} pages fetched, "
        f"{town['rows_in_memory']:.0f} rows in memory of {town['rows']:,.0f} (must not load all rows)"
    )
    print(
        f"memory: empty window {empty['rss_mb']:.0f} MB, households tab open on the township "
        f"{town['rss_mb']:.0f} MB → {town['rss_mb'] / empty['rss_mb']:.2f}× (target ≤ 1.3×)"
    )


if __name__ == "__main__":
    if len(sys.argv) > 1:
        child(sys.argv[1])
    else:
        main()
