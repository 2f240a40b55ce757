"""A tab whose capability is still being built: says so instead of showing an empty grey area."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderTab(QWidget):
    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        text = QLabel(message)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("color: #666; font-size: 16pt;")
        lay = QVBoxLayout(self)
        lay.addWidget(text)
