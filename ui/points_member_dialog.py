"""A member's points this year, opened from the 党员 list (积分): the summary line (daily score,
assessment, total, rank) and the member's entries of the year, SQL-paged like the ledger."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from govdesk.services.bundle import Services
from govdesk.services.listing import ListQuery
from ui.list_tab import make_table_view, set_column_widths, stretch_column
from ui.points_models import LEDGER_WIDTHS as COLUMN_WIDTHS
from ui.table_model import PagedTableModel


class MemberPointsDialog(QDialog):
    def __init__(self, services: Services, member_id: int, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        year = services.points.today().year
        self.setWindowTitle(f"{name} 的积分（{year}年）")
        self.setMinimumSize(820, 480)
        self.summary = QLabel(services.points.member_summary(member_id, year))
        self.summary.setWordWrap(True)
        self.model = PagedTableModel(
            services.points, ListQuery(filters={"member_id": member_id, "year": year}), parent=self
        )
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        keys = [c.key for c in self.model.columns]
        set_column_widths(self.table, keys, COLUMN_WIDTHS)
        stretch_column(self.table, keys.index("note"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
