"""Offscreen screenshots of 首页 on the demo village and on the township (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_home.py [OUT_DIR]   # default /tmp/shots

Writes home_demo.png (the demo generated for today, 1366×768 and the whole scrolled page) and
home_township.png (the cached benchmark township, tests/perf/_people_township.py).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from _people_township import township_db  # noqa: E402

os.environ["GOVDESK_HOME"] = tempfile.mkdtemp(prefix="govdesk-shots-")

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication, QScrollArea  # noqa: E402

from govdesk import demo  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.services.bundle import Services  # noqa: E402
from ui.app import application  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, rounds: int = 8) -> None:
    # QEventLoop.processEvents: QApplication.processEvents drops a reference to None per call (PySide6 6.12)
    pump = QEventLoop().processEvents
    for _ in range(rounds):
        pump()


def shoot(app: QApplication, db: Database, out: Path, name: str, *, demo_mode: bool) -> None:
    window = MainWindow(Services.open(db), demo=demo_mode)
    window.resize(1366, 768)
    window.show()
    settle(app)
    assert window.current_area() == "首页"
    page = window.area("首页")
    while page.view is None or page.view.dues_pending:  # read on the worker thread, the 党费 arrears second
        QEventLoop().processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    settle(app)
    path = out / f"home_{name}.png"
    window.grab().save(str(path))
    print(path)
    scroll = page.findChild(QScrollArea)
    content = scroll.widget()
    content.resize(scroll.viewport().width(), content.sizeHint().height())
    settle(app)
    path = out / f"home_{name}_full.png"
    content.grab().save(str(path))
    print(path)
    window.close()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/shots")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    db = Database(Path(os.environ["GOVDESK_HOME"]) / "demo.sqlite3")
    demo.generate(db)
    shoot(app, db, out, "demo", demo_mode=True)
    shoot(app, Database(township_db()), out, "township", demo_mode=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
