"""导出 Excel from the 村务 pages: a year's 志愿服务 or 五星支部 workbook, written off the GUI thread
(the same report modules as ``govdesk export volunteers|stars``)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from govdesk.services.bundle import Services
from ui.jobs import JobHandle, JobRunner


def _volunteers(services: Services, year: int, path: Path) -> str:
    from govdesk.services.volunteers_report import VolunteerReports  # openpyxl only when exporting

    n = VolunteerReports(services.db, services.volunteers.today()).export_year(year, path)
    return f"{year}年志愿服务台账已导出：{n} 位志愿者\n{path}"


def _stars(services: Services, year: int, path: Path) -> str:
    from govdesk.services.stars_report import StarReports  # openpyxl only when exporting

    n = StarReports(services.db).export_year(year, path)
    return f"{year}年五星支部得分已导出：{n} 条得分\n{path}"


EXPORTS: dict[str, tuple[str, Callable[[Services, int, Path], str]]] = {
    "volunteers": ("志愿服务台账", _volunteers),
    "stars": ("五星支部得分", _stars),
}


def choose_path(parent: QWidget, title: str, suggested: str) -> str:
    """The save-file dialog (a seam the tests replace through ``parent.choose_save_path``)."""
    chooser = getattr(parent, "choose_save_path", None)
    if chooser is not None:
        return str(chooser(title, suggested))
    return QFileDialog.getSaveFileName(parent, title, suggested, "Excel 文件 (*.xlsx)")[0]


def export_year(parent: QWidget, services: Services, jobs: JobRunner, kind: str, year: int) -> JobHandle[str] | None:
    """Ask where, then write the year's workbook in a job; the outcome in one message."""
    name, write = EXPORTS[kind]
    path = choose_path(parent, f"导出{year}年{name}", f"{year}年{name}.xlsx")
    if not path:
        return None
    return jobs.submit(
        lambda _ctx: write(services, year, Path(path)),
        lambda text: QMessageBox.information(parent, "导出完成", text),
        progress_label=f"正在导出{name}…",
        parent=parent,
    )
