"""Log-in at start, the first administrator of a new database, and the lock after idle time.

The window asks for a log-in after its first paint, once the database is open and says it needs
one (``UserService.login_required``); the dialog keeps the refusals' own words (wrong password,
"再错 N 次", the pause until HH:MM). After ``idle_lock_minutes`` without a key or a mouse
event the window is covered by the same dialog for the current user until the password is
given again (or the program is closed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from govdesk.actor import ROLE_ADMIN, ROLES
from govdesk.errors import GovdeskError

if TYPE_CHECKING:
    from govdesk.services.bundle import Services


class LoginDialog(QDialog):
    """用户名 + 密码; ``accept`` only after ``UserService.log_in`` took them (the actor is then set)."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, login: str = "", locked: bool = False):
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("窗口已锁定" if locked else "登录 govdesk")
        self.setMinimumWidth(380)
        self.login_edit = QLineEdit(login)
        self.login_edit.setReadOnly(locked)
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel("闲置时间过长，请再次输入密码" if locked else "请输入用户名和密码")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("用户名", self.login_edit)
        form.addRow("密码", self.password_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登录" if not locked else "解锁")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("退出程序")
        buttons.accepted.connect(self.try_log_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        (self.password_edit if login else self.login_edit).setFocus()

    def try_log_in(self) -> bool:
        try:
            self.services.users.log_in(self.login_edit.text(), self.password_edit.text())
        except GovdeskError as exc:
            self.message.setText(str(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return False
        self.accept()
        return True


def ask_log_in(parent: QWidget, services: Services) -> bool:
    """At start: True when no log-in is needed or the user logged in; False: the clerk chose to quit."""
    if not services.users.login_required():
        return True
    return LoginDialog(services, parent).exec() == QDialog.DialogCode.Accepted


class NewUserDialog(QDialog):
    """A new user (the first of a database: its administrator): name, role, password twice."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, first: bool = False) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("建立管理员" if first else "添加用户")
        self.login_edit = QLineEdit()
        self.name_edit = QLineEdit()
        self.role_box = QComboBox()
        self.role_box.addItems([ROLE_ADMIN] if first else list(ROLES))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.again_edit = QLineEdit()
        self.again_edit.setEchoMode(QLineEdit.EchoMode.Password)
        intro = (
            "建立第一位管理员后，每次打开程序都要登录，所有修改都记下是谁做的。"
            "只有一人使用的电脑可以不建立（以后在“设置 → 用户管理”中建立）。"
            if first
            else "新用户用这个用户名和密码登录。"
        )
        self.message = QLabel(intro)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("用户名", self.login_edit)
        form.addRow("姓名", self.name_edit)
        form.addRow("角色", self.role_box)
        form.addRow("密码", self.password_edit)
        form.addRow("再输入一次", self.again_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("保存")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("以后再说" if first else "取消")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> bool:
        if self.password_edit.text() != self.again_edit.text():
            self.message.setText("两次输入的密码不一样")
            return False
        login, password = self.login_edit.text(), self.password_edit.text()
        try:
            self.services.users.add(login, password, self.role_box.currentText(), self.name_edit.text())
            if not self.services.db.actor.logged_in:  # the first administrator: logged in at once
                self.services.users.log_in(login, password)
        except GovdeskError as exc:
            self.message.setText(str(exc))
            return False
        self.accept()
        return True


class IdleLock(QObject):
    """Covers the window with the log-in dialog after ``minutes`` without input (0: never)."""

    INPUT = frozenset(
        {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel}
    )

    def __init__(self, window: QWidget, services: Services, minutes: int) -> None:
        super().__init__(window)
        self.window = window
        self.services = services
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.minutes = minutes
        if minutes > 0:
            self.timer.setInterval(minutes * 60_000)
            self.timer.start()
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.locked and self.minutes > 0 and event.type() in self.INPUT:
            self.timer.start()
        return False

    def lock(self) -> bool:
        """Ask for the current user's password again; closing the dialog closes the program."""
        actor = self.services.db.actor
        if self.locked or not actor.logged_in:
            return True
        self.locked = True
        self.window.setEnabled(False)
        try:
            dialog = LoginDialog(self.services, self.window, login=actor.name, locked=True)
            self.dialog = dialog
            unlocked = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            self.locked = False
            self.window.setEnabled(True)
        if not unlocked:
            self.window.close()
        elif self.minutes > 0:
            self.timer.start()
        return unlocked
