"""The desk window: it only assembles tabs, a menu and a status bar.

Each tab is built from the ``TABS`` registry with the services bundle and the job runner;
a later capability adds one line there. A tab that emits ``changed`` (a record added,
edited or ended) makes the window refresh the counts in the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import qtawesome as qta
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget, QWidget

from govdesk import __version__
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from ui.decisions_tab import DecisionsTab
from ui.dialogs.organisation_dialog import LATER_HINT, offer_first_run, open_organisation
from ui.households_tab import HouseholdsTab
from ui.jobs import JobRunner, show_error
from ui.members_tab import MembersTab
from ui.print_actions import open_archive_dialog
from ui.roster_tab import RosterTab

TabFactory = Callable[[Services, JobRunner, QWidget], QWidget]


@dataclass(frozen=True)
class TabSpec:
    title: str
    icon: str  # a qtawesome icon name
    factory: TabFactory


TABS: list[TabSpec] = [
    TabSpec("党员", "fa5s.user-friends", MembersTab),
    TabSpec("农户", "fa5s.home", HouseholdsTab),
    TabSpec("值班", "fa5s.calendar-alt", RosterTab),
    TabSpec("五议两公开", "fa5s.clipboard-list", DecisionsTab),
]


def window_title(village: str, demo: bool) -> str:
    return f"govdesk — {village}" + ("（演示）" if demo else "")


class MainWindow(QMainWindow):
    def __init__(self, services: Services, jobs: JobRunner | None = None, *, demo: bool = False) -> None:
        super().__init__()
        self.services = services
        self.jobs = jobs or JobRunner(self)
        self.demo = demo
        self.setWindowTitle(window_title(services.village.title(), demo))

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for spec in TABS:
            tab = spec.factory(services, self.jobs, self.tabs)
            self.tabs.addTab(tab, qta.icon(spec.icon), spec.title)
            changed = getattr(tab, "changed", None)
            if changed is not None:
                changed.connect(self.refresh_status)
        self.setCentralWidget(self.tabs)

        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        if demo:
            self.statusBar().showMessage("演示村：数据均为虚构，单独存放，不会混入真实台账")
        self._build_menu()
        self.refresh_status()
        self.resize(1280, 800)
        self.first_run_dialog: QDialog | None = None
        if not services.village.has_village():  # a new installation: ask for the village at once
            QTimer.singleShot(0, self.offer_first_run)

    def offer_first_run(self) -> None:
        self.first_run_dialog = offer_first_run(self, self.services, self._first_run_done)

    def _first_run_done(self, saved: bool) -> None:
        self.first_run_dialog = None
        self.organisation_changed()
        if saved:
            self.statusBar().showMessage(
                "已保存村的信息。支部、村民小组、网格和村干部请在“设置 → 村和组织”中建立。", 30000
            )
        else:
            self.statusBar().showMessage(LATER_HINT)

    def open_organisation(self) -> QDialog:
        return open_organisation(self, self.services, self.organisation_changed)

    def organisation_changed(self) -> None:
        """Title and every tab's cached choices (filters) follow the village and its organisation."""
        self.setWindowTitle(window_title(self.services.village.title(), self.demo))
        for i in range(self.tabs.count()):
            refresh = getattr(self.tabs.widget(i), "refresh_choices", None)
            if refresh is not None:
                refresh()
        self.refresh_status()

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("文件(&F)")
        archive = QAction(qta.icon("fa5s.archive"), "打印存档(&P)…", self)
        archive.triggered.connect(lambda: open_archive_dialog(self, self.services, self.jobs))
        file_menu.addAction(archive)
        backup = QAction(qta.icon("fa5s.save"), "备份数据库(&B)…", self)
        backup.triggered.connect(self.backup_database)
        file_menu.addAction(backup)
        file_menu.addSeparator()
        quit_action = QAction(qta.icon("fa5s.sign-out-alt"), "退出(&X)", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        settings_menu = self.menuBar().addMenu("设置(&S)")
        organisation = QAction(qta.icon("fa5s.sitemap"), "村和组织(&O)…", self)
        organisation.triggered.connect(self.open_organisation)
        settings_menu.addAction(organisation)
        help_menu = self.menuBar().addMenu("帮助(&H)")
        about = QAction(qta.icon("fa5s.info-circle"), "关于(&A)", self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]

    def refresh_status(self) -> None:
        members = self.services.members.active_count()
        households, residents = self.services.households.counts()
        self.counts_label.setText(f"党员 {members:,} 人 · 农户 {households:,} 户 · 居民 {residents:,} 人")

    def about_text(self) -> str:
        return (
            f"<h3>govdesk {__version__}</h3>"
            "<p>村党群服务中心桌面台账：党员、农户、值班、五议两公开。</p>"
            f"<p>数据库：{self.services.db.describe()}</p>"
        )

    def show_about(self) -> None:
        QMessageBox.about(self, "关于 govdesk", self.about_text())

    def backup_database(self) -> None:
        """文件 → 备份数据库: pick a file, copy in the background, say where it went."""
        try:
            suggested = self.services.backup.suggested_file()
        except GovdeskError as exc:
            QMessageBox.information(self, "备份数据库", str(exc))
            return
        path, _ = QFileDialog.getSaveFileName(self, "备份数据库", str(suggested), "SQLite 数据库 (*.sqlite3)")
        if not path:
            return
        self.jobs.submit(
            lambda ctx: self.services.backup.backup_to(Path(path)),
            lambda dest: self.statusBar().showMessage(f"已备份到 {dest}", 15000),
            lambda error: show_error(error, self),
            progress_label="正在备份数据库…",
            parent=self,
        )

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if self.jobs.busy:
            answer = QMessageBox.question(self, "仍有工作在进行", "后台工作尚未完成，确定要退出吗？")
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.jobs.shutdown()
        super().closeEvent(event)
