"""A tab that lists one register: search box, filter combos, actions, and a SQL-paged table.

Members, households (and later issues' lists) share this so that every list in the program
searches, filters, sorts and edits the same way. The tab never queries the database itself:
it hands a ``ListQuery`` to a ``PagedTableModel`` over a service's ``Listing``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from govdesk.changes import Changes
from govdesk.errors import GovdeskError
from govdesk.services.bundle import Services
from govdesk.services.listing import Listing, ListQuery
from ui.flow_layout import FlowLayout
from ui.fonts import row_height
from ui.jobs import JobRunner, show_error
from ui.table_model import PagedTableModel

SEARCH_DELAY_MS = 150
ALL = "全部"
FILTER_MAX_CHARS = 9
RunDialog = Callable[[QDialog], bool]


def open_record_dialog(
    parent: QWidget,
    make: Callable[[], QDialog],
    run_dialog: RunDialog,
    after: Callable[[QDialog], None] | None = None,
) -> bool:
    """The one "selected row → dialog → re-read" path of the lists: build the dialog (loading the
    record may be refused: the Chinese message is shown and nothing opens) and run it. What the
    dialog's write changed has already come back through the window's broadcast (on_changes) when
    it closes; ``after`` does what is left (select the new record, say a warning). True when the
    dialog was accepted."""
    try:
        dialog = make()
    except GovdeskError as exc:
        show_error(exc, parent)
        return False
    if not run_dialog(dialog):
        return False
    if after is not None:
        after(dialog)
    return True


def push_button(text: str, slot: Callable[[], None], tip: str = "") -> QPushButton:
    """A button that calls ``slot`` (without Qt's ``checked`` argument), with an optional tooltip."""
    button = QPushButton(text)
    button.clicked.connect(lambda _c=False: slot())
    if tip:
        button.setToolTip(tip)
    return button


def captioned(caption: str, field: QWidget) -> QWidget:
    """``caption：`` and its field as one widget, so a wrapping row never parts them."""
    pair = QWidget()
    row = QHBoxLayout(pair)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(QLabel(f"{caption}："))
    row.addWidget(field)
    return pair


def make_table_view(parent: QWidget | None = None) -> QTableView:
    """The one table look of the program: whole-row selection, no grid clutter, sortable headers."""
    view = QTableView(parent)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(row_height(view.fontMetrics().height()))
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    header.setHighlightSections(False)
    return view


def set_column_widths(view: QTableView, keys: Sequence[str], widths: dict[str, int]) -> None:
    """Widths in characters (a CJK character is about two 'M' widths), so they scale with the font."""
    unit = view.fontMetrics().horizontalAdvance("汉")
    for column, key in enumerate(keys):
        if key in widths:
            view.setColumnWidth(column, int(widths[key] * unit) + 16)


def stretch_column(view: QTableView, column: int) -> None:
    """Give the spare width to one column (the text-heavy one, e.g. 家庭住址), not to the last."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def add_column_chooser(view: QTableView, hidden: Sequence[int] = ()) -> None:
    """Hide the less used columns of a narrow table but keep them reachable: right-click the
    header for a tick list of every column."""
    header = view.horizontalHeader()
    for column in hidden:
        view.setColumnHidden(column, True)
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

    def menu(pos: QPoint) -> None:
        chooser = QMenu(view)
        model = view.model()
        for column in range(model.columnCount()):
            action = chooser.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not view.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: view.setColumnHidden(c, not on))
        chooser.exec(header.mapToGlobal(pos))

    header.customContextMenuRequested.connect(menu)
    header.setToolTip("右键单击表头：选择显示哪些列")


class ListTab(QWidget):
    """Base of the register tabs. Subclasses add filters and actions and open the dialogs."""

    count_noun = "条"
    # The kinds of records this list shows: a change to them (govdesk.changes) re-reads the list.
    shows: Changes = Changes.NONE

    def __init__(
        self,
        services: Services,
        jobs: JobRunner,
        listing: Listing,
        parent: QWidget | None = None,
        *,
        search_hint: str = "搜索",
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.jobs = jobs
        self._filters: dict[str, QComboBox] = {}
        self.model = PagedTableModel(listing, ListQuery(), parent=self)

        self.search = QLineEdit()
        self.search.setPlaceholderText(search_hint)
        self.search.setClearButtonEnabled(True)
        self.search.addAction(qta.icon("fa5s.search", color="#777"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(240)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.search.returnPressed.connect(self._apply_search)

        self.show_ended = QCheckBox("显示已注销")
        self.show_ended.toggled.connect(self.model.set_include_ended)
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        # Search, count and actions above, the filter combos (as many as the register has)
        # below; both wrap onto another row when the window is narrow (1366 pixels, 特大).
        self.toolbar = FlowLayout()
        self.toolbar.addWidget(self.show_ended)

        self.actions_bar = FlowLayout(align_right=True)

        self.table = make_table_view(self)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(self._double_clicked)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

        self.layout_ = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addLayout(self.actions_bar)
        self.layout_.addLayout(top)
        self.layout_.addLayout(self.toolbar)

    def finish_layout(self, body: QWidget | None = None) -> None:
        """Subclasses call this last, optionally with a body that wraps the table (a splitter)."""
        self.layout_.addWidget(body or self.table, 1)

    def finish_with_detail(
        self, name: str, show_detail: Callable[[], object], stretch: tuple[int, int] = (3, 1)
    ) -> QSplitter:
        """Finish as "the list above, the selected record in full below": ``self.detail`` (rich
        text, selectable, scrolling) is rewritten by ``show_detail`` whenever the selection or the
        list changes. Returns the splitter (``name.split``, its sizes remembered by the window)."""
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMargin(6)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.detail)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: show_detail())
        self.model.modelReset.connect(show_detail)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName(f"{name}.split")
        splitter.addWidget(self.table)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, stretch[0])
        splitter.setStretchFactor(1, stretch[1])
        splitter.setChildrenCollapsible(False)
        self.finish_layout(splitter)
        return splitter

    # --- building ------------------------------------------------------------------------
    def add_filter(self, key: str, caption: str, choices: Sequence[tuple[str, Any]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(ALL, None)
        for text, data in choices:
            combo.addItem(text, data)
        # As wide as the longest choice, but never more than FILTER_MAX_CHARS: the drop-down
        # list still shows every name in full.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(combo.fontMetrics().horizontalAdvance("汉" * FILTER_MAX_CHARS) + 40)
        combo.view().setMinimumWidth(combo.sizeHint().width())
        combo.currentIndexChanged.connect(self._apply_filters)
        self._filters[key] = combo
        self.add_filter_field(caption, combo)
        return combo

    def add_filter_field(self, caption: str, field: QWidget) -> None:
        """A captioned field (a filter combo, the dues book's year) after the ones added so far."""
        self.toolbar.insertWidget(self.toolbar.indexOf(self.show_ended), captioned(caption, field))  # wraps as one

    def set_filter_choices(self, key: str, choices: Sequence[tuple[str, Any]]) -> None:
        """New choices after the organisation changed (设置 → 村和组织), keeping the current pick."""
        combo = self._filters[key]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(ALL, None)
        for text, data in choices:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)
        combo.view().setMinimumWidth(combo.sizeHint().width())
        if index < 0:
            self._apply_filters()

    def add_first_action(self, widget: QWidget) -> None:
        """A widget (a print or Excel menu button) before the actions added so far."""
        self.actions_bar.insertWidget(0, widget)

    def add_action(
        self,
        text: str,
        icon: str,
        slot: Callable[[], None],
        *,
        needs_row: bool = False,
        needs_active: bool = False,
    ) -> QPushButton:
        """A toolbar button; ``needs_row``: enabled with a selection; ``needs_active``: not on an ended row."""
        button = QPushButton(qta.icon(icon), text)
        button.clicked.connect(lambda _c=False: slot())
        self.actions_bar.addWidget(button)
        if needs_row or needs_active:

            def update(*_args: object, b: QPushButton = button) -> None:
                row = self.current_row()
                found = self.model.row_at(row) if row is not None else None
                b.setEnabled(found is not None and not (needs_active and found.ended))

            update()
            self.table.selectionModel().selectionChanged.connect(update)
            self.model.modelReset.connect(update)
        return button

    # --- behaviour ------------------------------------------------------------------------
    def _apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_text(self.search.text())

    def _apply_filters(self) -> None:
        self.model.set_filters({key: combo.currentData() for key, combo in self._filters.items()})

    def _update_count(self) -> None:
        suffix = "（含已注销）" if self.model.query.include_ended else ""
        self.count_label.setText(f"共 {self.model.rowCount():,} {self.count_noun}{suffix}")

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid():
            self.edit_current()

    def current_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def current_id(self) -> int | None:
        row = self.current_row()
        return self.model.row_id(row) if row is not None else None

    def current_active_id(self) -> int | None:
        """The selected record if it is not ended (ending twice would overwrite the history)."""
        row = self.current_row()
        found = self.model.row_at(row) if row is not None else None
        return found.id if found is not None and not found.ended else None

    def select_id(self, record_id: int | None, near_row: int | None = None) -> None:
        """Reselect a record after a refresh (looks at the page it was on, then cached pages)."""
        if record_id is None:
            return
        row = None
        if near_row is not None and self.model.row_id(near_row) == record_id:
            row = near_row
        if row is None:
            row = self.model.row_of_id(record_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def reload(self, keep_id: int | None = None) -> None:
        row = self.current_row()
        self.model.refresh()
        self.select_id(keep_id, row)

    def on_changes(self, changes: Changes) -> None:
        """The window's broadcast: filters follow the organisation; the list re-reads what it shows."""
        if changes & Changes.ORGANISATION:
            self.refresh_choices()
        if changes & (self.shows | Changes.ORGANISATION):
            self.reload(self.current_id())

    def apply_filters(self, filters: dict[str, Any]) -> None:
        """Opened from another area (ui/areas): exactly these filters, the others 全部, current records
        only; ``text`` fills the search box, ``id`` selects that record. One re-read of the list."""
        for key, combo in self._filters.items():
            value = filters.get(key)
            index = combo.findData(value) if value is not None else 0
            combo.blockSignals(True)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)
        self.search.blockSignals(True)
        self.search.setText(str(filters.get("text", "")))
        self.search.blockSignals(False)
        self._search_timer.stop()
        self.show_ended.blockSignals(True)
        self.show_ended.setChecked(False)
        self.show_ended.blockSignals(False)
        self.model.setQuery(
            dataclasses.replace(
                self.model.query,
                text=self.search.text(),
                filters={k: c.currentData() for k, c in self._filters.items() if c.currentData() is not None},
                include_ended=False,
            )
        )
        if filters.get("id") is not None:  # one record of the filtered list (a 民情 item from 首页)
            self.model.row_at(0)  # the first page, where a short filtered list has it
            self.select_id(filters["id"])

    def refresh_choices(self) -> None:
        """Subclasses fill their organisation-dependent filters (支部, 村民小组, 网格…) here."""

    def run_dialog(self, dialog: QDialog) -> bool:
        """Modal dialog; a seam the tests replace to drive dialogs without blocking."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def report(self, error: BaseException) -> None:
        show_error(error, self)

    def open_dialog(self, make: Callable[[], QDialog], keep_id: Callable[[QDialog], int | None] | None = None) -> bool:
        """Run a dialog; after 确定 (the list has re-read on the broadcast) select ``keep_id(dialog)``,
        e.g. the new record."""
        after = (lambda d: self.select_id(keep_id(d))) if keep_id else None
        return open_record_dialog(self, make, self.run_dialog, after)

    def edit_selected(self, make: Callable[[int], QDialog], *, active_only: bool = False, keep: bool = True) -> bool:
        """The dialog of the selected record (``active_only``: not an ended one); after 确定 the
        record stays selected (``keep=False``: it left the list)."""
        record_id = self.current_active_id() if active_only else self.current_id()
        if record_id is None:
            return False
        return self.open_dialog(lambda: make(record_id), (lambda _d: record_id) if keep else None)

    def edit_current(self) -> None:
        """Subclasses open their edit dialog for ``current_id()`` (double-click, 修改)."""
