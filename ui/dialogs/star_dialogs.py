"""五星支部: the year's indicator catalogue (百分目标) editor. 确定 saves the whole year at once
through ``StarService.save_catalogue``; the running total says how far from 100 the points are,
and a refusal (not 100, a scored indicator removed …) keeps the dialog open with everything typed."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from govdesk.services.stars import StarService
from govdesk.stars.rules import DEFAULT_THRESHOLD, STARS, TOTAL_POINTS, IndicatorInput
from ui.dialogs.common import FieldDialog

COLUMNS = ("星", "指标", "目标要求", "分值")


class CatalogueDialog(FieldDialog):
    def __init__(self, stars: StarService, year: int, parent: QWidget | None = None) -> None:
        super().__init__(f"{year}年五星支部指标目录（百分目标）", parent, min_width=820)
        self.stars, self.year = stars, year
        cat = stars.catalogue(year)
        self.set_intro(
            f"五颗星的指标和分值，合计 {TOTAL_POINTS} 分；达标线为该星分值的百分比（如 80%），"
            "一颗星的指标得分合计达到达标线即摘星。已有得分的指标不能删除。"
        )
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 150)
        self.table.setColumnWidth(2, 400)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setMinimumHeight(320)
        self.add_row("star_points", self.table, "指标")
        self.total = QLabel()
        for i in cat.indicators:
            self.add_indicator(i.star, i.name, i.target, i.points, i.id)
        buttons = QHBoxLayout()
        add = QPushButton("增加一行")
        add.clicked.connect(lambda _c=False: self.add_indicator(STARS[0], "", "", 1, None))
        remove = QPushButton("删除所选行")
        remove.clicked.connect(lambda _c=False: self.remove_current())
        buttons.addWidget(add)
        buttons.addWidget(remove)
        if not cat.indicators and stars.catalogue(year - 1).indicators:
            copy = QPushButton(f"从{year - 1}年复制")
            copy.clicked.connect(lambda _c=False: self.copy_previous())
            buttons.addWidget(copy)
        buttons.addStretch(1)
        buttons.addWidget(self.total)
        holder = QWidget()
        holder.setLayout(buttons)
        self.form.addRow("", holder)
        self.thresholds: dict[str, QSpinBox] = {}
        row = QHBoxLayout()
        for star in STARS:
            spin = QSpinBox()
            spin.setRange(1, 100)
            spin.setSuffix(" %")
            spin.setValue(cat.thresholds.get(star, DEFAULT_THRESHOLD))
            self.thresholds[star] = spin
            row.addWidget(QLabel(star))
            row.addWidget(spin)
        box = QWidget()
        box.setLayout(row)
        self.add_row("star_threshold", box)
        self.table.itemChanged.connect(lambda _i: self.update_total())
        self.update_total()

    def add_indicator(self, star: str, name: str, target: str, points: int, indicator_id: int | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        combo = QComboBox()
        combo.addItems(list(STARS))
        combo.setCurrentText(star)
        self.table.setCellWidget(row, 0, combo)
        first = QTableWidgetItem(name)
        first.setData(256, indicator_id)
        self.table.setItem(row, 1, first)
        self.table.setItem(row, 2, QTableWidgetItem(target))
        spin = QSpinBox()
        spin.setRange(0, 100)
        spin.setValue(points)
        spin.valueChanged.connect(lambda _v: self.update_total())
        self.table.setCellWidget(row, 3, spin)
        self.update_total()

    def remove_current(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.update_total()

    def copy_previous(self) -> None:
        for i in self.stars.catalogue(self.year - 1).indicators:
            self.add_indicator(i.star, i.name, i.target, i.points, None)

    def indicators(self) -> list[IndicatorInput]:
        found = []
        for row in range(self.table.rowCount()):
            star_box, points_box = self.table.cellWidget(row, 0), self.table.cellWidget(row, 3)
            if not isinstance(star_box, QComboBox) or not isinstance(points_box, QSpinBox):
                continue  # a row still being added
            star, points = star_box.currentText(), points_box.value()
            name_item, target_item = self.table.item(row, 1), self.table.item(row, 2)
            found.append(
                IndicatorInput(
                    star,
                    name_item.text() if name_item else "",
                    points,
                    target_item.text() if target_item else "",
                    name_item.data(256) if name_item else None,
                )
            )
        return found

    def update_total(self) -> None:
        total = sum(i.points for i in self.indicators())
        gap = TOTAL_POINTS - total
        more = "" if gap == 0 else (f"（还差 {gap} 分）" if gap > 0 else f"（多了 {-gap} 分）")
        self.total.setText(f"合计 {total} 分{more}")
        self.total.setStyleSheet("" if gap == 0 else "color: #c62828;")

    def submit(self) -> None:
        thresholds = {star: spin.value() for star, spin in self.thresholds.items()}
        self.stars.save_catalogue(self.year, self.indicators(), thresholds)
