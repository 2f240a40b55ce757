"""The unit tree of 设置 → 村和组织 (its lists are ``ui.list_model.ListTableModel``s).

``unit_tree_model`` builds the 党总支 → 党支部 → 党小组 tree as a QStandardItemModel whose
items carry the unit id.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from govdesk.services.organisation import UnitRow
from ui.list_model import ROW_ID_ROLE

ENDED_COLOR = QColor("#888888")


def unit_tree_model(units: Sequence[UnitRow]) -> QStandardItemModel:
    """Columns 组织 / 类别 / 书记（组长）; children under their parent, orphans at the top."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["组织名称", "类别", "书记（组长）"])
    items: dict[int, QStandardItem] = {}
    known = {u.id for u in units}
    pending = list(units)
    while pending:  # parents first, whatever order the rows came in
        rest = []
        for u in pending:
            if u.parent_id is not None and u.parent_id in known and u.parent_id not in items:
                rest.append(u)
                continue
            row = [QStandardItem(u.name), QStandardItem(u.kind), QStandardItem(u.leader_name or "（未设置）")]
            for item in row:
                item.setEditable(False)
                item.setData(u.id, ROW_ID_ROLE)
            parent = items.get(u.parent_id) if u.parent_id is not None else None
            (parent or model.invisibleRootItem()).appendRow(row)
            items[u.id] = row[0]
        if len(rest) == len(pending):
            break
        pending = rest
    return model
