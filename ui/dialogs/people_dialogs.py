"""Small dialogs for the people details: a category period, a star rating, moving a resident,
a 中心户 relay, a member's 联户 household and plaque. Each calls one service method and shows
its ValidationError (Chinese, naming the field) without closing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QComboBox, QSpinBox, QWidget

from govdesk.errors import GovdeskError
from govdesk.services.households import HouseholdService
from govdesk.vocabulary import HOUSEHOLD_CATEGORIES, MAX_STARS, PLAQUE_KINDS
from ui.dialogs.common import FieldDialog
from ui.household_picker import HouseholdPicker


class ActionDialog(FieldDialog):
    """A people-details form: 确定 calls one service method in ``submit``; each row is keyed by
    the field the service names in its errors."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, min_width=420)


class CategoryDialog(ActionDialog):
    """Add a category period (低保户 from…, until…) to a household."""

    def __init__(self, add: Callable[[str, str, str], Any], parent: QWidget | None = None) -> None:
        super().__init__("添加家庭类别", parent)
        self._add = add
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.addItems(HOUSEHOLD_CATEGORIES)
        self.add_row("category", self.category)
        self.started = self.date_field("started_on", date.today())
        self.ended = self.date_field("category_ended_on", None, "仍在此类别中则留空")

    def submit(self) -> None:
        self._add(self.category.currentText(), self.started.text(), self.ended.text() or None)


class EndCategoryDialog(ActionDialog):
    """The end date of a period (a category, a 联户 link: ``field`` is the one the service checks)."""

    def __init__(
        self, what: str, end: Callable[[str], Any], parent: QWidget | None = None, *, field: str = "category_ended_on"
    ) -> None:
        super().__init__(f"结束类别：{what}", parent)
        self._end = end
        self.ended = self.date_field(field, date.today())

    def submit(self) -> None:
        self._end(self.ended.text())


class StarDialog(ActionDialog):
    """星级文明户: one rating per year (0–10 stars); the same year again replaces it."""

    def __init__(self, rate: Callable[[int, int], Any], parent: QWidget | None = None) -> None:
        super().__init__("评定星级文明户", parent)
        self._rate = rate
        self.year = QSpinBox()
        self.year.setRange(2000, date.today().year + 1)
        self.year.setValue(date.today().year)
        self.stars = QSpinBox()
        self.stars.setRange(0, MAX_STARS)
        self.stars.setValue(5)
        self.stars.setSuffix(" 星")
        self.add_row("star_year", self.year)
        self.add_row("stars", self.stars)

    def submit(self) -> None:
        self._rate(self.year.value(), self.stars.value())


class PickHouseholdDialog(ActionDialog):
    """Choose another household (a relay of a 中心户, or a member's 联户 household)."""

    def __init__(
        self,
        title: str,
        households: HouseholdService,
        pick: Callable[[int, str], Any],
        parent: QWidget | None = None,
        *,
        exclude: int | None = None,
        with_date: bool = False,
        field: str = "relay_households",
    ) -> None:
        super().__init__(title, parent)
        self._pick = pick
        self.picker = self.add_row(field, HouseholdPicker(households, self, exclude=exclude), "查找农户")
        self.day = self.date_field("link_started_on", date.today())
        if not with_date:
            self.form.setRowVisible(self.day.parentWidget(), False)

    def submit(self) -> None:
        hid = self.picker.household_id()
        if hid is None:
            raise GovdeskError("请先查找并选中一户")
        self._pick(hid, self.day.text())


class MoveResidentDialog(ActionDialog):
    """A resident joins another household (婚嫁, 分户…); the move is kept as history."""

    def __init__(
        self,
        name: str,
        households: HouseholdService,
        move: Callable[[int, str, str, str], Any],
        parent: QWidget | None = None,
        *,
        from_household: int | None = None,
    ) -> None:
        super().__init__(f"迁移居民：{name}", parent)
        self._move = move
        self.picker = self.add_row("to_household", HouseholdPicker(households, self, exclude=from_household))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(
            ["", "户主", "配偶", "长子", "长女", "次子", "次女", "儿媳", "女婿", "孙子", "孙女", "父亲", "母亲"]
        )
        self.add_row("relation", self.relation, "在新户中与户主关系")
        self.day = self.date_field("moved_on", date.today())
        self.reason = QComboBox()
        self.reason.setEditable(True)
        self.reason.addItems(["婚嫁", "分户", "投亲", "其他"])
        self.add_row("move_reason", self.reason)

    def submit(self) -> None:
        hid = self.picker.household_id()
        if hid is None:
            raise GovdeskError("迁入户：请先查找并选中要迁入的一户")
        self._move(hid, self.relation.currentText(), self.day.text(), self.reason.currentText())


class PlaqueDialog(ActionDialog):
    """挂牌亮户: the plaque on the member's home and the day it went up (none = taken down)."""

    def __init__(
        self, kind: str, on: date | None, set_plaque: Callable[[str, str], Any], parent: QWidget | None = None
    ) -> None:
        super().__init__("挂牌亮户", parent)
        self._set = set_plaque
        self.kind = QComboBox()
        self.kind.addItem("（未挂牌）", "")
        for k in PLAQUE_KINDS:
            self.kind.addItem(k, k)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.add_row("plaque_kind", self.kind)
        self.day = self.date_field("plaque_on", on or date.today())

    def submit(self) -> None:
        kind = self.kind.currentData()
        self._set(kind, self.day.text() if kind else "")
