"""Brings what the services report as written (govdesk.changes) onto the GUI thread as a signal.

A write may run on the job runner's worker thread (drafting a roster, importing a register):
the feed calls ``_heard`` there, and the signal, connected to this object living on the GUI
thread, is queued to it. A write on the GUI thread arrives at once, before the service call
returns, so a dialog's caller finds its lists already refreshed.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, Signal

from govdesk.changes import Changes, feed_of


class ChangeRelay(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, db: object, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = feed_of(db).listen(self._heard)
        self.destroyed.connect(lambda *_a, stop=self._stop: stop())

    def _heard(self, changes: Changes) -> None:
        if not shiboken6.isValid(self):  # the window is gone (deleted without closing): stop listening
            self._stop()
            return
        self.changed.emit(changes)

    def stop(self) -> None:
        """No more reports (the window is closing)."""
        self._stop()
