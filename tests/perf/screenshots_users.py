"""Offscreen screenshots of users and the audit on a fresh demo village (not collected by pytest).

    PYTHONPATH=. python3 tests/perf/screenshots_users.py [OUT_DIR]   # default /tmp/govdesk-shots

The start-up log-in refusing a wrong password, 用户管理, 操作记录 after a clerk's edits and an
import, a 查看 user's form refused, and the window naming its user. 1366×768 like the other shots.
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

from govdesk import demo  # noqa: E402
from govdesk.actor import ROLE_ADMIN, ROLE_STAFF, ROLE_VIEWER  # noqa: E402
from govdesk.db import Database  # noqa: E402
from govdesk.services.bundle import Services  # noqa: E402
from govdesk.services.listing import ListQuery  # noqa: E402
from tests.perf.screenshots import save, settle, shots_dir  # noqa: E402
from ui.app import application  # noqa: E402
from ui.dialogs.people_dialogs import CategoryDialog  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402
from ui.users.login import LoginDialog  # noqa: E402

PASSWORD = "qingshan-2026"


def main() -> int:
    out = shots_dir()
    app = application()
    db = Database(Path(os.environ["GOVDESK_HOME"]) / "demo.sqlite3")
    demo.generate(db)
    services = Services.open(db)
    services.users.add("admin", PASSWORD, ROLE_ADMIN, "王书记")
    services.users.log_in("admin", PASSWORD)
    services.users.add("clerk", PASSWORD, ROLE_STAFF, "李文书")
    services.users.add("viewer", PASSWORD, ROLE_VIEWER, "张会计")
    services.users.log_in("clerk", PASSWORD)
    hid = services.households.page(ListQuery(), 0, 1)[0].id
    rid = services.households.residents(hid)[0].id
    data = services.households.resident_input(rid)
    data.phone = "13912345678"
    services.households.update_resident(rid, data)
    services.households.end_resident(services.households.residents(hid)[-1].id, date.today(), "迁出")
    login = LoginDialog(services)
    login.login_edit.setText("clerk")
    login.password_edit.setText("wrong")
    login.try_log_in()
    login.show()
    settle(app)
    save(login, out, "users-login-refused")
    services.users.log_in("admin", PASSWORD)
    window = MainWindow(services, demo=True)
    window.resize(1366, 768)
    window.show()
    settle(app)
    save(window, out, "users-window-admin")
    users = window.open_users()
    settle(app)
    save(users, out, "users-manage")
    users.close()
    audit = window.open_audit()
    audit.resize(1366, 700)
    audit.user_box.setCurrentText("clerk")
    audit.apply_filters()
    audit.view.selectRow(0)
    settle(app)
    save(audit, out, "users-audit")
    audit.close()
    services.users.log_in("viewer", PASSWORD)
    window.role.apply(services)
    tab = window.select_area("农户")
    tab.table.selectRow(0)
    form = CategoryDialog(lambda c, s, e: services.household_details.add_category(tab.current_id(), c, s, e), window)
    form.category.setCurrentText("军属")
    form.started.setText("2021.3.1")
    form.accept()
    form.show()
    settle(app)
    save(form, out, "users-viewer-refused")
    window.jobs.shutdown()
    window.close()
    db.dispose()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
