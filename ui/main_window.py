"""The desk window: it only assembles the areas, a menu and a status bar.

Areas register themselves (ui/areas); the window lists them down the left and builds each
one when it is first shown. The window paints first, then fills its lists: ``MainWindow()``
is the frame alone (menus, the area names, "正在打开数据库…"), cheap enough to show before the
database layer, the models, the services or qtawesome are imported; ``attach(services)`` then
gives it the database's services, the title with the village name and the icons, and once it
is shown the selected area and the status-bar counts are filled (``fill``). ``MainWindow(services)``
does both at once. Whatever a service writes comes back as ``Changes`` on the window's one
signal ``changed``: the areas, the status-bar counts and the title react to it. The window
remembers its size, the area shown, splitters, column widths and the 字号 between runs
(ui/window_state).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QWidget,
)

from govdesk import __version__
from govdesk.changes import Changes
from ui.areas import AreaSpec, FilterableArea, registered_areas
from ui.change_relay import ChangeRelay
from ui.fonts import STANDARD_SCALE, TEXT_SCALES, fit_widgets_to_font, set_text_scale
from ui.navigation import AreaNavigator
from ui.users.window_role import WindowRole
from ui.window_state import WindowState

if TYPE_CHECKING:
    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner

COUNTED = Changes.MEMBERS | Changes.HOUSEHOLDS | Changes.RESIDENTS


OPENING_MESSAGE = "正在打开数据库…"


def window_title(village: str | None, demo: bool) -> str:
    """``govdesk — 青山村（演示）``; before the database is open just ``govdesk``."""
    return "govdesk" + (f" — {village}" if village is not None else "") + ("（演示）" if demo else "")


class MainWindow(QMainWindow):
    changed = Signal(object)  # Changes: what any write in the program changed

    filled = Signal()  # the selected area and the counts are there (after the first paint)

    def __init__(self, services: Services | None = None, jobs: JobRunner | None = None, *, demo: bool = False) -> None:
        super().__init__()
        self.services: Services | None = None
        # The job runner comes with the services (attach): ui.jobs needs PySide6's Qt namespace,
        # whose enums cost ~20 ms to build — not before the first paint.
        self.jobs: JobRunner = jobs  # type: ignore[assignment]  # set by attach when None
        self.demo = demo
        self.state = WindowState()
        self.text_scale = STANDARD_SCALE
        self.setWindowTitle(window_title(None, demo))

        self.areas = AreaNavigator(registered_areas(), self._build_area, self)
        self.areas.area_shown.connect(self._area_shown)
        self.setCentralWidget(self.areas)
        self.relay: ChangeRelay | None = None
        self.changed.connect(self.areas.deliver)
        self.changed.connect(self._react)

        self.counts_label = QLabel()
        self._counts_asked = 0
        self.role = WindowRole(self)  # who is working, admin-only actions, the idle lock
        self.statusBar().addPermanentWidget(self.role.user_label)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().showMessage(OPENING_MESSAGE)
        self._icons: list[tuple[QAction | QMenu, str]] = []  # set by attach: qtawesome after the first paint
        self._need_services: list[QAction] = []  # enabled by attach
        self._build_menu()
        self.first_run_dialog: QDialog | None = None
        self.ready = False  # True once the first area and the counts are filled (after the first paint)
        self._restore_window()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """The database is open: title, change feed, icons and menus; the lists fill once shown."""
        if self.services is not None:
            raise RuntimeError("the window already has its services")
        self.services = services
        if self.jobs is None:
            from ui.jobs import JobRunner

            self.jobs = JobRunner(self)
        self.setWindowTitle(window_title(services.village.title(), self.demo))
        self.relay = ChangeRelay(services.db, self)
        self.relay.changed.connect(self.changed)
        self._load_icons()
        self._set_shortcuts()
        for action in self._need_services:
            action.setEnabled(True)
        self._apply_role()
        self.statusBar().clearMessage()
        if self.demo:
            self.statusBar().showMessage("演示村：数据均为虚构，单独存放，不会混入真实台账")
        if services.warnings:  # the file sits on a network share or a USB drive
            self.statusBar().showMessage("注意：" + "；".join(services.warnings))
        if self.isVisible():
            QTimer.singleShot(0, self.fill)

    def _apply_role(self) -> None:
        assert self.services is not None
        self.role.apply(self.services)

    def _set_shortcuts(self) -> None:
        """退出 and Ctrl+1…9: with attach, as the first QKeySequence builds PySide6's Qt enums (~20 ms)."""
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        for index, action in enumerate(self.area_actions[:9]):
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))

    def _load_icons(self) -> None:
        import qtawesome as qta  # about 0.3 s with its Qt layer: only once the frame has painted

        for target, name in self._icons:
            target.setIcon(qta.icon(name))
        self.areas.set_icons(qta.icon)

    # --- areas ----------------------------------------------------------------------------
    def _build_area(self, spec: AreaSpec) -> QWidget:
        if self.services is None:
            raise RuntimeError("an area is built only after attach(services)")
        widget = spec.factory(self.services, self.jobs, self.show_area)
        self.state.restore_widgets(spec.key, widget)
        return widget

    def show_area(self, key: str, filters: dict[str, Any] | None = None) -> QWidget:
        """Show an area, its list filtered when ``filters`` is given (drill-down from 首页)."""
        widget = self.select_area(key)
        if filters and isinstance(widget, FilterableArea):
            widget.apply_filters(dict(filters))
        return widget

    def area(self, name_or_index: str | int) -> QWidget:
        """An area's widget by name (党员), key (members) or position, built now if it was not yet."""
        index = name_or_index if isinstance(name_or_index, int) else self.areas.index_of(name_or_index)
        return self.areas.widget(index)

    def select_area(self, name_or_index: str | int) -> QWidget:
        index = name_or_index if isinstance(name_or_index, int) else self.areas.index_of(name_or_index)
        return self.areas.select(index)

    def current_area(self) -> str:
        return self.areas.names()[self.areas.current_index()]

    def tab_titles(self) -> list[str]:
        """The areas' names in navigation order."""
        return self.areas.names()

    def _area_shown(self, index: int) -> None:
        self.state.set_area(self.areas.specs[index].key)

    def _restore_window(self) -> None:
        self.apply_text_scale(self.state.text_scale(STANDARD_SCALE), remember=False)
        geometry = self.state.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        keys = [spec.key for spec in self.areas.specs]
        saved = self.state.area()
        self.areas.mark_current(keys.index(saved) if saved in keys else 0)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self.ready and self.services is not None:
            QTimer.singleShot(0, self.fill)

    def fill(self) -> None:
        """After the first paint: build the selected area, count, and greet a new installation.

        The area shown is the remembered one, or the one the clerk clicked while the database
        was opening.
        """
        if self.ready or self.services is None:
            return
        self.ready = True
        self.areas.release()
        self.areas.select(max(self.areas.current_index(), 0))
        self.refresh_status()
        if not self.services.village.has_village():  # a new installation: ask for the village at once
            QTimer.singleShot(0, self.offer_first_run)
        self.back_up_for_the_day()  # queued behind the first area's own jobs (one worker)
        self.filled.emit()

    def back_up_for_the_day(self) -> None:
        """The day's automatic backup, queued behind the first area's jobs (ui.backup_actions)."""
        from ui.backup_actions import back_up_for_the_day

        if self.services is not None and self.jobs is not None:
            back_up_for_the_day(self.services, self.jobs, self.statusBar().showMessage)

    # --- changes ----------------------------------------------------------------------------
    def _react(self, changes: Changes) -> None:
        """The window's own reactions: the counts, and the title after the village changed."""
        if self.services is None:
            return
        if changes & Changes.VILLAGE:
            self.setWindowTitle(window_title(self.services.village.title(), self.demo))
        if changes & COUNTED:
            self.refresh_status()
        if changes & Changes.USERS:  # a role, the log-in or idle-lock setting may have changed
            self._apply_role()

    # --- 字号 ---------------------------------------------------------------------------------
    def apply_text_scale(self, name: str, *, remember: bool = True) -> None:
        """设置 → 字号: the whole window's text and table rows at once; remembered for next time."""
        name = name if name in TEXT_SCALES else STANDARD_SCALE
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        before = TEXT_SCALES[self.text_scale]
        factor = set_text_scale(app, name)
        self.text_scale = name
        for action in self.scale_actions.actions():
            action.setChecked(action.data() == name)
        fit_widgets_to_font(self, factor / before)
        self.areas.fit_to_font()
        if remember:
            self.state.set_text_scale(name)

    def offer_first_run(self) -> None:
        from ui.dialogs.organisation_dialog import offer_first_run

        assert self.services is not None
        self.first_run_dialog = offer_first_run(self, self.services, self._first_run_done)

    def _first_run_done(self, saved: bool) -> None:
        self.first_run_dialog = None
        QTimer.singleShot(0, self.offer_first_admin)
        if saved:
            self.statusBar().showMessage(
                "已保存村的信息。支部、村民小组、网格和村干部请在“设置 → 村和组织”中建立。", 30000
            )
        else:
            from ui.dialogs.organisation_dialog import LATER_HINT

            self.statusBar().showMessage(LATER_HINT)

    def open_organisation(self) -> QDialog:
        """设置 → 村和组织; what it saves reaches the title and the areas' filters as ``changed``."""
        from ui.dialogs.organisation_dialog import open_organisation

        assert self.services is not None
        return open_organisation(self, self.services, lambda: None)

    def open_users(self) -> QDialog:
        """设置 → 用户管理 (管理员)."""
        assert self.services is not None
        return self.role.open_users(self.services)

    def open_audit(self) -> QDialog:
        """文件 → 操作记录: who changed what (filter by user, record, date)."""
        assert self.services is not None
        return self.role.open_audit(self.services)

    def offer_first_admin(self) -> QDialog | None:
        return None if self.services is None else self.role.offer_first_admin(self.services)

    def open_print_archive(self) -> None:
        from ui.print_actions import open_archive_dialog  # reportlab-free, but qtawesome and the services

        assert self.services is not None
        open_archive_dialog(self, self.services, self.jobs)

    def _action(self, icon: str, text: str, *, needs_services: bool = False) -> QAction:
        """A menu action; its icon is set by ``attach`` (qtawesome loads after the first paint)."""
        action = QAction(text, self)
        self._icons.append((action, icon))
        if needs_services:
            action.setEnabled(False)
            self._need_services.append(action)
        return action

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        archive = self._action("fa5s.archive", "打印存档(&P)…", needs_services=True)
        archive.triggered.connect(self.open_print_archive)
        file_menu.addAction(archive)
        audit = self._action("fa5s.history", "操作记录(&L)…", needs_services=True)
        audit.triggered.connect(self.open_audit)
        file_menu.addAction(audit)
        backup = self._action("fa5s.save", "备份数据库(&B)…", needs_services=True)
        backup.triggered.connect(self.backup_database)
        file_menu.addAction(backup)
        self.restore_action = self._action("fa5s.undo", "恢复备份(&R)…", needs_services=True)
        self.restore_action.triggered.connect(self.restore_backup)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        self.quit_action = self._action("fa5s.sign-out-alt", "退出(&X)")
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)
        settings_menu = self.menuBar().addMenu("设置(&S)")
        organisation = self._action("fa5s.sitemap", "村和组织(&O)…", needs_services=True)
        organisation.triggered.connect(self.open_organisation)
        settings_menu.addAction(organisation)
        self.users_action = self._action("fa5s.users-cog", "用户管理(&U)…", needs_services=True)
        self.users_action.triggered.connect(self.open_users)
        self.role.admin_only.append(self.users_action)
        settings_menu.addAction(self.users_action)
        scale_menu = settings_menu.addMenu("字号(&Z)")
        self._icons.append((scale_menu, "fa5s.text-height"))
        self.scale_actions = QActionGroup(self)
        for name in TEXT_SCALES:
            action = QAction(name, self, checkable=True)
            action.setData(name)
            action.setChecked(name == STANDARD_SCALE)
            action.triggered.connect(lambda _c=False, n=name: self.apply_text_scale(n))
            self.scale_actions.addAction(action)
            scale_menu.addAction(action)
        view_menu = self.menuBar().addMenu("查看(&V)")
        self.area_actions: list[QAction] = []
        for index, spec in enumerate(self.areas.specs):
            go = self._action(spec.icon, spec.name)
            self.area_actions.append(go)
            # Choosing the row shows the area; before attach it only highlights the name.
            go.triggered.connect(lambda _c=False, i=index: self.areas.list.setCurrentRow(i))
            view_menu.addAction(go)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = self._action("fa5s.info-circle", "关于(&A)")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def refresh_status(self) -> None:
        """The status bar's totals, counted on the worker after the area's own read (首页's page
        paints first); only the latest count is shown when changes come quickly."""
        services = self.services
        if services is None:
            return
        self._counts_asked += 1
        asked = self._counts_asked

        def count(_ctx: object) -> tuple[int, int, int]:
            return (services.members.active_count(), *services.households.counts())

        def show(totals: tuple[int, int, int]) -> None:
            if asked == self._counts_asked:
                members, households, residents = totals
                self.counts_label.setText(f"党员 {members:,} 人 · 农户 {households:,} 户 · 居民 {residents:,} 人")

        self.jobs.submit(count, show, read_only=True)

    def about_text(self) -> str:
        return f"<h3>govdesk {__version__}</h3><p>村党群服务中心桌面台账：党员、农户、值班、五议两公开。</p>" + (
            f"<p>数据库：{self.services.db.describe()}</p>" if self.services is not None else ""
        )

    def show_about(self) -> None:
        QMessageBox.about(self, "关于 govdesk", self.about_text())

    def backup_database(self) -> None:
        """文件 → 备份数据库 (ui.backup_actions)."""
        from ui.backup_actions import back_up_to_file

        if self.services is not None and self.jobs is not None:
            back_up_to_file(self, self.services, self.jobs, status=lambda m: self.statusBar().showMessage(m, 15000))

    def restore_backup(self) -> None:
        """文件 → 恢复备份… (ui.restore_action)."""
        from ui.restore_action import restore_backup

        if self.services is not None and self.jobs is not None:
            restore_backup(self, self.services, self.jobs, status=lambda m: self.statusBar().showMessage(m, 30000))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.jobs is not None and self.jobs.busy:
            answer = QMessageBox.question(self, "仍有工作在进行", "后台工作尚未完成，确定要退出吗？")
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        if self.jobs is not None:
            self.jobs.shutdown()
        self.save_state()
        if self.relay is not None:
            self.relay.stop()
        super().closeEvent(event)

    def save_state(self) -> None:
        self.state.set_geometry(self.saveGeometry())
        for index, widget in self.areas.built().items():
            self.state.save_widgets(self.areas.specs[index].key, widget)
        self.state.sync()
