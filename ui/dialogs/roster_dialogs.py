"""Dialogs of the 值班 tab: adjust a day, sign off, swap two days, record leave.

Each dialog collects input and calls one service method in ``submit``; a ``GovdeskError``
(e.g. the cadre is on leave that day) is shown in red beside its field or above the buttons and
the dialog stays open with the input, so the person can correct it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from govdesk.errors import GovdeskError
from govdesk.roster.calendar import WEEKDAY_NAMES
from govdesk.roster.views import CadreRef, RosterView
from ui.dialogs.common import FieldDialog, date_of


def cadre_combo(cadres: list[CadreRef], current: int | None = None) -> QComboBox:
    box = QComboBox()
    for c in cadres:
        box.addItem(f"{c.name}（{c.post}）", c.id)
    if current is not None:
        box.setCurrentIndex(max(0, box.findData(current)))
    return box


class RosterFormDialog(FieldDialog):
    """The roster's dialogs are a little wider: the explanation above the fields is long."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent, min_width=440)


class AssignDialog(RosterFormDialog):
    """调整: put another cadre on a day of a draft roster."""

    def __init__(
        self, view: RosterView, day: date, assign: Callable[[date, int], list[str]], parent: QWidget | None = None
    ):
        super().__init__(f"调整 {day.month}月{day.day}日 值班人", parent)
        rd = view.day(day)
        self._day, self._assign = day, assign
        self.cadre = cadre_combo(view.cadres, rd.cadre.id if rd and rd.cadre else None)
        self.set_intro(f"{day.isoformat()}（{rd.kind if rd else ''}）。手工指定的日子在重新生成草稿时保留。")
        self.add_row("duty_cadre", self.cadre)

    def submit(self) -> object:
        return self._assign(self._day, int(self.cadre.currentData()))


class SignOffDialog(RosterFormDialog):
    """签发: the branch secretary's name and the date of sign-off."""

    def __init__(self, view: RosterView, today: date, sign: Callable[[str, date], None], parent: QWidget | None = None):
        super().__init__(f"签发 {view.year}年{view.month}月 值班表", parent)
        self._sign = sign
        self.set_intro("签发后值班表不能再直接修改，只能换班并登记原因。")
        secretary = next((c.name for c in view.cadres if "书记" in c.post and "副书记" not in c.post), "")
        self.secretary = QLineEdit(secretary)
        self.add_row("roster_secretary", self.secretary)
        self.signed_on = self.date_field("roster_signed_on", today)

    def submit(self) -> object:
        self._sign(self.secretary.text(), date_of(self.signed_on))
        return None


class SwapDialog(RosterFormDialog):
    """换班: after sign-off, swap the cadres of two days, with who asked and why."""

    def __init__(
        self,
        view: RosterView,
        day_a: date,
        swap: Callable[[date, date, str, str], object],
        parent: QWidget | None = None,
    ):
        super().__init__("换班（签发后）", parent)
        self._swap, self._day_a = swap, day_a
        a = view.day(day_a)
        self.set_intro(f"{day_a.month}月{day_a.day}日 原值班人：{a.cadre_name if a else ''}。换班会登记在值班表上。")
        self.day_b = QComboBox()
        for rd in view.days:
            if rd.day != day_a and rd.cadre and (a is None or rd.cadre != a.cadre):
                self.day_b.addItem(
                    f"{rd.day.month}月{rd.day.day}日 周{WEEKDAY_NAMES[rd.day.weekday()]}  {rd.cadre.name}", rd.day
                )
        self.requested_by = QComboBox()
        self.requested_by.setEditable(True)
        for c in view.cadres:
            self.requested_by.addItem(c.name)
        if a and a.cadre:
            self.requested_by.setCurrentText(a.cadre.name)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText("例如：当天到镇里开会")
        self.add_row("swap_day_b", self.day_b)
        self.add_row("swap_requested_by", self.requested_by)
        self.add_row("swap_reason", self.reason)

    def submit(self) -> object:
        day_b = self.day_b.currentData()
        if day_b is None:
            raise GovdeskError("本月没有可以换班的日子")
        return self._swap(self._day_a, day_b, self.requested_by.currentText(), self.reason.text())


class LeaveDialog(RosterFormDialog):
    """请假: a cadre's leave; the next draft skips those days."""

    def __init__(
        self,
        cadres: list[CadreRef],
        day: date,
        add: Callable[[int, date, date, str], list[date]],
        parent: QWidget | None = None,
    ):
        super().__init__("登记请假", parent)
        self._add = add
        self.set_intro("请假期间不会被排班；已签发的值班表里若有冲突，请再用“换班”调整。")
        self.cadre = cadre_combo(cadres)
        self.add_row("duty_cadre", self.cadre)
        self.start = self.date_field("leave_start", day)
        self.end = self.date_field("leave_end", day)
        self.reason = self.add_row("leave_reason", QLineEdit())

    def submit(self) -> object:
        return self._add(int(self.cadre.currentData()), date_of(self.start), date_of(self.end), self.reason.text())
