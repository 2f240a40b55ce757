"""导入 / 导出 / 空白模板 buttons for the members and households tabs (Excel registers)."""

from __future__ import annotations

import qtawesome as qta
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QToolButton

from govdesk.services.excel_registers import KIND_NAMES
from ui.import_dialog import ImportDialog
from ui.list_tab import ListTab


def add_excel_actions(tab: ListTab, kind: str) -> None:
    """Adds the three buttons; the work runs through the tab's JobRunner."""
    name = KIND_NAMES[kind]

    def import_register() -> None:
        dialog = ImportDialog(tab.services, tab.jobs, kind, tab)
        dialog.imported.connect(lambda: tab.reload())
        tab.run_dialog(dialog)

    def save_path(title: str, suggested: str) -> str:
        chooser = getattr(tab, "choose_save_path", None)
        if chooser is not None:
            return str(chooser(title, suggested))
        return QFileDialog.getSaveFileName(tab, title, suggested, "Excel 文件 (*.xlsx)")[0]

    def export_register() -> None:
        path = save_path(f"导出{name}", f"{name}.xlsx")
        if not path:
            return
        excel = tab.services.excel_registers
        tab.jobs.submit(
            lambda ctx: excel.export_file(kind, path, progress=ctx.progress),
            lambda n: QMessageBox.information(tab, "导出完成", f"{name}已导出：{n} 行\n{path}\n\n此文件可直接再导入。"),
            progress_label=f"正在导出{name}…",
            parent=tab,
        )

    def export_template() -> None:
        path = save_path(f"空白{name}模板", f"{name}（空白模板）.xlsx")
        if not path:
            return
        try:
            tab.services.excel_registers.export_template(kind, path)
        except OSError as exc:
            tab.report(exc)
            return
        QMessageBox.information(tab, "模板已保存", f"空白{name}模板已保存：\n{path}")

    # One "Excel" menu button at the start of the action bar (the record buttons keep their places).
    menu = QMenu(tab)
    tab.import_action = menu.addAction(qta.icon("fa5s.file-import"), f"导入{name}…", import_register)
    tab.export_action = menu.addAction(qta.icon("fa5s.file-export"), f"导出{name}…", export_register)
    tab.template_action = menu.addAction(qta.icon("fa5s.file-alt"), f"导出空白{name}模板…", export_template)
    button = QToolButton(tab)
    button.setText("Excel 导入导出")
    button.setIcon(qta.icon("fa5s.file-excel", color="#1d6f42"))
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(menu)
    tab.add_first_action(button)
