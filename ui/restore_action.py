"""文件 → 恢复备份…: pick a backup, confirm, restore in the background, say what happened.

The checks and the replacement live in the domain (``BackupService.restore_from``): a backup that
is damaged, not govdesk's or from a newer version is refused with its Chinese message and the
database is left as it was. After a restore every area refreshes (the service reports that
everything changed) on the reopened, migrated file.
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

TITLE = "恢复备份"


def choose_backup(parent: QWidget, start: Path) -> Path | None:
    """The backup file the clerk picks (a seam tests replace), or None."""
    path, _ = QFileDialog.getOpenFileName(parent, TITLE, str(start), "govdesk 备份 (*.sqlite3);;所有文件 (*)")
    return Path(path) if path else None


def confirm_restore(parent: QWidget, backup: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        TITLE,
        f"用备份“{backup.name}”替换当前数据库？\n\n"
        "会先检查备份是否完好，并把当前数据库另存一份到数据库旁的 .backups 文件夹；"
        "此后在当前数据库中做的修改将被备份中的内容取代。",
    )
    return answer == QMessageBox.StandardButton.Yes


def restore_backup(parent: QWidget, services: Services, jobs: JobRunner, *, status: Callable[[str], None]) -> None:
    """Run the whole 恢复备份 dialogue on ``parent``."""
    from ui.jobs import show_error

    try:
        start = services.backup.backups_folder()
    except GovdeskError as exc:  # a server database
        QMessageBox.information(parent, TITLE, str(exc))
        return
    backup = choose_backup(parent, start if start.is_dir() else start.parent)
    if backup is None or not confirm_restore(parent, backup):
        return

    def done(previous: Path | None) -> None:
        kept = f"；恢复前的数据库已备份到 {previous}" if previous else ""
        status(f"已从备份 {backup.name} 恢复数据库{kept}")

    jobs.submit(
        lambda ctx: services.backup.restore_from(backup),
        done,
        lambda error: show_error(error, parent),
        progress_label="正在检查备份并恢复数据库…",
        parent=parent,
    )
