"""村民代表 / 村务监督委员会 rosters: who sits on them, from when to when.

The tick list of a representatives' meeting is this roster on the meeting date, so a person
leaving is ended with a date and a reason, never deleted.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.errors import GovdeskError
from govdesk.services.decisions_seats import SeatService
from govdesk.vocabulary import BODIES
from ui.dialogs.common import DateField, date_of, error_label
from ui.list_model import Column, ListTableModel


def seat_model(parent: QWidget | None = None) -> ListTableModel:
    """A body's seats, current and past."""
    columns = [
        Column("姓名", lambda s: s.name),
        Column("户号", lambda s: s.household),
        Column("任职日期", lambda s: s.started_on.isoformat()),
        Column("卸任日期", lambda s: s.ended_on.isoformat() if s.ended_on else ""),
        Column("卸任原因", lambda s: s.end_reason),
    ]
    return ListTableModel(columns, parent, full_text_tips=True)


class SeatsDialog(QDialog):
    def __init__(self, seats: SeatService, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("村民代表、监委会成员名单")
        self.seats_service = seats
        self.body = QComboBox()
        self.body.addItems(BODIES)
        self.body.currentIndexChanged.connect(self.reload)
        self.model = seat_model(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.count = QLabel()

        self.search = QLineEdit()
        self.search.setPlaceholderText("输入姓名或拼音查找村民")
        self.search.textChanged.connect(self._find)
        self.found = QComboBox()
        self.start = DateField(today)
        add = QPushButton("加入名单")
        add.clicked.connect(self.add_selected)
        add_row = QHBoxLayout()
        for w in (self.search, self.found, QLabel("任职"), self.start, add):
            add_row.addWidget(w)

        self.end_on = DateField(today, key="ended_on")
        self.end_reason = QLineEdit()
        self.end_reason.setPlaceholderText("卸任原因：换届、迁出、去世…")
        end = QPushButton("所选人员卸任")
        end.clicked.connect(self.end_selected)
        end_row = QHBoxLayout()
        for w in (QLabel("卸任日期"), self.end_on, self.end_reason, end):
            end_row.addWidget(w)

        self.error = error_label(hidden=False)
        close = QPushButton("关闭")
        close.clicked.connect(self.accept)
        lay = QVBoxLayout(self)
        lay.addWidget(self.body)
        lay.addWidget(self.count)
        lay.addWidget(self.table, 1)
        lay.addLayout(add_row)
        lay.addLayout(end_row)
        lay.addWidget(self.error)
        lay.addWidget(close)
        self.resize(720, 560)
        self.reload()

    def reload(self) -> None:
        rows = self.seats_service.seats(self.body.currentText())
        self.model.set_items(rows)
        self.count.setText(f"现任 {len(rows)} 人（会议应到人数按会议当日的名单计算）")
        self.table.resizeColumnsToContents()

    def _find(self, text: str) -> None:
        self.found.clear()
        for c in self.seats_service.resident_choices(text):
            self.found.addItem(c.text, c.id)

    def _run(self, fn: object) -> None:
        try:
            fn()  # type: ignore[operator]
        except GovdeskError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self.reload()

    def add_selected(self) -> None:
        rid = self.found.currentData()
        if rid is None:
            self.error.setText("请先查找并选择一位村民")
            return
        self._run(lambda: self.seats_service.add(self.body.currentText(), int(rid), date_of(self.start)))

    def end_selected(self) -> None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            self.error.setText("请先在名单中选择一人")
            return
        seat = self.model.items[idx.row()]
        self._run(lambda: self.seats_service.end(seat.id, date_of(self.end_on), self.end_reason.text()))
