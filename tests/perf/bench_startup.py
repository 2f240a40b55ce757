"""Start-up speed as the user meets it, against floors measured in the same run (issue F).

Each figure is the whole process, launched fresh three times (best and median reported):

* window: from launch until the main window has been exposed and painted once
  (``govdesk --db FILE`` with ``GOVDESK_EXIT_WHEN_SHOWN=1``, see ``ui/app.py``), on the demo
  village and on a township (scale ~170, built once and cached, see ``_people_township.py``).
  Floor: a bare PySide6 window holding a 4-tab QTabWidget of QTableViews, exposed and painted
  the same way. Target ≤ 1.5× the floor. The window paints its frame first and opens the
  database afterwards, so the time until it is filled (database open, the first area and the
  status-bar counts there) is printed too, for the record (no target).
* ``python -m govdesk --version`` / ``--help`` until the process ends. Floor:
  ``python -c "import argparse, govdesk"``. Target ≤ 0.15 s.

Qt runs on the offscreen platform unless QT_QPA_PLATFORM is set (e.g. ``xvfb-run -a env
QT_QPA_PLATFORM=xcb python tests/perf/bench_startup.py``).
With ``--bundle dist/govdesk/govdesk`` the frozen bundle's window (``pyinstaller build.spec``) is
measured the same way, against the same floor.
Run: python tests/perf/bench_startup.py [--skip-township] [--bundle PATH_TO_BUNDLED_GOVDESK]
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
os.environ.setdefault("GOVDESK_BENCH_DIR", str(Path(tempfile.gettempdir()) / "govdesk-bench-startup"))
CACHE = Path(os.environ["GOVDESK_BENCH_DIR"])
RUNS = 3
WINDOW_TARGET = 1.5
CLI_TARGET = 0.15

FLOOR_WINDOW = r"""
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QTableView

class Shown(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self.report)
        return False

    def report(self):
        print(f"govdesk-shown {time.monotonic():.6f} {time.process_time():.6f}", flush=True)
        QApplication.quit()

app = QApplication([])
window = QMainWindow()
tabs = QTabWidget()
for name in ("党员", "农户", "值班", "五议两公开"):
    view = QTableView()
    model = QStandardItemModel(0, 8, view)
    view.setModel(model)
    tabs.addTab(view, name)
window.setCentralWidget(tabs)
window.resize(1280, 800)
window.winId()
probe = Shown(window)
window.windowHandle().installEventFilter(probe)
window.show()
app.exec()
"""


def environment() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["GOVDESK_HOME"] = str(CACHE / "home")  # logs and backups away from the user's own folders
    env["GOVDESK_EXIT_WHEN_SHOWN"] = "1"
    return env


CPU_SECONDS: list[float] = []  # user + system time of the last measured processes, whole process
FILLED: list[float] = []  # seconds until the window was filled ("govdesk-filled"), when it says so
CPU_SHOWN: list[float] = []  # the process's own CPU seconds when its window was shown


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def time_until_shown(argv: list[str]) -> float:
    """Seconds from launching ``argv`` until it reports its window exposed (monotonic clock is system-wide)."""
    cpu = _children_cpu()
    start = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, env=environment(), cwd=ROOT, timeout=300)
    CPU_SECONDS.append(_children_cpu() - cpu)
    found = {line.split()[0]: float(line.split()[1]) - start for line in proc.stdout.splitlines() if " " in line}
    for line in proc.stdout.splitlines():
        if line.startswith("govdesk-shown ") and len(line.split()) > 2:
            CPU_SHOWN.append(float(line.split()[2]))
    if "govdesk-filled" in found:
        FILLED.append(found["govdesk-filled"])
    if "govdesk-shown" in found:
        return found["govdesk-shown"]
    raise RuntimeError(f"{argv} never reported its window (exit {proc.returncode}):\n{proc.stderr[-2000:]}")


def time_whole_process(argv: list[str]) -> float:
    cpu = _children_cpu()
    start = time.monotonic()
    proc = subprocess.run(argv, capture_output=True, text=True, env=environment(), cwd=ROOT, timeout=120)
    elapsed = time.monotonic() - start
    CPU_SECONDS.append(_children_cpu() - cpu)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv} failed (exit {proc.returncode}):\n{proc.stderr[-2000:]}")
    return elapsed


def three(measure, argv: list[str]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    CPU_SECONDS.clear()
    FILLED.clear()
    CPU_SHOWN.clear()
    times = [measure(argv) for _ in range(RUNS)]
    return min(times), statistics.median(times)


def cpu_note() -> str:
    """CPU time of the whole processes (incl. shutdown), and until shown: steadier than wall time on a busy machine."""
    shown = f", {statistics.median(CPU_SHOWN):4.2f} s until shown" if CPU_SHOWN else ""
    return f"cpu median {statistics.median(CPU_SECONDS):5.2f} s{shown}"


def demo_db() -> Path:
    path = CACHE / "demo.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.unlink(missing_ok=True)
        cmd = [sys.executable, "-m", "govdesk", "--db", str(tmp), "demo", "--no-window"]
        subprocess.run(cmd, check=True, env=environment(), cwd=ROOT, capture_output=True)
        tmp.rename(path)
    return path


def township() -> Path:
    sys.path.insert(0, str(Path(__file__).parent))
    from _people_township import township_db

    return township_db()


def report(name: str, figures: tuple[float, float], floor: tuple[float, float], target: str) -> None:
    best, median = figures
    print(
        f"{name:<34} best {best:6.3f} s  median {median:6.3f} s   "
        f"ratio best {best / floor[0]:4.2f}×  median {median / floor[1]:4.2f}×   ({target}; {cpu_note()})"
    )


def main() -> None:
    print(f"platform: {environment()['QT_QPA_PLATFORM']}; {RUNS} fresh processes each; best / median")
    databases = [("demo village", demo_db())]
    if "--skip-township" not in sys.argv:
        databases.append(("township", township()))
    python = sys.executable

    floor = three(time_until_shown, [python, "-c", FLOOR_WINDOW])
    print(f"{'floor: bare PySide6 4-tab window':<34} best {floor[0]:6.3f} s  median {floor[1]:6.3f} s   ({cpu_note()})")
    for name, path in databases:
        shown = three(time_until_shown, [python, "-m", "govdesk", "--db", str(path)])
        report(f"govdesk window, {name}", shown, floor, f"target ≤ {WINDOW_TARGET}× the floor")
        filled = f"best {min(FILLED):6.3f} s  median {statistics.median(FILLED):6.3f} s"
        print(f"{'  … filled (area + counts)':<34} {filled}   (no target: after the first paint)")
    if "--bundle" in sys.argv:
        bundle = sys.argv[sys.argv.index("--bundle") + 1]
        for name, path in databases:
            shown = three(time_until_shown, [bundle, "--db", str(path)])
            report(f"frozen bundle window, {name}", shown, floor, f"target ≤ {WINDOW_TARGET}× the floor")

    cli_floor = three(time_whole_process, [python, "-c", "import argparse, govdesk"])
    print(
        f"{'floor: import argparse, govdesk':<34} best {cli_floor[0]:6.3f} s  median {cli_floor[1]:6.3f} s   "
        f"({cpu_note()})"
    )
    for flag in ("--version", "--help"):
        figures = three(time_whole_process, [python, "-m", "govdesk", flag])
        report(f"python -m govdesk {flag}", figures, cli_floor, f"target ≤ {CLI_TARGET} s")


if __name__ == "__main__":
    main()
