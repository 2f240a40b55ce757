"""Offscreen screenshots of 组织生活 → 设岗定责 on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_posts.py [OUT_DIR]   # default /tmp/govdesk-shots

The catalogue with a post selected (duties, holders now and before), the 上岗 dialog refusing a
day in the future, and a member's 岗位/状态 dialog (posts and status history, 状态变更).
1366×768 like the other shots.
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

from govdesk.models import MemberStatusPeriod  # noqa: E402
from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.post_dialogs import AssignDialog, StatusChangeDialog  # noqa: E402


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    area = window.select_area("组织生活")
    area.setCurrentIndex(area._index_of("posts"))
    page = area.page("posts")
    page.table.selectRow(0)
    settle(app)
    save(window, out, "posts-page")
    dialog = AssignDialog(services, page.current_id() or 1, window)
    dialog.show()
    dialog.started.setText("2099-01-01")
    dialog.accept()
    settle(app)
    save(dialog, out, "posts-assign-refused")
    dialog.close()
    with db.session() as s:  # the member with the richest history: the 留党察看 one
        member_id = s.query(MemberStatusPeriod.member_id).filter(MemberStatusPeriod.status == "留党察看").scalar()
    status = StatusChangeDialog(services, member_id, window)
    status.show()
    settle(app)
    save(status, out, "posts-member-status")
    status.close()
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
