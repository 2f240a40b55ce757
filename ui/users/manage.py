"""设置 → 用户管理 (管理员): the users, add one, reset a password, disable or enable, change a role.

Every button calls ``UserService``; a refusal (the last administrator, a short password, a
non-administrator) is shown in the dialog's own words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from govdesk.actor import ROLES
from govdesk.errors import GovdeskError
from govdesk.services.users import IDLE_LOCK_MINUTES, LOGIN_REQUIRED
from ui.users.login import NewUserDialog

if TYPE_CHECKING:
    from govdesk.services.bundle import Services

HEADERS = ("用户名", "姓名", "角色", "状态", "上次登录")


class UsersDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle("用户管理")
        self.resize(640, 380)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.message = QLabel(f"当前用户：{services.db.actor.label}")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for text, slot in (
            ("添加用户…", self.add_user),
            ("重设密码…", self.reset_password),
            ("更改角色…", self.change_role),
            ("停用", lambda: self.set_disabled(True)),
            ("启用", lambda: self.set_disabled(False)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addLayout(self._settings_row())
        layout.addWidget(self.message)
        self.reload()

    def _settings_row(self) -> QHBoxLayout:
        """启动时要求登录 (off: a single-clerk desk) and the idle lock's minutes."""
        users = self.services.users
        self.login_box = QCheckBox(LOGIN_REQUIRED.label)
        self.login_box.setChecked(bool(users.settings.get(LOGIN_REQUIRED)))
        self.idle_box = QSpinBox()
        self.idle_box.setRange(IDLE_LOCK_MINUTES.minimum or 0, IDLE_LOCK_MINUTES.maximum or 480)
        self.idle_box.setValue(users.idle_lock_minutes())
        self.idle_box.setSuffix(" 分钟")
        save = QPushButton("保存设置")
        save.clicked.connect(self.save_settings)
        row = QHBoxLayout()
        row.addWidget(self.login_box)
        row.addWidget(QLabel("闲置锁定"))
        row.addWidget(self.idle_box)
        row.addWidget(save)
        row.addStretch(1)
        return row

    def save_settings(self) -> bool:
        settings = self.services.users.settings

        def put() -> None:
            settings.put(LOGIN_REQUIRED, self.login_box.isChecked())
            settings.put(IDLE_LOCK_MINUTES, self.idle_box.value())

        return self._run(put, "已保存设置")

    def reload(self) -> None:
        users = self.services.users.users()
        self.table.setRowCount(len(users))
        for row, u in enumerate(users):
            state = "已停用" if u.disabled else "暂停登录" if u.locked_until else "正常"
            last = f"{u.last_login_at:%Y-%m-%d %H:%M}" if u.last_login_at else ""
            for column, text in enumerate((u.login, u.display_name, u.role, state, last)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def selected_login(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.message.setText("请先选中一位用户")
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.text() if item else None

    def _run(self, action, done: str) -> bool:  # noqa: ANN001 - a no-argument callable
        try:
            action()
        except GovdeskError as exc:
            self.message.setText(str(exc))
            return False
        self.message.setText(done)
        self.reload()
        return True

    def add_user(self) -> None:
        dialog = NewUserDialog(self.services, self, first=not self.services.users.has_users())
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.message.setText(f"已添加用户“{dialog.login_edit.text().strip()}”")
            self.reload()

    def reset_password(self) -> None:
        login = self.selected_login()
        if login is None:
            return
        password, ok = QInputDialog.getText(self, "重设密码", f"“{login}”的新密码：", QLineEdit.EchoMode.Password)
        if ok:
            self._run(lambda: self.services.users.set_password(login, password), f"已重设“{login}”的密码")

    def change_role(self) -> None:
        login = self.selected_login()
        if login is None:
            return
        role, ok = QInputDialog.getItem(self, "更改角色", f"“{login}”的角色：", list(ROLES), 1, False)
        if ok:
            self._run(lambda: self.services.users.set_role(login, role), f"“{login}”现在是{role}")

    def set_disabled(self, disabled: bool) -> bool:
        login = self.selected_login()
        if login is None:
            return False
        said = f"已{'停用' if disabled else '启用'}“{login}”"
        return self._run(lambda: self.services.users.set_disabled(login, disabled), said)
