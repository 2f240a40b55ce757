"""The 打印 button (公开版 / 内部版 / 打印存档) on the members and households tabs."""

from __future__ import annotations

from pathlib import Path

import pytest

from govdesk.db import Database
from govdesk.services.bundle import Services


@pytest.fixture
def window(demo_db: Database, qtbot):  # type: ignore[no-untyped-def]
    from ui.app import application
    from ui.main_window import MainWindow

    application()
    win = MainWindow(Services.open(demo_db), demo=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    yield win
    win.jobs.shutdown()


def _tab(window, cls_name: str):  # type: ignore[no-untyped-def]
    for i in range(len(window.tab_titles())):
        tab = window.area(i)
        if type(tab).__name__ == cls_name:
            window.select_area(i)
            return tab
    raise AssertionError(cls_name)


@pytest.mark.parametrize(("tab_name", "title"), [("MembersTab", "党员花名册"), ("HouseholdsTab", "农户花名册")])
def test_print_button_public_copy_previews_and_archives(window, qtbot, tmp_path: Path, tab_name: str, title: str):  # type: ignore[no-untyped-def]
    tab = _tab(window, tab_name)
    button = tab.print_button
    actions = [a.text() for a in button.menu().actions() if a.text()]
    assert actions[0].startswith("公开版") and actions[1].startswith("内部版") and actions[2] == "打印存档…"
    button.menu().actions()[0].trigger()
    request = button.requests[-1]
    qtbot.waitUntil(lambda: request.dialog is not None or request.error is not None, timeout=30_000)
    assert request.error is None
    dialog = request.dialog
    qtbot.addWidget(dialog)
    assert title in dialog.title and dialog.pages.count >= 1
    dialog.save_as(str(tmp_path / "x.pdf"))
    assert [e.title for e in request.archived] == [dialog.title]
    dialog.close()
    archive_action = [a for a in button.menu().actions() if a.text() == "打印存档…"][0]
    archive_action.trigger()
    from ui.print_archive_dialog import PrintArchiveDialog

    archive = window.findChild(PrintArchiveDialog)
    assert archive is not None and archive.model.rowCount() == 1
    archive.close()


def test_print_button_internal_copy(window, qtbot):  # type: ignore[no-untyped-def]
    tab = _tab(window, "MembersTab")
    tab.print_button.menu().actions()[1].trigger()
    request = tab.print_button.requests[-1]
    qtbot.waitUntil(lambda: request.dialog is not None, timeout=30_000)
    qtbot.addWidget(request.dialog)
    request.dialog._output("printed")
    assert request.archived == []
    request.dialog.close()
