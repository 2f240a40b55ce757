"""Offscreen screenshots of every area on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots.py [OUT_DIR]   # default /tmp/govdesk-shots

Runs with QT_QPA_PLATFORM=offscreen, where Qt sees no system CJK font: Chinese renders only
because the bundled fonts are registered — which is what these pictures check. Also shows a
search for a rare name character, the households area with a household selected, the window
at 字号 大 and 特大, and the member and resident dialogs (one with a wrong ID number). The
window is 1366×768, the screen of many village PCs.
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

from datetime import date  # noqa: E402

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from govdesk import demo, idcard  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.demo import RARE_CHARS  # noqa: E402
from govdesk.services.bundle import Services  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.member_dialog import MemberDialog  # noqa: E402
from ui.dialogs.resident_dialog import ResidentDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def save(widget: QWidget, out: Path, name: str) -> None:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)


def shots_dir() -> Path:
    """Where the pictures go: the first argument, or /tmp/govdesk-shots."""
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/govdesk-shots")
    out.mkdir(parents=True, exist_ok=True)
    return out


def demo_window(app: QApplication) -> tuple[Database, Services, MainWindow]:
    """A fresh demo village (in GOVDESK_HOME) and the window on it, shown at 1366×768."""
    db = Database(Path(os.environ["GOVDESK_HOME"]) / "demo.sqlite3")
    demo.generate(db)
    services = Services.open(db)
    window = MainWindow(services, demo=True)
    window.resize(1366, 768)
    window.show()
    settle(app)
    return db, services, window


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    for i, title in enumerate(window.tab_titles()):
        window.select_area(i)
        settle(app)
        save(window, out, f"area{i + 1}-{title}")

    households = window.select_area("农户")
    households.table.selectRow(2)
    settle(app)
    save(window, out, "area2-selected")
    for scale in ("大", "特大"):
        window.apply_text_scale(scale)
        for name in ("党员", "农户"):
            window.select_area(name)
            settle(app)
            save(window, out, f"zihao-{scale}-{name}")
    window.apply_text_scale("标准")
    window.select_area("农户")

    for ch in RARE_CHARS:
        households.search.setText(ch)
        households._apply_search()
        settle(app)
        print(f"search {ch}: {households.model.rowCount()} households")
        if households.model.rowCount():
            households.table.selectRow(0)
            settle(app)
            save(window, out, f"search-{ord(ch):x}")

    members = window.area("党员")
    members.table.selectRow(0)
    dialog = MemberDialog(services.members, services.village, members.current_id(), window)
    dialog.show()
    settle(app)
    save(dialog, out, "dialog-member-edit")

    bad = ResidentDialog(
        services.households, households.residents.household_id or 1, None, window, household_label="户号 X"
    )
    bad.show()
    bad.person.name.setText("王𠮷")
    good = idcard.make_number("330784", date(1990, 1, 1), 123)
    wrong_check = "0" if good[-1] != "0" else "1"
    bad.person.id_number.setText(good[:-1] + wrong_check)
    for key in ("name", "id_number"):
        bad._touch(key)
    bad.validate_now()
    settle(app)
    save(bad, out, "dialog-resident-bad-id")
    dialog.close()
    bad.close()
    services.members.end(members.model.row_id(1) or 1, date.today(), "转出")  # reaches the list as a change
    members.show_ended.setChecked(True)
    window.select_area("党员")
    settle(app)
    save(window, out, "area1-with-ended")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
