"""The 打印 menu of the decisions tab: 决议公告, 实施结果公告, 议事登记表 through the shared print preview.

The PDF is laid out in the JobRunner (``ui.print_actions.preview_document``); public notices
are archived (打印存档) once printed or saved. An entry is enabled only when the matter has
reached the stage the print needs; the service says why otherwise.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMenu

from govdesk.decisions.state import STATE_COMPLETED, STATE_DONE, STATE_POSTED, STATE_RESOLVED
from govdesk.services.decisions_print import (
    ARCHIVE_KINDS,
    RESOLUTION,
    RESULT,
    SHEET,
    DecisionPrinter,
    PrintOptions,
)
from ui.print_actions import PrintRequest, open_archive_dialog, preview_document

PRINTS = (
    (RESOLUTION, "决议公告（决议公开）…", (STATE_RESOLVED, STATE_POSTED, STATE_COMPLETED, STATE_DONE)),
    (RESULT, "实施结果公告…", (STATE_COMPLETED, STATE_DONE)),
    (SHEET, "议事登记表（存档用）…", None),
)


def print_matter(tab: Any, which: str, full: bool = False) -> PrintRequest:
    """Preview one print of the tab's current matter (posting date today until 决议公开 is recorded)."""
    view = tab.current
    printer = DecisionPrinter(tab.services.db)
    today = tab.svc.today()
    options = PrintOptions(posted_on=today, full=full)
    request = preview_document(
        tab,
        tab.services,
        tab.jobs,
        lambda _progress: printer.render(view.id, which, options, today),
        ARCHIVE_KINDS[which],
        label=f"正在生成 {view.number} 的打印文件…",
    )
    tab.print_requests.append(request)
    return request


def add_print_actions(tab: Any, menu: QMenu) -> None:
    tab.print_requests = []
    actions = []
    for which, text, states in PRINTS:
        action = menu.addAction(text, lambda w=which: print_matter(tab, w))
        actions.append((action, states))
    menu.addSeparator()
    menu.addAction("打印存档…", lambda: open_archive_dialog(tab, tab.services, tab.jobs))

    def enable() -> None:
        state = tab.current.state.state if tab.current else None
        for action, states in actions:
            action.setEnabled(state is not None and (states is None or state in states))

    menu.aboutToShow.connect(enable)
