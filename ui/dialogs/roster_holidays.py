"""节假日设置: the staff's holiday table for one year, with the warning for unpublished years."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from govdesk.errors import GovdeskError
from govdesk.labels import label
from govdesk.roster.calendar import OVERRIDE_KINDS, HolidayOverride
from govdesk.services.roster import RosterService
from ui.dialogs.common import DateField, date_of, error_label
from ui.list_model import Column, ListTableModel

WARNING_STYLE = "background: #fff3cd; color: #7a4f01; padding: 6px; border: 1px solid #ffe08a;"


def _holiday_text(h: HolidayOverride) -> str:
    return f"{h.day.isoformat()} 周{'一二三四五六日'[h.day.weekday()]}   {h.kind}   {h.name}".rstrip()


class HolidayDialog(QDialog):
    def __init__(self, service: RosterService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("节假日设置")
        self.service = service
        self.changed = False
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.year.setSuffix(" 年")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.model = ListTableModel([Column("节假日", _holiday_text)], self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.day = DateField(date(year, 1, 1), key="holiday_day")
        self.kind = QComboBox()
        self.kind.addItems(list(OVERRIDE_KINDS))
        self.name = QLineEdit()
        self.name.setPlaceholderText("节假日名称，如 春节")
        self.error = error_label(hidden=False)
        add = QPushButton("添加 / 修改")
        add.clicked.connect(self._add)
        remove = QPushButton("删除所选")
        remove.clicked.connect(self._remove)
        form = QFormLayout()
        form.addRow(label("holiday_day"), self.day)
        form.addRow(label("holiday_kind"), self.kind)
        form.addRow(label("holiday_name"), self.name)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel("年份："))
        top.addWidget(self.year)
        top.addStretch(1)
        lay.addLayout(top)
        lay.addWidget(self.warning)
        lay.addWidget(self.info)
        lay.addWidget(self.list, 1)
        lay.addLayout(form)
        lay.addLayout(row)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.year.valueChanged.connect(self.reload)
        self.resize(520, 560)
        self.reload()

    def reload(self) -> None:
        y = self.year.value()
        warning = self.service.year_warning(y)
        self.warning.setText("⚠ " + warning if warning else "")
        self.warning.setVisible(bool(warning))
        published = self.service.calendar().published(y)
        self.info.setText(
            f"{y} 年的法定节假日已内置（国务院公布），这里录入的日子优先。"
            if published
            else f"{y} 年的节假日尚未内置：请按国务院公布的安排逐日录入节假日和调休上班日。"
        )
        self.model.set_items(self.service.holidays(y))

    def _add(self) -> None:
        try:
            self.service.set_holiday(date_of(self.day), self.kind.currentText(), self.name.text())
        except GovdeskError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.changed = True
        self.reload()

    def _remove(self) -> None:
        idx = self.list.currentIndex()
        if not idx.isValid():
            self.error.setText("请先在列表中选中要删除的日期")
            return
        self.service.remove_holiday(self.model.items[idx.row()].day)
        self.changed = True
        self.reload()
