"""Laying a widget tree out before it paints.

A change deep in nested layouts (a label's new text inside a group box inside a scroll area, a
page just built into the window's stack) reaches each parent layout by a posted event, one level
per round of the event loop, while the paint the change asked for is already queued: the page
would paint once in its old geometry and again, a moment later, when the requests arrive (it
visibly jumps, and paints twice while its read runs on the worker). ``settle_layouts`` delivers
those posted layout requests level by level now, so the next paint is the only one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

# Levels of nested layouts a change climbs in the deepest page (首页: a breakdown line, the
# 村情数据 box, the page's content, the scroll area's viewport, the page in the window's stack).
LAYOUT_LEVELS = 5


def settle_layouts() -> None:
    """Deliver the posted layout requests of every widget, one nesting level per pass."""
    for _ in range(LAYOUT_LEVELS):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
