"""A search box over a short list of matches, for picking one record in a dialog.

The clerk types part of a name, a 户号 or the last digits of an ID number; 150 ms after the last
key the subclass's ``matches(text)`` (a service call, a few dozen rows at most) fills the list
and the first match is selected. ``picked`` says which record is selected now (or ``None``).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole
TYPING_PAUSE_MS = 150  # search once the clerk stops typing, not on every key


class SearchPicker(QWidget):
    picked = Signal(object)  # the selected record's id, or None

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(placeholder)
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_PAUSE_MS)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.list.currentItemChanged.connect(lambda *_a: self.picked.emit(self.chosen_id()))
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search)
        lay.addWidget(self.list)

    def matches(self, text: str) -> Iterable[tuple[int, str]]:
        """(record id, the line shown) for what was typed; ``text`` is stripped and not empty."""
        raise NotImplementedError

    def refresh(self) -> None:
        self._timer.stop()
        self.list.clear()
        text = self.search.text().strip()
        if not text:
            return
        for record_id, line in self.matches(text):
            item = QListWidgetItem(line)
            item.setData(ID_ROLE, record_id)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)

    def chosen_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(ID_ROLE) if item is not None else None
