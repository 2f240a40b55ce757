"""Offscreen screenshots of 组织生活 → 党费 on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_dues.py [OUT_DIR]   # default /tmp/govdesk-shots

The year's book with a member selected, the arrears filter (with the 连续六个月 warning), the
payment dialog and its amount question, and 首页 with the arrears lines. 1366×768 like the others.
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

from govdesk.dues.rules import ConfirmationNeeded  # noqa: E402
from tests.perf.screenshots import demo_window, save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.dues_dialogs import PaymentDialog  # noqa: E402


def main() -> int:
    out = shots_dir()
    app = application()
    db, services, window = demo_window(app)
    area = window.select_area("组织生活")
    page = area.page("dues")
    area.setCurrentIndex(area._index_of("dues"))
    page.model.row_at(0)
    page.table.selectRow(7)
    settle(app)
    save(window, out, "dues-book")
    page.apply_filters({"arrears": "listed"})
    page.model.row_at(0)
    page.table.selectRow(0)
    settle(app)
    save(window, out, "dues-arrears")
    behind = services.dues.arrears_list()[-1]
    dialog = PaymentDialog(services.dues, behind.member_id, services.dues.today().year, window)
    dialog.last.setCurrentIndex(9)
    dialog.amount.setText("9.99")
    dialog._typed = True
    dialog.show()
    settle(app)
    save(dialog, out, "dues-payment-dialog")
    try:
        services.dues.record_payment(dialog.input())
    except ConfirmationNeeded as asked:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, "请核对金额", asked.question, parent=dialog)
        box.addButton("按此金额登记", QMessageBox.ButtonRole.YesRole)
        box.addButton("返回修改", QMessageBox.ButtonRole.NoRole)
        box.show()
        settle(app)
        save(box, out, "dues-amount-question")
        box.close()
    dialog.close()
    window.select_area("首页")
    for _ in range(50):
        settle(app)
        home = window.select_area("首页")
        if getattr(home, "view", None) is not None:
            break
    save(window, out, "dues-home")
    window.close()
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
