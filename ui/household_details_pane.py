"""The household detail pane beside the residents: categories with dates, star ratings,
and the 中心户 relays. Each is a handful of rows, loaded at once into a ``RowListModel``."""

from __future__ import annotations

from collections.abc import Callable

import qtawesome as qta
from PySide6.QtWidgets import QCheckBox, QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from govdesk.errors import GovdeskError
from govdesk.services.honours_query import HonourQueries
from govdesk.services.household_details import HouseholdDetailsService
from govdesk.services.households import HouseholdService
from govdesk.services.listing import ColumnSpec, Row
from ui.dialogs.people_dialogs import CategoryDialog, EndCategoryDialog, PickHouseholdDialog, StarDialog
from ui.jobs import show_error
from ui.list_tab import RunDialog, make_table_view, open_record_dialog, stretch_column
from ui.table_model import RowListModel

CATEGORY_COLUMNS = (
    ColumnSpec("category", "类别"),
    ColumnSpec("started_on", "开始日期"),
    ColumnSpec("ended_on", "结束日期"),
)
STAR_COLUMNS = (ColumnSpec("star_year", "评定年度"), ColumnSpec("stars", "星级"))
HONOUR_COLUMNS = (ColumnSpec("honour", "评先评优"), ColumnSpec("recipient", "获得者"))
RELAY_COLUMNS = (ColumnSpec("number", "户号"), ColumnSpec("head", "户主"), ColumnSpec("address", "家庭住址"))


class _ListSection(QWidget):
    """A caption, buttons and a small table."""

    def __init__(self, caption: str, columns: tuple[ColumnSpec, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = RowListModel(columns, parent=self)
        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("font-weight: bold;")
        self.bar = QHBoxLayout()
        self.bar.addWidget(self.caption)
        self.bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addLayout(self.bar)
        lay.addWidget(self.table, 1)

    def button(self, text: str, icon: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(qta.icon(icon), text)
        b.clicked.connect(lambda _c=False: slot())
        self.bar.addWidget(b)
        return b

    def current(self) -> Row | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None


class HouseholdPane(QWidget):
    """A pane below the household list about the selected household (its residents, its details).
    Its dialogs go through the owning tab's ``run_dialog`` seam, so tests drive dialogs in one
    place. What they write reaches the list above as a change (govdesk.changes), like every write."""

    def __init__(
        self,
        households: HouseholdService,
        details: HouseholdDetailsService,
        run_dialog: RunDialog,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.households = households
        self.details = details
        self.run_dialog = run_dialog
        self.household_id: int | None = None
        self.build()

    def build(self) -> None:
        """The pane's widgets (called by the constructor)."""
        raise NotImplementedError

    def reload(self) -> None:
        raise NotImplementedError

    def _open(self, make: Callable[[], QDialog]) -> None:
        """Run a dialog; after 确定 re-read the pane."""
        open_record_dialog(self, make, self.run_dialog, lambda _d: self.reload())


class HouseholdDetailsPane(HouseholdPane):
    """Categories with dates, star ratings and the 中心户 relays of the selected household."""

    def build(self) -> None:
        self.categories = _ListSection("家庭类别", CATEGORY_COLUMNS, self)
        self.categories.button("添加", "fa5s.plus", self.add_category)
        self.end_category_button = self.categories.button("结束", "fa5s.stop-circle", self.end_category)
        self.stars = _ListSection("星级文明户", STAR_COLUMNS, self)
        self.stars.button("评定", "fa5s.star", self.rate)
        # 评先评优 beside the star ratings: the household's honours and its residents' (read here,
        # entered on 村务 → 评先评优). ``honours`` is set by the tab that owns the pane.
        self.honours: HonourQueries | None = None
        self.honour_list = _ListSection("荣誉", HONOUR_COLUMNS, self)
        stretch_column(self.honour_list.table, 0)
        stars_and_honours = QWidget()
        column = QVBoxLayout(stars_and_honours)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.stars, 1)
        column.addWidget(self.honour_list, 1)
        self.relays = _ListSection("中心户联系农户", RELAY_COLUMNS, self)
        self.central = QCheckBox("中心户")
        self.central.toggled.connect(self._central_toggled)
        self.relays.bar.insertWidget(1, self.central)
        self.relays.button("添加", "fa5s.plus", self.add_relay)
        self.relays.button("移除", "fa5s.minus", self.remove_relay)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.categories, 3)
        lay.addWidget(stars_and_honours, 2)
        lay.addWidget(self.relays, 4)
        self.set_household(None)

    def set_household(self, household_id: int | None) -> None:
        self.household_id = household_id
        self.reload()

    def reload(self) -> None:
        hid = self.household_id
        details = self.details
        enabled = hid is not None
        for section in (self.categories, self.stars, self.relays, self.honour_list):
            section.setEnabled(enabled)
        if hid is None:
            for section in (self.categories, self.stars, self.relays, self.honour_list):
                section.model.set_rows([])
            self.central.blockSignals(True)
            self.central.setChecked(False)
            self.central.blockSignals(False)
            return
        self.categories.model.set_rows(
            [
                Row(c.id, (c.category, c.started_on, c.ended_on), ended=c.ended_on is not None)
                for c in details.categories(hid)
            ]
        )
        self.stars.model.set_rows([Row(y, (f"{y} 年", "★" * n + f"（{n} 星）")) for y, n in details.star_ratings(hid)])
        if self.honours is not None:
            lines = self.honours.of_household(hid)
            self.honour_list.model.set_rows([Row(x.id, (x.text(), x.recipient_name)) for x in lines])
        relays = details.relays(hid)
        self.relays.model.set_rows([Row(r.id, (r.number, r.head, r.address)) for r in relays])
        self.central.blockSignals(True)
        self.central.setChecked(self.households.get(hid).is_central)
        self.central.blockSignals(False)
        self.relays.caption.setText(f"中心户联系农户（{len(relays)} 户）")

    def _do(self, fn: Callable[[], object]) -> None:
        try:
            fn()
        except GovdeskError as exc:
            show_error(exc, self)
        self.reload()

    def add_category(self) -> None:
        hid = self.household_id
        if hid is not None:
            self._open(lambda: CategoryDialog(lambda c, s, e: self.details.add_category(hid, c, s, e), self))

    def end_category(self) -> None:
        row = self.categories.current()
        if row is not None and not row.ended:
            self._open(lambda: EndCategoryDialog(row.values[0], lambda e: self.details.end_category(row.id, e), self))

    def rate(self) -> None:
        hid = self.household_id
        if hid is not None:
            self._open(lambda: StarDialog(lambda y, n: self.details.set_star_rating(hid, y, n), self))

    def _central_toggled(self, on: bool) -> None:
        hid = self.household_id
        if hid is not None:
            self._do(lambda: self.details.set_central(hid, on))

    def add_relay(self) -> None:
        hid = self.household_id
        if hid is None:
            return
        self._open(
            lambda: PickHouseholdDialog(
                "添加中心户联系的农户",
                self.households,
                lambda other, _day: self.details.add_relay(hid, other),
                self,
                exclude=hid,
            )
        )

    def remove_relay(self) -> None:
        row = self.relays.current()
        if row is not None:
            self._do(lambda: self.details.remove_relay(row.id))
