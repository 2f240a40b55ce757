"""The base of a service's reads that depend on the desk's today (deadlines, 本年, overdue …)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from govdesk.db import Database


class DatedReads:
    """``clock`` is injectable: the demo village and the tests pin today; the desk uses the clock."""

    def __init__(self, db: Database, clock: Callable[[], datetime] | None = None) -> None:
        self.db = db
        self.clock: Callable[[], datetime] = clock or datetime.now

    def today(self) -> date:
        return self.clock().date()
