"""The window's side of users: who is working (status bar), admin-only menu actions, the idle lock,
and the dialogs 用户管理, 操作记录 and the first administrator. The window owns one ``WindowRole``
and calls ``apply`` after attach and whenever ``Changes.USERS`` arrives (a role or a setting changed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QWidget

from govdesk.actor import is_admin

if TYPE_CHECKING:
    from govdesk.services.bundle import Services
    from ui.users.login import IdleLock


class WindowRole:
    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.user_label = QLabel()
        self.admin_only: list[QAction] = []  # enabled for a 管理员 (or a desk without log-in)
        self.idle_lock: IdleLock | None = None

    def apply(self, services: Services) -> None:
        """Name the user; grey admin-only actions for others; (re)start the idle lock for a logged-in user.

        A 查看 user's writes are refused by the services themselves (``@writes``), in Chinese."""
        actor = services.db.actor
        self.user_label.setText(f"当前用户：{actor.label}")
        for action in self.admin_only:
            action.setEnabled(is_admin(actor))
        if actor.logged_in:
            from ui.users.login import IdleLock

            minutes = services.users.idle_lock_minutes()
            if self.idle_lock is None:
                self.idle_lock = IdleLock(self.window, services, minutes)
            else:
                self.idle_lock.set_minutes(minutes)

    def open_users(self, services: Services) -> QDialog:
        from ui.users.manage import UsersDialog

        dialog = UsersDialog(services, self.window)
        dialog.open()
        return dialog

    def open_audit(self, services: Services) -> QDialog:
        from ui.users.audit_dialog import AuditDialog

        dialog = AuditDialog(services, self.window)
        dialog.open()
        return dialog

    def offer_first_admin(self, services: Services) -> QDialog | None:
        """A new database: offer to create its administrator (after which everyone logs in)."""
        from ui.users.login import NewUserDialog

        if services.users.has_users():
            return None
        dialog = NewUserDialog(services, self.window, first=True)
        dialog.accepted.connect(lambda: self.apply(services))
        dialog.open()
        return dialog
