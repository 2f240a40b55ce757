"""Offscreen screenshots of the 积分 pages of 组织生活 on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_points.py [OUT_DIR]   # default /tmp/govdesk-shots

The ledger (a 更正 among the entries), the 记分 dialog refusing past a cap, 积分细则, 年终测评 with a
score being typed, and the ranking with its 评优 candidates. 1366×768 like the other shots.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["GOVDESK_HOME"] = tempfile.mkdtemp(prefix="govdesk-shots-")

from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.points_dialogs import EntryDialog  # noqa: E402


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    area = window.select_area("组织生活")
    settle(app)
    ledger = area.page("points")  # type: ignore[attr-defined]
    ledger.search.setText("更正")  # the member whose entry was corrected: both lines in the list
    ledger._apply_search()
    name = ledger.model.row_at(0).values[2]
    ledger.search.setText("")
    ledger._apply_search()
    ledger._filters["member_id"].setCurrentIndex(ledger._filters["member_id"].findText(name))
    corrected = next(r for r in range(ledger.model.rowCount()) if ledger.model.row_at(r).values[-1])
    ledger.table.selectRow(corrected)
    settle(app)
    save(window, out, "points-ledger")
    ledger._filters["member_id"].setCurrentIndex(0)
    volunteer = next(r for r in services.points.rules(date.today().year) if r.code == "A02")
    member = services.points.members_on(date.today())[0][0]
    dialog = EntryDialog(services, member, window)
    dialog.rule.setCurrentIndex(dialog.rule.findData(volunteer.id))
    dialog.recorded_by.setText("李文书")
    dialog.note.setText("清扫河道")
    dialog.show()
    for _ in range(8):  # until the month's cap refuses
        dialog.accept()
        if dialog.error.isVisible():
            break
    settle(app)
    save(dialog, out, "points-entry-capped")
    dialog.close()
    for key, name in (("points_rules", "points-rules"), ("points_ranking", "points-ranking")):
        area.setCurrentIndex(area._index_of(key))  # type: ignore[attr-defined]
        if key == "points_ranking":  # the top 60 percent: the skipped (一票否决, 留党察看) show their reasons
            ranking = area.page(key)  # type: ignore[attr-defined]
            ranking.how.setCurrentIndex(1)
            ranking.size.setValue(60)
            ranking.load_candidates()
        settle(app)
        save(window, out, name)
    area.setCurrentIndex(area._index_of("points_assessment"))  # type: ignore[attr-defined]
    grid = area.page("points_assessment")  # type: ignore[attr-defined]
    grid.table.setFocus()
    grid.table.setCurrentIndex(grid.model.index(2, 3))
    grid.model.setData(grid.model.index(1, 3), "93")
    settle(app)
    save(window, out, "points-assessment")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
