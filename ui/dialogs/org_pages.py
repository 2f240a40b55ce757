"""The tabs of 设置 → 村和组织: the village, the Party tree, villager groups, grids, cadres.

Each page lists what the service returns and opens a small form (``org_forms``) for every
change; the form calls the service, so every rule and every Chinese refusal is the domain's.
Pages open dialogs through ``run_dialog`` (the organisation dialog's seam, replaced in tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import qtawesome as qta
from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from govdesk.errors import GovdeskError
from govdesk.labels import label
from govdesk.services.organisation import CadreRow, OrganisationService, TeamRow, UnitRow
from govdesk.services.village import VillageService
from govdesk.vocabulary import ORG_BRANCH, ORG_GENERAL_BRANCH, ORG_GROUP
from ui.dialogs.end_record_dialog import EndRecordDialog
from ui.dialogs.org_forms import CadreDialog, LeaderDialog, NameDialog, TeamDialog, VillageDialog
from ui.dialogs.org_models import ENDED_COLOR, unit_tree_model
from ui.list_model import ROW_ID_ROLE, Column, ListTableModel

RunDialog = Callable[[QDialog], bool]
CADRE_END_REASONS = ("换届", "辞职", "调离", "免职", "去世", "其他")


def _committees(row: CadreRow) -> str:
    names = [
        label(k)
        for k, on in (
            ("on_branch_committee", row.on_branch_committee),
            ("on_village_committee", row.on_village_committee),
        )
        if on
    ]
    return "、".join(names)


class Page(QWidget):
    """A tab with a button row at the top; ``changed`` tells the dialog something was saved."""

    changed = Signal()

    def __init__(self, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.run_dialog = run_dialog
        self.layout_ = QVBoxLayout(self)
        self.buttons = QHBoxLayout()
        self.layout_.addLayout(self.buttons)

    def add_button(self, text: str, icon: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(qta.icon(icon), text)
        button.clicked.connect(lambda _c=False: slot())
        self.buttons.addWidget(button)
        return button

    def finish_buttons(self) -> None:
        self.buttons.addStretch(1)

    def open(self, dialog: QDialog) -> None:
        if self.run_dialog(dialog):
            self.reload()
            self.changed.emit()

    def refuse(self, message: str) -> None:
        QMessageBox.warning(self, "无法完成", message)

    def reload(self) -> None:
        raise NotImplementedError


class VillagePage(Page):
    """村的信息: what the titles and printouts say, edited through the village form."""

    FIELDS = ("village", "township", "county", "village_address", "village_phone", "supervision_phone")

    def __init__(self, village: VillageService, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(run_dialog, parent)
        self.village = village
        self.edit_button = self.add_button("修改村的信息…", "fa5s.edit", self.edit)
        self.finish_buttons()
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key in self.FIELDS:
            value = QLabel()
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            form.addRow(f"{label(key)}：", value)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.reload()

    def reload(self) -> None:
        data = self.village.as_input()
        texts = (
            [data.name, data.township, data.county, data.address, data.phone, data.supervision_phone]
            if data
            else ["（尚未填写，请点“修改村的信息…”）"] + [""] * 5
        )
        for key, text in zip(self.FIELDS, texts, strict=True):
            self.values[key].setText(text or "—")

    def edit(self) -> None:
        self.open(VillageDialog(self.village, self))


class PartyPage(Page):
    """党组织: the 党总支 → 党支部 → 党小组 tree; add, rename, set the 书记 / 组长."""

    def __init__(self, org: OrganisationService, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(run_dialog, parent)
        self.org = org
        self.add_button("新建党总支", "fa5s.sitemap", self.add_general_branch)
        self.add_button("新建党支部", "fa5s.flag", self.add_branch)
        self.add_button("新建党小组", "fa5s.users", self.add_group)
        self.add_button("重命名", "fa5s.i-cursor", self.rename)
        self.add_button("设置书记（组长）", "fa5s.user-tie", self.set_leader)
        self.finish_buttons()
        self.tree = QTreeView()
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAlternatingRowColors(True)
        self.layout_.addWidget(self.tree)
        hint = QLabel("大村：党总支 → 党支部 → 党小组；小村：直接新建党支部。党小组须建在党支部之下。")
        hint.setWordWrap(True)
        self.layout_.addWidget(hint)
        self.units: list[UnitRow] = []
        self.reload()

    def reload(self, keep_id: int | None = None) -> None:
        keep = keep_id if keep_id is not None else self.selected_id()
        self.units = self.org.units()
        self.model = unit_tree_model(self.units)
        self.tree.setModel(self.model)
        self.tree.expandAll()
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(1, 90)
        self.select(keep)

    def select(self, unit_id: int | None) -> None:
        if unit_id is None:
            return
        hits = self.model.match(
            self.model.index(0, 0), ROW_ID_ROLE, unit_id, 1, Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly
        )
        if hits:
            self.tree.setCurrentIndex(hits[0])

    def selected_id(self) -> int | None:
        if not hasattr(self, "model"):
            return None
        index: QModelIndex = self.tree.currentIndex()
        value = index.data(ROW_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def selected(self) -> UnitRow | None:
        uid = self.selected_id()
        return next((u for u in self.units if u.id == uid), None)

    def _add(self, kind: str, parent_id: int | None, where: str) -> None:
        created: list[int] = []
        dialog = NameDialog(
            f"新建{kind}{where}",
            "unit_name",
            "",
            lambda name: created.append(self.org.add_unit(kind, name, parent_id)),
            self,
        )
        if self.run_dialog(dialog):
            self.reload(created[0] if created else None)
            self.changed.emit()

    def add_general_branch(self) -> None:
        self._add(ORG_GENERAL_BRANCH, None, "")

    def add_branch(self) -> None:
        """Under the selected 总支, else under the only 总支, else a branch of its own."""
        sel = self.selected()
        generals = [u for u in self.units if u.kind == ORG_GENERAL_BRANCH]
        parent = sel if sel and sel.kind == ORG_GENERAL_BRANCH else (generals[0] if len(generals) == 1 else None)
        self._add(ORG_BRANCH, parent.id if parent else None, f"（属 {parent.name}）" if parent else "")

    def add_group(self) -> None:
        sel = self.selected()
        branch = sel if sel and sel.kind == ORG_BRANCH else None
        if sel and sel.kind == ORG_GROUP:
            branch = next((u for u in self.units if u.id == sel.parent_id), None)
        if branch is None:
            self.refuse("请先在列表中选中一个党支部，党小组建在党支部之下。")
            return
        self._add(ORG_GROUP, branch.id, f"（属 {branch.name}）")

    def rename(self) -> None:
        sel = self.selected()
        if sel is None:
            self.refuse("请先选中要重命名的组织。")
            return
        self.open(
            NameDialog(f"重命名：{sel.name}", "unit_name", sel.name, lambda n: self.org.rename_unit(sel.id, n), self)
        )

    def set_leader(self) -> None:
        sel = self.selected()
        if sel is None:
            self.refuse("请先选中一个党组织。")
            return
        try:
            choices = self.org.leader_choices(sel.id)
        except GovdeskError as exc:
            self.refuse(str(exc))
            return
        self.open(
            LeaderDialog(sel.name, choices, sel.leader_member_id, lambda m: self.org.set_unit_leader(sel.id, m), self)
        )


class TeamPage(Page):
    """村民小组 or 网格: a list with 新增 / 修改 (kept, never deleted: households point at them)."""

    def __init__(
        self, org: OrganisationService, run_dialog: RunDialog, *, grids: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(run_dialog, parent)
        self.org = org
        self.grids = grids
        self.noun = "网格" if grids else "村民小组"
        self.leader_word = "网格长" if grids else "组长"
        self.name_field = "grid_name" if grids else "group_name"
        self.add_button(f"新增{self.noun}", "fa5s.plus", self.add)
        self.add_button("修改", "fa5s.edit", self.edit)
        self.finish_buttons()
        self.model = ListTableModel(
            [
                Column(label(self.name_field), lambda r: r.name),
                Column(self.leader_word, lambda r: r.leader_name),
                Column("联系电话", lambda r: r.leader_phone),
            ]
        )
        self.table = _table(self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.layout_.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        org = self.org
        self.model.set_items(org.grids() if self.grids else org.villager_groups())

    def _save(self, team_id: int | None) -> Callable[[str, str, str], object]:
        org = self.org
        if self.grids:
            return (lambda *a: org.update_grid(team_id, *a)) if team_id else org.add_grid
        return (lambda *a: org.update_villager_group(team_id, *a)) if team_id else org.add_villager_group

    def add(self) -> None:
        self.open(TeamDialog(f"新增{self.noun}", self.name_field, None, self._save(None), self))

    def edit(self) -> None:
        row: TeamRow | None = _current(self.table, self.model)
        if row is None:
            self.refuse(f"请先选中要修改的{self.noun}。")
            return
        self.open(TeamDialog(f"修改{self.noun}", self.name_field, row, self._save(row.id), self))


class CadrePage(Page):
    """村干部（两委）: add / edit / 离任 (ended with a date and reason, kept for old records)."""

    def __init__(self, org: OrganisationService, run_dialog: RunDialog, parent: QWidget | None = None) -> None:
        super().__init__(run_dialog, parent)
        self.org = org
        self.add_button("新增村干部", "fa5s.user-plus", self.add)
        self.add_button("修改", "fa5s.user-edit", self.edit)
        self.add_button("离任", "fa5s.user-slash", self.end)
        self.finish_buttons()
        self.show_ended = QCheckBox("显示已离任")
        self.show_ended.toggled.connect(lambda _on: self.reload())
        self.buttons.addWidget(self.show_ended)
        self.model = ListTableModel(
            [
                Column("姓名", lambda r: r.name),
                Column("职务", lambda r: r.post),
                Column("所在委员会", _committees),
                Column("联系电话", lambda r: r.phone),
                Column("任职日期", lambda r: r.started_on.isoformat() if r.started_on else ""),
                Column("离任", lambda r: f"{r.ended_on.isoformat()} {r.end_reason}" if r.ended_on else ""),
            ],
            foreground=lambda r, _c: ENDED_COLOR if r.ended_on is not None else None,
        )
        self.table = _table(self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.layout_.addWidget(self.table)
        self.reload()

    def reload(self) -> None:
        self.model.set_items(self.org.cadre_rows(include_ended=self.show_ended.isChecked()))

    def add(self) -> None:
        self.open(CadreDialog(self.org.member_choices(), None, self.org.add_cadre, self))

    def edit(self) -> None:
        row: CadreRow | None = _current(self.table, self.model)
        if row is None:
            self.refuse("请先选中要修改的村干部。")
            return
        self.open(CadreDialog(self.org.member_choices(), row, lambda d: self.org.update_cadre(row.id, d), self))

    def end(self) -> None:
        row: CadreRow | None = _current(self.table, self.model)
        if row is None or row.ended_on is not None:
            self.refuse("请先选中一名在任的村干部。")
            return
        dialog = EndRecordDialog(
            f"{row.name}（{row.post}）",
            lambda on, reason: self.org.end_cadre(row.id, on, reason),
            self,
            reasons=CADRE_END_REASONS,
            intro=f"离任后“{row.name}”不再出现在在任名单中，记录仍然保留（勾选“显示已离任”可查看）。",
            note="离任后不再排入值班和会议应到人数，以往的值班表和会议记录仍保留其姓名。",
        )
        dialog.setWindowTitle(f"离任：{row.name}")
        dialog.ok_button.setText("离任")
        self.open(dialog)


def _table(model: ListTableModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    model.modelReset.connect(lambda: _fit_columns(table))
    return table


def _fit_columns(table: QTableView) -> None:
    """Contents plus breathing room (CJK names touch the grid lines otherwise); the user may drag."""
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.resizeColumnsToContents()
    for column in range(header.count() - 1):
        header.resizeSection(column, max(header.sectionSize(column) + 24, 80))


def _current(table: QTableView, model: ListTableModel) -> Any:
    index = table.currentIndex()
    return model.item(index.row()) if index.isValid() else None
