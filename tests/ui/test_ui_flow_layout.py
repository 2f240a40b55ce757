"""ui.flow_layout.FlowLayout: a row of buttons or filters that wraps instead of widening the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton, QWidget

from ui.flow_layout import FlowLayout


@pytest.fixture
def row(qtbot):  # type: ignore[no-untyped-def]
    def make(count: int = 5, *, align_right: bool = False) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
        host = QWidget()
        qtbot.addWidget(host)
        layout = FlowLayout(host, align_right=align_right)
        buttons = [QPushButton(f"按钮{n}") for n in range(count)]
        for button in buttons:
            button.setFixedSize(100, 30)
            layout.addWidget(button)
        return host, layout, buttons

    return make


def test_one_row_when_wide_enough(row) -> None:  # type: ignore[no-untyped-def]
    host, layout, buttons = row()
    host.resize(600, 100)
    host.show()
    layout.activate()
    assert {b.y() for b in buttons} == {0}
    assert [b.x() for b in buttons] == sorted(b.x() for b in buttons)
    assert layout.sizeHint().width() == 5 * 100 + 4 * layout._gap()  # what it asks for: one row
    assert layout.minimumSize().width() == 100  # what it needs: the widest widget


def test_wraps_when_narrow_and_grows_taller(row) -> None:  # type: ignore[no-untyped-def]
    host, layout, buttons = row()
    one_row = layout.heightForWidth(600)
    assert layout.heightForWidth(250) == 3 * 30 + 2 * layout._gap()  # two per row: three rows
    assert layout.heightForWidth(100) == 5 * 30 + 4 * layout._gap()
    assert one_row == 30
    host.resize(250, 200)
    host.show()
    layout.activate()
    assert [(b.x() > 0, b.y() // 30) for b in buttons] == [(False, 0), (True, 0), (False, 1), (True, 1), (False, 2)]


def test_right_alignment_and_hidden_widgets(row) -> None:  # type: ignore[no-untyped-def]
    host, layout, buttons = row(3, align_right=True)
    buttons[1].hide()  # takes no room
    host.resize(400, 50)
    host.show()
    layout.activate()
    assert buttons[2].geometry().right() == 399
    assert buttons[0].geometry().right() + layout._gap() + 1 == buttons[2].x()


def test_insert_widget_goes_before(row) -> None:  # type: ignore[no-untyped-def]
    host, layout, buttons = row(2)
    first = QPushButton("打印")
    first.setFixedSize(100, 30)
    layout.insertWidget(0, first)
    assert [layout.itemAt(n).widget() for n in range(layout.count())] == [first, *buttons]
    assert first.parent() is host
    assert layout.itemAt(5) is None and layout.takeAt(5) is None
