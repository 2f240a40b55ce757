"""党员联户: the households a member is linked to (就亲、就近、就熟), add and end links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import qtawesome as qta
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govdesk.services.households import HouseholdService
from govdesk.services.listing import ColumnSpec, Row
from govdesk.services.member_details import MemberDetailsService
from ui.dialogs.people_dialogs import EndCategoryDialog, PickHouseholdDialog
from ui.list_tab import make_table_view
from ui.table_model import RowListModel

LINK_COLUMNS = (
    ColumnSpec("number", "户号"),
    ColumnSpec("head", "户主"),
    ColumnSpec("address", "家庭住址"),
    ColumnSpec("link_started_on", "联户开始日期"),
)


class MemberLinksDialog(QDialog):
    def __init__(
        self,
        member_name: str,
        member_id: int,
        details: MemberDetailsService,
        households: HouseholdService,
        run_dialog: Callable[[QDialog], bool],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.details = details
        self.households = households
        self.member_id = member_id
        self.run_dialog = run_dialog
        self.setWindowTitle(f"党员联户：{member_name}")
        self.model = RowListModel(LINK_COLUMNS, parent=self)
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.caption = QLabel()
        add = QPushButton(qta.icon("fa5s.plus"), "添加联系户")
        end = QPushButton(qta.icon("fa5s.stop-circle"), "结束联系")
        add.clicked.connect(lambda _c=False: self.add_link())
        end.clicked.connect(lambda _c=False: self.end_link())
        bar = QHBoxLayout()
        bar.addWidget(self.caption)
        bar.addStretch(1)
        bar.addWidget(add)
        bar.addWidget(end)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText("关闭")
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table, 1)
        lay.addWidget(close)
        self.resize(640, 360)
        self.reload()

    def reload(self) -> None:
        links = self.details.links(self.member_id)
        self.model.set_rows([Row(lk.id, (lk.number, lk.head, lk.address, lk.started_on)) for lk in links])
        self.caption.setText(f"联系 {len(links)} 户（每月走访联系）")

    def add_link(self) -> None:
        md = self.details
        dialog = PickHouseholdDialog(
            "添加联系户",
            self.households,
            lambda hid, day: md.link_household(self.member_id, hid, day or date.today()),
            self,
            with_date=True,
            field="linked_households",
        )
        if self.run_dialog(dialog):
            self.reload()

    def end_link(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        row = self.model.row_at(rows[0].row()) if rows else None
        if row is None:
            return
        md = self.details
        dialog = EndCategoryDialog(
            f"联系户 {row.values[0]}", lambda day: md.end_link(row.id, day), self, field="ended_on"
        )
        dialog.setWindowTitle(f"结束联系：{row.values[0]}")
        if self.run_dialog(dialog):
            self.reload()
