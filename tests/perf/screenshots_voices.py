"""Offscreen screenshots of the 民情 area on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_voices.py [OUT_DIR]   # default /tmp/govdesk-shots

The list with an item that became a 五议两公开 matter selected, the overdue filter, and the
答复/办结 dialog refusing to close an item without a reply. 1366×768 like the other shots.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOVDESK_HOME"] = tempfile.mkdtemp(prefix="govdesk-shots-")

from govdesk import demo  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.services.bundle import Services  # noqa: E402
from tests.perf.screenshots import save, settle  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.voice_dialogs import AnswerDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/govdesk-shots")
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    db = Database(Path(os.environ["GOVDESK_HOME"]) / "demo.sqlite3")
    demo.generate(db)
    services = Services.open(db)
    window = MainWindow(services, demo=True)
    window.resize(1366, 768)
    window.show()
    settle(app)
    voices = window.select_area("民情")
    linked = next(r for r in range(voices.model.rowCount()) if voices.model.row_at(r).values[-1])  # type: ignore[union-attr]
    voices.table.selectRow(linked)
    settle(app)
    save(window, out, "voices-linked")
    voices._filters["overdue"].setCurrentIndex(1)
    voices.table.selectRow(0)
    settle(app)
    save(window, out, "voices-overdue")
    dialog = AnswerDialog(services, voices.current_id() or 1, window)
    dialog.show()
    dialog.status.setCurrentText("已办结")
    dialog.accept()
    settle(app)
    save(dialog, out, "voices-answer-refused")
    dialog.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
