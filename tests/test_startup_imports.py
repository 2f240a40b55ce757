"""Start-up loads only what the first paint needs (issue F, "Nothing is imported before it is needed").

pypinyin loads when a search key is built, Alembic only when the database's stored revision
differs from the code's head, reportlab when something prints, openpyxl/calamine when Excel is
read or written, the demo generator only by ``govdesk demo``. And the window paints first: until
its frame has been exposed and painted, neither SQLAlchemy, the models, the services nor qtawesome
(with its Qt layer) is imported. Each check runs in a fresh
interpreter, so modules loaded by other tests cannot hide an eager import; the database is made
(and migrated, which needs Alembic) in another process first.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from govdesk.db import Database

ROOT = Path(__file__).resolve().parents[1]

LOADED_WHEN_NEEDED = (
    "pypinyin",
    "alembic",
    "mako",
    "reportlab",
    "openpyxl",
    "python_calamine",
    "pypdfium2",
    "stdnum",
    "govdesk.demo",
    "govdesk.decisions.demo",
    "govdesk.roster.demo_data",
    "govdesk.services.people_demo",
    "govdesk.importing",
    "govdesk.printing",
)

REPORT = """
import json, sys
watched = json.loads(sys.argv[1])
print(json.dumps(sorted(m for m in watched if m in sys.modules)))
"""

AFTER_IMPORT = "import ui.app\n" + REPORT

AFTER_WINDOW = (
    """
import sys
from govdesk.db import Database
from ui.app import application, build_window

app = application()
window = build_window(Database(sys.argv[2]))
window.show()
app.processEvents()
"""
    + REPORT
    + """
window.jobs.shutdown()
"""
)

AFTER_HELP = (
    """
import contextlib, io
import govdesk.cli
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    govdesk.cli.main(["--help"])
with contextlib.redirect_stdout(io.StringIO()), contextlib.suppress(SystemExit):
    govdesk.cli.main(["--version"])
"""
    + REPORT
)


BEFORE_THE_FIRST_PAINT = (
    "logging.handlers",  # sockets, pickling, queues: the log file is rolled over by govdesk.logs itself
    "sqlalchemy",
    "govdesk.db",
    "govdesk.models",
    "govdesk.services.bundle",
    "govdesk.services.members",
    "qtawesome",
    "qtpy",
    *LOADED_WHEN_NEEDED,
)

# The window as ``govdesk --db FILE`` starts it; the opener (the seam ``run`` offers) is called once
# the frame has painted, and notes what was loaded by then before it opens the database.
AT_THE_FIRST_PAINT = """
import json, sys
from govdesk.cli import main
import ui.app

watched = json.loads(sys.argv[1])

def opener(target):
    print("opening " + json.dumps(sorted(m for m in watched if m in sys.modules)), flush=True)
    return ui.app.open_services(target)

real_run = ui.app.run
ui.app.run = lambda target, demo=False: real_run(target, demo, opener=opener)
sys.exit(main(["--db", sys.argv[2]]))
"""


def run_fresh_process(script: str, watched: tuple[str, ...], *args: str, home: Path, **env_extra: str) -> str:
    """``script`` in a fresh offscreen interpreter (argv: the watch list as JSON, then ``args``); its stdout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "GOVDESK_HOME": str(home)}
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(watched), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env=env | env_extra,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def loaded_in_fresh_process(script: str, watched: tuple[str, ...], *args: str, home: Path) -> list[str]:
    return json.loads(run_fresh_process(script, watched, *args, home=home).strip().splitlines()[-1])


def test_importing_the_window_loads_nothing_before_it_is_needed(tmp_path: Path) -> None:
    assert loaded_in_fresh_process(AFTER_IMPORT, LOADED_WHEN_NEEDED, home=tmp_path / "home") == []


def test_the_window_on_an_empty_database_loads_nothing_before_it_is_needed(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    Database(path).dispose()  # migrated here; the window's process finds it at head
    found = loaded_in_fresh_process(AFTER_WINDOW, LOADED_WHEN_NEEDED, str(path), home=tmp_path / "home")
    assert found == []


def test_the_window_on_the_demo_village_loads_nothing_before_it_is_needed(demo_db: Database, tmp_path: Path) -> None:
    path = Path(str(demo_db.url.database))
    demo_db.dispose()
    found = loaded_in_fresh_process(AFTER_WINDOW, LOADED_WHEN_NEEDED, str(path), home=tmp_path / "home")
    assert found == []


def test_the_watch_list_is_real(tmp_path: Path) -> None:
    """The check can fail: building a search key does load pypinyin (and a print reportlab)."""
    script = "from govdesk.search import search_keys\nsearch_keys('张三')\nimport govdesk.printing\n" + REPORT
    found = loaded_in_fresh_process(script, LOADED_WHEN_NEEDED, home=tmp_path / "home")
    assert {"pypinyin", "reportlab", "govdesk.printing"} <= set(found)


def test_a_search_key_loads_the_character_readings_not_the_phrase_dictionary(tmp_path: Path) -> None:
    """Names are read a character at a time: pypinyin's phrase dictionary (a quarter second) stays unloaded."""
    script = (
        "from govdesk.search import search_keys\n"
        "assert search_keys('单田芳').startswith('shantianfang stf ')\n" + REPORT
    )
    found = loaded_in_fresh_process(script, ("pypinyin", "pypinyin.phrases_dict"), home=tmp_path / "home")
    assert found == ["pypinyin"]


@pytest.mark.parametrize("watched", [("sqlalchemy", "alembic", "pypinyin", "PySide6", "govdesk.db")])
def test_cli_help_and_version_load_no_database_layer(watched: tuple[str, ...], tmp_path: Path) -> None:
    assert loaded_in_fresh_process(AFTER_HELP, watched, home=tmp_path / "home") == []


def test_reading_a_register_loads_no_database_layer(tmp_path: Path) -> None:
    """``govdesk import`` starts reading the workbook before it loads the database layer."""
    script = "import govdesk.importing.sheet\n" + REPORT
    watched = ("sqlalchemy", "govdesk.db", "govdesk.models", "pypinyin", "openpyxl")
    assert loaded_in_fresh_process(script, watched, home=tmp_path / "home") == []


AT_THE_READ = """
import json, sys
import govdesk.importing.sheet as sheet
from govdesk.cli import main

watched = json.loads(sys.argv[1])
real_read = sheet.read_register_in_background

def spy(*args):
    print(json.dumps(sorted(m for m in watched if m in sys.modules)), flush=True)
    return real_read(*args)

sheet.read_register_in_background = spy
main(["--db", sys.argv[2], "import", "households", sys.argv[3]])
"""


def test_govdesk_import_starts_reading_before_it_loads_the_database_layer(tmp_path: Path) -> None:
    """The parse is most of a big import: it must begin before the half second of SQLAlchemy and
    the services loads, which then overlaps it (a regression once cost 0.4 s of every import)."""
    register = tmp_path / "花名册.xlsx"
    register.write_bytes(b"PK\x03\x04 not really a workbook")
    watched = ("sqlalchemy", "govdesk.db", "govdesk.models", "govdesk.services.excel_registers")
    found = loaded_in_fresh_process(
        AT_THE_READ, watched, str(tmp_path / "missing.sqlite3"), str(register), home=tmp_path / "home"
    )
    assert found == []


def test_the_window_reports_when_it_is_shown_for_the_benchmark(tmp_path: Path) -> None:
    """GOVDESK_EXIT_WHEN_SHOWN=1 (tests/perf/bench_startup.py): the clock once exposed, once filled, then quit."""
    import time

    path = tmp_path / "empty.sqlite3"
    Database(path).dispose()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "GOVDESK_HOME": str(tmp_path / "h")}
    env["GOVDESK_EXIT_WHEN_SHOWN"] = "1"
    start = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "govdesk", "--db", str(path)], capture_output=True, text=True, env=env, timeout=180
    )
    assert result.returncode == 0, result.stderr
    shown = [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("govdesk-shown ")]
    filled = [float(line.split()[1]) for line in result.stdout.splitlines() if line.startswith("govdesk-filled ")]
    assert len(shown) == 1 and len(filled) == 1 and start < shown[0] < filled[0] < time.monotonic()


def test_nothing_of_the_database_layer_or_qtawesome_before_the_first_paint(tmp_path: Path) -> None:
    """`govdesk`: the frame is exposed and painted ("govdesk-shown") before the database is opened."""
    path = tmp_path / "village.sqlite3"
    Database(path).dispose()
    stdout = run_fresh_process(
        AT_THE_FIRST_PAINT,
        BEFORE_THE_FIRST_PAINT,
        str(path),
        home=tmp_path / "h",
        GOVDESK_EXIT_WHEN_SHOWN="1",  # quits once filled
    )
    lines = [line.split(" ", 1) for line in stdout.splitlines() if " " in line]
    assert [kind for kind, _ in lines] == ["govdesk-shown", "opening", "govdesk-filled"]
    assert json.loads(lines[1][1]) == []


def test_the_first_paint_check_can_fail(tmp_path: Path) -> None:
    """The watch list is real: once the window is filled, SQLAlchemy and qtawesome are loaded."""
    path = tmp_path / "empty.sqlite3"
    Database(path).dispose()
    found = loaded_in_fresh_process(AFTER_WINDOW, BEFORE_THE_FIRST_PAINT, str(path), home=tmp_path / "home")
    assert {"sqlalchemy", "qtawesome", "govdesk.services.bundle"} <= set(found)
