"""Backups from the window: the day's automatic copy after the first fill, and 文件 → 备份数据库.

The copying itself is the domain's (``BackupService``); here the job on the worker, the file
dialog and what the status bar says. 恢复备份 is ``ui.restore_action``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from govdesk.errors import GovdeskError

if TYPE_CHECKING:
    from govdesk.services.bundle import Services
    from ui.jobs import JobRunner

TITLE = "备份数据库"


def back_up_for_the_day(services: Services, jobs: JobRunner, status: Callable[[str], None]) -> None:
    """The first start of the day backs the database up, in the background after the first fill
    (a township file takes seconds to copy); a failure is said in the status bar."""
    from govdesk.faults import explain

    def failed(error: BaseException) -> None:
        reason = explain(error)
        if reason is None:
            raise error
        status(f"注意：今天的自动备份没有做成：{reason}")

    jobs.submit(lambda ctx: services.backup.daily(), lambda _made: None, failed, read_only=True)


def back_up_to_file(parent: QWidget, services: Services, jobs: JobRunner, status: Callable[[str], None]) -> None:
    """文件 → 备份数据库: pick a file, copy in the background, say where it went."""
    from ui.jobs import show_error

    try:
        suggested = services.backup.suggested_file()
    except GovdeskError as exc:
        QMessageBox.information(parent, TITLE, str(exc))
        return
    path, _ = QFileDialog.getSaveFileName(parent, TITLE, str(suggested), "SQLite 数据库 (*.sqlite3)")
    if not path:
        return
    jobs.submit(
        lambda ctx: services.backup.backup_to(Path(path)),
        lambda dest: status(f"已备份到 {dest}"),
        lambda error: show_error(error, parent),
        progress_label="正在备份数据库…",
        parent=parent,
    )
