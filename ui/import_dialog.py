"""导入花名册 from the window: pick the file, choose all-or-nothing / skip bad rows / check
only, run on the JobRunner with a cancellable progress dialog, then read the report: every bad
row by Excel row number, column and reason, and save the bad rows as .xlsx to fix and re-import.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import qtawesome as qta
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from govdesk.services.bundle import Services
from govdesk.services.excel_registers import KIND_NAMES
from govdesk.services.listing import ColumnSpec, Row
from ui.jobs import JobRunner, show_error
from ui.list_tab import make_table_view
from ui.table_model import RowListModel

if TYPE_CHECKING:  # the import machinery (calamine, openpyxl) loads when a file is imported
    from govdesk.importing import ImportReport

PROBLEM_COLUMNS = (ColumnSpec("excel_row", "行号"), ColumnSpec("excel_column", "列"), ColumnSpec("problem", "问题"))
EXCEL_FILTER = "Excel 文件 (*.xlsx *.xls *.xlsm)"
MODE_ALL, MODE_SKIP, MODE_CHECK = 0, 1, 2


class ImportDialog(QDialog):
    imported = Signal()  # something was written: the tab reloads

    def __init__(self, services: Services, jobs: JobRunner, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.jobs, self.kind = services, jobs, kind
        self.report: ImportReport | None = None
        self.setWindowTitle(f"导入{KIND_NAMES[kind]}")
        self.path = QLineEdit()
        self.path.setPlaceholderText("选择要导入的 Excel 花名册")
        browse = QPushButton(qta.icon("fa5s.folder-open"), "选择文件…")
        browse.clicked.connect(lambda _c=False: self.browse())
        self.modes = QButtonGroup(self)
        texts = (
            "全部正确才导入（有一行有问题就什么也不写入）",
            "导入正确的行，跳过有问题的行",
            "只检查，不导入",
        )
        mode_box = QVBoxLayout()
        for i, text in enumerate(texts):
            radio = QRadioButton(text)
            self.modes.addButton(radio, i)
            mode_box.addWidget(radio)
        self.modes.button(MODE_ALL).setChecked(True)
        self.confirm_ages = QCheckBox("已核对：超过 120 岁的年龄照常导入（否则列为问题行）")
        mode_box.addWidget(self.confirm_ages)
        self.start_button = QPushButton(qta.icon("fa5s.file-import"), "开始导入")
        self.start_button.clicked.connect(lambda _c=False: self.start())
        self.summary = QLabel("表头可以在标题行下面；身份证号码、日期的各种写法、全角数字、空行和“合计/注”行都能识别。")
        self.summary.setWordWrap(True)
        self.problems = RowListModel(PROBLEM_COLUMNS, parent=self)
        self.table = make_table_view(self)
        self.table.setModel(self.problems)
        self.table.setColumnWidth(0, 60)
        self.table.setColumnWidth(1, 110)
        self.save_button = QPushButton(qta.icon("fa5s.save"), "保存有问题的行…")
        self.save_button.setToolTip("另存为 Excel：原表头加“问题”列，改正后可直接再导入")
        self.save_button.clicked.connect(lambda _c=False: self.save_bad_rows())
        self.save_button.setEnabled(False)
        close = QPushButton("关闭")
        close.clicked.connect(self.reject)

        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save_button)
        bottom.addStretch(1)
        bottom.addWidget(self.start_button)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addLayout(file_row)
        lay.addLayout(mode_box)
        lay.addWidget(self.summary)
        lay.addWidget(self.table, 1)
        lay.addLayout(bottom)
        self.resize(760, 520)

    # --- seams the tests replace (file dialogs would block offscreen) -----------------------
    def choose_open_path(self) -> str:
        return QFileDialog.getOpenFileName(self, "选择花名册", "", EXCEL_FILTER)[0]

    def choose_save_path(self, suggested: str) -> str:
        return QFileDialog.getSaveFileName(self, "保存有问题的行", suggested, "Excel 文件 (*.xlsx)")[0]

    # --- behaviour -----------------------------------------------------------------------------
    def browse(self) -> None:
        chosen = self.choose_open_path()
        if chosen:
            self.path.setText(chosen)

    def start(self) -> None:
        path = self.path.text().strip()
        if not path or not Path(path).exists():
            self.summary.setText("请先选择一个存在的 Excel 文件。")
            return
        mode = self.modes.checkedId()
        confirm_ages = self.confirm_ages.isChecked()
        excel, kind = self.services.excel_registers, self.kind
        self.start_button.setEnabled(False)
        self.summary.setText("正在读取和检查…")
        self.jobs.submit(
            lambda ctx: excel.import_file(
                kind,
                path,
                skip_invalid=mode == MODE_SKIP,
                dry_run=mode == MODE_CHECK,
                progress=ctx.progress,
                check_cancel=ctx.check,
                confirm_ages=confirm_ages,
            ),
            self.show_report,
            self._failed,
            progress_label=f"正在导入{KIND_NAMES[kind]}…",
            parent=self,
        )

    def _failed(self, error: BaseException) -> None:
        self.start_button.setEnabled(True)
        self.summary.setText("导入没有完成，没有写入任何数据。")
        show_error(error, self)

    def show_report(self, report: ImportReport) -> None:
        self.report = report
        self.start_button.setEnabled(True)
        self.summary.setText(report.summary())
        rows = sorted(report.problems, key=lambda p: (p.row, p.column))
        self.problems.set_rows([Row(i, (p.row, p.column, p.message)) for i, p in enumerate(rows)])
        self.save_button.setEnabled(bool(report.problems))
        if report.written:
            self.imported.emit()

    def save_bad_rows(self) -> None:
        if self.report is None or not self.report.problems:
            return
        src = Path(self.report.file)
        target = self.choose_save_path(str(src.with_name(f"{src.stem}-待改正.xlsx")))
        if not target:
            return
        try:
            saved = self.report.save_bad_rows(target)
        except OSError as exc:
            show_error(exc, self)
            return
        self.summary.setText(f"{self.report.summary()}\n有问题的行已保存到 {saved}，改正后可直接再导入。")
