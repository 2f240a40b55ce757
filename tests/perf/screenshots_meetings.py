"""Offscreen screenshots of 组织生活 → 会议 on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python tests/perf/screenshots_meetings.py [OUT_DIR]   # default /tmp/govdesk-shots

The meetings page with the schedule warnings and a 党员大会 that was a 五议两公开 step selected,
the page opened from 首页 filtered to a branch fallen behind, the meeting dialog's attendance
grid, 首页 with the meetings behind schedule, and a member's year of meetings. 1366×768.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOVDESK_HOME"] = tempfile.mkdtemp(prefix="govdesk-shots-")

from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.meeting_dialog import MeetingDialog  # noqa: E402


def wait(app, seconds: float = 1.5) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    wait(app)
    home = window.select_area("首页")
    row = next(r for r, item in enumerate(home.needs_model.items) if item.kind == "会议")  # type: ignore[attr-defined]
    home.needs_table.selectRow(row)  # type: ignore[attr-defined]
    home.needs_table.scrollTo(home.needs_model.index(row, 0))  # type: ignore[attr-defined]
    settle(app)
    save(window, out, "meetings-home")
    home.open_target(home.needs_model.items[row].target)  # type: ignore[attr-defined]  # the click
    settle(app)
    save(window, out, "meetings-from-home")
    area = window.show_area("party_life", {"page": "meetings"})
    page = area.page("meetings")  # type: ignore[attr-defined]
    page.apply_filters({})  # every meeting again
    linked = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).values[-1])
    page.table.selectRow(linked)
    settle(app)
    save(window, out, "meetings-page-linked")
    second = next(uid for uid, name, _k in services.meetings.units() if name == "第二党支部")
    window.show_area("party_life", {"page": "meetings", "unit_id": second, "kind": "主题党日"})
    page.table.selectRow(0)
    settle(app)
    save(window, out, "meetings-page-behind")
    page.apply_filters({"kind": "主题党日"})
    page.table.selectRow(0)
    dialog = MeetingDialog(services, page.current_id(), window)
    dialog.show()
    dialog.table.setCurrentIndex(dialog.grid.index(0, 2))
    settle(app)
    save(dialog, out, "meetings-dialog")
    dialog.close()
    members = window.select_area("党员")
    members.table.selectRow(3)  # type: ignore[attr-defined]
    wait(app)
    save(window, out, "meetings-member-year")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
