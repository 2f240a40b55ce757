"""The window with users: log-in at start, 查看 refused through the window's actions, admin-only
menus, the idle lock, the first administrator, 用户管理 and 操作记录 (offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from govdesk.actor import ROLE_ADMIN, ROLE_STAFF, ROLE_VIEWER
from govdesk.db import Database
from tests.users.conftest import PASSWORD


@pytest.fixture
def services(demo_db: Database):  # type: ignore[no-untyped-def]
    from govdesk.services.bundle import Services

    services = Services.open(demo_db)
    services.users.add("admin", PASSWORD, ROLE_ADMIN, "王书记")
    services.users.log_in("admin", PASSWORD)
    services.users.add("clerk", PASSWORD, ROLE_STAFF, "李文书")
    services.users.add("viewer", PASSWORD, ROLE_VIEWER, "张会计")
    return services


def _window(services, qtbot):  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(services, demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    return win


def test_a_viewer_is_refused_through_the_windows_actions(services, qtbot, monkeypatch) -> None:  # noqa: ANN001
    from ui.dialogs.people_dialogs import CategoryDialog

    services.users.log_in("viewer", PASSWORD)
    win = _window(services, qtbot)
    try:
        assert "viewer（查看）" in win.role.user_label.text()
        assert not win.users_action.isEnabled()
        said: list[str] = []
        tab = win.select_area("农户")
        tab.table.selectRow(3)
        hid = tab.current_id()
        before = list(services.household_details.categories(hid))

        def drive(dialog) -> bool:  # noqa: ANN001
            if isinstance(dialog, CategoryDialog):
                dialog.category.setCurrentText("军属")
                dialog.started.setText("2021.3.1")
            dialog.accept()  # the dialog keeps the refusal on its error line and stays open
            said.append(dialog.error.text())
            return dialog.result() == 1

        monkeypatch.setattr(tab, "run_dialog", drive)
        tab.details.add_category()
        assert list(services.household_details.categories(hid)) == before
        assert any("只能查看" in text for text in said), said
    finally:
        win.jobs.shutdown()


def test_admin_menus_and_the_audit_dialog(services, qtbot, qtmodeltester) -> None:  # noqa: ANN001
    win = _window(services, qtbot)
    try:
        assert win.users_action.isEnabled()
        users = win.open_users()
        assert users.table.rowCount() == 3
        users.table.selectRow(2)
        assert users.set_disabled(True)
        assert users.table.item(2, 3).text() == "已停用"
        users.idle_box.setValue(5)
        users.login_box.setChecked(False)  # a single-clerk desk
        assert users.save_settings()
        assert not services.users.login_required() and services.users.idle_lock_minutes() == 5
        qtbot.waitUntil(lambda: win.role.idle_lock is not None and win.role.idle_lock.minutes == 5)
        users.close()
        audit = win.open_audit()
        qtmodeltester.check(audit.model)
        assert audit.model.rowCount() > 0
        audit.user_box.setCurrentText("admin")
        audit.apply_filters()
        rows = audit.model.rowCount()
        assert 0 < rows < services.audit.total()
        audit.view.selectRow(0)
        assert "修改后" in audit.details.toPlainText() or "内容" in audit.details.toPlainText()
        audit.close()
    finally:
        win.jobs.shutdown()


def test_log_in_at_start_and_the_idle_lock(services, qtbot) -> None:  # noqa: ANN001
    from ui.users.login import IdleLock, LoginDialog, ask_log_in

    services.db.actor = services.db.actor.pc_account()
    dialog = LoginDialog(services)
    dialog.login_edit.setText("clerk")
    dialog.password_edit.setText("wrong")
    assert not dialog.try_log_in()
    assert "再错 4 次" in dialog.message.text()
    dialog.password_edit.setText(PASSWORD)
    assert dialog.try_log_in() and services.db.actor.name == "clerk"
    assert services.users.login_required()
    services.users.settings.put  # noqa: B018 - (a 管理员 could switch log-in off; see test_users)

    win = _window(services, qtbot)
    try:
        lock = win.role.idle_lock
        assert isinstance(lock, IdleLock) and lock.minutes == 15
        answers: list[LoginDialog] = []

        def unlock() -> None:
            d = lock.dialog
            answers.append(d)
            d.password_edit.setText(PASSWORD)
            d.try_log_in()

        from PySide6.QtCore import QTimer

        QTimer.singleShot(50, unlock)
        assert lock.lock()
        assert answers and answers[0].login_edit.isReadOnly() and answers[0].login_edit.text() == "clerk"
        assert win.isEnabled()
    finally:
        win.jobs.shutdown()
    assert ask_log_in  # the start-up seam (ui/app.py) is the same dialog


def test_a_new_database_offers_its_first_administrator(db: Database, qtbot) -> None:  # noqa: ANN001
    from govdesk.services.bundle import Services
    from govdesk.services.village import VillageService

    VillageService(db).create_village("青山村")
    services = Services.open(db)
    win = _window(services, qtbot)
    try:
        dialog = win.offer_first_admin()
        assert dialog is not None and dialog.windowTitle() == "建立管理员"
        dialog.login_edit.setText("admin")
        dialog.password_edit.setText(PASSWORD)
        dialog.again_edit.setText(PASSWORD)
        assert dialog.save()
        assert services.db.actor.name == "admin" and services.users.login_required()
        assert "admin（管理员）" in win.role.user_label.text()
        assert win.offer_first_admin() is None
    finally:
        win.jobs.shutdown()
    assert dialog.result() == QDialog.DialogCode.Accepted


def _drive_log_in(login: str | None, found: list[str]) -> None:
    """Answer the start-up log-in dialog when it appears (``None``: choose 退出程序)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    from ui.users.login import LoginDialog

    def close() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow) and w.isVisible():
                found.append(w.role.user_label.text())
        QApplication.closeAllWindows()

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LoginDialog):
            QTimer.singleShot(50, answer)
            return
        found.append(dialog.windowTitle())
        if login is None:
            dialog.reject()
            return
        dialog.login_edit.setText(login)
        dialog.password_edit.setText(PASSWORD)
        dialog.try_log_in()
        QTimer.singleShot(300, close)

    QTimer.singleShot(50, answer)


@pytest.mark.parametrize("login", ["clerk", None])
def test_the_window_asks_for_a_log_in_after_its_first_paint(services, qtbot, monkeypatch, login) -> None:  # noqa: ANN001
    import sys

    from ui.app import run

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs the crash handler
    path = str(services.db.url.database)
    services.close()
    found: list[str] = []
    _drive_log_in(login, found)
    assert run(path) == 0
    assert found[0] == "登录 govdesk"
    if login is None:  # 退出程序: the lists never filled
        assert len(found) == 1
    else:
        assert found[1] == "当前用户：clerk（工作人员）"


def test_a_viewer_is_refused_a_print_before_it_is_built(services, qtbot, monkeypatch) -> None:  # noqa: ANN001
    import ui.print_actions as print_actions
    from govdesk.errors import RefusedError

    services.users.log_in("viewer", PASSWORD)
    win = _window(services, qtbot)
    try:
        shown: list[str] = []
        monkeypatch.setattr(print_actions, "show_error", lambda exc, _parent: shown.append(str(exc)))
        request = print_actions.print_register(win, services, win.jobs, "households", False)
        assert isinstance(request.error, RefusedError) and request.handle is None
        assert shown and "只能查看" in shown[0]
        assert services.printing.count() == 0
    finally:
        win.jobs.shutdown()
