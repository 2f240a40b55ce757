"""Offscreen screenshots of the 村务 pages 志愿服务 and 五星支部 on a fresh demo village (not
collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_village_life_b.py [OUT_DIR]   # default /tmp/govdesk-shots

志愿服务 with a team selected, the activity dialog, the volunteers list; 五星支部 on the quarter
where the second branch lost a star, an edited score, the catalogue editor refusing 95 points.
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

from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.star_dialogs import CatalogueDialog  # noqa: E402
from ui.dialogs.volunteer_dialogs import ActivityDialog  # noqa: E402


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    area = window.select_area("村务")
    page = area.page("volunteers")
    page.teams.selectRow(2)
    page.activities.table.selectRow(0)
    settle(app)
    save(window, out, "village-volunteers")
    dialog = ActivityDialog(services.volunteers, page.activities.current_id(), None, window)
    dialog.show()
    settle(app)
    save(dialog, out, "village-volunteers-activity")
    dialog.close()
    page.tabs.setCurrentIndex(1)
    page.teams.clearSelection()
    page._team_picked()
    page.people.show_ended.setChecked(True)
    settle(app)
    save(window, out, "village-volunteers-people")

    stars = area.page("stars")
    area.setCurrentIndex(area._index_of("stars"))
    stars.branch.setCurrentIndex(1)
    stars.quarter.setCurrentIndex(1)
    settle(app)
    save(window, out, "village-stars-q2")
    model = stars.grid_model
    model.setData(model.index(0, 4), "6")
    settle(app)
    save(window, out, "village-stars-editing")
    cat = CatalogueDialog(services.stars, stars.year.currentData(), window)
    cat.resize(900, 700)
    cat.show()
    cat.table.cellWidget(0, 3).setValue(3)
    cat.accept()
    settle(app)
    save(cat, out, "village-stars-catalogue-refused")
    cat.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
